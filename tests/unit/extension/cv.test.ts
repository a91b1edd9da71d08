/**
 * The extension's CV readers (extension/lib/cv/): PDFs through pdfjs-dist (the legacy build, its
 * worker in-process, as Node runs it) and DOCX through the SDK's reader. The demo's PDF and DOCX
 * CVs give exactly the demo's credential links with their titles, and the same URL set as the
 * SDK's own extractLinks; URLs printed only in the text are found, one broken over two lines
 * included; object streams and empty-password encryption are read; bad input gives typed errors
 * in bounded time; the caps hold.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCvDocx } from '../../../demo/pages/cv-docx.js';
import { makeCvPdf, winAnsi } from '../../../demo/pages/cv-pdf.js';
import { DEMO_PERSON, type DemoCredential } from '../../../demo/types.js';
import { extractLinks, isCredentialLink } from '../../../sdk/input/cv.js';
import { docxLinks } from '../../../extension/lib/cv/docx.js';
import { CvError, MAX_CV_FILE_BYTES, type CvErrorCode } from '../../../extension/lib/cv/errors.js';
import { linksFromFile, sniffCvFile } from '../../../extension/lib/cv/index.js';
import { MAX_CV_LINKS, MAX_PDF_PAGES, pdfLinks, setPdfjsLoader, type PdfjsLike, type PdfReader } from '../../../extension/lib/cv/pdf.js';
import { buildPdf, linesAt, type FixtureFont, type FixtureOptions, type FixturePage } from '../../fixtures/cv/pdf-builder.js';

/** pdfjs-dist's own CMaps, as Node reads them (a directory path). */
const CMAPS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + sep;
const legacyPdfjs = async (): Promise<PdfReader> => ({ pdfjs: (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfjsLike, cMapUrl: CMAPS });

beforeAll(() => setPdfjsLoader(legacyPdfjs));
afterAll(() => setPdfjsLoader());

const ORIGIN = 'http://127.0.0.1:45678';
const base = { format: 'OB3', expect: 'valid' as const, note: 'test', issuerName: 'Universität Beispielstadt', issued: '2025-03-14' };
/** Made-up credentials like the demo's: hostile and non-Latin titles, a query string, a title long enough to wrap. */
const CREDS: DemoCredential[] = [
  { ...base, slug: 'uni', title: 'Data Literacy Micro-credential', url: `${ORIGIN}/credentials/uni` },
  { ...base, slug: 'hostile', title: '<img src=x onerror=alert(1)>', url: `${ORIGIN}/credentials/hostile?a=1&b='x'`, expect: 'invalid' },
  { ...base, slug: 'vendor', title: 'Certified Cloud Practitioner — Łódź 🎓 認定', url: `${ORIGIN}/credentials/vendor.jwt`, issued: '2024-06-01', expires: '2026-06-01', expect: 'expired' },
  { ...base, slug: 'ob2', title: 'Evidence-based Teaching (OB2)', url: `${ORIGIN}/ob2/assertions/ob2`, imageUrl: `${ORIGIN}/ob2/assertions/ob2/image.png`, expect: 'revoked' },
  {
    ...base,
    slug: 'long',
    title: 'Advanced Certificate in Learning Analytics, Assessment Design and Evidence of Learning for Stackable Micro-credentials',
    url: `${ORIGIN}/credentials/long`,
  },
];

const hrefOf = (u: string) => new URL(u).href;
/** A title as the demo PDF prints it: WinAnsi, with what WinAnsi lacks transliterated or '?'. */
const printed = (s: string) => winAnsi(s).map((c) => (c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80]! : String.fromCharCode(c))).join('');
/** Windows-1252 0x80..0x9F (Node's TextDecoder reads 'windows-1252' as Latin-1 there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const sorted = (xs: string[]) => [...xs].sort();

async function codeOf(p: Promise<unknown>): Promise<CvErrorCode | 'no error'> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(CvError);
    return (e as CvError).code;
  }
}

describe('the demo CV', () => {
  const pdf = makeCvPdf(DEMO_PERSON, CREDS);
  const docx = makeCvDocx(DEMO_PERSON, CREDS);

  it('PDF: exactly the credential links, in order, with their titles (a wrapped title joined again)', async () => {
    expect(new TextDecoder('latin1').decode(pdf)).toMatch(/\/Annots \[\d+ 0 R \d+ 0 R/); // one annotation per title line and one per printed URL
    const links = await pdfLinks(pdf);
    expect(links).toEqual(CREDS.map((c) => ({ url: hrefOf(c.url), text: printed(c.title) })));
    expect(printed(CREDS[2]!.title)).toBe('Certified Cloud Practitioner — Lódz ? ??');
  });

  it('PDF: through linksFromFile, with progress page by page', async () => {
    const progress: [number, number][] = [];
    const r = await linksFromFile(pdf, 'Lebenslauf.pdf', (done, total) => progress.push([done, total]));
    expect(r.kind).toBe('pdf');
    expect(r.links.map((l) => l.url)).toEqual(CREDS.map((c) => hrefOf(c.url)));
    const total = progress[0]![1];
    expect(total).toBeGreaterThanOrEqual(1);
    expect(progress).toEqual(Array.from({ length: total + 1 }, (_, k) => [k, total]));
  });

  it('PDF: a long list spilling onto a second page', async () => {
    const many = Array.from({ length: 14 }, (_, k) => ({ ...CREDS[0]!, slug: `c${k}`, title: `Credential number ${k}`, url: `${ORIGIN}/credentials/c${k}` }));
    const links = await pdfLinks(makeCvPdf(DEMO_PERSON, many));
    expect(links).toEqual(many.map((c) => ({ url: c.url, text: c.title })));
  });

  it('DOCX: exactly the credential links with their hyperlink text (the name is not trusted)', async () => {
    expect(await docxLinks(docx)).toEqual(CREDS.map((c) => ({ url: hrefOf(c.url), text: c.title })));
    const r = await linksFromFile(docx, 'cv.pdf');
    expect(r.kind).toBe('docx');
    expect(r.links).toEqual(CREDS.map((c) => ({ url: hrefOf(c.url), text: c.title })));
  });

  it("agrees with the SDK's own extractLinks (same credential URL set)", async () => {
    for (const bytes of [pdf, docx]) {
      const sdk = extractLinks(bytes).links.map((l) => l.url).filter(isCredentialLink);
      const ours = (await linksFromFile(bytes, 'cv')).links.map((l) => l.url);
      expect(sorted(ours)).toEqual(sorted(sdk));
      expect(ours.length).toBe(CREDS.length);
    }
  });

  it('reads the demo PDF quickly once pdfjs is loaded', async () => {
    await pdfLinks(pdf); // warm
    const t0 = performance.now();
    await pdfLinks(pdf);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

/* ------------------------------------------------------------------------------------------ */

