/**
 * The detector's question to the SDK: what is this href? The SDK's URL rules (credential platforms,
 * credential-shaped paths, redirect wrappers) run in the background, where the SDK is; the page
 * keeps only string tests (hrefs.ts), so a page's first scan does not compile and run URL rules on
 * LinkedIn's main thread. See extension/lib/background/link-rules.ts for the answers and
 * extension/lib/page/link-rules.ts for the page's cache of them.
 */

/** What the SDK's rules say about one href on one page. */
export interface HrefAnswer {
  /** The credential URL, when the href is a credential link by its URL alone (wrappers removed). */
  credential?: string;
  /**
   * Where the href leads (wrappers removed), when that is a web page off LinkedIn: the credential
   * URL of a link whose text says "Show credential".
   */
  target?: string;
}

/**
 * Looks up what the SDK says about `href` on a page at `base`: the answer, or undefined while it
 * is not known yet (asked for; the caller scans again once it arrives).
 */
export type LinkRules = (href: string, base: string) => HrefAnswer | undefined;

/** The key an answer is kept under: absolute web hrefs mean the same on every page, others depend on the base. */
export function answerKey(href: string, base: string): string {
  return href.startsWith('https://') || href.startsWith('http://') ? href : `${base}\u0000${href}`;
}
