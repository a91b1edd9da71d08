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
import { latin1Bytes } from './pdf-syntax.js';

/** Turns the bytes of one shown string (one byte per character) into text. */
export type FontDecoder = (bytes: string) => string;

/** A code space range (9.7.6.2): codes of `bytes` length between `low` and `high`. */
export interface CodeSpace {
  bytes: number;
  low: number;
  high: number;
}

/** A bfrange too wide to list code by code (identity maps over 0000–FFFF): the first code's text counts up. */
interface WideRange {
  low: number;
  high: number;
  /** The first code's text as UTF-16 units; the last one counts up through the range. */
  first: number[];
}

/** A parsed ToUnicode CMap. Codes are looked up by value, as readers do (the font decides their length). */
export interface ToUnicodeMap {
  /** The map's own code space ranges (used only when the font's encoding does not say how long codes are). */
  spaces: CodeSpace[];
  /** Codes from bfchar entries and from bfranges of up to WIDE_RANGE codes, later definitions winning. */
  chars: Map<number, string>;
  /** Wider bfranges, looked up last, the latest first. */
  wide: WideRange[];
}

/** Most codes one CMap maps (a font has at most 65,536 glyphs). */
export const MAX_CMAP_ENTRIES = 65536;
/** Most code space ranges read from one CMap (real ones have 1–4). */
export const MAX_CODE_SPACES = 64;
/** A bfrange wider than this is not listed code by code (9.10.3 allows 256; producers write wider). */
const WIDE_RANGE = 256;
/** Most wide bfranges kept from one CMap. */
const MAX_WIDE_RANGES = 16;

/**
 * Parses a ToUnicode CMap program (its `begincodespacerange`, `beginbfchar` and `beginbfrange`
 * sections; everything else is PostScript boilerplate). Undefined when it maps nothing.
 */
export function parseToUnicode(text: string): ToUnicodeMap | undefined {
  const map = parseCMap(text);
  return map.chars.size === 0 && map.wide.length === 0 ? undefined : map;
}

/** The code space ranges of an encoding CMap embedded in the file (a Type0 font's /Encoding stream). */
export function parseCodeSpaces(text: string): CodeSpace[] {
  return parseCMap(text).spaces;
}

/** The code space, bfchar and bfrange sections of a CMap program. */
function parseCMap(text: string): ToUnicodeMap {
  const chars = new Map<number, string>();
  const wide: WideRange[] = [];
  const spaces: CodeSpace[] = [];
  let entries = 0;
  let section: 'space' | 'char' | 'range' | undefined;
  let args: (Hex | Hex[])[] = [];
  for (const t of tokenize(text)) {
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
      const space = codeSpace(args[0]!, args[1]!);
      if (space && spaces.length < MAX_CODE_SPACES) spaces.push(space);
      args = [];
    } else if (section === 'char' && args.length === 2) {
      const [src, dst] = args as [Hex | Hex[], Hex | Hex[]];
      if (!Array.isArray(src) && validCode(src) && entries < MAX_CMAP_ENTRIES) {
        chars.set(src.value, unicodeOf(dst));
        entries++;
      }
      args = [];
    } else if (section === 'range' && args.length === 3) {
      const [lo, hi, dst] = args as [Hex | Hex[], Hex | Hex[], Hex | Hex[]];
      args = [];
      if (Array.isArray(lo) || Array.isArray(hi) || !validCode(lo) || lo.length !== hi.length || hi.value < lo.value) continue;
      const count = hi.value - lo.value + 1;
      if (Array.isArray(dst)) {
        // one string per code, as many as both the range and the array hold
        for (let k = 0; k < Math.min(count, dst.length) && entries < MAX_CMAP_ENTRIES; k++, entries++) chars.set(lo.value + k, unicodeOf(dst[k]!));
      } else if (count <= WIDE_RANGE) {
        const first = utf16Units(dst);
        for (let k = 0; k < count && entries < MAX_CMAP_ENTRIES; k++, entries++) chars.set(lo.value + k, counted(first, k));
      } else if (wide.length < MAX_WIDE_RANGES) {
        wide.push({ low: lo.value, high: hi.value, first: utf16Units(dst) });
      }
    }
  }
  return { spaces, chars, wide };
}

/** How a font's strings split into codes: fixed-length codes, or by code space ranges (9.7.6.2). */
export type CodeLength = number | readonly CodeSpace[];

/**
 * A decoder over a ToUnicode map. `length` is the font's: 1 for simple fonts, 2 for Identity-H,
 * or the code space ranges of its encoding CMap.
 */
export function toUnicodeDecoder(map: ToUnicodeMap, length: CodeLength): FontDecoder {
  const split = codeSplitter(length);
  return (s) => {
    let out = '';
    split(s, (code) => (out += lookup(map, code)));
    return out;
  };
}

