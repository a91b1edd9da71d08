/** Options accepted by `verify()` and every stage that does I/O. */
import { CredLensError } from './errors.js';
import type { Ed25519Impl } from './crypto/ed25519.js';
import type { TrustSource } from './trust/types.js';
import { BoundedMap } from './util/bounded-map.js';

/** A fetch function with the WHATWG signature (Node's global fetch, a browser's, or a test double). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A minimal async cache. Results of network look-ups (documents, DID docs, status lists) go here. */
export interface Cache {
  get(key: string): Promise<unknown | undefined> | unknown | undefined;
  set(key: string, value: unknown): Promise<void> | void;
}

/** What the caller may set. Every field is optional. */
export interface VerifyOptions {
  /** The instant to verify at (default: the clock). Dates are compared against it. */
  now?: Date | string;
  /** Injected fetch (default: globalThis.fetch). Every network step goes through the safe-fetch wrapper around it. */
  fetch?: FetchLike;
  /** Allow loopback, private and link-local addresses (default false). */
  allowPrivateNetwork?: boolean;
  /** Allow plain http for localhost did:web and documents (default false). The demo needs it. */
  allowHttpLocalhost?: boolean;
  /** Timeout for each network request in ms (default 10 000). */
  timeoutMs?: number;
  /** Cap on every fetched body in bytes (default 5 MB). */
  maxBytes?: number;
  /** A cache for fetched documents (default: an in-memory LRU for this call only). */
  cache?: Cache;
  /** Extra JSON-LD contexts by URL, in addition to the bundled ones. Nothing is fetched for contexts. */
  contexts?: Record<string, unknown>;
  /** Tolerated clock skew in seconds for date checks (default 300). */
  clockSkewSeconds?: number;
  /** Which Ed25519 implementation: 'auto' (native: node:crypto in Node, else WebCrypto), or force 'webcrypto', 'node' or the pure-JS 'noble'. */
  ed25519?: Ed25519Impl;
  /**
   * Honour the 1EdTech conventions that carry the key inside the credential (default false): a key
   * in the verification method's fragment (`https://issuer#z6Mk...`) or a JWK in a JWT header. Anyone
   * can write such a key, so it proves only that its holder signed; reports mark it with a warning.
   * Off, such a credential is `unverifiable` unless the issuer's own documents confirm the key.
   */
  trustEmbeddedKeys?: boolean;
  /** Resolves host names before fetching so names pointing inside the network are refused (Node). */
  lookup?: (hostname: string) => Promise<string[]>;
  /** Where issuer trust is looked up: CredLens lists, DCC registries, EBSI TIR, DEQAR (see sdk/trust). */
  trust?: TrustSource[];
  /** What the employer knows about the candidate, for the recipient check. */
  recipient?: { name?: string; email?: string };
  /**
   * Default true: the Report carries the employer view (issuer trust, EU elements, assessed or
   * participation, recipient match). False checks integrity and status only (what other
   * verification libraries do), for bulk re-checks of credentials already read once.
   */
  employerView?: boolean;
}

/** Options after defaults are applied. */
export interface ResolvedOptions {
  now: Date;
  fetch: FetchLike;
  allowPrivateNetwork: boolean;
  allowHttpLocalhost: boolean;
  timeoutMs: number;
  maxBytes: number;
  cache: Cache;
  contexts: Record<string, unknown>;
  clockSkewSeconds: number;
  ed25519: Ed25519Impl;
  trustEmbeddedKeys: boolean;
  lookup?: (hostname: string) => Promise<string[]>;
}

/** Small in-memory LRU cache, the default. */
export class MemoryCache implements Cache {
  private readonly map: BoundedMap<string, unknown>;
  constructor(limit = 500) {
    this.map = new BoundedMap(limit);
  }
  get(key: string): unknown {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: unknown): void {
    this.map.delete(key); // a key set again is the newest
    this.map.set(key, value);
  }
}

/** Applies defaults. */
export function resolveOptions(o: VerifyOptions = {}): ResolvedOptions {
  const now = o.now === undefined ? new Date() : new Date(o.now);
  if (Number.isNaN(now.getTime())) throw new CredLensError('bad-input', `"now" is not a valid date: ${String(o.now)}`);
  const f = o.fetch ?? (globalThis.fetch as FetchLike | undefined);
  return {
    now,
    fetch: f ?? (async () => { throw new TypeError('no fetch available in this runtime'); }),
    allowPrivateNetwork: o.allowPrivateNetwork ?? false,
    allowHttpLocalhost: o.allowHttpLocalhost ?? false,
    timeoutMs: o.timeoutMs ?? 10_000,
    maxBytes: o.maxBytes ?? 5 * 1024 * 1024,
    cache: o.cache ?? new MemoryCache(),
    contexts: o.contexts ?? {},
    clockSkewSeconds: o.clockSkewSeconds ?? 300,
    ed25519: o.ed25519 ?? 'auto',
    trustEmbeddedKeys: o.trustEmbeddedKeys ?? false,
    ...(o.lookup ? { lookup: o.lookup } : {}),
  };
}
