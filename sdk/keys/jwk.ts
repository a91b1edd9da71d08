/**
 * Public keys for JOSE signatures: a JWK (RFC 7517) or a PEM (SPKI, or PKCS#1 for RSA) imported
 * into WebCrypto for one JWS algorithm, and did:jwk. Only public keys are ever accepted: a key
 * that carries private members is refused rather than silently stripped, because whoever
 * published it has leaked it.
 */
import { CredLensError } from '../errors.js';
import { hasNodeEd25519, hasWebCryptoEd25519, type Ed25519Impl } from '../crypto/ed25519.js';
import { isObject, parseJson } from '../util/json.js';
import { base64Decode, base64UrlDecode, utf8Decode } from '../util/bytes.js';
import type { JwsAlg } from '../proof/jws.js';

/**
 * An Ed25519 public key held as raw bytes, for runtimes whose WebCrypto lacks Ed25519 (or when the
 * pure-JS implementation is forced). `verifyJws` accepts it wherever it accepts a CryptoKey.
 */
export interface Ed25519RawKey {
  readonly type: 'public';
  readonly algorithm: { readonly name: 'Ed25519' };
  /** The 32-byte public key (RFC 8032 encoding). */
  readonly raw: Uint8Array;
}

/** A key `verifyJws` can use: a WebCrypto public key, or a raw Ed25519 key (see Ed25519RawKey). */
export type VerifyKey = CryptoKey | Ed25519RawKey;

/** Options for `importVerifyKey`. */
export interface ImportKeyOptions {
  /** Which Ed25519 implementation the key is for (default 'auto': WebCrypto when it has Ed25519). */
  ed25519?: Ed25519Impl;
}

/** JWK members that only private (or symmetric) keys have (RFC 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037 §2). */
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** Smallest RSA modulus accepted for RS256, in bits (RFC 7518 §3.3: "2048 bits or larger MUST be used"). */
export const MIN_RSA_BITS = 2048;

/** Largest RSA modulus accepted, in bits: bounds the work a hostile key can cause. */
export const MAX_RSA_BITS = 16384;

/**
 * Throws `bad-key` unless `jwk` is a JSON object without private members. `where` names the key's
 * origin in the message (for example "the JOSE header").
 */
export function assertPublicJwk(jwk: unknown, where = 'the key'): asserts jwk is JsonWebKey {
  if (!isObject(jwk)) throw new CredLensError('bad-key', `${where} is not a JSON Web Key object.`);
  const found = PRIVATE_JWK_MEMBERS.filter((m) => m in jwk);
  if (found.length > 0) {
    throw new CredLensError(
      'bad-key',
      `${where} carries a private key (member${found.length > 1 ? 's' : ''} ${found.map((m) => `"${m}"`).join(', ')}); refusing to use a leaked key.`,
    );
  }
}

/**
 * Imports a public key for verifying one JWS algorithm: `EdDSA` (OKP / Ed25519), `ES256`
 * (EC / P-256) or `RS256` (RSA, at least 2048 bits). The key is a JWK, or `{ pem }` holding a
 * "PUBLIC KEY" (SPKI) or "RSA PUBLIC KEY" (PKCS#1) block. A key that does not match the algorithm,
 * is malformed, private, or too small is refused with `bad-key`.
 */
export async function importVerifyKey(
  key: JsonWebKey | { pem: string },
  alg: JwsAlg,
  options: ImportKeyOptions = {},
): Promise<VerifyKey> {
  if (isObject(key) && 'pem' in key) {
    if (typeof key.pem !== 'string') throw new CredLensError('bad-key', 'The "pem" of the key is not a string.');
    return importPem(key.pem, alg, options);
  }
  return importJwk(key, alg, options);
}

