/**
 * A CV printed to PDF by Chromium (Skia), as candidates save web CVs and Google Docs: every font is
 * an embedded Type0 subset with Identity-H glyph ids and a ToUnicode map, and ligatures come in
 * /ActualText spans. The SDK's own PDF reader (sdk/input, what `credlens scan` and ATS systems
 * use) must find the credential addresses written in its text, not only the link annotations, and
 * agree with pdfjs-dist reading the same file, and with the extension's pdfjs-based CV reader.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROME_FLAGS, CHROMIUM } from '../../demo/browser.js';
import { renderCvHtml } from '../../demo/pages/cv-html.js';
import { DEMO_PERSON, type DemoCredential } from '../../demo/types.js';
import { extractLinks, findUrlsInText, isCredentialLink } from '../../sdk/input/cv.js';
import { scanPdf } from '../../sdk/input/pdf-links.js';
import { pdfLinks, setPdfjsLoader, type PdfjsLike } from '../../extension/lib/cv/pdf.js';
import { PDF_LIMITS } from '../../sdk/input/cv.js';

const base = { format: 'OB3 eddsa-rdfc-2022', expect: 'valid' as const, note: 'test' };
const CREDENTIALS: DemoCredential[] = [
  { ...base, slug: 'a', title: 'Data Literacy Micro-credential (certified, fi/fl ligatures)', issuerName: 'Universität Beispielstadt', url: 'https://issuer.example/credentials/a', issued: '2025-03-14' },
  { ...base, slug: 'b', title: 'Webinar (participation)', issuerName: 'EdTech Forum', url: 'https://issuer.example/credentials/b.json', issued: '2025-01-02', expires: '2027-01-02' },
  { ...base, slug: 'c', title: 'Teaching Practitioner', issuerName: 'Akademie Nord', url: 'https://issuer.example/ob2/assertions/c-office', issued: '2023-11-03' },
];

async function printCv(html = renderCvHtml(DEMO_PERSON, CREDENTIALS)): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
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

  it('a long address the layout broke over two lines in a narrow column is read whole, by both readers; a scheme-less one is found', async () => {
    const long = 'https://badges.example.org/assertions/a-very-long-assertion-identifier-1234567890.json';
    const html = `<html><body style="font-family: 'DejaVu Sans'; font-size: 12px; display: flex; gap: 24px">
      <aside style="width: 160px">Contact<br>jane@example.org<br>Languages: German, English, a sidebar line</aside>
      <main style="width: 250px"><h2>Certificates</h2><p>Data literacy (2024), not linked: ${long} (verified)</p>
      <p>Badge: credly.com/badges/aaaaaaaa-1111-4222-8333-944455556666</p></main></body></html>`;
    const pdf = await printCv(html);
    // The layout did break it: pdfjs's own lines hold its start and its end, never the whole.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: pdf.slice(), disableFontFace: true, verbosity: 0 }).promise;
    let raw = '';
    for (const item of (await (await doc.getPage(1)).getTextContent()).items) if ('str' in item) raw += item.str + (item.hasEOL ? '\n' : '');
    await doc.destroy();
    expect(raw).toContain('https://badges.example.org/');
    expect(raw).not.toContain(long);
    const want = [long, 'https://credly.com/badges/aaaaaaaa-1111-4222-8333-944455556666'];
    expect(extractLinks(pdf).links.map((l) => l.url).filter(isCredentialLink)).toEqual(want);
    setPdfjsLoader(async () => ({ pdfjs: (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfjsLike }));
    try {
      expect((await pdfLinks(pdf)).map((l) => l.url)).toEqual(want);
    } finally {
      setPdfjsLoader();
    }
  });

  it('text Chromium draws in forms (opacity, transforms), slanted (synthetic italics) or letter-spaced is read, by both readers', async () => {
    const html = `<html><body style="font-family: 'DejaVu Sans'; font-size: 12px">
      <h1 style="letter-spacing: 2px">Jane Doe</h1>
      <div style="opacity: .85"><p>Faded: https://www.credly.com/badges/11111111-2222-4333-8444-555555555555</p></div>
      <p style="transform: scale(.95)">Scaled: https://badges.example.org/assertions/scaled-7.json</p>
      <p><i style="font-family: 'DejaVu Math TeX Gyre'">Slanted: https://badges.example.org/assertions/italic-8.json</i></p>
      <p style="letter-spacing: 1px">Spaced: https://badges.example.org/assertions/spaced-9.json</p></body></html>`;
    const pdf = await printCv(html);
    const want = [
      'https://www.credly.com/badges/11111111-2222-4333-8444-555555555555',
      'https://badges.example.org/assertions/scaled-7.json',
      'https://badges.example.org/assertions/italic-8.json',
      'https://badges.example.org/assertions/spaced-9.json',
    ];
    // Chromium paints faded and transformed elements last (as forms drawn at the end of the page's
    // content), so they come last in content order, in both readers.
    const painted = [...want.slice(2), ...want.slice(0, 2)];
    expect(extractLinks(pdf).links.map((l) => l.url).filter(isCredentialLink)).toEqual(painted);
    expect(scanPdf(pdf, PDF_LIMITS).text.join('\n')).toContain('Jane Doe');
    setPdfjsLoader(async () => ({ pdfjs: (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfjsLike }));
    try {
      expect((await pdfLinks(pdf)).map((l) => l.url)).toEqual(painted);
    } finally {
      setPdfjsLoader();
    }
  });
});
