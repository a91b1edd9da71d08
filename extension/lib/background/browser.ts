/**
 * The background's browser-backed pieces: storage, tabs, scripting, side panel. Everything that
 * decides anything lives in the modules this wires together (handlers, verifier, pages).
 */
import { browser } from 'wxt/browser';
import { answer } from '../messaging.js';
import type { PageSummary, SummaryChanged } from '../protocol.js';
import { normalizeSettings, resolveLang, type Settings } from '../settings.js';
import { createHandlers } from './handlers.js';
import { Pages } from './pages.js';
import { Verifier, type ResultStore } from './verifier.js';
import { writeBehind } from './write-behind.js';

/** Storage keys: one per tab's list, one per cached result. */
const PAGE_PREFIX = 'page:';
const RESULT_PREFIX = 'result:';

/** Path of the on-demand scan script in the build (WXT names runtime content scripts this way). */
export const SCAN_SCRIPT = '/content-scripts/scan.js';

/** Starts the background: message handlers, toolbar button, tab clean-up. */
export function startBackground(opts: { e2e: boolean; sidePanel: boolean }): void {
  const results = sessionStore(RESULT_PREFIX);
  const verifier = new Verifier({
    settings: loadSettings,
    lang: async () => resolveLang((await loadSettings()).lang, navigator.language),
    store: results,
    localAllowed: opts.e2e,
  });
  const pages = new Pages(
    {
      load: async () => {
        const all = await area().get(await keysOrAll(PAGE_PREFIX));
        const out: Record<string, PageSummary> = {};
        for (const [k, v] of Object.entries(all)) if (k.startsWith(PAGE_PREFIX)) out[k.slice(PAGE_PREFIX.length)] = v as PageSummary;
        return out;
      },
      save: async (tabId, summary) => (summary ? area().set({ [`${PAGE_PREFIX}${tabId}`]: summary }) : area().remove(`${PAGE_PREFIX}${tabId}`)),
    },
    (summary) => {
      // Only the tab's id: a list with a dozen full reports is costly to send to every extension
      // page, and usually no panel is open. An open panel asks for the list itself.
      const msg: SummaryChanged = { type: 'summary-changed', tabId: summary.tabId };
      browser.runtime.sendMessage(msg).catch(() => {}); // no panel open: nobody listens
    },
  );

  const scanTab = async (tabId: number): Promise<{ ok: boolean; message?: string }> => {
    const tab = await browser.tabs.get(tabId);
    if (tab.url && isPdfUrl(tab.url)) {
      await openPage('cv', `url=${encodeURIComponent(tab.url)}`);
      return { ok: true, message: 'Opened the PDF in the CV reader.' };
    }
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [SCAN_SCRIPT] });
      return { ok: true };
    } catch (e) {
      const why = (e as Error)?.message ?? String(e);
      // Without the toolbar click's activeTab grant (e.g. a later click in the side panel), Chrome refuses.
      return { ok: false, message: /permission|access/i.test(why) ? 'Click the CredLens toolbar button on this page to let CredLens read it.' : `CredLens cannot read this page (${why}). Browser pages and extension stores are off limits to extensions.` };
    }
  };

  answer(
    createHandlers({
      verifier,
      pages,
      loadSettings,
      saveSettings: async (s: Settings) => {
        await browser.storage.local.set({ settings: s });
        settingsRead = Promise.resolve(s);
      },
      clearResults: () => results.clear(),
      activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      scanTab,
      openPage,
    }),
  );

  // Chrome: the toolbar button opens the side panel and scans the page (activeTab is granted by the
  // click). Firefox has a popup instead, which asks for the scan itself.
  if (opts.sidePanel) {
    browser.action.onClicked.addListener((tab: { id?: number }) => {
      if (tab.id === undefined) return;
      // sidePanel.open must run inside the click's user gesture: before any await.
      const panel = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
      panel?.open({ tabId: tab.id }).catch(() => {});
      void scanTab(tab.id);
    });
  }
  browser.tabs.onRemoved.addListener((tabId: number) => void pages.drop(tabId));
  // A tab that loads another page starts with an empty list (single-page apps report their own
  // navigations through the scanner, which starts a new list for the new page URL).
  browser.tabs.onUpdated.addListener((tabId: number, change: { status?: string; url?: string }) => {
    if (change.status === 'loading' && change.url) void pages.drop(tabId);
  });
}

// Every verification reads the settings (twice: trust sources, then language); one read is kept
// until storage says they changed.
let settingsRead: Promise<Settings> | undefined;
browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
  if (area === 'local' && 'settings' in changes) settingsRead = undefined;
});

function loadSettings(): Promise<Settings> {
  const read: Promise<Settings> = (settingsRead ??= browser.storage.local.get('settings').then(
    (r: Record<string, unknown>) => normalizeSettings(r.settings),
    (e: unknown) => {
      settingsRead = undefined; // not kept: the next request reads again
      throw e;
    },
  ));
  return read;
}

async function openPage(page: 'options' | 'learner' | 'cv', query?: string): Promise<void> {
  if (page === 'options') return browser.runtime.openOptionsPage();
  await browser.tabs.create({ url: browser.runtime.getURL(`/${page}.html${query ? `?${query}` : ''}` as '/learner.html') });
}

function isPdfUrl(url: string): boolean {
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

// Session storage survives service-worker restarts but not the browser; local storage where a
// browser has no session area.
function area() {
  return browser.storage.session ?? browser.storage.local;
}

function sessionStore(prefix: string): ResultStore {
  return writeBehind({
    get: async (key) => (await area().get(key))[key],
    keys: async () => (await keysOrAll(prefix)) ?? undefined,
    setMany: async (values) => {
      try {
        await area().set(values);
      } catch {
        // Quota reached: drop expired results, then all results if that was not enough, and carry on.
        if ((await clearPrefixed(prefix, isExpired)) === 0) await clearPrefixed(prefix);
        await area().set(values).catch(() => {});
      }
    },
    clear: () => clearPrefixed(prefix),
  });
}

function isExpired(v: unknown): boolean {
  const at = (v as { expiresAt?: unknown } | undefined)?.expiresAt;
  return typeof at !== 'number' || at <= Date.now();
}

async function clearPrefixed(prefix: string, which: (value: unknown) => boolean = () => true): Promise<number> {
  const all = await area().get(await keysOrAll(prefix));
  const keys = Object.keys(all).filter((k) => k.startsWith(prefix) && which(all[k]));
  if (keys.length) await area().remove(keys);
  return keys.length;
}

/**
 * The stored keys starting with `prefix`, to read just those (a tab's list is not worth reading
 * every cached report for); null, meaning "read everything", where the browser cannot list keys
 * (storage getKeys: Chrome 130+).
 */
async function keysOrAll(prefix: string): Promise<string[] | null> {
  const a = area() as { getKeys?: () => Promise<string[]> };
  if (typeof a.getKeys !== 'function') return null;
  try {
    return (await a.getKeys()).filter((k) => k.startsWith(prefix));
  } catch {
    return null;
  }
}
