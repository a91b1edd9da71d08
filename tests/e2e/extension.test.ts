/**
 * The extension in real Chromium (Debian's, through playwright-core) with the e2e build loaded,
 * against the real demo issuer and demo pages: inline verdicts on the LinkedIn-like profile (valid,
 * tampered, revoked, expired, untrusted issuer, recipient mismatch), the details card, the toolbar
 * scan on an HTML CV, the PDF CV in the CV reader, and the learner's preview. Screenshots go to
 * docs/ for the README.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildE2eExtension, launchWithExtension, useDemoTrustList, type ExtensionBrowser } from '../../demo/browser.js';
import { startIssuer, type RunningIssuer } from '../../demo/issuer/server.js';
import { startSite, type Site } from '../../demo/site.js';
import { PAGE_STRINGS } from '../../extension/lib/ui/strings.js';
import { buildPdf, linesAt } from '../fixtures/cv/pdf-builder.js';
import { expectDemoVerdicts } from '../helpers/badges.js';

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

/**
 * The extension's real side panel, once open: Playwright does not list it among the context's
 * pages, so it is reached as a DevTools target, evaluated in through the browser's own session.
 */
async function sidePanel(): Promise<{ evaluate<T>(expression: string): Promise<T>; screenshot(): Promise<Buffer>; close(): Promise<void> }> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  type Target = { targetId: string; type: string; url: string };
  let target: Target | undefined;
  await expect
    .poll(async () => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Target[] };
      target = targetInfos.find((t) => t.type === 'page' && t.url === browser.page('sidepanel.html'));
      return target !== undefined;
    }, { timeout: 10_000 })
    .toBe(true);
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target!.targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  type Answer = { id?: number; result?: unknown; error?: { message: string } };
  const waiting = new Map<number, (m: Answer) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as Answer;
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  const call = async (method: string, params: object): Promise<unknown> => {
    const id = ++next;
    const answer = new Promise<Answer>((r) => waiting.set(id, r));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const m = await answer;
    if (m.error) throw new Error(m.error.message);
    return m.result;
  };
  return {
    evaluate: async <T,>(expression: string) => ((await call('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: T } }).result.value,
    screenshot: async () => Buffer.from(((await call('Page.captureScreenshot', { format: 'png' })) as { data: string }).data, 'base64'),
    close: () => cdp.detach(),
  };
}

function bySlug(slug: string) {
  const c = issuer.credentials.find((x) => x.slug === slug);
  if (!c) throw new Error(`no demo credential ${slug}`);
  return c;
}

/** Switches auto-scan of LinkedIn pages on or off in the extension's settings. */
const setAutoScan = (on: boolean) =>
  browser.worker.evaluate(async (value) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } } }).chrome;
    const current = ((await c.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await c.storage.local.set({ settings: { ...current, autoScanLinkedIn: value } });
  }, on);

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
    expectDemoVerdicts(badges, issuer.credentials);
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
    // The certifications section with every inline verdict, for the README: clipped out of a
    // full-page shot, where the page's fixed top bar stays at the top instead of crossing the section.
    const section = page.locator('section', { has: page.getByRole('heading', { name: /Licenses & certifications/ }) }).last();
    const box = await section.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({ path: `${DOCS}extension-profile.png`, fullPage: true, clip: box });
  });

  it('lists the page in the background for the side panel, with the titles read from the page', async () => {
    // The list is saved in batches (about a second after the last change): wait for the saved copy.
    const read = () =>
      browser.worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        const all = await c.storage.session.get(null as unknown as string);
        return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('page:'))) as Record<string, { pageUrl: string; owner?: string; items: { url: string; state: string; text?: string }[] }>;
      });
    let mine: { pageUrl: string; owner?: string; items: { url: string; state: string; text?: string }[] } | undefined;
    await expect
      .poll(async () => {
        mine = Object.values(await read()).find((s) => s.pageUrl === site.pages.profile);
        return mine?.items.length === issuer.credentials.length && mine.items.every((i) => i.state === 'done' && i.text);
      }, { timeout: 10_000 })
      .toBe(true);
    expect(mine?.owner).toMatch(/Nováková-Schmidt/);
    expect(new Set(mine?.items.map((i) => i.url))).toEqual(new Set(issuer.credentials.map((c) => c.url)));
    // titles come from the page (read after the verdicts were asked for), not "Show credential"
    for (const c of issuer.credentials) expect(mine?.items.find((i) => i.url === c.url)?.text, c.slug).toBe(c.title);
    expect(mine?.items.every((i) => i.state === 'done')).toBe(true);
  });

  it("the real side panel lists the profile's credentials with their verdicts, following the active tab", async () => {
    type Chrome = {
      tabs: { query(q: object): Promise<{ id: number; url?: string; windowId: number }[]>; create(o: object): Promise<{ id: number }>; update(id: number, o: object): Promise<unknown> };
      sidePanel: { open(o: { windowId: number }): Promise<void> };
    };
    // Another tab in the profile's window, in front: an extension page with a button, because Chrome
    // opens a side panel only on a user gesture (the window is looked up before the click).
    const { tabId, windowId } = await browser.worker.evaluate(async ({ profileUrl, optionsUrl }) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const profile = (await c.tabs.query({})).find((t) => t.url === profileUrl)!;
      await c.tabs.create({ windowId: profile.windowId, url: optionsUrl, active: true });
      return { tabId: profile.id, windowId: profile.windowId };
    }, { profileUrl: site.pages.profile, optionsUrl: browser.page('options.html') });
    await expect.poll(() => browser.context.pages().some((p) => p.url() === browser.page('options.html'))).toBe(true);
    const opener = browser.context.pages().find((p) => p.url() === browser.page('options.html'))!;
    await opener.waitForLoadState();
    await opener.evaluate((windowId) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const button = document.createElement('button');
      button.id = 'e2e-open-panel';
      button.textContent = 'Open the side panel';
      button.onclick = () => void c.sidePanel.open({ windowId }).then(() => (document.title = 'panel open'), (e: Error) => (document.title = `failed: ${e.message}`));
      document.body.prepend(button);
    }, windowId);
    await opener.click('#e2e-open-panel');
    await expect.poll(() => opener.title()).toBe('panel open');
    const panel = await sidePanel();
    const listed = `[...document.querySelectorAll('li.cl-item[data-credential-url]')].map((e) => ({ url: e.getAttribute('data-credential-url'), verdict: e.getAttribute('data-verdict') }))`;
    try {
      // The tab in front is the options page: nothing scanned there.
      await expect.poll(() => panel.evaluate<string>('document.body.innerText'), { timeout: 15_000 }).toContain(PAGE_STRINGS.en.notScanned);
      // The profile comes to the front: the panel shows its list.
      await browser.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.tabs.update(id, { active: true }), tabId);
      await expect.poll(() => panel.evaluate<unknown[]>(listed), { timeout: 15_000 }).toHaveLength(issuer.credentials.length);
      expectDemoVerdicts(await panel.evaluate<{ url: string; verdict: string }[]>(listed), issuer.credentials);
      writeFileSync(`${DOCS}extension-side-panel.png`, await panel.screenshot());
    } finally {
      await panel.close();
      await opener.close();
    }
  });

  it('stops watching an open profile when auto-scan is switched off, and resumes when it is switched on', async () => {
    const count = () => page.$$eval('credlens-badge', (els) => els.length);
    const before = await count();
    // a section LinkedIn loads later, with a credential link in it
    const addSection = (id: string) =>
      page.evaluate(
        ({ id, url }) => {
          const ul = document.createElement('ul');
          ul.id = id;
          ul.innerHTML = '<li><span>Added later</span> <a></a></li>';
          const a = ul.querySelector('a')!;
          a.href = url;
          a.textContent = 'Show credential';
          document.body.append(ul);
        },
        { id, url: bySlug('uni-learning-analytics').url },
      );
    try {
      await setAutoScan(false);
      await page.waitForTimeout(1000); // the change reaches the tab's content script (storage.onChanged; generous under CI load)
      await addSection('credlens-e2e-off');
      await page.waitForTimeout(800); // well past the watcher's 200 ms batch delay
      expect(await count()).toBe(before);
      await setAutoScan(true);
      await expect.poll(count, { timeout: 5_000 }).toBe(before + 1);
      expect(await page.$eval('#credlens-e2e-off credlens-badge', (b) => b.getAttribute('data-credential-url'))).toBe(bySlug('uni-learning-analytics').url);
      // watching again: the next lazily loaded section gets its badge by itself
      await addSection('credlens-e2e-on');
      await expect.poll(count, { timeout: 5_000 }).toBe(before + 2);
    } finally {
      await setAutoScan(true);
    }
  });
});

