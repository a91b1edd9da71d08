/**
 * Finding credential links in a page. Runs in the content script on every batch of DOM changes,
 * so it is built for speed: one `querySelectorAll`, a substring test on the raw href before any URL
 * parsing, text read with `textContent` only (never `innerText`, `getComputedStyle` or
 * `getBoundingClientRect`, which force layout), and titles looked up only for the links returned.
 *
 * What counts as a credential link (see selectors.ts for every pattern):
 * - its href, with LinkedIn / Google / Outlook redirect wrappers unwrapped, passes the SDK's
 *   `isCredentialLink` (Credly, Badgr, Accredible, ... and credential-shaped URLs), or
 * - its visible text (or accessible name) is a "Show credential" phrase and it leads off LinkedIn.
 * Class names are never read.
 */
import { cleanLinkText, credentialLinkUrl, normalizeLink } from '../../../sdk/input/links.js';
import { BoundedMap } from '../../../sdk/util/bounded-map.js';
import {
  ABSOLUTE_HREF,
  ANCHOR_SELECTOR,
  ENTITY_BOUNDARY_TAGS,
  ENTITY_TAG,
  GENERIC_LABELS,
  GENERIC_LABEL_PATTERN,
  HEADING_SELECTOR,
  HREF_KEYWORDS,
  HTML_NS,
  LINKEDIN_ABSOLUTE,
  LINKEDIN_CREDENTIAL_PATH,
  LINKEDIN_HOST,
  LINKEDIN_PAGE_ANCHOR_SELECTOR,
  LINKEDIN_WRAPPER_PATH,
  MAX_ENTITY_LEVELS,
  MAX_PHRASE_TEXT,
  NON_TITLE_ELEMENTS,
  NON_TITLE_ROLES,
  NON_WEB_HREF,
  SHOW_CREDENTIAL_ARIA_PREFIXES,
  SHOW_CREDENTIAL_PHRASES,
  SHOW_CREDENTIAL_SUBSTRING,
  URL_LIKE_TEXT,
  WEB_URL_START,
  WRAPPER_TARGET_PARAM,
} from './selectors.js';

/** A credential link found in the page. */
export interface DetectedLink {
  /** The host page's anchor (the badge goes next to it). */
  anchor: HTMLAnchorElement;
  /** The credential URL, redirect wrappers removed (what is verified). */
  url: string;
  /** The certification's title when the page shows one (never "Show credential"). */
  text?: string;
  /**
   * With `{ titles: false }`: reads the title later (the same answer `text` would have held).
   * Absent when the title was read already, or is needed to choose the link and so is in `text`.
   */
  readTitle?: () => string | undefined;
}

/** How `findCredentialLinks` works. */
export interface FindOptions {
  /**
   * Read each link's title now (default). False leaves it to `readTitle`, for a first scan that
   * places badges and asks for verdicts before spending time on titles.
   */
  titles?: boolean;
}

// Anchors already given a badge. A WeakSet, so the host DOM keeps no trace of us (no attribute
// LinkedIn's own scripts could trip over) and removed anchors are collected.
const handled = new WeakSet<Element>();

/** Remembers that `a` already has its badge; later scans skip it. Leaves the host DOM untouched. */
export function markHandled(a: HTMLAnchorElement): void {
  handled.add(a);
}

/** True when `a` was marked with `markHandled`. */
export function isHandled(a: HTMLAnchorElement): boolean {
  return handled.has(a);
}

/**
 * What an anchor's href says, worked out once per href (URL parsing is the expensive part of a scan):
 * a credential URL, never a credential, or "a credential only if its text says so" (with the
 * external target, parsed on first need: null when the target stays on LinkedIn or is not a URL).
 */
type HrefVerdict = { kind: 'credential'; url: string } | { kind: 'never' } | { kind: 'text'; target?: string | null };

// Rescans run on every batch of DOM changes and meet the same anchors again: the verdict is kept
// per anchor and reused while its href attribute is unchanged (the text is read again each time).
const verdicts = new WeakMap<Element, { href: string; verdict: HrefVerdict }>();

