/**
 * The content script's scan as the benchmark injects it into a page without the extension: the real
 * detector and the real page-side cache of link-rule answers. Only the message to the background
 * is replaced (see scan-messaging.ts), because the background's part runs in the service worker,
 * off the page's main thread, and is not what the scan figure measures.
 */
export { collectLinks, pickLinks } from '../../extension/lib/detect/links.js';
export { learnLinkRules, pageLinkRules } from '../../extension/lib/page/link-rules.js';
