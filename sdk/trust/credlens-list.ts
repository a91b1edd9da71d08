/**
 * CredLens trust lists: a plain JSON format of our own (the format of demo/issuer/trust.ts):
 *
 *   { "name": "…", "updated": "ISO 8601",
 *     "issuers": [{ "id": "did:… | https://…", "name": "…", "country": "AT",
 *                   "kind": "university | professional-body | company | platform | qa-agency",
 *                   "url"?: "https://…",
 *                   "accreditation"?: { "by", "byId"?, "type", "decision"?, "validFrom"?, "validUntil"?, "register"? },
 *                   "trustedEndorser"?: true }] }
 *
 * Issuers are matched by their exact id (the DID or OB 2.0 profile URL a credential names). A list
 * given as JSON is validated at once (a malformed list is a `bad-input` error); a list given by URL
 * is fetched through the safe fetch on first use, validated, and cached in the verification's cache;
 * when it cannot be fetched or is malformed, the source is `unavailable` (never positive).
 */
import { isCredLensError } from '../errors.js';
import { isObject, type JsonObject } from '../util/json.js';
import type { FindingAccreditation, TrustContext, TrustFinding, TrustListAccreditation, TrustSource } from './types.js';

export type { TrustListAccreditation } from './types.js';
import { badInput, fetchJson, parseDate, text, unavailable, validityState } from './util.js';

/** Organisation kinds a CredLens list uses. */
export const ISSUER_KINDS = ['university', 'professional-body', 'company', 'platform', 'qa-agency'] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

/** One issuer on a CredLens list. */
export interface TrustListEntry {
  id: string;
  name: string;
  country: string;
  kind: IssuerKind;
  url?: string;
  accreditation?: TrustListAccreditation;
  trustedEndorser?: boolean;
}

/** A validated CredLens trust list. */
export interface TrustListDocument {
  name: string;
  updated: string;
  issuers: TrustListEntry[];
}

/** Most entries a list may have. */
export const MAX_LIST_ENTRIES = 100_000;

const KIND_WORDS: Record<IssuerKind, string> = {
  university: 'a university',
  'professional-body': 'a professional body',
  company: 'a company',
  platform: 'a platform',
  'qa-agency': 'a quality-assurance agency',
};

/**
 * Validates a CredLens trust list. Throws `bad-input` naming the first problem: missing or
 * mistyped members, an unknown kind, a country that is not ISO 3166-1 alpha-2, a duplicate id,
 * dates that are not ISO 8601. Unknown members are ignored (forward compatibility).
 */
export function parseTrustList(json: unknown, where = 'The trust list'): TrustListDocument {
  if (!isObject(json)) badInput(where, 'it is not a JSON object');
  const name = text(json.name, 200);
  if (!name) badInput(where, '"name" is missing or not a string');
  if (typeof json.updated !== 'string' || !parseDate(json.updated)) badInput(where, '"updated" is not an ISO 8601 date');
  if (!Array.isArray(json.issuers)) badInput(where, '"issuers" is not an array');
  if (json.issuers.length > MAX_LIST_ENTRIES) badInput(where, `it has more than ${MAX_LIST_ENTRIES} issuers`);
  const seen = new Set<string>();
  const issuers = json.issuers.map((raw, i) => {
    const entry = parseEntry(raw, `${where}, issuer #${i + 1}`);
    if (seen.has(entry.id)) badInput(where, `the issuer ${entry.id} is listed twice`);
    seen.add(entry.id);
    return entry;
  });
  return { name, updated: json.updated, issuers };
}

function parseEntry(raw: unknown, where: string): TrustListEntry {
  if (!isObject(raw)) badInput(where, 'it is not an object');
  if (typeof raw.id !== 'string' || !/^(did:[a-z0-9]+:\S+|https?:\/\/\S+)$/.test(raw.id)) badInput(where, '"id" is not a DID or an http(s) URL');
  const name = text(raw.name, 300);
  if (!name) badInput(where, '"name" is missing');
  if (typeof raw.country !== 'string' || !/^[A-Z]{2}$/.test(raw.country)) badInput(where, '"country" is not an ISO 3166-1 alpha-2 code (e.g. "AT")');
  if (typeof raw.kind !== 'string' || !(ISSUER_KINDS as readonly string[]).includes(raw.kind)) {
    badInput(where, `"kind" must be one of ${ISSUER_KINDS.join(', ')}`);
  }
  const entry: TrustListEntry = { id: raw.id, name, country: raw.country, kind: raw.kind as IssuerKind };
  if (raw.url !== undefined) {
    if (typeof raw.url !== 'string' || !/^https?:\/\/\S+$/.test(raw.url)) badInput(where, '"url" is not an http(s) URL');
    entry.url = raw.url;
  }
  if (raw.accreditation !== undefined) entry.accreditation = parseAccreditation(raw.accreditation, `${where}, accreditation`);
  if (raw.trustedEndorser !== undefined) {
    if (typeof raw.trustedEndorser !== 'boolean') badInput(where, '"trustedEndorser" is not true or false');
    entry.trustedEndorser = raw.trustedEndorser;
  }
  return entry;
}

