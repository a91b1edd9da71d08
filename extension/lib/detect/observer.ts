/**
 * Watching a single-page app for new content and for navigation. LinkedIn loads profile sections
 * lazily and swaps whole pages without reloading, so the content script rescans after DOM additions
 * and starts over when the URL changes. One MutationObserver for the whole document, batched:
 * hundreds of mutations while a section renders give one rescan.
 */
import { isOwn } from './own.js';

/** What `watch` calls. */
export interface WatchHandlers {
  /** Content was added (outside our own badges): rescan. At most once per idle slot or frame. */
  onChange: () => void;
  /** The page moved to another URL without reloading (fragment-only changes do not count). */
  onNavigate?: (url: string) => void;
}

/** The longest a batch waits before `onChange` runs, in ms (the idle callback's timeout, and the backstop timer). */
export const MAX_BATCH_DELAY_MS = 200;

// The bits of the Navigation API used here (not yet in TypeScript's DOM library for every target).
interface NavigationLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

type WindowLike = Window & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
  navigation?: NavigationLike;
  MutationObserver?: typeof MutationObserver;
};

/** The page's URL without its fragment: in-page anchors (#contact-info) are not navigation. */
function pageUrl(doc: Document): string {
  const href = doc.defaultView?.location?.href ?? doc.URL;
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

// Our badges keep their UI in a shadow root the document observer does not see: the only
// mutations they cause are their own insertion and attribute changes.
function insideBadge(n: Node): boolean {
  return isOwn(n.nodeType === 1 ? n : n.parentElement);
}

/** A mutation that may have brought new links: an element added, or an href changed, other than our own badges. */
function relevant(r: MutationRecord): boolean {
  if (r.type === 'attributes') return !insideBadge(r.target);
  if (r.addedNodes.length === 0) return false;
  let added = false;
  for (let i = 0; i < r.addedNodes.length; i++) {
    const n = r.addedNodes[i]!;
    // Text nodes cannot carry links; our own badges being inserted must not wake us (that would loop).
    if (n.nodeType === 1 && !isOwn(n)) {
      added = true;
      break;
    }
  }
  return added && !insideBadge(r.target);
}

/** Runs a handler without letting its error stop the batch; the error is rethrown asynchronously so it is still reported. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    queueMicrotask(() => {
      throw e;
    });
  }
}

/**
 * Watches `doc` with one MutationObserver. Calls `onChange` at most once per idle slot (or animation
 * frame where there is no idle callback) and within about 200 ms after DOM additions outside
 * `<credlens-badge>` elements; mutations inside badges, and the insertion of badges themselves, are
 * ignored. Calls `onNavigate(url)` when the URL changes without a reload, found through the
 * Navigation API ('navigatesuccess', 'currententrychange') where the browser has it, 'popstate', and
 * a URL comparison on every batch of mutations (history.pushState fires no event). A navigation
 * seen in a batch is reported before that batch's `onChange`. Returns stop(), which disconnects
 * everything and cancels a pending batch.
 */
export function watch(doc: Document, handlers: WatchHandlers): () => void {
  const win = (doc.defaultView ?? undefined) as WindowLike | undefined;
  let lastUrl = pageUrl(doc);
  let stopped = false;
  let pending = false;
  let idle: number | undefined;
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const checkUrl = (): void => {
    if (stopped) return;
    const url = pageUrl(doc);
    if (url === lastUrl) return;
    lastUrl = url;
    const onNavigate = handlers.onNavigate;
    if (onNavigate) safely(() => onNavigate(doc.defaultView?.location?.href ?? doc.URL));
  };

  const cancel = (): void => {
    if (idle !== undefined) win?.cancelIdleCallback?.(idle);
    if (frame !== undefined) win?.cancelAnimationFrame?.(frame);
    if (timer !== undefined) clearTimeout(timer);
    idle = frame = timer = undefined;
  };

  const flush = (): void => {
    cancel();
    if (stopped || !pending) return;
    pending = false;
    checkUrl();
    safely(handlers.onChange);
  };

  const schedule = (): void => {
    if (pending) return;
    pending = true;
    if (typeof win?.requestIdleCallback === 'function') idle = win.requestIdleCallback(flush, { timeout: MAX_BATCH_DELAY_MS });
    else if (typeof win?.requestAnimationFrame === 'function') frame = win.requestAnimationFrame(flush);
    // Backstop: animation frames do not run in background tabs.
    timer = setTimeout(flush, MAX_BATCH_DELAY_MS);
  };

  // The page window's own constructor (a test window, an iframe's document), else the global one.
  const MO: typeof MutationObserver = win?.MutationObserver ?? globalThis.MutationObserver;
  const observer = new MO((records) => {
    if (stopped) return;
    checkUrl();
    if (pending) return;
    for (const r of records) {
      if (relevant(r)) {
        schedule();
        return;
      }
    }
  });
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });

  const navigation = win?.navigation;
  navigation?.addEventListener('navigatesuccess', checkUrl);
  navigation?.addEventListener('currententrychange', checkUrl);
  win?.addEventListener('popstate', checkUrl);

  return () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    cancel();
    pending = false;
    navigation?.removeEventListener('navigatesuccess', checkUrl);
    navigation?.removeEventListener('currententrychange', checkUrl);
    win?.removeEventListener('popstate', checkUrl);
  };
}
