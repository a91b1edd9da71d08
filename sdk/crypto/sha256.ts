/** SHA-256, synchronous and portable (Node, browsers, service workers). */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** SHA-256 digest of bytes or of a string's UTF-8 encoding. */
export function sha256(data: Uint8Array | string): Uint8Array {
  return nobleSha256(typeof data === 'string' ? new TextEncoder().encode(data) : data);
}
