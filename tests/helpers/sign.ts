/** Minimal signers for tests that build attacker-shaped documents (node:crypto keys, CredLens's own JCS). */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { sha256 } from '../../sdk/crypto/sha256.js';
import { jcs } from '../../sdk/proof/jcs.js';
import { base58Encode } from '../../sdk/util/base58.js';

export interface TestKey {
  privateKey: KeyObject;
  /** z6Mk… multibase of the public key. */
  multibase: string;
  jwk: JsonWebKey;
}

/** A fresh Ed25519 key. */
export function newKey(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  return { privateKey, multibase: 'z' + base58Encode(Uint8Array.from([0xed, 0x01, ...raw])), jwk: publicKey.export({ format: 'jwk' }) as JsonWebKey };
}

/** Adds an eddsa-jcs-2022 proof made with `key`, naming `verificationMethod`. */
export function signJcs(doc: Record<string, unknown>, key: TestKey, verificationMethod: string): Record<string, unknown> {
  const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2025-01-01T00:00:00Z', verificationMethod, proofPurpose: 'assertionMethod', '@context': doc['@context'] };
  const data = Buffer.concat([sha256(jcs(proof)), sha256(jcs(doc))]);
  return { ...doc, proof: { ...proof, proofValue: 'z' + base58Encode(sign(null, data, key.privateKey)) } };
}

/** A compact EdDSA JWT. */
export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: TestKey): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${b64({ alg: 'EdDSA', ...header })}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString('base64url')}`;
}
