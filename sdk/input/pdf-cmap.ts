/**
 * Character codes → text, for the strings a PDF page shows. Those strings hold character codes, not
 * characters, and what a code means depends on the font (PDF 32000-1:2008, 9.10.2):
 *
 *  - a ToUnicode CMap (9.10.3) maps codes to Unicode. Chrome, Word, LibreOffice and most other
 *    producers write one for every embedded subset font, whose codes are glyph ids (Type0 fonts,
 *    Identity-H) or small numbers in order of use (simple fonts);
 *  - a Type0 font without one, encoded by a predefined Unicode CMap (UniJIS-UCS2-H ...): the codes
 *    are UTF-16 or UTF-8 themselves;
 *  - a Type0 font encoded by a predefined legacy CJK CMap (90ms-RKSJ-H, GBK-EUC-H, ETen-B5-H,
 *    KSCms-UHC-H ...): the bytes are Shift-JIS, GBK, Big5 or EUC text;
 *  - a simple font without one: a byte per character, read as Latin-1 (what WinAnsi, MacRoman and
 *    the standard encoding agree on for letters, digits and URL punctuation).
 *
 * Anything else (Identity-H glyph ids without a ToUnicode map) shows no text rather than garbage.
 * Pure functions over strings holding one byte per character; every table is capped.
 */

/** Turns the bytes of one shown string (one byte per character) into text. */
export type FontDecoder = (bytes: string) => string;

/** A code space range (9.7.6.2): codes of `bytes` length between `low` and `high`. */
interface CodeSpace {
  bytes: number;
  low: number;
  high: number;
}

/** A bfrange whose codes map to consecutive characters, or to a list of strings. */
interface CodeRange {
  low: number;
  high: number;
  /** The first code's text as UTF-16 units (the last one counts up), or one string per code. */
  to: number[] | string[];
}

/** A parsed ToUnicode CMap. */
export interface ToUnicodeMap {
  spaces: CodeSpace[];
  /** Single codes (bfchar), keyed by `key(bytes, code)`. */
  chars: Map<number, string>;
  /** Ranges (bfrange) by code length, sorted by their low code. */
  ranges: Map<number, CodeRange[]>;
}

/** Most bfchar entries and bfrange ranges read from one CMap (a font has at most 65,536 glyphs). */
export const MAX_CMAP_ENTRIES = 65536;

/** Codes are 1 to 4 bytes long; a key tells a 1-byte 0x41 from a 2-byte 0x0041. */
function key(bytes: number, code: number): number {
  return code * 8 + bytes;
}

/**
 * Parses a ToUnicode CMap program (its `begincodespacerange`, `beginbfchar` and `beginbfrange`
 * sections; everything else is PostScript boilerplate). Undefined when it maps nothing.
 */
export function parseToUnicode(text: string): ToUnicodeMap | undefined {
  const spaces: CodeSpace[] = [];
  const chars = new Map<number, string>();
  const ranges = new Map<number, CodeRange[]>();
  let entries = 0;
  const tokens = tokenize(text);
  let section: 'space' | 'char' | 'range' | undefined;
  let args: (Hex | Hex[])[] = [];
  for (const t of tokens) {
    if (typeof t === 'string') {
      if (t === 'begincodespacerange') section = 'space';
      else if (t === 'beginbfchar') section = 'char';
      else if (t === 'beginbfrange') section = 'range';
      else section = undefined; // the end of a section, or one that maps CIDs (not text)
      args = [];
      continue;
    }
    if (section === undefined) continue;
    args.push(t);
    if (section === 'space' && args.length === 2) {
      const [lo, hi] = args as [Hex | Hex[], Hex | Hex[]];
      if (!Array.isArray(lo) && !Array.isArray(hi) && lo.length === hi.length && lo.length >= 1 && lo.length <= 4) {
        spaces.push({ bytes: lo.length, low: lo.value, high: hi.value });
      }
      args = [];
    } else if (section === 'char' && args.length === 2) {
      const [src, dst] = args as [Hex | Hex[], Hex | Hex[]];
      if (!Array.isArray(src) && !Array.isArray(dst) && validCode(src) && entries++ < MAX_CMAP_ENTRIES) chars.set(key(src.length, src.value), unicodeOf(dst));
      args = [];
    } else if (section === 'range' && args.length === 3) {
      const [lo, hi, dst] = args as [Hex | Hex[], Hex | Hex[], Hex | Hex[]];
      if (!Array.isArray(lo) && !Array.isArray(hi) && validCode(lo) && lo.length === hi.length && hi.value >= lo.value && entries++ < MAX_CMAP_ENTRIES) {
        const to = Array.isArray(dst) ? dst.slice(0, hi.value - lo.value + 1).map(unicodeOf) : utf16Units(dst);
        let list = ranges.get(lo.length);
        if (!list) ranges.set(lo.length, (list = []));
        list.push({ low: lo.value, high: hi.value, to });
      }
      args = [];
    }
  }
  if (chars.size === 0 && ranges.size === 0) return undefined;
  for (const list of ranges.values()) list.sort((a, b) => a.low - b.low);
  return { spaces, chars, ranges };
}

