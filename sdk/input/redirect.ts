/**
 * Outbound-link wrappers. Profiles, CVs and e-mails often hide the real credential link behind a
 * click-tracking redirect whose target is in a query parameter; the target is read locally, without
 * following the redirect.
 */

interface Wrapper {
  host: RegExp;
  path: RegExp;
  param: string;
}

const WRAPPERS: Wrapper[] = [
  // LinkedIn: linkedin.com/redir/redirect?url=<encoded>&urlhash=... (profile links, "Show credential")
  { host: /^(?:[a-z]{2,3}\.|www\.)?linkedin\.com$/, path: /^\/redir\/redirect\/?$/, param: 'url' },
  // LinkedIn's external-link interstitial: linkedin.com/safety/go?url=<encoded>&trk=...
  { host: /^(?:[a-z]{2,3}\.|www\.)?linkedin\.com$/, path: /^\/safety\/go\/?$/, param: 'url' },
  // Google Docs / Search exports: google.com/url?q=<target>&sa=D... (CVs written in Google Docs)
  { host: /^(?:www\.)?google\.[a-z.]{2,6}$/, path: /^\/url\/?$/, param: 'q' },
  { host: /^(?:www\.)?google\.[a-z.]{2,6}$/, path: /^\/url\/?$/, param: 'url' },
  // Microsoft Defender Safe Links in Outlook mail: <region>.safelinks.protection.outlook.com/?url=<encoded>
  { host: /^[a-z0-9-]+\.safelinks\.protection\.outlook\.com$/, path: /^\/?$/, param: 'url' },
];

/** Nested wrappers followed at most this deep. */
export const MAX_UNWRAP = 4;

/**
 * Returns the link a known redirect wrapper points to (LinkedIn `/redir/redirect?url=` and
 * `/safety/go?url=`, Google `/url?q=`, Outlook Safe Links), unwrapping nested wrappers (at most
 * `levels`); any other URL, or a wrapper whose target is not an http(s) URL, comes back unchanged.
 */
export function unwrapRedirect(url: string, levels = MAX_UNWRAP): string {
  let current = url;
  for (let depth = 0; depth < levels; depth++) {
    const next = unwrapOnce(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

function unwrapOnce(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  return wrappedTarget(u);
}

/**
 * The target of one known wrapper around an already parsed URL, or undefined when `u` is not a
 * wrapper (no parsing: link scans call this for every link on a page).
 */
export function wrappedTarget(u: URL): string | undefined {
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  for (const w of WRAPPERS) {
    if (!w.host.test(host) || !w.path.test(u.pathname)) continue;
    const target = u.searchParams.get(w.param);
    if (!target) continue;
    try {
      const t = new URL(target);
      if (t.protocol === 'https:' || t.protocol === 'http:') return t.href;
    } catch {
      // not a URL: leave the wrapper alone
    }
  }
  return undefined;
}
