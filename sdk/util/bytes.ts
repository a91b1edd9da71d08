/**
 * Byte helpers: strict base64url, base64 and hex codecs, exact UTF-8. Pure functions with no
 * runtime dependencies (no Buffer), so they behave the same in Node, browsers and service workers.
 * Decoders are strict: a value that has more than one encoding, or characters outside the
 * alphabet, is refused rather than repaired.
 */
import { CredLensError, type ErrorCode } from '../errors.js';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function table(alphabet: string): Int16Array {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
}
const URL_TABLE = table(B64URL);
const STD_TABLE = table(B64);

/** Decodes unpadded base64 over `alphabet`; undefined when any character or the tail is not canonical. */
function decodeUnpadded(s: string, t: Int16Array): Uint8Array | undefined {
  const n = s.length;
  if (n % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? t[c]! : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, otherwise two different strings would decode to the same bytes.
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

function encodeUnpadded(bytes: Uint8Array, alphabet: string): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += alphabet[v >> 18]! + alphabet[(v >> 12) & 63]! + alphabet[(v >> 6) & 63]! + alphabet[v & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    out += alphabet[v >> 18]! + alphabet[(v >> 12) & 63]!;
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += alphabet[v >> 18]! + alphabet[(v >> 12) & 63]! + alphabet[(v >> 6) & 63]!;
  }
  return out;
}

/**
 * Decodes base64url as JOSE uses it (RFC 7515 §2): URL-safe alphabet, no padding, no whitespace,
 * canonical trailing bits. Throws `CredLensError(code)` naming `where` otherwise.
 */
export function base64UrlDecode(s: string, where = 'the value', code: ErrorCode = 'bad-input'): Uint8Array {
  const out = decodeUnpadded(s, URL_TABLE);
  if (!out) throw new CredLensError(code, `${where} is not valid base64url (unpadded, characters A-Z a-z 0-9 - _ only).`);
  return out;
}

/** Encodes bytes as unpadded base64url. */
export function base64UrlEncode(bytes: Uint8Array): string {
  return encodeUnpadded(bytes, B64URL);
}

/**
 * Decodes standard base64 (RFC 4648 §4). Padding is optional, but when present it must be exactly
 * right; whitespace and URL-safe characters are refused.
 */
export function base64Decode(s: string, where = 'the value', code: ErrorCode = 'bad-input'): Uint8Array {
  let body = s;
  if (s.length % 4 === 0 && s.endsWith('=')) body = s.endsWith('==') ? s.slice(0, -2) : s.slice(0, -1);
  const out = body.includes('=') ? undefined : decodeUnpadded(body, STD_TABLE);
  if (!out) throw new CredLensError(code, `${where} is not valid base64.`);
  return out;
}

/** Encodes bytes as padded standard base64. */
export function base64Encode(bytes: Uint8Array): string {
  const s = encodeUnpadded(bytes, B64);
  return s + '='.repeat((4 - (s.length % 4)) % 4);
}

/** Decodes hex (either case, even length, nothing else). */
export function hexDecode(s: string, where = 'the value', code: ErrorCode = 'bad-input'): Uint8Array {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw new CredLensError(code, `${where} is not valid hex.`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Encodes bytes as lower-case hex. */
export function hexEncode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += (b < 16 ? '0' : '') + b.toString(16);
  return out;
}

const encoder = new TextEncoder();
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Encodes a string as UTF-8. */
export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Decodes exact UTF-8: invalid sequences are an error, never replaced, and a byte-order mark is
 * kept as U+FEFF (what was signed is what is returned).
 */
export function utf8Decode(bytes: Uint8Array, where = 'the input', code: ErrorCode = 'bad-input'): string {
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    throw new CredLensError(code, `${where} is not valid UTF-8 text.`);
  }
}

/** Decodes ISO 8859-1 (Latin-1), byte for code point, as PNG tEXt chunks and keywords use it. */
export function latin1Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

/** True when both byte arrays hold the same bytes (not constant-time; for non-secret data). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Joins byte chunks into one array (`total`: their summed length, when the caller already has it). */
export function concatBytes(chunks: readonly Uint8Array[], total = chunks.reduce((n, c) => n + c.byteLength, 0)): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.byteLength === total) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
