/**
 * Credential links from a CV file dropped on the CV page: a PDF (pdfjs) or a Word .docx (the
 * SDK's reader), told apart by the bytes, not the name.
 *
 *   const { kind, links } = await linksFromFile(bytes, file.name, (done, total) => …);
 *
 * Failures are CvError (./errors.ts) with a code the page can switch on.
 */
import { ZipReader, looksLikeZip } from '../../../sdk/input/zip.js';
import { DOCX_LIMITS } from '../../../sdk/input/cv.js';
import type { FoundLink } from '../protocol.js';
import { docxLinks } from './docx.js';
import { CvError, MAX_CV_FILE_BYTES } from './errors.js';
import { looksLikePdf } from '../../../sdk/input/pdf-links.js';
import { pdfLinks } from './pdf.js';

export { CvError, MAX_CV_FILE_BYTES, type CvErrorCode } from './errors.js';
export { MAX_CV_LINKS, MAX_PDF_PAGES, setPdfjsLoader } from './pdf.js';

/** The kinds of CV file read. */
export type CvFileKind = 'pdf' | 'docx';

/**
 * What a file is, from its bytes: 'pdf' (`%PDF-` in the first kilobyte), 'docx' (a ZIP archive
 * with `word/document.xml`, or whose [Content_Types].xml declares a WordprocessingML main part),
 * else undefined. `name` is not trusted; it is not used.
 */
export function sniffCvFile(bytes: Uint8Array): CvFileKind | undefined {
  if (looksLikePdf(bytes)) return 'pdf';
  if (!looksLikeZip(bytes)) return undefined;
  try {
    const zip = new ZipReader(bytes, DOCX_LIMITS);
    if (zip.has('word/document.xml')) return 'docx';
    const types = zip.read('[Content_Types].xml');
    if (types && new TextDecoder().decode(types).includes('wordprocessingml.document.main+xml')) return 'docx';
  } catch {
    // a damaged or oversized archive: not something the CV page can read
  }
  return undefined;
}

/**
 * The credential links in a CV file, in document order, with the linked text (the credential's
 * title) where the file has one. The kind is sniffed from the bytes (`name` only words messages).
 * `onProgress(done, total)` reports pages read for a PDF, and 0 of 1 then 1 of 1 for a DOCX.
 * Throws CvError: 'too-large' (over 20 MB), 'unsupported-file' (neither a PDF nor a Word
 * document), and the PDF / DOCX readers' codes ('encrypted', 'unreadable', 'not-a-docx').
 */
export async function linksFromFile(
  bytes: Uint8Array,
  name: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ kind: 'pdf' | 'docx'; links: FoundLink[] }> {
  const label = name.trim() === '' ? 'The file' : `"${name.length > 80 ? name.slice(0, 79) + '…' : name}"`;
  if (bytes.byteLength > MAX_CV_FILE_BYTES) {
    throw new CvError('too-large', `${label} is larger than ${MAX_CV_FILE_BYTES / (1024 * 1024)} MB.`);
  }
  const kind = sniffCvFile(bytes);
  if (kind === 'pdf') return { kind, links: await pdfLinks(bytes, onProgress) };
  if (kind === 'docx') {
    onProgress?.(0, 1);
    const links = await docxLinks(bytes);
    onProgress?.(1, 1);
    return { kind, links };
  }
  throw new CvError('unsupported-file', `${label} is neither a PDF nor a Word (.docx) document.`);
}
