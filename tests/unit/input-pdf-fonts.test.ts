/**
 * Page text in fonts whose codes are not characters (sdk/input/pdf-cmap.ts, pdf-fonts.ts,
 * pdf-text.ts): ToUnicode maps (Chrome's and Word's Type0 Identity-H glyph ids, LibreOffice's
 * one-byte subset codes), predefined CJK CMaps, ligatures with /ActualText, resources inherited
 * from the page tree and packed in object streams. Checked against hand-written CMaps and against
 * pdfjs-dist (Mozilla's PDF.js, an independent reader) on the same files.
 */
import { describe, expect, it } from 'vitest';
import { extractLinks, findUrlsInText, PDF_LIMITS } from '../../sdk/input/cv.js';
import { glyphText, MAX_CMAP_ENTRIES, MAX_CODE_SPACES, parseToUnicode, predefinedCMapDecoder, toUnicodeDecoder } from '../../sdk/input/pdf-cmap.js';
import { scanPdf } from '../../sdk/input/pdf-links.js';
import { dictEntries, dictEntry, nameValue, refNumber, refNumbers } from '../../sdk/input/pdf-syntax.js';
import { contentRuns, contentText, MAX_RUNS, type TextFont } from '../../sdk/input/pdf-text.js';
import { columnRights, joinBrokenUrls, toLines, type TextRun } from '../../sdk/input/text-lines.js';
import { buildPdf, linesAt, type FixtureFont, type FixtureOptions } from '../fixtures/cv/pdf-builder.js';

/** A string holding one byte per character, from byte values. */
const bytes = (...b: number[]) => String.fromCharCode(...b);
const cmap = (body: string) => `/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n${body}\nendcmap CMapName currentdict /CMap defineresource pop end end`;

describe('ToUnicode CMaps', () => {
  it('maps bfchar codes, incrementing bfrange codes and bfrange arrays, in a two-byte code space', () => {
    const map = parseToUnicode(cmap(`1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <0020> <13B2> <FB01> <0101> <00660066> endbfchar
2 beginbfrange <0044> <0048> <0061> <0050> <0052> [<0041> <0042> <D83DDE00>] endbfrange`))!;
    const decode = toUnicodeDecoder(map, 2);
    expect(decode(bytes(0, 0x44, 0, 0x48, 0, 3, 0x13, 0xb2, 0, 0x50, 0, 0x52, 1, 1))).toBe('ae ﬁA😀ff');
    // codes outside every entry show nothing rather than a wrong character
    expect(decode(bytes(0, 0x49, 0, 0x44))).toBe('a');
  });

  it('splits codes of mixed lengths by code space ranges (9.7.6.2), and fixed-length codes whatever the map\'s own code space', () => {
    const map = parseToUnicode(cmap(`2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange
2 beginbfchar <41> <0041> <889F> <4E9C> endbfchar`))!;
    expect(toUnicodeDecoder(map, map.spaces)(bytes(0x41, 0x88, 0x9f, 0x41))).toBe('A亜A');
    // a simple font's codes are one byte (9.10.3), even where the map declares a two-byte code space
    const wide = parseToUnicode(cmap('1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0068> <0068> <74> <0074> endbfchar'))!;
    expect(toUnicodeDecoder(wide, 1)(bytes(0x68, 0x74, 0x74))).toBe('htt');
  });

  it('lets a later definition win where ranges overlap, and reads wide identity ranges without listing them', () => {
    const map = parseToUnicode(cmap('1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfrange <00> <FF> <0000> <20> <20> <005F> endbfrange'))!;
    expect(toUnicodeDecoder(map, 1)('http x')).toBe('http_x');
    const identity = parseToUnicode(cmap('1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange'))!;
    expect(identity.chars.size).toBe(0);
    expect(toUnicodeDecoder(identity, 2)(bytes(0x4e, 0x9c, 0, 0x41))).toBe('亜A');
  });

  it('takes the font\'s code length when the map declares no code space', () => {
    const map = parseToUnicode('2 beginbfchar <01> <0068> <04> <0070> endbfchar 1 beginbfrange <02> <03> <0074> endbfrange')!;
    expect(toUnicodeDecoder(map, 1)(bytes(1, 2, 2, 4, 3))).toBe('httpu');
  });

  it('ignores CID mappings, comments and PostScript, and answers undefined for a map of nothing', () => {
    expect(parseToUnicode(cmap('1 begincidrange <00> <FF> 1 endcidrange % <41> <0041>'))).toBeUndefined();
    expect(parseToUnicode('garbage <<>> [ ( ) ')).toBeUndefined();
    expect(parseToUnicode('')).toBeUndefined();
  });

  it('is bounded: a map of millions of entries keeps at most MAX_CMAP_ENTRIES, and a huge range is not expanded', () => {
    const many = Array.from({ length: MAX_CMAP_ENTRIES + 10 }, (_, k) => `<${k.toString(16).padStart(6, '0')}> <0041>`).join('\n');
    const map = parseToUnicode(`beginbfchar\n${many}\nendbfchar`)!;
    expect(map.chars.size).toBe(MAX_CMAP_ENTRIES);
    const wide = parseToUnicode('1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange')!;
    expect(toUnicodeDecoder(wide, 4)(bytes(0, 0, 0, 7))).toBe('H');
  });
});

