/**
 * The safe fetch's cache: one verification never downloads the same document twice, even when two
 * stages ask with different Accept headers, as long as the first answer is a type the second takes.
 */
import { describe, expect, it } from 'vitest';
import { safeFetch } from '../../sdk/fetch/index.js';
import { resolveOptions } from '../../sdk/options.js';

function serving(body: string, type: string) {
  const calls: string[] = [];
  const o = resolveOptions({
    fetch: async (u: string, init?: RequestInit) => {
      calls.push(`${u} ${(init?.headers as Record<string, string>)?.accept ?? ''}`);
      return new Response(body, { headers: { 'content-type': type } });
    },
  });
  return { o, calls };
}

describe('safeFetch cache', () => {
  it('reuses a JSON answer fetched with another Accept header for a caller that takes JSON', async () => {
    const { o, calls } = serving('{"id":"https://issuer.example/a"}', 'application/ld+json');
    await safeFetch('https://issuer.example/a', o, { accept: 'application/ld+json, */*;q=0.1' });
    const again = await safeFetch('https://issuer.example/a', o, { accept: 'application/ld+json, application/json', kinds: ['json'] });
    expect(again.text()).toContain('issuer.example/a');
    expect(calls).toHaveLength(1);
  });

  it('fetches again when the earlier answer is not a type the caller takes, or the caller takes anything', async () => {
    const { o, calls } = serving('<html></html>', 'text/html');
    await safeFetch('https://issuer.example/b', o, { accept: 'text/html' });
    await expect(safeFetch('https://issuer.example/b', o, { accept: 'application/json', kinds: ['json'] })).rejects.toMatchObject({ code: 'bad-content-type' });
    expect(calls).toHaveLength(2);
    await safeFetch('https://issuer.example/b', o, { accept: 'image/png' });
    expect(calls).toHaveLength(3);
  });
});

describe('safeFetch definitive misses', () => {
  function gone(status: number) {
    const calls: string[] = [];
    const o = resolveOptions({
      fetch: async (u: string) => {
        calls.push(u);
        return new Response('{"revoked":true}', { status, headers: { 'content-type': 'application/json' } });
      },
    });
    return { o, calls };
  }

  it('hands a passed 410 to the next caller that also takes 410, without asking again', async () => {
    const { o, calls } = gone(410);
    const first = await safeFetch('https://issuer.example/assertion', o, { accept: 'application/json', passStatus: [410] });
    const second = await safeFetch('https://issuer.example/assertion', o, { accept: 'application/ld+json', kinds: ['json'], passStatus: [404, 410] });
    expect(first.status).toBe(410);
    expect(second.status).toBe(410);
    expect(second.text()).toContain('revoked');
    expect(calls).toHaveLength(1);
  });

  it('forgets a remembered miss once the address answers again', async () => {
    let status = 410;
    const calls: string[] = [];
    const o = resolveOptions({
      fetch: async (u: string, init?: RequestInit) => {
        calls.push(`${u} ${(init?.headers as Record<string, string>)?.accept ?? ''}`);
        return new Response('{"id":"x"}', { status, headers: { 'content-type': 'application/json' } });
      },
    });
    expect((await safeFetch('https://issuer.example/back', o, { accept: 'a', passStatus: [410] })).status).toBe(410);
    status = 200;
    expect((await safeFetch('https://issuer.example/back', o, { accept: 'b' })).status).toBe(200);
    // another Accept header and no kinds: not served from the 200 above, and never the old 410
    expect((await safeFetch('https://issuer.example/back', o, { accept: 'c', passStatus: [410] })).status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it('never hands a remembered miss to a caller that does not take that status', async () => {
    const { o, calls } = gone(404);
    await safeFetch('https://issuer.example/missing', o, { passStatus: [404] });
    await expect(safeFetch('https://issuer.example/missing', o, { passStatus: [410] })).rejects.toMatchObject({ code: 'http-status' });
    await expect(safeFetch('https://issuer.example/missing', o)).rejects.toMatchObject({ code: 'http-status' });
    expect(calls).toHaveLength(3);
  });
});

describe('safeFetch downloads under way', () => {
  it('shares one download between verifications that share a cache, not between others', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetch = async () => {
      calls++;
      await gate;
      return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    };
    const shared = resolveOptions({ fetch });
    const alsoShared = resolveOptions({ fetch, cache: shared.cache });
    const own = resolveOptions({ fetch });
    const req = { accept: 'application/json', kinds: ['json' as const] };
    const all = Promise.all([safeFetch('https://issuer.example/list', shared, req), safeFetch('https://issuer.example/list', alsoShared, req), safeFetch('https://issuer.example/list', own, req)]);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(2);
    release();
    const [a, b, c] = await all;
    expect(a.text()).toBe('{"ok":true}');
    expect(b).toBe(a);
    expect(c.text()).toBe('{"ok":true}');
  });

  it('lets every waiter see a failure, and tries again afterwards', async () => {
    let calls = 0;
    const o = resolveOptions({
      fetch: async () => {
        calls++;
        if (calls === 1) throw new TypeError('connection reset');
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
    const results = await Promise.allSettled([safeFetch('https://issuer.example/x', o), safeFetch('https://issuer.example/x', o)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(safeFetch('https://issuer.example/x', o)).resolves.toBeDefined();
    expect(calls).toBe(2);
  });
});

describe('safeFetch cache and the caller’s rules', () => {
  const json = async () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });

  it('does not hand a document fetched under a looser address policy to a stricter call', async () => {
    const loose = resolveOptions({ fetch: json, allowPrivateNetwork: true, allowHttpLocalhost: true });
    const strict = resolveOptions({ fetch: json, cache: loose.cache });
    await expect(safeFetch('http://127.0.0.1:5555/list', loose)).resolves.toBeDefined();
    await expect(safeFetch('http://127.0.0.1:5555/list', strict)).rejects.toMatchObject({ code: 'blocked-address' });
  });

  it('applies https-only to cached answers: an http document fetched by one stage is refused to a stage that needs https', async () => {
    let calls = 0;
    const o = resolveOptions({
      fetch: async () => {
        calls++;
        return json();
      },
    });
    await safeFetch('http://issuer.example/status/1', o, { accept: 'application/json' });
    await expect(safeFetch('http://issuer.example/status/1', o, { accept: 'application/json', httpsOnly: true })).rejects.toMatchObject({ code: 'bad-url' });
    expect(calls).toBe(1);
  });
});
