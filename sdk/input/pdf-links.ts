/**
 * Links in a PDF without a PDF library: one linear pass over the file for `/URI` strings (link
 * annotations' URI actions, literal or hex strings, or an indirect reference to one), and one over
 * its streams, inflating FlateDecode streams with a cap: object streams (PDF 1.5) are searched for
 * `/URI` strings too, and page content streams yield their text (the `Tj` / `TJ` / `'` / `"`
 * operators) in which written-out http(s) URLs are found.
 *
 * Not read: encrypted PDFs (the strings are ciphertext; reported as a warning), text in fonts
 * without a byte-per-character encoding (CID fonts: their strings are glyph ids), filters other
 * than FlateDecode (images and fonts do not carry links).
 */
import { CredLensError } from '../errors.js';
import { inflateCapped } from './inflate.js';

/** Limits for one PDF. */
export interface PdfLimits {
  /** Most streams looked at. */
  maxStreams: number;
  /** Largest inflated stream kept (bytes); longer ones are cut. */
  maxStreamBytes: number;
  /** Most inflated bytes in total. */
  maxInflatedBytes: number;
  /** Most characters of page text searched for URLs. */
  maxTextChars: number;
}

/** What a PDF yielded, in order: annotation URIs first, then URLs written in the text. */
export interface PdfLinks {
  uris: string[];
  text: string[];
  encrypted: boolean;
  /** True when a limit stopped the scan early. */
  truncated: boolean;
}

/** Most `/URI` values collected (each also checked by the caller). */
const MAX_URIS = 5000;
/** Longest PDF string read (bytes). */
const MAX_STRING = 8192;
/** Longest stream dictionary read (characters). */
const MAX_DICT = 65536;
/** Most indirect `/URI n 0 R` references resolved. */
const MAX_INDIRECT = 200;

/**
 * Characters the scanners may look at beyond one pass over the file (dictionaries and strings that
 * never close are read up to their caps, and hostile files repeat them): once spent, scanning stops.
 */
class Budget {
  constructor(public left: number) {}
  /** Charges `n` characters; false once the budget is gone. */
  spend(n: number): boolean {
    this.left -= n;
    return this.left >= 0;
  }
}

/** True when the first kilobyte carries the `%PDF-` header. */
export function looksLikePdf(b: Uint8Array): boolean {
  const head = latin1(b.subarray(0, Math.min(b.length, 1024)));
  return head.includes('%PDF-');
}

/** Scans a PDF. Throws `bad-input` when there is no `%PDF-` header. */
export function scanPdf(bytes: Uint8Array, limits: PdfLimits): PdfLinks {
  if (!looksLikePdf(bytes)) throw new CredLensError('bad-input', 'The file is not a PDF (no %PDF- header).');
  // windows-1252 maps every byte to exactly one UTF-16 unit, so string offsets are byte offsets.
  const src = new TextDecoder('windows-1252').decode(bytes);
  const out: PdfLinks = { uris: [], text: [], encrypted: /\/Encrypt[\s/<]|\/Encrypt\s*\d/.test(tail(src)), truncated: false };
  const resolver = new Resolver(src, bytes);
  const budget = new Budget(2 * src.length + (1 << 20));
  findUris(bytes, src, out, resolver, budget);

  let streams = 0;
  let inflated = 0;
  let textChars = 0;
  for (let at = src.indexOf('obj', 0); at >= 0; at = src.indexOf('obj', at + 3)) {
    const header = objectHeaderBefore(src, at);
    if (header === undefined || isNameChar(src.charCodeAt(at + 3))) continue;
    let i = skipSpace(src, at + 3);
    if (!src.startsWith('<<', i)) continue;
    const dictEnd = skipDict(src, i);
    if (!budget.spend(dictEnd < 0 ? MAX_DICT : dictEnd - i)) {
      out.truncated = true;
      break;
    }
    if (dictEnd < 0) continue;
    at = dictEnd - 3; // objects do not nest: go on after this dictionary
    const dict = src.slice(i, dictEnd);
    i = skipSpace(src, dictEnd);
    if (!src.startsWith('stream', i)) continue;
    i += 6;
    if (src[i] === '\r') i++;
    if (src[i] === '\n') i++;
    const dataStart = i;
    const dataEnd = streamEnd(src, dict, dataStart, resolver);
    if (dataEnd < 0) continue;
    at = dataEnd; // never look for objects inside stream data
    if (++streams > limits.maxStreams) {
      out.truncated = true;
      break;
    }
    const kind = streamKind(dict);
    if (kind === 'skip') continue;
    let data = bytes.subarray(dataStart, dataEnd);
    const filters = filterNames(dict);
    if (filters === undefined) continue; // a filter that is not read (images, fonts, LZW ...)
    if (filters.length === 1) {
      const room = Math.min(limits.maxStreamBytes, limits.maxInflatedBytes - inflated);
      if (room <= 0) {
        out.truncated = true;
        break;
      }
      const r = inflateCapped(data, room, 'auto');
      if (r.capped) out.truncated = true;
      data = r.bytes;
      inflated += data.length;
    }
    const text = latin1(data);
    if (kind === 'objstm') {
      findUris(data, text, out, resolver, budget); // references inside point at the file's own objects
    } else if (textChars < limits.maxTextChars) {
      const pageText = contentText(text, limits.maxTextChars - textChars);
      textChars += pageText.length;
      if (pageText !== '') out.text.push(pageText);
    }
  }
  if (out.uris.length >= MAX_URIS) out.truncated = true;
  return out;
}

