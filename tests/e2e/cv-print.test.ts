/**
 * A CV printed to PDF by Chromium (Skia), as candidates save web CVs and Google Docs: every font is
 * an embedded Type0 subset with Identity-H glyph ids and a ToUnicode map, and ligatures come in
 * /ActualText spans. The SDK's own PDF reader (sdk/input, what `credlens scan` and ATS systems
 * use) must find the credential addresses written in its text, not only the link annotations, and
 * agree with pdfjs-dist reading the same file.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROME_FLAGS, CHROMIUM } from '../../demo/browser.js';
import { renderCvHtml } from '../../demo/pages/cv-html.js';
import { DEMO_PERSON, type DemoCredential } from '../../demo/types.js';
import { extractLinks, findUrlsInText, isCredentialLink } from '../../sdk/input/cv.js';
import { scanPdf } from '../../sdk/input/pdf-links.js';
import { PDF_LIMITS } from '../../sdk/input/cv.js';

const base = { format: 'OB3 eddsa-rdfc-2022', expect: 'valid' as const, note: 'test' };
const CREDENTIALS: DemoCredential[] = [
  { ...base, slug: 'a', title: 'Data Literacy Micro-credential (certified, fi/fl ligatures)', issuerName: 'Universität Beispielstadt', url: 'https://issuer.example/credentials/a', issued: '2025-03-14' },
  { ...base, slug: 'b', title: 'Webinar (participation)', issuerName: 'EdTech Forum', url: 'https://issuer.example/credentials/b.json', issued: '2025-01-02', expires: '2027-01-02' },
  { ...base, slug: 'c', title: 'Teaching Practitioner', issuerName: 'Akademie Nord', url: 'https://issuer.example/ob2/assertions/c-office', issued: '2023-11-03' },
];

async function printCv(): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS });
  try {
    const page = await browser.newPage();
    await page.setContent(renderCvHtml(DEMO_PERSON, CREDENTIALS), { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

const latin1 = (b: Uint8Array) => new TextDecoder('windows-1252').decode(b);
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

describe.skipIf(!existsSync(CHROMIUM))('a CV printed to PDF by Chromium', () => {
  it('its credential links are found in the link annotations and, with those removed, in the text alone', async () => {
    const pdf = await printCv();
    expect(latin1(pdf)).toMatch(/\/Producer \(Skia/);
    expect(latin1(pdf)).toMatch(/\/Encoding \/Identity-H/);
    const want = CREDENTIALS.map((c) => c.url);
    expect(extractLinks(pdf).links.map((l) => l.url).filter(isCredentialLink)).toEqual(want);
    // Without the annotations (their /URI keys renamed, same length), only the page text is left.
    const textOnly = bytesOf(latin1(pdf).replace(/\/URI \(/g, '/XYZ ('));
    expect(extractLinks(textOnly).links.map((l) => l.url).filter(isCredentialLink)).toEqual(want);
    const text = scanPdf(textOnly, PDF_LIMITS).text.join('\n');
    expect(text).toContain(DEMO_PERSON.name);
    expect(text).toContain('Universität Beispielstadt');
    expect(text).toContain('certified, fi/fl ligatures');
    // pdfjs-dist, reading the same file independently, finds the same addresses in the text.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: textOnly.slice(), disableFontFace: true, verbosity: 0 }).promise;
    let theirs = '';
    for (let n = 1; n <= doc.numPages; n++) for (const item of (await (await doc.getPage(n)).getTextContent()).items) if ('str' in item) theirs += item.str + (item.hasEOL ? '\n' : '');
    await doc.destroy();
    expect(findUrlsInText(theirs).filter(isCredentialLink)).toEqual(want);
  });
});
