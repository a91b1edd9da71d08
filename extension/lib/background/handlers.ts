/**
 * The background's answers to page-side requests, written against small interfaces so they can be
 * tested without a browser. The entrypoint supplies the browser-backed implementations.
 */
import type { Handlers } from '../messaging.js';
import { normalizeSettings, type Settings } from '../settings.js';
import type { Pages } from './pages.js';
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

/** The handler for every request type. */
export function createHandlers(env: BackgroundEnv): Handlers {
  return {
    'verify-link': async (req, sender) => {
      const tabId = sender.tabId;
      if (tabId !== undefined) await env.pages.put(tabId, req.pageUrl, req.owner, { ...req.link, state: 'pending' });
      const item = await env.verifier.verifyLink(req.link, req.owner);
      if (tabId !== undefined) await env.pages.put(tabId, req.pageUrl, req.owner, item);
      return item;
    },
    'verify-input': async (req) => env.verifier.verifyInput(req.input, req.owner),
    'page-summary': async (req) => {
      const tabId = req.tabId ?? (await env.activeTabId());
      return tabId === undefined ? null : env.pages.get(tabId);
    },
    'scan-tab': async (req) => {
      const tabId = req.tabId ?? (await env.activeTabId());
      if (tabId === undefined) return { ok: false, message: 'No tab to scan.' };
      return env.scanTab(tabId);
    },
    'get-settings': async () => env.loadSettings(),
    'set-settings': async (req) => {
      const s = normalizeSettings(req.settings);
      await env.saveSettings(s);
      return s;
    },
    'clear-cache': async () => ({ cleared: await env.clearResults() }),
    'open-page': async (req) => {
      await env.openPage(req.page, req.query);
      return { ok: true };
    },
  };
}
