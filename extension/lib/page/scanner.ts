/**
 * The content-side loop: find credential links, put a badge next to each, ask the background to
 * verify each distinct URL once, and keep doing that as the page lazy-loads sections or the
 * single-page app navigates. Runs once per page however often it is injected.
 */
import { findCredentialLinks, markHandled, profileOwner, watch } from '../detect/index.js';
import { ask, AUTO_SCAN_OFF, BackgroundError } from '../messaging.js';
import { failedItem, type FoundLink, type Item, type UiLang } from '../protocol.js';
import { resolveLang } from '../settings.js';
import { createBadge, type Badge } from './badge.js';
import { onPageSettingsChange, readPageSettings } from './settings.js';

/** The scanner of this page. */
export interface Scanner {
  /**
   * Looks for new links now, once. `anyPage`: on this page whatever the scanner's `scanHere` says
   * (the toolbar button is an explicit request). Watching is not resumed.
   */
  scan(options?: { anyPage?: boolean }): void;
  /**
   * Stops watching the page (auto-scan switched off): no new badges until `resume`. Badges already
   * placed stay, and still receive their verdicts.
   */
  stop(): void;
  /** Watches the page again after `stop` (auto-scan switched on), and scans it. */
  resume(): void;
  /** True while the page is watched (from the start until `stop`, and again after `resume`). */
  readonly watching: boolean;
}

interface Entry {
  badges: Badge[];
  item: Item;
  requested: boolean;
  /** The title read from the page (kept when an answer comes without one). */
  title?: string;
}

// A symbol, not a name: elements with an id show through to a content script's globals.
const KEY = Symbol.for('credlens.scanner');

/**
 * Starts scanning this page and watching it. `scanHere` says whether a URL the single-page app
 * navigates to is one to scan (default: every URL). When a scanner is here already (the LinkedIn
 * script's, then a toolbar click), it scans this page once, whatever its own rules say.
 */
export function startScanner(scanHere: (url: string) => boolean = () => true): Scanner {
  const g = globalThis as unknown as Record<symbol, Scanner | undefined>;
  const running = runningScanner();
  if (running) {
    running.scan({ anyPage: true });
    return running;
  }
  let lang: UiLang = resolveLang('auto', navigator.language);
  let owner = profileOwner(document);
  let pageUrl = location.href;
  let entries = new Map<string, Entry>();
  let stopWatching: (() => void) | undefined;

  const show = (url: string, item: Item) => {
    const e = entries.get(url);
    if (!e) return;
    e.item = e.title && !item.text ? { ...item, text: e.title } : item;
    for (const b of e.badges) b.update(e.item);
  };

  const request = (link: FoundLink, entry: Entry, forPage: string) => {
    entry.requested = true;
    const req = { link, pageUrl: forPage, ...(owner ? { owner } : {}) };
    const key = earlyKey(forPage, owner, link.url);
    const before = early.get(key);
    early.delete(key);
    // An early ask refused because auto-scan was off then (it has been switched on since) is asked again.
    (before?.catch((e: unknown) => (e instanceof BackgroundError && e.code === AUTO_SCAN_OFF ? ask('verify-link', req) : Promise.reject(e))) ?? ask('verify-link', req))
      .then((item) => forPage === pageUrl && show(link.url, item))
      .catch((e: unknown) => {
        if (forPage === pageUrl) show(link.url, failedItem(link, e, Date.now(), 'no-answer'));
      });
  };

  const scan = (anyPage = false) => {
    if (!anyPage && !scanHere(location.href)) return;
    // Read on every scan: after a single-page navigation the new profile's name arrives with the
    // DOM swap, which comes after the navigation event.
    owner = profileOwner(document) ?? owner;
    const t0 = performance.now();
    // Titles are read after the verdicts are asked for, when the page is idle (see readTitles).
    const links = findCredentialLinks(document, location.href, { titles: false });
    const t1 = performance.now();
    const untitled: { url: string; read: () => string | undefined }[] = [];
    for (const found of links) {
      markHandled(found.anchor);
      const link: FoundLink = { url: found.url, ...(found.text ? { text: found.text } : {}) };
      let entry = entries.get(found.url);
      const item: Item = entry?.item ?? { ...link, state: 'pending' };
      const badge = createBadge(found.anchor, item, () => lang);
      if (!entry) {
        entry = { badges: [], item, requested: false };
        entries.set(found.url, entry);
      }
      entry.badges.push(badge);
      if (!entry.requested) request(link, entry, pageUrl);
      if (found.readTitle && entry.title === undefined) untitled.push({ url: found.url, read: found.readTitle });
    }
    if (untitled.length > 0) whenIdle(() => readTitles(untitled, pageUrl));
    // User-timing entries (visible in DevTools' Performance panel; the benchmark reads them): finding
    // links, and finding plus placing the badges.
    mark('credlens:find-links', t0, t1, links.length);
    mark('credlens:scan', t0, performance.now(), links.length);
  };

  // Titles name the links in the side panel's list and on cards before the verdict arrives.
  const readTitles = (list: { url: string; read: () => string | undefined }[], forPage: string) => {
    if (forPage !== pageUrl) return;
    const t0 = performance.now();
    const titles: FoundLink[] = [];
    for (const { url, read } of list) {
      const e = entries.get(url);
      const text = read();
      if (!e || !text || e.title !== undefined) continue;
      e.title = text;
      if (!e.item.text) {
        e.item = { ...e.item, text };
        for (const b of e.badges) b.update(e.item);
      }
      titles.push({ url, text });
    }
    mark('credlens:titles', t0, performance.now(), titles.length);
    if (titles.length > 0) ask('link-titles', { pageUrl: forPage, titles }).catch(() => {});
  };

  // A new page in the single-page app: new owner, new list; old badges went with the old DOM.
  const navigated = (url: string) => {
    pageUrl = url;
    entries = new Map();
    owner = undefined;
  };

  // The page may have moved on while nobody watched (the watcher ignores #fragments too).
  const catchUp = () => {
    if (withoutHash(location.href) !== withoutHash(pageUrl)) navigated(location.href);
  };

  const scanner: Scanner = {
    scan(options) {
      if (stopWatching === undefined) catchUp();
      scan(options?.anyPage === true);
    },
    stop() {
      stopWatching?.();
      stopWatching = undefined;
    },
    resume() {
      if (stopWatching !== undefined) return;
      catchUp();
      startWatching();
      scan();
    },
    get watching() {
      return stopWatching !== undefined;
    },
  };
  const startWatching = () => {
    stopWatching = watch(document, {
      onChange: () => scan(),
      onNavigate: (url) => {
        navigated(url);
        scan();
      },
    });
  };
  g[KEY] = scanner;

  const setLang = (s: { lang: UiLang | 'auto' }) => {
    lang = resolveLang(s.lang, navigator.language);
  };
  void readPageSettings().then(setLang);
  // A language change redraws the badges; cards opened afterwards use it too.
  onPageSettingsChange((s) => {
    setLang(s);
    for (const e of entries.values()) for (const b of e.badges) b.update(e.item);
  });
  startWatching();
  scan();
  early.clear(); // early answers for links that are gone by now are not waited for
  return scanner;
}