/** Decodes a did:jwk DID or DID URL (fragment `#0` only) to the public JWK it encodes. */
export function didJwkToJwk(did: string): JsonWebKey {
  if (typeof did !== 'string' || !did.startsWith('did:jwk:')) {
    throw new CredLensError('unsupported-did', `Not a did:jwk DID: ${String(did).slice(0, 80)}`);
  }
  const hash = did.indexOf('#');
  const base = hash === -1 ? did : did.slice(0, hash);
  const fragment = hash === -1 ? undefined : did.slice(hash + 1);
  // did:jwk defines exactly one verification method, "#0".
  if (fragment !== undefined && fragment !== '0') {
    throw new CredLensError('bad-key', `did:jwk has a single verification method "#0"; "#${fragment.slice(0, 40)}" does not exist.`);
  }
  const value = base.slice('did:jwk:'.length);
  if (!/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new CredLensError('unsupported-did', 'The did:jwk method-specific id is not base64url (it may carry a path or query).');
  }
  const text = utf8Decode(base64UrlDecode(value, 'The did:jwk value', 'bad-key'), 'The did:jwk value', 'bad-key');
  let jwk: unknown;
  try {
    jwk = parseJson(text, 'The did:jwk JWK', 10);
  } catch (e) {
    throw new CredLensError('bad-key', (e as Error).message);
  }
  assertPublicJwk(jwk, 'The did:jwk JWK');
  if (typeof jwk.kty !== 'string') throw new CredLensError('bad-key', 'The did:jwk JWK has no "kty".');
  return jwk;
}

// ---------------------------------------------------------------------------------------------
// JWK

async function importJwk(jwk: unknown, alg: JwsAlg, options: ImportKeyOptions): Promise<VerifyKey> {
  assertPublicJwk(jwk, 'The JWK');
  checkJwkUsage(jwk, alg);
  switch (alg) {
    case 'EdDSA': {
      expectMember(jwk, 'kty', 'OKP', alg);
      expectMember(jwk, 'crv', 'Ed25519', alg);
      const x = coordinate(jwk.x, 'x', 32);
      return ed25519Key(x, options, () =>
        subtle().importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x, ext: true }, { name: 'Ed25519' }, true, ['verify']),
      );
    }
    case 'ES256': {
      expectMember(jwk, 'kty', 'EC', alg);
      expectMember(jwk, 'crv', 'P-256', alg);
      coordinate(jwk.x, 'x', 32);
      coordinate(jwk.y, 'y', 32);
      return wrapImport(() =>
        subtle().importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']),
      );
    }
    case 'RS256': {
      expectMember(jwk, 'kty', 'RSA', alg);
      if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
        throw new CredLensError('bad-key', 'The RSA JWK needs string members "n" and "e".');
      }
      base64UrlDecode(jwk.n, 'The RSA modulus "n"', 'bad-key');
      base64UrlDecode(jwk.e, 'The RSA exponent "e"', 'bad-key');
      const key = await wrapImport(() =>
        subtle().importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e, ext: true }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']),
      );
      return checkRsaSize(key);
    }
    default:
      throw new CredLensError('unsupported-suite', `No key import for JWS algorithm ${String(alg)}.`);
  }
}

/** RFC 7517 §4.2–4.4: a JWK that states its use must allow verifying with this algorithm. */
function checkJwkUsage(jwk: JsonWebKey & { use?: unknown }, alg: JwsAlg): void {
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    throw new CredLensError('bad-key', `The JWK is for "alg": ${JSON.stringify(jwk.alg)}, not ${alg}.`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw new CredLensError('bad-key', `The JWK is for "use": ${JSON.stringify(jwk.use)}, not "sig".`);
  }
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) {
    throw new CredLensError('bad-key', 'The JWK "key_ops" does not include "verify".');
  }
}

function expectMember(jwk: JsonWebKey, name: 'kty' | 'crv', want: string, alg: JwsAlg): void {
  const got = jwk[name];
  if (got !== want) {
    throw new CredLensError('bad-key', `A ${alg} key needs "${name}": "${want}", but the JWK has ${got === undefined ? 'none' : JSON.stringify(got)}.`);
  }
}

function coordinate(v: unknown, name: string, length: number): Uint8Array {
  if (typeof v !== 'string') throw new CredLensError('bad-key', `The JWK has no string member "${name}".`);
  const bytes = base64UrlDecode(v, `The JWK member "${name}"`, 'bad-key');
  if (bytes.length !== length) {
    throw new CredLensError('bad-key', `The JWK member "${name}" is ${bytes.length} bytes; ${length} expected.`);
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// PEM

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** DER prefix of every Ed25519 SPKI (RFC 8410 §4): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33) }. */
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

