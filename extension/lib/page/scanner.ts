/**
 * The content-side loop: find credential links, put a badge next to each, ask the background to
 * verify each distinct URL once, and keep doing that as the page lazy-loads sections or the
 * single-page app navigates. Runs once per page however often it is injected.
 */
import { findCredentialLinks, markHandled, profileOwner, watch } from '../detect/index.js';
import { ask } from '../messaging.js';
import type { FailedItem, FoundLink, Item, UiLang } from '../protocol.js';
import { resolveLang } from '../settings.js';
import { createBadge, type Badge } from './badge.js';

/** The running scanner of this page. */
export interface Scanner {
  /** Looks for new links now. */
  scan(): void;
  /** Badges placed so far. */
  readonly count: number;
}

interface Entry {
  badges: Badge[];
  item: Item;
  requested: boolean;
}

const KEY = '__credlensScanner';

/** Starts scanning this page (or re-scans when a scanner already runs here). */
export function startScanner(): Scanner {
  const g = globalThis as unknown as Record<string, Scanner | undefined>;
  const running = g[KEY];
  if (running) {
    running.scan();
    return running;
  }
  let lang: UiLang = resolveLang('auto', navigator.language);
  let owner = profileOwner(document);
  let pageUrl = location.href;
  let entries = new Map<string, Entry>();
  let count = 0;

  const show = (url: string, item: Item) => {
    const e = entries.get(url);
    if (!e) return;
    e.item = item;
    for (const b of e.badges) b.update(item);
  };

  const request = (link: FoundLink, entry: Entry, forPage: string) => {
    entry.requested = true;
    ask('verify-link', { link, pageUrl: forPage, ...(owner ? { owner } : {}) })
      .then((item) => forPage === pageUrl && show(link.url, item))
      .catch((e: unknown) => {
        const failed: FailedItem = { ...link, state: 'error', code: (e as { code?: string })?.code ?? 'no-answer', message: (e as Error)?.message ?? String(e), checkedAt: new Date().toISOString() };
        if (forPage === pageUrl) show(link.url, failed);
      });
  };

  const scan = () => {
    // Read on every scan: after a single-page navigation the new profile's name arrives with the
    // DOM swap, which comes after the navigation event.
    owner = profileOwner(document) ?? owner;
    for (const found of findCredentialLinks(document, location.href)) {
      markHandled(found.anchor);
      const link: FoundLink = { url: found.url, ...(found.text ? { text: found.text } : {}) };
      let entry = entries.get(found.url);
      const item: Item = entry?.item ?? { ...link, state: 'pending' };
      const badge = createBadge(found.anchor, item, () => lang);
      count++;
      if (!entry) {
        entry = { badges: [], item, requested: false };
        entries.set(found.url, entry);
      }
      entry.badges.push(badge);
      if (!entry.requested) request(link, entry, pageUrl);
    }
  };

  const scanner: Scanner = {
    scan,
    get count() {
      return count;
    },
  };
  g[KEY] = scanner;

  ask('get-settings', {})
    .then((s) => {
      lang = resolveLang(s.lang, navigator.language);
    })
    .catch(() => {});
  scan();
  watch(document, {
    onChange: scan,
    onNavigate: (url) => {
      // A new page in the single-page app: new owner, new list; old badges went with the old DOM.
      pageUrl = url;
      entries = new Map();
      owner = undefined;
      scan();
    },
  });
  return scanner;
}
