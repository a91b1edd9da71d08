/**
 * The HTTP endpoint over real HTTP on loopback: both verify endpoints (valid, tampered, VC-API
 * shape, a link through an injected fetch), every refusal (malformed, wrong type, too large,
 * unknown route, wrong method, busy, too slow), bounded concurrency with its queue, and
 * `credlens serve` as a real process stopping cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../sdk/options.js';
import { createServer, trustSourceFromFile, type ServerOptions } from '../../sdk/server/index.js';
import { newKey, signJcs, signJwt } from '../helpers/sign.js';

const NOW = '2026-03-01T00:00:00Z';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const key = newKey();
const DID = `did:key:${key.multibase}`;
const VM = `${DID}#${key.multibase}`;

function credential(n = 1): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:5b0c2f6e-8a51-4c9e-9d3e-${String(n).padStart(12, '0')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Data Literacy Micro-credential',
    issuer: { id: DID, type: ['Profile'], name: 'Example University' },
    validFrom: '2025-01-15T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: { id: 'https://example.edu/achievements/data-literacy', type: ['Achievement'], name: 'Data Literacy', description: 'Reads and interprets tabular data.', criteria: { narrative: 'Passed a supervised exam.' } },
    },
  };
}

const VALID = signJcs(credential(), key, VM);
const TAMPERED = { ...VALID, name: 'Rocket Science Micro-credential' };
const JWT = signJwt({ kid: VM, typ: 'vc+jwt' }, { ...credential(2), iss: DID }, key);

interface Running {
  base: string;
  server: http.Server;
  close(): Promise<void>;
}

async function start(options: ServerOptions = {}): Promise<Running> {
  const server = createServer({ ...options, verifyOptions: { now: NOW, ...options.verifyOptions } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

function jsonResponse(doc: unknown): Response {
  return new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } });
}

describe('the HTTP endpoint', () => {
  let s: Running;
  const fetched: string[] = [];
  const fakeFetch: FetchLike = async (url) => {
    fetched.push(url);
    if (url === 'https://badges.example/credentials/1') return jsonResponse(VALID);
    return new Response('not here', { status: 404 });
  };

  beforeAll(async () => {
    s = await start({ verifyOptions: { fetch: fakeFetch } });
  });
  afterAll(async () => s.close());

  it('answers /healthz with the package version', async () => {
    const res = await fetch(`${s.base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const pkg = JSON.parse(await (await import('node:fs/promises')).readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(await res.json()).toEqual({ status: 'ok', version: pkg.version });
  });

  it('serves its OpenAPI document', async () => {
    const res = await fetch(`${s.base}/openapi.yaml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/yaml/);
    const text = await res.text();
    expect(text).toMatch(/^openapi: 3\.1/);
    for (const path of ['/credentials/verify:', '/verify:', '/healthz:']) expect(text).toContain(path);
  });

  it('POST /verify {credential}: a valid credential, with its explanation', async () => {
    const r = await post(s.base, '/verify', { credential: VALID });
    expect(r.status).toBe(200);
    expect(r.json.report.verdict).toBe('valid');
    expect(r.json.report.credential.issuer.id).toBe(DID);
    expect(r.json.explanation.lang).toBe('en');
    expect(r.json.explanation.verdict.headline).toBe('Genuine and current');
    expect(r.json.explanation.checks.find((c: any) => c.id === 'proof').status).toBe('pass');
  });

  it('POST /verify {credential}: a tampered credential is invalid, explained in the language asked for', async () => {
    const r = await post(s.base, '/verify', { credential: TAMPERED, options: { language: 'de' } });
    expect(r.status).toBe(200);
    expect(r.json.report.verdict).toBe('invalid');
    expect(r.json.explanation.lang).toBe('de');
    expect(r.json.explanation.verdict.headline).toBe('Nicht echt');
  });

  it('takes the language from Accept-Language when options.language is absent', async () => {
    const r = await post(s.base, '/verify', { credential: VALID }, { 'accept-language': 'it-IT, fr;q=0.8, de;q=0.5' });
    expect(r.json.explanation.lang).toBe('fr');
  });

  it('POST /verify {jwt}: a VC-JWT', async () => {
    const r = await post(s.base, '/verify', { jwt: JWT });
    expect(r.status).toBe(200);
    expect(r.json.report.format).toMatch(/jwt$/);
    expect(r.json.report.verdict).toBe('valid');
  });

  it('POST /verify {url}: fetched through the injected fetch', async () => {
    const r = await post(s.base, '/verify', { url: 'https://badges.example/credentials/1' });
    expect(r.status).toBe(200);
    expect(r.json.report.verdict).toBe('valid');
    expect(r.json.report.source).toBe('https://badges.example/credentials/1');
    expect(fetched).toContain('https://badges.example/credentials/1');
  });

  it('POST /verify {url}: a link that cannot be fetched is unverifiable, not an error', async () => {
    const r = await post(s.base, '/verify', { url: 'https://badges.example/credentials/404' });
    expect(r.status).toBe(200);
    expect(r.json.report.verdict).toBe('unverifiable');
  });

  it('refuses private and loopback addresses with 400 blocked-address', async () => {
    for (const url of ['http://127.0.0.1:1/credential', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x']) {
      const r = await post(s.base, '/verify', { url });
      expect(r.status, url).toBe(400);
      expect(r.json.error.code, url).toBe('blocked-address');
    }
  });

  it('POST /verify: options.now and options.recipient are taken, bad ones refused', async () => {
    const past = await post(s.base, '/verify', { credential: VALID, options: { now: '2024-01-01T00:00:00Z' } });
    expect(past.json.report.verdict).toBe('not-yet-valid');
    const withRecipient = await post(s.base, '/verify', { credential: VALID, options: { recipient: { name: 'Jane Doe', email: 'jane@example.org' } } });
    expect(withRecipient.status).toBe(200);
    for (const options of [{ now: 'yesterday' }, { recipient: 'Jane' }, { recipient: { name: 42 } }, { language: 'it' }, 'fast']) {
      const r = await post(s.base, '/verify', { credential: VALID, options });
      expect(r.status, JSON.stringify(options)).toBe(400);
      expect(r.json.error.code).toBe('bad-input');
    }
  });

  it('POST /verify wants exactly one of url, credential, jwt', async () => {
    for (const body of [{}, { url: 'https://badges.example/credentials/1', credential: VALID }, { credential: VALID, jwt: JWT }, { nothing: 1 }]) {
      const r = await post(s.base, '/verify', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json.error.code).toBe('bad-input');
    }
    const notJwt = await post(s.base, '/verify', { jwt: 'hello' });
    expect([notJwt.status, notJwt.json.error.code]).toEqual([400, 'bad-jwt']);
    const notUrl = await post(s.base, '/verify', { url: 'ftp://example.org/x' });
    expect([notUrl.status, notUrl.json.error.code]).toEqual([400, 'bad-url']);
    const textCredential = await post(s.base, '/verify', { credential: JSON.stringify(VALID) });
    expect([textCredential.status, textCredential.json.error.code]).toEqual([400, 'bad-input']);
  });

  it('a credential verify() cannot read is 400 with its CredLensError code', async () => {
    const r = await post(s.base, '/verify', { credential: { hello: 'world' } });
    // Not a credential at all: the Report says so (format check), it is not a transport error.
    expect(r.status).toBe(200);
    expect(r.json.report.verdict).toBe('invalid');
    const deep = await post(s.base, '/verify', `{"credential":${'['.repeat(200)}${']'.repeat(200)}}`);
    expect([deep.status, deep.json.error.code]).toEqual([400, 'too-deep']);
  });

  describe('POST /credentials/verify (VC-API)', () => {
    it('a valid credential: verified, the checks that passed, no errors, and the Report', async () => {
      const r = await post(s.base, '/credentials/verify', { verifiableCredential: VALID });
      expect(r.status).toBe(200);
      expect(r.json.verified).toBe(true);
      expect(r.json.checks).toEqual(expect.arrayContaining(['proof', 'issuer-binding']));
      expect(r.json.errors).toEqual([]);
      expect(Array.isArray(r.json.warnings)).toBe(true);
      expect(r.json.report.verdict).toBe('valid');
      expect(Object.keys(r.json).sort()).toEqual(['checks', 'errors', 'report', 'verified', 'warnings']);
    });

    it('a tampered credential: 200, not verified, the failing proof among the errors', async () => {
      const r = await post(s.base, '/credentials/verify', { verifiableCredential: TAMPERED, options: { now: NOW } });
      expect(r.status).toBe(200);
      expect(r.json.verified).toBe(false);
      expect(r.json.checks).not.toContain('proof');
      expect(r.json.errors.some((e: string) => e.startsWith('proof: '))).toBe(true);
      expect(r.json.report.verdict).toBe('invalid');
    });

    it('ignores challenge and domain with a note', async () => {
      const r = await post(s.base, '/credentials/verify', { verifiableCredential: VALID, options: { challenge: 'c0ffee', domain: 'example.org', frobnicate: true } });
      expect(r.status).toBe(200);
      expect(r.json.verified).toBe(true);
      expect(r.json.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^options\.challenge was ignored/), expect.stringMatching(/^options\.domain was ignored/), expect.stringMatching(/^options\.frobnicate is not supported/)]));
    });

    it('takes a VC-JWT as an EnvelopedVerifiableCredential, or as a string', async () => {
      const enveloped = { '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/vc+jwt,${JWT}`, type: 'EnvelopedVerifiableCredential' };
      const a = await post(s.base, '/credentials/verify', { verifiableCredential: enveloped });
      expect([a.status, a.json.verified]).toEqual([200, true]);
      const b = await post(s.base, '/credentials/verify', { verifiableCredential: JWT });
      expect([b.status, b.json.verified]).toEqual([200, true]);
    });

    it('400 for a request without a credential', async () => {
      for (const body of [{}, { verifiableCredential: 42 }, { verifiableCredential: 'https://badges.example/credentials/1' }, { verifiableCredential: { type: 'EnvelopedVerifiableCredential', id: 'urn:x' } }]) {
        const r = await post(s.base, '/credentials/verify', body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(r.json.error.code).toMatch(/^bad-/);
        expect(JSON.stringify(r.json)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
      }
    });
  });

  describe('refusals', () => {
    it('malformed JSON: 400 bad-json', async () => {
      for (const body of ['{"credential": ', 'not json', '']) {
        const r = await post(s.base, '/verify', body);
        expect(r.status, body).toBe(400);
        expect(r.json.error.code).toBe('bad-json');
        expect(typeof r.json.error.message).toBe('string');
      }
      const array = await post(s.base, '/verify', '[1,2]');
      expect([array.status, array.json.error.code]).toEqual([400, 'bad-input']);
    });

    it('a body that is not JSON: 415', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const r = await post(s.base, '/verify', JSON.stringify({ credential: VALID }), { 'content-type': type });
        expect(r.status, type).toBe(415);
        expect(r.json.error.code).toBe('bad-content-type');
      }
      const ld = await post(s.base, '/credentials/verify', { verifiableCredential: VALID }, { 'content-type': 'application/ld+json; charset=utf-8' });
      expect(ld.status).toBe(200);
    });

    it('an unknown path: 404; a wrong method: 405 with Allow', async () => {
      const missing = await fetch(`${s.base}/verify/everything`);
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe('not-found');
      const wrong = await fetch(`${s.base}/verify`);
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('POST');
      expect((await wrong.json()).error.code).toBe('method-not-allowed');
      const health = await fetch(`${s.base}/healthz`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(health.status).toBe(405);
    });
  });
});

describe('trust sources', () => {
  it('consults the configured trust list and explains its signal', async () => {
    const list = { name: 'Test list', updated: '2026-01-01T00:00:00Z', issuers: [{ id: DID, name: 'Example University', country: 'AT', kind: 'university' }] };
    const s = await start({ trustSources: [trustSourceFromFile(list)] });
    try {
      const r = await post(s.base, '/verify', { credential: VALID, options: { language: 'es' } });
      expect(r.status).toBe(200);
      const listed = r.json.report.trust.signals.find((x: any) => x.id === 'listed');
      expect(listed).toMatchObject({ status: 'positive', source: 'Test list' });
      const explained = r.json.explanation.trust.signals.find((x: any) => x.id === 'listed');
      expect(explained.text).toBe('El emisor figura en una lista de confianza o en un registro en el que usted se apoya.');
      expect(['known', 'recognised']).toContain(r.json.report.trust.level);
    } finally {
      await s.close();
    }
  });

  it('refuses a malformed trust list up front', () => {
    expect(() => trustSourceFromFile([])).toThrow(/JSON object/);
    expect(() => trustSourceFromFile({ name: 'x' })).toThrow();
  });
});

describe('limits', () => {
  it('an oversized body: 413 with a JSON error, declared or streamed', async () => {
    const s = await start({ maxBodyBytes: 64 * 1024 });
    try {
      const big = JSON.stringify({ credential: { ...VALID, padding: 'x'.repeat(100 * 1024) } });
      const r = await post(s.base, '/verify', big);
      expect(r.status).toBe(413);
      expect(r.json.error.code).toBe('too-large');
      // Chunked, with no Content-Length: refused once the limit is crossed.
      const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${s.base}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.write('{"credential":{"padding":"');
        for (let i = 0; i < 20; i++) req.write('y'.repeat(8 * 1024));
        req.end('"}}');
      });
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body).error.code).toBe('too-large');
      // The server is still fine afterwards.
      expect((await post(s.base, '/verify', { credential: VALID })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('a verification that takes too long: 504 timeout', async () => {
    const hang: FetchLike = () => new Promise<Response>(() => {}); // ignores its abort signal, never answers
    const s = await start({ requestTimeoutMs: 300, verifyOptions: { fetch: hang } });
    try {
      const t0 = Date.now();
      const r = await post(s.base, '/verify', { url: 'https://slow.example/credential' });
      expect(r.status).toBe(504);
      expect(r.json.error.code).toBe('timeout');
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      await s.close();
    }
  });

  it('20 concurrent requests with maxConcurrent 2 and a queue of 3: 2 run, 3 wait, 15 get 503 with Retry-After, then the queue drains', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated: FetchLike = async (url) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await gate;
        return url.startsWith('https://badges.example/') ? jsonResponse(VALID) : new Response('no', { status: 404 });
      } finally {
        inFlight--;
      }
    };
    const s = await start({ maxConcurrent: 2, maxQueue: 3, retryAfterSeconds: 2, verifyOptions: { fetch: gated } });
    try {
      const results: { status: number; json: any; headers: Headers }[] = [];
      const all = Array.from({ length: 20 }, (_, i) => post(s.base, '/verify', { url: `https://badges.example/credentials/${i}` }).then((r) => (results.push(r), r)));
      // Wait until everything that cannot be served has been refused and two verifications are running.
      for (let i = 0; i < 200 && !(results.length === 15 && inFlight === 2); i++) await new Promise((r) => setTimeout(r, 25));
      expect(results.length).toBe(15);
      expect(inFlight).toBe(2);
      for (const r of results) {
        expect(r.status).toBe(503);
        expect(r.json.error.code).toBe('busy');
        expect(r.headers.get('retry-after')).toBe('2');
      }
      open();
      const done = await Promise.all(all);
      const ok = done.filter((r) => r.status === 200);
      expect(ok.length).toBe(5);
      expect(ok.every((r) => r.json.report.verdict === 'valid')).toBe(true);
      expect(maxInFlight).toBe(2);
      // Slots were all given back: a new request runs at once.
      expect((await post(s.base, '/verify', { url: 'https://badges.example/credentials/after' })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('20 concurrent requests with maxConcurrent 2 and room to queue: all succeed, never more than 2 at once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const slow: FetchLike = async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return jsonResponse(VALID);
    };
    const s = await start({ maxConcurrent: 2, maxQueue: 20, verifyOptions: { fetch: slow } });
    try {
      const done = await Promise.all(Array.from({ length: 20 }, (_, i) => post(s.base, '/verify', { url: `https://badges.example/credentials/${i}` })));
      expect(done.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(maxInFlight).toBe(2);
    } finally {
      await s.close();
    }
  });
});

describe('credlens serve', () => {
  it('prints its URL, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'credlens-serve-'));
    const trust = join(dir, 'trust.json');
    await writeFile(trust, JSON.stringify({ name: 'Test list', updated: '2026-01-01T00:00:00Z', issuers: [{ id: DID, name: 'Example University', country: 'AT', kind: 'university' }] }));
    const child = spawn(process.execPath, [join(ROOT, 'bin/credlens.js'), 'serve', '--port', '0', '--trust', trust], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 30_000);
        child.stdout.on('data', () => {
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', () => reject(new Error(`exited early; stderr: ${stderr}`)));
      });
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect((await health.json()).status).toBe('ok');
      const verified = await post(url, '/verify', { credential: VALID, options: { now: NOW } });
      expect(verified.json.report.verdict).toBe('valid');
      expect(verified.json.report.trust.signals).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'listed', status: 'positive', source: 'Test list' })]));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/SIGTERM/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits 2 with one sentence for a bad option or an unreadable trust list', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin/credlens.js'), 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c) => (stderr += c));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const port = await run(['--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port/);
    const missing = await run(['--trust', '/nonexistent/trust.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No such file/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
