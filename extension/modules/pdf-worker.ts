/**
 * WXT module: ships pdfjs-dist's worker in the extension as `/pdf.worker.mjs` (the CV page reads
 * PDFs with pdfjs; extension/lib/cv/worker.ts points pdfjs at this file). The file is taken from
 * node_modules at build time (`build:publicAssets`), so no copy of it lives in the repository and
 * it always matches the installed pdfjs-dist.
 *
 * WXT 0.21 looks for local modules in `modulesDir`, which defaults to `<root>/modules`, not
 * `<srcDir>/modules`: wxt.config.ts must set `modulesDir: 'extension/modules'` for this file to run.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/** Path of the worker in the built extension; must match PDF_WORKER_PATH in extension/lib/cv/worker.ts. */
const DEST = 'pdf.worker.mjs';

export default defineWxtModule({
  name: 'credlens:pdf-worker',
  setup(wxt) {
    wxt.hooks.hook('build:publicAssets', (_wxt, files) => {
      // pdfjs-dist has no "exports" map, so its files resolve by path from the project root.
      const require = createRequire(join(wxt.config.root, 'package.json'));
      const src = require.resolve('pdfjs-dist/build/pdf.worker.min.mjs');
      files.push({ absoluteSrc: src, relativeDest: DEST });
    });
  },
});
