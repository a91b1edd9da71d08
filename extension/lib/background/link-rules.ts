/**
 * The SDK's link rules, answered for the page side (see extension/lib/detect/rules.ts). Runs in the
 * background; the content scripts never bundle the SDK's URL rules.
 */
import { credentialLinkUrl, MAX_URL_LENGTH, normalizeLink } from '../../../sdk/input/links.js';
import { mayBeCredentialHref, wrapperTarget } from '../detect/hrefs.js';
import type { HrefAnswer } from '../detect/rules.js';
import { LINKEDIN_HOST, LINKEDIN_WRAPPER_PATH, WEB_URL_START } from '../detect/selectors.js';

/**
 * What the SDK says about `raw` on a page at `base`. For a LinkedIn wrapper the credential rules see
 * the wrapped target (the title link and the "Show credential" button of one certification wrap the
 * same target with different tracking parameters); where the link leads is the SDK's
 * `normalizeLink`, which unwraps every wrapper it knows.
 */
export function answerHref(raw: string, base: string): HrefAnswer {
  if (raw.length > MAX_URL_LENGTH) return {};
  const href = raw.trim();
  let credential: string | undefined;
  const test = LINKEDIN_WRAPPER_PATH.test(href) ? wrapperTarget(href) : href;
  if (test === undefined) return {}; // a wrapper around nothing stays on LinkedIn
  // The keyword test is a superset of the SDK's credential rules: most hrefs skip URL parsing.
  if (mayBeCredentialHref(test)) credential = WEB_URL_START.test(test) ? credentialLinkUrl(test) : credentialLinkUrl(href, base);
  const to = normalizeLink(raw, base);
  // a wrapper that could not be unwrapped stays on LinkedIn, and LinkedIn is not a credential host
  const target = to === undefined || isLinkedIn(to) ? undefined : to;
  return { ...(credential !== undefined ? { credential } : {}), ...(target !== undefined ? { target } : {}) };
}

function isLinkedIn(url: string): boolean {
  try {
    return LINKEDIN_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}
