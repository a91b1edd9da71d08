/**
 * What a raw href says before any URL is parsed: string tests only, no SDK. The page runs these on
 * every candidate link (they decide which links are worth asking the background about); the
 * background runs the same wrapper reading before it applies the SDK's rules (see link-rules.ts),
 * so both sides agree on what a LinkedIn wrapper points to.
 */
import {
  HREF_KEYWORDS,
  LINKEDIN_ABSOLUTE,
  LINKEDIN_CREDENTIAL_PATH,
  LINKEDIN_WRAPPER_PATH,
  NON_WEB_HREF,
  WEB_URL_START,
  WRAPPER_TARGET_PARAM,
} from './selectors.js';

/**
 * What an href can be, by its string alone:
 * - `never`: not a credential whatever its text says (LinkedIn's own pages, in-page anchors,
 *   non-web schemes, a wrapper around nothing);
 * - `shape`: credential-shaped (the SDK's URL rules decide), or a credential by its text;
 * - `text`: a credential only if its text says so ("Show credential").
 */
export type HrefKind = 'never' | 'shape' | 'text';

/**
 * The kind of `raw` on a page whose base is (`baseIsLinkedIn`) or is not on LinkedIn. For
 * LinkedIn's redirect wrappers, only the wrapped target is tested, because the wrapper's tracking
 * parameters ("trk=public_profile_certification-title") name certifications too.
 */
export function hrefKind(raw: string, baseIsLinkedIn: boolean): HrefKind {
  const href = raw.trim();
  if (href === '' || NON_WEB_HREF.test(href)) return 'never';
  let test = href;
  if (LINKEDIN_WRAPPER_PATH.test(href)) {
    const target = wrapperTarget(href);
    if (target === undefined) return 'never'; // nothing to unwrap: the link stays on LinkedIn
    test = target;
  } else if (isAbsoluteHref(href) ? LINKEDIN_ABSOLUTE.test(href) : baseIsLinkedIn) {
    // LinkedIn's own links are never credentials, except LinkedIn Learning certificates.
    if (!LINKEDIN_CREDENTIAL_PATH.test(href)) return 'never';
  }
  return mayBeCredentialHref(test) ? 'shape' : 'text';
}

/** The web URL a LinkedIn wrapper (`/redir/redirect?url=`, `/safety/go?url=`) carries, or undefined. */
export function wrapperTarget(href: string): string | undefined {
  const m = WRAPPER_TARGET_PARAM.exec(href);
  const target = m === null ? '' : percentDecode(m[1]!);
  return WEB_URL_START.test(target) ? target : undefined;
}

/** True for an href that is absolute: http(s) or protocol-relative (anything else is relative to the page). */
export function isAbsoluteHref(href: string): boolean {
  // Character tests, not a regex: this runs on every candidate link of a page's first scan.
  const c0 = href.charCodeAt(0);
  if (c0 === 47 /* / */) return href.charCodeAt(1) === 47;
  if ((c0 | 32) !== 104 /* h */) return false;
  const lower = href.slice(0, 8).toLowerCase();
  return lower.startsWith('http://') || lower === 'https://';
}

/**
 * Substring prefilter (HREF_KEYWORDS, a superset of the SDK's credential URL rules);
 * percent-encoded targets (nested wrappers) are decoded first.
 */
export function mayBeCredentialHref(href: string): boolean {
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

/** Decodes %XX escapes (never throws; only ASCII keywords are looked for afterwards). */
export function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // a stray "%" or a broken UTF-8 sequence: decode what can be decoded
    return s.replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}
