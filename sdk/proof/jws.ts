/**
 * JWS signature verification (RFC 7515 §5.2) for the three algorithms CredLens accepts:
 * EdDSA (Ed25519, RFC 8037), ES256 (ECDSA P-256 / SHA-256, RFC 7518 §3.4) and RS256
 * (RSASSA-PKCS1-v1_5 / SHA-256, RFC 7518 §3.3). Everything else, `none` included, is refused
 * before any key is touched.
 */
import { CredLensError, asCredLensError } from '../errors.js';
import { verifyEd25519, type Ed25519Impl } from '../crypto/ed25519.js';
import { assertPublicJwk, MIN_RSA_BITS, type VerifyKey } from '../keys/jwk.js';
import { isObject } from '../util/json.js';
import type { CompactJws } from '../input/jwt.js';

/** The JWS algorithms CredLens verifies. */
export type JwsAlg = 'EdDSA' | 'ES256' | 'RS256';

/** Every JwsAlg, in no particular order. */
export const JWS_ALGS: readonly JwsAlg[] = ['EdDSA', 'ES256', 'RS256'];

/**
 * The parts of a compact JWS that verification needs: what `parseCompactJws` (sdk/input/jwt.ts)
 * returns. `signingInput` is `BASE64URL(header) '.' BASE64URL(payload)` exactly as received.
 */
export type ParsedJws = Pick<CompactJws, 'header' | 'payload' | 'signingInput' | 'signature'>;

/** Options for `verifyJws`. */
export interface VerifyJwsOptions {
  /** Which Ed25519 implementation to use (default 'auto'). */
  ed25519?: Ed25519Impl;
}

/** Header parameters whose meaning CredLens implements, so they may be listed in `crit` (RFC 7515 §4.1.11). */
const UNDERSTOOD_CRIT = new Set(['b64']);

/** Header parameters defined by RFC 7515 / 7518 themselves, which `crit` must never list. */
const REGISTERED_PARAMS = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit']);

/**
 * Checks a JOSE header and returns its algorithm. Refuses `alg: "none"` and a missing or malformed
 * header (`bad-jwt`), algorithms outside `allowed` (`unsupported-suite`: HS256 and friends cannot
 * be verified with a public key), `crit` naming anything not understood (`bad-jwt`, RFC 7515
 * §4.1.11), an unencoded payload `b64: false` (RFC 7797, `bad-jwt`) and a `jwk` carrying private
 * members (`bad-key`).
 */
export function checkJoseHeader(header: unknown, allowed: readonly JwsAlg[] = JWS_ALGS): JwsAlg {
  if (!isObject(header)) throw new CredLensError('bad-jwt', 'The JOSE header is not a JSON object.');
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '') throw new CredLensError('bad-jwt', 'The JOSE header has no "alg".');
  if (alg.toLowerCase() === 'none') {
    throw new CredLensError('bad-jwt', 'The JWT is unsecured ("alg": "none"): it carries no signature and cannot be trusted.');
  }
  if (!(JWS_ALGS as readonly string[]).includes(alg)) {
    throw new CredLensError('unsupported-suite', `JWS algorithm "${alg.slice(0, 40)}" is not supported (only EdDSA, ES256, RS256).`);
  }
  if (!(allowed as readonly string[]).includes(alg)) {
    throw new CredLensError('unsupported-suite', `JWS algorithm ${alg} is not accepted here (allowed: ${allowed.join(', ') || 'none'}).`);
  }
  if ('b64' in header) {
    if (typeof header.b64 !== 'boolean') throw new CredLensError('bad-jwt', 'The JOSE header "b64" is not a boolean.');
    if (header.b64 === false) {
      throw new CredLensError('bad-jwt', 'Unencoded JWS payloads ("b64": false, RFC 7797) are not supported.');
    }
  }
  if ('crit' in header) checkCrit(header);
  if ('kid' in header && typeof header.kid !== 'string') throw new CredLensError('bad-jwt', 'The JOSE header "kid" is not a string.');
  if ('jwk' in header) assertPublicJwk(header.jwk, 'The JOSE header "jwk"');
  return alg as JwsAlg;
}

function checkCrit(header: Record<string, unknown>): void {
  const crit = header.crit;
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === 'string' && c !== '')) {
    throw new CredLensError('bad-jwt', 'The JOSE header "crit" must be a non-empty array of names.');
  }
  for (const name of crit as string[]) {
    if (REGISTERED_PARAMS.has(name)) throw new CredLensError('bad-jwt', `The JOSE header "crit" lists "${name}", which it must not.`);
    if (!UNDERSTOOD_CRIT.has(name)) {
      throw new CredLensError('bad-jwt', `The JOSE header marks "${name.slice(0, 40)}" as critical, and CredLens does not understand it.`);
    }
    if (!(name in header)) throw new CredLensError('bad-jwt', `The JOSE header "crit" lists "${name}", which the header lacks.`);
  }
}

