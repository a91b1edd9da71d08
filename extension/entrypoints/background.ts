// Wiring only: the background service worker will host the SDK verifier (issue 5).
export default defineBackground(() => {
  // Nothing to wire yet; content scripts and the side panel arrive with the extension issue.
});
