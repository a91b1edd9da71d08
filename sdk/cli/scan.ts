/**
 * `credlens scan <cv.pdf | cv.docx | page.html | cv.txt | url | ->`: finds the credential links in a
 * CV or page, verifies each, and prints one line per credential (verdict, title, issuer, link), or
 * everything as JSON with `--json`. Progress goes to stderr ("[2/7] checking https://…").
 * Exit 0 when at least one credential was found and every one is valid, 1 otherwise (including
 * when none was found), 2 for usage or input errors (one sentence on stderr, no stack trace).
 */
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { isCredLensError } from '../errors.js';
import { safeFetch } from '../fetch/index.js';
import { extractLinks, isCredentialLink, type CvKind, type ExtractedLinks, type FoundLink } from '../input/cv.js';
import { MemoryCache, resolveOptions, type VerifyOptions } from '../options.js';
import type { Report, Verdict } from '../report/types.js';
import { verify } from '../verify.js';
import { applyVerifyFlag, exitCodeFor, HelpRequest, loadDeferred, UsageError, VERIFY_FLAGS_USAGE, type Deferred } from './flags.js';

export const SCAN_USAGE = `Usage: credlens scan <cv.pdf | cv.docx | page.html | cv.txt | url | -> [options]

Finds the credential links in a CV or a web page (PDF link annotations and text, Word hyperlinks,
HTML links, URLs in plain text), verifies each one, and lists the results.

Options:
  --json                    print every link found and every Report as JSON
${VERIFY_FLAGS_USAGE}
  --jobs <n>                credentials verified at a time (default 4)

Exit status: 0 every credential found is valid, 1 otherwise or none found, 2 usage or input error.`;

/** Largest CV or page fetched (bytes). */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const ACCEPT = 'text/html, application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9, text/plain;q=0.5, */*;q=0.1';

interface Out {
  write(chunk: string): unknown;
}


interface Parsed {
  target: string;
  json: boolean;
  jobs: number;
  options: VerifyOptions;
  deferred: Deferred;
}

/** One credential link and what came of it. */
export interface ScannedCredential {
  url: string;
  text?: string;
  verdict?: Verdict;
  report?: Report;
  error?: { code: string; message: string };
}

/** The `--json` output. */
export interface ScanResult {
  source: string;
  kind: CvKind;
  links: FoundLink[];
  credentials: ScannedCredential[];
  summary: { links: number; credentials: number; valid: number; errors: number; verdicts: Partial<Record<Verdict, number>> };
  truncated?: boolean;
  warnings?: string[];
}

function parseArgs(args: string[]): Parsed {
  const rest = args[0] === 'scan' ? args.slice(1) : args;
  const options: VerifyOptions = {};
  const deferred: Deferred = { trustFiles: [] };
  let target: string | undefined;
  let json = false;
  let jobs = 4;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === '--json') json = true;
    else if (applyVerifyFlag(a, value, options, deferred)) continue;
    else if (a === '--jobs') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1 || v > 32) throw new UsageError('--jobs must be a whole number from 1 to 32.');
      jobs = v;
    } else if (a === '--help' || a === '-h') throw new HelpRequest(SCAN_USAGE);
    else if (a.startsWith('--')) throw new UsageError(`Unknown option ${a}.\n\n${SCAN_USAGE}`);
    else if (target === undefined) target = a;
    else throw new UsageError(`Only one document at a time (got "${target}" and "${a}").`);
  }
  if (target === undefined) throw new UsageError(`Name a CV file, a page URL or - for standard input.\n\n${SCAN_USAGE}`);
  return { target, json, jobs, options, deferred };
}

