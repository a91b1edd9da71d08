/**
 * The CV input stage (sdk/input/cv.ts): links out of HTML, PDF (annotations, compressed streams,
 * object streams, string escapes), DOCX (relationships, field codes) and text; redirect wrappers;
 * which links are credentials; the caps (zip bombs, lying zip entries, huge PDFs, garbage); and the
 * `credlens scan` command against a local issuer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strToU8, zipSync, zlibSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCvDocx } from '../../demo/pages/cv-docx.js';
import { makeCvPdf } from '../../demo/pages/cv-pdf.js';
import type { DemoCredential } from '../../demo/types.js';
import { scan } from '../../sdk/cli/scan.js';
import { isCredLensError } from '../../sdk/errors.js';
import { DOCX_LIMITS, MAX_LINKS, detectCvKind, extractLinks, findUrlsInText, isCredentialLink } from '../../sdk/input/cv.js';
import { credentialLinkUrl, normalizeLink } from '../../sdk/input/links.js';
import { MAX_UNWRAP, unwrapRedirect } from '../../sdk/input/redirect.js';
import { codeOf } from '../helpers/errors.js';
import { dbIssue, makeIssuer, openBadge } from '../helpers/issuers.js';
import { concatBytes } from '../../sdk/util/bytes.js';

const enc = new TextEncoder();
const urls = (r: { links: { url: string }[] }) => r.links.map((l) => l.url);

/** Made-up credentials, as the demo issuer would list them. */
function creds(origin = 'https://issuer.example'): DemoCredential[] {
  const base = { format: 'OB3 eddsa-rdfc-2022', expect: 'valid' as const, note: 'test' };
  return [
    { ...base, slug: 'a', title: 'Data Literacy Micro-credential', issuerName: 'Universität Beispielstadt', url: `${origin}/credentials/a`, issued: '2025-03-14' },
    { ...base, slug: 'b', title: 'Webinar (participation)', issuerName: 'EdTech Forum', url: `${origin}/credentials/b.json`, issued: '2025-01-02', expires: '2027-01-02' },
    { ...base, slug: 'c', title: 'Teaching Practitioner', issuerName: 'Akademie Nord', url: `${origin}/ob2/assertions/c?v=2_0&x=(1)`, issued: '2023-11-03', imageUrl: `${origin}/ob2/assertions/c/image.png` },
  ];
}

/* ------------------------------------------------------------------------------------------ */
/* Hand-made PDFs                                                                               */
/* ------------------------------------------------------------------------------------------ */

type PdfObj = { num: number; body: string } | { num: number; dict: string; data: Uint8Array };

