/**
 * The text a PDF content stream shows (PDF 32000-1:2008, 9.4), as runs with their positions on
 * the page, for finding the URLs written in a CV (lines and URLs broken over two lines are put
 * together by text-lines.ts). Shown strings are decoded with the font selected by `Tf` (see
 * pdf-fonts.ts); their advance comes from the font's glyph widths, through the text and current
 * transformation matrices. A marked-content span with an `/ActualText` (Chrome writes one around
 * every ligature glyph: "ﬁ" shown, "fi" meant) stands for what it covers.
 */
import { latin1Text, type FontDecoder } from './pdf-cmap.js';
import { decodePdfString, dictEntry, isDigit, isRegular, isSpace, latin1, latin1Bytes, readHex, readLiteralText, skipDict, unescapeName } from './pdf-syntax.js';
import { columnRights, joinBrokenUrls, toLines, type TextRun } from './text-lines.js';

/** A font as page text needs it: the text of a shown string, and how far it moves the pen. */
export interface TextFont {
  text: FontDecoder;
  /** True when the font gives no widths and half an em is assumed. */
  estimated?: boolean;
  /** Glyph widths summed (thousandths of the font size), the number of codes (character spacing applies to each) and of one-byte spaces (word spacing applies to those). */
  advance(bytes: string): { width: number; codes: number; spaces: number };
}

/** The fonts a content stream can select, by resource name (`/F1`); absent: strings read a byte per character. */
export type FontLookup = (name: string) => TextFont | undefined;

/** A form XObject a content stream draws with `Do` (8.10): its content and matrix, and its own fonts and forms when it has resources. */
export interface TextForm {
  src: string;
  matrix: readonly number[];
  fonts?: FontLookup;
  forms?: FormLookup;
}

/** The form XObjects a content stream can draw, by resource name (`/X1`). */
export type FormLookup = (name: string) => TextForm | undefined;

/** What a content stream's text is read with. */
export interface TextResources {
  fonts?: FontLookup;
  forms?: FormLookup;
}

/** Deepest nesting of forms drawn inside forms. */
const MAX_FORM_DEPTH = 8;
/** Most content read in one call, forms drawn again and again included (characters). */
const MAX_INTERPRETED = 64 * 1024 * 1024;

