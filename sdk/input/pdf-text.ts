/**
 * The text a PDF content stream shows (PDF 32000-1:2008, 9.4), as runs with their positions on
 * the page, for finding the URLs written in a CV (lines and URLs broken over two lines are put
 * together by text-lines.ts). Shown strings are decoded with the font selected by `Tf` (see
 * pdf-fonts.ts); their advance comes from the font's glyph widths, through the text and current
 * transformation matrices. A marked-content span with an `/ActualText` (Chrome writes one around
 * every ligature glyph: "ﬁ" shown, "fi" meant) stands for what it covers.
 */
import { latin1Text, type FontDecoder } from './pdf-cmap.js';
import { decodePdfString, dictEntry, isDigit, isRegular, isSpace, latin1, readHex, readLiteralText, skipDict, unescapeName } from './pdf-syntax.js';
import { columnRights, joinBrokenUrls, toLines, type TextRun } from './text-lines.js';

/** A font as page text needs it: the text of a shown string, and how far it moves the pen. */
export interface TextFont {
  text: FontDecoder;
  /** Glyph widths summed (thousandths of the font size), the number of codes (character spacing applies to each) and of one-byte spaces (word spacing applies to those). */
  advance(bytes: string): { width: number; codes: number; spaces: number };
}

/** The fonts a content stream can select, by resource name (`/F1`); absent: strings read a byte per character. */
export type FontLookup = (name: string) => TextFont | undefined;

/** A string in a font not known here: a byte per character, unless it holds glyph ids (mostly NUL bytes), and half an em per byte. */
const UNKNOWN_FONT: TextFont = {
  text: (s) => (unreadable(s) ? '' : latin1Text(s)),
  advance: (s) => ({ width: 500 * s.length, codes: s.length, spaces: countSpaces(s) }),
};

/** One operand on the content-stream stack. */
type Operand =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'arr'; v: (string | number)[] }
  | { t: 'name'; v: string }
  | { t: 'dict'; v: string }
  | { t: 'other' };

/** An affine matrix [a b c d e f] (8.3.4). */
type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

/** The graphics state parts that text depends on (8.4, 9.3), saved by q and restored by Q. */
interface State {
  ctm: Matrix;
  font: TextFont | undefined;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
}

/** Deepest marked-content nesting followed (BMC/BDC … EMC). */
const MAX_MARKED_DEPTH = 64;
/** Deepest graphics-state nesting followed (q … Q). */
const MAX_SAVED_STATES = 64;

/**
 * The runs of text a content stream shows, in order: each string of `Tj`, `'`, `"` and `TJ`, with
 * where it starts and ends on the baseline (page space) and its size. Inline images are skipped.
 * Stops once `maxChars` characters are collected.
 */
