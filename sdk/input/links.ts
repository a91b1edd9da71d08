/**
 * Links found in documents: normalising them (absolute http(s), redirect wrappers unwrapped,
 * duplicates dropped, order kept), finding bare URLs in text, and telling credential links from
 * every other link a CV or profile carries. Pure functions, no I/O.
 */
import { resolvePlatformUrl } from './platforms.js';
import { MAX_UNWRAP, unwrapRedirect, wrappedTarget } from './redirect.js';

/** One link found in a document. */
export interface FoundLink {
  /** Absolute http(s) URL, redirect wrappers removed. */
  url: string;
  /** The visible text the link was attached to (anchor text, hyperlink run), when there is one. */
  text?: string;
}

/** Longest URL kept (characters). */
export const MAX_URL_LENGTH = 4096;
/** Longest link text kept (characters); `cleanLinkText` clips to it. */
export const MAX_LINK_TEXT = 300;

/**
 * Turns a raw href into the URL it stands for: resolved against `base` when given, http(s) only,
 * without user:password, redirect wrappers (LinkedIn, Google, Outlook) unwrapped. Undefined for
 * anything else (mailto:, javascript:, relative links without a base, malformed URLs).
 */
export function normalizeLink(raw: string, base?: string | URL): string | undefined {
  return normalizedUrl(raw, base)?.href;
}

// normalizeLink, answering the parsed URL (isCredentialLink then needs no second parse).
function normalizedUrl(raw: string, base?: string | URL): URL | undefined {
  const trimmed = raw.replace(/^[\u0000-\u0020\u00a0\ufeff]+|[\u0000-\u0020\u00a0\ufeff]+$/g, '');
  if (trimmed === '' || trimmed.length > MAX_URL_LENGTH) return undefined;
  let u: URL;
  try {
    u = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (u.username || u.password || u.hostname === '') return undefined;
  // Most links are not wrapped: tell so from the parsed URL before unwrapping parses again. The
  // first level is unwrapped here, so the rest get one level less (the same depth as unwrapRedirect).
  const first = wrappedTarget(u);
  if (first === undefined) return u;
  try {
    const t = new URL(unwrapRedirect(first, MAX_UNWRAP - 1));
    if ((t.protocol !== 'https:' && t.protocol !== 'http:') || t.username || t.password) return undefined;
    return t.href.length > MAX_URL_LENGTH ? undefined : t;
  } catch {
    return undefined;
  }
}

/** Collapses white space and trims link text; undefined when nothing is left. */
export function cleanLinkText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  if (t === '') return undefined;
  return t.length > MAX_LINK_TEXT ? t.slice(0, MAX_LINK_TEXT - 1) + '…' : t;
}

/**
 * Collects links in order, without duplicates (the same URL twice keeps its first place and gains
 * the first non-empty text), up to `max` links.
 */
export class LinkCollector {
  readonly links: FoundLink[] = [];
  /** True once a link was refused because the collector was full. */
  truncated = false;
  private readonly seen = new Map<string, FoundLink>();

  /**
   * @param max most links kept
   * @param base base URL for relative links (none: relative links are dropped)
   */
  constructor(
    private readonly max: number,
    readonly base?: string | URL,
  ) {}

  /** True when no further link fits. */
  get full(): boolean {
    return this.links.length >= this.max;
  }

  /** Adds a raw href (resolved against the base); returns the stored link, or undefined when refused. */
  add(raw: string, text?: string, base: string | URL | undefined = this.base): FoundLink | undefined {
    const url = normalizeLink(raw, base);
    if (url === undefined) return undefined;
    const existing = this.seen.get(url);
    const clean = cleanLinkText(text);
    if (existing) {
      if (existing.text === undefined && clean !== undefined) existing.text = clean;
      return existing;
    }
    if (this.full) {
      this.truncated = true;
      return undefined;
    }
    const link: FoundLink = clean === undefined ? { url } : { url, text: clean };
    this.links.push(link);
    this.seen.set(url, link);
    return link;
  }

  /** Adds every http(s) URL written out in `text`. */
  addFromText(text: string): void {
    for (const url of findUrlsInText(text)) {
      if (this.add(url) === undefined && this.full) return;
    }
  }
}

