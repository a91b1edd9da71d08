/**
 * A small, bounded ZIP reader for office documents: the central directory is walked with a cap on
 * the number of entries, only the entries the caller asks for are read, and each is inflated with a
 * hard output cap (`inflateCapped`). fflate's `unzipSync` is not used on purpose: it inflates into a
 * buffer of the size the archive *declares* and keeps decoding past it when the declaration lies,
 * so a small lying entry costs seconds of CPU (measured: a 200 KB entry, 1.6 s) before anything can
 * stop it; here decoding stops at the cap.
 */
import { CredLensError } from '../errors.js';
import { inflateCapped } from './inflate.js';

/** Limits for one archive. */
export interface ZipLimits {
  /** Most central-directory entries walked. */
  maxEntries: number;
  /** Largest entry read (uncompressed bytes, declared or actual). */
  maxEntryBytes: number;
  /** Most uncompressed bytes read from the archive in total. */
  maxTotalBytes: number;
}

/** One central-directory entry. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** True when the bytes start like a ZIP archive (local file header or an empty archive). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

/** Reads a ZIP archive's directory. Throws `bad-input` for a broken archive, `too-large` past the limits. */
export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readBytes = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits,
  ) {
    const b = bytes;
    // The end-of-central-directory record is in the last 22 + 65535 bytes.
    let e = -1;
    for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
      if (u32(b, i) === EOCD) {
        e = i;
        break;
      }
    }
    if (e < 0) throw new CredLensError('bad-input', 'The file is not a readable ZIP archive (no central directory).');
    const count = u16(b, e + 10);
    let at = u32(b, e + 16);
    if (count === 0xffff || at === 0xffffffff) throw new CredLensError('bad-input', 'ZIP64 archives are not read (a CV does not need one).');
    if (count > limits.maxEntries) throw new CredLensError('too-large', `The archive has ${count} entries; at most ${limits.maxEntries} are read.`);
    for (let k = 0; k < count; k++) {
      if (at + 46 > b.length || u32(b, at) !== CEN) throw new CredLensError('bad-input', 'The ZIP central directory is damaged.');
      const flags = u16(b, at + 8);
      const nameLen = u16(b, at + 28);
      const extraLen = u16(b, at + 30);
      const commentLen = u16(b, at + 32);
      if (at + 46 + nameLen > b.length) throw new CredLensError('bad-input', 'The ZIP central directory is damaged.');
      const rawName = b.subarray(at + 46, at + 46 + nameLen);
      const name = flags & 0x800 ? new TextDecoder().decode(rawName) : latin1(rawName);
      const entry: ZipEntry = {
        name,
        method: u16(b, at + 10),
        compressedSize: u32(b, at + 20),
        size: u32(b, at + 24),
        localOffset: u32(b, at + 42),
        encrypted: (flags & 1) === 1,
      };
      if (!this.entries.has(name)) this.entries.set(name, entry);
      at += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** True when the archive has an entry of this name. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The uncompressed bytes of one entry, or undefined when the archive has no such entry.
   * Throws `too-large` when the entry (declared or actual) or the running total passes the limits.
   */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const b = this.bytes;
    if (e.encrypted) throw new CredLensError('bad-input', `${name} in the archive is encrypted.`);
    if (e.size > this.limits.maxEntryBytes) throw tooLarge(name, this.limits.maxEntryBytes);
    const loc = e.localOffset;
    if (loc + 30 > b.length || u32(b, loc) !== LOC) throw new CredLensError('bad-input', `The ZIP entry ${name} is damaged.`);
    const start = loc + 30 + u16(b, loc + 26) + u16(b, loc + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new CredLensError('bad-input', `The ZIP entry ${name} is truncated.`);
    const room = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.readBytes);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize > room) throw tooLarge(name, this.limits.maxEntryBytes);
      out = b.subarray(start, end);
    } else if (e.method === 8) {
      // One byte over the room tells a lying size declaration (a zip bomb) from an entry that fits.
      const r = inflateCapped(b.subarray(start, end), room + 1, 'raw');
      if (r.capped) throw tooLarge(name, this.limits.maxEntryBytes);
      if (r.broken && r.bytes.length === 0) throw new CredLensError('bad-input', `The ZIP entry ${name} is not valid deflate data.`);
      out = r.bytes;
    } else {
      throw new CredLensError('bad-input', `The ZIP entry ${name} uses compression method ${e.method}, which is not read.`);
    }
    this.readBytes += out.length;
    return out;
  }
}

function tooLarge(name: string, max: number): CredLensError {
  return new CredLensError('too-large', `The archive entry ${name} is larger than ${Math.round(max / (1024 * 1024))} MB uncompressed (or claims to be smaller than it is).`);
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}