async function importPem(pem: string, alg: JwsAlg, options: ImportKeyOptions): Promise<VerifyKey> {
  const blocks = [...pem.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1] ?? '', body: m[2] ?? '' }));
  if (blocks.some((b) => b.label.includes('PRIVATE'))) {
    throw new CredLensError('bad-key', 'The PEM holds a private key; refusing to use a leaked key.');
  }
  const block = blocks.find((b) => b.label === 'PUBLIC KEY' || b.label === 'RSA PUBLIC KEY');
  if (!block) {
    const labels = blocks.map((b) => b.label).join(', ');
    throw new CredLensError('bad-key', `No "PUBLIC KEY" PEM block found${labels ? ` (found: ${labels})` : ''}.`);
  }
  // RFC 7468: base64 lines, whitespace between them ignored.
  let der = base64Decode(block.body.replace(/\s+/g, ''), 'The PEM body', 'bad-key');
  if (block.label === 'RSA PUBLIC KEY') {
    if (alg !== 'RS256') throw new CredLensError('bad-key', `An "RSA PUBLIC KEY" cannot verify ${alg}.`);
    der = pkcs1ToSpki(der);
  }
  switch (alg) {
    case 'EdDSA': {
      if (der.length !== 44 || ED25519_SPKI_PREFIX.some((b, i) => der[i] !== b)) {
        throw new CredLensError('bad-key', 'The PEM is not an Ed25519 public key (RFC 8410 SPKI).');
      }
      const spki = der;
      return ed25519Key(der.slice(12), options, () => subtle().importKey('spki', buf(spki), { name: 'Ed25519' }, true, ['verify']));
    }
    case 'ES256':
      return wrapImport(() => subtle().importKey('spki', buf(der), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']));
    case 'RS256':
      return checkRsaSize(
        await wrapImport(() => subtle().importKey('spki', buf(der), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify'])),
      );
    default:
      throw new CredLensError('unsupported-suite', `No key import for JWS algorithm ${String(alg)}.`);
  }
}

/** Wraps a PKCS#1 RSAPublicKey in an SPKI (RFC 5280 §4.1, algorithm rsaEncryption with NULL parameters). */
function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  const algId = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const bitString = derTlv(0x03, concat([new Uint8Array([0]), pkcs1]));
  return derTlv(0x30, concat([new Uint8Array(algId), bitString]));
}

function derTlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let len: number[];
  if (n < 0x80) len = [n];
  else {
    len = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) len.unshift(v & 0xff);
    len.unshift(0x80 | len.length);
  }
  return concat([new Uint8Array([tag, ...len]), content]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// shared

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new CredLensError('unsupported-suite', 'This runtime has no WebCrypto (crypto.subtle).');
  return s;
}

async function ed25519Key(raw: Uint8Array, options: ImportKeyOptions, viaWebCrypto: () => Promise<CryptoKey>): Promise<VerifyKey> {
  const impl = options.ed25519 ?? 'auto';
  // In Node, 'auto' verifies raw keys through node:crypto (see crypto/ed25519.ts).
  const web = impl === 'webcrypto' || (impl === 'auto' && !hasNodeEd25519() && (await hasWebCryptoEd25519()));
  if (web) return wrapImport(viaWebCrypto);
  return { type: 'public', algorithm: { name: 'Ed25519' }, raw: raw.slice() };
}

async function wrapImport(fn: () => Promise<CryptoKey>): Promise<CryptoKey> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CredLensError) throw e;
    throw new CredLensError('bad-key', `The key could not be imported: ${(e as Error).message ?? String(e)}`, { cause: e });
  }
}

function checkRsaSize(key: CryptoKey): CryptoKey {
  const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (!(bits >= MIN_RSA_BITS)) {
    throw new CredLensError('bad-key', `The RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required.`);
  }
  if (bits > MAX_RSA_BITS) throw new CredLensError('bad-key', `The RSA key has ${bits} bits; more than ${MAX_RSA_BITS} are not accepted.`);
  return key;
}

function buf(b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b as Uint8Array<ArrayBuffer>;
}
