/**
 * `npm run demo`: builds the extension, starts the demo issuer and the demo pages on localhost, and
 * either opens Chromium with the extension on the profile (when there is a display) or drives the
 * same flow headless: verifies every credential the pages link to, prints a table, writes
 * screenshots to demo/out/ and exits (0 when every verdict is the expected one).
 *
 *   npm run demo                 headed when $DISPLAY is set, else headless
 *   npm run demo -- --headless   force headless
 *   npm run demo -- --serve      keep the servers up (Ctrl-C stops them)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verify } from '../sdk/index.js';
import { MANDATORY_ELEMENTS, type Report } from '../sdk/report/types.js';
import { startIssuer } from './issuer/server.js';
import { startSite, type Site } from './site.js';
import { DEMO_PERSON, type DemoCredential } from './types.js';
import { credlensTrustList } from '../sdk/trust/index.js';
import { extractLinks, isCredentialLink } from '../sdk/input/cv.js';
import type { Page } from 'playwright-core';
import { buildE2eExtension, CHROME_FLAGS, CHROMIUM, E2E_EXTENSION, launchWithExtension, useDemoTrustList } from './browser.js';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const VERIFY = { allowPrivateNetwork: true, allowHttpLocalhost: true } as const;

const args = new Set(process.argv.slice(2));
const serve = args.has('--serve');
const headless = args.has('--headless') || !process.env.DISPLAY;

function buildExtension(): boolean {
  // The e2e build: the store build never runs on or fetches from localhost, where the demo lives.
  process.stdout.write('Building the extension (wxt build --mode e2e)… ');
  const r = buildE2eExtension();
  console.log(r.ok ? `done: ${E2E_EXTENSION}` : `failed (the table and pages still work):\n${r.output.slice(-800)}`);
  return r.ok;
}

interface Row {
  credential: DemoCredential;
  report?: Report;
  error?: string;
}

async function verifyAll(credentials: DemoCredential[], issuerOrigin: string): Promise<Row[]> {
  const rows: Row[] = [];
  // What a recruiter's set-up knows: the organisation's trust list, and the candidate from the profile.
  const options = { ...VERIFY, trust: [credlensTrustList({ url: `${issuerOrigin}/trust/list.json`, name: 'Demo trust list' })], recipient: { name: DEMO_PERSON.name, email: DEMO_PERSON.email } };
  for (const credential of credentials) {
    try {
      rows.push({ credential, report: await verify(credential.url, options) });
    } catch (e) {
      rows.push({ credential, error: (e as Error).message });
    }
  }
  return rows;
}

function present(r: Report | undefined): string {
  if (!r) return '-';
  return r.completeness ? `${r.completeness.mandatoryPresent}/${r.completeness.mandatoryTotal}` : `0/${MANDATORY_ELEMENTS.length}`;
}

function printTable(rows: Row[]): boolean {
  const head = ['credential', 'format', 'verdict', 'expected', 'trust', 'elements', 'assessed', 'recipient'];
  const body = rows.map(({ credential: c, report: r, error }) => [
    c.title.length > 46 ? c.title.slice(0, 45) + '…' : c.title,
    c.format,
    r?.verdict ?? `error: ${error}`,
    c.expect,
    r?.trust.level ?? '-',
    present(r),
    r?.assessment?.kind ?? '-',
    r?.recipient?.state ?? '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  console.log('\n' + line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  let allGood = true;
  for (const [i, b] of body.entries()) {
    const ok = rows[i]!.report?.verdict === rows[i]!.credential.expect;
    allGood &&= ok;
    console.log(line(b) + (ok ? '' : '   ✗ unexpected'));
  }
  return allGood;
}

async function checkCvFiles(site: Site, credentials: DemoCredential[]): Promise<boolean> {
  let ok = true;
  for (const [label, url] of [['PDF CV', site.pages.cvPdf], ['DOCX CV', site.pages.cvDocx], ['HTML CV', site.pages.cvHtml]] as const) {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const links = extractLinks(bytes).links.filter((l) => isCredentialLink(l.url)).map((l) => l.url);
    const expected = credentials.map((c) => c.url);
    const found = expected.filter((u) => links.includes(u)).length;
    ok &&= found === expected.length;
    console.log(`${label}: ${found} of ${expected.length} credential links found (${url})`);
  }
  return ok;
}

/** Waits until every badge on the page has its verdict; answers how many there are. */
async function settled(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('credlens-badge')];
    return all.length > 0 && all.every((b) => b.getAttribute('data-verdict') !== 'pending');
  }, undefined, { timeout: 30_000 });
  return page.locator('credlens-badge').count();
}

