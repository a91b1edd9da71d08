/**
 * The text a PDF content stream shows (PDF 32000-1:2008, 9.4), one line per text line, for finding
 * the URLs written in a CV. Shown strings are decoded with the font selected by `Tf` (see
 * pdf-cmap.ts); a marked-content span with an `/ActualText` (Chrome writes one around every
 * ligature glyph: "ﬁ" shown, "fi" meant) stands for what it covers.
 */
import { latin1Text, type FontDecoder } from './pdf-cmap.js';
import { decodePdfString, dictEntry, isDigit, isRegular, isSpace, latin1, readHex, readLiteralText, skipDict, unescapeName } from './pdf-syntax.js';

/** The fonts a content stream can select, by resource name (`/F1`); absent: strings read a byte per character. */
export type FontLookup = (name: string) => FontDecoder | undefined;

/** One operand on the content-stream stack. */
type Operand =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'arr'; v: (string | number)[] }
  | { t: 'name'; v: string }
  | { t: 'dict'; v: string }
  | { t: 'other' };

/** Deepest marked-content nesting followed (BMC/BDC … EMC). */
const MAX_MARKED_DEPTH = 64;
/** Deepest graphics-state nesting followed (q … Q). */
const MAX_SAVED_STATES = 64;

/**
 * The text of a content stream: the operands of `Tj`, `'`, `"` and `TJ` (a gap wider than a
 * quarter em inside TJ becomes a space), a line break on `T*`, `'`, `"`, a vertical `Td` / `TD`
 * move, a `Tm` to another baseline and `ET`. Inline images are skipped.
 */
export function contentText(src: string, maxChars: number, fonts?: FontLookup): string {
  let text = '';
  let line = '';
  let operands: Operand[] = [];
  let arr: (string | number)[] | undefined;
  let lastY: number | undefined;
  // The font in use; with `fonts` given, a string shown before any Tf, or in an unknown font, is
  // read a byte per character (as without `fonts`).
  let font: FontDecoder | undefined;
  const saved: (FontDecoder | undefined)[] = [];
  // Open marked-content spans: the ActualText of each (undefined for spans without one).
  const marked: (string | undefined)[] = [];
  let replaced = 0; // how many open spans carry an ActualText: their shown text is not read
  const show = (s: string) => {
    if (replaced === 0) line += font ? font(s) : unreadable(s) ? '' : latin1Text(s);
  };
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
      if (op === 'BI') {
        const e = src.indexOf('EI', i); // inline image data runs to "EI"
        i = e < 0 ? n : e + 2;
      } else if (op === 'Tj') {
        if (last?.t === 'str') show(last.v);
      } else if (op === "'" || op === '"') {
        newline();
        if (last?.t === 'str') show(last.v);
      } else if (op === 'TJ') {
        if (last?.t === 'arr') {
          for (const x of last.v) {
            if (typeof x === 'number') {
              if (x < -250 && replaced === 0 && !line.endsWith(' ')) line += ' ';
            } else show(x);
          }
        }
      } else if (op === 'Tf') {
        const name = operands[operands.length - 2];
        if (fonts && name?.t === 'name') font = fonts(name.v);
      } else if (op === 'q') {
        // The font is part of the graphics state: Q restores the one in use at q (8.4.2).
        if (saved.length < MAX_SAVED_STATES) saved.push(font);
      } else if (op === 'Q') {
        if (saved.length > 0) font = saved.pop();
      } else if (op === 'BMC' || op === 'BDC') {
        const actual = op === 'BDC' && last?.t === 'dict' ? actualText(last.v) : undefined;
        if (marked.length < MAX_MARKED_DEPTH) {
          marked.push(actual);
          if (actual !== undefined) replaced++;
        }
      } else if (op === 'EMC') {
        if (marked.length > 0) {
          const actual = marked.pop();
          if (actual !== undefined && --replaced === 0) line += actual;
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
