/**
 * Safe fetching: the one door through which every network step goes (credentials, platform pages,
 * DID documents, keys, status lists, OB2 graphs). It checks every URL and every redirect hop against
 * the private-network rules, caps time and size, and returns typed errors.
 */
import { CredLensError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import { concatBytes, utf8Decode } from '../util/bytes.js';
import { isBlockedHost, isLoopbackHost } from './address.js';

export { isBlockedHost, isLoopbackHost } from './address.js';

/** The options safe fetching reads. */
export type FetchOptions = Pick<
  ResolvedOptions,
  'fetch' | 'allowPrivateNetwork' | 'allowHttpLocalhost' | 'timeoutMs' | 'maxBytes' | 'cache'
> & { lookup?: HostLookup };

/** Resolves a host name to addresses, so names that point inside the network are refused too (Node only). */
export type HostLookup = (hostname: string) => Promise<string[]>;

/** Kinds of body a caller accepts. */
export type ContentKind = 'json' | 'jwt' | 'image' | 'html' | 'any';

/** What the caller wants from one fetch. */
export interface FetchRequest {
  /** Accept header to send. */
  accept?: string;
  /** Content kinds accepted; a clearly different type is a `bad-content-type` error. Default: any. */
  kinds?: ContentKind[];
  /** HTTP statuses handed back instead of thrown (e.g. 410 for a revoked OB2 assertion). */
  passStatus?: number[];
  /** https only (did:web), except loopback hosts when `allowHttpLocalhost` is set. */
  httpsOnly?: boolean;
}

/** A fetched body, fully read and capped. */
export interface Fetched {
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  /** Lower-case media type without parameters, '' when absent. */
  contentType: string;
  bytes: Uint8Array;
  /** The body as UTF-8 text (exact: invalid sequences are an error, not replaced). */
  text(): string;
}

/** At most this many redirects are followed, each checked like the first URL. */
export const MAX_REDIRECTS = 5;

/** Checks a URL before any byte is sent. Throws `bad-url` or `blocked-address`. */
export function checkUrl(raw: string, o: Pick<FetchOptions, 'allowPrivateNetwork' | 'allowHttpLocalhost'>, httpsOnly = false): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CredLensError('bad-url', `"${truncate(raw)}" is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CredLensError('bad-url', `Only http and https URLs are fetched, not ${url.protocol} (${truncate(raw)}).`);
  }
  if (url.username || url.password) throw new CredLensError('bad-url', `URLs with credentials are not fetched (${url.host}).`);
  const loopback = isLoopbackHost(url.hostname);
  if (httpsOnly && url.protocol !== 'https:' && !(loopback && o.allowHttpLocalhost)) {
    throw new CredLensError('bad-url', `${truncate(raw)} must use https.`);
  }
  if (!o.allowPrivateNetwork && isBlockedHost(url.hostname)) {
    throw new CredLensError('blocked-address', `${url.hostname} is a private, loopback or link-local address; it is only fetched when private network access is allowed.`);
  }
  return url;
}

const TYPES: Record<Exclude<ContentKind, 'any'>, RegExp> = {
  json: /^(application\/([\w.+-]+\+)?json|application\/ld\+json|text\/json|text\/plain|application\/octet-stream|)$/,
  jwt: /^(application\/([\w.+-]+\+)?jwt|application\/jose|text\/plain|application\/octet-stream|)$/,
  image: /^(image\/(png|svg\+xml)|application\/octet-stream|)$/,
  html: /^(text\/html|application\/xhtml\+xml|)$/,
};

function typeAllowed(type: string, kinds: ContentKind[] | undefined): boolean {
  if (!kinds || kinds.includes('any')) return true;
  return kinds.some((k) => TYPES[k as Exclude<ContentKind, 'any'>].test(type));
}

/**
 * Fetches `raw` with every safety rule applied. Results are cached by URL and Accept header in
 * `o.cache`, so one verification never downloads the same document twice.
 */
export async function safeFetch(raw: string, o: FetchOptions, req: FetchRequest = {}): Promise<Fetched> {
  // The cache may be shared with calls under other rules (an extension's local-network switch, a
  // stage that takes http): this call's rules apply to cached answers too, and documents fetched
  // under one address policy are kept apart from those fetched under another.
  checkUrl(raw, o, req.httpsOnly);
  const policy = `${o.allowPrivateNetwork ? 'private' : ''}:${o.allowHttpLocalhost ? 'http-localhost' : ''}`;
  const key = `fetch:${policy}:${req.accept ?? ''}:${raw}`;
  const cached = (await o.cache.get(key)) as Fetched | undefined;
  if (isFetched(cached) && allowedNow(cached, o, req)) return withType(cached, req);
  // The same URL fetched a moment ago with another Accept header (the first look at a link, then
  // a pipeline stage asking for JSON-LD) is reused when its declared type is one this caller takes:
  // on the real network each avoided request is a round trip.
  const earlier = (await o.cache.get(`fetch-any:${policy}:${raw}`)) as Fetched | undefined;
  if (isFetched(earlier) && allowedNow(earlier, o, req) && earlier.contentType !== '' && req.kinds && !req.kinds.includes('any') && typeAllowed(earlier.contentType, req.kinds)) return earlier;
  // A non-2xx answer handed to one caller that takes it (a 410 revoked OB 2.0 badge, seen first when
  // the link is opened, then by the hosted-assertion check) is handed to the next one that takes
  // that status too, instead of being asked for again.
  const missing = (await o.cache.get(`fetch-status:${policy}:${raw}`)) as Fetched | undefined;
  if (isFetched(missing) && req.passStatus?.includes(missing.status) && allowedNow(missing, o, req)) return missing;
  // Verifications sharing a cache (a page's credentials, verified at once, naming one trust list
  // or status list) share a download still under way instead of starting their own.
  let pending = inFlight.get(o.cache);
  if (!pending) inFlight.set(o.cache, (pending = new Map()));
  // The cache key plus what else changes the download itself (the accepted types are checked after).
  const flightKey = `${key}|${req.httpsOnly ? 'https' : ''}|${(req.passStatus ?? []).join(',')}`;
  let job = pending.get(flightKey);
  if (!job) {
    const started = (async () => {
      const result = await fetchUncached(raw, o, req);
      if (result.status >= 200 && result.status < 300) {
        await o.cache.set(key, result);
        await o.cache.set(`fetch-any:${policy}:${raw}`, result);
        await o.cache.set(`fetch-status:${policy}:${raw}`, undefined); // here again: forget an earlier miss
      } else {
        await o.cache.set(`fetch-status:${policy}:${raw}`, result);
      }
      return result;
    })();
    const map = pending;
    job = started.finally(() => map.delete(flightKey));
    pending.set(flightKey, job);
  }
  return withType(await job, req);
}

// Downloads under way, per cache (verifications with their own caches never share one).
const inFlight = new WeakMap<object, Map<string, Promise<Fetched>>>();

/**
 * A cached answer whose final address (after redirects) this call's rules also accept. The cache
 * key holds the address policy, so only https-only can still refuse it.
 */
function allowedNow(f: Fetched, o: FetchOptions, req: FetchRequest): boolean {
  if (!req.httpsOnly) return true;
  try {
    checkUrl(f.url, o, req.httpsOnly);
    return true;
  } catch {
    return false; // fetched again, and refused there with the usual error
  }
}

function isFetched(v: unknown): v is Fetched {
  return !!v && typeof v === 'object' && 'bytes' in v;
}

function withType(f: Fetched, req: FetchRequest): Fetched {
  if (f.status >= 200 && f.status < 300 && !typeAllowed(f.contentType, req.kinds)) {
    throw new CredLensError('bad-content-type', `${truncate(f.url)} answered with ${f.contentType || 'no content type'}, not ${req.kinds?.join(' or ')}.`);
  }
  return f;
}

async function fetchUncached(raw: string, o: FetchOptions, req: FetchRequest): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  const timeoutError = () => new CredLensError('timeout', `${truncate(raw)} did not answer within ${o.timeoutMs} ms.`);
  try {
    let current = raw;
    for (let hop = 0; ; hop++) {
      const url = checkUrl(current, o, req.httpsOnly);
      await checkResolved(url, o);
      let res: Response;
      try {
        res = await o.fetch(url.href, {
          redirect: 'manual',
          signal: controller.signal,
          headers: req.accept ? { accept: req.accept } : {},
          credentials: 'omit',
        });
      } catch (e) {
        if (controller.signal.aborted) throw timeoutError();
        if (e instanceof CredLensError) throw e;
        throw new CredLensError('network', `Could not reach ${url.host}: ${(e as Error)?.message ?? String(e)}.`, { cause: e });
      }
      // Browsers hide where a manual redirect goes (opaqueredirect). Following it blindly could reach
      // the intranet, so it is refused; the extension resolves redirects with its own permissions.
      if (res.type === 'opaqueredirect') {
        throw new CredLensError('blocked-address', `${truncate(url.href)} redirects, and this runtime does not reveal where to, so CredLens does not follow it.`);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        if (hop >= MAX_REDIRECTS) throw new CredLensError('too-many-redirects', `${truncate(raw)} redirected more than ${MAX_REDIRECTS} times.`);
        current = new URL(res.headers.get('location')!, url).href;
        await res.body?.cancel().catch(() => {});
        continue;
      }
      const finalUrl = res.url || url.href;
      const ok = res.status >= 200 && res.status < 300;
      if (!ok && !req.passStatus?.includes(res.status)) {
        await res.body?.cancel().catch(() => {});
        throw new CredLensError('http-status', `${truncate(finalUrl)} answered HTTP ${res.status}.`);
      }
      const bytes = await readCapped(res, o.maxBytes, finalUrl, controller.signal, timeoutError);
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      return { url: finalUrl, status: res.status, contentType, bytes, text: () => decodeUtf8(bytes, finalUrl) };
    }
  } finally {
    clearTimeout(timer);
  }
}

async function checkResolved(url: URL, o: FetchOptions): Promise<void> {
  if (o.allowPrivateNetwork || !o.lookup) return;
  let addresses: string[];
  try {
    addresses = await o.lookup(url.hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return; // the fetch itself will report the unreachable host
  }
  const bad = addresses.find((a) => isBlockedHost(a));
  if (bad) throw new CredLensError('blocked-address', `${url.hostname} resolves to ${bad}, a private or loopback address.`);
}

/**
 * Reads a response body, refusing it (`too-large`) as soon as it passes `max` bytes, whatever its
 * Content-Length says; a read cut short by `signal` is `timeoutError()`, any other failure `network`.
 */
export async function readCapped(res: Response, max: number, url: string, signal: AbortSignal, timeoutError: () => CredLensError): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge(url, max);
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel().catch(() => {});
        throw tooLarge(url, max);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof CredLensError) throw e;
    if (signal.aborted) throw timeoutError();
    throw new CredLensError('network', `Reading ${truncate(url)} failed: ${(e as Error)?.message ?? String(e)}.`, { cause: e });
  }
  return concatBytes(chunks, total);
}

function tooLarge(url: string, max: number): CredLensError {
  return new CredLensError('too-large', `${truncate(url)} is larger than the ${Math.round(max / 1024)} KiB limit.`);
}

/** Decodes exact UTF-8; invalid bytes are an error, never silently replaced. */
export function decodeUtf8(bytes: Uint8Array, where = 'the input'): string {
  return utf8Decode(bytes, truncate(where));
}

function truncate(s: string): string {
  return s.length > 120 ? s.slice(0, 117) + '...' : s;
}