describe('glyph names', () => {
  it('reads ASCII and common names, uniXXXX and uXXXX, drops suffixes, and knows nothing else', () => {
    expect(['h', 'colon', 'slash', 'period', 'hyphen', 'asciitilde', 'underscore', 'fi', 'quoteright', 'one.oldstyle', 'uni00660069', 'u1F600'].map(glyphText)).toEqual(['h', ':', '/', '.', '-', '~', '_', 'fi', '\u2019', '1', 'fi', '😀']);
    expect(['g31', 'cid123', 'uniD800', 'u110000', ''].map(glyphText)).toEqual([undefined, undefined, '\ud800', undefined, undefined]);
  });
});

describe('predefined CMaps without a ToUnicode map', () => {
  it('reads Unicode encodings and legacy CJK byte encodings; Identity-H is glyph ids, not text', () => {
    expect(predefinedCMapDecoder('UniJIS-UCS2-H')!(bytes(0x8c, 0xc7, 0x68, 0x3c))).toBe('資格');
    expect(predefinedCMapDecoder('UniGB-UTF16-H')!(bytes(0xd8, 0x3d, 0xde, 0x00))).toBe('😀');
    // Shift-JIS: ASCII stays ASCII, 資格 is 0x8E91 0x8A69
    expect(predefinedCMapDecoder('90ms-RKSJ-H')!(bytes(0x8e, 0x91, 0x8a, 0x69, 0x3a, 0x68))).toBe('資格:h');
    expect(predefinedCMapDecoder('GBK-EUC-H')!(bytes(0xd6, 0xa4, 0xca, 0xe9))).toBe('证书');
    expect(predefinedCMapDecoder('ETen-B5-H')!(bytes(0xc3, 0xd2, 0xae, 0xd1))).toBe('證書');
    expect(predefinedCMapDecoder('KSCms-UHC-H')!(bytes(0xc0, 0xda, 0xb0, 0xdd))).toBe('자격');
    expect(predefinedCMapDecoder('Identity-H')).toBeUndefined();
    expect(predefinedCMapDecoder('H')).toBeUndefined();
  });
});

