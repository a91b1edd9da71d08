/**
 * Credential links in a Word CV (.docx), read by the SDK's own DOCX reader (sdk/input/docx-links.ts):
 * hyperlinks through the main part's relationships (with their run text, usually the credential's
 * title), HYPERLINK field codes, and http(s) URLs written in the text, in the main document and its
 * headers, footers, footnotes and endnotes. Bounded by the SDK's ZIP limits.
 */
import { isCredLensError } from '../../../sdk/errors.js';
import { DOCX_LIMITS, MAX_TEXT_CHARS } from '../../../sdk/input/cv.js';
import { scanDocx } from '../../../sdk/input/docx-links.js';
import { looksLikeZip } from '../../../sdk/input/zip.js';
import type { FoundLink } from '../protocol.js';
import { CvError, MAX_CV_FILE_BYTES } from './errors.js';
import { CredentialCollector, MAX_CV_LINKS } from './pdf.js';

/**
 * The credential links in a .docx, in document order, each with its hyperlink's text when it has
 * one. Throws CvError: 'too-large' (over 20 MB, or an archive past the SDK's limits), 'not-a-docx'
 * (not a ZIP archive, a damaged one, or one without a Word main document part).
 */
export async function docxLinks(bytes: Uint8Array): Promise<FoundLink[]> {
  if (bytes.byteLength > MAX_CV_FILE_BYTES) {
    throw new CvError('too-large', `The document is larger than ${MAX_CV_FILE_BYTES / (1024 * 1024)} MB.`);
  }
  if (!looksLikeZip(bytes)) throw new CvError('not-a-docx', 'The file is not a Word document (not a ZIP archive).');
  const links = new CredentialCollector(MAX_CV_LINKS);
  try {
    scanDocx(bytes, links, DOCX_LIMITS, MAX_TEXT_CHARS);
  } catch (e) {
    if (isCredLensError(e, 'too-large')) throw new CvError('too-large', e.message, { cause: e });
    const detail = e instanceof Error ? e.message : String(e);
    throw new CvError('not-a-docx', `The Word document could not be read: ${detail}`, { cause: e });
  }
  return links.links.map((l) => (l.text === undefined ? { url: l.url } : { url: l.url, text: l.text }));
}
