/**
 * DCC "legacy" issuer registries: the static JSON the Digital Credentials Consortium publishes for
 * its member and community registries (e.g. digitalcredentials.github.io/sandbox-registry/registry.json),
 * read the way DCC's verifier-core `dcc-legacy` handler and `@digitalcredentials/issuer-registry-client`
 * read it:
 *
 *   { "meta": { "created": "…", "updated": "…" },
 *     "registry": { "<DID>": { "name": "…", "location"?: "Cambridge, MA, USA", "url"?: "https://…" }, … } }
 *
 * (older copies name the map `entries`). An issuer is listed when its DID is an own key of the map
 * with an object value. The format carries no signature: the registry is trusted because the caller
 * configured it (and it is fetched over https).
 */
import { isCredLensError } from '../errors.js';
import { isObject, type JsonObject } from '../util/json.js';
import type { TrustContext, TrustFinding, TrustSource } from './types.js';
import { badInput, fetchJson, text, unavailable } from './util.js';

/** One registry entry, as published. */
export interface DccLegacyEntry {
  name?: string;
  location?: string;
  url?: string;
}

/** A validated DCC legacy registry. */
export interface DccLegacyRegistry {
  updated?: string;
  entries: Map<string, DccLegacyEntry>;
}

/** Validates a DCC legacy registry body. Throws `bad-input` for anything else. */
export function parseDccLegacy(json: unknown, where = 'The DCC registry'): DccLegacyRegistry {
  if (!isObject(json)) badInput(where, 'it is not a JSON object');
  const map = json.registry ?? json.entries;
  if (!isObject(map)) badInput(where, 'it has no "registry" object mapping DIDs to issuers');
  const entries = new Map<string, DccLegacyEntry>();
  for (const [did, raw] of Object.entries(map)) {
    if (raw === null) continue; // a removed entry
    if (!isObject(raw)) badInput(where, `the entry for ${did.slice(0, 80)} is not an object`);
    const e: DccLegacyEntry = {};
    const name = text(raw.name, 300);
    const location = text(raw.location, 300);
    const url = text(raw.url, 500);
    if (name) e.name = name;
    if (location) e.location = location;
    if (url) e.url = url;
    entries.set(did, e);
  }
  const meta = isObject(json.meta) ? json.meta : undefined;
  const updated = text(meta?.updated, 60);
  return { ...(updated ? { updated } : {}), entries };
}

/** A DCC legacy registry source, from its JSON or from a URL (fetched on first use, cached). */
export function dccLegacyRegistry(input: JsonObject | { url: string; name?: string }, options: { name?: string } = {}): TrustSource {
  if (isObject(input) && typeof input.url === 'string' && !('registry' in input) && !('entries' in input)) {
    const url = input.url;
    const name = (typeof input.name === 'string' ? input.name : undefined) ?? options.name ?? `DCC registry ${url}`;
    return source(name, async (ctx) => {
      const key = `trust:dcc-legacy:${url}`;
      const cached = (await ctx.options.cache.get(key)) as DccLegacyRegistry | undefined;
      if (cached && cached.entries instanceof Map) return cached;
      const res = await fetchJson(url, ctx.options);
      const reg = parseDccLegacy(res.json, `The DCC registry at ${url}`);
      await ctx.options.cache.set(key, reg);
      return reg;
    });
  }
  const reg = parseDccLegacy(input);
  return source(options.name ?? 'DCC registry', async () => reg);
}

function source(name: string, load: (ctx: TrustContext) => Promise<DccLegacyRegistry>): TrustSource {
  return {
    name,
    kind: 'dcc-legacy',
    async lookup(issuerId, ctx): Promise<TrustFinding[]> {
      let reg: DccLegacyRegistry;
      try {
        reg = await load(ctx);
      } catch (e) {
        return [{ ...unavailable(name, 'dcc-legacy', issuerId, e, isCredLensError(e, 'bad-input') ? 'could not be used' : 'could not be consulted') }];
      }
      const entry = reg.entries.get(issuerId);
      const base = { source: name, kind: 'dcc-legacy' as const, subject: issuerId };
      if (!entry) return [{ ...base, status: 'not-listed', reason: `The registry “${name}” does not list ${issuerId}.` }];
      const where = entry.location ? ` (${entry.location})` : '';
      return [{
        ...base,
        status: 'listed',
        matchedBy: 'id',
        reason: `The registry “${name}” lists this issuer as ${entry.name ?? 'an unnamed issuer'}${where}.`,
        entry: { ...(entry.name ? { name: entry.name } : {}), ...(entry.url ? { url: entry.url } : {}), ...(entry.location ? { location: entry.location } : {}) },
      }];
    },
  };
}