/** A narrow page (340 pt, 20 pt margins) of text lines: long URLs wrap as a layout would wrap them. */
function textPage(lines: string[], links: FixturePage['links'] = []): FixturePage {
  return { width: 340, height: 400, texts: linesAt(lines, { x: 20, top: 370, size: 10 }), links };
}

const TEXT_ONLY = [
  'CERTIFICATES',
  'Verify: https://badges.example.org/assertions/7f3c2a9e-41d2-', // the layout broke this URL
  '4b8e-9c1a-0d5e6f7a8b9c and more',
  'https://credentials.example.org/credentials/42', // ends short of the margin: the next line is not part of it
  '03/2021 - 05/2023',
  'Written without a scheme: credly.com/badges/abc-def-123.',
  'Profile https://www.linkedin.com/in/someone, repo https://github.com/someone/x',
  'In a sentence (https://verify.example.com/c/77), then text.',
  'Badge earned at https://badges.example.org/assertions/abcdef', // full line, then an ordinary word
  'wrapped onto the next line.',
];
const TEXT_ONLY_FOUND = [
  'https://badges.example.org/assertions/7f3c2a9e-41d2-4b8e-9c1a-0d5e6f7a8b9c',
  'https://credentials.example.org/credentials/42',
  'https://verify.example.com/c/77',
  'https://badges.example.org/assertions/abcdef',
  'https://credly.com/badges/abc-def-123',
];