describe('content streams', () => {
  const decode = toUnicodeDecoder(parseToUnicode('1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <00FF> <0000> endbfrange')!, 2);
  // two-byte codes, each half an em wide
  const f1: TextFont = { text: decode, advance: (s) => ({ width: 250 * s.length, codes: s.length / 2, spaces: 0 }) };

  it('decodes each string with the font Tf selected, and reads unknown fonts a byte per character', () => {
    const stream = 'BT /F1 10 Tf 1 0 0 1 50 700 Tm <0068007400740070> Tj /F2 10 Tf (s://x.example/badge/1) Tj ET';
    expect(contentText(stream, 1000, { fonts: (name) => (name === 'F1' ? f1 : undefined) })).toBe('https://x.example/badge/1\n');
    // Without fonts (a stream no page names), two-byte glyph ids are dropped, as before.
    expect(contentText(stream, 1000)).toBe('s://x.example/badge/1\n');
  });

  it('reads an /ActualText span as its text instead of the glyphs it covers, nested spans included', () => {
    const lookup = () => f1;
    const stream = 'BT /F1 10 Tf <00630065007200740069> Tj /Span << /ActualText (fi) >> BDC <FB01> Tj EMC <0063006100740065> Tj ET';
    expect(contentText(stream, 1000, { fonts: lookup })).toBe('certificate\n');
    const nested = 'BT /F1 1 Tf /Span <</ActualText <FEFF00660066>>> BDC /Span << /MCID 3 >> BDC <FB00> Tj EMC EMC /P BMC <0021> Tj EMC ET';
    expect(contentText(nested, 1000, { fonts: lookup })).toBe('ff!\n');
    // An EMC without a span, and spans never closed, do not break the text
    expect(contentText('BT EMC /F1 1 Tf <0061> Tj /Span <</ActualText (b)>> BDC <0078> Tj', 1000, { fonts: lookup })).toBe('a\n');
  });
});

describe('dictionaries', () => {
  it('reads top-level entries only, with every kind of value', () => {
    const d = '<< /Type /Page /Resources << /Font << /F1 4 0 R >> >> /Contents [5 0 R 6 0 R] /Parent 2 0 R /Title (a >> b) /Hex <41> /N 12 /Font /Nested >>';
    expect([...dictEntries(d)].map(([k]) => k)).toEqual(['Type', 'Resources', 'Contents', 'Parent', 'Title', 'Hex', 'N', 'Font']);
    expect(nameValue(dictEntry(d, 'Type'))).toBe('Page');
    expect(dictEntry(d, 'Resources')).toBe('<< /Font << /F1 4 0 R >> >>');
    expect(refNumbers(dictEntry(d, 'Contents')!, 10)).toEqual([5, 6]);
    expect(refNumber(dictEntry(d, 'Parent'))).toBe(2);
    expect(dictEntry(d, 'Title')).toBe('(a >> b)');
    expect(dictEntry(d, 'Font')).toBe('/Nested');
    expect(dictEntry(d, 'Missing')).toBeUndefined();
    expect(dictEntry('not a dict /Type /Page', 'Type')).toBeUndefined();
    expect(dictEntry('<< /A [ (unclosed', 'A')).toBeUndefined();
  });
});

/** A PDF from raw objects (this reader needs no cross-reference table). */
const rawPdf = (objects: [num: number, dict: string, stream?: Uint8Array][]): Uint8Array => {
  const parts: Uint8Array[] = [new TextEncoder().encode('%PDF-1.7\n')];
  for (const [num, dict, stream] of objects) {
    if (!stream) parts.push(new TextEncoder().encode(`${num} 0 obj\n${dict}\nendobj\n`));
    else parts.push(new TextEncoder().encode(`${num} 0 obj\n${dict.replace('>>', ` /Length ${stream.length} >>`)}\nstream\n`), stream, new TextEncoder().encode('\nendstream\nendobj\n'));
  }
  return concat(parts);
};
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};
const latin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
/* ------------------------------------------------------------------------------------------ */
/* Whole files, against pdfjs-dist                                                              */
/* ------------------------------------------------------------------------------------------ */

/** The URLs pdfjs-dist finds in the text of every page (an independent reader of the same file). */
async function pdfjsTextUrls(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await doc.destroy();
  return findUrlsInText(text).map((u) => new URL(u).href);
}

const CV_LINES = [
  'Jana Nováková — Curriculum vitae',
  'Certificates and badges',
  'Data Literacy: https://badges.example.org/assertions/abc123.json',
  'Straße verified: https://verify.example.edu/credentials/xyz-789?lang=de',
  'Profile https://www.credly.com/badges/1111-2222-3333',
];
const CV_URLS = ['https://badges.example.org/assertions/abc123.json', 'https://verify.example.edu/credentials/xyz-789?lang=de', 'https://www.credly.com/badges/1111-2222-3333'];

