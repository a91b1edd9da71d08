// @vitest-environment happy-dom
/**
 * The batched DOM / navigation watcher (extension/lib/detect/observer.ts): many mutations give one
 * onChange, our own badges never wake it, SPA navigation is reported, stop() ends everything.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markOwn, MAX_BATCH_DELAY_MS, watch } from '../../../extension/lib/detect/index.js';

const PROFILE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';

let win: Window;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  stop = undefined;
  await win?.happyDOM.close();
});

function setup(url = PROFILE): { doc: Document; win: Window } {
  win = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  win.document.write('<!DOCTYPE html><html><head><title>Jane Doe | LinkedIn</title></head><body><main><section id="top"><h1>Jane Doe</h1></section><div id="slot" aria-busy="true"></div></main></body></html>');
  return { doc: win.document as unknown as Document, win };
}

/** Long enough for any batch to have run (the backstop timer plus slack). */
const settle = () => new Promise((r) => setTimeout(r, MAX_BATCH_DELAY_MS + 100));

/** Records every call, in order. */
function recorder() {
  const calls: string[] = [];
  return {
    calls,
    handlers: {
      onChange: () => void calls.push('change'),
      onNavigate: (url: string) => void calls.push(`navigate ${url}`),
    },
  };
}

function section(doc: Document, n: number): HTMLElement {
  const s = doc.createElement('section');
  const ul = doc.createElement('ul');
  s.append(ul);
  for (let i = 0; i < n; i++) {
    const li = doc.createElement('li');
    li.innerHTML = `<span aria-hidden="true">Cert ${i}</span><span>Cert ${i}</span><a href="https://www.credly.com/badges/0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5${i % 10}">Show credential</a>`;
    ul.append(li);
  }
  return s;
}

