/**
 * The extension's fetch: what the SDK uses in the background, and the CV reader's download of a PDF
 * open in a tab. Browsers hide where a manual redirect goes
 * (`opaqueredirect`), so the SDK cannot check each hop itself; here the browser follows redirects
 * (at most 20, its own limit) and the final URL is checked against the same address rules before
 * any byte of the body is read. Intermediate hops are not visible to extensions: that gap is
 * documented in the README's safety section.
 */
import { CredLensError } from '../../sdk/errors.js';
import { checkUrl, isLoopbackHost } from '../../sdk/fetch/index.js';
import type { FetchLike } from '../../sdk/options.js';

/** Address rules the final URL must pass (as in the SDK's options). */
export interface AddressPolicy {
  allowPrivateNetwork: boolean;
  allowHttpLocalhost: boolean;
}

/** Wraps `base` (the browser's fetch) so redirects are followed and their target checked. */
export function redirectCheckingFetch(policy: AddressPolicy, base: FetchLike = (u, i) => fetch(u, i)): FetchLike {
  return async (url, init) => {
    const res = await base(url, { ...init, redirect: 'follow' });
    if (res.redirected && res.url && res.url !== url) {
      try {
        checkUrl(res.url, policy);
        // An https request must not end on http (the SDK's httpsOnly steps, did:web, keys, registries).
        if (url.startsWith('https:') && res.url.startsWith('http:') && !(policy.allowHttpLocalhost && isLoopbackHost(new URL(res.url).hostname))) {
          throw new CredLensError('bad-url', `${url} redirected from https to http (${res.url}); CredLens does not follow that.`);
        }
      } catch (e) {
        await res.body?.cancel().catch(() => {});
        throw e;
      }
    }
    return res;
  };
}
