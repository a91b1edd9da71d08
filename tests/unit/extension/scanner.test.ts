// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/in/amelie-example/"}
/**
 * The page-side scanner (extension/lib/page/scanner.ts) with the background replaced by a recorder:
 * stop() ends watching (auto-scan switched off) while placed badges stay, resume() catches up with
 * a single-page navigation made meanwhile, and a toolbar scan (anyPage) scans once whatever the
 * LinkedIn rules say, without resuming.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BATCH_DELAY_MS } from '../../../extension/lib/detect/index.js';

const asked = vi.hoisted(() => [] as { url: string; pageUrl: string; auto?: true }[]);
// What the background answers; by default never (most tests are about which links are asked for, and when).
const background = vi.hoisted(() => ({ answer: (_req: { link: { url: string }; auto?: true }): Promise<unknown> => new Promise(() => {}) }));

vi.mock('../../../extension/lib/messaging.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../extension/lib/messaging.js')>()),
  ask: async (type: string, req: { link: { url: string }; pageUrl: string; auto?: true }) => {
    if (type !== 'verify-link') return new Promise(() => {});
    asked.push({ url: req.link.url, pageUrl: req.pageUrl, ...(req.auto ? { auto: req.auto } : {}) });
    return background.answer(req);
  },
}));
vi.mock('../../../extension/lib/page/settings.js', () => ({
  readPageSettings: async () => ({ lang: 'en', autoScanLinkedIn: true }),
  onPageSettingsChange: () => () => {},
}));

const { askEarly, dropEarly, runningScanner, startScanner } = await import('../../../extension/lib/page/scanner.js');
const { AUTO_SCAN_OFF, BackgroundError } = await import('../../../extension/lib/messaging.js');

const KEY = Symbol.for('credlens.scanner');
const settle = () => new Promise((r) => setTimeout(r, MAX_BATCH_DELAY_MS + 100));
const badges = () => [...document.querySelectorAll('credlens-badge')].map((b) => b.getAttribute('data-credential-url'));

/** A certification as LinkedIn lists it: a title and a "Show credential" link to `url`. */
function addCertification(url: string): void {
  const li = document.createElement('li');
  li.innerHTML = '<span>Data Analytics</span> <a>Show credential</a>';
  li.querySelector('a')!.setAttribute('href', url);
  document.querySelector('ul')!.append(li);
}

const onProfiles = (url: string) => new URL(url).pathname.startsWith('/in/');

beforeEach(() => {
  asked.length = 0;
  background.answer = () => new Promise(() => {});
  dropEarly();
  history.replaceState({}, '', '/in/amelie-example/');
  document.body.innerHTML = '<main><h1>Amélie Example</h1><section><h2>Licenses &amp; certifications</h2><ul></ul></section></main>';
});

afterEach(() => {
  runningScanner()?.stop();
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe('scanner', () => {
  it('badges links as sections load, stops on stop(), and keeps the badges it placed', async () => {
    addCertification('https://badges.example.org/badges/one');
    const scanner = startScanner(onProfiles);
    expect(scanner.watching).toBe(true);
    expect(badges()).toEqual(['https://badges.example.org/badges/one']);
    addCertification('https://badges.example.org/badges/two');
    await settle();
    expect(badges()).toHaveLength(2);

    scanner.stop();
    expect(scanner.watching).toBe(false);
    addCertification('https://badges.example.org/badges/three');
    await settle();
    expect(badges()).toHaveLength(2);
    expect(asked.map((a) => a.url)).not.toContain('https://badges.example.org/badges/three');
  });

  it('resume() after a single-page navigation made while stopped asks for the new page, and watches again', async () => {
    addCertification('https://badges.example.org/badges/one');
    const scanner = startScanner(onProfiles);
    scanner.stop();
    history.pushState({}, '', '/in/someone-else/');
    document.querySelector('ul')!.innerHTML = '';
    addCertification('https://badges.example.org/badges/other');
    await settle();
    expect(asked.map((a) => a.url)).toEqual(['https://badges.example.org/badges/one']);

    scanner.resume();
    expect(scanner.watching).toBe(true);
    expect(asked.at(-1)).toEqual({ url: 'https://badges.example.org/badges/other', pageUrl: 'https://www.linkedin.com/in/someone-else/' });
    addCertification('https://badges.example.org/badges/later');
    await settle();
    expect(asked.at(-1)?.url).toBe('https://badges.example.org/badges/later');
  });

  it('verdicts asked for early (settings not read yet) place no badge, and the scanner takes them over', async () => {
    addCertification('https://badges.example.org/badges/one');
    addCertification('https://badges.example.org/badges/two');
    // an answer the badge shows (an error item is the smallest one)
    background.answer = async (req) => ({ url: req.link.url, state: 'error', code: 'early-answer', message: 'answered' });
    askEarly();
    askEarly(); // once per link however often
    expect(asked).toEqual([
      { url: 'https://badges.example.org/badges/one', pageUrl: 'https://www.linkedin.com/in/amelie-example/', auto: true },
      { url: 'https://badges.example.org/badges/two', pageUrl: 'https://www.linkedin.com/in/amelie-example/', auto: true },
    ]);
    expect(badges()).toEqual([]);
    startScanner(onProfiles);
    expect(asked).toHaveLength(2); // not asked again
    expect(badges()).toHaveLength(2);
    await vi.waitFor(() => expect([...document.querySelectorAll('credlens-badge')].map((b) => b.getAttribute('data-error'))).toEqual(['early-answer', 'early-answer']));
  });

  it('asks again when an early ask was refused because auto-scan was off then', async () => {
    addCertification('https://badges.example.org/badges/one');
    background.answer = async (req) => (req.auto ? Promise.reject(new BackgroundError(AUTO_SCAN_OFF, 'off')) : new Promise(() => {}));
    askEarly();
    startScanner(onProfiles);
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual({ url: 'https://badges.example.org/badges/one', pageUrl: 'https://www.linkedin.com/in/amelie-example/' });
  });

  it('forgets early asks when auto-scan is off: a later scanner (a toolbar click) asks itself', async () => {
    addCertification('https://badges.example.org/badges/one');
    askEarly();
    dropEarly();
    startScanner();
    expect(asked.map((a) => a.auto)).toEqual([true, undefined]);
  });

  it('a toolbar scan covers a page the LinkedIn rules skip, once, without resuming', async () => {
    const scanner = startScanner(onProfiles);
    scanner.stop();
    history.pushState({}, '', '/jobs/view/123/');
    addCertification('https://badges.example.org/badges/on-a-job-page');
    startScanner(); // what the toolbar's script does
    expect(runningScanner()).toBe(scanner);
    expect(badges()).toEqual(['https://badges.example.org/badges/on-a-job-page']);
    expect(scanner.watching).toBe(false);
    addCertification('https://badges.example.org/badges/after');
    await settle();
    expect(badges()).toHaveLength(1);
  });
});
