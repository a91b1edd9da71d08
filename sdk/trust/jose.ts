/**
 * JWS checks for signed registries (OpenID Federation entity statements, EBSI attribute JWTs),
 * built on the SDK's JOSE module (sdk/proof/jws.ts, sdk/keys/jwk.ts): the same algorithm allow-list
 * (EdDSA, ES256, RS256; `none` and everything else refused), public keys only.
 */
import { CredLensError, isCredLensError } from '../errors.js';
import { parseCompactJws, type CompactJws } from '../input/jwt.js';
import { importVerifyKey } from '../keys/jwk.js';
import { checkJoseHeader, verifyJws, type JwsAlg } from '../proof/jws.js';
import type { Ed25519Impl } from '../crypto/ed25519.js';
import { isObject } from '../util/json.js';

/** Outcome of checking one JWS. `unsupported`: an algorithm CredLens does not verify (e.g. ES256K). */
export type JwsCheck =
  | { ok: true; jws: CompactJws; payload: Record<string, unknown>; kid?: string; alg: JwsAlg }
  | { ok: false; reason: string; code: 'bad-signature' | 'unsupported-alg' | 'no-key' | 'malformed' };

/** The keys of a JWK Set (`{ keys: [...] }`); [] when the value is not one. */
export function jwksKeys(jwks: unknown): JsonWebKey[] {
  if (!isObject(jwks) || !Array.isArray(jwks.keys)) return [];
  return jwks.keys.filter((k): k is JsonWebKey => isObject(k)).slice(0, 50);
}

/** Parses a compact JWS whose payload must be a JSON object. */
export function parseJwt(s: string): CompactJws | undefined {
  try {
    const jws = parseCompactJws(s.trim());
    return isObject(jws.payload) ? jws : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies `token` with one of `keys`: the key whose `kid` matches the header's `kid` when the
 * header names one (a `kid` that matches no key fails), otherwise each key whose type suits the
 * algorithm. Never throws.
 */
export async function verifyWithJwks(token: string | CompactJws, keys: JsonWebKey[], ed25519: Ed25519Impl = 'auto'): Promise<JwsCheck> {
  const jws = typeof token === 'string' ? parseJwt(token) : token;
  if (!jws || !isObject(jws.payload)) return { ok: false, code: 'malformed', reason: 'it is not a well-formed signed JWT' };
  let alg: JwsAlg;
  try {
    alg = checkJoseHeader(jws.header);
  } catch (e) {
    const unsupported = isCredLensError(e, 'unsupported-suite');
    return { ok: false, code: unsupported ? 'unsupported-alg' : 'malformed', reason: (e as Error).message };
  }
  const kid = typeof jws.header.kid === 'string' ? jws.header.kid : undefined;
  const candidates = kid !== undefined ? keys.filter((k) => (k as { kid?: unknown }).kid === kid) : keys.filter((k) => suits(k, alg));
  if (candidates.length === 0) {
    return { ok: false, code: 'no-key', reason: kid !== undefined ? `no key with kid "${kid.slice(0, 80)}" is among the keys that may sign it` : `no ${alg} key is among the keys that may sign it` };
  }
  let lastProblem = 'the signature does not verify';
  for (const jwk of candidates.slice(0, 10)) {
    try {
      const key = await importVerifyKey(jwk, alg, { ed25519 });
      if (await verifyJws(jws, key, [alg], { ed25519 })) {
        return { ok: true, jws, payload: jws.payload as Record<string, unknown>, alg, ...(kid !== undefined ? { kid } : {}) };
      }
    } catch (e) {
      if (!(e instanceof CredLensError)) throw e;
      lastProblem = e.message;
    }
  }
  return { ok: false, code: 'bad-signature', reason: lastProblem };
}

function suits(jwk: JsonWebKey, alg: JwsAlg): boolean {
  if (alg === 'EdDSA') return jwk.kty === 'OKP';
  if (alg === 'ES256') return jwk.kty === 'EC';
  return jwk.kty === 'RSA';
}

/** A NumericDate claim (seconds since the epoch) as a number; undefined when absent or malformed. */
export function numericDate(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // Seen in the wild (a digit string); the value is covered by the signature either way.
  if (typeof v === 'string' && /^\d{1,12}$/.test(v)) return Number(v);
  return undefined;
}