describe('URLs printed in the text', () => {
  it('finds them, joins the one the layout broke over two lines, and joins nothing else', async () => {
    expect(await pdfLinks(buildPdf([textPage(TEXT_ONLY)]))).toEqual(TEXT_ONLY_FOUND.map((url) => ({ url })));
  });

  it.each<[string, FixtureOptions]>([
    ['object streams and a cross-reference stream', { objectStreams: true }],
    ['RC4 encryption with an empty user password', { encrypt: { userPassword: '' } }],
    ['both', { objectStreams: true, encrypt: { userPassword: '' } }],
  ])('reads a PDF with %s', async (_, opts) => {
    const links = [{ rect: [20, 100, 200, 112] as [number, number, number, number], uri: 'https://verify.example.com/c/99' }];
    const found = await pdfLinks(buildPdf([textPage(TEXT_ONLY, links)], opts));
    expect(found).toEqual([{ url: 'https://verify.example.com/c/99' }, ...TEXT_ONLY_FOUND.map((url) => ({ url }))]);
  });

  it("needs a password: 'encrypted'", async () => {
    const pdf = buildPdf([textPage(TEXT_ONLY)], { encrypt: { userPassword: 'secret' } });
    expect(await codeOf(pdfLinks(pdf))).toBe('encrypted');
    expect(await codeOf(linksFromFile(pdf, 'cv.pdf'))).toBe('encrypted');
  });
});

describe('CJK text in fonts the PDF does not embed (predefined CMaps, no ToUnicode)', () => {
  // As older Japanese and Chinese producers write a CV: the text is codes of Adobe's predefined
  // CMaps, which only Adobe's CMap files turn into characters.
  const page = (lines: string[], links: FixturePage['links'] = []): FixturePage => ({ width: 400, height: 300, texts: linesAt(lines, { x: 20, top: 270 }), links });
  const annotation = { rect: [20, 20, 200, 32] as [number, number, number, number], uri: 'https://badges.example.org/assertions/from-annotation' };

  it.each<[FixtureFont, string[], string]>([
    ['UniJIS-UCS2-H', ['資格・認定', 'オープンバッジ: https://badges.example.org/assertions/jp-42', '2024年3月取得'], 'https://badges.example.org/assertions/jp-42'],
    ['UniGB-UCS2-H', ['证书', '数字徽章 https://credentials.example.cn/credentials/cn-7', '2023年'], 'https://credentials.example.cn/credentials/cn-7'],
    ['90ms-RKSJ-H', ['Open Badge: https://badges.example.org/assertions/sjis-9'], 'https://badges.example.org/assertions/sjis-9'],
  ])('%s: the URL printed in the text is found, with the annotation', async (font, lines, url) => {
    const found = await pdfLinks(buildPdf([page(lines, [annotation])], { font }));
    expect(found).toEqual([{ url: annotation.uri }, { url }]);
  });

  it('without the CMaps the text reads as nothing, and the annotation is still found', async () => {
    setPdfjsLoader(async () => ({ pdfjs: (await legacyPdfjs()).pdfjs }));
    try {
      const pdf = buildPdf([page(['Open Badge: https://badges.example.org/assertions/sjis-9'], [annotation])], { font: '90ms-RKSJ-H' });
      expect(await pdfLinks(pdf)).toEqual([{ url: annotation.uri }]);
    } finally {
      setPdfjsLoader(legacyPdfjs);
    }
  });
});

