import { defineConfig } from 'wxt';

// The extension source lives in extension/; the SDK it verifies with lives in sdk/.
export default defineConfig({
  srcDir: 'extension',
  manifest: {
    name: 'CredLens',
    description: 'Shows recruiters, inline, whether a credential on a profile or CV is real, current and worth something.',
    permissions: [],
  },
});
