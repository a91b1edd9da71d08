/**
 * Links in a PDF without a PDF library: one linear pass over the file for `/URI` strings (link
 * annotations' URI actions, literal or hex strings, or an indirect reference to one), and one over
 * its objects, inflating FlateDecode streams with a cap: object streams (PDF 1.5) are searched for
 * `/URI` strings too and their objects kept, and page content streams yield their text (the `Tj` /
 * `TJ` / `'` / `"` operators, pdf-text.ts) in which written-out http(s) URLs are found. The text is
 * decoded with each page's fonts (pdf-fonts.ts, pdf-cmap.ts): ToUnicode maps, predefined CJK CMaps,
 * a byte per character for simple fonts.
 *
 * Not read: encrypted PDFs (the strings are ciphertext; reported as a warning), text in Type0 fonts
 * with neither a ToUnicode map nor a predefined CMap whose encoding is known here (Identity-H glyph
 * ids, Adobe's CID collections), filters other than FlateDecode (images and fonts do not carry links).
 */
import { CredLensError } from '../errors.js';
import { inflateCapped } from './inflate.js';
import { DocumentFonts, type PageText, type PdfObjects } from './pdf-fonts.js';
import { decodePdfString, dictEntry, isDigit, isNameChar, isRegular, isSpace, isDelimiter, latin1, MAX_DICT, MAX_STRING, nameValue, numbersIn, readString, skipDict, skipSpace, valueEnd } from './pdf-syntax.js';
import { contentText, type FontLookup, type FormLookup, type TextForm, type TextResources } from './pdf-text.js';

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
  const budget = new Budget(2 * src.length + (1 << 20));
  const inflation = { left: limits.maxInflatedBytes, perStream: limits.maxStreamBytes, capped: false };
  const resolver = new Resolver(src, bytes, budget, inflation);
  findUris(bytes, src, out, resolver, budget);

  // One pass over the objects: object streams are searched for /URI strings and their objects
  // kept for lookups; page dictionaries and content streams are collected, and the text is read
  // once every page's fonts can be known (a page may come after its content in the file).
  const pages: string[] = [];
  const contents: { num: number; dict: string; text: string }[] = [];
  let streams = 0;
  for (let at = src.indexOf('obj', 0); at >= 0; at = src.indexOf('obj', at + 3)) {
    const header = objectHeaderBefore(src, at);
    if (header === undefined || isNameChar(src.charCodeAt(at + 3))) continue;
    const i = skipSpace(src, at + 3);
    if (!src.startsWith('<<', i)) continue;
    const dictEnd = skipDict(src, i);
    if (!budget.spend(dictEnd < 0 ? MAX_DICT : dictEnd - i)) {
      out.truncated = true;
      break;
    }
    if (dictEnd < 0) continue;
    at = dictEnd - 3; // objects do not nest: go on after this dictionary
    const dict = src.slice(i, dictEnd);
    if (isPage(dict)) pages.push(dict);
    const data = streamData(src, dict, dictEnd, resolver);
    if (data === undefined) continue;
    at = data.end; // never look for objects inside stream data
    if (++streams > limits.maxStreams) {
      out.truncated = true;
      break;
    }
    const kind = streamKind(dict);
    if (kind === 'skip') continue;
    const decoded = unfilter(bytes.subarray(data.start, data.end), dict, inflation);
    if (decoded === undefined) {
      if (inflation.left <= 0) break; // out.truncated is set below
      continue; // a filter that is not read (images, fonts, LZW ...)
    }
    const text = latin1(decoded);
    if (kind === 'objstm') {
      findUris(decoded, text, out, resolver, budget); // references inside point at the file's own objects
      for (const body of resolver.addObjectStream(dict, text)) if (isPage(body)) pages.push(body);
    } else contents.push({ num: Number(header.split(/\s+/)[0]), dict, text });
  }
  if (inflation.capped) out.truncated = true;

  // Each page's content streams are read as one (7.7.3.3), with the page's fonts; then the other
  // streams (form XObjects, appearances), with their own resources, else those of a page that uses them.
  const fonts = new DocumentFonts(resolver);
  const byNum = new Map(contents.map((c) => [c.num, c]));
  const done = new Set<number>();
  const formFonts = new Map<number, FontLookup | undefined>();
  // The forms a /Resources value names, drawn where the content says `Do` (and then not read again
  // on their own); a form with resources of its own brings its fonts and forms.
  const formsFor = (resources: string | undefined): FormLookup | undefined => {
    const names = fonts.xobjects(resources);
    if (names.size === 0) return undefined;
    return (name) => {
      const num = names.get(name);
      const c = num === undefined ? undefined : byNum.get(num);
      if (num === undefined || c === undefined) return undefined; // an image, or nothing read
      done.add(num);
      const own = dictEntry(c.dict, 'Resources');
      const matrix = dictEntry(c.dict, 'Matrix');
      const form: TextForm = { src: c.text, matrix: matrix === undefined ? [] : numbersIn(matrix, 6) };
      if (own !== undefined) {
        const f = fonts.forResources(own);
        if (f) form.fonts = f;
        const nested = formsFor(own);
        if (nested) form.forms = nested;
      }
      return form;
    };
  };
  let textChars = 0;
  const read = (text: string, resources: TextResources, view: readonly number[] = []) => {
    if (textChars >= limits.maxTextChars) return;
    try {
      const pageText = contentText(text, limits.maxTextChars - textChars, resources, view);
      textChars += pageText.length;
      if (pageText !== '') out.text.push(pageText);
    } catch {
      out.truncated = true; // keep what the rest of the file yields
    }
  };
  for (const page of pages) {
    let p: PageText;
    try {
      p = fonts.page(page);
    } catch {
      out.truncated = true;
      continue;
    }
    const streams = p.contents.filter((num) => byNum.has(num) && !done.has(num));
    for (const num of streams) done.add(num);
    for (const num of fonts.xobjects(p.resources).values()) if (!formFonts.has(num)) formFonts.set(num, p.fonts);
    const forms = formsFor(p.resources);
    if (streams.length > 0) read(streams.map((num) => byNum.get(num)!.text).join('\n'), forms ? { fonts: p.fonts, forms } : { fonts: p.fonts }, p.view);
  }
  // Streams no page drew: forms drawn only from other forms or annotations, with their own
  // resources, else those of a page that names them.
  for (const c of contents) {
    if (done.has(c.num)) continue;
    const own = dictEntry(c.dict, 'Resources');
    read(c.text, { fonts: own !== undefined ? fonts.forResources(own) : formFonts.get(c.num) });
  }
  if (out.uris.length >= MAX_URIS) out.truncated = true;
  return out;
}