/* ---------------------------------------- objects ---------------------------------------- */

/** `n g` just before `obj` (at most 32 characters back), so "12 0 obj" is an object header. */
function objectHeaderBefore(src: string, at: number): string | undefined {
  let j = at - 1;
  const stop = Math.max(0, at - 32);
  while (j >= stop && isSpace(src.charCodeAt(j))) j--;
  const genEnd = j + 1;
  while (j >= stop && isDigit(src.charCodeAt(j))) j--;
  if (j + 1 === genEnd || !isSpace(src.charCodeAt(j))) return undefined;
  while (j >= stop && isSpace(src.charCodeAt(j))) j--;
  const numEnd = j + 1;
  while (j >= stop && isDigit(src.charCodeAt(j))) j--;
  if (j + 1 === numEnd) return undefined;
  if (j >= 0 && !isSpace(src.charCodeAt(j)) && !isDelimiter(src.charCodeAt(j))) return undefined;
  return src.slice(j + 1, at).trim();
}

/** Index just after the dictionary that starts at `i` (`<<`), or -1 (unbalanced, or too long). */
function skipDict(src: string, i: number): number {
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

function skipLiteral(src: string, i: number, stop: number): number {
  let depth = 0;
  for (; i < stop; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Where a stream's data ends: by its /Length when that lands on `endstream`, else at the next
 * `endstream` (remembered, so that many streams without one do not each search to the end).
 */
function streamEnd(src: string, dict: string, start: number, resolver: Resolver): number {
  const m = /\/Length\s+(\d{1,12})(?:\s+(\d{1,6})\s+R)?/.exec(dict);
  let len: number | undefined;
  if (m) len = m[2] !== undefined ? resolver.number(Number(m[1])) : Number(m[1]);
  if (len !== undefined && start + len <= src.length) {
    let e = start + len;
    let k = e;
    while (k < src.length && k < e + 4 && isSpace(src.charCodeAt(k))) k++;
    if (src.startsWith('endstream', k)) return e;
  }
  const k = resolver.nextEndstream(start);
  if (k < 0) return -1;
  let e = k;
  if (src[e - 1] === '\n') e--;
  if (src[e - 1] === '\r') e--;
  return Math.max(start, e);
}

/** The stream's filters if every one can be undone here ([] or [FlateDecode]); undefined otherwise. */
function filterNames(dict: string): string[] | undefined {
  const m = /\/Filter\s*(?:\/([A-Za-z0-9]+)|\[([^\]]*)\])/.exec(dict);
  if (!m) return [];
  const names = m[1] !== undefined ? [m[1]] : [...(m[2] ?? '').matchAll(/\/([A-Za-z0-9]+)/g)].map((x) => x[1]!);
  if (names.length === 0) return [];
  if (names.length === 1 && (names[0] === 'FlateDecode' || names[0] === 'Fl')) {
    // A predictor (xref streams, images) means the inflated bytes are not text.
    const p = /\/Predictor\s+(\d+)/.exec(dict);
    if (p && Number(p[1]) > 1) return undefined;
    return names;
  }
  return undefined;
}

/** What a stream holds, by its dictionary. */
function streamKind(dict: string): 'objstm' | 'content' | 'skip' {
  if (/\/Type\s*\/ObjStm\b/.test(dict)) return 'objstm';
  if (/\/Type\s*\/(?:XRef|Metadata|EmbeddedFile)\b/.test(dict)) return 'skip';
  if (/\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b/.test(dict)) return 'skip';
  if (/\/Length[123]\b/.test(dict)) return 'skip'; // an embedded font program
  return 'content';
}

/** Resolves small indirect objects (`12 0 R` as a stream length or a /URI value). */
class Resolver {
  private index: Map<number, number> | undefined;
  private resolved = 0;
  private endstreamFrom = -1;
  private endstreamAt = -1;

  constructor(
    private readonly src: string,
    private readonly bytes: Uint8Array,
  ) {}

  /** The next `endstream` at or after `from`; answers from the previous search when it still applies. */
  nextEndstream(from: number): number {
    if (this.endstreamFrom >= 0 && from >= this.endstreamFrom && (this.endstreamAt < 0 || from <= this.endstreamAt)) return this.endstreamAt;
    this.endstreamFrom = from;
    this.endstreamAt = this.src.indexOf('endstream', from);
    return this.endstreamAt;
  }

  /** Where object `num`'s body starts (its last definition wins, as with incremental updates). */
  private find(num: number): number {
    if (this.resolved++ >= MAX_INDIRECT) return -1;
    if (!this.index) {
      // One pass over the file, built on first use.
      this.index = new Map();
      for (let at = this.src.indexOf('obj'); at >= 0; at = this.src.indexOf('obj', at + 3)) {
        const h = objectHeaderBefore(this.src, at);
        if (h !== undefined && !isRegular(this.src.charCodeAt(at + 3))) this.index.set(Number(h.split(/\s+/)[0]), at + 3);
      }
    }
    return this.index.get(num) ?? -1;
  }

  number(num: number): number | undefined {
    const at = this.find(num);
    if (at < 0) return undefined;
    const m = /^\s*(\d{1,12})\s/.exec(this.src.slice(at, at + 32));
    return m ? Number(m[1]) : undefined;
  }

  string(num: number): string | undefined {
    const at = this.find(num);
    if (at < 0) return undefined;
    const s = readString(this.bytes, this.src, skipSpace(this.src, at));
    return s && decodePdfString(s.bytes);
  }
}

/* ------------------------------------------ URIs ------------------------------------------ */

/** Every `/URI <string>` in `src`, decoded, in order. */
function findUris(bytes: Uint8Array, src: string, out: PdfLinks, resolver: Resolver | undefined, budget: Budget): void {
  for (let at = src.indexOf('/URI'); at >= 0; at = src.indexOf('/URI', at + 4)) {
    if (out.uris.length >= MAX_URIS) return;
    if (isNameChar(src.charCodeAt(at + 4))) continue; // "/URIs", "/URI2"
    const i = skipSpace(src, at + 4);
    const c = src[i];
    if (c === '(' || (c === '<' && src[i + 1] !== '<')) {
      const s = readString(bytes, src, i);
      if (!budget.spend(s ? s.end - i : MAX_STRING * 2)) {
        out.truncated = true;
        return;
      }
      if (s) out.uris.push(decodePdfString(s.bytes));
    } else if (resolver && isDigit(src.charCodeAt(i))) {
      const m = /^(\d{1,10})\s+\d{1,5}\s+R\b/.exec(src.slice(i, i + 24));
      const v = m ? resolver.string(Number(m[1])) : undefined;
      if (v !== undefined) out.uris.push(v);
    }
  }
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

function readHex(src: string, i: number): { bytes: Uint8Array; end: number } | undefined {
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

/** One operand on the content-stream stack. */
type Operand = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'arr'; v: (string | number)[] } | { t: 'other' };

/**
 * The text a content stream shows, one line per text line: the operands of `Tj`, `'`, `"` and `TJ`
 * (a gap wider than a quarter em inside TJ becomes a space), a line break on `T*`, `'`, `"`, a
 * vertical `Td` / `TD` move, a `Tm` to another baseline and `ET`. Inline images are skipped.
 */
export function contentText(src: string, maxChars: number): string {
  let text = '';
  let line = '';
  let operands: Operand[] = [];
  let arr: (string | number)[] | undefined;
  let lastY: number | undefined;
  const newline = () => {
    if (line !== '') {
      text += line + '\n';
      line = '';
    }
  };
  const push = (o: Operand) => {
    if (arr) {
      if (o.t === 'str' || o.t === 'num') arr.push(o.v);
    } else operands.push(o);
  };
  let i = 0;
  const n = src.length;
  while (i < n && text.length + line.length < maxChars) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
    } else if (c === 0x28 /* ( */ || (c === 0x3c /* < */ && src[i + 1] !== '<')) {
      const s = c === 0x28 ? readLiteralText(src, i) : readHex(src, i);
      if (!s) break;
      push({ t: 'str', v: typeof s.bytes === 'string' ? s.bytes : latin1(s.bytes) });
      i = s.end;
    } else if (c === 0x3c /* << */) {
      const e = skipDict(src, i);
      i = e < 0 ? i + 2 : e;
      push({ t: 'other' });
    } else if (c === 0x5b /* [ */) {
      arr = [];
      i++;
    } else if (c === 0x5d /* ] */) {
      if (arr) operands.push({ t: 'arr', v: arr });
      arr = undefined;
      i++;
    } else if (c === 0x2f /* / */) {
      i++;
      while (i < n && isRegular(src.charCodeAt(i))) i++;
      push({ t: 'other' });
    } else if (isDigit(c) || c === 0x2d || c === 0x2b || c === 0x2e) {
      const s = i;
      i++;
      while (i < n && (isDigit(src.charCodeAt(i)) || src[i] === '.')) i++;
      push({ t: 'num', v: Number(src.slice(s, i)) || 0 });
    } else if (isRegular(c)) {
      const s = i;
      while (i < n && isRegular(src.charCodeAt(i))) i++;
      const op = src.slice(s, i);
      const last = operands[operands.length - 1];
      if (op === 'BI') {
        const e = src.indexOf('EI', i); // inline image data runs to "EI"
        i = e < 0 ? n : e + 2;
      } else if (op === 'Tj') {
        if (last?.t === 'str') line += printable(last.v);
      } else if (op === "'" || op === '"') {
        newline();
        if (last?.t === 'str') line += printable(last.v);
      } else if (op === 'TJ') {
        if (last?.t === 'arr') {
          for (const x of last.v) {
            if (typeof x === 'number') {
              if (x < -250 && !line.endsWith(' ')) line += ' ';
            } else line += printable(x);
          }
        }
      } else if (op === 'T*' || op === 'ET') {
        newline();
      } else if (op === 'Td' || op === 'TD') {
        if (last?.t === 'num' && last.v !== 0) newline();
      } else if (op === 'Tm') {
        if (last?.t === 'num') {
          if (lastY !== undefined && Math.abs(last.v - lastY) > 0.5) newline();
          lastY = last.v;
        }
      }
      operands = [];
      arr = undefined;
    } else {
      i++;
    }
    if (operands.length > 64) operands = operands.slice(-16); // garbage without operators
  }
  newline();
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

/** Drops strings that are glyph ids (two-byte CID fonts): they are mostly NUL bytes. */
function printable(s: string): string {
  let nul = 0;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 0) nul++;
  return nul * 3 > s.length ? '' : s.replace(/[\u0000-\u0008\u000b-\u001f]/g, '');
}

function readLiteralText(src: string, i: number): { bytes: string; end: number } | undefined {
  const r = readLiteral((k) => (k < src.length ? src.charCodeAt(k) & 0xff : undefined), src.length, i);
  return r && { bytes: latin1(r.bytes), end: r.end };
}

/* ------------------------------------------ chars ------------------------------------------ */

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isDelimiter(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
}
function isRegular(c: number): boolean {
  return !Number.isNaN(c) && !isSpace(c) && !isDelimiter(c);
}
function isNameChar(c: number): boolean {
  return isRegular(c);
}

/** Index of `ch` in `src[from, from + max)`, or -1: searches never run to the end of a hostile file. */
function indexWithin(src: string, ch: string, from: number, max: number): number {
  const end = Math.min(src.length, from + max);
  for (let k = from; k < end; k++) if (src[k] === ch) return k;
  return -1;
}

function skipSpace(src: string, i: number): number {
  while (i < src.length && isSpace(src.charCodeAt(i))) i++;
  return i;
}

/** The last 4 KB (trailer and the last xref section), where /Encrypt sits. */
function tail(src: string): string {
  return src.length > 4096 ? src.slice(-4096) : src;
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