// Verdicts asked for before the scanner started (see askEarly), by page, profile owner and URL.
const early = new Map<string, Promise<Item>>();

function earlyKey(pageUrl: string, owner: string | undefined, url: string): string {
  return JSON.stringify([pageUrl, owner ?? '', url]);
}

/**
 * Asks for the verdicts of the credential links on this page now, before the scanner may start:
 * the LinkedIn script does this when the page is ready but the settings, read from extension
 * storage (which takes a busy browser 100 ms and more at times), have not arrived. The requests
 * carry `auto`, so the background verifies them only when auto-scan is on; no badge is placed
 * until the scanner starts, and the scanner then takes these answers over instead of asking again.
 */
export function askEarly(): void {
  if (runningScanner()) return;
  const pageUrl = location.href;
  const owner = profileOwner(document);
  const t0 = performance.now();
  const links = findCredentialLinks(document, pageUrl, { titles: false });
  // The page's first search for links (the scanner's own, later, meets warm caches).
  mark('credlens:find-links', t0, performance.now(), links.length, true);
  for (const found of links) {
    const key = earlyKey(pageUrl, owner, found.url);
    if (early.has(key)) continue;
    const link: FoundLink = { url: found.url, ...(found.text ? { text: found.text } : {}) };
    const asked = ask('verify-link', { link, pageUrl, ...(owner ? { owner } : {}), auto: true });
    asked.catch(() => {}); // read by the scanner, or dropped
    early.set(key, asked);
  }
}

/** Forgets the early requests (auto-scan turned out to be off: the background refused them anyway). */
export function dropEarly(): void {
  early.clear();
}

/** The scanner running in this page, if any (started by the LinkedIn script or the toolbar). */
export function runningScanner(): Scanner | undefined {
  const running = (globalThis as unknown as Record<symbol, Scanner | undefined>)[KEY];
  return running && typeof running.scan === 'function' ? running : undefined;
}

function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

/** Runs `task` when the page is idle (within a second at the latest). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 1000 });
  else setTimeout(task, 50);
}

function mark(name: string, start: number, end: number, links: number, early = false): void {
  try {
    performance.measure(name, { start, end, detail: early ? { links, early } : { links } });
  } catch {
    // user timing unavailable: nothing to record
  }
}
