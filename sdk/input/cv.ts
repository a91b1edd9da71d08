/**
 * The CV input stage: a CV or a page (HTML, PDF, DOCX or plain text) yields many links, and the
 * credential links among them are what gets verified. No DOM, no PDF or Office library: each format
 * is read by a bounded single pass, every decompression is capped, and malformed input gives a
 * typed error (`bad-input`, `too-large`) or simply fewer links, never a crash.
 *
 *   const { kind, links } = extractLinks(bytes);                // kind sniffed from the bytes
 *   const credentials = links.filter((l) => isCredentialLink(l.url));
 */
import { CredLensError, isCredLensError } from '../errors.js';
import { scanDocx } from './docx-links.js';
import { isCredentialLink, LinkCollector, type FoundLink } from './links.js';
import { decodeEntities, readStartTag, skipPast } from './markup.js';
import { looksLikePdf, scanPdf } from './pdf-links.js';
import { findSchemelessUrls } from './text-lines.js';
import { looksLikeZip } from './zip.js';

export { isCredentialLink, normalizeLink, findUrlsInText, type FoundLink } from './links.js';

/** The kinds of document read. */
export type CvKind = 'html' | 'pdf' | 'docx' | 'text';

/** What a document yielded. */
export interface ExtractedLinks {
  kind: CvKind;
  /** Absolute http(s) links in document order, redirect wrappers unwrapped, without duplicates. */
  links: FoundLink[];
  /** True when a limit cut the scan short (more links, streams or text than read). */
  truncated?: boolean;
  /** Things a person should know about the result ("The PDF is encrypted ..."). */
  warnings?: string[];
}

/** Options for `extractLinks`. */
export interface ExtractOptions {
  /** Base URL for relative links in HTML (the page's address); a `<base href>` in the page wins. */
  baseUrl?: string;
}

/** Largest document read (bytes or characters). */
export const MAX_CV_BYTES = 50 * 1024 * 1024;
/** Most links returned. */
export const MAX_LINKS = 500;
/** Most characters of document text searched for written-out URLs. */
export const MAX_TEXT_CHARS = 16 * 1024 * 1024;
/** PDF limits: streams looked at, inflated bytes per stream and in total. */
export const PDF_LIMITS = { maxStreams: 4000, maxStreamBytes: 16 * 1024 * 1024, maxInflatedBytes: 64 * 1024 * 1024, maxTextChars: MAX_TEXT_CHARS };
/** DOCX limits: archive entries walked, uncompressed bytes per part and in total. */
export const DOCX_LIMITS = { maxEntries: 2000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/**
 * Finds the links in a CV or page. `hint` names the format; without it the format is sniffed
 * (`%PDF-` → pdf, a ZIP archive → docx, markup → html, otherwise text). Throws `too-large` for
 * input over 50 MB or an archive past its limits, `bad-input` for empty input or a file that is not
 * what the hint says.
 */
export function extractLinks(input: Uint8Array | string, hint?: CvKind, options: ExtractOptions = {}): ExtractedLinks {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size === 0) throw new CredLensError('bad-input', 'The document is empty.');
  if (size > MAX_CV_BYTES) throw new CredLensError('too-large', `The document is larger than ${MAX_CV_BYTES / (1024 * 1024)} MB.`);
  const kind = hint ?? detectCvKind(input);
  const links = new LinkCollector(MAX_LINKS, kind === 'html' ? validBase(options.baseUrl) : undefined);
  const warnings: string[] = [];
  let truncated = false;
  try {
    switch (kind) {
      case 'pdf': {
        if (typeof input === 'string') throw new CredLensError('bad-input', 'A PDF must be given as bytes, not text.');
        const r = scanPdf(input, PDF_LIMITS);
        for (const u of r.uris) links.add(u);
        for (const t of r.text) {
          links.addFromText(t);
          // "credly.com/badges/…" written without a scheme, as CVs often print them: credential links only
          for (const u of findSchemelessUrls(t)) if (isCredentialLink(u)) links.add(u);
        }
        truncated = r.truncated;
        if (r.encrypted) warnings.push('The PDF is encrypted: links inside it may not be readable.');
        break;
      }
      case 'docx': {
        if (typeof input === 'string') throw new CredLensError('bad-input', 'A DOCX must be given as bytes, not text.');
        if (!looksLikeZip(input)) throw new CredLensError('bad-input', 'The file is not a DOCX (not a ZIP archive).');
        scanDocx(input, links, DOCX_LIMITS, MAX_TEXT_CHARS);
        break;
      }
      case 'html':
        scanHtml(asText(input), links);
        break;
      case 'text':
        links.addFromText(capText(asText(input), () => (truncated = true)));
        break;
      default:
        throw new CredLensError('bad-input', `Unknown document kind "${String(kind)}".`);
    }
  } catch (e) {
    if (isCredLensError(e)) throw e;
    // A defect or an unexpected shape in hostile input: still a typed answer.
    throw new CredLensError('bad-input', `The ${kind.toUpperCase()} document could not be read: ${(e as Error)?.message ?? String(e)}`, { cause: e });
  }
  const out: ExtractedLinks = { kind, links: links.links };
  if (truncated || links.truncated) out.truncated = true;
  if (warnings.length > 0) out.warnings = warnings;
  return out;
}

