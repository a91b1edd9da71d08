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
