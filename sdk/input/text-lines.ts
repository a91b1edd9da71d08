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
  /** Where a run that is not horizontal ends, vertically (its end is then (right, endY)). */
  endY?: number;
  /** True when the run's width is a guess (a font without widths): small overlaps say nothing then. */
  estimated?: boolean;
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
  return text + separator(isSpaceCode(text.charCodeAt(text.length - 1)), right, undefined, r, WORD_GAP) + r.str;
}

/** A gap (in ems) taken as a word break between runs. */
const WORD_GAP = 0.15;
/**
 * The same on a line whose producer writes its spaces as characters (Chrome, Word): a gap there
 * is letter spacing or justification unless it is wide.
 */
const WORD_GAP_WITH_SPACES = 0.5;

/** What goes between text that ended at (`right`, `endY`) and the run `r`: a space or nothing. */
function separator(endsWithSpace: boolean, right: number, endY: number | undefined, r: TextRun, wordGap: number): string {
  if (endsWithSpace || isSpaceCode(r.str.charCodeAt(0))) return '';
  if (!r.horizontal) return endY === undefined || Math.hypot(r.x - right, r.y - endY) > wordGap * r.size ? ' ' : '';
  const gap = r.x - right;
  // With guessed widths an overlap may be a gap: a space either way past the word gap.
  if (r.estimated) return Math.abs(gap) > wordGap * r.size ? ' ' : '';
  return gap > wordGap * r.size || gap < -r.size ? ' ' : '';
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0;
}

/**
 * Groups runs into lines: end-of-line marks, or a horizontal run on another baseline. Runs that
 * are not horizontal (rotated text) continue their line until an end-of-line mark.
 */
export function toLines(runs: readonly TextRun[]): TextLine[] {
  const lines: TextLine[] = [];
  let cur: TextLine | undefined;
  let members: TextRun[] = [];
  const close = () => {
    if (cur) {
      cur.text = lineText(members);
      if (cur.text.trim() !== '') lines.push(cur);
    }
    cur = undefined;
    members = [];
  };
  for (const r of runs) {
    if (r.str !== '') {
      if (cur && (cur.horizontal !== r.horizontal || (r.horizontal && Math.abs(r.y - cur.y) > 0.5 * Math.min(r.size, cur.size)))) close();
      if (!cur) cur = { text: '', left: r.x, right: r.right, y: r.y, size: r.size, horizontal: r.horizontal };
      else {
        cur.right = r.right;
        cur.left = Math.min(cur.left, r.x);
      }
      members.push(r);
    }
    if (r.eol) close();
  }
  close();
  return lines;
}

/** A line's runs as text, a space where a gap is a word break; joined once (appending to one string would copy it again and again). */
function lineText(runs: readonly TextRun[]): string {
  const wordGap = runs.some((r) => /[ \u00a0]/.test(r.str)) ? WORD_GAP_WITH_SPACES : WORD_GAP;
  const parts: string[] = [];
  let endsWithSpace = false;
  let right = 0;
  let endY: number | undefined;
  runs.forEach((r, k) => {
    if (k > 0) {
      const sep = separator(endsWithSpace, right, endY, r, wordGap);
      if (sep !== '') parts.push(sep);
    }
    parts.push(r.str);
    endsWithSpace = isSpaceCode(r.str.charCodeAt(r.str.length - 1));
    right = r.right;
    endY = r.horizontal ? r.y : r.endY;
  });
  return parts.join('');
}

/** Where a page's text column ends: the widest line, or the right margin mirrored from the left one (`view`: the page's box). */
export function pageRight(lines: readonly TextLine[], view: readonly number[]): number {
  let right = -Infinity;
  let left = Infinity;
  for (const l of lines) {
    if (!l.horizontal) continue;
    right = Math.max(right, l.right);
    left = Math.min(left, l.left);
  }
  const [x0, , x1] = view.length >= 4 ? view : [0, 0, 0, 0];
  if (Number.isFinite(left) && typeof x0 === 'number' && typeof x1 === 'number' && x1 > x0) right = Math.max(right, x1 - (left - x0));
  return right;
}

/**
 * Where each line's text column ends, for `joinBrokenUrls`. A column narrower than the page (a
 * sidebar, a table cell, a text box) has its own edge: the widest of the other lines that start
 * where the line starts (within half its size), when there are at least two of them and the line
 * does not reach past them by more than an em. Otherwise the page's edge (`pageRight`): a short
 * block (a name, an address, a year) says nothing about how wide its column is. Linear in the
 * number of lines: lines are bucketed by their left edge.
 */
export function columnRights(lines: readonly TextLine[], view: readonly number[] = []): number[] {
  const page = pageRight(lines, view);
  // Per bucket: how many lines, and the two widest (to leave a line itself out).
  const buckets = new Map<number, { count: number; first: number; second: number; firstAt: number }>();
  const bucketOf = (l: TextLine) => Math.round(l.left / Math.max(1, 0.5 * l.size));
  lines.forEach((l, i) => {
    const key = bucketOf(l);
    const b = buckets.get(key) ?? { count: 0, first: -Infinity, second: -Infinity, firstAt: -1 };
    b.count++;
    if (l.right > b.first) {
      b.second = b.first;
      b.first = l.right;
      b.firstAt = i;
    } else if (l.right > b.second) b.second = l.right;
    buckets.set(key, b);
  });
  return lines.map((l, i) => {
    const key = bucketOf(l);
    let others = 0;
    let widest = -Infinity;
    for (const k of [key - 1, key, key + 1]) {
      const b = buckets.get(k);
      if (!b) continue;
      others += k === key ? b.count - 1 : b.count; // the line itself is in its own bucket
      widest = Math.max(widest, b.firstAt === i ? b.second : b.first);
    }
    return others >= 2 && l.right <= widest + l.size ? widest : page;
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
 *  - the next line is just below (no paragraph or heading margin between them),
 *  - that token would not have fitted on the line (the line's end plus the token's width passes
 *    the right edge of its column: `right`, one for the page or one per line, `columnRights`):
 *    the reason the layout moved it; after a hyphen, the break is taken as the layout's anyway,
 *  - and the URL line ends with a character after which URLs continue (/ - _ = ? & # % ~ + : @ .)
 *    or the token carries URL syntax (/ ? = & % #).
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
  // The next line must be the one just below: a paragraph's or a heading's margin is more than a line's leading.
  const drop = prev.y - next.y;
  if (drop <= 0 || drop > 1.6 * prev.size) return false;
  if (token === '' || !URL_TOKEN.test(token)) return false;
  const body = next.text.trimStart();
  const first = body.split(/\s/, 1)[0] ?? '';
  if (first === '' || !URL_CHARS.test(first) || /^(?:https?:|www\.)/i.test(first)) return false;
  // Layouts break a URL after a hyphen, a slash or other punctuation; a break between two letters
  // or digits happens only where the text is forced to wrap anywhere, and then the rest of a URL
  // still carries URL syntax ("…/ab" + "cd/x?id=1"), which a year, a phone number or a word does not.
  const afterPunctuation = /[/\-_=?&#%~+:@.]$/.test(token);
  if (!afterPunctuation && !/[/?=&%#]/.test(first)) return false;
  // After a hyphen the break is the layout's (a URL hardly ends with one): the line's own end is edge enough.
  const edge = token.endsWith('-') ? Math.min(right, prev.right) : right;
  const perChar = (next.right - next.left) / Math.max(1, next.text.length);
  return prev.right + perChar * first.length > edge - 0.25 * prev.size;
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

