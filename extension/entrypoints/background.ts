import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/browser.js';

// Wiring only: the verifier, page lists and settings live in lib/background.
export default defineBackground(() => {
  startBackground({ e2e: import.meta.env.MODE === 'e2e', sidePanel: !import.meta.env.FIREFOX });
});
