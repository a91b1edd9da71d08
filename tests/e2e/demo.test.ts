/**
 * `npm run demo -- --headless` on this machine, as a person would run it: it must build the
 * extension, start the servers, print the table with every verdict as expected, write screenshots
 * and exit 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run demo (headless)', () => {
  it('prints the table, writes screenshots and exits 0', async () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    const child = spawn('npm', ['run', 'demo', '--', '--headless'], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    expect(code, out).toBe(0);
    expect(out).toMatch(/credential\s+format\s+verdict\s+expected\s+trust\s+elements\s+assessed\s+recipient/);
    expect(out).toMatch(/Every credential got the verdict it should\./);
    expect(out).toMatch(/PDF CV: (\d+) of \1 credential links found/);
    expect(out).toMatch(/DOCX CV: (\d+) of \1 credential links found/);
    for (const name of ['index', 'profile', 'cv', 'learner']) {
      const file = `${ROOT}demo/out/${name}.png`;
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(10_000);
    }
  });
});