function parseAccreditation(raw: unknown, where: string): TrustListAccreditation {
  if (!isObject(raw)) badInput(where, 'it is not an object');
  const by = text(raw.by, 300);
  const type = text(raw.type, 300);
  if (!by) badInput(where, '"by" is missing');
  if (!type) badInput(where, '"type" is missing');
  const out: TrustListAccreditation = { by, type };
  for (const k of ['byId', 'decision', 'register'] as const) {
    if (raw[k] === undefined) continue;
    if (typeof raw[k] !== 'string') badInput(where, `"${k}" is not a string`);
    out[k] = raw[k];
  }
  for (const k of ['validFrom', 'validUntil'] as const) {
    if (raw[k] === undefined) continue;
    if (typeof raw[k] !== 'string' || !parseDate(raw[k])) badInput(where, `"${k}" is not an ISO 8601 date`);
    out[k] = raw[k];
  }
  if (out.validFrom && out.validUntil && parseDate(out.validFrom)! > parseDate(out.validUntil)!) badInput(where, '"validFrom" is after "validUntil"');
  return out;
}

/** Options of a list given by URL. */
export interface TrustListUrl {
  url: string;
  /** The name to report before the list is loaded (default: the URL). */
  name?: string;
}

/** A CredLens trust list source, from the list's JSON or from a URL (fetched on first use). */
export function credlensTrustList(input: JsonObject | TrustListUrl | TrustListDocument): TrustSource {
  if (isObject(input) && typeof input.url === 'string' && !('issuers' in input)) {
    const { url, name } = input as unknown as TrustListUrl;
    return listSource(name ?? url, async (ctx) => loadList(url, ctx));
  }
  const list = parseTrustList(input);
  const index = indexOf(list);
  return listSource(list.name, async () => ({ list, index }));
}

type Loaded = { list: TrustListDocument; index: Map<string, TrustListEntry> };

function indexOf(list: TrustListDocument): Map<string, TrustListEntry> {
  return new Map(list.issuers.map((e) => [e.id, e]));
}

async function loadList(url: string, ctx: TrustContext): Promise<Loaded> {
  const key = `trust:credlens-list:${url}`;
  const cached = (await ctx.options.cache.get(key)) as Loaded | undefined;
  if (cached && cached.index instanceof Map) return cached;
  const res = await fetchJson(url, ctx.options);
  const list = parseTrustList(res.json, `The trust list at ${url}`);
  const loaded = { list, index: indexOf(list) };
  await ctx.options.cache.set(key, loaded);
  return loaded;
}

function listSource(name: string, load: (ctx: TrustContext) => Promise<Loaded>): TrustSource {
  return {
    name,
    kind: 'credlens-list',
    async lookup(issuerId, ctx) {
      let loaded: Loaded;
      try {
        loaded = await load(ctx);
      } catch (e) {
        const what = isCredLensError(e, 'bad-input') ? 'could not be used' : 'could not be consulted';
        return [unavailable(`The trust list “${name}”`, 'credlens-list', issuerId, e, what)].map((f) => ({ ...f, source: name }));
      }
      return [findingFor(loaded, issuerId, ctx.now)];
    },
  };
}

function findingFor({ list, index }: Loaded, issuerId: string, now: Date): TrustFinding {
  const entry = index.get(issuerId);
  const base = { source: list.name, kind: 'credlens-list' as const, subject: issuerId };
  if (!entry) return { ...base, status: 'not-listed', reason: `The trust list “${list.name}” does not list ${issuerId}.` };
  const finding: TrustFinding = {
    ...base,
    status: 'listed',
    matchedBy: 'id',
    reason: `The trust list “${list.name}” lists ${entry.name} as ${KIND_WORDS[entry.kind]} (${entry.country}).`,
    entry: { name: entry.name, country: entry.country, kind: entry.kind, ...(entry.url ? { url: entry.url } : {}) },
    ...(entry.trustedEndorser ? { trustedEndorser: true } : {}),
  };
  if (entry.accreditation) {
    const a = entry.accreditation;
    const accreditation: FindingAccreditation = { ...a, state: validityState(now, a.validFrom, a.validUntil) };
    finding.accreditation = accreditation;
  }
  return finding;
}

/** Plain words for a list kind ("a university"). */
export function kindWords(kind: string | undefined): string | undefined {
  return kind && kind in KIND_WORDS ? KIND_WORDS[kind as IssuerKind] : undefined;
}
