/**
 * What the page side needs of the settings (auto-scan on LinkedIn, the UI language), read from
 * extension storage directly. Asking the background instead made a first scan wait until the
 * worker, busy warming up or verifying, got round to answering (up to 200 ms on page load).
 * Content scripts may read `storage.local` in every browser CredLens supports.
 */
import { browser } from 'wxt/browser';
import { normalizeSettings, type Settings } from '../settings.js';

/** The settings a content script acts on. */
export type PageSettings = Pick<Settings, 'lang' | 'autoScanLinkedIn'>;

/** Reads the page-side settings; defaults when storage cannot be read. */
export async function readPageSettings(): Promise<PageSettings> {
  let raw: unknown;
  try {
    raw = (await browser.storage.local.get('settings')).settings;
  } catch {
    raw = undefined; // storage unavailable (extension reloading): the defaults
  }
  const s = normalizeSettings(raw);
  return { lang: s.lang, autoScanLinkedIn: s.autoScanLinkedIn };
}

/**
 * Calls `listener` with the page-side settings whenever the settings change (the settings page
 * saves them to `storage.local`). Answers a function that stops listening.
 */
export function onPageSettingsChange(listener: (s: PageSettings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !('settings' in changes)) return;
    const s = normalizeSettings(changes.settings!.newValue);
    listener({ lang: s.lang, autoScanLinkedIn: s.autoScanLinkedIn });
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
