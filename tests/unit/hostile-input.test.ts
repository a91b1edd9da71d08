/**
 * Bad input ends in a typed error or a failing check, within bounded time and memory.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../sdk/index.js';
import { base58Encode } from '../../sdk/util/base58.js';

const NOW = '2026-03-01T00:00:00Z';
const DID = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';

function credential(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: DID,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner' },
    proof: {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: `${DID}#${DID.slice(8)}`,
      proofPurpose: 'assertionMethod',
      proofValue: 'z' + base58Encode(new Uint8Array(64).fill(7)), // well-formed, but not a signature of anything
    },
    ...extra,
  };
}

function serve(routes: Record<string, () => Response>) {
  return async (url: string) => (routes[url.split('#')[0]!] ?? (() => new Response('nope', { status: 404 })))();
}

describe('hostile input', () => {
  it('truncated JSON is a bad-json error', async () => {
    await expect(verify('{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": [')).rejects.toMatchObject({ code: 'bad-json' });
  });

  it('100k-deep nesting is refused before parsing', async () => {
    const deep = '{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const t = performance.now();
    await expect(verify(deep)).rejects.toMatchObject({ code: 'too-deep' });
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('a 20 MB body is cut off at the cap', async () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x20);
    const fetch = serve({ 'https://issuer.example/badge.json': () => new Response(big, { headers: { 'content-type': 'application/json' } }) });
    const r = await verify('https://issuer.example/badge.json', { fetch, now: NOW });
    expect(r.verdict).toBe('unverifiable');
    expect(r.checks[0]).toMatchObject({ id: 'fetch', code: 'too-large' });
  });

  it('a streamed body without content-length is cut off too', async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > 30 * 1024 * 1024) return c.close();
        sent += 1024 * 1024;
        c.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const fetch = serve({ 'https://issuer.example/s.json': () => new Response(stream, { headers: { 'content-type': 'application/json' } }) });
    const r = await verify('https://issuer.example/s.json', { fetch, now: NOW, maxBytes: 1024 * 1024 });
    expect(r.checks[0]).toMatchObject({ code: 'too-large' });
    expect(sent).toBeLessThan(5 * 1024 * 1024);
  });

  it('a PNG with a wrong CRC is a bad-png error', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef]);
    await expect(verify(png)).rejects.toMatchObject({ code: 'bad-png' });
  });

  it('a PNG whose chunk runs past the end is a bad-png error', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0xff, 0x69, 0x54, 0x58, 0x74, 1, 2, 3]);
    await expect(verify(png)).rejects.toMatchObject({ code: 'bad-png' });
  });

  it('a JWT with alg none is refused: unsigned is an input error, with a signature part it is invalid', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: DID, vc: credential({ proof: undefined }) })}`;
    await expect(verify(`${body}.`, { now: NOW })).rejects.toMatchObject({ code: 'bad-input' });
    const r = await verify(`${body}.${Buffer.from('x').toString('base64url')}`, { now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'fail', code: 'bad-jwt' });
  });

  it('an unknown cryptosuite is unsupported, never a pass', async () => {
    const r = await verify(credential({ proof: { ...(credential().proof as object), cryptosuite: 'eddsa-future-2031' } }), { now: NOW });
    expect(r.verdict).toBe('unverifiable');
    expect(r.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'unsupported', code: 'unsupported-suite' });
  });

  it('a context that is not bundled is a typed failure, and nothing is fetched', async () => {
    let fetched = 0;
    const fetch = async () => {
      fetched++;
      return new Response('{}');
    };
    const r = await verify(credential({ '@context': ['https://www.w3.org/ns/credentials/v2', 'https://evil.example/context.jsonld'] }), { now: NOW, fetch });
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'proof')).toMatchObject({ code: 'unknown-context' });
    expect(fetched).toBe(0);
  });

  it('a blank-node graph built to blow up canonicalization is refused quickly', async () => {
    // 40 indistinguishable blank nodes, each linked to every other: RDFC-1.0 would need factorial work.
    const nodes = Array.from({ length: 40 }, (_, i) => ({ '@id': `_:n${i}`, 'ex:link': Array.from({ length: 40 }, (_, j) => ({ '@id': `_:n${j}` })).filter((_, j) => j !== i) }));
    const t = performance.now();
    const r = await verify(credential({ '@context': ['https://www.w3.org/ns/credentials/v2', { ex: 'https://example.org/#' }], credentialSubject: { id: 'did:example:x', 'ex:graph': nodes } }), { now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'proof')).toMatchObject({ code: 'canonicalization-limit' });
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('a redirect loop stops after 5 hops', async () => {
    let hops = 0;
    const fetch = async (url: string) => {
      hops++;
      return new Response(null, { status: 302, headers: { location: url.endsWith('a') ? 'https://loop.example/b' : 'https://loop.example/a' } });
    };
    const r = await verify('https://loop.example/a', { fetch, now: NOW });
    expect(r.checks[0]).toMatchObject({ id: 'fetch', code: 'too-many-redirects' });
    expect(hops).toBe(6);
  });

  it('a redirect to a private address is refused at that hop', async () => {
    const fetch = serve({ 'https://public.example/x': () => new Response(null, { status: 301, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }) });
    await expect(verify('https://public.example/x', { fetch, now: NOW })).rejects.toMatchObject({ code: 'blocked-address' });
  });

  it.each([
    'http://127.0.0.1/badge.json',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/badge.json',
    'http://2130706433/badge.json',
    'http://0x7f.0.0.1/badge.json',
    'http://[::ffff:127.0.0.1]/badge.json',
    'http://localhost:8080/badge.json',
    'http://10.0.0.5/badge.json',
    'http://[fd00:ec2::254]/',
  ])('%s is refused without the opt-in, and no request is made', async (url) => {
    let fetched = 0;
    const fetch = async () => {
      fetched++;
      return new Response('{}');
    };
    await expect(verify(url, { fetch })).rejects.toMatchObject({ code: 'blocked-address' });
    expect(fetched).toBe(0);
  });

  it('the opt-in allows loopback (the demo issuer lives there)', async () => {
    const fetch = serve({ 'http://127.0.0.1/badge.json': () => new Response(JSON.stringify(credential()), { headers: { 'content-type': 'application/json' } }) });
    const r = await verify('http://127.0.0.1/badge.json', { fetch, allowPrivateNetwork: true, now: NOW });
    expect(r.verdict).toBe('invalid'); // reached and checked: the zero signature does not verify
  });

  it('a slow server times out', async () => {
    const fetch = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const r = await verify('https://slow.example/badge.json', { fetch, timeoutMs: 50, now: NOW });
    expect(r.checks[0]).toMatchObject({ code: 'timeout' });
  });
});