describe('LinkedIn-like profile with auto-scan off', () => {
  it('places no badge and verifies nothing on a profile loaded while auto-scan is off', async () => {
    await setAutoScan(false);
    const url = `${site.pages.profile}?auto-scan-off`;
    const page = await browser.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(2000); // verdicts come within a second; the tab's list is saved a second later
      expect(await page.locator('credlens-badge').count()).toBe(0);
      const listed = await browser.worker.evaluate(async (pageUrl) => {
        const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        const all = await c.storage.session.get(null as unknown as string);
        return Object.entries(all).filter(([k, v]) => k.startsWith('page:') && (v as { pageUrl?: string }).pageUrl === pageUrl).length;
      }, url);
      expect(listed).toBe(0);
    } finally {
      await setAutoScan(true);
      await page.close();
    }
  });
});

describe('any page on demand (toolbar)', () => {
  it('scans an HTML CV when the toolbar scan runs on its tab', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.pages.cvHtml, { waitUntil: 'load' });
    expect(await page.locator('credlens-badge').count()).toBe(0); // nothing runs on a CV until asked
    // What the toolbar click does: the background's scan-tab for this tab (activeTab in the store build).
    const answer = await browser.worker.evaluate(async (url) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> }; scripting: { executeScript(o: object): Promise<unknown> } } }).chrome;
      const tab = (await c.tabs.query({})).find((t) => t.url === url);
      if (!tab) return 'no tab';
      await c.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/scan.js'] });
      return 'ok';
    }, site.pages.cvHtml);
    expect(answer).toBe('ok');
    const badges = await settledBadges(page, issuer.credentials.length);
    for (const c of issuer.credentials) expect(badges.find((b) => b.url === c.url)?.verdict, c.slug).toBe(c.expect);
    await page.close();
  });
});

