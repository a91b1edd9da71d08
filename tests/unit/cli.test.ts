/** The CLI contract of DESIGN.md, run as a real process through the package's bin. */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbIssue, makeIssuer, openBadge } from '../helpers/issuers.js';

const BIN = fileURLToPath(new URL('../../bin/credlens.js', import.meta.url));
let dir: string;

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'credlens-cli-'));
  const issuer = await makeIssuer(new Uint8Array(32).fill(3));
  const cred = await dbIssue(openBadge(issuer.did, 1), 'eddsa-rdfc-2022', issuer);
  await writeFile(join(dir, 'valid.json'), JSON.stringify(cred));
  const tampered = structuredClone(cred) as any;
  tampered.name = 'Something else';
  await writeFile(join(dir, 'tampered.json'), JSON.stringify(tampered));
  await writeFile(join(dir, 'broken.json'), '{"@context": [');
});

describe('credlens verify', () => {
  it('exits 0 for a valid credential and prints the verdict first', async () => {
    const r = await run(['verify', join(dir, 'valid.json'), '--now', '2026-03-01T00:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^VALID /);
    expect(r.stdout).toMatch(/✓ proof/);
  });

  it('prints the Report with --json', async () => {
    const r = await run(['verify', join(dir, 'valid.json'), '--json', '--now', '2026-03-01T00:00:00Z']);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('valid');
    expect(report.format).toBe('ob3-json');
    expect(Array.isArray(report.checks)).toBe(true);
  });

  it('exits 1 for any other verdict', async () => {
    const r = await run(['verify', join(dir, 'tampered.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^INVALID/);
  });

  it('reads standard input with -', async () => {
    const { readFile } = await import('node:fs/promises');
    const r = await run(['verify', '-', '--now', '2026-03-01T00:00:00Z'], await readFile(join(dir, 'valid.json'), 'utf8'));
    expect(r.code).toBe(0);
  });

  it.each([
    [['verify'], /Name a file/],
    [['verify', 'no-such-file.json'], /No such file/],
    [['frobnicate'], /Unknown command/],
    [['verify', 'x.json', '--now', 'yesterday'], /not an ISO-8601 date/],
  ])('exits 2 with one clear sentence for %j', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 for malformed input, naming the problem', async () => {
    const r = await run(['verify', join(dir, 'broken.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON.*\(bad-json\)/);
  });

  it('refuses a loopback URL without --allow-private-network', async () => {
    const r = await run(['verify', 'http://127.0.0.1:9/badge.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/blocked-address/);
  });
});