/** Reads the document: a URL through the safe fetch, a file, or standard input. */
async function readDocument(target: string, options: VerifyOptions): Promise<{ bytes: Uint8Array; hint?: CvKind; baseUrl?: string }> {
  if (/^https?:\/\//i.test(target)) {
    const o = resolveOptions({ ...options, maxBytes: MAX_DOCUMENT_BYTES });
    const f = await safeFetch(target, o, { accept: ACCEPT });
    return { bytes: f.bytes, baseUrl: f.url, ...hintFromType(f.contentType) };
  }
  try {
    if (target === '-') {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of process.stdin) {
        size += (c as Buffer).length;
        if (size > MAX_DOCUMENT_BYTES) throw new UsageError(`Standard input is larger than ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB.`);
        chunks.push(c as Buffer);
      }
      return { bytes: new Uint8Array(Buffer.concat(chunks)) };
    }
    return { bytes: new Uint8Array(await readFile(target)), ...hintFromName(target) };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${target}` : `Cannot read ${target}: ${(e as Error).message}`);
  }
}

function hintFromType(type: string): { hint?: CvKind } {
  if (type === 'application/pdf') return { hint: 'pdf' };
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return { hint: 'docx' };
  if (type === 'text/html' || type === 'application/xhtml+xml') return { hint: 'html' };
  if (type === 'text/plain') return { hint: 'text' };
  return {}; // anything else: sniffed from the bytes
}

function hintFromName(name: string): { hint?: CvKind } {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'pdf') return { hint: 'pdf' };
  if (ext === 'docx') return { hint: 'docx' };
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return { hint: 'html' };
  if (ext === 'txt' || ext === 'md') return { hint: 'text' };
  return {};
}

/** Runs `credlens scan`; returns the exit code. `args` may start with the word "scan". */
export async function scan(args: string[], out: Out = process.stdout, err: Out = process.stderr): Promise<number> {
  let parsed: Parsed;
  let extracted: ExtractedLinks;
  try {
    parsed = parseArgs(args);
    await loadDeferred(parsed.options, parsed.deferred);
    parsed.options.lookup ??= async (h) => (await lookup(h, { all: true })).map((a) => a.address);
    const doc = await readDocument(parsed.target, parsed.options);
    extracted = extractLinks(doc.bytes, doc.hint, doc.baseUrl ? { baseUrl: doc.baseUrl } : {});
  } catch (e) {
    return exitCodeFor(e, out, err);
  }

  const found = extracted.links.filter((l) => isCredentialLink(l.url));
  err.write(`Found ${extracted.links.length} link${extracted.links.length === 1 ? '' : 's'} in ${parsed.target} (${extracted.kind}), ${found.length} credential link${found.length === 1 ? '' : 's'}.\n`);
  for (const w of extracted.warnings ?? []) err.write(`warning: ${w}\n`);
  if (extracted.truncated) err.write('warning: the document is very large; only its first part was read.\n');

  const cache = new MemoryCache(2000); // one cache for the whole scan: shared issuers, keys and status lists are fetched once
  const results: ScannedCredential[] = new Array(found.length);
  let started = 0;
  const worker = async () => {
    for (;;) {
      const k = started++;
      if (k >= found.length) return;
      const link = found[k]!;
      err.write(`[${k + 1}/${found.length}] checking ${link.url}\n`);
      const base: ScannedCredential = link.text !== undefined ? { url: link.url, text: link.text } : { url: link.url };
      try {
        const report = await verify(link.url, { ...parsed.options, cache });
        results[k] = { ...base, verdict: report.verdict, report };
      } catch (e) {
        const code = isCredLensError(e) ? e.code : 'internal';
        results[k] = { ...base, error: { code, message: (e as Error)?.message ?? String(e) } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parsed.jobs, found.length) }, worker));

  const verdicts: Partial<Record<Verdict, number>> = {};
  for (const r of results) if (r.verdict) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  const valid = verdicts.valid ?? 0;
  const errors = results.filter((r) => r.error).length;
  if (parsed.json) {
    const result: ScanResult = {
      source: parsed.target,
      kind: extracted.kind,
      links: extracted.links,
      credentials: results,
      summary: { links: extracted.links.length, credentials: results.length, valid, errors, verdicts },
      ...(extracted.truncated ? { truncated: true } : {}),
      ...(extracted.warnings ? { warnings: extracted.warnings } : {}),
    };
    out.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    out.write(formatScan(results, extracted));
  }
  return results.length > 0 && valid === results.length ? 0 : 1;
}

/** The human table: one line per credential, the verdict first, then a summary line. */
export function formatScan(results: ScannedCredential[], extracted: Pick<ExtractedLinks, 'links'>): string {
  if (results.length === 0) {
    return `No credential links found (${extracted.links.length} link${extracted.links.length === 1 ? '' : 's'} looked at).\n`;
  }
  const rows = results.map((r) => {
    // No name (e.g. a revoked OB2 assertion answers 410 with no body): the link text, else why it failed.
    const failed = r.report?.checks.find((c) => c.status === 'fail' || c.status === 'error')?.message;
    const title = r.report?.credential.name ?? r.report?.credential.achievement?.name ?? r.text ?? (failed ? `(${failed})` : '');
    const issuer = r.report ? r.report.credential.issuer.name ?? r.report.credential.issuer.id ?? '' : '';
    return [r.error ? 'ERROR' : (r.verdict ?? 'unverifiable').toUpperCase(), title, issuer, r.url];
  });
  const head = ['VERDICT', 'CREDENTIAL', 'ISSUER', 'LINK'];
  const caps = [13, 44, 30];
  const cell = (s: string, i: number) => {
    const cap = caps[i];
    const clean = s.replace(/\s+/g, ' ').trim();
    return cap !== undefined && [...clean].length > cap ? [...clean].slice(0, cap - 1).join('') + '…' : clean;
  };
  const cells = [head, ...rows].map((r) => r.map(cell));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => [...r[i]!].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length)))
      .join('  ')
      .trimEnd();
  const body: string[] = [];
  results.forEach((r, k) => {
    body.push(line(cells[k + 1]!));
    // Why a link could not be checked, in full, under its row.
    if (r.error) body.push(`${' '.repeat(widths[0]! + 2)}↳ ${r.error.message} (${r.error.code})`);
  });
  const valid = results.filter((r) => r.verdict === 'valid').length;
  return [line(cells[0]!), ...body, '', `${valid} of ${results.length} credential${results.length === 1 ? '' : 's'} valid.`].join('\n') + '\n';
}