describe('CV files', () => {
  /** The CV page's list once it holds at least `n` entries (default: every demo credential), none pending. */
  async function listed(page: Page, n = issuer.credentials.length): Promise<{ url: string; verdict: string }[]> {
    await page.waitForFunction(
      (n) => {
        const items = [...document.querySelectorAll('li.cl-item[data-credential-url]')];
        return items.length >= n && items.every((i) => i.getAttribute('data-verdict') !== 'pending');
      },
      n,
      { timeout: 60_000 },
    );
    return page.$$eval('li.cl-item[data-credential-url]', (els) => els.map((e) => ({ url: e.getAttribute('data-credential-url')!, verdict: e.getAttribute('data-verdict')! })));
  }

  it('reads a PDF open in a tab: the toolbar opens it in the CV reader, which lists every credential with its verdict', async () => {
    const pdfTab = await browser.context.newPage();
    await pdfTab.goto(site.pages.cvPdf).catch(() => {}); // Chromium's PDF viewer (or a download in headless)
    const res = await browser.worker.evaluate(async (url) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string; pendingUrl?: string }[]> } } }).chrome;
      const tab = (await c.tabs.query({})).find((t) => t.url === url || t.pendingUrl === url);
      return tab?.id ?? null;
    }, site.pages.cvPdf);
    expect(res).not.toBeNull();
    const options = await browser.context.newPage();
    await options.goto(browser.page('options.html'));
    const answer = await options.evaluate(async (tabId) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'scan-tab', tabId }), res);
    expect(answer).toMatchObject({ ok: true, value: { ok: true } });
    // The CV reader opens in a new tab (looked for among the open pages: a 'page' event may come
    // before anyone waits for it).
    const readerPage = () => browser.context.pages().find((p) => p.url().includes('/cv.html'));
    await expect.poll(() => readerPage() !== undefined, { timeout: 30_000 }).toBe(true);
    const reader = readerPage()!;
    const items = await listed(reader);
    for (const c of issuer.credentials) expect(items.find((i) => i.url === c.url)?.verdict, c.slug).toBe(c.expect);
    // the reader's tab has its list in the background too (what the side panel shows for that tab)
    await expect
      .poll(
        () =>
          browser.worker.evaluate(async (pdf) => {
            const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, { pageUrl?: string; items?: { state: string }[] }>> } } } }).chrome;
            const list = Object.entries(await c.storage.session.get(null)).find(([k, v]) => k.startsWith('page:') && v.pageUrl === pdf)?.[1];
            return list?.items?.filter((i) => i.state === 'done').length ?? 0;
          }, site.pages.cvPdf),
        { timeout: 10_000 },
      )
      .toBe(issuer.credentials.length);
    await reader.screenshot({ path: `${DOCS}extension-cv-reader.png` });
    await Promise.all([pdfTab.close(), options.close(), reader.close()]);
  });

  it('reads a Japanese PDF CV whose text needs a predefined CMap (shipped in the extension)', async () => {
    // An older producer's CV: a font it did not embed, text as UniJIS-UCS2-H codes without a
    // ToUnicode map, the credential URL printed in that text only (no link annotation).
    const credential = issuer.credentials[0]!;
    const pdf = buildPdf([{ texts: linesAt(['職務経歴書', '資格・認定', `オープンバッジ ${credential.url}`]) }], { font: 'UniJIS-UCS2-H' });
    const page = await browser.context.newPage();
    await page.goto(browser.page('cv.html'));
    await page.locator('input[type=file]').setInputFiles({ name: '履歴書.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    expect(await listed(page, 1)).toEqual([{ url: credential.url, verdict: credential.expect }]);
    await page.close();
  });

  it('reads a dropped DOCX CV', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.page('cv.html'));
    const docx = Buffer.from(await (await fetch(site.pages.cvDocx)).arrayBuffer());
    await page.locator('input[type=file]').setInputFiles({ name: 'cv.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    const items = await listed(page);
    expect(new Set(items.map((i) => i.url))).toEqual(new Set(issuer.credentials.map((c) => c.url)));
    await page.close();
  });
});

