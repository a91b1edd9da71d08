import { defineContentScript } from 'wxt/utils/define-content-script';
import { isLinkedInScanPage } from '../lib/detect/index.js';
import { ask } from '../lib/messaging.js';
import { startScanner } from '../lib/page/scanner.js';
import { readPageSettings } from '../lib/page/settings.js';

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
    if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    if ((await settings).autoScanLinkedIn === false) return;
    if (scanHere(location.href)) return void startScanner(scanHere);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (scanHere(newUrl.href)) startScanner(scanHere);
    });
  },
});
