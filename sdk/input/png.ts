/**
 * Baked PNG badges. The credential sits in a text chunk:
 * - OB 3.0: iTXt, keyword `openbadgecredential`, text = credential JSON or compact JWT
 *   (1EdTech Open Badges 3.0, "Baked Badge" / PNG);
 * - OB 2.0: iTXt, keyword `openbadges`, text = assertion JSON or compact JWS; legacy badges put the
 *   hosted assertion URL in a tEXt chunk with the same keyword (Open Badges Baking Specification 2.0).
 * The file is parsed strictly: signature, IHDR first, every chunk length bounded and every CRC
 * checked, up to IEND. The specs forbid compression; compressed iTXt is still read, with a cap.
 */
import { CredLensError } from '../errors.js';
import { bytesEqual, latin1Decode, utf8Decode } from '../util/bytes.js';
import { adler32, crc32 } from './crc32.js';
import { inflateCapped } from './inflate.js';
import type { BakedPayload } from './types.js';

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Largest PNG accepted (bytes). Badge images are kilobytes; this only bounds hostile input. */
export const MAX_PNG_BYTES = 100 * 1024 * 1024;

/** Largest decompressed iTXt text accepted (bytes). */
export const MAX_INFLATED_TEXT = 8 * 1024 * 1024;

const MAX_CHUNK_LENGTH = 0x7fffffff; // PNG spec: lengths are at most 2^31 - 1

/** True when `bytes` starts with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytesEqual(bytes.subarray(0, 8), PNG_SIGNATURE);
}

type Found = { keyword: 'openbadgecredential' | 'openbadges'; chunk: 'iTXt' | 'tEXt'; text: string };

/**
 * Extracts the baked credential from a PNG. Throws `bad-png` for a damaged or non-conforming file,
 * `too-large` above {@link MAX_PNG_BYTES}, `no-credential` when no badge chunk is present.
 * When both are present, OB 3.0 (`openbadgecredential`) wins over OB 2.0 (`openbadges`), and iTXt
 * over legacy tEXt.
 */
export function extractFromPng(bytes: Uint8Array): BakedPayload {
  if (bytes.length > MAX_PNG_BYTES) {
    throw new CredLensError('too-large', `The PNG is larger than ${MAX_PNG_BYTES / (1024 * 1024)} MB.`);
  }
  if (!isPng(bytes)) throw new CredLensError('bad-png', 'The file does not start with the PNG signature.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Found[] = [];
  let at = 8;
  let index = 0;
  for (;; index++) {
    if (at + 12 > bytes.length) throw new CredLensError('bad-png', 'The PNG is truncated: it ends before its IEND chunk.');
    const length = view.getUint32(at);
    const type = chunkType(bytes, at + 4);
    if (length > MAX_CHUNK_LENGTH) throw new CredLensError('bad-png', `PNG chunk ${index} declares an impossible length (${length}).`);
    const dataStart = at + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) {
      throw new CredLensError('bad-png', `PNG chunk ${index} (${type}) runs past the end of the file.`);
    }
    if (crc32(bytes, at + 4, dataEnd) !== view.getUint32(dataEnd)) {
      throw new CredLensError('bad-png', `PNG chunk ${index} (${type}) has a wrong CRC: the file is damaged or was edited.`);
    }
    if (index === 0 && (type !== 'IHDR' || length !== 13)) {
      throw new CredLensError('bad-png', 'The PNG does not start with a valid IHDR chunk.');
    }
    const data = bytes.subarray(dataStart, dataEnd);
    if (type === 'iTXt' || type === 'tEXt') {
      const f = type === 'iTXt' ? readItxt(data, index) : readText(data, index);
      if (f) found.push(f);
    }
    at = dataEnd + 4;
    if (type === 'IEND') break; // anything after IEND is not part of the image
  }
  return choose(found);
}

function chunkType(bytes: Uint8Array, at: number): string {
  let s = '';
  for (let i = 0; i < 4; i++) {
    const c = bytes[at + i]!;
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!letter) throw new CredLensError('bad-png', 'A PNG chunk type contains bytes that are not ASCII letters: the file is damaged.');
    s += String.fromCharCode(c);
  }
  return s;
}

function badgeKeyword(k: string): Found['keyword'] | undefined {
  return k === 'openbadgecredential' || k === 'openbadges' ? k : undefined;
}

/** Index of the first zero byte at or after `from`, or -1. */
function nul(data: Uint8Array, from: number): number {
  return data.indexOf(0, from);
}

