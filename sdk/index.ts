/**
 * CredLens SDK: verify Open Badges 2.0 / 3.0 and W3C Verifiable Credentials, and explain the answer.
 *
 *   import { verify } from 'credlens';
 *   const report = await verify('https://example.org/badge.json');
 */
export { verify, type VerifyInput } from './verify.js';
export { CredLensError, isCredLensError, type ErrorCode } from './errors.js';
export { MemoryCache, type Cache, type FetchLike, type VerifyOptions } from './options.js';
export type { Check, CheckStatus, CredentialSummary, Element, Format, Report, Trust, TrustSignal, Verdict } from './report/types.js';
export { combineVerdict } from './report/verdict.js';
export { bundledContextUrls } from './contexts/index.js';
export { isBlockedHost } from './fetch/address.js';
export { extractLinks, isCredentialLink, type CvKind, type ExtractedLinks } from './input/cv.js';
export { explain, LANGS, type ExplainedReport, type Lang } from './explain/index.js';
export { assessTrust, credlensTrustList, dccLegacyRegistry, dccOidfRegistry, ebsiTir, deqar, type TrustSource } from './trust/index.js';
