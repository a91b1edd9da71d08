/**
 * What the content scripts carry of the SDK. They run on every LinkedIn page, so they stay small
 * and leave the SDK's URL rules and verification to the background (the link rules are asked
 * for with `link-rules`). A new SDK import here is a decision, not an accident: this list says so.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// Small, rule-free helpers only.
const ALLOWED_SDK_MODULES = ['sdk/explain/types.ts', 'sdk/input/link-text.ts', 'sdk/util/bounded-map.ts', 'sdk/util/url.ts'];

describe('content scripts', () => {
  it.each(['linkedin.content.ts', 'scan.content.ts'])('%s bundles no SDK module beyond the small helpers', async (entry) => {
    const r = await build({
      entryPoints: [`${ROOT}extension/entrypoints/${entry}`],
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      logLevel: 'silent',
      define: { 'import.meta.env.MODE': '"production"' },
    });
    const sdk = Object.keys(r.metafile.inputs).filter((p) => p.startsWith('sdk/'));
    expect(sdk.filter((p) => !ALLOWED_SDK_MODULES.includes(p))).toEqual([]);
    // and the detector itself is in (a sanity check that the graph was read)
    expect(Object.keys(r.metafile.inputs)).toContain('extension/lib/detect/links.ts');
  });
});
