/**
 * WXT module: ships pdfjs-dist's worker in the extension as `/pdf.worker.mjs`, and its packed CMaps
 * (`cmaps/*.bcmap`, Adobe's character maps for CJK text in fonts a PDF does not embed) under
 * `/pdf-cmaps/`. The CV page reads PDFs with pdfjs; extension/lib/cv/worker.ts points pdfjs at
 * these files. They are taken from node_modules at build time (`build:publicAssets`), so no copy
 * lives in the repository and they always match the installed pdfjs-dist.
 *
 * WXT 0.21 looks for local modules in `modulesDir`, which defaults to `<root>/modules`, not
 * `<srcDir>/modules`: wxt.config.ts must set `modulesDir: 'extension/modules'` for this file to run.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/** Path of the worker in the built extension; must match PDF_WORKER_PATH in extension/lib/cv/worker.ts. */
const DEST = 'pdf.worker.mjs';
/** Folder of the CMaps in the built extension; must match PDF_CMAPS_PATH in extension/lib/cv/worker.ts. */
const CMAPS_DEST = 'pdf-cmaps';

export default defineWxtModule({
  name: 'credlens:pdf-worker',
  setup(wxt) {
    wxt.hooks.hook('build:publicAssets', (_wxt, files) => {
      // pdfjs-dist has no "exports" map, so its files resolve by path from the project root.
      const require = createRequire(join(wxt.config.root, 'package.json'));
      const src = require.resolve('pdfjs-dist/build/pdf.worker.min.mjs');
      files.push({ absoluteSrc: src, relativeDest: DEST });
      const cmaps = join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
      for (const name of readdirSync(cmaps)) {
        // Adobe's licence for the CMaps travels with them.
        if (name.endsWith('.bcmap') || name === 'LICENSE') files.push({ absoluteSrc: join(cmaps, name), relativeDest: `${CMAPS_DEST}/${name}` });
      }
    });
  },
});
