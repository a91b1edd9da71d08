/**
 * Page text as lines with positions, and the addresses in it, for the two PDF readers (the SDK's
 * own, sdk/input/pdf-links.ts, and the extension's pdfjs-based one): runs grouped into lines, a URL
 * the layout broke over two lines joined again, and host + path addresses written without a scheme.
 * Pure functions; every search is bounded by the line and URL lengths.
 */
import { findUrlsInText, MAX_URL_LENGTH } from './links.js';

/** A text run with its position (horizontal runs only carry a usable box). */
export interface TextRun {
  str: string;
  /** Baseline start, page space. */
  x: number;
  y: number;
  /** End of the run along the baseline. */
  right: number;
  /** Font size (page units). */
  size: number;
  horizontal: boolean;
  eol: boolean;
}

/** One visual line of text. */
export interface TextLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  horizontal: boolean;
}

/**
 * Appends `r` to text that ended at `right`: a space when there is a visible gap, or a jump back of
 * more than an em (text drawn out of order). Smaller jumps back are tight letter spacing or kerning
 * (producers that place each glyph on its own, as Chrome does for letter-spaced headings).
 */
export function glue(text: string, right: number, r: TextRun): string {
  if (text === '' || r.str === '') return text + r.str;
  if (/\s$/.test(text) || /^\s/.test(r.str)) return text + r.str;
  const gap = r.x - right;
  return gap > 0.15 * r.size || gap < -r.size ? `${text} ${r.str}` : text + r.str;
}

/** Groups runs into lines: end-of-line marks, or a move to another baseline. */
export function toLines(runs: TextRun[]): TextLine[] {
  const lines: TextLine[] = [];
  let cur: TextLine | undefined;
  const close = () => {
    if (cur && cur.text.trim() !== '') lines.push(cur);
    cur = undefined;
  };
  for (const r of runs) {
    if (r.str !== '') {
      if (cur && (cur.horizontal !== r.horizontal || !r.horizontal || Math.abs(r.y - cur.y) > 0.5 * Math.min(r.size, cur.size))) close();
      if (!cur) cur = { text: r.str, left: r.x, right: r.right, y: r.y, size: r.size, horizontal: r.horizontal };
      else {
        cur.text = glue(cur.text, cur.right, r);
        cur.right = r.right;
        cur.left = Math.min(cur.left, r.x);
      }
    }
    if (r.eol) close();
  }
  close();
  return lines;
}

/**
 * Where each line's text column ends: the widest of the lines that start where it starts (within
 * half its size), so that a column narrower than the page (a sidebar layout, a text box) has its
 * own edge. Lines are bucketed by their left edge: linear in the number of lines.
 */
export function columnRights(lines: readonly TextLine[]): number[] {
  const widest = new Map<number, number>();
  const bucket = (l: TextLine) => Math.round(l.left / Math.max(1, 0.5 * l.size));
  for (const l of lines) {
    const b = bucket(l);
    widest.set(b, Math.max(widest.get(b) ?? -Infinity, l.right));
  }
  return lines.map((l) => {
    const b = bucket(l);
    return Math.max(widest.get(b - 1) ?? -Infinity, widest.get(b)!, widest.get(b + 1) ?? -Infinity);
  });
}

/** A URL's characters (RFC 3986 unreserved, reserved and %), nothing else. */
const URL_CHARS = /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/?#[\]]+$/;
/** A host with a path, without a scheme: "credly.com/badges/…", "www.example.org/vc/1". */
const SCHEMELESS = /(?<![\w@.\/:%-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\/[^\s<>"`{}|\\^\u00a0\u2000-\u200f\u2028-\u202f\u3000]+/giu;
/** A token that is (or holds) a URL: a scheme, or www. / host + path at its start. */
const URL_TOKEN = /https?:\/\/|^[^\w]{0,3}(?:www\.|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\/)/iu;

/**
 * The page text, one line per line, except where a URL was broken over two lines by the layout;
 * those lines are joined without a space. A break is taken as one inside a URL only when all of:
 *
 *  - the line ends with a URL (its last token starts with http(s)://, www. or host/),
 *  - the next line, of about the same font size, starts with a token of URL characters only that
 *    does not start a URL itself,
 *  - that token would not have fitted on the line (the line's end plus the token's width passes
 *    the right edge of its column: `right`, one for the page or one per line): the reason the
 *    layout moved it,
 *  - and the URL line ends with a character after which URLs continue (/ - _ = ? & # % ~ + : @ .)
 *    or the token carries URL syntax (/ ? = & % #) or a digit (ids, hashes).
 *
 * Ordinary word wrap after a URL ("…/badges/abc" then "and more") is left alone: a plain word is
 * not taken as the rest of a URL. Lines in another column (not reaching the right edge) are never
 * joined.
 */
export function joinBrokenUrls(lines: readonly TextLine[], right: number | readonly number[]): string {
  const out: string[] = [];
  let current = ''; // the logical line being built
  let tail = ''; // its last token, kept apart (indexing into a long concatenation copies it)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = lines[i - 1];
    if (prev && continuesUrl(tail, prev, line, typeof right === 'number' ? right : right[i - 1]!)) {
      const rest = line.text.trimStart();
      current += rest;
      tail = lastToken(tail + rest);
    } else {
      if (i > 0) out.push(current);
      current = line.text;
      tail = lastToken(line.text);
    }
  }
  if (lines.length > 0) out.push(current);
  return out.join('\n');
}

function continuesUrl(token: string, prev: TextLine, next: TextLine, right: number): boolean {
  if (!prev.horizontal || !next.horizontal) return false;
  if (Math.abs(prev.size - next.size) > 0.2 * prev.size) return false;
  if (next.y >= prev.y) return false; // the next line must be below
  if (token === '' || !URL_TOKEN.test(token)) return false;
  const body = next.text.trimStart();
  const first = body.split(/\s/, 1)[0] ?? '';
  if (first === '' || !URL_CHARS.test(first) || /^(?:https?:|www\.)/i.test(first)) return false;
  const perChar = (next.right - next.left) / Math.max(1, next.text.length);
  if (prev.right + perChar * first.length <= right - 0.25 * prev.size) return false;
  return /[/\-_=?&#%~+:@.]$/.test(token) || /[/?=&%#\d]/.test(first);
}

/** The text after the last white space (at most a URL's length). */
function lastToken(text: string): string {
  let i = text.length;
  const stop = Math.max(0, text.length - MAX_URL_LENGTH);
  while (i > stop && !/\s/.test(text[i - 1]!)) i--;
  return i === stop && stop > 0 ? '' : text.slice(i);
}

/** Host + path URLs written without a scheme ("credly.com/badges/…"), as https URLs. */
export function findSchemelessUrls(text: string): string[] {
  const out: string[] = [];
  SCHEMELESS.lastIndex = 0;
  for (let m = SCHEMELESS.exec(text); m !== null; m = SCHEMELESS.exec(text)) {
    const [url] = findUrlsInText(`https://${m[0]}`); // the SDK's trimming of trailing punctuation
    if (url !== undefined) out.push(url);
  }
  return out;
}