// The same hrefs come back on new anchors when LinkedIn re-renders a section or the SPA returns to
// a page: verdicts are also kept by href, up to a bound (the oldest forgotten first).
const MAX_HREF_CACHE = 5000;
const byHref = new BoundedMap<string, HrefVerdict>(MAX_HREF_CACHE);

interface Candidate {
  anchor: HTMLAnchorElement;
  url: string;
  /** Nearest list item around the anchor (its entity or a sub-list of it). */
  item: Element | undefined;
  /** Computed on demand: is this the "Show credential" button? */
  phrase?: boolean;
}

/**
 * Finds credential links under `root`, in document order. Skips anchors already marked as handled
 * (see `markHandled`). `baseUrl` resolves relative hrefs
 * (the page's URL). The same URL in two places (Featured and the certifications section) gives two
 * links; within one certification (a title link and its "Show credential" button to the same URL)
 * only the button is returned, so each certification gets one badge.
 */
export function findCredentialLinks(root: ParentNode, baseUrl: string, options: FindOptions = {}): DetectedLink[] {
  const titles = options.titles !== false;
  const baseIsLinkedIn = isLinkedInUrl(baseUrl);
  const anchors = root.querySelectorAll(baseIsLinkedIn ? LINKEDIN_PAGE_ANCHOR_SELECTOR : ANCHOR_SELECTOR);
  const byUrl = new Map<string, Candidate[][]>();
  const groups: Candidate[][] = [];
  for (let i = 0; i < anchors.length; i++) {
    const el = anchors[i]!;
    if (el.namespaceURI !== HTML_NS) continue; // SVG <a>
    const a = el as HTMLAnchorElement;
    const url = classify(a, baseUrl, baseIsLinkedIn);
    if (url === undefined) continue;
    const c: Candidate = { anchor: a, url, item: nearestItem(a) };
    // One certification may link its title and its "Show credential" button to the same URL:
    // those two are one group (one badge); the same URL elsewhere on the page is a new group.
    let list = byUrl.get(url);
    if (!list) byUrl.set(url, (list = []));
    const group = list.find((g) => g.some((o) => sameEntity(o, c)));
    if (group) group.push(c);
    else {
      const g = [c];
      list.push(g);
      groups.push(g);
    }
  }
  const out: DetectedLink[] = [];
  for (const g of groups) {
    // A group whose badge was already placed (on any of its anchors) stays done.
    if (g.some((c) => handled.has(c.anchor))) continue;
    const { anchor, url, text } = pickOne(g, titles);
    if (typeof text === 'function') out.push({ anchor, url, readTitle: text });
    else out.push(text === undefined ? { anchor, url } : { anchor, url, text });
  }
  // Groups were made in order of their first anchor; the pick may be a later one.
  if (out.length > 1) out.sort((x, y) => order(x.anchor, y.anchor));
  return out;
}

/**
 * One link per group: the "Show credential" button when there is one (where LinkedIn's own UI puts
 * the credential), else the first link that carries a title (a post's preview card rather than the
 * bare URL above it), else the first. The title is the pick's, or any other member's.
 */
function pickOne(g: Candidate[], now: boolean): { anchor: HTMLAnchorElement; url: string; text: string | undefined | (() => string | undefined) } {
  const titles = new Map<Candidate, string | undefined>();
  const title = (c: Candidate) => {
    if (!titles.has(c)) titles.set(c, titleFor(c.anchor));
    return titles.get(c);
  };
  // Without a "Show credential" button, choosing the link needs the titles (a post's preview card
  // over the bare URL above it), so they are read now whatever `now` says.
  const phrase = g.length === 1 ? g[0] : g.find((c) => (c.phrase ??= isShowCredential(c.anchor)));
  const pick = phrase ?? g.find((c) => title(c) !== undefined) ?? g[0]!;
  const groupTitle = () => {
    let text = title(pick);
    for (let i = 0; text === undefined && i < g.length; i++) text = title(g[i]!);
    return text;
  };
  return { anchor: pick.anchor, url: pick.url, text: now || phrase === undefined ? groupTitle() : groupTitle };
}

