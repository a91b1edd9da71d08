import { defineBackground } from 'wxt/utils/define-background';

// Wiring only: the background service worker will host the SDK verifier (issue 5).
export default defineBackground(() => {});
