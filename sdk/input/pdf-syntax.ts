/**
 * PDF syntax (PDF 32000-1:2008, 7.2–7.3) as the link scanner needs it: skipping dictionaries and
 * strings, reading strings and text strings, and reading one entry of a dictionary. The file is
 * held as a string with one character per byte, so string offsets are byte offsets. Every search
 * is bounded: a hostile file cannot make one run to its end.
 */

/** Longest PDF string read (bytes). */
export const MAX_STRING = 8192;
/** Longest dictionary read (characters). */
export const MAX_DICT = 65536;

/** Index just after the dictionary that starts at `i` (`<<`), or -1 (unbalanced, or too long). */
export function skipDict(src: string, i: number): number {
  let depth = 0;
  const stop = Math.min(src.length, i + MAX_DICT);
  while (i < stop) {
    const c = src[i];
    if (c === '<' && src[i + 1] === '<') {
      depth++;
      i += 2;
    } else if (c === '>' && src[i + 1] === '>') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else if (c === '(') {
      const e = skipLiteral(src, i, stop);
      if (e < 0) return -1;
      i = e;
    } else if (c === '<') {
      const e = indexWithin(src, '>', i, stop - i);
      if (e < 0) return -1;
      i = e + 1;
    } else if (c === '%') {
      while (i < stop && src[i] !== '\n' && src[i] !== '\r') i++;
    } else i++;
  }
  return -1;
}

export function skipLiteral(src: string, i: number, stop: number): number {
  let depth = 0;
  for (; i < stop; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** A PDF string (literal `( )` or hex `< >`) starting at `i`: its bytes and where it ends. */
export function readString(bytes: Uint8Array, src: string, i: number): { bytes: Uint8Array; end: number } | undefined {
  return src[i] === '(' ? readLiteral((k) => bytes[k], bytes.length, i) : src[i] === '<' ? readHex(src, i) : undefined;
}

/** Byte access over a Uint8Array or a Latin-1 string. */
type ByteAt = (k: number) => number | undefined;

function readLiteral(at: ByteAt, n: number, i: number): { bytes: Uint8Array; end: number } | undefined {
  const b = at;
  const out: number[] = [];
  let depth = 1;
  i++;
  while (i < n) {
    if (out.length > MAX_STRING) return undefined;
    const c = b(i)!;
    if (c === 0x5c /* \ */) {
      const e = b(i + 1);
      i += 2;
      if (e === undefined) return undefined;
      switch (e) {
        case 0x6e: out.push(0x0a); break; // \n
        case 0x72: out.push(0x0d); break; // \r
        case 0x74: out.push(0x09); break; // \t
        case 0x62: out.push(0x08); break; // \b
        case 0x66: out.push(0x0c); break; // \f
        case 0x0d: if (b(i) === 0x0a) i++; break; // backslash + CRLF: line continuation
        case 0x0a: break; // backslash + LF: line continuation
        default:
          if (e >= 0x30 && e <= 0x37) {
            // \d, \dd or \ddd, octal; the high bit overflow is ignored, as the spec says
            let v = e - 0x30;
            for (let k = 0; k < 2 && b(i)! >= 0x30 && b(i)! <= 0x37; k++) v = v * 8 + (b(i++)! - 0x30);
            out.push(v & 0xff);
          } else out.push(e); // \( \) \\ and any other character stand for themselves
      }
      continue;
    }
    if (c === 0x28 /* ( */) depth++;
    else if (c === 0x29 /* ) */ && --depth === 0) return { bytes: Uint8Array.from(out), end: i + 1 };
    if (c === 0x0d) {
      // An end of line inside a string is read as a single LF.
      out.push(0x0a);
      if (b(i + 1) === 0x0a) i++;
    } else out.push(c);
    i++;
  }
  return undefined;
}

export function readHex(src: string, i: number): { bytes: Uint8Array; end: number } | undefined {
  const close = indexWithin(src, '>', i + 1, MAX_STRING * 2 + 64);
  if (close < 0) return undefined;
  const digits = src.slice(i + 1, close).replace(/[\s\0]+/g, '');
  if (!/^[0-9A-Fa-f]*$/.test(digits)) return undefined;
  const padded = digits.length % 2 ? digits + '0' : digits; // an odd last digit is followed by 0
  const out = new Uint8Array(padded.length / 2);
  for (let k = 0; k < out.length; k++) out[k] = parseInt(padded.slice(2 * k, 2 * k + 2), 16);
  return { bytes: out, end: close + 1 };
}

/** A PDF text string: UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), else UTF-8 or Latin-1. */
export function decodePdfString(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder().decode(b.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return latin1(b);
  }
}

/* -------------------------------------- page text -------------------------------------- */
export function readLiteralText(src: string, i: number): { bytes: string; end: number } | undefined {
  const r = readLiteral((k) => (k < src.length ? src.charCodeAt(k) & 0xff : undefined), src.length, i);
  return r && { bytes: latin1(r.bytes), end: r.end };
}

/* ------------------------------------------ chars ------------------------------------------ */

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
export function isDelimiter(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
}
export function isRegular(c: number): boolean {
  return !Number.isNaN(c) && !isSpace(c) && !isDelimiter(c);
}
export function isNameChar(c: number): boolean {
  return isRegular(c);
}

/** Index of `ch` in `src[from, from + max)`, or -1: searches never run to the end of a hostile file. */
export function indexWithin(src: string, ch: string, from: number, max: number): number {
  const end = Math.min(src.length, from + max);
  for (let k = from; k < end; k++) if (src[k] === ch) return k;
  return -1;
}

export function skipSpace(src: string, i: number): number {
  while (i < src.length && isSpace(src.charCodeAt(i))) i++;
  return i;
}

/** A string holding one byte per character → its bytes (the inverse of `latin1`). */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k) & 0xff;
  return out;
}

