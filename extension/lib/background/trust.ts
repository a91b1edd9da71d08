/** Turns the user's trust-source settings into the SDK's trust sources. */
import { credlensTrustList, dccLegacyRegistry, dccOidfRegistry, deqar, ebsiTir } from '../../../sdk/trust/index.js';
import { CredLensError } from '../../../sdk/errors.js';
import type { TrustSource } from '../../../sdk/trust/types.js';
import { unavailable } from '../../../sdk/trust/util.js';
import type { TrustSourceSetting } from '../settings.js';

/**
 * The enabled sources, built. A source that cannot be built (a pasted list that is not valid JSON,
 * a registry without its URL) is not dropped: it stays in the list as a source that cannot be
 * consulted, so every report names it as unavailable, with the reason, and no issuer is counted as
 * recognised by it.
 */
export function trustSourcesFrom(settings: readonly TrustSourceSetting[]): TrustSource[] {
  const sources: TrustSource[] = [];
  for (const s of settings) {
    if (!s.enabled) continue;
    try {
      sources.push(build(s));
    } catch (e) {
      sources.push(unusable(s, (e as Error)?.message ?? String(e)));
    }
  }
  return sources;
}

/** A source whose every lookup answers `unavailable`, with the reason it could not be built. */
function unusable(s: TrustSourceSetting, why: string): TrustSource {
  const kind = s.kind === 'ebsi' ? 'ebsi-tir' : s.kind;
  const problem = new CredLensError('bad-input', `the settings for this source are not usable (${why})`);
  return { name: s.name, kind, lookup: async (issuerId) => [unavailable(s.name, kind, issuerId, problem)] };
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
