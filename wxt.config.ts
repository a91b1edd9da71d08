import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/**
 * Builds:
 *   npm run build          Chrome MV3 store build  → .output/chrome-mv3/
 *   npm run build:firefox  Firefox store build      → .output/firefox-mv2/
 *   npm run build:e2e      Chrome test build        → .output/e2e/chrome-mv3/
 * The e2e build (mode 'e2e') also runs on http://localhost and http://127.0.0.1 pages and may fetch
 * from them, for the demo and the end-to-end tests. Store builds never get those hosts.
 */
const argv = process.argv;
const modeAt = argv.findIndex((a) => a === '--mode' || a === '-m' || a.startsWith('--mode='));
const mode = modeAt < 0 ? undefined : argv[modeAt]!.startsWith('--mode=') ? argv[modeAt]!.slice(7) : argv[modeAt + 1];
const E2E = mode === 'e2e';
const LOCAL_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

/**
 * Several JSON-LD context packages name a "module" file they do not publish (dist/context.esm.js);
 * Vite prefers "module" and fails. Point those packages at their CommonJS entry instead.
 */
function unpublishedModuleEntries(): Record<string, string> {
  const root = dirname(fileURLToPath(import.meta.url));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const alias: Record<string, string> = {};
  for (const name of Object.keys(pkg.dependencies)) {
    const dir = join(root, 'node_modules', name);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { module?: string; main?: string; exports?: unknown };
    if (meta.exports || !meta.module || existsSync(join(dir, meta.module))) continue;
    const main = join(dir, meta.main ?? 'index.js');
    alias[name] = existsSync(main) ? main : existsSync(`${main}.js`) ? `${main}.js` : join(main, 'index.js');
  }
  return alias;
}

export default defineConfig({
  srcDir: 'extension',
  modulesDir: 'extension/modules',
  publicDir: 'extension/public',
  outDir: E2E ? '.output/e2e' : '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  manifest: ({ browser }) => ({
    name: E2E ? 'CredLens (e2e test build)' : 'CredLens',
    description: 'Shows recruiters, inline, whether a credential on a profile or CV is real, current and worth something.',
    // storage: settings and cached results; activeTab + scripting: scan the page the user asks for;
    // sidePanel (Chrome): the list of credentials on the page.
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Credential hosts are unknown in advance: asked for at run time, never at install.
    // (Firefox MV2 has no optional_host_permissions: origins go in optional_permissions there.)
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://*/*'] } : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    host_permissions: E2E ? LOCAL_HOSTS : [],
    action: { default_title: 'CredLens: check the credentials on this page' },
    browser_specific_settings: browser === 'firefox' ? { gecko: { id: 'credlens@credlens.example', data_collection_permissions: { required: ['none'] } } } : undefined,
  }),
  // The sources archive Firefox's reviewers rebuild from: no build output, screenshots or demo keys.
  zip: { excludeSources: ['dist/**', 'demo/out/**', 'demo/.keys/**', 'docs/*.png', '.output/**'] },
  vite: () => ({
    resolve: {
      alias: unpublishedModuleEntries(),
    },
  }),
  hooks: {
    // The LinkedIn content script also runs on the local demo pages in the e2e build only.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!E2E) return;
      for (const cs of manifest.content_scripts ?? []) {
        if (cs.matches?.some((m: string) => m.includes('linkedin.com'))) cs.matches = [...cs.matches, ...LOCAL_HOSTS];
      }
    },
  },
});
