/**
 * Decoding of Ed25519 public keys in the forms issuers publish: Multikey / Ed25519VerificationKey2020
 * (`publicKeyMultibase`, base58btc of 0xed 0x01 + 32 bytes), Ed25519VerificationKey2018
 * (`publicKeyBase58`, raw) and JWK (`kty: OKP, crv: Ed25519`).
 */
import { CredLensError } from '../errors.js';
import { base58Decode, multibaseBase58Decode } from '../util/base58.js';
import { base64UrlDecode } from '../util/bytes.js';
import { isObject } from '../util/json.js';

/** The multicodec prefix of an Ed25519 public key (varint 0xed). */
export const ED25519_PUB_PREFIX = [0xed, 0x01] as const;

/** Decodes `z6Mk...` (multibase base58btc, multicodec ed25519-pub) to the raw 32-byte key. */
export function decodeEd25519Multikey(multibase: string): Uint8Array {
  const bytes = multibaseBase58Decode(multibase);
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB_PREFIX[0] || bytes[1] !== ED25519_PUB_PREFIX[1]) {
    throw new CredLensError('bad-key', `${short(multibase)} is not an Ed25519 public key (expected the 0xed01 multicodec prefix and 32 bytes).`);
  }
  return bytes.slice(2);
}

/** Decodes an Ed25519 JWK's `x` to raw bytes. */
export function decodeEd25519Jwk(jwk: unknown): Uint8Array {
  if (!isObject(jwk) || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new CredLensError('bad-key', 'The key is not an Ed25519 JWK (kty OKP, crv Ed25519).');
  }
  if ('d' in jwk) throw new CredLensError('bad-key', 'The published key includes its private part; it is refused.');
  const raw = base64UrlDecode(jwk.x, 'The Ed25519 JWK', 'bad-key');
  if (raw.length !== 32) throw new CredLensError('bad-key', 'The Ed25519 JWK does not hold a 32-byte key.');
  return raw;
}

/**
 * Reads the Ed25519 key out of a verification method object, whatever form it is published in.
 * Returns undefined for non-Ed25519 keys (the caller may still use the JWK).
 */
export function ed25519FromMethod(vm: Record<string, unknown>): Uint8Array | undefined {
  if (typeof vm.publicKeyMultibase === 'string') {
    if (vm.type === 'Ed25519VerificationKey2018') return multibaseBase58Decode(vm.publicKeyMultibase);
    return decodeEd25519Multikey(vm.publicKeyMultibase);
  }
  if (typeof vm.publicKeyBase58 === 'string') {
    const raw = base58Decode(vm.publicKeyBase58);
    if (raw.length !== 32) throw new CredLensError('bad-key', 'publicKeyBase58 does not hold a 32-byte Ed25519 key.');
    return raw;
  }
  if (isObject(vm.publicKeyJwk) && vm.publicKeyJwk.crv === 'Ed25519') return decodeEd25519Jwk(vm.publicKeyJwk);
  return undefined;
}

function short(s: string): string {
  return s.length > 24 ? s.slice(0, 20) + '…' : s;
}