/**
 * A decoder over a ToUnicode map. Codes are split by the map's code space ranges; without any,
 * every code is `defaultBytes` long (2 for Type0 fonts, 1 for simple fonts).
 */
export function toUnicodeDecoder(map: ToUnicodeMap, defaultBytes: number): FontDecoder {
  const spaces = map.spaces.length > 0 ? map.spaces : [{ bytes: defaultBytes, low: 0, high: 2 ** (8 * defaultBytes) - 1 }];
  const shortest = Math.min(...spaces.map((s) => s.bytes));
  return (s) => {
    let out = '';
    for (let i = 0; i < s.length; ) {
      // 9.7.6.2: the shortest prefix of 1–4 bytes that falls in a code space range is the code.
      let code = 0;
      let length = 0;
      for (let n = 1; n <= 4 && i + n <= s.length; n++) {
        code = code * 256 + (s.charCodeAt(i + n - 1) & 0xff);
        if (spaces.some((r) => r.bytes === n && code >= r.low && code <= r.high)) {
          length = n;
          break;
        }
      }
      if (length === 0) {
        // No range matches: skip as many bytes as the shortest code, as readers do.
        length = Math.min(shortest, s.length - i);
        code = 0;
        for (let n = 0; n < length; n++) code = code * 256 + (s.charCodeAt(i + n) & 0xff);
      }
      out += lookup(map, length, code);
      i += length;
    }
    return out;
  };
}

function lookup(map: ToUnicodeMap, bytes: number, code: number): string {
  const single = map.chars.get(key(bytes, code));
  if (single !== undefined) return single;
  const list = map.ranges.get(bytes);
  if (!list) return '';
  // Binary search for the last range starting at or below `code`.
  let lo = 0;
  let hi = list.length - 1;
  let found: CodeRange | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid]!;
    if (r.low <= code) {
      found = r;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!found || code > found.high) return '';
  const offset = code - found.low;
  if (typeof found.to[0] === 'string') return (found.to as string[])[offset] ?? '';
  const units = (found.to as number[]).slice();
  if (units.length === 0) return '';
  // The last unit counts up through the range (9.10.3).
  units[units.length - 1] = (units[units.length - 1]! + offset) & 0xffff;
  return String.fromCharCode(...units);
}

/* -------------------------------------- predefined CMaps -------------------------------------- */

/**
 * A decoder for a Type0 font's predefined CMap (9.7.5.2, Table 118) when the font has no ToUnicode
 * map: the Unicode ones (UCS-2 and UTF-16 are read as UTF-16BE, UTF-8 as UTF-8) and the legacy
 * CJK byte encodings the runtime's TextDecoder knows. Undefined for Identity-H/V, whose codes are
 * glyph ids, and for encodings the runtime cannot decode.
 */
export function predefinedCMapDecoder(name: string): FontDecoder | undefined {
  const label = encodingLabel(name);
  if (label === undefined) return undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return undefined; // a runtime without that legacy encoding
  }
  return (s) => decoder.decode(bytesOf(s));
}