/** A string in a font not known here: a byte per character, unless it holds glyph ids (mostly NUL bytes), and half an em per byte. */
const UNKNOWN_FONT: TextFont = {
  estimated: true,
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
/** Most runs read from one content stream (a run object per shown string: memory is bounded by it). */
export const MAX_RUNS = 200_000;

/**
 * The runs of text a content stream shows, in order: each string of `Tj`, `'`, `"` and `TJ`, with
 * where it starts and ends on the baseline (page space) and its size. Inline images are skipped.
 * Stops once `maxChars` characters are collected.
 */
export function contentRuns(src: string, maxChars: number, resources: TextResources = {}): TextRun[] {
  const runs: TextRun[] = [];
  let chars = 0;
  let operands: Operand[] = [];
  let arr: (string | number)[] | undefined;
  let gs: State = { ctm: IDENTITY, font: undefined, size: 0, charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0 };
  const saved: State[] = [];
  let tm: Matrix = IDENTITY; // text matrix
  let tlm: Matrix = IDENTITY; // text line matrix
  // Open marked-content spans: the ActualText of each (undefined for spans without one).
  const marked: (string | undefined)[] = [];
  let replaced = 0; // open spans with an ActualText: the glyphs inside are not read

  let overflow = 0; // q past MAX_SAVED_STATES: their Q restore nothing
  let glyphsAt: { x: number; y: number; size: number; horizontal: boolean } | undefined; // where an ActualText span's first glyph went
  // Where text space point (0, 0) of `m` lands on the page, and whether the baseline runs left to
  // right (Trm = [Tfs·Th 0 0 Tfs 0 0] × m × CTM, 9.4.4). Only the baseline's direction matters:
  // slanted text (synthetic italics) and a flipped y axis (forms drawn without their page's
  // matrix) are still lines; y is taken upward, whichever way the matrix turns it.
  const place = (m: Matrix) => {
    const at = multiply(m, gs.ctm);
    const r = multiply([gs.size * gs.scale, 0, 0, gs.size, 0, 0], at);
    const horizontal = Math.abs(r[1]) <= 1e-6 * Math.abs(r[0]) && r[0] > 0;
    return { x: at[4], y: r[3] < 0 ? -at[5] : at[5], size: Math.hypot(r[2], r[3]) || 1, horizontal };
  };
  const emit = (str: string, start: { x: number; y: number; size: number; horizontal: boolean }, end: { x: number; y: number }, estimated: boolean) => {
    if (str === '' || chars >= maxChars || runs.length >= MAX_RUNS) return;
    const run: TextRun = { str, x: start.x, y: start.y, right: end.x, size: start.size, horizontal: start.horizontal, eol: false };
    if (!start.horizontal) run.endY = end.y;
    if (estimated) run.estimated = true;
    runs.push(run);
    chars += str.length;
  };
  // A rotated line has no baseline to group by: it ends where the text moves to another line.
  const endLine = () => {
    const last = runs[runs.length - 1];
    if (last && !last.horizontal) last.eol = true;
  };
  const moveText = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
    if (ty !== 0) endLine();
  };
  const show = (bytes: string) => {
    const font = gs.font ?? UNKNOWN_FONT;
    const a = font.advance(bytes);
    const tx = ((a.width / 1000) * gs.size + a.codes * gs.charSpacing + a.spaces * gs.wordSpacing) * gs.scale;
    const start = place(tm);
    tm = multiply([1, 0, 0, 1, Number.isFinite(tx) ? tx : 0, 0], tm);
    if (replaced > 0) {
      glyphsAt ??= start;
      return;
    }
    emit(font.text(bytes), start, place(tm), font.estimated === true);
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

  let interpreted = 0;
  // Reads one content stream: the page's, or a form's drawn with Do (its matrix on top of the CTM).
  const interpret = (src: string, fonts: FontLookup | undefined, forms: FormLookup | undefined, depth: number) => {
    interpreted += src.length;
    let i = 0;
    const n = src.length;
    while (i < n && chars < maxChars && runs.length < MAX_RUNS) {
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
        const v = Number(src.slice(s, i));
        push({ t: 'num', v: Number.isFinite(v) ? v : 0 });
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
            else overflow++;
            break;
          case 'Q':
            if (overflow > 0) overflow--;
            else if (saved.length > 0) gs = saved.pop()!;
            break;
          case 'cm': {
            const m = nums(6);
            if (m) gs.ctm = multiply(m as Matrix, gs.ctm);
            break;
          }
          case 'BT':
            tm = tlm = IDENTITY;
            endLine();
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
            endLine();
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
          case 'Do': {
            const name = operands[operands.length - 1];
            const form = name?.t === 'name' && depth < MAX_FORM_DEPTH && interpreted < MAX_INTERPRETED ? forms?.(name.v) : undefined;
            if (form) {
              const outer = { gs, saved: saved.splice(0), overflow, tm, tlm };
              const m = form.matrix.length === 6 && form.matrix.every(Number.isFinite) ? (form.matrix as Matrix) : IDENTITY;
              gs = { ...gs, ctm: multiply(m, gs.ctm) };
              overflow = 0;
              interpret(form.src, form.fonts ?? fonts, form.forms ?? forms, depth + 1);
              ({ gs, overflow, tm, tlm } = outer);
              saved.splice(0, saved.length, ...outer.saved);
            }
            break;
          }
          case 'BMC':
          case 'BDC': {
            const actual = op === 'BDC' && last?.t === 'dict' ? actualText(last.v) : undefined;
            if (marked.length < MAX_MARKED_DEPTH) {
              marked.push(actual);
              if (actual !== undefined && replaced++ === 0) glyphsAt = undefined;
            }
            break;
          }
          case 'EMC':
            if (marked.length > 0) {
              const actual = marked.pop();
              if (actual !== undefined && --replaced === 0) {
                // Placed where its first glyph was shown (producers open the span before choosing the font and position).
                const end = place(tm);
                emit(actual, glyphsAt ?? end, end, (gs.font ?? UNKNOWN_FONT).estimated === true);
              }
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
  };
  interpret(src, resources.fonts, resources.forms, 0);
  return runs;
}

/**
 * The text of a content stream, a line per line, with URLs the layout broke over two lines joined
 * again (text-lines.ts; `view` is the page's MediaBox, for where its text column ends).
 */
export function contentText(src: string, maxChars: number, resources: TextResources = {}, view: readonly number[] = []): string {
  const lines = toLines(contentRuns(src, maxChars, resources));
  const text = joinBrokenUrls(lines, columnRights(lines, view));
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
  return typeof s.bytes === 'string' ? latin1Bytes(s.bytes) : s.bytes;
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
