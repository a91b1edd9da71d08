/**
 * The per-call environment every stage receives: resolved options plus the shared services built
 * from them once (context loader, canonicalizer, key resolver). Built by `verify()`.
 */
import { contextLoader, type DocumentLoader } from './contexts/index.js';
import { keyResolver, keyFromFragment } from './keys/resolve.js';
import type { KeyResolver } from './keys/types.js';
import { resolveOptions, type ResolvedOptions, type VerifyOptions } from './options.js';
import { canonize } from './proof/canonize.js';
import type { JsonObject } from './util/json.js';

/** Shared services for one verification. */
export interface Env {
  o: ResolvedOptions;
  loader: DocumentLoader;
  canonize: (doc: JsonObject) => Promise<string>;
  resolveKey: KeyResolver;
  /** Nesting: a status list or a baked payload is verified one level deeper; bounded. */
  depth: number;
}

/** The deepest nesting of verifications (credential → status list → ...). */
export const MAX_DEPTH = 3;

/** Builds the environment for one `verify()` call. */
export function makeEnv(options: VerifyOptions = {}): Env {
  const o = resolveOptions(options);
  const loader = contextLoader(o.contexts);
  const resolve = keyResolver(o);
  return {
    o,
    loader,
    // Fast path for the bundled contexts, jsonld.js for anything it does not cover (same N-Quads).
    canonize: (doc) => canonize(doc, loader, o.contexts),
    // The 1EdTech key-in-fragment convention is only honoured when the caller opts in (see keys/resolve.ts).
    resolveKey: o.trustEmbeddedKeys ? async (vm) => keyFromFragment(vm) ?? resolve(vm) : resolve,
    depth: 0,
  };
}