/** The credential URL `a` points to, or undefined when it is not a credential link. */
function classify(a: HTMLAnchorElement, base: string, baseIsLinkedIn: boolean): string | undefined {
  const raw = a.getAttribute('href');
  if (raw === null) return undefined;
  let entry = verdicts.get(a);
  if (entry === undefined || entry.href !== raw) {
    // Relative hrefs mean different things on different pages.
    const key = ABSOLUTE_HREF.test(raw) ? raw : `${base}\u0000${raw}`;
    let verdict = byHref.get(key);
    if (verdict === undefined) {
      verdict = analyseHref(raw, base, baseIsLinkedIn);
      byHref.set(key, verdict);
    }
    entry = { href: raw, verdict };
    verdicts.set(a, entry);
  }
  const v = entry.verdict;
  if (v.kind === 'credential') return v.url;
  if (v.kind === 'never' || !isShowCredential(a)) return undefined;
  if (v.target === undefined) {
    const url = normalizeLink(raw, base);
    // a wrapper that could not be unwrapped stays on LinkedIn, and LinkedIn is not a credential host
    v.target = url === undefined || isLinkedInUrl(url) ? null : url;
  }
  return v.target ?? undefined;
}

/**
 * The href part of the rules, cheapest tests first: only hrefs that pass a substring test are
 * parsed. LinkedIn's own links are ruled out without parsing (except LinkedIn Learning
 * certificates); for LinkedIn's redirect wrappers, only the wrapped target is tested, because the
 * wrapper's tracking parameters ("trk=public_profile_certification-title") name certifications too.
 */
function analyseHref(raw: string, base: string, baseIsLinkedIn: boolean): HrefVerdict {
  const href = raw.trim();
  if (href === '' || NON_WEB_HREF.test(href)) return { kind: 'never' };
  let test: string;
  if (LINKEDIN_WRAPPER_PATH.test(href)) {
    const m = WRAPPER_TARGET_PARAM.exec(href);
    const target = m === null ? '' : percentDecode(m[1]!);
    if (!WEB_URL_START.test(target)) return { kind: 'never' }; // nothing to unwrap: the link stays on LinkedIn
    test = target;
  } else if (ABSOLUTE_HREF.test(href) ? LINKEDIN_ABSOLUTE.test(href) : baseIsLinkedIn) {
    if (!LINKEDIN_CREDENTIAL_PATH.test(href)) return { kind: 'never' };
    test = href;
  } else {
    test = href;
  }
  if (!mayBeCredentialHref(test)) return { kind: 'text' };
  // An absolute target (a wrapper's, or the href itself) is judged on its own: the title link and
  // the "Show credential" button of one certification wrap the same target with different
  // tracking parameters, and URL parsing is most of a scan's cost.
  if (WEB_URL_START.test(test)) {
    let verdict = byTarget.get(test);
    if (verdict === undefined) {
      const url = credentialLinkUrl(test);
      verdict = url !== undefined ? { kind: 'credential', url } : { kind: 'text' };
      byTarget.set(test, verdict);
    }
    return verdict.kind === 'credential' ? verdict : { kind: 'text' };
  }
  const url = credentialLinkUrl(href, base);
  return url !== undefined ? { kind: 'credential', url } : { kind: 'text' };
}

// Verdicts by absolute target URL (see analyseHref), bounded like byHref.
const byTarget = new BoundedMap<string, HrefVerdict>(MAX_HREF_CACHE);

/** Decodes %XX escapes byte by byte (never throws; only ASCII keywords are looked for). */
function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // a stray "%" or a broken UTF-8 sequence: decode what can be decoded
    return s.replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Substring prefilter; percent-encoded targets (nested wrappers) are decoded first. */
function mayBeCredentialHref(href: string): boolean {
  let s = href;
  // Nested wrappers encode again at each level: a few rounds cover LinkedIn → Google → target.
  for (let round = 0; round < 4; round++) {
    if (HREF_KEYWORDS.test(s)) return true;
    const next = percentDecode(s);
    if (next === s) return false;
    s = next;
  }
  return false;
}