describe('link annotations', () => {
  it('take the text inside their rectangle as the title; wrapped titles are joined; URL-only text is no title', async () => {
    // Helvetica 10 pt: the label is about 45 pt wide, so the title starts at x = 80.
    const page: FixturePage = {
      width: 595.28,
      height: 841.89,
      texts: [
        { x: 20, y: 700, text: 'Badge:' },
        { x: 80, y: 700, text: 'Cloud Architect Professional' },
        { x: 400, y: 700, text: 'Mar 2025' },
        { x: 20, y: 680, text: 'A title long enough to wrap' },
        { x: 20, y: 668, text: 'onto a second line' },
        { x: 20, y: 640, text: 'https://badges.example.org/badge/printed' },
        { x: 20, y: 620, text: 'Mail me' },
        { x: 20, y: 600, text: 'Via LinkedIn' },
        { x: 20, y: 580, text: 'Without a scheme' },
      ],
      links: [
        { rect: [78, 697, 240, 709], uri: 'https://badges.example.org/badge/cloud' },
        { rect: [18, 677, 200, 689], uri: 'https://badges.example.org/badge/wrapped' },
        { rect: [18, 665, 120, 677], uri: 'https://badges.example.org/badge/wrapped' },
        { rect: [18, 637, 260, 649], uri: 'https://badges.example.org/badge/printed' },
        { rect: [18, 617, 60, 629], uri: 'mailto:someone@example.org' },
        { rect: [18, 597, 90, 609], uri: `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent('https://www.credly.com/badges/0a1b2c')}&urlhash=abcd` },
        { rect: [18, 577, 110, 589], uri: 'www.credly.com/badges/3d4e5f' },
        { rect: [18, 557, 110, 569], uri: 'badges/relative/1' },
        { rect: [18, 537, 110, 549], uri: 'https://www.linkedin.com/in/someone' },
      ],
    };
    expect(await pdfLinks(buildPdf([page]))).toEqual([
      { url: 'https://badges.example.org/badge/cloud', text: 'Cloud Architect Professional' },
      { url: 'https://badges.example.org/badge/wrapped', text: 'A title long enough to wrap onto a second line' },
      { url: 'https://badges.example.org/badge/printed' },
      { url: 'https://www.credly.com/badges/0a1b2c', text: 'Via LinkedIn' },
      { url: 'http://www.credly.com/badges/3d4e5f', text: 'Without a scheme' },
    ]);
  });

  it('take unsafeUrl only when it is an absolute http(s) URL (pdfjs injected)', async () => {
    const page = (annotations: unknown[], items: unknown[]) => ({
      view: [0, 0, 600, 800],
      getAnnotations: async () => annotations,
      getTextContent: async () => ({ items }),
      cleanup: () => true,
    });
    const fake: PdfjsLike = {
      getDocument: () => ({
        promise: Promise.resolve({
          numPages: 1,
          getPage: async () =>
            page(
              [
                { subtype: 'Link', unsafeUrl: 'https://badges.example.org/b/1', rect: [0, 0, 100, 20] },
                { subtype: 'Link', unsafeUrl: 'javascript:alert(1)//badges/x', rect: [0, 0, 100, 20] },
                { subtype: 'Link', unsafeUrl: '/badges/relative', rect: [0, 0, 100, 20] },
                { subtype: 'Widget', url: 'https://badges.example.org/b/widget', rect: [0, 0, 100, 20] },
                { subtype: 'Link', url: 'https://badges.example.org/b/2', rect: [0, 100, 100, 120] },
              ],
              [
                { str: 'First badge', transform: [10, 0, 0, 10, 2, 5], width: 50, height: 10, hasEOL: true },
                { str: 'Second', transform: [10, 0, 0, 10, 2, 105], width: 30, height: 10, hasEOL: false },
                { str: 'badge', transform: [10, 0, 0, 10, 40, 105], width: 25, height: 10, hasEOL: false },
              ],
            ),
        }),
        destroy: async () => undefined,
      }),
    };
    setPdfjsLoader(async () => ({ pdfjs: fake }));
    try {
      expect(await pdfLinks(strToU8('%PDF-1.7\n'))).toEqual([
        { url: 'https://badges.example.org/b/1', text: 'First badge' },
        { url: 'https://badges.example.org/b/2', text: 'Second badge' },
      ]);
    } finally {
      setPdfjsLoader(legacyPdfjs);
    }
  });
});

describe('hostile text', () => {
  it('long runs of URL-like text and many lines stay linear', async () => {
    const item = (str: string, y: number, x = 20, width = 500) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10, hasEOL: true });
    const items = [
      item('a.'.repeat(100_000), 700),
      item('www.'.repeat(50_000), 690),
      item('https://'.repeat(30_000), 680),
      item('x'.repeat(200_000) + '/', 670),
      ...Array.from({ length: 20_000 }, (_, k) => item(`https://badges.example.org/b/${k}-`, 600 - k * 0.01, 20, 590)),
      // a long line ending in a URL, then thousands of lines that each look like its continuation
      item('z'.repeat(200_000) + ' https://badges.example.org/', 300, 20, 590),
      ...Array.from({ length: 20_000 }, (_, k) => item('a1/', 299 - k * 0.01, 20, 590)),
    ];
    const annotations = Array.from({ length: 5000 }, () => ({ subtype: 'Link', url: 'https://badges.example.org/b/annot', rect: [0, 0, 600, 800] }));
    const fake: PdfjsLike = {
      getDocument: () => ({
        promise: Promise.resolve({
          numPages: 1,
          getPage: async () => ({ view: [0, 0, 600, 800], getAnnotations: async () => annotations, getTextContent: async () => ({ items }), cleanup: () => true }),
        }),
        destroy: async () => undefined,
      }),
    };
    setPdfjsLoader(async () => ({ pdfjs: fake }));
    try {
      const t0 = performance.now();
      const links = await pdfLinks(strToU8('%PDF-1.7\n'));
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(links[0]).toMatchObject({ url: 'https://badges.example.org/b/annot' });
      expect(links.length).toBe(MAX_CV_LINKS);
    } finally {
      setPdfjsLoader(legacyPdfjs);
    }
  });
});