/** iTXt: keyword \0 flag method language \0 translated-keyword \0 text (PNG spec §11.3.4.5). */
function readItxt(data: Uint8Array, index: number): Found | undefined {
  const k = nul(data, 0);
  if (k < 1 || k > 79) throw new CredLensError('bad-png', `iTXt chunk ${index} has no valid keyword.`);
  const keyword = badgeKeyword(latin1Decode(data.subarray(0, k)));
  if (!keyword) return undefined;
  if (k + 3 > data.length) throw new CredLensError('bad-png', `iTXt chunk ${index} (${keyword}) is truncated.`);
  const flag = data[k + 1]!;
  const method = data[k + 2]!;
  if (flag > 1) throw new CredLensError('bad-png', `iTXt chunk ${index} (${keyword}) has an invalid compression flag (${flag}).`);
  if (method !== 0) throw new CredLensError('bad-png', `iTXt chunk ${index} (${keyword}) uses an unknown compression method (${method}).`);
  const lang = nul(data, k + 3);
  const translated = lang < 0 ? -1 : nul(data, lang + 1);
  if (translated < 0) throw new CredLensError('bad-png', `iTXt chunk ${index} (${keyword}) is malformed: a separator is missing.`);
  const raw = data.subarray(translated + 1);
  const textBytes = flag === 1 ? inflateText(raw, `iTXt chunk ${index} (${keyword})`) : raw;
  const text = utf8Decode(textBytes, `The text of iTXt chunk ${index} (${keyword})`, 'bad-png');
  return { keyword, chunk: 'iTXt', text };
}

/** tEXt: keyword \0 text, both Latin-1 (PNG spec §11.3.4.3). */
function readText(data: Uint8Array, index: number): Found | undefined {
  const k = nul(data, 0);
  if (k < 1 || k > 79) throw new CredLensError('bad-png', `tEXt chunk ${index} has no valid keyword.`);
  const keyword = badgeKeyword(latin1Decode(data.subarray(0, k)));
  if (keyword !== 'openbadges') return undefined; // tEXt is only defined for the legacy OB keyword
  return { keyword, chunk: 'tEXt', text: latin1Decode(data.subarray(k + 1)) };
}

/** zlib-inflates `raw` with the shared capped decoder; refuses output past the cap and a bad checksum. */
function inflateText(raw: Uint8Array, where: string): Uint8Array {
  const r = raw.length < 6 ? undefined : inflateCapped(raw, MAX_INFLATED_TEXT + 1, 'zlib');
  if (r?.capped) throw new CredLensError('bad-png', `${where} inflates to more than ${MAX_INFLATED_TEXT / (1024 * 1024)} MB.`);
  if (r === undefined || r.broken) throw new CredLensError('bad-png', `${where} is not valid zlib data.`);
  const tail = raw.subarray(raw.length - 4);
  const expected = ((tail[0]! << 24) | (tail[1]! << 16) | (tail[2]! << 8) | tail[3]!) >>> 0;
  // fflate does not check the Adler-32 trailer: a corrupted text must not pass as the credential.
  if (adler32(r.bytes) !== expected) throw new CredLensError('bad-png', `${where} fails its zlib checksum.`);
  return r.bytes;
}

const RANK: Record<string, number> = { 'openbadgecredential:iTXt': 0, 'openbadges:iTXt': 1, 'openbadges:tEXt': 2 };

function choose(found: Found[]): BakedPayload {
  if (found.length === 0) {
    throw new CredLensError('no-credential', 'The PNG has no Open Badges chunk (iTXt "openbadgecredential" or "openbadges"): it is a plain image, not a baked badge.');
  }
  const seen = new Set<string>();
  for (const f of found) {
    const key = `${f.keyword}:${f.chunk}`;
    if (seen.has(key)) {
      throw new CredLensError('bad-png', `The PNG has more than one ${f.chunk} "${f.keyword}" chunk; the baking specification allows one, so it is ambiguous which credential it carries.`);
    }
    seen.add(key);
  }
  const best = [...found].sort((a, b) => RANK[`${a.keyword}:${a.chunk}`]! - RANK[`${b.keyword}:${b.chunk}`]!)[0]!;
  if (best.text.length === 0) throw new CredLensError('no-credential', `The PNG's "${best.keyword}" chunk is empty.`);
  return {
    kind: best.keyword === 'openbadgecredential' ? 'ob3' : 'ob2',
    text: best.text,
    container: best.chunk === 'iTXt' ? 'png-itxt' : 'png-text',
  };
}