describe('CVs whose text needs a ToUnicode map or a predefined CMap', () => {
  const cases: [string, FixtureFont, FixtureOptions][] = [
    ['Type0 Identity-H glyph ids (Chrome, Word)', 'identity-h', {}],
    ['the same, with "fi" ligatures in /ActualText spans (Chrome)', 'identity-h', { ligatures: true }],
    ['the same, in object streams with inherited resources', 'identity-h', { objectStreams: true, inheritedResources: true }],
    ['one-byte subset codes (LibreOffice)', 'subset', {}],
    ['one-byte subset codes, in object streams', 'subset', { objectStreams: true }],
  ];
  it.each(cases)('%s: the written URLs are found, as pdfjs finds them', async (_name, font, opts) => {
    const pdf = buildPdf([{ texts: linesAt(CV_LINES) }, { texts: linesAt(['Page two: https://badges.example.org/assertions/page-2']) }], { font, ...opts });
    const ours = extractLinks(pdf).links.map((l) => l.url);
    expect(ours).toEqual([...CV_URLS, 'https://badges.example.org/assertions/page-2']);
    expect(await pdfjsTextUrls(pdf)).toEqual(ours);
    // The text itself, not only the URLs: non-ASCII letters and the ligature come out right.
    const text = scanPdf(pdf, PDF_LIMITS).text.join('');
    expect(text).toContain('Jana Nováková — Curriculum vitae');
    expect(text).toContain('Certificates and badges');
  });

  it.each<[FixtureFont, string]>([
    ['UniJIS-UCS2-H', '資格・認定 オープンバッジ: https://badges.example.org/assertions/jp-42'],
    ['UniGB-UCS2-H', '数字徽章 https://badges.example.org/assertions/cn-7'],
    ['90ms-RKSJ-H', 'Open Badge: https://badges.example.org/assertions/sjis-9'],
  ])('%s, not embedded and without a ToUnicode map: the text is read from the CMap\'s own encoding', (font, line) => {
    const pdf = buildPdf([{ texts: linesAt([line]) }], { font });
    expect(scanPdf(pdf, PDF_LIMITS).text.join('')).toBe(`${line}\n`);
    expect(extractLinks(pdf).links.map((l) => l.url)).toEqual([line.slice(line.indexOf('https://'))]);
  });

  it('a Type0 font without a ToUnicode map shows no text, not glyph-id garbage', () => {
    const pdf = buildPdf([{ texts: linesAt(['https://badges.example.org/assertions/none']) }], { font: 'identity-h' });
    const stripped = new TextDecoder('windows-1252').decode(pdf).replace('/ToUnicode', '/ToUnicodX');
    const r = scanPdf(Uint8Array.from(stripped, (c) => c.charCodeAt(0) & 0xff), PDF_LIMITS);
    expect(r.text).toEqual([]);
  });
});

