import { defineContentScript } from 'wxt/utils/define-content-script';
import { isLinkedInScanPage } from '../lib/detect/index.js';
import { ask } from '../lib/messaging.js';
import { askEarly, dropEarly, runningScanner, startScanner } from '../lib/page/scanner.js';
import { onPageSettingsChange, readPageSettings } from '../lib/page/settings.js';

// Wiring only. LinkedIn profiles, their certifications page, Featured and the feed are scanned as
// they load (unless switched off in the settings); other LinkedIn pages start scanning when the
// single-page app navigates to one of those. The e2e build adds the local demo hosts.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  // Injected at document start only to wake the background early (its verifier warms up while the
  // page loads); the scan itself waits for the DOM.
  runAt: 'document_start',
  async main(ctx) {
    const e2e = import.meta.env.MODE === 'e2e';
    const scanHere = (url: string) => isLinkedInScanPage(url) || (e2e && /^\/in\//.test(new URL(url).pathname));
    // Wakes the background (its verifier warms up while the page loads); the answer is not waited for.
    void ask('get-settings', {}).catch(() => {});
    const settings = readPageSettings();
    let settingsRead = false;
    void settings.then(() => (settingsRead = true));
    let auto: boolean | undefined; // unknown until storage answers
    let domReady = false;
    // A watching scanner follows single-page navigation itself; this starts one, or resumes a stopped one.
    const startHere = (url: string) => {
      if (!domReady || auto !== true || !scanHere(url)) return;
      const running = runningScanner();
      if (!running) startScanner(scanHere);
      else if (!running.watching) running.resume();
    };
    // Auto-scan switched off in the settings (even while this page is still loading): open LinkedIn
    // tabs stop watching at once; switched on, they start or resume without a reload.
    const unsubscribe = onPageSettingsChange((s) => {
      auto = s.autoScanLinkedIn !== false;
      if (auto) startHere(location.href);
      else runningScanner()?.stop();
    });
    ctx.onInvalidated(unsubscribe);
    if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    // Storage is slow to answer at times: the verdicts are asked for now, and the background
    // verifies them only if auto-scan is on. The badges wait for the settings.
    if (!settingsRead && auto === undefined && scanHere(location.href)) askEarly();
    const read = (await settings).autoScanLinkedIn !== false;
    auto ??= read; // a change seen while loading is newer than the first read
    if (!auto) dropEarly();
    domReady = true;
    startHere(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => startHere(newUrl.href));
  },
});