/** True for a page object's dictionary (`/Type /Page`, not `/Pages`). */
function isPage(dict: string): boolean {
  return PAGE_HINT.test(dict) && nameValue(dictEntry(dict, 'Type')) === 'Page';
}

const PAGE_HINT = /\/Type\s*\/Page(?![^\s/<>[\]()%])/;

/** Where the data of a stream whose dictionary ends at `dictEnd` lies, or undefined (not a stream, or no end). */
function streamData(src: string, dict: string, dictEnd: number, resolver: Resolver): { start: number; end: number } | undefined {
  let i = skipSpace(src, dictEnd);
  if (!src.startsWith('stream', i)) return undefined;
  i += 6;
  if (src[i] === '\r') i++;
  if (src[i] === '\n') i++;
  const end = streamEnd(src, dict, i, resolver);
  return end < 0 ? undefined : { start: i, end };
}

/** What is left to inflate in one PDF, and whether a cap cut something. */
interface Inflation {
  left: number;
  perStream: number;
  capped: boolean;
}

/** A stream's data with its filter undone (none or FlateDecode), within the caps; undefined for other filters or once the caps are spent. */
function unfilter(data: Uint8Array, dict: string, inflation: Inflation, max = Infinity): Uint8Array | undefined {
  const filters = filterNames(dict);
  if (filters === undefined) return undefined;
  if (filters.length === 0) return data.length > max ? data.subarray(0, max) : data;
  const room = Math.min(inflation.perStream, inflation.left, max);
  if (room <= 0) {
    inflation.capped = true;
    return undefined;
  }
  const r = inflateCapped(data, room, 'auto');
  if (r.capped && room < max) inflation.capped = true;
  inflation.left -= r.bytes.length;
  return r.bytes;
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

/** Most objects read by number for fonts and resources (each read is also charged to the budget). */
const MAX_OBJECT_READS = 20000;
/** Most objects taken from object streams. */
const MAX_PACKED_OBJECTS = 100000;

/**
 * Objects by number: small indirect values (`12 0 R` as a stream length or a /URI value), and
 * the dictionaries and streams that fonts and resources are read from (`PdfObjects`), top-level or
 * packed in an object stream.
 */
class Resolver implements PdfObjects {
  private index: Map<number, number> | undefined;
  private resolved = 0;
  private reads = 0;
  private endstreamFrom = -1;
  private endstreamAt = -1;
  private readonly packed = new Map<number, string>();
  private readonly values = new Map<number, string | undefined>();

  constructor(
    private readonly src: string,
    private readonly bytes: Uint8Array,
    private readonly budget: Budget,
    private readonly inflation: Inflation,
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

  /** A small indirect number (a stream's /Length). */
  number(num: number): number | undefined {
    if (this.resolved++ >= MAX_INDIRECT) return undefined;
    const at = this.find(num);
    if (at < 0) return undefined;
    const m = /^\s*(\d{1,12})\s/.exec(this.src.slice(at, at + 32));
    return m ? Number(m[1]) : undefined;
  }

  /** A small indirect string (a /URI value). */
  string(num: number): string | undefined {
    if (this.resolved++ >= MAX_INDIRECT) return undefined;
    const at = this.find(num);
    if (at < 0) return undefined;
    const s = readString(this.bytes, this.src, skipSpace(this.src, at));
    return s && decodePdfString(s.bytes);
  }

  /** Keeps the objects packed in an object stream (PDF 1.5, 7.5.7) and returns their bodies. */
  addObjectStream(dict: string, text: string): string[] {
    const first = Number(dictEntry(dict, 'First'));
    const n = Number(dictEntry(dict, 'N'));
    if (!Number.isInteger(first) || !Number.isInteger(n) || first < 0 || first > text.length || n <= 0) return [];
    const pairs = text.slice(0, first).trim().split(/\s+/, 2 * Math.min(n, MAX_PACKED_OBJECTS)).map(Number);
    const bodies: string[] = [];
    for (let k = 0; k + 1 < pairs.length && this.packed.size < MAX_PACKED_OBJECTS; k += 2) {
      const num = pairs[k]!;
      const start = first + pairs[k + 1]!;
      const next = k + 3 < pairs.length ? first + pairs[k + 3]! : text.length;
      if (!Number.isInteger(num) || !Number.isInteger(start) || start > text.length) continue;
      const end = next > start ? Math.min(next, start + MAX_DICT) : Math.min(text.length, start + MAX_DICT);
      const body = text.slice(start, end).trim();
      this.packed.set(num, body);
      bodies.push(body);
    }
    return bodies;
  }

  /** Object `num`'s value: a dictionary, an array or a simple value (for fonts and resources). */
  value(num: number): string | undefined {
    if (this.values.has(num)) return this.values.get(num);
    let v: string | undefined;
    if (this.reads++ < MAX_OBJECT_READS && this.budget.left > 0) {
      const at = this.find(num);
      if (at >= 0) {
        const i = skipSpace(this.src, at);
        const end = valueEnd(this.src, i);
        // a value that does not end is charged what was searched for its end
        if (this.budget.spend(end < 0 ? MAX_DICT : end - i) && end >= 0) v = this.src.slice(i, end);
      } else v = this.packed.get(num);
    }
    this.values.set(num, v);
    return v;
  }

  /** Object `num`'s stream data, filter undone, at most `max` bytes, a byte per character. */
  stream(num: number, max: number): string | undefined {
    if (this.reads++ >= MAX_OBJECT_READS || this.budget.left <= 0) return undefined;
    const at = this.find(num);
    if (at < 0) return undefined;
    const i = skipSpace(this.src, at);
    if (!this.src.startsWith('<<', i)) return undefined;
    const dictEnd = skipDict(this.src, i);
    if (!this.budget.spend(dictEnd < 0 ? MAX_DICT : dictEnd - i) || dictEnd < 0) return undefined;
    const dict = this.src.slice(i, dictEnd);
    const data = streamData(this.src, dict, dictEnd, this);
    if (data === undefined || !this.budget.spend(data.end - data.start)) return undefined;
    const decoded = unfilter(this.bytes.subarray(data.start, data.end), dict, this.inflation, max);
    return decoded === undefined ? undefined : latin1(decoded);
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


/** The last 4 KB (trailer and the last xref section), where /Encrypt sits. */
function tail(src: string): string {
  return src.length > 4096 ? src.slice(-4096) : src;
}