describe('bad input', () => {
  it("neither a PDF nor a Word document: 'unsupported-file', whatever the name", async () => {
    expect(await codeOf(linksFromFile(strToU8('Just some notes, https://badges.example.org/b/1'), 'cv.pdf'))).toBe('unsupported-file');
    expect(await codeOf(linksFromFile(new Uint8Array(0), 'cv.docx'))).toBe('unsupported-file');
    const zip = zipSync({ 'notes.txt': strToU8('https://badges.example.org/b/1') });
    expect(sniffCvFile(zip)).toBeUndefined();
    expect(await codeOf(linksFromFile(zip, 'cv.docx'))).toBe('unsupported-file');
    expect(await codeOf(linksFromFile(Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]), 'cv.docx'))).toBe('unsupported-file');
  });

  it('the readers called directly say what the file is not', async () => {
    expect(await codeOf(pdfLinks(strToU8('PK not a pdf')))).toBe('not-a-pdf');
    expect(await codeOf(docxLinks(strToU8('%PDF-1.7 not a docx')))).toBe('not-a-docx');
    expect(await codeOf(docxLinks(zipSync({ 'notes.txt': strToU8('x') })))).toBe('not-a-docx');
  });

  it("a truncated PDF: 'unreadable', quickly", async () => {
    const pdf = makeCvPdf(DEMO_PERSON, CREDS);
    for (const frac of [0.05, 0.4, 0.8]) {
      const t0 = performance.now();
      expect(await codeOf(linksFromFile(pdf.subarray(0, Math.floor(pdf.length * frac)), 'cv.pdf'))).toBe('unreadable');
      expect(performance.now() - t0).toBeLessThan(5000);
    }
    expect(await codeOf(pdfLinks(strToU8('%PDF-1.7\n' + 'garbage '.repeat(1000))))).toBe('unreadable');
  });

  it("a PDF past its deadline: 'unreadable'", async () => {
    expect(await codeOf(pdfLinks(makeCvPdf(DEMO_PERSON, CREDS), undefined, { timeoutMs: 0 }))).toBe('unreadable');
  });

  it("a huge file: 'too-large', before anything is parsed", async () => {
    const huge = new Uint8Array(MAX_CV_FILE_BYTES + 1);
    huge.set(strToU8('%PDF-1.7\n'));
    const t0 = performance.now();
    expect(await codeOf(linksFromFile(huge, 'cv.pdf'))).toBe('too-large');
    expect(await codeOf(pdfLinks(huge))).toBe('too-large');
    huge.set([0x50, 0x4b, 3, 4]);
    expect(await codeOf(linksFromFile(huge, 'cv.docx'))).toBe('too-large');
    expect(await codeOf(docxLinks(huge))).toBe('too-large');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('caps', () => {
  it(`reads at most ${MAX_PDF_PAGES} pages`, async () => {
    const pages = Array.from({ length: MAX_PDF_PAGES + 5 }, (_, k) => textPage([`https://badges.example.org/b/${k}`]));
    const progress: [number, number][] = [];
    const links = await pdfLinks(buildPdf(pages), (d, t) => progress.push([d, t]));
    expect(links.map((l) => l.url)).toEqual(Array.from({ length: MAX_PDF_PAGES }, (_, k) => `https://badges.example.org/b/${k}`));
    expect(progress.at(-1)).toEqual([MAX_PDF_PAGES, MAX_PDF_PAGES]);
  });

  it(`returns at most ${MAX_CV_LINKS} links, and other links do not count against the cap`, async () => {
    const pages = Array.from({ length: 24 }, (_, p) =>
      textPage(Array.from({ length: 25 }, (_, k) => `https://badges.example.org/b/${p * 25 + k} https://example.org/home/${p * 25 + k}`)),
    );
    const links = await pdfLinks(buildPdf(pages));
    expect(links.length).toBe(MAX_CV_LINKS);
    expect(links.map((l) => l.url)).toEqual(Array.from({ length: MAX_CV_LINKS }, (_, k) => `https://badges.example.org/b/${k}`));
  });
});