describe('hostile font data stays bounded', () => {
  // 'https://x.example/credentials/N' in the one-byte code of a font mapping code k to character k + 1
  const shifted = (s: string) => [...s].map((c) => `\\${(c.charCodeAt(0) - 1).toString(8).padStart(3, '0')}`).join('');
  const shiftMap = '1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <00> <FE> <0001> endbfrange';

  it('reads at most MAX_FONTS fonts; text in the fonts beyond is read a byte per character', async () => {
    const { MAX_FONTS } = await import('../../sdk/input/pdf-fonts.js');
    const pages = MAX_FONTS + 20;
    const objects: [number, string, Uint8Array?][] = [[1, '<< /Type /Pages >>']];
    for (let p = 0; p < pages; p++) {
      const base = 10 + p * 4;
      objects.push([base, `<< /Type /Page /Parent 1 0 R /Resources << /Font << /F1 ${base + 2} 0 R >> >> /Contents ${base + 1} 0 R >>`]);
      objects.push([base + 1, '<< >>', latin(`BT /F1 10 Tf (${shifted(`https://x.example/credentials/${p}`)}) Tj ET`)]);
      objects.push([base + 2, `<< /Type /Font /Subtype /TrueType /ToUnicode ${base + 3} 0 R >>`]);
      objects.push([base + 3, '<< >>', latin(shiftMap)]);
    }
    const found = findUrlsInText(scanPdf(rawPdf(objects), PDF_LIMITS).text.join(''));
    expect(found).toEqual(Array.from({ length: MAX_FONTS }, (_, p) => `https://x.example/credentials/${p}`));
  });

  it('reads at most MAX_CMAP_BYTES of a ToUnicode stream that inflates to 8 MB', async () => {
    const { zlibSync } = await import('fflate');
    const { MAX_CMAP_BYTES } = await import('../../sdk/input/pdf-fonts.js');
    const head = latin(`${shiftMap}\n`);
    const tail = latin('1 beginbfchar <67> <0058> endbfchar'); // 'h' would read as 'X'
    const cmapBytes = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    cmapBytes.set(head, 0);
    cmapBytes.set(tail, cmapBytes.length - tail.length);
    const bomb = zlibSync(cmapBytes, { level: 1 });
    expect(bomb.length).toBeLessThan(MAX_CMAP_BYTES / 8);
    const pdf = rawPdf([
      [1, '<< /Type /Page /Resources << /Font << /F1 3 0 R >> >> /Contents 2 0 R >>'],
      [2, '<< >>', latin(`BT /F1 10 Tf (${shifted('https://x.example/credentials/bomb')}) Tj ET`)],
      [3, '<< /Type /Font /Subtype /TrueType /ToUnicode 4 0 R >>'],
      [4, '<< /Filter /FlateDecode >>', bomb],
    ]);
    // the map's start is read (the bfrange), its end is past the cap (a bfchar that would turn every "h" into "X")
    expect(extractLinks(pdf, 'pdf').links.map((l) => l.url)).toEqual(['https://x.example/credentials/bomb']);
  });

  it('stops at a dictionary that never closes inside a content stream', async () => {
    const { zlibSync } = await import('fflate');
    const stream = zlibSync(latin(`BT (https://x.example/credentials/before) Tj ET ${'<<'.repeat(200_000)}`));
    const r = scanPdf(rawPdf([[1, '<< /Filter /FlateDecode >>', stream]]), PDF_LIMITS);
    expect(r.text).toEqual(['https://x.example/credentials/before\n']);
  });

  it('keeps at most MAX_CODE_SPACES code space ranges, however many a map declares', () => {
    const map = parseToUnicode(`begincodespacerange ${'<0000> <0000> '.repeat(150_000)} endcodespacerange 1 beginbfchar <41> <0041> endbfchar`)!;
    expect(map.spaces.length).toBe(MAX_CODE_SPACES);
    expect(toUnicodeDecoder(map, map.spaces)('A')).toBe('A'); // no range matches: the shortest code length, cut to what is left
  });

  it('charges failed object reads to the budget: 19,000 pages whose resources never close', () => {
    const n = 19_000;
    let s = '%PDF-1.7\n';
    for (let k = 0; k < n; k++) s += `${k + 1} 0 obj <</Type/Page/Resources ${n + k + 1} 0 R>> endobj\n`;
    for (let k = 0; k < n; k++) s += `${n + k + 1} 0 obj <<\n`;
    expect(extractLinks(latin(s), 'pdf').truncated).toBe(true);
  });

  it('stops on /Parent cycles and on references that go nowhere', () => {
    const pdf = rawPdf([
      [1, '<< /Type /Page /Parent 1 0 R /Contents 2 0 R >>'],
      [2, '<< >>', latin('BT /F1 10 Tf (https://x.example/credentials/cycle) Tj ET')],
      [3, '<< /Type /Page /Parent 9 0 R /Resources 8 0 R /Contents [2 0 R 7 0 R] >>'],
      [4, '<< /Type /Page /Resources << /Font 4 0 R >> /Contents 4 0 R >>'],
    ]);
    expect(extractLinks(pdf, 'pdf').links.map((l) => l.url)).toEqual(['https://x.example/credentials/cycle']);
  });
});

describe('what real producers write around the fonts', () => {
  const url = 'https://x.example/credentials/a';
  // Glyph ids 0x4100 + ASCII, mapped back by an identity-like ToUnicode range.
  const gids = (t: string) => `<${[...t].map((c) => (c.charCodeAt(0) + 0x4100).toString(16).padStart(4, '0')).join('')}>`;
  const type0 = '<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 5 0 R >>';
  const toUnicode: [number, string, Uint8Array] = [5, '<< >>', latin('1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <4100> <41FF> <0000> endbfrange')];
  const page = (resources: string, contents: string) => `<< /Type /Page /Resources ${resources} /Contents ${contents} >>`;
  const text = (pdf: Uint8Array) => scanPdf(pdf, PDF_LIMITS).text.join('');
  /** A Type1 subset whose codes count up from 1, named by /Differences (as pdfTeX writes them), showing `t`. */
  function differencesFont(t: string): [number, string, Uint8Array?][] {
    const glyph: Record<string, string> = { ':': 'colon', '/': 'slash', '.': 'period', '-': 'hyphen.alt', a: 'uni0061' };
    const chars = [...new Set(t)];
    const codes = [...t].map((c) => `\\${(chars.indexOf(c) + 1).toString(8).padStart(3, '0')}`).join('');
    return [
      [3, page('<< /Font << /F1 4 0 R >> >>', '6 0 R')],
      [4, `<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+CMTT10 /Encoding << /Type /Encoding /Differences [1 ${chars.map((c) => `/${glyph[c] ?? c}`).join(' ')}] >> >>`],
      [6, '<< >>', latin(`BT /F1 10 Tf (${codes}) Tj ET`)],
    ];
  }

  it.each<[string, [number, string, Uint8Array?][]]>([
    ['a /Contents array whose first stream selects the font (7.7.3.3: one stream)', [
      [3, page('<< /Font << /F1 4 0 R >> >>', '[6 0 R 7 0 R]')], [4, type0], toUnicode,
      [6, '<< >>', latin('BT /F1 10 Tf')], [7, '<< >>', latin(`${gids(url)} Tj ET`)],
    ]],
    ['/Contents referring to an array object', [
      [3, page('<< /Font << /F1 4 0 R >> >>', '8 0 R')], [4, type0], toUnicode, [8, '[6 0 R]'],
      [6, '<< >>', latin(`BT /F1 10 Tf ${gids(url)} Tj ET`)],
    ]],
    ['a form XObject without /Resources, using its page\'s (7.8.3)', [
      [3, page('<< /Font << /F1 4 0 R >> /XObject << /X1 7 0 R >> >>', '6 0 R')], [4, type0], toUnicode,
      [6, '<< >>', latin('/X1 Do')], [7, '<< /Type /XObject /Subtype /Form /BBox [0 0 9 9] >>', latin(`BT /F1 10 Tf ${gids(url)} Tj ET`)],
    ]],
    ['a font written inline in /Font', [
      [3, page(`<< /Font << /F1 ${type0} >> >>`, '6 0 R')], toUnicode, [6, '<< >>', latin(`BT /F1 10 Tf ${gids(url)} Tj ET`)],
    ]],
    ['an escaped name (/F#31 is /F1, 7.3.5)', [
      [3, page('<< /Font << /F#31 4 0 R >> >>', '6 0 R')], [4, type0], toUnicode, [6, '<< >>', latin(`BT /F#31 10 Tf ${gids(url)} Tj ET`)],
    ]],
    ['the font restored by Q (8.4.2)', [
      [3, page('<< /Font << /F1 4 0 R /F2 9 0 R >> >>', '6 0 R')], [4, type0], toUnicode, [9, '<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>'],
      [6, '<< >>', latin(`BT /F1 10 Tf q /F2 10 Tf Q ${gids(url)} Tj ET`)],
    ]],
    ['a simple font with /Differences and no ToUnicode (9.10.2)', differencesFont(url)],
  ])('%s', (_name, objects) => {
    expect(text(rawPdf(objects))).toBe(`${url}\n`);
  });
});

describe('lines and addresses in page text', () => {
  const run = (str: string, x: number, right: number, y = 700, size = 10): TextRun => ({ str, x, y, right, size, horizontal: true, eol: false });

  it('glues runs without a space across kerning and tight letter spacing, with one across a gap or a jump back of more than an em', () => {
    expect(toLines([run('Dr', 0, 14.8), run('.', 10.2, 13), run('Am', 13.5, 30)]).map((l) => l.text)).toEqual(['Dr.Am']);
    expect(toLines([run('Dr', 0, 14.8), run('Amélie', 17, 50)]).map((l) => l.text)).toEqual(['Dr Amélie']);
    expect(toLines([run('Mar 2025', 400, 440), run('Badge', 56, 90)]).map((l) => l.text)).toEqual(['Mar 2025 Badge']);
    expect(toLines([run('one', 0, 20, 700), run('two', 0, 20, 686)]).map((l) => l.text)).toEqual(['one', 'two']);
  });

  it('gives each line the right edge of the column it starts in, or the page\'s when its block is too short to tell', () => {
    const lines = toLines([
      run('main column, a long line', 56, 300, 700),
      run('second line of the main column', 56, 296, 686),
      run('short', 56, 100, 672),
      run('sidebar line', 400, 520, 700),
      run('side', 400, 440, 686),
    ]);
    // the main column's edge comes from its other lines; the sidebar's two lines say nothing (the page's edge)
    expect(columnRights(lines)).toEqual([296, 300, 300, 520, 520]);
    // a line reaching more than an em past the others in its column is measured against the page
    expect(columnRights(toLines([run('a', 56, 100, 700), run('b', 56, 100, 686), run('a much longer line', 56, 400, 672)]), [0, 0, 612, 792])).toEqual([400, 400, 556]);
  });

  it('joins a URL the layout broke over two lines, and leaves a URL followed by an ordinary line alone', () => {
    // Helvetica (no /Widths: half an em a character): the URL line is the widest of its column.
    const texts = linesAt([
      'Certificates',
      'Data Literacy: https://badges.example.org/assertions/a-',
      'very-long-assertion-identifier-1234567890.json (2024)',
      'Portfolio: https://jane.example/',
      'Skills and more, a line long enough to be wide',
    ]);
    const pdf = buildPdf([{ texts }]);
    expect(extractLinks(pdf).links.map((l) => l.url)).toEqual(['https://badges.example.org/assertions/a-very-long-assertion-identifier-1234567890.json', 'https://jane.example/']);
  });

  it('finds credential addresses written without a scheme, and only those', () => {
    const pdf = buildPdf([{ texts: linesAt(['Badge: credly.com/badges/aaaaaaaa-1111-4222-8333-944455556666', 'Site: jane.example/about']) }]);
    expect(extractLinks(pdf).links.map((l) => l.url)).toEqual(['https://credly.com/badges/aaaaaaaa-1111-4222-8333-944455556666']);
  });
});

describe('positions in content streams', () => {
  const f1: TextFont = { text: (s) => s, advance: (s) => ({ width: 500 * s.length, codes: s.length, spaces: 0 }) };
  const runs = (stream: string) => contentRuns(stream, 1e6, { fonts: () => f1 });

  it('keeps slanted text (synthetic italics) and text on a flipped y axis (a form drawn without its page\'s matrix) on lines', () => {
    const slanted = runs('BT /F1 10 Tf 1 0 .25 -1 50 700 Tm (abc) Tj 15 0 Td (def) Tj ET');
    expect(slanted.every((r) => r.horizontal)).toBe(true);
    expect(toLines(slanted).map((l) => l.text)).toEqual(['abcdef']);
    const flipped = runs('BT /F1 10 Tf 1 0 0 -1 50 20 Tm (first) Tj 0 -14 Td (second) Tj ET');
    expect(flipped.map((r) => [r.horizontal, r.y])).toEqual([[true, -20], [true, -34]]); // y taken upward: the second line is below
  });

  it('places an /ActualText span where its first glyph is shown, even when the span opens before the font and position are set', () => {
    const r = runs('/Span << /ActualText (fi) >> BDC BT /F1 10 Tf 1 0 0 1 50 700 Tm (X) Tj EMC (le) Tj ET');
    expect(r.map((x) => [x.str, x.x, x.y])).toEqual([['fi', 50, 700], ['le', 55, 700]]);
  });

  it('restores only the states it saved when q nests past its limit, and caps the runs of one stream', () => {
    const upper: TextFont = { ...f1, text: (s) => s.toUpperCase() };
    // 64 saved states, the font changed at that depth, 6 more q past the limit and their 6 Q: the font stays
    const deep = `BT /F1 10 Tf ${'q '.repeat(64)}/F2 10 Tf ${'q '.repeat(6)}${'Q '.repeat(6)}(ok) Tj ${'Q '.repeat(64)}(ok) Tj ET`;
    expect(contentRuns(deep, 1e6, { fonts: (name) => (name === 'F2' ? upper : f1) }).map((x) => x.str)).toEqual(['OK', 'ok']);
    const many = `BT /F1 10 Tf ${'(a) Tj '.repeat(MAX_RUNS + 10)}ET`;
    expect(runs(many).length).toBe(MAX_RUNS);
  });

  it('draws a form where the content says Do, through its matrix and the CTM, with its own fonts; a form drawing itself stops', () => {
    const upper: TextFont = { ...f1, text: (s) => s.toUpperCase() };
    const form = { src: 'BT /F1 10 Tf 1 0 0 1 0 0 Tm (in) Tj ET', matrix: [1, 0, 0, 1, 5, 0], fonts: () => upper };
    const r = contentRuns('BT /F1 10 Tf 1 0 0 1 50 700 Tm (before) Tj ET q 1 0 0 1 100 700 cm /X1 Do Q BT /F1 10 Tf 1 0 0 1 50 680 Tm (after) Tj ET', 1e6, { fonts: () => f1, forms: (n) => (n === 'X1' ? form : undefined) });
    expect(r.map((x) => [x.str, x.x, x.y])).toEqual([['before', 50, 700], ['IN', 105, 700], ['after', 50, 680]]);
    const loop = { src: '/X1 Do BT /F1 10 Tf (x) Tj ET', matrix: [] };
    expect(contentRuns('/X1 Do', 1e6, { fonts: () => f1, forms: () => loop }).length).toBe(8); // MAX_FORM_DEPTH levels, then no more
  });

  it('does not join a URL to a year, a phone number or a heading below it', () => {
    const run = (str: string, x: number, right: number, y: number, size = 10): TextRun => ({ str, x, y, right, size, horizontal: true, eol: false });
    const text = (rs: TextRun[]) => {
      const lines = toLines(rs);
      return joinBrokenUrls(lines, columnRights(lines, [0, 0, 612, 792]));
    };
    // a sidebar: name, URL, year
    expect(text([run('Jane Doe', 40, 90, 700), run('https://www.credly.com/badges/a1b2c3d4', 40, 200, 686), run('2021', 40, 62, 672)])).toBe('Jane Doe\nhttps://www.credly.com/badges/a1b2c3d4\n2021');
    // a URL ending in a slash at the end of a paragraph, then a heading after a margin
    expect(text([run('Portfolio: https://jane.example/abc123/', 56, 540, 700), run('Education', 56, 110, 670)])).toBe('Portfolio: https://jane.example/abc123/\nEducation');
    // a centred header: URL, then a phone number
    expect(text([run('https://www.credly.com/badges/9f8e7d6c', 200, 400, 700), run('+49 30 1234567', 250, 350, 686)])).toBe('https://www.credly.com/badges/9f8e7d6c\n+49 30 1234567');
    // but a break after a hyphen, just below, is joined
    expect(text([run('Badge: https://www.credly.com/badges/aaaa-', 40, 200, 700), run('bbbb-cccc', 40, 90, 686), run('x', 40, 45, 672)])).toBe('Badge: https://www.credly.com/badges/aaaa-bbbb-cccc\nx');
  });
});
