/**
 * Discovery on a generic HTML page (a URL that answered text/html and is not a known platform):
 * machine-readable alternates announced with `<link rel="alternate" type=...>`, and credentials
 * embedded in `<script type="application/ld+json">`. A single bounded pass, no DOM.
 */
import { asArray, isObject, parseJson } from '../util/json.js';
import { decodeEntities, readStartTag, skipPast } from './markup.js';

/** What a page offers. */
export interface Discovered {
  /** Absolute http(s) URLs of alternate representations, in document order, without duplicates. */
  alternates: string[];
  /** Embedded JSON values that look like credentials, in document order. */
  embedded: unknown[];
}

/** Only this much of a page is scanned (characters). */
export const MAX_HTML_SCAN = 10 * 1024 * 1024;
const MAX_ALTERNATES = 20;
const MAX_EMBEDDED = 20;
const MAX_SCRIPT_CHARS = 2 * 1024 * 1024;

/** Media types of `<link rel="alternate">` worth fetching. */
const ALTERNATE_TYPES = new Set([
  'application/ld+json',
  'application/json',
  'application/vc+ld+json',
  'application/vc',
  'application/vc+jwt',
  'application/jwt',
]);
/** Script types that may hold an embedded credential. */
const SCRIPT_TYPES = new Set(['application/ld+json', 'application/vc+ld+json', 'application/vc']);
/** Elements whose content is raw text (markup inside them is not markup). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

const CREDENTIAL_TYPES = new Set([
  'VerifiableCredential',
  'OpenBadgeCredential',
  'AchievementCredential',
  'EndorsementCredential',
  'ClrCredential',
  'VerifiablePresentation',
]);

/**
 * Finds credential links and embedded credentials in an HTML page. `baseUrl` is the page's URL
 * (after redirects); a `<base href>` in the page takes precedence for resolving links.
 */
export function discoverFromHtml(html: string, baseUrl: string): Discovered {
  const src = html.length > MAX_HTML_SCAN ? html.slice(0, MAX_HTML_SCAN) : html;
  const alternates: string[] = [];
  const embedded: unknown[] = [];
  let base = toUrl(baseUrl);
  let baseSet = false;
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) break;
    if (src.startsWith('<!--', lt)) {
      const end = skipPast(src, lt + 4, '-->');
      if (end < 0) break;
      i = end;
      continue;
    }
    if (!/[A-Za-z]/.test(src[lt + 1] ?? '')) {
      i = lt + 1;
      continue;
    }
    const tag = readStartTag(src, lt, 'html');
    if (!tag) {
      // Either the name ran into another '<' (move on) or the page ended inside a tag (stop):
      // never rescan the same tail, so hostile pages stay linear.
      if (src[nameEnd(src, lt + 1)] === '<') {
        i = lt + 1;
        continue;
      }
      break;
    }
    i = tag.end;
    if (tag.name === 'base' && !baseSet) {
      const href = attr(tag.attrs, 'href');
      if (href !== undefined) {
        base = toUrl(href, base) ?? base;
        baseSet = true;
      }
    } else if (tag.name === 'link') {
      const rel = (tag.attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      const type = mediaType(tag.attrs.get('type'));
      const href = attr(tag.attrs, 'href');
      if (rel.includes('alternate') && ALTERNATE_TYPES.has(type) && href !== undefined && alternates.length < MAX_ALTERNATES) {
        const u = toUrl(href, base);
        if (u && (u.protocol === 'https:' || u.protocol === 'http:') && !alternates.includes(u.href)) alternates.push(u.href);
      }
    }
    if (RAW_TEXT.has(tag.name) && !tag.selfClosing) {
      const close = findClose(src, tag.end, tag.name);
      const content = src.slice(tag.end, close.start);
      i = close.end;
      if (tag.name === 'script' && SCRIPT_TYPES.has(mediaType(tag.attrs.get('type'))) && content.length <= MAX_SCRIPT_CHARS) {
        for (const v of credentialsIn(content)) if (embedded.length < MAX_EMBEDDED) embedded.push(v);
      }
    }
  }
  return { alternates, embedded };
}

function nameEnd(src: string, from: number): number {
  let j = from;
  while (j < src.length && !/[\s>/<]/.test(src[j]!)) j++;
  return j;
}

function attr(attrs: Map<string, string>, name: string): string | undefined {
  const v = attrs.get(name);
  if (v === undefined) return undefined;
  return (decodeEntities(v, 'html') ?? v).trim();
}

function mediaType(v: string | undefined): string {
  return (v ?? '').split(';')[0]!.trim().toLowerCase();
}

function toUrl(href: string, base?: URL): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** Finds `</name` (any case) from `from`; the raw text runs to the end of the page if it is missing. */
function findClose(src: string, from: number, name: string): { start: number; end: number } {
  const re = new RegExp(`</${name}[\\s/>]`, 'gi');
  re.lastIndex = from;
  const m = re.exec(src);
  if (!m) return { start: src.length, end: src.length };
  const gt = src.indexOf('>', m.index);
  return { start: m.index, end: gt < 0 ? src.length : gt + 1 };
}

/** The JSON values in a script block that look like credentials (top level or a top-level array). */
function credentialsIn(content: string): unknown[] {
  const text = content.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return [];
  let value: unknown;
  try {
    value = parseJson(text, 'An embedded JSON-LD block');
  } catch {
    return []; // pages carry all sorts of broken JSON-LD; it is simply not a credential
  }
  return (Array.isArray(value) ? value : [value]).filter(looksLikeCredential);
}

/** True for a JSON object with `@context` and a credential or OB 2.0 assertion type. */
export function looksLikeCredential(v: unknown): boolean {
  if (!isObject(v) || v['@context'] === undefined) return false;
  const types = [...asArray(v.type as unknown), ...asArray(v['@type'] as unknown)].filter((t): t is string => typeof t === 'string');
  if (types.some((t) => CREDENTIAL_TYPES.has(t))) return true;
  const ctx = JSON.stringify(v['@context']);
  return types.includes('Assertion') && /openbadges/i.test(ctx);
}
