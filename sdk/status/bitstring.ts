/**
 * Bitstring Status List v1.0 and its predecessor StatusList2021: decoding the compressed list and
 * reading one entry. The list credential itself is verified by the caller.
 */
import { gunzipSync } from 'fflate';
import { CredLensError } from '../errors.js';
import { base64Decode, base64UrlDecode } from '../util/bytes.js';
import { BoundedMap } from '../util/bounded-map.js';

/** The spec's minimum list length (16 KB); shorter lists are common (DCC uses 100 000) and only warned about. */
export const MIN_LIST_BITS = 131_072;
/** The largest decompressed list accepted (16 MiB, 134 million entries). */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;

/**
 * Decodes `encodedList`: multibase base64url ('u' prefix, Bitstring Status List) or bare base64url /
 * base64 (StatusList2021), wrapping GZIP. `multibase` tells whether the prefix was there.
 */
export function decodeEncodedList(encoded: string): { bits: Uint8Array; multibase: boolean } {
  // Several credentials on one page usually share a list: it is decompressed once.
  const known = decoded.get(encoded);
  if (known) return known;
  const result = decodeFresh(encoded);
  if (result.bits.length > MAX_DECODED_BYTES) return result;
  decoded.set(encoded, result);
  return result;
}

// Recently decoded lists, by their encoded form (oldest first). The bits are never written to.
const MAX_DECODED = 8;
const decoded = new BoundedMap<string, { bits: Uint8Array; multibase: boolean }>(MAX_DECODED);
const MAX_DECODED_BYTES = 1024 * 1024;

function decodeFresh(encoded: string): { bits: Uint8Array; multibase: boolean } {
  const multibase = encoded.startsWith('u');
  const s = multibase ? encoded.slice(1) : encoded;
  // Bitstring lists use base64url; StatusList2021 lists in the wild use either alphabet, some padded.
  const unpadded = s.replace(/=+$/, '');
  const compressed = /[+/]/.test(unpadded)
    ? base64Decode(unpadded, 'The status list', 'bad-status-list')
    : base64UrlDecode(unpadded, 'The status list', 'bad-status-list');
  return { bits: gunzipCapped(compressed), multibase };
}

function gunzipCapped(data: Uint8Array): Uint8Array {
  if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b) throw new CredLensError('bad-status-list', 'The status list is not GZIP-compressed.');
  // ISIZE (last 4 bytes) states the decompressed size; refuse oversized lists before inflating.
  const n = data.length;
  const isize = (data[n - 4]! | (data[n - 3]! << 8) | (data[n - 2]! << 16) | (data[n - 1]! << 24)) >>> 0;
  if (isize > MAX_LIST_BYTES) throw new CredLensError('bad-status-list', 'The status list is larger than CredLens accepts.');
  try {
    const out = gunzipSync(data, { out: new Uint8Array(isize) });
    if (out.length !== isize) throw new Error('size mismatch');
    return out;
  } catch {
    throw new CredLensError('bad-status-list', 'The status list could not be decompressed.');
  }
}

/** Reads `size` bits at entry `index` (bit 0 of the list is the most significant bit of byte 0). */
export function readStatus(list: Uint8Array, index: number, size = 1): number {
  const start = index * size;
  if (!Number.isSafeInteger(start) || start < 0 || start + size > list.length * 8) {
    throw new CredLensError('bad-status-list', `Status index ${index} is outside the list (${list.length * 8} bits).`);
  }
  let v = 0;
  for (let i = start; i < start + size; i++) v = (v << 1) | ((list[i >> 3]! >> (7 - (i & 7))) & 1);
  return v;
}
