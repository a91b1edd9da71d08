/**
 * SHA-256. `sha256` is synchronous and portable: node:crypto in Node (native, several times faster
 * on the kilobyte-sized inputs proofs hash), @noble/hashes elsewhere (browsers, service workers).
 * `sha256Async` is native everywhere it can be (WebCrypto in browsers).
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

/**
 * SHA-256 for the large inputs proofs hash: node:crypto in Node, WebCrypto in browsers and service
 * workers (native; the pure-JS fallback costs milliseconds per credential while a worker's code is
 * still cold), @noble/hashes where neither is there.
 */
export async function sha256Async(data: Uint8Array | string): Promise<Uint8Array> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  // WebCrypto takes no views of shared memory: those are hashed here.
  if (createHash || subtle === undefined || (typeof data !== 'string' && !(data.buffer instanceof ArrayBuffer))) return sha256(data);
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : (data as Uint8Array<ArrayBuffer>);
  return new Uint8Array(await subtle.digest('SHA-256', bytes));
}
