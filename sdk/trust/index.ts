/**
 * The trust stage: signals beside the verdict (listed / not listed / revoked on trust lists and
 * registries, endorsements by trusted bodies, domain binding, accreditation and external QA), and a
 * level derived from them by a fixed rule. Never one opaque score, never a change to the verdict.
 */
export { assessTrust, findingSignals, levelOf } from './assess.js';
export { credlensTrustList, parseTrustList, ISSUER_KINDS, type TrustListDocument, type TrustListEntry, type TrustListAccreditation, type TrustListUrl } from './credlens-list.js';
export { dccLegacyRegistry, parseDccLegacy, type DccLegacyEntry, type DccLegacyRegistry } from './dcc-legacy.js';
export { dccOidfRegistry, verifyEntityStatement, entityConfigurationUrl, ENTITY_STATEMENT_TYPE, type OidfRegistryOptions } from './oidf.js';
export { ebsiTir, type EbsiTirOptions } from './ebsi.js';
export { deqar, DEQAR_BACKEND, type DeqarOptions } from './deqar.js';
export { domainBinding, type DomainBinding } from './domain.js';
export { findEndorsements, MAX_ENDORSEMENTS, type FoundEndorsement } from './endorsements.js';
export { trustInputFrom, type TrustablePipelineResult } from './input.js';
export type * from './types.js';
