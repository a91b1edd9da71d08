/**
 * Credential links in a PDF CV, read with pdfjs-dist (Mozilla's PDF.js): whatever produced the
 * file (object streams, compressed cross-reference streams, encryption with an empty user password,
 * CID fonts with a ToUnicode map), pdfjs parses it as Firefox does. Two sources, page by page:
 *
 *  1. Link annotations: their `url` (pdfjs's own validated absolute URL; the raw `unsafeUrl` only
 *     when it is an absolute http(s) URL), with the text printed inside the annotation's rectangle
 *     (the credential's title in most CVs; a title wrapped over two lines with one annotation per
 *     line is joined back together).
 *  2. The page text: bare http(s) URLs printed in the CV (the SDK's finder), URLs without a scheme
 *     on a host + path ("credly.com/badges/…"), and URLs the layout broke over two lines (see
 *     `joinBrokenUrls`).
 *
 * Links are normalised by the SDK (redirect wrappers unwrapped, de-duplicated, order kept) and only
 * credential links (`isCredentialLink`) are kept. Caps: 20 MB, 200 pages, 500 links, a deadline.
 *
 * pdfjs is not imported here: it is loaded lazily through a loader (`setPdfjsLoader`). In the
 * extension the default loader (./worker.ts) loads pdfjs's browser build and points it at the
 * worker and the CMap files the WXT module extension/modules/pdf-worker.ts ships; Node tests inject
 * the legacy build, which runs its worker in-process, with the CMaps from node_modules.
 *
 * Adobe's predefined CMaps are how older Japanese, Chinese and Korean producers encode text in fonts
 * they did not embed (no ToUnicode map): without them that text, URLs printed in it included, reads
 * as nothing. Nothing is fetched from the network: the CMaps come from the extension's own files,
 * and only those pdfjs knows by name. No standard font data and no wasm are loaded (text
 * extraction needs neither).
 */
import { credentialLinkUrl, LinkCollector, normalizeLink, type FoundLink as SdkLink } from '../../../sdk/input/links.js';
import { columnRights, findSchemelessUrls, glue, joinBrokenUrls, toLines, type TextRun as Run } from '../../../sdk/input/text-lines.js';
import { looksLikePdf } from '../../../sdk/input/pdf-links.js';
import type { FoundLink } from '../protocol.js';
import { CvError, MAX_CV_FILE_BYTES } from './errors.js';

/** Most pages read; later pages are ignored. */
export const MAX_PDF_PAGES = 200;
/** Most credential links returned (PDF and DOCX). */
export const MAX_CV_LINKS = 500;
/** Default time allowed for one PDF (opening and every page), in milliseconds. */
export const PDF_TIMEOUT_MS = 60_000;

/* --------------------------------------- pdfjs seam --------------------------------------- */

/** The parameters passed to pdfjs's `getDocument` (a subset of its DocumentInitParameters). */
export interface PdfjsDocumentParams {
  data: Uint8Array;
  isEvalSupported: boolean;
  disableFontFace: boolean;
  useSystemFonts: boolean;
  useWorkerFetch: boolean;
  useWasm: boolean;
  isOffscreenCanvasSupported: boolean;
  isImageDecoderSupported: boolean;
  enableXfa: boolean;
  disableAutoFetch: boolean;
  disableStream: boolean;
  disableRange: boolean;
  stopAtErrors: boolean;
  verbosity: number;
  /** Where pdfjs's packed CMaps (`*.bcmap`) are, ending in "/"; absent: text in fonts that need one is not read. */
  cMapUrl?: string;
  cMapPacked?: boolean;
}

