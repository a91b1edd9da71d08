/**
 * The store build (what recruiters install from the stores), in Chromium: its manifest asks for no
 * hosts, its content script runs on LinkedIn only, and it refuses the local demo issuer until the
 * user switches "local-network checks" on, after which the same demo credentials verify through it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, useDemoTrustList, type ExtensionBrowser } from '../../demo/browser.js';
import { startIssuer, type RunningIssuer } from '../../demo/issuer/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STORE = `${ROOT}.output/chrome-mv3`;

let keysDir: string;
let issuer: RunningIssuer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const r = spawnSync('npx', ['--no-install', 'wxt', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wxt build failed:\n${(r.stderr || r.stdout).slice(-2000)}`);
  keysDir = mkdtempSync(join(tmpdir(), 'credlens-store-keys-'));
  issuer = await startIssuer({ port: 0, keysDir });
  browser = await launchWithExtension({ headless: true, dir: STORE });
  await useDemoTrustList(browser, issuer.origin);
});

afterAll(async () => {
  await browser?.close();
  await issuer?.close();
  if (keysDir) rmSync(keysDir, { recursive: true, force: true });
});

async function learnerVerdict(url: string): Promise<{ state: string | null; verdict: string | null; text: string }> {
  const page = await browser.context.newPage();
  await page.goto(browser.page(`learner.html?url=${encodeURIComponent(url)}`));
  const card = page.locator('article.cl-card:not([data-state="pending"])');
  await card.first().waitFor({ timeout: 30_000 });
  const out = { state: await card.first().getAttribute('data-state'), verdict: await card.first().getAttribute('data-verdict'), text: (await card.first().innerText()).replace(/\s+/g, ' ') };
  await page.close();
  return out;
}

describe('store build', () => {
  it('asks for no hosts at install and runs its content script on LinkedIn only', () => {
    const manifest = JSON.parse(readFileSync(`${STORE}/manifest.json`, 'utf8')) as { host_permissions?: string[]; content_scripts?: { matches: string[] }[]; optional_host_permissions?: string[]; permissions?: string[] };
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts?.flatMap((c) => c.matches)).toEqual(['https://www.linkedin.com/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting', 'sidePanel']);
  });

  it('refuses a credential on localhost by default, and verifies it once local-network checks are on', async () => {
    const uni = issuer.credentials.find((c) => c.slug === 'uni-learning-analytics')!;
    const refused = await learnerVerdict(uni.url);
    expect(refused.state).toBe('error');
    expect(refused.text).toContain('blocked-address');
    await browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(v: unknown): Promise<void> } } } }).chrome;
      const s = (await c.storage.local.get('settings')).settings ?? {};
      await c.storage.local.set({ settings: { ...s, localNetwork: true } });
    });
    const ok = await learnerVerdict(uni.url);
    expect(ok).toMatchObject({ state: 'done', verdict: 'valid' });
    expect(ok.text).toMatch(/recognised/i);
    const revoked = await learnerVerdict(issuer.credentials.find((c) => c.slug === 'uni-research-data-revoked')!.url);
    expect(revoked.verdict).toBe('revoked');
  });
});
