/**
 * The package as others use it: `npm run build:sdk` emits ESM + .d.ts in dist/, `import { verify }
 * from 'credlens'` works in Node, and `npx --no-install credlens verify` runs from the repo root.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sh(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, timeout: 240_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('the credlens package', () => {
  it('builds, and imports by its own name', async () => {
    const build = await sh('npm', ['run', 'build:sdk']);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(existsSync(`${ROOT}dist/index.js`)).toBe(true);
    expect(existsSync(`${ROOT}dist/index.d.ts`)).toBe(true);
    const script = `import { verify, CredLensError } from 'credlens';
      const r = await verify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: 'did:example:x', credentialSubject: {} });
      console.log(JSON.stringify({ verdict: r.verdict, error: typeof CredLensError }));`;
    const run = await sh(process.execPath, ['--input-type=module', '-e', script]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ verdict: 'invalid', error: 'function' });
  }, 240_000);

  it('runs as npx --no-install credlens', async () => {
    const r = await sh('npx', ['--no-install', 'credlens', 'verify', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: credlens verify/);
  }, 60_000);
});
