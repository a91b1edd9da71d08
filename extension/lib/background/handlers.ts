/**
 * The background's answers to page-side requests, written against small interfaces so they can be
 * tested without a browser. The entrypoint supplies the browser-backed implementations.
 */
import { AUTO_SCAN_OFF, BackgroundError, type Handlers, type Sender } from '../messaging.js';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../settings.js';
import { MAX_LINK_TEXT } from '../../../sdk/input/links.js';
import { MAX_ITEMS_PER_PAGE, type Pages } from './pages.js';
import type { Verifier } from './verifier.js';

/** Browser capabilities the handlers use. */
export interface BackgroundEnv {
  verifier: Verifier;
  pages: Pages;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  clearResults(): Promise<number>;
  /** The active tab of the focused window. */
  activeTabId(): Promise<number | undefined>;
  /** Scans a tab on demand (injects the scan script, or opens the CV page for a PDF tab). */
  scanTab(tabId: number): Promise<{ ok: boolean; message?: string }>;
  openPage(page: 'options' | 'learner' | 'cv', query?: string): Promise<void>;
}

/** Refuses a request that only CredLens's own pages may make. */
function ownPagesOnly(sender: Sender): void {
  if (!sender.fromExtension) throw new BackgroundError('forbidden', 'Only CredLens pages may ask for this.');
}

/** The handler for every request type. */
export function createHandlers(env: BackgroundEnv): Handlers {
  return {
    'verify-link': async (req, sender) => {
      if (req.auto === true && (await env.loadSettings()).autoScanLinkedIn === false) {
        throw new BackgroundError(AUTO_SCAN_OFF, 'Automatic checking of LinkedIn pages is switched off in the CredLens settings.');
      }
      const tabId = sender.tabId;
      if (tabId !== undefined) await env.pages.put(tabId, req.pageUrl, req.owner, { ...req.link, state: 'pending' });
      const item = await env.verifier.verifyLink(req.link, req.owner);
      if (tabId !== undefined) await env.pages.put(tabId, req.pageUrl, req.owner, item);
      return item;
    },
    'link-titles': async (req, sender) => {
      // Only a tab's own content script names its list's entries.
      if (sender.tabId === undefined || sender.fromExtension || !Array.isArray(req.titles)) return null;
      const titles = req.titles
        .slice(0, MAX_ITEMS_PER_PAGE)
        .filter((t): t is { url: string; text: string } => typeof t?.url === 'string' && typeof t.text === 'string' && t.text.length <= MAX_LINK_TEXT);
      await env.pages.setTitles(sender.tabId, req.pageUrl, titles);
      return null;
    },
    'verify-input': async (req, sender) => {
      ownPagesOnly(sender);
      return env.verifier.verifyInput(req.input, req.owner);
    },
    'page-summary': async (req, sender) => {
      // A content script sees its own tab's list, never another tab's.
      const tabId = sender.fromExtension ? (req.tabId ?? (await env.activeTabId())) : sender.tabId;
      return tabId === undefined ? null : env.pages.get(tabId);
    },
    'scan-tab': async (req, sender) => {
      ownPagesOnly(sender);
      const tabId = req.tabId ?? (await env.activeTabId());
      if (tabId === undefined) return { ok: false, message: 'No tab to scan.' };
      return env.scanTab(tabId);
    },
    'get-settings': async (_req, sender) => {
      const s = await env.loadSettings();
      // Asked first by a LinkedIn page at document start and by CredLens pages as they open: a
      // verification is likely soon, so the verifier compiles once this answer is out (once per
      // worker, and not after a real verification started). Workers woken for anything else (a
      // closed tab, a storage change) skip that work.
      setTimeout(() => void env.verifier.warmUp(), 0);
      // Web pages' content scripts get what a scan needs. (They may read storage.local themselves,
      // which browsers allow them; nothing secret is kept there. The LinkedIn script does, so its
      // first scan does not wait for a busy worker; this request only wakes the worker.)
      return sender.fromExtension ? s : { ...DEFAULT_SETTINGS, trustSources: [], lang: s.lang, autoScanLinkedIn: s.autoScanLinkedIn };
    },
    'set-settings': async (req, sender) => {
      ownPagesOnly(sender);
      const s = normalizeSettings(req.settings);
      await env.saveSettings(s);
      return s;
    },
    'clear-cache': async (_req, sender) => {
      ownPagesOnly(sender);
      return { cleared: await env.clearResults() };
    },
    'open-page': async (req, sender) => {
      ownPagesOnly(sender);
      await env.openPage(req.page, req.query);
      return { ok: true };
    },
  };
}
