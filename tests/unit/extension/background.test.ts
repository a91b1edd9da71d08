/**
 * The extension's background logic, without a browser: the verifier (through the real SDK against
 * the real demo issuer over loopback HTTP), its cache and de-duplication, the redirect-checking
 * fetch, the per-tab lists, the request handlers, settings normalisation and trust-source building.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startIssuer, type RunningIssuer } from '../../../demo/issuer/server.js';
import { DEMO_PERSON } from '../../../demo/types.js';
import { Verifier, type ResultStore } from '../../../extension/lib/background/verifier.js';
import { redirectCheckingFetch } from '../../../extension/lib/fetch.js';
import { Pages } from '../../../extension/lib/background/pages.js';
import { createHandlers } from '../../../extension/lib/background/handlers.js';
import { AUTO_SCAN_OFF } from '../../../extension/lib/messaging.js';
import { trustSourcesFrom } from '../../../extension/lib/background/trust.js';
import { DEFAULT_SETTINGS, normalizeSettings, resolveLang, type Settings } from '../../../extension/lib/settings.js';
import { failedItem, MAX_INPUT_BYTES, type PageSummary, type VerifiedItem } from '../../../extension/lib/protocol.js';

let keysDir: string;
let issuer: RunningIssuer;

beforeAll(async () => {
  keysDir = mkdtempSync(join(tmpdir(), 'credlens-ext-keys-'));
  issuer = await startIssuer({ port: 0, keysDir });
}, 60_000);

afterAll(async () => {
  await issuer?.close();
  rmSync(keysDir, { recursive: true, force: true });
});

function memoryStore(): ResultStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k) => map.get(k),
    set: async (k, v) => void map.set(k, structuredClone(v)),
    clear: async () => {
      const n = map.size;
      map.clear();
      return n;
    },
  };
}

function counting(): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  return { urls, fetch: (async (u: string, i?: RequestInit) => (urls.push(String(u)), fetch(u, i))) as typeof fetch };
}

const slug = (s: string) => issuer.credentials.find((c) => c.slug === s)!;

function settingsWithDemoList(): Settings {
  return normalizeSettings({ ...DEFAULT_SETTINGS, trustSources: [{ id: 'demo', kind: 'credlens-list', name: 'Demo trust list', url: `${issuer.origin}/trust/list.json`, enabled: true }] });
}

function makeVerifier(over: Partial<ConstructorParameters<typeof Verifier>[0]> = {}) {
  const store = memoryStore();
  const net = counting();
  let settings = settingsWithDemoList();
  const v = new Verifier({ settings: async () => settings, lang: async () => 'en', store, fetch: net.fetch, localAllowed: true, ...over });
  return { v, store, net, setSettings: (s: Settings) => (settings = s) };
}

describe('Verifier (real SDK, real demo issuer)', () => {
  it('gives each demo credential its expected verdict, with trust, explanation and recipient', async () => {
    const { v } = makeVerifier();
    for (const c of issuer.credentials) {
      const out = await v.verifyLink({ url: c.url, text: c.title }, DEMO_PERSON.name);
      expect(out.state, c.slug).toBe('done');
      const item = out as VerifiedItem;
      expect(item.report.verdict, c.slug).toBe(c.expect);
      expect(item.explained.verdict.verdict).toBe(c.expect);
      expect(item.text).toBe(c.title);
    }
    const other = (await v.verifyLink({ url: slug('other-person-python').url }, DEMO_PERSON.name)) as VerifiedItem;
    expect(other.report.recipient?.state).toBe('mismatch');
    const uni = (await v.verifyLink({ url: slug('uni-learning-analytics').url }, DEMO_PERSON.name)) as VerifiedItem;
    expect(uni.report.trust.level).toBe('recognised');
    expect(uni.report.recipient?.state).toBe('match');
    const unknown = (await v.verifyLink({ url: slug('unknown-issuer-ai-strategist').url }, DEMO_PERSON.name)) as VerifiedItem;
    expect(unknown.report.trust.level).toBe('unknown');
  }, 60_000);

  it('explains in the language asked for', async () => {
    const { v } = makeVerifier({ lang: async () => 'de' });
    const item = (await v.verifyLink({ url: slug('first-aid-expired').url })) as VerifiedItem;
    expect(item.explained.lang).toBe('de');
    expect(item.explained.verdict.headline).not.toBe((await makeVerifier().v.verifyLink({ url: slug('first-aid-expired').url }) as VerifiedItem).explained.verdict.headline);
  });

  it('refuses the local demo issuer in a store build unless local-network checks are switched on', async () => {
    const { v, setSettings } = makeVerifier({ localAllowed: false });
    const refused = await v.verifyLink({ url: slug('webinar-genai-assessment').url });
    expect(refused.state).toBe('error');
    expect(refused.state === 'error' && refused.code).toBe('blocked-address');
    setSettings({ ...settingsWithDemoList(), localNetwork: true });
    expect((await v.verifyLink({ url: slug('webinar-genai-assessment').url })).state).toBe('done');
  });

  it('verifies one URL once: concurrent requests share the work, later ones come from the cache', async () => {
    const { v, net } = makeVerifier();
    const url = slug('uni-learning-analytics').url;
    const [a, b] = await Promise.all([v.verifyLink({ url }), v.verifyLink({ url })]);
    expect(a).toEqual(b);
    const fetchedCredential = net.urls.filter((u) => u === url).length;
    expect(fetchedCredential).toBe(1);
    await v.verifyLink({ url });
    expect(net.urls.filter((u) => u === url).length).toBe(1);
  });

  it('re-verifies when the person or the trust settings change, and after the cache expires', async () => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const { v, net, setSettings } = makeVerifier({ now: () => now });
    const url = slug('webinar-genai-assessment').url;
    const hits = () => net.urls.filter((u) => u === url).length;
    await v.verifyLink({ url }, 'A');
    await v.verifyLink({ url }, 'B');
    expect(hits()).toBe(1); // the credential document itself is in the document cache
    const s = settingsWithDemoList();
    setSettings({ ...s, trustSources: s.trustSources.map((t) => ({ ...t, enabled: false })) });
    const untrusted = (await v.verifyLink({ url }, 'A')) as VerifiedItem;
    expect(untrusted.report.trust.signals.some((x) => x.source === 'Demo trust list')).toBe(false);
    now += 11 * 60_000;
    await v.verifyLink({ url }, 'A');
    expect(hits()).toBe(2);
  });

  it('does not cache network failures; does cache a definite answer', async () => {
    const store = memoryStore();
    let fail = true;
    const flaky = (async (u: string, i?: RequestInit) => {
      if (fail) throw new TypeError('Failed to fetch');
      return fetch(u, i);
    }) as typeof fetch;
    const v = new Verifier({ settings: async () => DEFAULT_SETTINGS, lang: async () => 'en', store, fetch: flaky, localAllowed: true });
    const url = slug('webinar-genai-assessment').url;
    const first = await v.verifyLink({ url });
    expect(first.state === 'error' ? first.code : first.report.verdict).toMatch(/network|unverifiable/);
    expect([...store.map.keys()].length).toBe(first.state === 'error' ? 0 : 1);
    fail = false;
    const second = await v.verifyLink({ url });
    expect(second.state).toBe('done');
  });

  it('verifies pasted JSON, a JWT and a dropped baked badge, never from the cache', async () => {
    const { v, store } = makeVerifier();
    const json = await (await fetch(slug('uni-learning-analytics').url)).text();
    const pasted = await v.verifyInput({ kind: 'text', text: json });
    expect(pasted.state === 'done' && pasted.report.verdict).toBe('valid');
    const baked = issuer.credentials.find((c) => c.imageUrl?.endsWith('.png'))!;
    const png = new Uint8Array(await (await fetch(baked.imageUrl!)).arrayBuffer());
    const dropped = await v.verifyInput({ kind: 'bytes', base64: Buffer.from(png).toString('base64'), name: 'badge.png' });
    expect(dropped.state === 'done' && dropped.report.verdict).toBe(baked.expect);
    expect(dropped.url).toBe('badge.png');
    const garbage = await v.verifyInput({ kind: 'text', text: '{"not": "a credential"' });
    expect(garbage.state).toBe('error');
    expect(garbage.state === 'error' && garbage.code).toBeTruthy();
    const badB64 = await v.verifyInput({ kind: 'bytes', base64: '***', name: 'x.png' });
    expect(badB64.state === 'error' && badB64.code).toBe('bad-input');
    // the learner page's limit is this same figure: a file it sends is never refused here for size
    const over = await v.verifyInput({ kind: 'bytes', base64: Buffer.alloc(MAX_INPUT_BYTES + 1).toString('base64'), name: 'big.png' });
    expect(over.state === 'error' && over.code).toBe('too-large');
    const atLimit = await v.verifyInput({ kind: 'bytes', base64: Buffer.alloc(MAX_INPUT_BYTES).toString('base64'), name: 'zeros.png' });
    expect(atLimit.state === 'error' && atLimit.code).not.toBe('too-large');
    expect(store.map.size).toBe(0);
  });
});

describe('redirect-checking fetch', () => {
  const res = (url: string, redirected: boolean) => Object.assign(new Response('{}'), {}) && ({ url, redirected, body: null, status: 200 } as unknown as Response);
  it('follows redirects and refuses a final URL on a private address', async () => {
    const base = async () => res('http://192.168.1.10/secret', true);
    const f = redirectCheckingFetch({ allowPrivateNetwork: false, allowHttpLocalhost: false }, base);
    await expect(f('https://issuer.example/badge', { redirect: 'manual' })).rejects.toMatchObject({ code: 'blocked-address' });
  });
  it('refuses a redirect from https to http', async () => {
    const f = redirectCheckingFetch({ allowPrivateNetwork: false, allowHttpLocalhost: false }, async () => res('http://cdn.example/key.json', true));
    await expect(f('https://issuer.example/key.json')).rejects.toMatchObject({ code: 'bad-url' });
  });
  it('passes public redirects and private ones when allowed, and always asks the browser to follow', async () => {
    let seen: RequestInit | undefined;
    const base = async (_u: string, i?: RequestInit) => ((seen = i), res('https://cdn.example/badge.json', true));
    const f = redirectCheckingFetch({ allowPrivateNetwork: false, allowHttpLocalhost: false }, base);
    expect((await f('https://issuer.example/badge', { redirect: 'manual' })).url).toBe('https://cdn.example/badge.json');
    expect(seen?.redirect).toBe('follow');
    const g = redirectCheckingFetch({ allowPrivateNetwork: true, allowHttpLocalhost: true }, async () => res('http://127.0.0.1/x', true));
    expect((await g('https://issuer.example/badge')).url).toBe('http://127.0.0.1/x');
  });
});

describe('per-tab lists and handlers', () => {
  function pagesWithLog() {
    const saved: Record<string, PageSummary> = {};
    const changes: PageSummary[] = [];
    const pages = new Pages(
      {
        load: async () => structuredClone(saved),
        save: async (tabId, s) => {
          if (s) saved[tabId] = structuredClone(s);
          else delete saved[tabId];
        },
      },
      (s) => changes.push(structuredClone(s)),
    );
    return { pages, changes, saved: () => saved };
  }

  it('keeps one entry per URL, replaces pending by the answer, and starts over on a new page', async () => {
    const { pages, changes, saved } = pagesWithLog();
    await Promise.all([
      pages.put(1, 'https://www.linkedin.com/in/a/', 'A', { url: 'https://x.example/1', state: 'pending', text: 'Cert 1' }),
      pages.put(1, 'https://www.linkedin.com/in/a/', 'A', { url: 'https://x.example/2', state: 'pending' }),
    ]);
    await pages.put(1, 'https://www.linkedin.com/in/a/', 'A', { url: 'https://x.example/1', state: 'error', code: 'network', message: 'm', checkedAt: 't' });
    const s = (await pages.get(1))!;
    expect(s.items.map((i) => i.url)).toEqual(['https://x.example/1', 'https://x.example/2']);
    expect(s.items[0]).toMatchObject({ state: 'error', text: 'Cert 1' });
    expect(s.owner).toBe('A');
    await pages.flush();
    expect(changes.length).toBe(1); // three updates, batched into one save and one announcement
    expect(changes[0]!.items.length).toBe(2);
    await pages.put(1, 'https://www.linkedin.com/in/b/', 'B', { url: 'https://x.example/3', state: 'pending' });
    expect((await pages.get(1))!.items.map((i) => i.url)).toEqual(['https://x.example/3']);
    await new Promise((r) => setTimeout(r, 80)); // announced on its own after the batching delay
    expect(changes.length).toBe(2);
    expect(saved()[1]!.items.map((i) => i.url)).toEqual(['https://x.example/1', 'https://x.example/2']); // saved later
    await new Promise((r) => setTimeout(r, 1000));
    expect(saved()[1]!.items.map((i) => i.url)).toEqual(['https://x.example/3']);
    await pages.drop(1);
    expect(await pages.get(1)).toBeNull();
  });

  it('verifies a link asked for early (auto) only while auto-scan is on', async () => {
    const { pages } = pagesWithLog();
    const { v, net } = makeVerifier();
    let settings: Settings = { ...DEFAULT_SETTINGS, autoScanLinkedIn: false };
    const h = createHandlers({ verifier: v, pages, loadSettings: async () => settings, saveSettings: async () => {}, clearResults: async () => 0, activeTabId: async () => 1, scanTab: async () => ({ ok: true }), openPage: async () => {} });
    const url = slug('first-aid-expired').url;
    const page = { tabId: 1, fromExtension: false };
    await expect(h['verify-link']({ type: 'verify-link', link: { url }, pageUrl: 'https://p.example/', auto: true }, page)).rejects.toMatchObject({ code: AUTO_SCAN_OFF });
    expect(net.urls).toEqual([]);
    expect(await pages.get(1)).toBeNull(); // not listed either
    // a toolbar scan asks without `auto`: verified whatever the setting
    expect((await h['verify-link']({ type: 'verify-link', link: { url }, pageUrl: 'https://p.example/' }, page)).state).toBe('done');
    settings = { ...settings, autoScanLinkedIn: true };
    expect((await h['verify-link']({ type: 'verify-link', link: { url }, pageUrl: 'https://p.example/', auto: true }, page)).state).toBe('done');
  });

  it('handlers record the tab list around a verification and normalise saved settings', async () => {
    const { pages } = pagesWithLog();
    const { v } = makeVerifier();
    let stored: Settings | undefined;
    const h = createHandlers({
      verifier: v,
      pages,
      loadSettings: async () => stored ?? DEFAULT_SETTINGS,
      saveSettings: async (s) => void (stored = s),
      clearResults: async () => 3,
      activeTabId: async () => 7,
      scanTab: async (tabId) => ({ ok: tabId === 7 }),
      openPage: async () => {},
    });
    const url = slug('first-aid-expired').url;
    const page = { tabId: 7, fromExtension: false };
    const own = { fromExtension: true };
    const item = await h['verify-link']({ type: 'verify-link', link: { url }, pageUrl: 'https://p.example/' }, page);
    expect(item.state === 'done' && item.report.verdict).toBe('expired');
    await pages.flush();
    const summary = await h['page-summary']({ type: 'page-summary' }, own);
    expect(summary?.items[0]).toMatchObject({ url, state: 'done' });
    expect(await h['scan-tab']({ type: 'scan-tab' }, own)).toEqual({ ok: true });
    const saved = await h['set-settings']({ type: 'set-settings', settings: { lang: 'xx', trustSources: [{ id: 'evil', kind: 'credlens-list', url: 'javascript:alert(1)', enabled: true }] } as unknown as Settings }, own);
    expect(saved.lang).toBe('auto');
    expect(saved.trustSources.find((t) => t.id === 'evil')).toBeUndefined();
    expect(await h['clear-cache']({ type: 'clear-cache' }, own)).toEqual({ cleared: 3 });

    // Content scripts live in web pages' processes: no other tab's list, no settings changes, no
    // scans, no page opening, and settings without trust sources.
    const other = { tabId: 8, fromExtension: false };
    expect(await h['page-summary']({ type: 'page-summary', tabId: 7 }, other)).toBeNull();
    expect((await h['page-summary']({ type: 'page-summary', tabId: 8 }, page))?.tabId).toBe(7);
    await expect(h['set-settings']({ type: 'set-settings', settings: stored! }, page)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h['scan-tab']({ type: 'scan-tab', tabId: 8 }, page)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h['open-page']({ type: 'open-page', page: 'cv', query: 'url=http://10.0.0.1/' }, page)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h['clear-cache']({ type: 'clear-cache' }, page)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h['verify-input']({ type: 'verify-input', input: { kind: 'url', url } }, page)).rejects.toMatchObject({ code: 'forbidden' });
    stored = { ...DEFAULT_SETTINGS, lang: 'de', trustSources: [{ id: 'secret', kind: 'credlens-list', name: 'Internal list', url: 'https://intranet.example/list.json', enabled: true }] };
    const slim = await h['get-settings']({ type: 'get-settings' }, page);
    expect(slim.lang).toBe('de');
    expect(slim.trustSources).toEqual([]);
    expect((await h['get-settings']({ type: 'get-settings' }, own)).trustSources.length).toBe(1);
  });

  it('warms the verifier when a page asks for settings (a scan is coming), once per worker', async () => {
    const { pages } = pagesWithLog();
    const { v } = makeVerifier();
    const warm = vi.spyOn(v, 'warmUp');
    const h = createHandlers({ verifier: v, pages, loadSettings: async () => DEFAULT_SETTINGS, saveSettings: async () => {}, clearResults: async () => 0, activeTabId: async () => 1, scanTab: async () => ({ ok: true }), openPage: async () => {} });
    expect(warm).not.toHaveBeenCalled();
    await h['page-summary']({ type: 'page-summary' }, { tabId: 1, fromExtension: false });
    expect(warm).not.toHaveBeenCalled();
    await h['get-settings']({ type: 'get-settings' }, { tabId: 1, fromExtension: false });
    // after the answer is out
    await new Promise((r) => setTimeout(r, 0));
    expect(warm).toHaveBeenCalledTimes(1);
    const first = warm.mock.results[0]!.value as Promise<void>;
    expect(v.warmUp()).toBe(first);
    await first;
  });

  it('starts loading the trust lists when a link verification starts, once, and no per-issuer registry', async () => {
    const list = `${issuer.origin}/trust/list.json`;
    const ebsi = `${issuer.origin}/ebsi-tir`;
    const { v, net, setSettings } = makeVerifier();
    const withEbsi = (s: Settings) => normalizeSettings({ ...s, trustSources: [...s.trustSources, { id: 'ebsi-tir', kind: 'ebsi', name: 'EBSI', url: ebsi, enabled: true }] });
    setSettings(withEbsi(settingsWithDemoList()));
    await v.warmUp();
    expect(net.urls).toEqual([]); // a worker that merely woke up fetches nothing
    // A forged credential: its issuer is never looked up, but the lists were asked for when it started.
    const forged = await v.verifyLink({ url: slug('tampered-statistics').url });
    expect(forged.state === 'done' && forged.report.verdict).toBe('invalid');
    await vi.waitFor(() => expect(net.urls).toContain(list));
    expect(net.urls.filter((u) => u.startsWith(ebsi))).toEqual([]);
    // The next verifications find the list in the cache: no second download.
    await v.verifyLink({ url: slug('uni-learning-analytics').url }, DEMO_PERSON.name);
    expect(net.urls.filter((u) => u === list)).toHaveLength(1);
    // Another list in the settings is loaded for the next link.
    const other = `${issuer.origin}/trust/list.json?copy`;
    setSettings(withEbsi(normalizeSettings({ ...settingsWithDemoList(), trustSources: [{ id: 'copy', kind: 'credlens-list', name: 'Copy', url: other, enabled: true }] })));
    await v.verifyLink({ url: slug('tampered-statistics').url });
    await vi.waitFor(() => expect(net.urls).toContain(other));
  });

  it('runs no warm-up once a real verification started', async () => {
    // the warm-up explains its throw-away report, which asks for the language: count those asks
    const lang = vi.fn(async () => 'en' as const);
    const { v } = makeVerifier({ lang });
    expect((await v.verifyLink({ url: slug('first-aid-expired').url })).state).toBe('done');
    const asked = lang.mock.calls.length;
    await v.warmUp();
    expect(lang.mock.calls.length).toBe(asked);
    // a fresh verifier does warm up (the count above can move)
    const fresh = makeVerifier({ lang });
    await fresh.v.warmUp();
    expect(lang.mock.calls.length).toBe(asked + 1);
  });

  it('takes titles the page read later for its own untitled entries only', async () => {
    const { pages, changes } = pagesWithLog();
    const A = 'https://www.linkedin.com/in/a/';
    await pages.put(1, A, 'A', { url: 'https://x.example/1', state: 'pending' });
    await pages.put(1, A, 'A', { url: 'https://x.example/2', state: 'pending', text: 'Shown title' });
    await pages.setTitles(1, A, [
      { url: 'https://x.example/1', text: 'Read later' },
      { url: 'https://x.example/2', text: 'Not this one' },
      { url: 'https://x.example/9', text: 'Not on the list' },
    ]);
    await pages.setTitles(1, 'https://www.linkedin.com/in/other/', [{ url: 'https://x.example/1', text: 'Another page' }]);
    await pages.setTitles(2, A, [{ url: 'https://x.example/1', text: 'Another tab' }]);
    // the answer arrives without a title and keeps the one read later
    await pages.put(1, A, 'A', { url: 'https://x.example/1', state: 'error', code: 'network', message: 'm', checkedAt: 't' });
    await pages.flush();
    expect((await pages.get(1))!.items.map((i) => [i.url, i.text])).toEqual([
      ['https://x.example/1', 'Read later'],
      ['https://x.example/2', 'Shown title'],
    ]);
    expect(await pages.get(2)).toBeNull();
    expect(changes.length).toBe(1);
  });

  it('link-titles: only a content script names entries of its own tab, within limits', async () => {
    const { pages } = pagesWithLog();
    const { v } = makeVerifier();
    const h = createHandlers({
      verifier: v,
      pages,
      loadSettings: async () => DEFAULT_SETTINGS,
      saveSettings: async () => {},
      clearResults: async () => 0,
      activeTabId: async () => 7,
      scanTab: async () => ({ ok: true }),
      openPage: async () => {},
    });
    const P = 'https://p.example/';
    await pages.put(7, P, undefined, { url: 'https://x.example/1', state: 'pending' });
    await pages.put(7, P, undefined, { url: 'https://x.example/2', state: 'pending' });
    await h['link-titles']({ type: 'link-titles', pageUrl: P, titles: [{ url: 'https://x.example/1', text: 'x'.repeat(301) }, { url: 'https://x.example/2', text: 'Fine' }] }, { tabId: 7, fromExtension: false });
    await h['link-titles']({ type: 'link-titles', pageUrl: P, titles: [{ url: 'https://x.example/1', text: 'From a panel' }] }, { fromExtension: true });
    await h['link-titles']({ type: 'link-titles', pageUrl: P, titles: 'nonsense' as unknown as [] }, { tabId: 7, fromExtension: false });
    expect((await pages.get(7))!.items.map((i) => i.text)).toEqual([undefined, 'Fine']);
  });

  it('keeps a late answer for the previous page out of the new page list', async () => {
    const { pages } = pagesWithLog();
    await pages.put(1, 'https://www.linkedin.com/in/a/', 'A', { url: 'https://x.example/a', state: 'pending' });
    await pages.put(1, 'https://www.linkedin.com/in/b/', 'B', { url: 'https://x.example/b', state: 'pending' });
    await pages.put(1, 'https://www.linkedin.com/in/a/', 'A', { url: 'https://x.example/a', state: 'error', code: 'network', message: 'm', checkedAt: 't' });
    const s = (await pages.get(1))!;
    expect(s.pageUrl).toBe('https://www.linkedin.com/in/b/');
    expect(s.items.map((i) => i.url)).toEqual(['https://x.example/b']);
  });
});

describe('settings and trust sources', () => {
  it('keeps built-in sources, drops unknown kinds and bad URLs, caps the list', () => {
    const s = normalizeSettings({ trustSources: [{ id: 'dcc-legacy', kind: 'dcc-legacy', enabled: true, url: 'https://evil.example/' }, { id: 'x', kind: 'nope', url: 'https://a.example' }, ...Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, kind: 'credlens-list', url: `https://l${i}.example/list.json` }))] });
    const dcc = s.trustSources.find((t) => t.id === 'dcc-legacy')!;
    expect(dcc.enabled).toBe(true);
    expect(dcc.url).toBe('https://digitalcredentials.github.io/issuer-registry/registry.json'); // built-in URLs cannot be redirected
    expect(s.trustSources.some((t) => t.id === 'x')).toBe(false);
    expect(s.trustSources.length).toBeLessThanOrEqual(20 + 3);
    expect(s.trustSources.filter((t) => t.builtIn).length).toBe(3);
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('builds failed items one way: code and sentence, or whatever was thrown', () => {
    const at = Date.UTC(2026, 0, 2);
    expect(failedItem({ url: 'https://x.example/a', text: 'Title' }, { code: 'too-large', message: 'Too big.' }, at)).toEqual({ url: 'https://x.example/a', text: 'Title', state: 'error', code: 'too-large', message: 'Too big.', checkedAt: '2026-01-02T00:00:00.000Z' });
    expect(failedItem({ url: 'u' }, Object.assign(new Error('refused'), { code: 'blocked-address' }), at)).toMatchObject({ code: 'blocked-address', message: 'refused' });
    expect(failedItem({ url: 'u' }, new Error('gone'), at, 'no-answer')).toMatchObject({ code: 'no-answer', message: 'gone' });
    expect(failedItem({ url: 'u' }, 'a string', at)).toMatchObject({ code: 'internal', message: 'a string' });
    expect('text' in failedItem({ url: 'u' }, 'x', at)).toBe(false);
  });

  it('resolves the language from the setting or the browser', () => {
    expect(resolveLang('auto', 'de-AT')).toBe('de');
    expect(resolveLang('auto', 'pt-BR')).toBe('en');
    expect(resolveLang('fr', 'de')).toBe('fr');
  });

  it('builds enabled sources; one it cannot build stays, as a source that cannot be consulted', async () => {
    const sources = trustSourcesFrom([
      { id: 'a', kind: 'credlens-list', name: 'Pasted', json: '{"issuers": []', enabled: true },
      { id: 'b', kind: 'credlens-list', name: 'By URL', url: 'https://l.example/list.json', enabled: true },
      { id: 'c', kind: 'deqar', name: 'DEQAR', enabled: false },
    ]);
    expect(sources.map((s) => s.name)).toEqual(['Pasted', 'By URL']);
    const findings = await sources[0]!.lookup('did:web:x.example', {} as never);
    expect(findings).toEqual([expect.objectContaining({ source: 'Pasted', status: 'unavailable', code: 'bad-input', subject: 'did:web:x.example', reason: expect.stringContaining('not usable') })]);
  });

  it('names a broken pasted trust list in the report as unavailable instead of ignoring it', async () => {
    const broken: Settings = { ...DEFAULT_SETTINGS, trustSources: [{ id: 'x', kind: 'credlens-list', name: 'Our broken list', json: '{"issuers": [', enabled: true }] };
    const { v, setSettings } = makeVerifier();
    setSettings(broken);
    const item = await v.verifyLink({ url: slug('uni-learning-analytics').url });
    if (item.state !== 'done') throw new Error(`not verified: ${item.state}`);
    const named = item.report.trust.signals.find((sig) => sig.source === 'Our broken list');
    expect(named?.status).toBe('neutral');
    expect(named?.message).toMatch(/not usable/);
    expect(item.report.trust.level).not.toBe('recognised');
  });
});