function isLinkedInUrl(url: string): boolean {
  try {
    return LINKEDIN_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** True when the anchor is LinkedIn's "Show credential" button, by its visible text or its accessible name. */
export function isShowCredential(a: Element): boolean {
  const label = a.getAttribute('aria-label');
  if (label !== null && label.length <= MAX_PHRASE_TEXT * 4 && SHOW_CREDENTIAL_SUBSTRING.test(label)) {
    const l = normalisePhrase(label);
    // "Show credential for <title>"
    if (SHOW_CREDENTIAL_ARIA_PREFIXES.some((p) => l === p || l.startsWith(p + ' '))) return true;
  }
  // Most links say something else: one native textContent and one substring test rule them out.
  const raw = a.textContent ?? '';
  if (raw.length > MAX_PHRASE_TEXT * 4 || !SHOW_CREDENTIAL_SUBSTRING.test(raw)) return false;
  const text = a.firstElementChild === null ? raw : visibleText(a, MAX_PHRASE_TEXT * 2 + 2);
  if (text.length > MAX_PHRASE_TEXT * 2 + 1) return false;
  return SHOW_CREDENTIAL_PHRASES.has(undouble(normalisePhrase(text)));
}

/** Lower case, white space collapsed, decoration (arrows, ellipses, punctuation) trimmed off the ends. */
function normalisePhrase(s: string): string {
  const collapsed = s.replace(/[\s\u00a0\u200b]+/g, ' ');
  // Most texts start and end with an ASCII letter or digit once trimmed ("Show credential"): the
  // Unicode test (a regular expression that takes a page's first scan most of a millisecond to
  // compile) is needed only when they do not.
  const t = collapsed.trim();
  if (isAsciiAlnum(t.charCodeAt(0)) && isAsciiAlnum(t.charCodeAt(t.length - 1))) return t.toLowerCase();
  return collapsed.slice(...letterSpan(collapsed)).toLowerCase();
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

// A negated Unicode class (`[^\p{L}\p{N}]`) takes V8 ~18 ms to compile on a page's first scan;
// the positive class is cheap, so the ends are found with it instead.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Start and end of the part of `s` from its first to its last letter or digit (empty when none). */
function letterSpan(s: string): [number, number] {
  let start = 0;
  while (start < s.length && !LETTER_OR_DIGIT.test(charAt(s, start))) start += charAt(s, start).length;
  let end = s.length;
  while (end > start) {
    const before = s.charCodeAt(end - 1) >= 0xdc00 && s.charCodeAt(end - 1) <= 0xdfff && end >= 2 ? 2 : 1;
    if (LETTER_OR_DIGIT.test(s.slice(end - before, end))) break;
    end -= before;
  }
  return [start, end];
}

/** The code point at `i` as a string (one or two UTF-16 units). */
function charAt(s: string, i: number): string {
  const cp = s.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

/**
 * LinkedIn renders text twice, a visible `aria-hidden` copy and a visually hidden copy for screen
 * readers, so an anchor's `textContent` reads "Show credentialShow credential". Halves such a string.
 * Used for phrase matching only (a title like "Bora Bora" must stay whole).
 */
function undouble(s: string): string {
  const n = s.length;
  if (n >= 2 && n % 2 === 0 && s.slice(0, n / 2) === s.slice(n / 2)) return s.slice(0, n / 2);
  if (n >= 3 && n % 2 === 1 && s[(n - 1) / 2] === ' ' && s.slice(0, (n - 1) / 2) === s.slice((n + 1) / 2)) return s.slice(0, (n - 1) / 2);
  return s;
}

/* ------------------------------------------------------------------------------------------ */
/* Entities and titles                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** The nearest list item around `el`, not crossing a section-level element. */
function nearestItem(el: Element): Element | undefined {
  for (let p = el.parentElement; p !== null; p = p.parentElement) {
    const tag = p.localName;
    if (tag === ENTITY_TAG) return p;
    if (ENTITY_BOUNDARY_TAGS.has(tag)) return undefined;
  }
  return undefined;
}

/** Two anchors to one URL belong to one entity when one's list item holds the other. */
function sameEntity(a: Candidate, b: Candidate): boolean {
  return (a.item !== undefined && a.item.contains(b.anchor)) || (b.item !== undefined && b.item.contains(a.anchor));
}

function order(a: Node, b: Node): number {
  // DOCUMENT_POSITION_FOLLOWING = 4: b comes after a.
  return a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

/**
 * The certification's title for a credential link: the anchor's own first meaningful text (a title
 * link, a Featured card, a feed link's words); for a label or icon link ("Show credential"), the
 * first meaningful text of the list item around it (walking up through a nested sub-list: the button
 * sits in its own `<li>`), else the nearest heading within a few levels; for a link showing its own
 * URL, nothing. Generic labels ("Show credential", "Link"), bare URLs, icons and logos are skipped;
 * LinkedIn's doubled text is read once because only the first text is taken. Undefined when the
 * page shows no title.
 */
export function titleFor(a: Element): string | undefined {
  const own = firstMeaningfulText(a);
  if (own !== undefined) return own;
  // A link whose text is its own URL (pasted into a post) stands alone: the text around it is the
  // post, not a title. Only labels ("Show credential") and icon links borrow their entity's title.
  const shown = cleanLinkText(visibleText(a, MAX_URL_TEXT));
  if (shown !== undefined && URL_LIKE_TEXT.test(shown)) return undefined;
  let levels = 0;
  for (let p = a.parentElement; p !== null && levels < MAX_ENTITY_LEVELS; p = p.parentElement) {
    const tag = p.localName;
    if (ENTITY_BOUNDARY_TAGS.has(tag)) break;
    if (tag !== ENTITY_TAG) continue;
    levels++;
    const t = firstMeaningfulText(p);
    if (t !== undefined) return t;
  }
  // No list around the link: a heading close by (a card with a title and a button).
  let depth = 0;
  for (let p = a.parentElement; p !== null && depth < 4; p = p.parentElement, depth++) {
    if (ENTITY_BOUNDARY_TAGS.has(p.localName)) break;
    const h = p.querySelector(HEADING_SELECTOR);
    if (h !== null) {
      const t = firstMeaningfulText(h);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

// Text is read by walking child lists by hand: a TreeWalker with a filter calls back into script for
// every node, which made title lookup the slowest part of a scan in Chromium.

function rejects(el: Element): boolean {
  if (NON_TITLE_ELEMENTS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  return role !== null && NON_TITLE_ROLES.has(role);
}

const NON_BLANK = /\S/;

/** Enough of a link's text to tell whether it is a bare URL. */
const MAX_URL_TEXT = 2048;

/** Text of `root` without icons, logos, buttons and scripts; reading stops once `limit` characters are collected. */
export function visibleText(root: Element, limit = Infinity): string {
  let s = '';
  const walk = (el: Element): void => {
    for (let c = el.firstChild; c !== null && s.length <= limit; c = c.nextSibling) {
      if (c.nodeType === 3) s += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !rejects(c as Element)) walk(c as Element);
    }
  };
  walk(root);
  return s;
}

/**
 * The first text under `root` that can be a title: the text of the first element holding text
 * directly (a `<span>` of a doubled pair, a bold title `<div>`), read as a whole and cleaned;
 * generic labels, bare URLs and text without a letter or digit are passed over.
 */
export function firstMeaningfulText(root: Element): string | undefined {
  if (rejects(root)) return undefined;
  const visit = (el: Element): string | undefined => {
    for (let c = el.firstChild; c !== null; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (!NON_BLANK.test(c.nodeValue ?? '')) continue;
        // `el` holds text itself: it is read as a whole, and nothing inside it is tried again.
        const t = cleanLinkText(visibleText(el));
        return t !== undefined && isMeaningful(t) ? t : undefined;
      }
      if (c.nodeType === 1 && !rejects(c as Element)) {
        const t = visit(c as Element);
        if (t !== undefined) return t;
      }
    }
    return undefined;
  };
  return visit(root);
}

/** False for UI labels, bare URLs and decoration. */
function isMeaningful(t: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(t)) return false;
  const l = normalisePhrase(t);
  if (GENERIC_LABELS.has(l) || GENERIC_LABELS.has(undouble(l)) || GENERIC_LABEL_PATTERN.test(l)) return false;
  return !URL_LIKE_TEXT.test(t);
}
