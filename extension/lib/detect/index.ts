/**
 * Content-side detection: credential links in host pages, the profile owner, which pages are
 * scanned automatically, and the batched DOM / navigation watcher. Host-page assumptions live in
 * selectors.ts.
 */
export { findCredentialLinks, isHandled, markHandled, type DetectedLink, type FindOptions } from './links.js';
export { isLinkedInScanPage, profileOwner } from './owner.js';
export { watch, MAX_BATCH_DELAY_MS, type WatchHandlers } from './observer.js';
export { markOwn, isOwn } from './own.js';