/** One text run of `getTextContent()` (pdfjs's TextItem). */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** The part of a pdfjs page used here. */
interface PdfPage {
  readonly view: number[];
  getAnnotations(params?: { intent?: string }): Promise<unknown[]>;
  getTextContent(params?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<{ items: unknown[] }>;
  cleanup(resetStats?: boolean): boolean;
}

/** The part of a pdfjs document used here. */
interface PdfDocument {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
}

/** The part of pdfjs's loading task used here. */
interface PdfLoadingTask {
  readonly promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}

/** The part of the pdfjs-dist module used here (`typeof import('pdfjs-dist')` satisfies it). */
export interface PdfjsLike {
  getDocument(src: PdfjsDocumentParams): PdfLoadingTask;
}

/** pdfjs, loaded, and where its CMap files are. */
export interface PdfReader {
  pdfjs: PdfjsLike;
  /**
   * Base URL (or, in Node, directory path) of pdfjs-dist's packed CMaps (its `cmaps/` folder),
   * ending in "/". Without it, text in fonts that need a predefined CMap is not read.
   */
  cMapUrl?: string;
}

/** Loads pdfjs (once); see `setPdfjsLoader`. */
export type PdfjsLoader = () => Promise<PdfReader>;

const extensionLoader: PdfjsLoader = async () => (await import('./worker.js')).loadExtensionPdfjs();
let loader: PdfjsLoader = extensionLoader;
let loaded: Promise<PdfReader> | undefined;

/**
 * Chooses how pdfjs is loaded. The default, for the extension, is ./worker.ts (pdfjs's browser
 * build with the worker and CMaps shipped in the extension); Node callers and tests pass
 * `async () => ({ pdfjs: await import('pdfjs-dist/legacy/build/pdf.mjs'), cMapUrl: <pdfjs-dist>/cmaps/ })`.
 * Without an argument the default is restored.
 */
export function setPdfjsLoader(load?: PdfjsLoader): void {
  loader = load ?? extensionLoader;
  loaded = undefined;
}

function pdfjs(): Promise<PdfReader> {
  if (!loaded) {
    const p = loader();
    loaded = p;
    p.catch(() => {
      if (loaded === p) loaded = undefined; // a failed load may be retried
    });
  }
  return loaded;
}

/* ------------------------------------- link collection ------------------------------------- */

/**
 * A LinkCollector that keeps credential links only (`isCredentialLink` after the SDK's
 * normalisation), so that other links (profiles, e-mail, home pages) never use up the cap.
 */
export class CredentialCollector extends LinkCollector {
  /** Adds `raw` when it is a credential link; see LinkCollector.add. */
  override add(raw: string, text?: string, base: string | URL | undefined = this.base): SdkLink | undefined {
    const url = credentialLinkUrl(raw, base);
    return url === undefined ? undefined : super.add(url, text);
  }
}

/* ------------------------------------------ reading ------------------------------------------ */

/** Options for `pdfLinks` beyond the CV page's needs. */
export interface PdfLinksOptions {
  /** Time allowed for the whole file (default `PDF_TIMEOUT_MS`); past it: CvError 'unreadable'. */
  timeoutMs?: number;
}

/**
 * The credential links in a PDF, in document order, each with the text its link annotation covers
 * (the credential's title) when there is one. `onProgress(done, total)` is called once the file is
 * open (0 of the pages to read) and after each page. Throws CvError: 'too-large' (over 20 MB),
 * 'not-a-pdf' (no `%PDF-` header), 'encrypted' (a password is needed), 'unreadable' (damaged,
 * truncated, or past the deadline).
 */
export async function pdfLinks(bytes: Uint8Array, onProgress?: (done: number, total: number) => void, options: PdfLinksOptions = {}): Promise<FoundLink[]> {
  if (bytes.byteLength > MAX_CV_FILE_BYTES) {
    throw new CvError('too-large', `The PDF is ${mb(bytes.byteLength)} MB; at most ${mb(MAX_CV_FILE_BYTES)} MB are read.`);
  }
  if (!looksLikePdf(bytes)) throw new CvError('not-a-pdf', 'The file is not a PDF (no %PDF- header).');

  const deadline = Date.now() + (options.timeoutMs ?? PDF_TIMEOUT_MS);
  let lib: PdfReader;
  try {
    lib = await pdfjs();
  } catch (e) {
    throw new CvError('unreadable', `The PDF reader could not be loaded: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  let task: PdfLoadingTask;
  try {
    task = lib.pdfjs.getDocument(documentParams(bytes, lib.cMapUrl));
  } catch (e) {
    throw openError(e);
  }
  const links = new CredentialCollector(MAX_CV_LINKS);
  try {
    let doc: PdfDocument;
    try {
      doc = await beforeDeadline(task.promise, deadline);
    } catch (e) {
      throw openError(e);
    }
    const total = Math.min(doc.numPages, MAX_PDF_PAGES);
    onProgress?.(0, total);
    let failed = 0;
    let lastError: unknown;
    for (let n = 1; n <= total && !links.full; n++) {
      try {
        const page = await beforeDeadline(doc.getPage(n), deadline);
        await readPage(page, links, deadline);
        page.cleanup();
      } catch (e) {
        if (e instanceof CvError) throw e;
        failed++; // a damaged page: the others may still be fine
        lastError = e;
      }
      onProgress?.(n, total);
    }
    if (total === 0 || failed === total) {
      throw new CvError('unreadable', `The PDF's pages could not be read${lastError instanceof Error ? `: ${lastError.message}` : '.'}`, { cause: lastError });
    }
    return links.links.map((l) => (l.text === undefined ? { url: l.url } : { url: l.url, text: l.text }));
  } finally {
    void Promise.resolve()
      .then(() => task.destroy())
      .catch(() => undefined); // ends the worker (and any parsing still going on)
  }
}

/** pdfjs's options: no eval, no font faces, nothing fetched but the CMaps at `cMapUrl` (no standard fonts, wasm, ranges). */
function documentParams(bytes: Uint8Array, cMapUrl: string | undefined): PdfjsDocumentParams {
  return {
    ...(cMapUrl === undefined ? {} : { cMapUrl, cMapPacked: true }),
    data: bytes.slice(), // pdfjs transfers the buffer to its worker: never hand over the caller's
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0, // errors only: missing standard-font data is expected here
  };
}

/** Megabytes, one decimal, rounded up (so 20 MB + 1 byte does not read "20.0 MB"). */
function mb(n: number): string {
  const tenths = Math.ceil(n / (1024 * 1024 / 10));
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** Races `p` against the deadline; past it, CvError 'unreadable'. */
function beforeDeadline<T>(p: Promise<T>, deadline: number): Promise<T> {
  p.catch(() => undefined); // a late rejection (the task destroyed after the deadline) is expected
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new CvError('unreadable', 'Reading the PDF took too long.'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CvError('unreadable', 'Reading the PDF took too long.')), left);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Maps what pdfjs throws while opening a file to a CvError. */
function openError(e: unknown): CvError {
  if (e instanceof CvError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return new CvError('encrypted', 'The PDF is protected by a password.', { cause: e });
  if (/\bencrypt/i.test(message)) return new CvError('encrypted', `The PDF's encryption is not supported: ${message}`, { cause: e });
  return new CvError('unreadable', `The PDF could not be opened: ${message}`, { cause: e });
}

/* ------------------------------------------ one page ------------------------------------------ */

async function readPage(page: PdfPage, links: CredentialCollector, deadline: number): Promise<void> {
  const [annotations, content] = await beforeDeadline(
    Promise.all([page.getAnnotations({ intent: 'display' }), page.getTextContent({ includeMarkedContent: false })]),
    deadline,
  );
  const runs = content.items.map(toRun).filter((r): r is Run => r !== undefined);

  for (const { url, text } of annotationLinks(annotations, runs)) {
    links.add(url, text);
    if (links.full) return;
  }

  const lines = toLines(runs);
  const text = joinBrokenUrls(lines, columnRights(lines, page.view));
  links.addFromText(text);
  for (const url of findSchemelessUrls(text)) {
    if (links.full) return;
    links.add(url);
  }
}

function toRun(item: unknown): Run | undefined {
  const it = item as Partial<PdfTextItem> | null;
  if (!it || typeof it.str !== 'string' || !Array.isArray(it.transform) || it.transform.length < 6) return undefined;
  const [a, b, c, d, e, f] = it.transform as number[];
  if (![a, b, c, d, e, f].every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const horizontal = Math.abs(b!) < 1e-6 && Math.abs(c!) < 1e-6 && a! > 0 && d! > 0;
  const size = Math.hypot(c!, d!) || Math.abs(it.height ?? 0) || 1;
  const width = typeof it.width === 'number' && Number.isFinite(it.width) ? it.width : 0;
  return { str: it.str, x: e!, y: f!, right: e! + width, size, horizontal, eol: it.hasEOL === true };
}

/** Most characters of a link annotation's text collected (the SDK keeps 300). */
const MAX_ANNOTATION_TEXT = 1000;
/** Most link annotations looked at on one page. */
const MAX_ANNOTATIONS_PER_PAGE = 1000;

/* ------------------------------------------ annotations ------------------------------------------ */

/** An axis-aligned box in page space. */
type Box = [x1: number, y1: number, x2: number, y2: number];

/** One link annotation: its URL, where it is, and the text inside it. */
interface AnnotationLink {
  url: string;
  boxes: Box[];
  text: string;
}

/** The annotation's URL: pdfjs's validated `url`, or `unsafeUrl` when it is an absolute http(s) URL. */
function annotationUrl(a: Record<string, unknown>): string | undefined {
  if (typeof a.url === 'string' && a.url !== '') return a.url;
  if (typeof a.unsafeUrl === 'string' && /^\s*https?:\/\//i.test(a.unsafeUrl)) return normalizeLink(a.unsafeUrl);
  return undefined;
}

function boxesOf(a: Record<string, unknown>): Box[] {
  const q = a.quadPoints as ArrayLike<number> | null | undefined;
  const boxes: Box[] = [];
  if (q && typeof q.length === 'number' && q.length >= 8 && q.length % 8 === 0 && q.length <= 8 * 64) {
    for (let k = 0; k < q.length; k += 8) {
      const xs = [q[k]!, q[k + 2]!, q[k + 4]!, q[k + 6]!];
      const ys = [q[k + 1]!, q[k + 3]!, q[k + 5]!, q[k + 7]!];
      if ([...xs, ...ys].every(Number.isFinite)) boxes.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    }
  }
  if (boxes.length > 0) return boxes;
  const r = a.rect as ArrayLike<number> | undefined;
  if (r && r.length === 4 && [r[0], r[1], r[2], r[3]].every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return [[Math.min(r[0]!, r[2]!), Math.min(r[1]!, r[3]!), Math.max(r[0]!, r[2]!), Math.max(r[1]!, r[3]!)]];
  }
  return [];
}

/** The part of a run inside `box`: whole when it mostly is, else the characters over the box (proportionally). */
function textInBox(r: Run, box: Box): string | undefined {
  if (!r.horizontal || r.str === '') return undefined;
  const mid = r.y + 0.35 * r.size; // middle of the lower-case letters
  if (mid < box[1] || mid > box[3]) return undefined;
  const width = r.right - r.x;
  const overlap = Math.min(r.right, box[2]) - Math.max(r.x, box[0]);
  if (overlap <= 0) return undefined;
  if (width <= 0 || overlap >= 0.9 * width) return r.str;
  const n = r.str.length;
  const from = Math.max(0, Math.round(((Math.max(r.x, box[0]) - r.x) / width) * n));
  const to = Math.min(n, Math.round(((Math.min(r.right, box[2]) - r.x) / width) * n));
  return to > from ? r.str.slice(from, to) : undefined;
}

/**
 * The page's link annotations with http(s) URLs, in annotation order, each with the text inside
 * it. Consecutive annotations with the same URL stacked line under line (a wrapped title) become
 * one, their texts joined.
 */
function annotationLinks(annotations: unknown[], runs: Run[]): { url: string; text: string | undefined }[] {
  const found: AnnotationLink[] = [];
  let seen = 0;
  for (const raw of annotations) {
    if (!raw || typeof raw !== 'object') continue;
    const a = raw as Record<string, unknown>;
    if (a.subtype !== 'Link') continue;
    if (++seen > MAX_ANNOTATIONS_PER_PAGE) break;
    const url = annotationUrl(a);
    if (url === undefined) continue;
    const boxes = boxesOf(a);
    let text = '';
    for (const box of boxes) {
      let right = NaN;
      for (const r of runs) {
        if (text.length >= MAX_ANNOTATION_TEXT) break;
        const part = textInBox(r, box);
        if (part === undefined) continue;
        text = glue(text, right, { ...r, str: part.slice(0, MAX_ANNOTATION_TEXT - text.length) });
        right = r.right;
      }
      if (text !== '' && !/\s$/.test(text)) text += ' ';
    }
    const prev = found[found.length - 1];
    if (prev && prev.url === url && stacked(prev.boxes[prev.boxes.length - 1], boxes[0])) {
      prev.boxes.push(...boxes);
      prev.text = `${prev.text.trimEnd()} ${text}`.slice(0, 2 * MAX_ANNOTATION_TEXT);
    } else found.push({ url, boxes, text });
  }
  return found.map((l) => ({ url: l.url, text: titleText(l.text) }));
}

/** True when `below` is the next line under `above` (touching or nearly, overlapping horizontally). */
function stacked(above: Box | undefined, below: Box | undefined): boolean {
  if (!above || !below) return false;
  const h = above[3] - above[1];
  const gap = above[1] - below[3]; // positive: space between them
  const overlapX = Math.min(above[2], below[2]) - Math.max(above[0], below[0]);
  return h > 0 && gap > -0.5 * h && gap < 0.5 * h && overlapX > 0;
}

/** Link text worth showing as a title: not empty, and not the URL written out again. */
function titleText(text: string): string | undefined {
  const t = text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  if (t === '') return undefined;
  if (/^(?:https?:\/\/|www\.)\S*$/i.test(t) || /^(?:[a-z0-9-]+\.)+[a-z]{2,24}\/\S*$/i.test(t)) return undefined;
  return t;
}
