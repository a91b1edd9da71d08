/**
 * The extension in real Chromium (Debian's, through playwright-core) with the e2e build loaded,
 * against the real demo issuer and demo pages: inline verdicts on the LinkedIn-like profile (valid,
 * tampered, revoked, expired, untrusted issuer, recipient mismatch), the details card, the toolbar
 * scan on an HTML CV, the PDF CV in the CV reader, and the learner's preview. Screenshots go to
 * docs/ for the README.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildE2eExtension, launchWithExtension, useDemoTrustList, type ExtensionBrowser } from '../../demo/browser.js';
import { startIssuer, type RunningIssuer } from '../../demo/issuer/server.js';
import { startSite, type Site } from '../../demo/site.js';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

let keysDir: string;
let issuer: RunningIssuer;
let site: Site;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const built = buildE2eExtension();
  if (!built.ok) throw new Error(`wxt build --mode e2e failed:\n${built.output}`);
  keysDir = mkdtempSync(join(tmpdir(), 'credlens-e2e-keys-'));
  issuer = await startIssuer({ port: 0, keysDir, host: '127.0.0.1' });
  site = await startSite(issuer.credentials, { port: 0, issuerOrigin: issuer.origin });
  browser = await launchWithExtension({ headless: true });
  await useDemoTrustList(browser, issuer.origin);
  mkdirSync(DOCS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await issuer?.close();
  if (keysDir) rmSync(keysDir, { recursive: true, force: true });
});

interface BadgeState {
  url: string;
  verdict: string;
  trust: string | null;
  recipient: string | null;
}

/** Every badge on the page once none is pending any more. */
async function settledBadges(page: Page, atLeast: number): Promise<BadgeState[]> {
  await page.waitForFunction(
    (n) => {
      const all = [...document.querySelectorAll('credlens-badge')];
      return all.length >= n && all.every((b) => b.getAttribute('data-verdict') !== 'pending');
    },
    atLeast,
    { timeout: 60_000 },
  );
  return page.$$eval('credlens-badge', (els) =>
    els.map((b) => ({ url: b.getAttribute('data-credential-url')!, verdict: b.getAttribute('data-verdict')!, trust: b.getAttribute('data-trust'), recipient: b.getAttribute('data-recipient') })),
  );
}

function bySlug(slug: string) {
  const c = issuer.credentials.find((x) => x.slug === slug);
  if (!c) throw new Error(`no demo credential ${slug}`);
  return c;
}

describe('LinkedIn-like profile', () => {
  let page: Page;
  let badges: BadgeState[];

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(site.pages.profile, { waitUntil: 'load' });
    await page.mouse.wheel(0, 1500); // the certifications section loads lazily, as on LinkedIn
    badges = await settledBadges(page, issuer.credentials.length);
  });

  it('puts a badge next to every credential link, with the verdict the demo expects', () => {
    const urls = new Set(badges.map((b) => b.url));
    for (const c of issuer.credentials) {
      expect(urls.has(c.url), c.slug).toBe(true);
      for (const b of badges.filter((x) => x.url === c.url)) expect(b.verdict, c.slug).toBe(c.expect);
    }
    // Nothing else on the profile (company pages, GitHub, "Show all") got a badge.
    expect([...urls].every((u) => issuer.credentials.some((c) => c.url === u))).toBe(true);
  });

  it('covers valid, tampered, revoked, expired, untrusted and other-person credentials', () => {
    const one = (slug: string) => badges.find((b) => b.url === bySlug(slug).url)!;
    expect(one('uni-learning-analytics')).toMatchObject({ verdict: 'valid', trust: 'recognised', recipient: 'match' });
    expect(one('tampered-statistics').verdict).toBe('invalid');
    expect(one('uni-research-data-revoked').verdict).toBe('revoked');
    expect(one('first-aid-expired').verdict).toBe('expired');
    expect(one('unknown-issuer-ai-strategist')).toMatchObject({ verdict: 'valid', trust: 'unknown' });
    expect(one('other-person-python')).toMatchObject({ verdict: 'valid', recipient: 'mismatch' });
  });

  it('opens the details card with issuer, trust, assessment and EU elements', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const uni = bySlug('uni-learning-analytics');
    const badge = page.locator(`credlens-badge[data-credential-url="${uni.url}"]`).first();
    await badge.scrollIntoViewIfNeeded();
    await badge.locator('button').click();
    const card = page.locator('credlens-card [role="dialog"]');
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(uni.issuerName);
    expect(text).toMatch(/recognised/i);
    expect(text).toMatch(/assessed/i);
    expect(text).toMatch(/ECTS|workload/i);
    await page.screenshot({ path: `${DOCS}extension-card.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);
    await page.getByRole('heading', { name: /Licenses & certifications/ }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    await page.screenshot({ path: `${DOCS}extension-profile.png` });
  });

  it('lists the page in the background for the side panel', async () => {
    const summary = await browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await c.storage.session.get('pages')).pages as Record<string, { pageUrl: string; owner?: string; items: { url: string; state: string }[] }>;
    });
    const mine = Object.values(summary).find((s) => s.pageUrl === site.pages.profile);
    expect(mine?.owner).toMatch(/Nováková-Schmidt/);
    expect(new Set(mine?.items.map((i) => i.url))).toEqual(new Set(issuer.credentials.map((c) => c.url)));
    expect(mine?.items.every((i) => i.state === 'done')).toBe(true);
  });
});
