/** Turns the user's trust-source settings into the SDK's trust sources. */
import { credlensTrustList, dccLegacyRegistry, dccOidfRegistry, deqar, ebsiTir } from '../../../sdk/trust/index.js';
import type { TrustSource } from '../../../sdk/trust/types.js';
import type { TrustSourceSetting } from '../settings.js';

/** A source the settings name but that cannot be built (e.g. a pasted list that is not valid JSON). */
export interface SourceProblem {
  id: string;
  name: string;
  message: string;
}

/** The enabled sources, built; problems are reported, never silently dropped. */
export function trustSourcesFrom(settings: readonly TrustSourceSetting[]): { sources: TrustSource[]; problems: SourceProblem[] } {
  const sources: TrustSource[] = [];
  const problems: SourceProblem[] = [];
  for (const s of settings) {
    if (!s.enabled) continue;
    try {
      sources.push(build(s));
    } catch (e) {
      problems.push({ id: s.id, name: s.name, message: (e as Error)?.message ?? String(e) });
    }
  }
  return { sources, problems };
}

function build(s: TrustSourceSetting): TrustSource {
  const pasted = s.json === undefined ? undefined : (JSON.parse(s.json) as Record<string, unknown>);
  switch (s.kind) {
    case 'credlens-list':
      return credlensTrustList(pasted ?? { url: need(s.url, s), name: s.name });
    case 'dcc-legacy':
      return dccLegacyRegistry(pasted ?? { url: need(s.url, s), name: s.name }, { name: s.name });
    case 'dcc-oidf':
      return dccOidfRegistry({ trustAnchor: need(s.url, s), name: s.name });
    case 'ebsi':
      return ebsiTir({ baseUrl: need(s.url, s), name: s.name });
    case 'deqar':
      return deqar({ ...(s.url ? { baseUrl: s.url } : {}), name: s.name });
  }
}

function need(url: string | undefined, s: TrustSourceSetting): string {
  if (!url) throw new Error(`${s.name} has no URL.`);
  return url;
}