/** Writes a PDF with the given objects; `xrefStream` puts the cross-reference in a compressed XRef stream (PDF 1.5). */
function writePdf(objects: PdfObj[], opts: { xrefStream?: { num: number; inObjStm: Map<number, [number, number]> }; trailer?: string } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const offsets = new Map<number, number>();
  const put = (b: Uint8Array | string) => {
    const u = typeof b === 'string' ? latin1Bytes(b) : b;
    parts.push(u);
    size += u.length;
  };
  put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  for (const o of objects) {
    offsets.set(o.num, size);
    if ('body' in o) put(`${o.num} 0 obj\n${o.body}\nendobj\n`);
    else {
      put(`${o.num} 0 obj\n${o.dict.replace('%LEN%', String(o.data.length))}\nstream\n`);
      put(o.data);
      put('\nendstream\nendobj\n');
    }
  }
  const maxNum = Math.max(...objects.map((o) => o.num), opts.xrefStream?.num ?? 0, ...(opts.xrefStream ? [...opts.xrefStream.inObjStm.keys()] : []));
  if (opts.xrefStream) {
    const { num, inObjStm } = opts.xrefStream;
    const xrefAt = size;
    offsets.set(num, xrefAt);
    const rows = new Uint8Array((maxNum + 1) * 7);
    for (let k = 0; k <= maxNum; k++) {
      const row = rows.subarray(k * 7, k * 7 + 7);
      const off = offsets.get(k);
      const inStm = inObjStm.get(k);
      if (off !== undefined) {
        row[0] = 1;
        row[1] = (off >>> 24) & 255;
        row[2] = (off >>> 16) & 255;
        row[3] = (off >>> 8) & 255;
        row[4] = off & 255;
      } else if (inStm) {
        row[0] = 2;
        row[3] = (inStm[0] >>> 8) & 255;
        row[4] = inStm[0] & 255;
        row[6] = inStm[1];
      } else if (k === 0) {
        row[5] = 0xff;
        row[6] = 0xff;
      }
    }
    const data = zlibSync(rows);
    put(`${num} 0 obj\n<< /Type /XRef /Size ${maxNum + 1} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${data.length} >>\nstream\n`);
    put(data);
    put(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  } else {
    const xrefAt = size;
    let t = `xref\n0 ${maxNum + 1}\n0000000000 65535 f \n`;
    for (let k = 1; k <= maxNum; k++) t += offsets.has(k) ? `${String(offsets.get(k)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n';
    put(`${t}trailer\n<< /Size ${maxNum + 1} /Root 1 0 R ${opts.trailer ?? ''}>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  }
  return concatBytes(parts, size);
}

function latin1Bytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

function utf16Hex(s: string): string {
  let h = 'FEFF';
  for (const ch of s) h += ch.charCodeAt(0).toString(16).padStart(4, '0');
  return h;
}

const CREDLY = 'https://www.credly.com/badges/1b2c3d4e-1111-2222-3333-444455556666';

/** A PDF 1.5-style file: annotations in a compressed object stream, an XRef stream, an indirect /Length and an indirect /URI. */
function objectStreamPdf(): Uint8Array {
  const content =
    'BT /F1 10 Tf 1 0 0 1 50 800 Tm [(Verify: https://badges.exa) -12 (mple.org/b/tj-42)] TJ ET\n' +
    `BT 1 0 0 1 50 780 Tm (See https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(CREDLY).replace(/\./g, '%2E')}&urlhash=Ab1x for details.) Tj ET\n` +
    "BT 1 0 0 1 50 760 Tm (Line one) Tj T* (http://plain.example/credentials/77) ' ET\n";
  const contentData = zlibSync(enc.encode(content));
  const annots = [
    '<< /Type /Annot /Subtype /Link /Rect [50 795 300 810] /A << /S /URI /URI (https://cred\\056example/c/\\(1\\)) >> >>',
    `<< /Type /Annot /Subtype /Link /Rect [50 775 300 790] /A << /S /URI /URI <${utf16Hex('https://hex.example/badges/7')}> >> >>`,
    '<< /Type /Annot /Subtype /Link /Rect [50 755 300 770] /A << /S /URI /URI 9 0 R >> >>',
  ];
  let header = '';
  let body = '';
  annots.forEach((a, k) => {
    header += `${10 + k} ${body.length} `;
    body += a + '\n';
  });
  const objstm = zlibSync(enc.encode(header + body));
  return writePdf(
    [
      { num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' },
      { num: 2, body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { num: 3, body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [10 0 R 11 0 R 12 0 R] >>' },
      { num: 4, body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
      { num: 5, dict: '<< /Length 6 0 R /Filter /FlateDecode >>', data: contentData },
      { num: 6, body: String(contentData.length) },
      { num: 9, body: '(https://indirect.example/credentials/9)' },
      { num: 20, dict: `<< /Type /ObjStm /N 3 /First ${header.length} /Filter /FlateDecode /Length %LEN% >>`, data: objstm },
    ],
    { xrefStream: { num: 21, inObjStm: new Map([[10, [20, 0]], [11, [20, 1]], [12, [20, 2]]]) } },
  );
}

/* ------------------------------------------------------------------------------------------ */

describe('HTML', () => {
  it('reads <a href> with its text, in order, without duplicates, unwrapping redirect wrappers', () => {
    const html = `<!DOCTYPE html><html><head><title>https://not-a-link.example/title</title>
      <script>const u = "https://not-a-link.example/script";</script><style>a{background:url(https://not-a-link.example/bg)}</style></head>
      <body><!-- <a href="https://not-a-link.example/comment">x</a> -->
      <A HREF="https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(CREDLY).replace(/\./g, '%2E')}&amp;urlhash=Ab1x&amp;trk=public_profile">Show <b>credential</b></A>
      <a href=https://uni.example/credentials/abc?x=1&amp;y=2>Data &amp; AI</a>
      <a href="mailto:someone@example.org">mail</a> <a href="javascript:alert(1)">js</a> <a href="tel:+43123">tel</a>
      <a href="${CREDLY}">again</a>
      <p>Also at https://badges.example.org/b/42). And (https://x.example/wiki/A_(b)).</p>
      <a href="https://www.google.com/url?q=https://uni.example/credentials/g&amp;sa=D">google-wrapped</a>
      </body></html>`;
    const r = extractLinks(html);
    expect(r.kind).toBe('html');
    expect(r.links).toEqual([
      { url: CREDLY, text: 'Show credential' },
      { url: 'https://uni.example/credentials/abc?x=1&y=2', text: 'Data & AI' },
      { url: 'https://badges.example.org/b/42' },
      { url: 'https://x.example/wiki/A_(b)' },
      { url: 'https://uni.example/credentials/g', text: 'google-wrapped' },
    ]);
  });

  it('resolves relative links against the base URL and <base href>, and drops them without one', () => {
    const page = '<html><body><a href="/credentials/1.json">one</a> <a href="two.jwt">two</a></body></html>';
    expect(urls(extractLinks(page))).toEqual([]);
    expect(urls(extractLinks(page, 'html', { baseUrl: 'https://cv.example/people/me/' }))).toEqual([
      'https://cv.example/credentials/1.json',
      'https://cv.example/people/me/two.jwt',
    ]);
    const withBase = '<html><head><base href="https://other.example/dir/"></head><body><a href="two.jwt">two</a></body></html>';
    expect(urls(extractLinks(withBase, 'html', { baseUrl: 'https://cv.example/' }))).toEqual(['https://other.example/dir/two.jwt']);
  });

  it('reads template contents (a lazily inserted section is still in the source)', () => {
    const html = '<div id="x"></div><template id="t"><section><a href="https://uni.example/credentials/t">T</a></section></template>';
    expect(urls(extractLinks(html))).toEqual(['https://uni.example/credentials/t']);
  });

  it('stays linear on hostile markup', () => {
    const hostile = '<a href="https://a.example/x">'.repeat(50_000) + '<a '.repeat(100_000) + '</'.repeat(100_000) + '<!--';
    const t = performance.now();
    const r = extractLinks(hostile, 'html');
    expect(performance.now() - t).toBeLessThan(3000);
    expect(r.links.length).toBe(1);
  });
});

describe('text', () => {
  it('finds http(s) URLs, trims punctuation, unwraps wrappers, ignores bare domains', () => {
    const text = `Certificates: https://uni.example/credentials/1, https://uni.example/credentials/2; (see https://uni.example/credentials/3).
Also www.example.org/credentials/4 and "https://uni.example/credentials/5". Wrapped: https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://uni.example/credentials/6')}&data=x`;
    expect(urls(extractLinks(text))).toEqual([
      'https://uni.example/credentials/1',
      'https://uni.example/credentials/2',
      'https://uni.example/credentials/3',
      'https://uni.example/credentials/5',
      'https://uni.example/credentials/6',
    ]);
    expect(findUrlsInText('end of sentence https://a.example/x.')).toEqual(['https://a.example/x']);
  });

  it('decodes bytes as UTF-8, falling back to Windows-1252', () => {
    const latin = Uint8Array.from([...latin1Bytes('Zertifikat f\xfcr Anna: https://uni.example/credentials/9 \xe4')]);
    expect(urls(extractLinks(latin, 'text'))).toEqual(['https://uni.example/credentials/9']);
  });
});

describe('PDF', () => {
  it('round-trips the demo CV: every credential URL, from compressed content and link annotations', () => {
    const c = creds();
    const pdf = makeCvPdf(undefined, c);
    const r = extractLinks(pdf);
    expect(r.kind).toBe('pdf');
    expect(r.links.filter((l) => isCredentialLink(l.url)).map((l) => l.url)).toEqual(c.map((x) => new URL(x.url).href));
    // the only other link is the profile in the header (mailto: is not http)
    expect(r.links.filter((l) => !isCredentialLink(l.url)).map((l) => l.url)).toEqual(['https://www.linkedin.com/in/amelie-novakova-schmidt']);
  });

  it('finds links only written in the page text, in a FlateDecode stream', () => {
    const c = creds();
    const pdf = makeCvPdf(undefined, c);
    // Remove the annotations' /URI keys (same length), leaving only the written-out addresses.
    const s = new TextDecoder('windows-1252').decode(pdf).replace(/\/URI \(/g, '/XYZ (');
    const r = extractLinks(latin1Bytes(s), 'pdf');
    expect(r.links.filter((l) => isCredentialLink(l.url)).map((l) => l.url)).toEqual(c.map((x) => new URL(x.url).href));
  });

  it('reads object streams, XRef streams, literal escapes, UTF-16 hex strings, indirect values and TJ arrays', () => {
    const r = extractLinks(objectStreamPdf());
    expect(urls(r)).toEqual([
      'https://cred.example/c/(1)',
      'https://hex.example/badges/7',
      'https://indirect.example/credentials/9',
      'https://badges.example.org/b/tj-42',
      CREDLY,
      'http://plain.example/credentials/77',
    ]);
  });

  it('warns about encrypted PDFs', () => {
    const pdf = writePdf([{ num: 1, body: '<< /Type /Catalog >>' }, { num: 2, body: '<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>' }], { trailer: '/Encrypt 2 0 R ' });
    expect(extractLinks(pdf).warnings?.[0]).toMatch(/encrypted/);
  });

  it('is bounded on a 10,000-page PDF: stops at the link cap, quickly', () => {
    const objs: PdfObj[] = [
      { num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' },
      { num: 2, body: '<< /Type /Pages /Count 1000000000 /Kids [] >>' },
    ];
    for (let p = 0; p < 10_000; p++) {
      objs.push({ num: 3 + 3 * p, body: `<< /Type /Page /Parent 2 0 R /Contents ${4 + 3 * p} 0 R /Annots [${5 + 3 * p} 0 R] >>` });
      objs.push({ num: 4 + 3 * p, dict: '<< /Length %LEN% >>', data: enc.encode(`BT 1 0 0 1 50 800 Tm (https://t.example/badges/${p}) Tj ET`) });
      objs.push({ num: 5 + 3 * p, body: `<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A << /S /URI /URI (https://a.example/credentials/${p}) >> >>` });
    }
    const pdf = writePdf(objs);
    const t = performance.now();
    const r = extractLinks(pdf);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.links.length).toBe(MAX_LINKS);
    expect(r.truncated).toBe(true);
  });

  it('caps a deflate bomb in a content stream', () => {
    const bomb = zlibSync(new Uint8Array(40 * 1024 * 1024), { level: 1 }); // 40 KB that inflate to 40 MB
    const pdf = writePdf([
      { num: 1, body: '<< /Type /Catalog >>' },
      { num: 2, dict: '<< /Length %LEN% /Filter /FlateDecode >>', data: bomb },
      { num: 3, body: '<< /S /URI /URI (https://after.example/credentials/1) >>' },
    ]);
    const t = performance.now();
    const r = extractLinks(pdf);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(urls(r)).toEqual(['https://after.example/credentials/1']);
    expect(r.truncated).toBe(true);
  });

  it('refuses what is not a PDF when told it is one', () => {
    expect(codeOf(() => extractLinks(enc.encode('hello'), 'pdf'))).toBe('bad-input');
    expect(codeOf(() => extractLinks('%PDF-1.7 as text', 'pdf'))).toBe('bad-input');
  });
});

describe('DOCX', () => {
  it('round-trips the demo CV: hyperlink relationships with their text', () => {
    const c = creds();
    const r = extractLinks(makeCvDocx(undefined, c));
    expect(r.kind).toBe('docx');
    const found = r.links.filter((l) => isCredentialLink(l.url));
    expect(found.map((l) => l.url)).toEqual(c.map((x) => new URL(x.url).href));
    expect(found.map((l) => l.text)).toEqual(c.map((x) => x.title));
  });

  function docx(document: string, rels: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    return zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>',
      ),
      'word/main.xml': strToU8(`<w:document ${W}><w:body>${document}</w:body></w:document>`),
      'word/_rels/main.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
      ...extra,
    });
  }
  const HL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

  it('reads field-code hyperlinks, headers, and plain URLs; ignores internal anchors', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const file = docx(
      `<w:p><w:hyperlink w:anchor="_Toc1"><w:r><w:t>internal</w:t></w:r></w:hyperlink></w:p>
       <w:p><w:hyperlink r:id="rId5"><w:r><w:t>Data </w:t></w:r><w:r><w:t>Literacy</w:t></w:r></w:hyperlink></w:p>
       <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://uni.example/credentials/field" \\o "tip" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Field link</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
       <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK \\l "bookmark" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
       <w:p><w:fldSimple w:instr="HYPERLINK &quot;https://uni.example/credentials/simple&quot;"><w:r><w:t>simple</w:t></w:r></w:fldSimple></w:p>
       <w:p><w:r><w:t>Verify at https://uni.exa</w:t></w:r><w:r><w:t>mple/credentials/split &amp; more</w:t></w:r></w:p>
       <w:p><w:hyperlink r:id="rId6"><w:r><w:t>not external</w:t></w:r></w:hyperlink></w:p>`,
      `<Relationship Id="rId5" Type="${HL}" Target="https://uni.example/credentials/rel?a=1&amp;b=2" TargetMode="External"/>
       <Relationship Id="rId6" Type="${HL}" Target="#somewhere"/>
       <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`,
      {
        'word/header1.xml': strToU8(`<w:hdr ${W}><w:p><w:hyperlink r:id="rId1"><w:r><w:t>Portfolio</w:t></w:r></w:hyperlink></w:p></w:hdr>`),
        'word/_rels/header1.xml.rels': strToU8(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${HL}" Target="https://portfolio.example/" TargetMode="External"/></Relationships>`,
        ),
      },
    );
    expect(extractLinks(file).links).toEqual([
      { url: 'https://uni.example/credentials/rel?a=1&b=2', text: 'Data Literacy' },
      { url: 'https://uni.example/credentials/field', text: 'Field link' },
      { url: 'https://uni.example/credentials/simple' },
      { url: 'https://uni.example/credentials/split' },
      { url: 'https://portfolio.example/', text: 'Portfolio' },
    ]);
  });

  it('refuses a zip bomb entry (declared size over the cap)', () => {
    const bomb = zipSync({ '_rels/.rels': strToU8('<Relationships/>'), 'word/document.xml': new Uint8Array(DOCX_LIMITS.maxEntryBytes + 1) }, { level: 1 });
    expect(codeOf(() => extractLinks(bomb))).toBe('too-large');
  });

  it('refuses an entry that lies about its size, without inflating it all', () => {
    const real = 48 * 1024 * 1024;
    const file = zipSync({ 'word/document.xml': new Uint8Array(real) }, { level: 1 });
    // Patch the declared uncompressed size (local header +22, central directory +24) to 1000 bytes.
    const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
    dv.setUint32(22, 1000, true);
    for (let i = file.length - 22; i >= 0; i--) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        dv.setUint32(i + 24, 1000, true);
        break;
      }
    }
    const t = performance.now();
    expect(codeOf(() => extractLinks(file, 'docx'))).toBe('too-large');
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('refuses archives with too many entries, and archives that are not Word documents', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= DOCX_LIMITS.maxEntries; i++) many[`f${i}.txt`] = new Uint8Array(1);
    expect(codeOf(() => extractLinks(zipSync(many, { level: 0 })))).toBe('too-large');
    expect(codeOf(() => extractLinks(zipSync({ 'a.txt': strToU8('hello') })))).toBe('bad-input');
    expect(codeOf(() => extractLinks(enc.encode('not a zip'), 'docx'))).toBe('bad-input');
  });
});

