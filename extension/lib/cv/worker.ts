/**
 * pdfjs in the extension: the browser build of pdfjs-dist, with its worker and CMaps loaded from the
 * files the WXT module extension/modules/pdf-worker.ts copies into the build (`/pdf.worker.mjs`,
 * taken from node_modules/pdfjs-dist/build/pdf.worker.min.mjs, and `/pdf-cmaps/`, its `cmaps/`).
 * Loaded lazily by ./pdf.ts, so only the page that reads a PDF pays for pdfjs. The only file under
 * lib/cv/ that touches `browser`.
 */
import { browser } from 'wxt/browser';
import type { PdfReader } from './pdf.js';

/** Where the worker is in the built extension; must match extension/modules/pdf-worker.ts. */
export const PDF_WORKER_PATH = '/pdf.worker.mjs';
/** Where the CMaps are in the built extension; must match extension/modules/pdf-worker.ts. */
export const PDF_CMAPS_PATH = '/pdf-cmaps/';

/** The URL of a file in the extension (`runtime.getURL`, typed loosely: the path is not one WXT's generated types know). */
function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}

/**
 * Loads pdfjs-dist's browser build and points it at the worker and CMaps shipped in the extension (a
 * module worker on the extension's own origin, so MV3's CSP allows it; no eval, no CDN).
 */
export async function loadExtensionPdfjs(): Promise<PdfReader> {
  const pdfjs = await import('pdfjs-dist');
  if (!pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = extensionUrl(PDF_WORKER_PATH);
  return { pdfjs, cMapUrl: extensionUrl(PDF_CMAPS_PATH) };
}
