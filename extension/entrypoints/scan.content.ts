import { defineContentScript } from 'wxt/utils/define-content-script';
import { startScanner } from '../lib/page/scanner.js';

// Wiring only: injected into the current tab when the recruiter clicks the toolbar button
// (activeTab), for HTML CVs, portfolios and ATS pages.
export default defineContentScript({
  registration: 'runtime',
  main() {
    startScanner();
  },
});
