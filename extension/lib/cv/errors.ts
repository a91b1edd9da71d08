/**
 * Typed errors for reading a CV file in the extension. The CV page switches on `code` to pick the
 * sentence it shows; `message` is for logs and developers.
 */

/** Why a CV file gave no links. */
export type CvErrorCode =
  /** The file is larger than the extension reads (20 MB). */
  | 'too-large'
  /** Neither a PDF nor a Word (.docx) document, judged by its bytes. */
  | 'unsupported-file'
  /** Handed to the PDF reader but has no `%PDF-` header. */
  | 'not-a-pdf'
  /** Handed to the DOCX reader but is not a Word document (not a ZIP, or no main document part). */
  | 'not-a-docx'
  /** The PDF needs a password to open (an empty user password is tried, and works, silently). */
  | 'encrypted'
  /** The PDF is damaged, truncated, or took too long to read. */
  | 'unreadable';

/** The one error the CV readers throw. */
export class CvError extends Error {
  constructor(
    readonly code: CvErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CvError';
  }
}

/** Largest CV file read, PDF or DOCX (bytes). */
export const MAX_CV_FILE_BYTES = 20 * 1024 * 1024;