/** Sniffs a document's kind from its first bytes. */
export function detectCvKind(input: Uint8Array | string): CvKind {
  if (typeof input !== 'string') {
    if (looksLikePdf(input)) return 'pdf';
    if (looksLikeZip(input)) return 'docx';
  }
  const head = (typeof input === 'string' ? input.slice(0, 4096) : new TextDecoder().decode(input.subarray(0, 4096))).replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('%PDF-')) return 'pdf';
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|!--)/i.test(head) || /<(?:a|div|p|section|span|table|ul)\b[^>]*>/i.test(head)) return 'html';
  return 'text';
}

function asText(input: Uint8Array | string): string {
  if (typeof input === 'string') return input;
  // UTF-8 first; CVs saved by older tools may be Latin-1, which UTF-8 decoding would garble into U+FFFD.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return new TextDecoder('windows-1252').decode(input);
  }
}

function capText(s: string, onCut: () => void): string {
  if (s.length <= MAX_TEXT_CHARS) return s;
  onCut();
  return s.slice(0, MAX_TEXT_CHARS);
}

function validBase(base: string | undefined): string | undefined {
  if (base === undefined) return undefined;
  try {
    const u = new URL(base);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/* ------------------------------------------ HTML ------------------------------------------ */

/** Elements whose content is raw text, not markup (their text is not searched either). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Most characters of one anchor's text kept while reading it. */
const MAX_ANCHOR_TEXT = 1000;

/**
 * `<a href>` links with their text, and URLs written in the page text, in document order. Relative
 * links resolve against `<base href>` or the collector's base; without one they are dropped.
 * Template contents count (a lazily inserted section is still in the page source).
 */
function scanHtml(html: string, links: LinkCollector): void {
  const src = html.length > MAX_TEXT_CHARS ? html.slice(0, MAX_TEXT_CHARS) : html;
  let base: string | undefined;
  let baseSet = false;
  let anchor: { link: FoundLink | undefined; text: string } | undefined;
  const closeAnchor = () => {
    if (anchor?.link && anchor.link.text === undefined) {
      const t = anchor.text.replace(/\s+/g, ' ').trim();
      if (t !== '') links.add(anchor.link.url, t);
    }
    anchor = undefined;
  };
  const text = (from: number, to: number) => {
    if (to <= from) return;
    const raw = src.slice(from, to);
    const t = raw.includes('&') ? decodeEntities(raw, 'html') ?? raw : raw;
    if (anchor && anchor.text.length < MAX_ANCHOR_TEXT) anchor.text += t;
    if (t.includes('://')) links.addFromText(t);
  };
  let i = 0;
  while (i < src.length && !links.full) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      text(i, src.length);
      break;
    }
    text(i, lt);
    if (src.startsWith('<!--', lt)) {
      const end = skipPast(src, lt + 4, '-->');
      if (end < 0) break;
      i = end;
      continue;
    }
    if (src[lt + 1] === '/') {
      const gt = src.indexOf('>', lt);
      if (gt < 0) break;
      if (/^\/a\s*$/i.test(src.slice(lt + 1, gt).slice(0, 8))) closeAnchor();
      i = gt + 1;
      continue;
    }
    if (src[lt + 1] === '!' || src[lt + 1] === '?') {
      const gt = src.indexOf('>', lt);
      if (gt < 0) break;
      i = gt + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(src[lt + 1] ?? '')) {
      text(lt, lt + 1);
      i = lt + 1;
      continue;
    }
    const tag = readStartTag(src, lt, 'html');
    if (!tag) {
      // The name ran into another '<' (move on), or the page ended inside a tag (stop).
      if (/^<[^\s>/]*</.test(src.slice(lt, lt + 256))) {
        i = lt + 1;
        continue;
      }
      break;
    }
    i = tag.end;
    if (tag.name === 'base' && !baseSet) {
      baseSet = true;
      const href = tag.attrs.get('href');
      if (href !== undefined) base = resolveBase(decodeEntities(href, 'html') ?? href, links);
    } else if (tag.name === 'a') {
      closeAnchor(); // anchors do not nest: a new one closes the open one
      const href = tag.attrs.get('href');
      const link = href === undefined ? undefined : links.add(decodeEntities(href, 'html') ?? href, undefined, base ?? links.base);
      anchor = { link, text: '' };
      if (tag.selfClosing) closeAnchor();
    } else if (RAW_TEXT.has(tag.name) && !tag.selfClosing) {
      const end = closingTag(src, tag.end, tag.name);
      if (end < 0) break;
      i = end;
    }
  }
  closeAnchor();
}

function resolveBase(href: string, links: LinkCollector): string | undefined {
  try {
    const given = links.base;
    const u = given === undefined ? new URL(href) : new URL(href, given);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : given?.toString();
  } catch {
    return links.base?.toString();
  }
}

/** Index just after `</name ...>` (case-insensitive) at or after `from`, or -1. */
function closingTag(src: string, from: number, name: string): number {
  for (let k = src.indexOf('</', from); k >= 0; k = src.indexOf('</', k + 2)) {
    if (src.slice(k + 2, k + 2 + name.length).toLowerCase() === name) {
      const c = src[k + 2 + name.length];
      if (c === undefined || c === '>' || c === '/' || /\s/.test(c)) {
        const gt = src.indexOf('>', k);
        return gt < 0 ? -1 : gt + 1;
      }
    }
  }
  return -1;
}