describe('robustness', () => {
  it('never throws anything but a CredLensError on garbage or damaged files', () => {
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const samples: Uint8Array[] = [makeCvPdf(undefined, creds()), makeCvDocx(undefined, creds()), objectStreamPdf()];
    const inputs: Uint8Array[] = [];
    for (let k = 0; k < 60; k++) {
      const len = Math.floor(rand() * 4096) + 1;
      const b = new Uint8Array(len);
      for (let i = 0; i < len; i++) b[i] = Math.floor(rand() * 256);
      if (k % 3 === 1) b.set(enc.encode('%PDF-1.4\n'), 0);
      if (k % 3 === 2) b.set([0x50, 0x4b, 3, 4], 0);
      inputs.push(b);
    }
    for (const s of samples) {
      for (let k = 0; k < 40; k++) {
        const b = s.slice(0, Math.max(10, Math.floor(rand() * s.length)));
        for (let f = 0; f < 20; f++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        inputs.push(b);
      }
    }
    for (const input of inputs) {
      for (const hint of [undefined, 'pdf', 'docx', 'html', 'text'] as const) {
        try {
          const r = extractLinks(input, hint);
          expect(Array.isArray(r.links)).toBe(true);
        } catch (e) {
          expect(isCredLensError(e), String(e)).toBe(true);
        }
      }
    }
  });

  it('stays linear on hostile repetitions (unclosed dictionaries, strings, tags, brackets)', () => {
    const REL = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
    const fill = (unit: string) => unit.repeat(Math.floor(2_000_000 / unit.length));
    const cases: [Uint8Array | string, 'pdf' | 'docx' | 'html' | 'text'][] = [
      ...['1 0 obj<<', '/URI <', '/URI (', '1 0 obj<</Length 5>>stream\n', '5 0 obj\n'].map((u) => [enc.encode('%PDF-1.7\n' + fill(u)), 'pdf'] as [Uint8Array, 'pdf']),
      ...['<a b="c', ' <a', '<w:t>', '<w:hyperlink r:id="x">'].map(
        (u) => [zipSync({ '_rels/.rels': strToU8(REL), 'word/document.xml': strToU8('<w:document><w:body><w:p ' + fill(u)), 'word/_rels/document.xml.rels': strToU8(fill(u)) }, { level: 1 }), 'docx'] as [Uint8Array, 'docx'],
      ),
      ...['<a b="c', '<a x', '<a href="https://x.example/c/1">t', '&#x'].map((u) => ['<html><body>' + fill(u), 'html'] as [string, 'html']),
      [fill('https://x.example/' + ')'.repeat(3000) + ' '), 'text'],
    ];
    for (const [input, kind] of cases) {
      const t = performance.now();
      try {
        extractLinks(input, kind);
      } catch (e) {
        expect(isCredLensError(e)).toBe(true);
      }
      expect(performance.now() - t, `${kind}: ${String(input).slice(0, 40)}`).toBeLessThan(2000);
    }
  });

  it('refuses empty and oversized input with typed errors', () => {
    expect(codeOf(() => extractLinks(''))).toBe('bad-input');
    expect(codeOf(() => extractLinks(new Uint8Array(0)))).toBe('bad-input');
    expect(codeOf(() => extractLinks(new Uint8Array(50 * 1024 * 1024 + 1)))).toBe('too-large');
  });

  it('sniffs the kind', () => {
    expect(detectCvKind(enc.encode('%PDF-1.7\n'))).toBe('pdf');
    expect(detectCvKind(zipSync({ a: new Uint8Array(1) }))).toBe('docx');
    expect(detectCvKind('\ufeff<!doctype html><p>x')).toBe('html');
    expect(detectCvKind('Jane Doe\nhttps://x.example')).toBe('text');
  });
});

describe('redirect wrappers and credential links', () => {
  it('unwraps nested wrappers', () => {
    const inner = `https://www.google.com/url?q=${encodeURIComponent('https://uni.example/credentials/n')}&sa=D`;
    const outer = `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(inner)}&urlhash=abcd`;
    expect(unwrapRedirect(outer)).toBe('https://uni.example/credentials/n');
    expect(urls(extractLinks(outer))).toEqual(['https://uni.example/credentials/n']);
  });

  it('unwraps as deep in a page scan as anywhere else (MAX_UNWRAP levels), then stops', () => {
    const wrap = (u: string) => `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(u)}`;
    let url = 'https://uni.example/credentials/deep';
    for (let level = 1; level <= MAX_UNWRAP + 1; level++) {
      url = wrap(url);
      expect(normalizeLink(url), `${level} levels`).toBe(unwrapRedirect(url));
      expect(normalizeLink(url) === 'https://uni.example/credentials/deep', `${level} levels`).toBe(level <= MAX_UNWRAP);
    }
  });

  it.each([
    [CREDLY, true],
    ['https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fapi%2Ebadgr%2Eio%2Fpublic%2Fassertions%2FAbC123xyz', true],
    ['https://www.coursera.org/verify/ABCDEF123456', true],
    ['https://uni.example/credentials/abc', true],
    ['http://127.0.0.1:5555/ob2/assertions/educator', true],
    ['https://uni.example/verify?id=42', true],
    ['https://files.example/cred.jwt', true],
    ['https://badges.example.org/b/1', true],
    ['https://uni.example/badges/x/image.png', true],
    ['https://uni.example/media/photo.png', false],
    ['https://uni.example/certificates', false],
    ['https://uni.example/certificates/123.pdf', false],
    ['https://uni.example/', false],
    ['https://www.linkedin.com/in/someone/', false],
    ['https://www.linkedin.com/in/someone/details/certifications/', false],
    ['https://github.com/org/repo', false],
    ['https://uni.example/.well-known/did.json', false],
    ['mailto:someone@example.org', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@uni.example/credentials/1', false],
    ['https://badges.github.com/x/credentials/1', false],
    ['https://notgithub.com/x/credentials/1', true],
    ['https://www.credly.com.evil.example/badges/0a1b2c3d-1111-2222-3333-444455556666', true],
    ['https://credly.evil.example/badges/x', true],
  ])('%s → %s', (url, expected) => {
    expect(isCredentialLink(url)).toBe(expected);
    // the one-parse variant page scans use agrees, and answers the normalised URL
    expect(credentialLinkUrl(url)).toBe(expected ? normalizeLink(url) : undefined);
  });

  it('credentialLinkUrl resolves relative links against a base like normalizeLink', () => {
    expect(credentialLinkUrl('/credentials/7', 'https://uni.example/profile')).toBe('https://uni.example/credentials/7');
    expect(credentialLinkUrl('/about', 'https://uni.example/profile')).toBeUndefined();
    expect(credentialLinkUrl('/credentials/7')).toBeUndefined();
  });
});

/* ------------------------------------------------------------------------------------------ */
/* credlens scan                                                                                */
/* ------------------------------------------------------------------------------------------ */

describe('credlens scan', () => {
  let server: Server;
  let origin: string;
  let dir: string;
  const run = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await scan(args, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
    return { code, stdout, stderr };
  };
  const NOW = ['--now', '2026-03-01T00:00:00Z', '--allow-private-network', '--allow-http-localhost'];

  beforeAll(async () => {
    const issuer = await makeIssuer(new Uint8Array(32).fill(7));
    const valid = await dbIssue(openBadge(issuer.did, 1), 'eddsa-rdfc-2022', issuer);
    const tampered = { ...(await dbIssue(openBadge(issuer.did, 2), 'eddsa-rdfc-2022', issuer)), name: 'Something else' };
    const docs: Record<string, unknown> = { '/credentials/valid': valid, '/credentials/tampered': tampered };
    server = createServer((req, res) => {
      const doc = docs[req.url ?? ''];
      if (doc) res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(doc));
      else if (req.url === '/cv.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end(cvPdf(['valid']));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    dir = await mkdtemp(`${tmpdir()}/credlens-scan-`);
    await writeFile(`${dir}/both.pdf`, cvPdf(['valid', 'tampered']));
    await writeFile(`${dir}/both.docx`, makeCvDocx(undefined, cvCreds(['valid', 'tampered'])));
    await writeFile(`${dir}/none.html`, '<html><body><a href="https://www.linkedin.com/in/x">me</a></body></html>');
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  function cvCreds(slugs: string[]): DemoCredential[] {
    return slugs.map((s) => ({ slug: s, title: s, issuerName: 'Example University', format: 'OB3', url: `${origin}/credentials/${s}`, issued: '2025-01-15', expect: 'valid', note: '' }));
  }
  function cvPdf(slugs: string[]): Uint8Array {
    return makeCvPdf(undefined, cvCreds(slugs));
  }

  it('verifies every credential link in a PDF, with progress on stderr, and exits 1 when one is not valid', async () => {
    const r = await run([`${dir}/both.pdf`, ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[1\/2\] checking http:\/\/127\.0\.0\.1:\d+\/credentials\/valid/);
    expect(r.stderr).toMatch(/\[2\/2\] checking .*\/credentials\/tampered/);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^VERDICT\s+CREDENTIAL\s+ISSUER\s+LINK$/);
    expect(lines[1]).toMatch(/^VALID\s+Data Literacy Micro-credential #1\s+Example University\s+http:\/\/127\.0\.0\.1:\d+\/credentials\/valid$/);
    expect(lines[2]).toMatch(/^INVALID\s+Something else/);
    expect(r.stdout).toMatch(/1 of 2 credentials valid\./);
  });

  it('prints JSON with --json, from a DOCX', async () => {
    const r = await run(['scan', `${dir}/both.docx`, '--json', ...NOW]);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('docx');
    expect(out.credentials.map((c: { verdict: string }) => c.verdict)).toEqual(['valid', 'invalid']);
    expect(out.credentials[0].report.format).toBe('ob3-json');
    expect(out.summary).toMatchObject({ credentials: 2, valid: 1, errors: 0 });
  });

  it('fetches a URL and exits 0 when every credential is valid', async () => {
    const r = await run([`${origin}/cv.pdf`, ...NOW]);
    expect(r.stderr).toMatch(/Found 2 links .*\(pdf\), 1 credential link\./);
    expect(r.code).toBe(0);
  });

  it('exits 1 when no credential is found, 2 for usage and input errors', async () => {
    const none = await run([`${dir}/none.html`, ...NOW]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/No credential links found/);
    expect((await run([])).code).toBe(2);
    expect((await run(['--frobnicate', 'x'])).code).toBe(2);
    const missing = await run([`${dir}/missing.pdf`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No such file/);
    const blocked = await run([`${origin}/cv.pdf`]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/blocked-address/);
    expect((await run(['--help'])).code).toBe(0);
  });
});