/** Bytes → a string with one character per byte (ISO-8859-1), fast. */
export function latin1(b: Uint8Array): string {
  // TextDecoder has no true Latin-1 (the label means windows-1252), so decode that way and map
  // windows-1252's 27 replacements in 0x80..0x9F back to the byte values.
  const s = CP1252.decode(b);
  return s.replace(CP1252_HIGH, (ch) => String.fromCharCode(CP1252_BACK.get(ch)!));
}

const CP1252 = new TextDecoder('windows-1252');
const CP1252_BACK = new Map<string, number>();
for (let byte = 0x80; byte <= 0x9f; byte++) {
  const ch = CP1252.decode(Uint8Array.of(byte));
  if (ch.charCodeAt(0) !== byte) CP1252_BACK.set(ch, byte);
}
const CP1252_HIGH = new RegExp(`[${[...CP1252_BACK.keys()].join('')}]`, 'g');

/* -------------------------------------- dictionaries -------------------------------------- */

/**
 * The raw text of `key`'s value (key without its slash) at the top level of a dictionary
 * (`<< … >>`): a nested dictionary, an array, a reference `n g R`, a name, a number or a string.
 * Undefined when the key is absent or the dictionary is malformed before it.
 */
export function dictEntry(dict: string, key: string): string | undefined {
  for (const [name, value] of dictEntries(dict)) if (name === key) return value;
  return undefined;
}

/** The top-level entries of a dictionary (`<< … >>`) as [key without its slash, raw value], in order, up to where it is malformed. */
export function* dictEntries(dict: string): Generator<[string, string]> {
  let i = skipSpace(dict, 0);
  if (!dict.startsWith('<<', i)) return;
  i += 2;
  const stop = Math.min(dict.length, MAX_DICT);
  while (i < stop) {
    i = skipSpace(dict, i);
    if (dict[i] === '%') {
      while (i < stop && dict[i] !== '\n' && dict[i] !== '\r') i++;
      continue;
    }
    if (dict[i] !== '/') return; // ">>", or not a dictionary
    const nameStart = ++i;
    while (i < stop && isRegular(dict.charCodeAt(i))) i++;
    const name = unescapeName(dict.slice(nameStart, i));
    i = skipSpace(dict, i);
    const end = valueEndWithin(dict, i, stop);
    if (end < 0) return;
    yield [name, dict.slice(i, end)];
    i = end;
  }
}

/** Where the value (dictionary, array, string, name, reference, number) that starts at `i` ends, or -1; reads at most MAX_DICT characters. */
export function valueEnd(src: string, i: number): number {
  return valueEndWithin(src, i, Math.min(src.length, i + MAX_DICT));
}

/** A name's characters with its `#xx` escapes undone (7.3.5: `/F#31` is `/F1`). */
export function unescapeName(name: string): string {
  return name.includes('#') ? name.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : name;
}

function valueEndWithin(src: string, i: number, stop: number): number {
  const c = src[i];
  if (c === '<') {
    if (src[i + 1] === '<') return skipDict(src, i);
    const e = indexWithin(src, '>', i + 1, stop - i);
    return e < 0 ? -1 : e + 1;
  }
  if (c === '(') return skipLiteral(src, i, stop);
  if (c === '[') return skipArray(src, i, stop);
  if (c === '/') {
    i++;
    while (i < stop && isRegular(src.charCodeAt(i))) i++;
    return i;
  }
  const ref = INDIRECT.exec(src.slice(i, i + 32));
  if (ref) return i + ref[0].length;
  const start = i;
  while (i < stop && isRegular(src.charCodeAt(i))) i++;
  return i > start ? i : -1;
}

/** Index just after the array that starts at `i` (`[`), or -1. */
function skipArray(src: string, i: number, stop: number): number {
  let depth = 0;
  while (i < stop) {
    const c = src[i];
    if (c === '[') depth++;
    else if (c === ']') {
      if (--depth === 0) return i + 1;
    } else if (c === '(' || c === '<') {
      const e = valueEndWithin(src, i, stop);
      if (e < 0) return -1;
      i = e;
      continue;
    }
    i++;
  }
  return -1;
}

const INDIRECT = /^(\d{1,10})\s+(\d{1,5})\s+R(?![^\s/<>[\]()%])/;

/** The object number of an indirect reference (`12 0 R`), or undefined. */
export function refNumber(value: string | undefined): number | undefined {
  const m = value === undefined ? null : INDIRECT.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

/** The object numbers of the references in an array (`[4 0 R 5 0 R]`), at most `max`. */
export function refNumbers(value: string, max: number): number[] {
  const out: number[] = [];
  for (const m of value.matchAll(/(\d{1,10})\s+\d{1,5}\s+R(?![^\s/<>[\]()%])/g)) {
    if (out.length >= max) break;
    out.push(Number(m[1]));
  }
  return out;
}

/** The numbers in a value's text (an array such as /Widths, /Matrix or /MediaBox), at most `max`. */
export function numbersIn(text: string, max: number): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/-?\d*\.?\d+/g)) {
    if (out.length >= max) break;
    out.push(Number(m[0]));
  }
  return out;
}

/** A name value (`/Identity-H`) without its slash, or undefined. */
export function nameValue(value: string | undefined): string | undefined {
  const m = value === undefined ? null : /^\s*\/([^\s/<>[\]()%]*)/.exec(value);
  return m ? m[1] : undefined;
}
