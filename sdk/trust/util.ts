/**
 * Helpers shared by the trust sources: fetching documents through the safe fetch, caching findings
 * per source in the verification's cache, turning failures into `unavailable` findings, and host
 * name comparisons.
 */
import { CredLensError, isCredLensError } from '../errors.js';
import { safeFetch, type Fetched, type FetchOptions } from '../fetch/index.js';
import { isObject, parseJson, str, type JsonObject } from '../util/json.js';
import type { TrustContext, TrustFinding, TrustSource, TrustSourceKind } from './types.js';

/** Fetch options the trust sources use (the verification's, possibly with a wrapped fetch). */
export type SourceFetchOptions = FetchOptions;

/** Fetches JSON for a trust source (https only, except loopback when allowed). Throws CredLensError. */
export async function fetchJson(url: string, o: SourceFetchOptions, passStatus: number[] = []): Promise<{ status: number; json?: unknown; url: string }> {
  const res = await safeFetch(url, o, { accept: 'application/json', kinds: ['json'], passStatus, httpsOnly: true });
  if (res.status >= 300) return { status: res.status, url: res.url };
  return { status: res.status, json: parseJson(res.text(), url), url: res.url };
}

/** Fetches a body of any kind for a trust source (https only, except loopback when allowed). */
export async function fetchText(url: string, o: SourceFetchOptions, accept: string, passStatus: number[] = []): Promise<Fetched> {
  return safeFetch(url, o, { accept, passStatus, httpsOnly: true });
}

// Each source object gets its own cache namespace: two lists may share a name.
const sourceIds = new WeakMap<TrustSource, number>();
let nextSourceId = 1;

/** Cache key of one source's findings about one identifier. */
function findingKey(source: TrustSource, id: string): string {
  let n = sourceIds.get(source);
  if (n === undefined) sourceIds.set(source, (n = nextSourceId++));
  return `trust:finding:${n}:${source.kind}:${id}`;
}

/**
 * Consults `source` about `id`, caching definitive answers (listed / not-listed / revoked /
 * unverified) in the verification's cache. Never throws: anything thrown becomes an `unavailable`
 * finding, which is never positive.
 */
export async function consult(source: TrustSource, id: string, ctx: TrustContext): Promise<TrustFinding[]> {
  const key = findingKey(source, id);
  const cached = await ctx.options.cache.get(key);
  if (Array.isArray(cached)) return cached as TrustFinding[];
  let findings: TrustFinding[];
  try {
    findings = await source.lookup(id, ctx);
  } catch (e) {
    return [unavailable(source.name, source.kind, id, e)];
  }
  if (findings.length > 0 && findings.every((f) => f.status !== 'unavailable')) await ctx.options.cache.set(key, findings);
  return findings;
}

/** An `unavailable` finding for an error. */
export function unavailable(source: string, kind: TrustSourceKind, subject: string, e: unknown, what = 'could not be consulted'): TrustFinding {
  const code = isCredLensError(e) ? e.code : 'internal';
  const detail = e instanceof Error ? e.message : String(e);
  return { source, kind, status: 'unavailable', subject, code, reason: `${source} ${what}: ${detail}` };
}

/** Throws a typed `bad-input` error about a malformed source document. */
export function badInput(what: string, problem: string): never {
  throw new CredLensError('bad-input', `${what} is malformed: ${problem}`);
}

/** A string member, trimmed; undefined when absent or not a string. */
export function text(v: unknown, max = 500): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** The host (hostname[:port], lower case, no trailing dot, default port dropped) of an http(s) URL. */
export function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.host.toLowerCase().replace(/\.(?=:|$)/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The host of a did:web DID (`did:web:example.org%3A8443:path` → `example.org:8443`). */
export function hostOfDidWeb(did: string): string | undefined {
  const m = /^did:web:([^:#?/]+)/.exec(did);
  if (!m) return undefined;
  let host: string;
  try {
    host = decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
  return hostOfUrl(`https://${host}/`);
}

function splitHost(host: string): { name: string; port: string } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  return { name: m?.[1] ?? host, port: m?.[2] ?? '' };
}

/**
 * How two hosts relate: `same` (equal, or equal but for a leading "www."), `related` (one is a
 * subdomain of the other, and the parent has at least two labels), or `different`. Ports must agree.
 */
export function relateHosts(a: string, b: string): 'same' | 'related' | 'different' {
  const x = splitHost(a.toLowerCase());
  const y = splitHost(b.toLowerCase());
  if (x.port !== y.port) return 'different';
  const strip = (h: string) => h.replace(/^www\./, '');
  const p = strip(x.name);
  const q = strip(y.name);
  if (p === q) return 'same';
  const sub = (child: string, parent: string) => parent.includes('.') && child.endsWith('.' + parent);
  return sub(p, q) || sub(q, p) ? 'related' : 'different';
}

/** A JSON object member that must be an object, or undefined. */
export function obj(v: unknown): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}

/** Short form of a value for messages. */
export function short(s: string, max = 100): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** `str` re-exported for the sources. */
export { str };

/** Parses an ISO date (YYYY-MM-DD or a full timestamp); undefined when not a date. */
export function parseDate(v: unknown): Date | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined;
  const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Whether `now` lies within [from, until] (a date-only `until` includes that whole day). */
export function validityState(now: Date, from?: string, until?: string): 'valid' | 'expired' | 'not-yet-valid' {
  const f = parseDate(from);
  const u = parseDate(until);
  if (f && now < f) return 'not-yet-valid';
  if (u) {
    const end = until!.length === 10 ? new Date(u.getTime() + 86_400_000) : u;
    if (now >= end) return 'expired';
  }
  return 'valid';
}
