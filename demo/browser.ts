/**
 * Chromium with the CredLens extension loaded, for the demo and the end-to-end tests: Debian's
 * chromium through playwright-core (no browser downloads), the e2e build (which may run on and
 * fetch from the local demo hosts), and the extension's settings pointed at the demo trust list.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Worker } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where `npm run build:e2e` puts the Chrome test build. */
export const E2E_EXTENSION = `${ROOT}.output/e2e/chrome-mv3`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// WebUIOmniboxAimPopup: since Chromium ~149 a fresh browser preloads the address bar's "AI mode"
// popup, a hidden WebUI page that keeps a CPU core busy for about a second after launch. On a
// two-core machine it slowed every test and skewed the fresh-browser benchmark; nothing here uses it.
export const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-features=WebUIOmniboxAimPopup'];

/** Builds the e2e extension (`wxt build --mode e2e`); answers the error output on failure. */
export function buildE2eExtension(): { ok: true } | { ok: false; output: string } {
  const r = spawnSync('npx', ['--no-install', 'wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0 && existsSync(`${E2E_EXTENSION}/manifest.json`)) return { ok: true };
  return { ok: false, output: (r.stderr || r.stdout || '').slice(-2000) };
}

/** A browser with the extension, its service worker and id. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** An extension page URL: `page('learner.html')`. */
  page(path: string): string;
  close(): Promise<void>;
}

/** Launches Chromium with the extension in `dir` (default: the e2e build). */
export async function launchWithExtension(opts: { headless: boolean; dir?: string; viewport?: { width: number; height: number } }): Promise<ExtensionBrowser> {
  const { chromium } = await import('playwright-core');
  const dir = opts.dir ?? E2E_EXTENSION;
  const profileDir = mkdtempSync(join(tmpdir(), 'credlens-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: opts.headless,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    args: [...CHROME_FLAGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    page: (path) => `chrome-extension://${extensionId}/${path}`,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Points the extension at the demo's trust list (what a recruiter's organisation would configure). */
export async function useDemoTrustList(b: ExtensionBrowser, issuerOrigin: string): Promise<void> {
  await b.worker.evaluate(async (url) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } } }).chrome;
    const current = ((await c.storage.local.get('settings')).settings ?? {}) as { trustSources?: unknown[] };
    const sources = (current.trustSources ?? []).filter((s) => (s as { id?: string }).id !== 'demo');
    await c.storage.local.set({ settings: { ...current, trustSources: [...sources, { id: 'demo', kind: 'credlens-list', name: 'Demo trust list', url, enabled: true }] } });
  }, `${issuerOrigin}/trust/list.json`);
}
