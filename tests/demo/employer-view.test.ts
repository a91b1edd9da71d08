/**
 * The employer view of the demo credentials through the CLI and the HTTP endpoint: trust signals,
 * elements, assessment and recipient, explained in plain language.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIssuer } from '../../demo/issuer/server.js';
import { DEMO_PERSON, type DemoCredential } from '../../demo/types.js';
import { createServer } from '../../sdk/server/index.js';
import { credlensTrustList } from '../../sdk/trust/index.js';

const BIN = fileURLToPath(new URL('../../bin/credlens.js', import.meta.url));
let issuer: Awaited<ReturnType<typeof startIssuer>>;
let trustFile: string;
const bySlug = (prefix: string): DemoCredential => issuer.credentials.find((c) => c.slug.startsWith(prefix))!;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'credlens-employer-'));
  issuer = await startIssuer({ port: 0, keysDir: join(dir, 'keys') });
  trustFile = join(dir, 'trust.json');
  writeFileSync(trustFile, JSON.stringify(issuer.trustList));
});
afterAll(() => issuer.close());

function cli(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }));
  });
}
const common = () => ['--trust', trustFile, '--name', DEMO_PERSON.name, '--email', DEMO_PERSON.email, '--allow-private-network', '--allow-http-localhost'];

describe('employer view through the CLI', () => {
  it('the university micro-credential: recognised, assessed with ID check, 9 of 11 elements, recipient matches', async () => {
    const r = await cli(['verify', bySlug('uni-learning').url, ...common()]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Recognised issuer/);
    expect(r.out).toMatch(/endorsed by .*verified/);
    expect(r.out).toMatch(/Assessed: /);
    expect(r.out).toMatch(/Supervised on site, identity checked/);
    expect(r.out).toMatch(/9 of the 11 elements/);
    expect(r.out).toMatch(/Matches the candidate/);
  });

  it('the webinar badge is participation only, in German with --lang de', async () => {
    const r = await cli(['verify', bySlug('webinar').url, ...common(), '--lang', 'de']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nur Teilnahme/);
  });

  it("someone else's credential is valid but does not match the candidate", async () => {
    const r = await cli(['verify', bySlug('other-person').url, ...common(), '--json']);
    const report = JSON.parse(r.out);
    expect(report.verdict).toBe('valid');
    expect(report.recipient.state).toBe('mismatch');
  });

  it('the issuer on no trust list is unknown, beside a valid verdict', async () => {
    const report = JSON.parse((await cli(['verify', bySlug('unknown-issuer').url, ...common(), '--json'])).out);
    expect(report.verdict).toBe('valid');
    expect(report.trust.level).toBe('unknown');
  });
});

describe('employer view through the HTTP endpoint', () => {
  it('POST /verify returns the report and its explanation', async () => {
    const server = createServer({ trustSources: [credlensTrustList(issuer.trustList)], verifyOptions: { allowPrivateNetwork: true, allowHttpLocalhost: true } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: bySlug('elm').url, options: { recipient: { name: DEMO_PERSON.name }, language: 'fr' } }),
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.report.verdict).toBe('valid');
      expect(body.report.format).toBe('elm');
      expect(body.report.completeness).toMatchObject({ mandatoryPresent: 11, mandatoryTotal: 11 });
      expect(body.report.trust.level).toBe('recognised');
      expect(body.report.recipient.state).toBe('match');
      expect(body.explanation.lang).toBe('fr');
      expect(body.explanation.elements.length).toBeGreaterThanOrEqual(11);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
