/**
 * Which LinkedIn pages are scanned on their own, and whose profile a page is (for the recipient
 * check: does the credential name the person whose profile shows it?).
 */
import { cleanLinkText } from '../../../sdk/input/links.js';
import { httpUrl } from '../../../sdk/util/url.js';
import { firstMeaningfulText } from './links.js';
import {
  MAX_NAME_LENGTH,
  OWNER_EXCLUDED_CONTAINERS,
  OWNER_HEADING,
  OWNER_MAIN,
  PROFILE_LINK_SELECTOR,
  PROFILE_PATH,
  PROFILE_ROOT_PATH,
  PROFILE_TOP_CARD_PATH,
  SCAN_HOSTS,
  SCAN_PATHS,
  TITLE_COUNTER,
  TITLE_SEPARATOR,
  TITLE_SITE,
} from './selectors.js';

function onScanHost(u: URL): boolean {
  return SCAN_HOSTS.some((h) => h.test(u.hostname));
}

/**
 * True when `url` is a LinkedIn page where detection runs automatically: a profile (/in/<id>/ and
 * its sub-pages such as /in/<id>/details/certifications/), the feed, or a single post. Also true for
 * the same paths on loopback, where the demo serves its LinkedIn-like profile (e2e builds only).
 */
export function isLinkedInScanPage(url: string): boolean {
  const u = httpUrl(url);
  if (u === undefined || !onScanHost(u)) return false;
  return SCAN_PATHS.some((p) => p.test(u.pathname));
}

/**
 * The person a LinkedIn profile page is about, or undefined when the page is not a profile or names
 * no one. On the profile itself (and its /overlay/ dialogs): the top card's `<h1>` in `<main>`
 * (headings in asides, navigation and dialogs, such as "People also viewed", are other people). On a sub-page
 * (/in/<id>/details/certifications/) and as a fallback: the text of a link back to the same
 * profile, then the document title ("(3) Jane Doe | LinkedIn") when it names one person only.
 */
export function profileOwner(doc: Document): string | undefined {
  const u = httpUrl(doc.URL);
  if (u === undefined || !onScanHost(u)) return undefined;
  const m = PROFILE_PATH.exec(u.pathname);
  if (m === null) return undefined;
  const id = safeDecode(m[1]!).toLowerCase();
  const topCard = PROFILE_TOP_CARD_PATH.test(u.pathname);
  if (topCard) {
    const h = topCardHeading(doc);
    if (h !== undefined) return h;
  }
  return linkBackName(doc, id) ?? titleName(doc, topCard);
}

function plausibleName(t: string | undefined): string | undefined {
  if (t === undefined || t.length > MAX_NAME_LENGTH) return undefined;
  return /\p{L}/u.test(t) ? t : undefined;
}

/** The first `<h1>` outside asides and dialogs, preferring one inside `<main>`. */
function topCardHeading(doc: Document): string | undefined {
  const inMain: Element[] = [];
  const elsewhere: Element[] = [];
  for (const h of doc.querySelectorAll(OWNER_HEADING)) {
    if (h.closest(OWNER_EXCLUDED_CONTAINERS)) continue;
    (h.closest(OWNER_MAIN) ? inMain : elsewhere).push(h);
  }
  for (const h of [...inMain, ...elsewhere]) {
    const t = plausibleName(firstMeaningfulText(h));
    if (t !== undefined) return t;
  }
  return undefined;
}

/** The text of a link to this same profile's root (/in/<id>/), outside "People also viewed" lists of other ids. */
function linkBackName(doc: Document, id: string): string | undefined {
  for (const a of doc.querySelectorAll(PROFILE_LINK_SELECTOR)) {
    const u = httpUrl(a.getAttribute('href') ?? '', doc.URL);
    if (u === undefined || !onScanHost(u) || !PROFILE_ROOT_PATH.test(u.pathname)) continue;
    const m = PROFILE_PATH.exec(u.pathname);
    if (m === null || safeDecode(m[1]!).toLowerCase() !== id) continue;
    const t = plausibleName(firstMeaningfulText(a));
    if (t !== undefined) return t;
  }
  return undefined;
}

/** "(3) Jane Doe | LinkedIn" → "Jane Doe"; only where the top card is shown and the title is the name alone. */
function titleName(doc: Document, topCard: boolean): string | undefined {
  if (!topCard) return undefined;
  const parts = doc.title
    .replace(TITLE_COUNTER, '')
    .split(TITLE_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !TITLE_SITE.test(p));
  return parts.length === 1 ? plausibleName(cleanLinkText(parts[0])) : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