describe('watch', () => {
  it('a lazily loaded section, added in many mutations, gives exactly one batched onChange', async () => {
    const { doc } = setup();
    const r = recorder();
    stop = watch(doc, r.handlers);
    await settle();
    expect(r.calls).toEqual([]); // nothing happened yet
    const slot = doc.getElementById('slot')!;
    const s = section(doc, 3);
    slot.replaceWith(s);
    const ul = s.querySelector('ul')!;
    for (let i = 0; i < 40; i++) ul.append(section(doc, 1).querySelector('li')!);
    await Promise.resolve();
    for (let i = 0; i < 20; i++) ul.lastElementChild!.setAttribute('href', `https://badges.example/b/${i}`);
    s.append(doc.createElement('footer'));
    await settle();
    expect(r.calls).toEqual(['change']);
    // a later addition is a new batch
    doc.body.append(section(doc, 2));
    await settle();
    expect(r.calls).toEqual(['change', 'change']);
  });

  it('reacts within the batch delay even without animation frames (background tabs)', async () => {
    const { doc, win: w } = setup();
    (w as unknown as { requestAnimationFrame: unknown }).requestAnimationFrame = undefined;
    const r = recorder();
    stop = watch(doc, r.handlers);
    doc.body.append(section(doc, 1));
    await new Promise((res) => setTimeout(res, MAX_BATCH_DELAY_MS / 2));
    expect(r.calls).toEqual([]);
    await settle();
    expect(r.calls).toEqual(['change']);
  });

  it('uses an idle callback where the browser has one', async () => {
    const { doc, win: w } = setup();
    const asked: number[] = [];
    (w as unknown as { requestIdleCallback: unknown }).requestIdleCallback = (cb: () => void, opts: { timeout: number }) => {
      asked.push(opts.timeout);
      return setTimeout(cb, 5) as unknown as number;
    };
    (w as unknown as { cancelIdleCallback: unknown }).cancelIdleCallback = (h: number) => clearTimeout(h);
    const r = recorder();
    stop = watch(doc, r.handlers);
    doc.body.append(section(doc, 1));
    doc.body.append(section(doc, 1));
    await new Promise((res) => setTimeout(res, 50));
    expect(r.calls).toEqual(['change']);
    expect(asked).toEqual([MAX_BATCH_DELAY_MS]);
  });

  it('ignores our own badges being inserted and changed, and text-only changes; sees a page-made badge', async () => {
    const { doc } = setup();
    const link = doc.createElement('a');
    link.href = 'https://www.credly.com/badges/0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b';
    doc.querySelector('main')!.append(link);
    const r = recorder();
    stop = watch(doc, r.handlers);
    const badge = doc.createElement('credlens-badge');
    markOwn(badge);
    badge.setAttribute('data-verdict', 'pending');
    link.after(badge); // inserting our badge
    await settle();
    badge.setAttribute('data-verdict', 'valid');
    // our badges draw only inside their shadow root
    badge.attachShadow({ mode: 'open' }).innerHTML = '<div><a href="https://badges.example/b/3">x</a></div>';
    doc.getElementById('top')!.append(doc.createTextNode(' 5m ago')); // a timestamp ticking
    await settle();
    expect(r.calls).toEqual([]);
    // the same kinds of change on the host page do count
    link.setAttribute('href', 'https://badges.example/b/4');
    await settle();
    expect(r.calls).toEqual(['change']);
    // a <credlens-badge> the page writes itself is the page's content like any other
    const fake = doc.createElement('credlens-badge');
    fake.innerHTML = '<a href="https://badges.example/b/5">Show credential</a>';
    doc.querySelector('main')!.append(fake);
    await settle();
    expect(r.calls).toEqual(['change', 'change']);
  });

  it('reports SPA navigation (history.pushState + DOM swap) before the batch, once', async () => {
    const { doc, win: w } = setup();
    const r = recorder();
    stop = watch(doc, r.handlers);
    w.history.pushState({}, '', '/in/max-mustermann-42/');
    const main = doc.querySelector('main')!;
    const next = doc.createElement('main');
    next.innerHTML = '<section><h1>Max Mustermann</h1></section>';
    next.append(section(doc, 2));
    main.replaceWith(next);
    await settle();
    expect(r.calls).toEqual(['navigate https://www.linkedin.com/in/max-mustermann-42/', 'change']);
  });

  it('reports navigation on popstate and through the Navigation API, but not for fragment changes', async () => {
    const { doc, win: w } = setup();
    const navigation = new w.EventTarget();
    (w as unknown as { navigation: unknown }).navigation = navigation;
    const r = recorder();
    stop = watch(doc, r.handlers);
    // Back button: the URL changes, popstate fires, the DOM may not change at all.
    w.history.replaceState({}, '', '/feed/');
    w.dispatchEvent(new w.PopStateEvent('popstate', { state: {} }));
    expect(r.calls).toEqual(['navigate https://www.linkedin.com/feed/']);
    // Navigation API
    w.history.replaceState({}, '', '/in/ana-lopez-77/details/certifications/');
    navigation.dispatchEvent(new w.Event('currententrychange'));
    navigation.dispatchEvent(new w.Event('navigatesuccess'));
    expect(r.calls).toEqual(['navigate https://www.linkedin.com/feed/', 'navigate https://www.linkedin.com/in/ana-lopez-77/details/certifications/']);
    // an in-page anchor is not a navigation
    w.history.pushState({}, '', '#contact-info');
    w.dispatchEvent(new w.PopStateEvent('popstate', { state: {} }));
    doc.body.append(doc.createElement('div'));
    await settle();
    expect(r.calls).toEqual(['navigate https://www.linkedin.com/feed/', 'navigate https://www.linkedin.com/in/ana-lopez-77/details/certifications/', 'change']);
  });

  it('stop() disconnects: no callbacks after it, and a pending batch is dropped', async () => {
    const { doc, win: w } = setup();
    const navigation = new w.EventTarget();
    (w as unknown as { navigation: unknown }).navigation = navigation;
    const disconnect = vi.spyOn(w.MutationObserver.prototype, 'disconnect');
    const removed = vi.spyOn(w, 'removeEventListener');
    const r = recorder();
    const s = watch(doc, r.handlers);
    doc.body.append(section(doc, 1));
    await Promise.resolve(); // the observer saw it and scheduled a batch
    s();
    expect(disconnect).toHaveBeenCalledTimes(1);
    expect(removed.mock.calls.map((c) => c[0])).toContain('popstate');
    await settle();
    w.history.pushState({}, '', '/in/someone-else/');
    w.dispatchEvent(new w.PopStateEvent('popstate', { state: {} }));
    navigation.dispatchEvent(new w.Event('currententrychange'));
    doc.body.append(section(doc, 3));
    await settle();
    expect(r.calls).toEqual([]);
    s(); // twice is harmless
    expect(disconnect).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });
});