/** The WHATWG encoding label for a predefined CMap's byte encoding. */
function encodingLabel(name: string): string | undefined {
  if (/^Uni\w+-(?:UCS2|UTF16)(?:-HW)?-[HV]$/.test(name)) return 'utf-16be';
  if (/^Uni\w+-UTF8-[HV]$/.test(name)) return 'utf-8';
  if (/RKSJ-[HV]$/.test(name)) return 'shift_jis';
  if (/^EUC-[HV]$/.test(name)) return 'euc-jp';
  if (/^GBK2K-[HV]$/.test(name)) return 'gb18030';
  if (/^(?:GB|GBpc|GBK|GBKp)-EUC-[HV]$/.test(name)) return 'gbk';
  if (/^(?:B5pc|ETen-B5|ETenms-B5|HKscs-B5)-[HV]$/.test(name)) return 'big5';
  if (/^(?:KSC-EUC|KSCpc-EUC|KSCms-UHC(?:-HW)?)-[HV]$/.test(name)) return 'euc-kr';
  return undefined;
}

/** One byte per character (what a simple font without a ToUnicode map shows): control characters dropped. */
export function latin1Text(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f]/g, '');
}

/* ------------------------------------------ tokens ------------------------------------------ */

/** A hex string as a code: its byte length and value (bytes kept for destination strings). */
interface Hex {
  length: number;
  value: number;
  bytes: number[];
}

/** Hex strings, arrays of them, and bare words (operators); everything else is skipped. */
function tokenize(text: string): (Hex | Hex[] | string)[] {
  const out: (Hex | Hex[] | string)[] = [];
  let array: Hex[] | undefined;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '<' && text[i + 1] !== '<') {
      const end = text.indexOf('>', i + 1);
      if (end < 0) break;
      const hex = hexOf(text.slice(i + 1, end));
      if (hex) (array ?? out).push(hex);
      i = end + 1;
    } else if (c === '[') {
      array = [];
      i++;
    } else if (c === ']') {
      if (array) out.push(array);
      array = undefined;
      i++;
    } else if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '(') {
      // literal strings appear in the boilerplate (Registry, Ordering): skipped with their nesting
      let depth = 0;
      for (; i < text.length; i++) {
        const d = text[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      i++;
    } else if (/[a-z]/i.test(c) && (i === 0 || !/[\w/]/.test(text[i - 1]!))) {
      let j = i + 1;
      while (j < text.length && /\w/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if (/^(?:begin|end)(?:codespacerange|bfchar|bfrange|cidrange|cidchar|notdefrange|notdefchar|cmap)$/.test(word)) out.push(word);
      i = j;
    } else i++;
  }
  return out;
}

function hexOf(digits: string): Hex | undefined {
  const d = digits.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]+$/.test(d)) return undefined;
  const padded = d.length % 2 ? d + '0' : d;
  const bytes: number[] = [];
  for (let k = 0; k < padded.length && bytes.length < 512; k += 2) bytes.push(parseInt(padded.slice(k, k + 2), 16));
  let value = 0;
  for (const b of bytes.slice(0, 4)) value = value * 256 + b;
  return { length: bytes.length, value, bytes };
}

function validCode(h: Hex): boolean {
  return h.length >= 1 && h.length <= 4;
}

/** A destination string: UTF-16BE (9.10.3); an odd length is read a byte per character. */
function unicodeOf(h: Hex | Hex[]): string {
  if (Array.isArray(h)) return '';
  return String.fromCharCode(...utf16Units(h));
}

function utf16Units(h: Hex | Hex[]): number[] {
  if (Array.isArray(h)) return [];
  const b = h.bytes;
  if (b.length % 2 === 1) return b.slice();
  const units: number[] = [];
  for (let k = 0; k < b.length; k += 2) units.push(b[k]! * 256 + b[k + 1]!);
  return units;
}

function bytesOf(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k) & 0xff;
  return out;
}
