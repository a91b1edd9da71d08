/**
 * Exports of a page's (or a CV's) credentials for an applicant-tracking system: the Reports as
 * JSON, one CSV row per credential, and a helper that saves text as a file.
 */
import type { Item, PageSummary } from '../protocol.js';

/** What `summaryToJson` writes, one entry per credential. */
export interface ExportedItem {
  url: string;
  text?: string;
  state: Item['state'];
  checkedAt?: string;
  /** The SDK's Report, as it is (done items). */
  report?: unknown;
  /** Why the link could not be read (error items). */
  error?: { code: string; message: string };
}

/** The page's credentials with their Reports as they are, for an ATS. Pretty-printed JSON. */
export function summaryToJson(summary: PageSummary): string {
  const items: ExportedItem[] = summary.items.map((item) => {
    const base = { url: item.url, ...(item.text !== undefined ? { text: item.text } : {}), state: item.state };
    if (item.state === 'done') return { ...base, checkedAt: item.checkedAt, report: item.report };
    if (item.state === 'error') return { ...base, checkedAt: item.checkedAt, error: { code: item.code, message: item.message } };
    return base;
  });
  return JSON.stringify({ source: 'CredLens', pageUrl: summary.pageUrl, ...(summary.owner !== undefined ? { owner: summary.owner } : {}), items }, null, 2);
}

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'title', 'url', 'issuer', 'verdict', 'trust level', 'assessment kind', 'EU elements present', 'EU elements total',
  'recipient', 'issued', 'expires', 'checked at',
] as const;

/**
 * One CSV cell: formula-looking text (starting with = + - @, tab or CR) gets a leading apostrophe so
 * spreadsheets show it as text; then RFC 4180 quoting (quotes doubled; quoted when it holds a
 * comma, quote, CR or LF, or begins or ends with a space).
 */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(item: Item): unknown[] {
  if (item.state === 'done') {
    const r = item.report;
    const c = r.credential;
    return [
      c.name ?? c.achievement?.name ?? item.text ?? '', item.url, c.issuer.name ?? c.issuer.id ?? '', r.verdict, r.trust.level,
      r.assessment?.kind ?? '', r.completeness?.mandatoryPresent ?? '', r.completeness?.mandatoryTotal ?? '', r.recipient?.state ?? '',
      c.issued ?? '', c.expires ?? '', item.checkedAt,
    ];
  }
  // Pending and unreadable links keep their row, with their state where the verdict goes.
  return [item.text ?? '', item.url, '', item.state, '', '', '', '', '', '', '', item.state === 'error' ? item.checkedAt : ''];
}

/** One row per credential (header first), CRLF line ends, RFC 4180 quoting, formulas neutralised. */
export function summaryToCsv(summary: PageSummary): string {
  const lines = [CSV_COLUMNS.map(csvCell).join(','), ...summary.items.map((item) => row(item).map(csvCell).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** A file name for an export of `summary`: credlens-<host>-<date>.<ext>. */
export function exportName(summary: PageSummary, ext: 'json' | 'csv', now = new Date()): string {
  let host = 'page';
  try {
    host = new URL(summary.pageUrl).hostname || host;
  } catch {
    const base = summary.pageUrl.split(/[\\/]/).pop();
    if (base) host = base.replace(/\.[a-z0-9]+$/i, '');
  }
  const safe = host.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'page';
  return `credlens-${safe}-${now.toISOString().slice(0, 10)}.${ext}`;
}

/** Saves `text` as a file named `filename` through a Blob URL (revoked once the download started). */
export function download(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
