/**
 * Small, bounded helpers shared by the SVG and HTML scanners: reading one start tag's attributes
 * and decoding character references. No DOM (the SDK runs in service workers), no regular
 * expressions that can backtrack: every function walks its input once.
 */

/** How a tag is read: XML (case-sensitive, quoted values only, duplicates refused) or HTML (lenient). */
export type MarkupMode = 'xml' | 'html';

/** One start tag: its name, attributes (raw values, entities not decoded) and where it ends. */
export interface StartTag {
  name: string;
  attrs: Map<string, string>;
  selfClosing: boolean;
  /** Index just after the closing `>`. */
  end: number;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;

/**
 * Reads the start tag whose `<` is at `start`. Returns undefined when the tag is malformed (in XML
 * mode: unquoted values, duplicate attributes, a missing `>`). In HTML mode undefined means the
 * input ended inside the tag (or the name ran into another `<`), so callers can stop or move on
 * without rescanning.
 */
export function readStartTag(src: string, start: number, mode: MarkupMode): StartTag | undefined {
  let i = start + 1;
  const nameStart = i;
  while (i < src.length && !isSpace(src.charCodeAt(i)) && src[i] !== '>' && src[i] !== '/' && src[i] !== '<') i++;
  if (i === nameStart || src[i] === '<') return undefined;
  const name = mode === 'html' ? src.slice(nameStart, i).toLowerCase() : src.slice(nameStart, i);
  const attrs = new Map<string, string>();
  for (;;) {
    while (i < src.length && isSpace(src.charCodeAt(i))) i++;
    if (i >= src.length) return undefined;
    if (src[i] === '>') return { name, attrs, selfClosing: false, end: i + 1 };
    if (src[i] === '/') {
      if (src[i + 1] === '>') return { name, attrs, selfClosing: true, end: i + 2 };
      if (mode === 'xml') return undefined;
      i++;
      continue;
    }
    const an = i;
    while (i < src.length && !isSpace(src.charCodeAt(i)) && !'>/="\''.includes(src[i]!)) i++;
    if (i === an) {
      if (mode === 'xml') return undefined;
      i++; // stray quote or '=' in HTML: skip it
      continue;
    }
    const attrName = mode === 'html' ? src.slice(an, i).toLowerCase() : src.slice(an, i);
    let j = i;
    while (j < src.length && isSpace(src.charCodeAt(j))) j++;
    let value = '';
    if (src[j] === '=') {
      j++;
      while (j < src.length && isSpace(src.charCodeAt(j))) j++;
      const q = src[j];
      if (q === '"' || q === "'") {
        const close = src.indexOf(q, j + 1);
        if (close < 0) return undefined;
        value = src.slice(j + 1, close);
        i = close + 1;
      } else {
        if (mode === 'xml') return undefined;
        const vs = j;
        while (j < src.length && !isSpace(src.charCodeAt(j)) && src[j] !== '>') j++;
        value = src.slice(vs, j);
        i = j;
      }
    } else if (mode === 'xml') {
      return undefined; // XML attributes always have a value
    }
    if (attrs.has(attrName)) {
      if (mode === 'xml') return undefined;
    } else {
      attrs.set(attrName, value);
    }
  }
}

const XML_NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const HTML_NAMED: Record<string, string> = { ...XML_NAMED, nbsp: '\u00a0' };

/**
 * Decodes character references. XML mode knows the five predefined entities and numeric
 * references, and returns undefined for anything else (undeclared entities are an error in XML;
 * declared ones are never expanded, which also rules out entity-expansion bombs). HTML mode leaves
 * unknown names as they are, like browsers do for attribute values.
 */
export function decodeEntities(s: string, mode: MarkupMode): string | undefined {
  if (!s.includes('&')) return s;
  const named = mode === 'xml' ? XML_NAMED : HTML_NAMED;
  let out = '';
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0) return out + s.slice(i);
    out += s.slice(i, amp);
    const semi = indexWithin(s, ';', amp + 1, 32); // bounded: no rescans of long runs without ';'
    const body = semi > 0 ? s.slice(amp + 1, semi) : undefined;
    let decoded: string | undefined;
    if (body !== undefined) {
      if (body.startsWith('#')) decoded = codePoint(body.slice(1));
      else decoded = Object.prototype.hasOwnProperty.call(named, body) ? named[body] : undefined;
    }
    if (decoded === undefined) {
      if (mode === 'xml') return undefined;
      out += '&';
      i = amp + 1;
      continue;
    }
    out += decoded;
    i = semi + 1;
  }
}

/** Index of `ch` within `[from, from + max)`, or -1. */
function indexWithin(s: string, ch: string, from: number, max: number): number {
  const end = Math.min(s.length, from + max);
  for (let i = from; i < end; i++) if (s[i] === ch) return i;
  return -1;
}

function codePoint(ref: string): string | undefined {
  const hex = ref.startsWith('x') || ref.startsWith('X');
  const digits = hex ? ref.slice(1) : ref;
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const n = parseInt(digits, hex ? 16 : 10);
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

/** Index just after the first occurrence of `needle` at or after `from`, or -1. */
export function skipPast(src: string, from: number, needle: string): number {
  const k = src.indexOf(needle, from);
  return k < 0 ? -1 : k + needle.length;
}

/** Strips the XML whitespace characters (space, tab, CR, LF) from both ends, and nothing else. */
export function trimXmlSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a)) && s.charCodeAt(a) !== 0x0c) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1)) && s.charCodeAt(b - 1) !== 0x0c) b--;
  return s.slice(a, b);
}