export function contentRuns(src: string, maxChars: number, fonts?: FontLookup): TextRun[] {
  const runs: TextRun[] = [];
  let chars = 0;
  let operands: Operand[] = [];
  let arr: (string | number)[] | undefined;
  let gs: State = { ctm: IDENTITY, font: undefined, size: 0, charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0 };
  const saved: State[] = [];
  let tm: Matrix = IDENTITY; // text matrix
  let tlm: Matrix = IDENTITY; // text line matrix
  // Open marked-content spans: the ActualText of each (undefined for spans without one), and where it started.
  const marked: ({ text: string; x: number; y: number; size: number; horizontal: boolean } | undefined)[] = [];
  let replaced = 0; // open spans with an ActualText: the glyphs inside are not read

  const place = (m: Matrix) => {
    const r = multiply(m, gs.ctm);
    const horizontal = Math.abs(r[1]) < 1e-6 && Math.abs(r[2]) < 1e-6 && r[0] > 0 && r[3] > 0;
    return { x: r[4], y: r[5], size: Math.abs(gs.size) * Math.hypot(r[2], r[3]) || 1, horizontal, r };
  };
  const emit = (str: string, x: number, y: number, right: number, size: number, horizontal: boolean) => {
    if (str === '' || chars >= maxChars) return;
    runs.push({ str, x, y, right, size, horizontal, eol: false });
    chars += str.length;
  };
  const moveText = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const show = (bytes: string) => {
    const font = gs.font ?? UNKNOWN_FONT;
    const a = font.advance(bytes);
    const tx = ((a.width / 1000) * gs.size + a.codes * gs.charSpacing + a.spaces * gs.wordSpacing) * gs.scale;
    const start = place(tm);
    tm = multiply([1, 0, 0, 1, tx, 0], tm);
    if (replaced > 0) return;
    const end = place(tm);
    emit(font.text(bytes), start.x, start.y, end.x, start.size, start.horizontal);
  };
  const push = (o: Operand) => {
    if (arr) {
      if (o.t === 'str' || o.t === 'num') arr.push(o.v);
    } else operands.push(o);
  };
  const num = (k: number) => {
    const o = operands[operands.length - k];
    return o?.t === 'num' ? o.v : undefined;
  };
  const nums = (n: number): number[] | undefined => {
    const out: number[] = [];
    for (let k = n; k >= 1; k--) {
      const v = num(k);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  };

  let i = 0;
  const n = src.length;
  while (i < n && chars < maxChars) {
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
      if (e < 0) break; // a dictionary that never closes: the rest is not a content stream
      push({ t: 'dict', v: src.slice(i, e) });
      i = e;
    } else if (c === 0x5b /* [ */) {
      arr = [];
      i++;
    } else if (c === 0x5d /* ] */) {
      if (arr) operands.push({ t: 'arr', v: arr });
      arr = undefined;
      i++;
    } else if (c === 0x2f /* / */) {
      const s = ++i;
      while (i < n && isRegular(src.charCodeAt(i))) i++;
      push({ t: 'name', v: unescapeName(src.slice(s, i)) });
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
      switch (op) {
        case 'BI': {
          const e = src.indexOf('EI', i); // inline image data runs to "EI"
          i = e < 0 ? n : e + 2;
          break;
        }
        case 'q':
          if (saved.length < MAX_SAVED_STATES) saved.push({ ...gs });
          break;
        case 'Q':
          if (saved.length > 0) gs = saved.pop()!;
          break;
        case 'cm': {
          const m = nums(6);
          if (m) gs.ctm = multiply(m as Matrix, gs.ctm);
          break;
        }
        case 'BT':
          tm = tlm = IDENTITY;
          break;
        case 'Tf': {
          const name = operands[operands.length - 2];
          if (name?.t === 'name') gs.font = fonts?.(name.v);
          gs.size = num(1) ?? gs.size;
          break;
        }
        case 'Tc':
          gs.charSpacing = num(1) ?? gs.charSpacing;
          break;
        case 'Tw':
          gs.wordSpacing = num(1) ?? gs.wordSpacing;
          break;
        case 'Tz':
          gs.scale = (num(1) ?? 100) / 100;
          break;
        case 'TL':
          gs.leading = num(1) ?? gs.leading;
          break;
        case 'Td':
        case 'TD': {
          const m = nums(2);
          if (m) {
            if (op === 'TD') gs.leading = -m[1]!;
            moveText(m[0]!, m[1]!);
          }
          break;
        }
        case 'Tm': {
          const m = nums(6);
          if (m) tm = tlm = m as Matrix;
          break;
        }
        case 'T*':
          moveText(0, -gs.leading);
          break;
        case "'":
          moveText(0, -gs.leading);
          if (last?.t === 'str') show(last.v);
          break;
        case '"': {
          // aw ac string: word and character spacing, then the string
          const w = operands[operands.length - 3];
          const cs = operands[operands.length - 2];
          if (w?.t === 'num') gs.wordSpacing = w.v;
          if (cs?.t === 'num') gs.charSpacing = cs.v;
          moveText(0, -gs.leading);
          if (last?.t === 'str') show(last.v);
          break;
        }
        case 'Tj':
          if (last?.t === 'str') show(last.v);
          break;
        case 'TJ':
          if (last?.t === 'arr') {
            for (const x of last.v) {
              if (typeof x === 'number') tm = multiply([1, 0, 0, 1, (-x / 1000) * gs.size * gs.scale, 0], tm);
              else show(x);
            }
          }
          break;
        case 'BMC':
        case 'BDC': {
          const actual = op === 'BDC' && last?.t === 'dict' ? actualText(last.v) : undefined;
          if (marked.length < MAX_MARKED_DEPTH) {
            if (actual === undefined) marked.push(undefined);
            else {
              const at = place(tm);
              marked.push({ text: actual, x: at.x, y: at.y, size: at.size, horizontal: at.horizontal });
              replaced++;
            }
          }
          break;
        }
        case 'EMC':
          if (marked.length > 0) {
            const span = marked.pop();
            if (span !== undefined && --replaced === 0) emit(span.text, span.x, span.y, place(tm).x, span.size, span.horizontal);
          }
          break;
        default:
          break;
      }
      operands = [];
      arr = undefined;
    } else {
      i++;
    }
    if (operands.length > 64) operands = operands.slice(-16); // garbage without operators
  }
  return runs;
}

/** The text of a content stream, a line per line, with URLs the layout broke over two lines joined again (text-lines.ts). */
export function contentText(src: string, maxChars: number, fonts?: FontLookup): string {
  const lines = toLines(contentRuns(src, maxChars, fonts));
  const text = joinBrokenUrls(lines, columnRights(lines));
  return text === '' ? '' : `${text}\n`;
}

/** The `/ActualText` of a marked-content property list, decoded (control characters dropped). */
function actualText(dict: string): string | undefined {
  const value = dictEntry(dict, 'ActualText');
  if (value === undefined) return undefined;
  const bytes = stringBytes(value.trim());
  return bytes === undefined ? undefined : latin1Text(decodePdfString(bytes));
}

/** The bytes of a PDF string value, literal `( )` or hex `< >`, held one byte per character. */
function stringBytes(value: string): Uint8Array | undefined {
  const s = value[0] === '(' ? readLiteralText(value, 0) : value[0] === '<' ? readHex(value, 0) : undefined;
  if (!s) return undefined;
  if (typeof s.bytes !== 'string') return s.bytes;
  const b = new Uint8Array(s.bytes.length);
  for (let k = 0; k < b.length; k++) b[k] = s.bytes.charCodeAt(k) & 0xff;
  return b;
}

/** A string in a font not known here that holds glyph ids (two-byte CID fonts): mostly NUL bytes. */
function unreadable(s: string): boolean {
  let nul = 0;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 0) nul++;
  return nul * 3 > s.length;
}

/** One-byte spaces (code 32) in a string. */
export function countSpaces(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 32) n++;
  return n;
}