/**
 * Verifies the signature of a parsed compact JWS with `key`. Returns true or false for a
 * well-formed signature; throws for a refused header (see `checkJoseHeader`), a key of the wrong
 * type for the header's `alg` (`bad-key`), or a signature of the wrong size for the algorithm
 * (`bad-proof`; an ES256 signature must be the 64-byte R||S of RFC 7518 §3.4, never DER).
 */
export async function verifyJws(
  parsed: ParsedJws,
  key: VerifyKey,
  allowed: readonly JwsAlg[] = JWS_ALGS,
  options: VerifyJwsOptions = {},
): Promise<boolean> {
  const alg = checkJoseHeader(parsed.header, allowed);
  checkKeyFor(alg, key);
  const sig = parsed.signature;
  if (!(sig instanceof Uint8Array)) throw new CredLensError('bad-jwt', 'The JWS signature is not bytes.');
  if (typeof parsed.signingInput !== 'string') throw new CredLensError('bad-jwt', 'The JWS signing input is not text.');
  const msg = new TextEncoder().encode(parsed.signingInput);
  checkSignatureLength(alg, key, sig);
  try {
    switch (alg) {
      case 'EdDSA':
        return await verifyEdDSA(key, msg, sig, options.ed25519 ?? 'auto');
      case 'ES256':
        return await subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, key as CryptoKey, buf(sig), buf(msg));
      case 'RS256':
        return await subtle().verify({ name: 'RSASSA-PKCS1-v1_5' }, key as CryptoKey, buf(sig), buf(msg));
    }
  } catch (e) {
    throw asCredLensError(e, 'bad-proof', `${alg} verification failed`);
  }
}

/** Refuses a key whose type does not match the algorithm (prevents algorithm-confusion attacks). */
function checkKeyFor(alg: JwsAlg, key: VerifyKey): void {
  if (key.type !== 'public') throw new CredLensError('bad-key', `A ${key.type} key was given where a public key is needed.`);
  const a = key.algorithm as { name: string; namedCurve?: string; hash?: { name: string }; modulusLength?: number };
  const ok =
    alg === 'EdDSA' ? a.name === 'Ed25519'
    : alg === 'ES256' ? a.name === 'ECDSA' && a.namedCurve === 'P-256'
    : a.name === 'RSASSA-PKCS1-v1_5' && a.hash?.name === 'SHA-256';
  if (!ok) {
    const desc = [a.name, a.namedCurve, a.hash?.name].filter(Boolean).join('/');
    throw new CredLensError('bad-key', `The JOSE header says ${alg}, but the key is for ${desc}.`);
  }
  if (alg === 'RS256' && !((a.modulusLength ?? 0) >= MIN_RSA_BITS)) {
    throw new CredLensError('bad-key', `The RSA key has ${a.modulusLength} bits; at least ${MIN_RSA_BITS} are required.`);
  }
  if ('usages' in key && !key.usages.includes('verify')) throw new CredLensError('bad-key', 'The key may not be used to verify.');
}

function checkSignatureLength(alg: JwsAlg, key: VerifyKey, sig: Uint8Array): void {
  if (alg === 'RS256') {
    const bytes = Math.ceil(((key.algorithm as RsaHashedKeyAlgorithm).modulusLength ?? 0) / 8);
    if (sig.length !== bytes) throw new CredLensError('bad-proof', `The RS256 signature is ${sig.length} bytes; the key needs ${bytes}.`);
    return;
  }
  if (sig.length === 64) return;
  if (alg === 'ES256' && sig[0] === 0x30) {
    throw new CredLensError(
      'bad-proof',
      `The ES256 signature is ${sig.length} bytes and looks DER-encoded; JWS requires the 64-byte R||S form (RFC 7518 §3.4).`,
    );
  }
  throw new CredLensError('bad-proof', `The ${alg} signature is ${sig.length} bytes; 64 expected.`);
}

async function verifyEdDSA(key: VerifyKey, msg: Uint8Array, sig: Uint8Array, impl: Ed25519Impl): Promise<boolean> {
  if ('raw' in key) return verifyEd25519(key.raw, msg, sig, impl);
  if (impl === 'noble') {
    const raw = new Uint8Array(await subtle().exportKey('raw', key));
    return verifyEd25519(raw, msg, sig, 'noble');
  }
  return subtle().verify({ name: 'Ed25519' }, key, buf(sig), buf(msg));
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new CredLensError('unsupported-suite', 'This runtime has no WebCrypto (crypto.subtle).');
  return s;
}

function buf(b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b as Uint8Array<ArrayBuffer>;
}