describe("the learner's preview", () => {
  it('shows the recruiter card and what to ask the issuer for a pasted link', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.page('learner.html'));
    const webinar = bySlug('webinar-genai-assessment');
    await page.locator('textarea').first().fill(webinar.url);
    await page.locator('button[type=submit]').click();
    const card = page.locator('article.cl-card[data-state="done"]');
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    expect(await card.getAttribute('data-verdict')).toBe('valid');
    const checklist = (await page.locator('.cl-checklist').innerText()).replace(/\s+/g, ' ');
    expect(checklist).toMatch(/workload|ECTS/i); // the webinar states no workload: the learner is told what to ask for
    await page.screenshot({ path: `${DOCS}extension-learner.png`, fullPage: true });
    await page.close();
  });

  it('verifies a dropped baked badge image', async () => {
    const baked = issuer.credentials.find((c) => c.imageUrl?.endsWith('.png'))!;
    const page = await browser.context.newPage();
    await page.goto(browser.page('learner.html'));
    const png = Buffer.from(await (await fetch(baked.imageUrl!)).arrayBuffer());
    await page.locator('input[type=file]').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: png });
    const card = page.locator('article.cl-card[data-state="done"]');
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    expect(await card.getAttribute('data-verdict')).toBe(baked.expect);
    await page.close();
  });
});

describe('settings', () => {
  it('adds a trust list by URL on the settings page and keeps it', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.page('options.html'));
    await page.getByLabel(/^Name/).fill('Second demo list');
    await page.locator('form textarea').fill(`${issuer.origin}/trust/list.json?copy=2`);
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect.poll(() => page.locator('[role=status]').innerText()).toContain('Added');
    const stored = await browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { trustSources: { name: string; url?: string }[] }>> } } } }).chrome;
      return (await c.storage.local.get('settings')).settings!.trustSources.map((s) => s.name);
    });
    expect(stored).toContain('Second demo list');
    await page.close();
  });
});
