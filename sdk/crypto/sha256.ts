/**
 * SHA-256, synchronous and portable: node:crypto in Node (native, several times faster on the
 * kilobyte-sized inputs proofs hash), @noble/hashes elsewhere (browsers, service workers).
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

type NodeHash = { update(d: Uint8Array | string): NodeHash; digest(): Uint8Array };
const createHash = (() => {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return (p?.getBuiltinModule?.('node:crypto') as { createHash?: (alg: string) => NodeHash } | undefined)?.createHash;
  } catch {
    return undefined;
  }
})();

/** SHA-256 digest of bytes or of a string's UTF-8 encoding. */
export function sha256(data: Uint8Array | string): Uint8Array {
  if (createHash) return new Uint8Array(createHash('sha256').update(data).digest());
  return nobleSha256(typeof data === 'string' ? new TextEncoder().encode(data) : data);
}