// A URL written out in text: scheme, then anything up to white space or a character that cannot
// appear unescaped in a URL (an apostrophe can, in paths: it is trimmed only at the end). A single
// character class, so matching stays linear.
const URL_IN_TEXT = /https?:\/\/[^\s<>"`{}|\\^\u00a0\u2000-\u200f\u2028-\u202f\u3000]+/giu;
/** Sentence punctuation that ends a sentence, not a URL. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '»', '«', '›', '‹', '…', '*', '_', '~']);

/** Bare http(s) URLs in plain text, in order, trailing punctuation and unbalanced brackets trimmed. */
export function findUrlsInText(text: string): string[] {
  const out: string[] = [];
  URL_IN_TEXT.lastIndex = 0;
  for (let m = URL_IN_TEXT.exec(text); m !== null; m = URL_IN_TEXT.exec(text)) {
    const url = m[0];
    if (url.length > MAX_URL_LENGTH) continue;
    // Trim sentence punctuation and closing brackets that do not belong to the URL:
    // "(see https://x.org/a)." → https://x.org/a, but https://x.org/A_(b) keeps its bracket.
    let parens = 0;
    let squares = 0;
    for (const ch of url) {
      if (ch === '(') parens++;
      else if (ch === ')') parens--;
      else if (ch === '[') squares++;
      else if (ch === ']') squares--;
    }
    let end = url.length;
    while (end > 0) {
      const ch = url[end - 1]!;
      if (TRAILING.has(ch)) end--;
      else if (ch === ')' && parens < 0) {
        parens++;
        end--;
      } else if (ch === ']' && squares < 0) {
        squares++;
        end--;
      } else break;
    }
    const trimmed = url.slice(0, end);
    if (/^https?:\/\/[^/?#]/i.test(trimmed)) out.push(trimmed);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Which links are credentials                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** Path segments that name a credential collection; the segment after them is taken as the id. */
const CREDENTIAL_SEGMENTS = new Set([
  'credential', 'credentials', 'badge', 'badges', 'assertion', 'assertions', 'badge-assertions', 'badge_assertions',
  'open-badges', 'openbadges', 'open_badge_credentials', 'open-badge-credentials', 'ob2', 'ob3', 'obi',
  'certificate', 'certificates', 'certification', 'certifications', 'achievement', 'achievements',
  'diploma', 'diplomas', 'microcredential', 'microcredentials', 'micro-credential', 'micro-credentials',
  'vc', 'vcs', 'verifiable-credentials', 'verify', 'verification',
]);

/** First host labels that mark a credential host ("badges.example.org/<id>"). */
const CREDENTIAL_HOST_LABELS = new Set(['badges', 'badge', 'credentials', 'credential', 'certificates', 'certs', 'verify', 'verification', 'diplomas']);

/** Query parameters that carry a credential id on a credential-named endpoint ("/verify?id=..."). */
const ID_PARAMS = new Set(['id', 'credential', 'credentialid', 'badge', 'assertion', 'cert', 'certid', 'uuid', 'code']);

/** Files that are machine-readable credentials by their extension. */
const CREDENTIAL_EXT = /\.(?:json|jsonld|jwt|jws)$/i;

/** Files that never are (documents, plain images outside a badge path, media, archives, code). */
const NEVER_EXT = /\.(?:pdf|jpe?g|gif|webp|bmp|ico|tiff?|css|js|mjs|mp[34]|mov|avi|webm|zip|gz|docx?|xlsx?|pptx?|odt|txt|csv|xml|rss|atom)$/i;

/** Hosts whose links are profiles, posts, repositories or searches, never credentials (unless a known platform shape matched first). */
const NEVER_HOSTS: ReadonlySet<string> = new Set([
  'linkedin.com', 'lnkd.in', 'facebook.com', 'fb.com', 'twitter.com', 'x.com', 't.co', 'instagram.com', 'youtube.com', 'youtu.be',
  'github.com', 'gitlab.com', 'bitbucket.org', 'xing.com', 'orcid.org', 'researchgate.net', 'medium.com', 'wa.me', 't.me',
  'google.com', 'goo.gl', 'bit.ly', 'calendly.com', 'wikipedia.org',
]);

/** Paths that name well-known resources, not credentials. */
const NEVER_PATHS = /^\/(?:\.well-known\/|(?:manifest|package|composer|site|app)\.json$|favicon|robots\.txt$|sitemap)/i;

/**
 * True when `url` is worth verifying as a credential. Deliberately conservative, in this order:
 *
 * 1. Only http(s) URLs without user:password; redirect wrappers (LinkedIn `/redir/redirect?url=`, ...)
 *    are unwrapped first.
 * 2. Known platform shapes (`resolvePlatform`: Credly, Badgr / Canvas Credentials, Open Badge Factory,
 *    Europass share links, Accredible, Coursera, edX, Microsoft Learn, LinkedIn Learning) are
 *    credential links, verifiable or not (unverifiable ones get advice from `verify`).
 * 3. Never: social and profile hosts (LinkedIn profiles and company pages, GitHub, X, ...), link
 *    shorteners (what they point to is unknown without fetching), well-known files
 *    (`/.well-known/...`, `manifest.json`), and documents or media (`.pdf`, `.jpg`, `.docx`, ...).
 * 4. Machine-readable credential files: a last path segment ending in `.json`, `.jsonld`, `.jwt`, `.jws`.
 * 5. A credential-named path segment (credential(s), badge(s), assertion(s), certificate(s),
 *    certification(s), achievement(s), diploma(s), micro-credential(s), vc, verify, ob2/ob3 ...)
 *    followed by at least one more segment (the id), or last with an id query parameter
 *    (`/verify?id=...`).
 * 6. A credential-named host (`badges.`, `credentials.`, `verify.`, `certs.` ...) with a non-empty path.
 *
 * Everything else is not a credential link: home pages, course catalogues (`/certificates` alone),
 * mailto:, tel:, images outside badge paths.
 */
export function isCredentialLink(url: string): boolean {
  return credentialLinkUrl(url) !== undefined;
}

/**
 * `normalizeLink` and `isCredentialLink` in one step, parsing once: the normalised URL when `raw`
 * (resolved against `base`) is a credential link, else undefined. Page scans call this per link.
 */
export function credentialLinkUrl(raw: string, base?: string | URL): string | undefined {
  const u = normalizedUrl(raw, base);
  return u !== undefined && isCredentialUrl(u) ? u.href : undefined;
}

/** The rules of `isCredentialLink` for a URL already normalised (http(s), unwrapped). */
function isCredentialUrl(u: URL): boolean {
  if (resolvePlatformUrl(u)) return true;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (isNeverHost(host)) return false;
  if (NEVER_PATHS.test(u.pathname)) return false;
  const segments = u.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => safeDecode(s).toLowerCase());
  const last = segments[segments.length - 1] ?? '';
  const keywordAt = segments.findIndex((s) => CREDENTIAL_SEGMENTS.has(s.replace(/\.(?:json|html?)$/, '')));
  const inBadgePath = keywordAt >= 0 || CREDENTIAL_HOST_LABELS.has(host.split('.')[0] ?? '');
  if (NEVER_EXT.test(last)) return false;
  if (/\.(?:png|svg)$/i.test(last)) return inBadgePath; // baked badge images live under badge paths
  if (CREDENTIAL_EXT.test(last)) return true;
  if (keywordAt >= 0 && keywordAt < segments.length - 1) return true;
  if (keywordAt >= 0 && keywordAt === segments.length - 1) {
    for (const [k, v] of u.searchParams) if (ID_PARAMS.has(k.toLowerCase()) && v.trim() !== '') return true;
    return false;
  }
  return CREDENTIAL_HOST_LABELS.has(host.split('.')[0] ?? '') && segments.length > 0;
}

/** True when `host` is one of NEVER_HOSTS or under one (looked up suffix by suffix, not scanned). */
function isNeverHost(host: string): boolean {
  for (let at = 0; ; ) {
    if (NEVER_HOSTS.has(host.slice(at))) return true;
    const dot = host.indexOf('.', at);
    if (dot < 0) return false;
    at = dot + 1;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