/** Calls `each` with every code of `s` (a string shown in a font), split by `length`. */
export function codeSplitter(length: CodeLength): (s: string, each: (code: number) => void) => void {
  if (typeof length === 'number' || length.length === 0) {
    const n = typeof length === 'number' ? Math.min(4, Math.max(1, length)) : 1;
    return (s, each) => {
      for (let i = 0; i < s.length; i += n) {
        let code = 0;
        for (let k = 0; k < n; k++) code = code * 256 + ((i + k < s.length ? s.charCodeAt(i + k) : 0) & 0xff);
        each(code);
      }
    };
  }
  const byLength: CodeSpace[][] = [[], [], [], [], []];
  let shortest = 4;
  for (const r of length) {
    byLength[r.bytes]!.push(r);
    if (r.bytes < shortest) shortest = r.bytes;
  }
  return (s, each) => {
    for (let i = 0; i < s.length; ) {
      // The shortest prefix of 1–4 bytes that falls in a code space range is the code.
      let code = 0;
      let n = 0;
      for (let k = 1; k <= 4 && i + k <= s.length; k++) {
        code = code * 256 + (s.charCodeAt(i + k - 1) & 0xff);
        if (byLength[k]!.some((r) => code >= r.low && code <= r.high)) {
          n = k;
          break;
        }
      }
      if (n === 0) {
        // No range matches: skip as many bytes as the shortest code, as readers do.
        n = Math.min(shortest, s.length - i);
        code = 0;
        for (let k = 0; k < n; k++) code = code * 256 + (s.charCodeAt(i + k) & 0xff);
      }
      each(code);
      i += n;
    }
  };
}

function codeSpace(lo: Hex | Hex[], hi: Hex | Hex[]): CodeSpace | undefined {
  if (Array.isArray(lo) || Array.isArray(hi) || lo.length !== hi.length || !validCode(lo)) return undefined;
  return { bytes: lo.length, low: lo.value, high: hi.value };
}

function lookup(map: ToUnicodeMap, code: number): string {
  const single = map.chars.get(code);
  if (single !== undefined) return single;
  for (let k = map.wide.length - 1; k >= 0; k--) {
    const r = map.wide[k]!;
    if (code >= r.low && code <= r.high) return counted(r.first, code - r.low);
  }
  return '';
}

/** The text `offset` codes into a bfrange: its first text with the last UTF-16 unit counted up (9.10.3). */
function counted(first: number[], offset: number): string {
  if (first.length === 0) return '';
  if (offset === 0) return String.fromCharCode(...first);
  const units = first.slice();
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
  return (s) => decoder.decode(latin1Bytes(s));
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

/**
 * A simple font without a ToUnicode map (9.10.2, method a): a byte per character. Codes its
 * /Differences rename are read by glyph name (`glyphText`); a code renamed to a glyph not known here
 * shows nothing. Other codes are read as Latin-1, where the base encodings agree on letters, digits
 * and URL punctuation.
 */
export function simpleFontDecoder(differences: ReadonlyMap<number, string>): FontDecoder {
  if (differences.size === 0) return latin1Text;
  const table = new Map<number, string>();
  for (const [code, name] of differences) table.set(code, glyphText(name) ?? '');
  return (s) => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i) & 0xff;
      const t = table.get(c);
      out += t ?? (c < 0x20 && c !== 0x09 && c !== 0x0a ? '' : String.fromCharCode(c));
    }
    return out;
  };
}

/** Glyph names of printable ASCII in code order, from 0x20 (the Adobe Glyph List's names). */
const ASCII_GLYPHS = ('space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen period slash ' +
  'zero one two three four five six seven eight nine colon semicolon less equal greater question at ' +
  'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore grave ' +
  'a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde').split(' ');

/** Other glyph names common in CVs: quotes, dashes, bullets, ligatures (spelled out, as text extraction wants them). */
const OTHER_GLYPHS: Record<string, string> = {
  quoteright: '\u2019', quoteleft: '\u2018', quotedblleft: '\u201c', quotedblright: '\u201d', quotesinglbase: '\u201a', quotedblbase: '\u201e',
  endash: '\u2013', emdash: '\u2014', minus: '-', bullet: '\u2022', periodcentered: '\u00b7', ellipsis: '\u2026', nbspace: ' ', nonbreakingspace: ' ',
  ff: 'ff', fi: 'fi', fl: 'fl', ffi: 'ffi', ffl: 'ffl', dotlessi: '\u0131', germandbls: '\u00df', copyright: '\u00a9', registered: '\u00ae', trademark: '\u2122',
};

const GLYPH_TEXT = new Map<string, string>([...ASCII_GLYPHS.map((n, k): [string, string] => [n, String.fromCharCode(0x20 + k)]), ...Object.entries(OTHER_GLYPHS)]);

/**
 * The text of a glyph name: ASCII and common punctuation by name, `uniXXXX` (one or more
 * four-digit units) and `uXXXX`–`uXXXXXX` by code; a suffix after a period (`a.sc`, `one.oldstyle`) is
 * dropped. Undefined for names not known here.
 */
export function glyphText(name: string): string | undefined {
  const base = name.includes('.') ? name.slice(0, name.indexOf('.')) : name;
  const known = GLYPH_TEXT.get(base);
  if (known !== undefined) return known;
  let m = /^uni((?:[0-9A-F]{4})+)$/.exec(base);
  if (m) return String.fromCharCode(...m[1]!.match(/.{4}/g)!.map((h) => parseInt(h, 16)));
  m = /^u([0-9A-F]{4,6})$/.exec(base);
  if (m) {
    const cp = parseInt(m[1]!, 16);
    return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : undefined;
  }
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
