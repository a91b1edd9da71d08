/**
 * The page's cache of the background's link-rule answers (extension/lib/page/link-rules.ts), with
 * the background replaced by a recorder: hrefs are asked about once, in one request per page base
 * (chunked), answers are kept and cleaned, and a failed request is asked again next time.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_HREFS_PER_REQUEST } from '../../../extension/lib/protocol.js';

const requests = vi.hoisted(() => [] as { base: string; hrefs: string[]; answer: (res: unknown) => void; fail: (e: unknown) => void }[]);

vi.mock('../../../extension/lib/messaging.js', () => ({
  ask: (type: string, req: { base: string; hrefs: string[] }) => {
    if (type !== 'link-rules') throw new Error(type);
    return new Promise((answer, fail) => requests.push({ ...req, answer, fail }));
  },
}));

type Module = typeof import('../../../extension/lib/page/link-rules.js');
let m: Module;

beforeEach(async () => {
  requests.length = 0;
  vi.resetModules(); // a fresh cache per test
  m = await import('../../../extension/lib/page/link-rules.js');
});

const BASE = 'https://www.linkedin.com/in/jane/';

describe('page link rules', () => {
  it('asks about unknown hrefs once, keeps the answers, and knows them afterwards', async () => {
    expect(m.pageLinkRules('https://a.example/badge/1', BASE)).toBeUndefined();
    expect(m.pageLinkRules('https://a.example/badge/1', BASE)).toBeUndefined();
    expect(m.pageLinkRules('/relative/cert', BASE)).toBeUndefined();
    const first = m.learnLinkRules()!;
    // looked up again while the answer is on its way: not asked twice, waited for
    expect(m.pageLinkRules('https://a.example/badge/1', BASE)).toBeUndefined();
    const second = m.learnLinkRules()!;
    expect(requests.map((r) => r.hrefs)).toEqual([['https://a.example/badge/1', '/relative/cert']]);
    requests[0]!.answer([{ credential: 'https://a.example/badge/1', target: 'https://a.example/badge/1' }, { target: 42, credential: null }]);
    await Promise.all([first, second]);
    expect(m.pageLinkRules('https://a.example/badge/1', BASE)).toEqual({ credential: 'https://a.example/badge/1', target: 'https://a.example/badge/1' });
    // what crossed the message boundary is cleaned: only string URLs stay
    expect(m.pageLinkRules('/relative/cert', BASE)).toEqual({});
    // a relative href means something else on another page
    expect(m.pageLinkRules('/relative/cert', 'https://other.example/')).toBeUndefined();
    expect(m.learnLinkRules()).toBeDefined();
    expect(requests[1]!.base).toBe('https://other.example/');
    // nothing missing: nothing to wait for
    expect(m.pageLinkRules('https://a.example/badge/1', BASE)).toBeDefined();
    expect(m.learnLinkRules()).toBeUndefined();
  });

  it(`asks at most ${MAX_HREFS_PER_REQUEST} hrefs per request`, async () => {
    const n = MAX_HREFS_PER_REQUEST + 5;
    for (let i = 0; i < n; i++) m.pageLinkRules(`https://a.example/badge/${i}`, BASE);
    const done = m.learnLinkRules()!;
    expect(requests.map((r) => r.hrefs.length)).toEqual([MAX_HREFS_PER_REQUEST, 5]);
    for (const r of requests) r.answer(r.hrefs.map((h) => ({ credential: h })));
    await done;
    expect(m.pageLinkRules(`https://a.example/badge/${n - 1}`, BASE)).toEqual({ credential: `https://a.example/badge/${n - 1}` });
  });

  it('a request the background did not answer rejects, and its hrefs are asked about again', async () => {
    m.pageLinkRules('https://a.example/badge/1', BASE);
    const done = m.learnLinkRules()!;
    requests[0]!.fail(new Error('Extension context invalidated.'));
    await expect(done).rejects.toThrow('invalidated');
    expect(m.pageLinkRules('https://a.example/badge/1', BASE)).toBeUndefined();
    void m.learnLinkRules();
    expect(requests).toHaveLength(2);
  });
});