async function screenshots(site: Site, issuerOrigin: string, withExtension: boolean): Promise<string[]> {
  if (!existsSync(CHROMIUM)) {
    console.log(`No Chromium at ${CHROMIUM}: screenshots skipped (install it with: apt-get install -y chromium).`);
    return [];
  }
  mkdirSync(OUT, { recursive: true });
  const { chromium } = await import('playwright-core');
  const b = withExtension ? await launchWithExtension({ headless: true }) : undefined;
  // Without the extension, a plain Chromium (closed with its context below).
  const plain = b ? undefined : await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS });
  const ctx = b?.context ?? (await plain!.newContext({ viewport: { width: 1280, height: 900 } }));
  if (b) await useDemoTrustList(b, issuerOrigin);
  const written: string[] = [];
  try {
    for (const [name, url] of [['index', site.pages.index], ['profile', site.pages.profile], ['cv', site.pages.cvHtml], ['learner', site.pages.learner]] as const) {
      const page = await ctx.newPage();
      await page.goto(url, { waitUntil: 'load' });
      // The profile loads its certifications lazily, as LinkedIn does: scroll and wait for them.
      await page.mouse.wheel(0, 1200);
      await page.waitForTimeout(1200);
      if (b && name === 'profile') console.log(`Extension: ${await settled(page)} inline verdicts on the profile.`);
      if (b && name === 'cv') {
        // The toolbar button's on-demand scan, as the service worker runs it for the active tab.
        await b.worker.evaluate(async (pageUrl) => {
          const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> }; scripting: { executeScript(o: object): Promise<unknown> } } }).chrome;
          const tab = (await c.tabs.query({})).find((t) => t.url === pageUrl);
          if (tab) await c.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/scan.js'] });
        }, url);
        console.log(`Extension: ${await settled(page)} inline verdicts on the HTML CV (toolbar scan).`);
      }
      await page.evaluate(() => window.scrollTo(0, 0)); // fixed headers then sit at the top of a full-page shot
      await page.waitForTimeout(100);
      const file = `${OUT}${name}.png`;
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
      await page.close();
    }
  } finally {
    await (b ? b.close() : plain!.close());
  }
  return written;
}

async function main(): Promise<number> {
  const extensionBuilt = buildExtension();
  const issuer = await startIssuer({ port: Number(process.env.CREDLENS_DEMO_PORT ?? 0) });
  const site = await startSite(issuer.credentials, { port: Number(process.env.CREDLENS_SITE_PORT ?? 0), issuerOrigin: issuer.origin });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([site.close(), issuer.close()]);
  };
  process.once('SIGINT', () => {
    console.log('\nStopping the demo servers.');
    void stop().then(() => process.exit(0));
  });

  console.log(`\nDemo issuer:  ${issuer.origin}   (trust list: ${issuer.origin}/trust/list.json)`);
  console.log(`Demo pages:   ${site.pages.index}`);
  console.log(`  LinkedIn-like profile  ${site.pages.profile}`);
  console.log(`  CV (HTML / PDF / DOCX) ${site.pages.cvHtml}\n                         ${site.pages.cvPdf}\n                         ${site.pages.cvDocx}`);
  console.log(`  Learner page           ${site.pages.learner}`);

  if (!headless) {
    let page: Page;
    if (extensionBuilt) {
      const b = await launchWithExtension({ headless: false });
      await useDemoTrustList(b, issuer.origin);
      page = b.context.pages()[0] ?? (await b.context.newPage());
    } else {
      const { chromium } = await import('playwright-core');
      page = await (await chromium.launch({ executablePath: CHROMIUM, headless: false, args: CHROME_FLAGS })).newPage();
    }
    await page.goto(site.pages.profile);
    console.log('\nChromium is open on the profile with the CredLens extension loaded. Ctrl-C stops the demo.');
    await new Promise(() => {});
  }

  console.log(`\nVerifying the ${issuer.credentials.length} credentials the pages link to, through the SDK…`);
  const rows = await verifyAll(issuer.credentials, issuer.origin);
  const tableOk = printTable(rows);
  console.log('');
  const cvOk = await checkCvFiles(site, issuer.credentials);
  const shots = await screenshots(site, issuer.origin, extensionBuilt);
  for (const s of shots) console.log(`screenshot: ${s}`);
  const ok = tableOk && cvOk;
  console.log(ok ? '\nEvery credential got the verdict it should.' : '\nSome results were not what the demo expects (marked ✗ above).');
  if (serve) {
    console.log('\nServers are up (--serve). Ctrl-C stops them.');
    await new Promise(() => {});
  }
  await stop();
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`demo failed: ${(e as Error)?.stack ?? String(e)}`);
    process.exit(1);
  },
);
