/** The input stage: recognise what was given and get the credential text out of it. */
export type { BakedPayload, RawInput, PlatformMatch, VerifiablePlatform, UnverifiablePlatform } from './types.js';
export { classifyInput, MAX_INPUT_BYTES } from './classify.js';
export { extractFromPng, isPng, PNG_SIGNATURE, MAX_PNG_BYTES, MAX_INFLATED_TEXT } from './png.js';
export { extractFromSvg, looksLikeSvg, OB3_SVG_NAMESPACE, OB2_SVG_NAMESPACE, MAX_SVG_CHARS } from './svg.js';
export { parseCompactJws, looksLikeJws, MAX_JWS_LENGTH, type CompactJws } from './jwt.js';
export { resolvePlatform, JSON_ACCEPT } from './platforms.js';
export { unwrapRedirect } from './redirect.js';
export { discoverFromHtml, looksLikeCredential, MAX_HTML_SCAN, type Discovered } from './discover.js';
