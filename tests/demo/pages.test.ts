/**
 * The demo pages (demo/pages/): every credential appears on every page, hostile credential text
 * is escaped, no inline event handlers, the LinkedIn-like markup follows the detection contract
 * (links wrapped as linkedin.com/redir/redirect, "Show credential", lazy section, hashed classes),
 * and the PDF and DOCX CVs are well-formed and round-trip through extractLinks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeCvDocx } from '../../demo/pages/cv-docx.js';
import { renderCvHtml } from '../../demo/pages/cv-html.js';
import { makeCvPdf, pdfString, winAnsi } from '../../demo/pages/cv-pdf.js';
import { escapeHtml, linkedinRedirect, safeHref } from '../../demo/pages/html.js';
import { demoPagePaths, renderIndex } from '../../demo/pages/index.js';
import { addToProfileUrl, renderLearnerPage } from '../../demo/pages/learner.js';
import { renderProfile, renderProfileClassic } from '../../demo/pages/profile.js';
import { DEMO_PERSON, type DemoCredential } from '../../demo/types.js';
import { extractLinks, isCredentialLink } from '../../sdk/input/cv.js';
import { readStartTag } from '../../sdk/input/markup.js';
import { unwrapRedirect } from '../../sdk/input/redirect.js';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
const HOSTILE_ISSUER = '"><script>alert("x")</script>';
const ORIGIN = 'http://127.0.0.1:45678';

/** Made-up credentials (the demo issuer is written elsewhere), including hostile text. */
const CREDS: DemoCredential[] = [
  { slug: 'uni', title: 'Data Literacy Micro-credential', issuerName: 'Universität Beispielstadt', format: 'OB3 eddsa-rdfc-2022', url: `${ORIGIN}/credentials/uni`, issued: '2025-03-14', expect: 'valid', note: 'assessed, 6 ECTS' },
  { slug: 'hostile', title: HOSTILE_TITLE, issuerName: HOSTILE_ISSUER, format: 'OB3', url: `${ORIGIN}/credentials/hostile?a=1&b='x'`, issued: '2024-02-02', expect: 'invalid', note: '<b>tampered</b>' },
  { slug: 'vendor', title: 'Certified Cloud Practitioner — Łódź 🎓 認定', issuerName: 'Nimbus Cloud Academy', format: 'VC-JWT ES256', url: `${ORIGIN}/credentials/vendor.jwt`, issued: '2024-06-01', expires: '2026-06-01', expect: 'expired', note: 'expires' },
  { slug: 'ob2', title: 'Evidence-based Teaching (OB2)', issuerName: 'Akademie Nord', format: 'OB2 hosted + baked PNG', url: `${ORIGIN}/ob2/assertions/ob2`, imageUrl: `${ORIGIN}/ob2/assertions/ob2/image.png`, issued: '2023-11-03', expect: 'revoked', note: 'revoked' },
];
const EVIL_URL: DemoCredential = { ...CREDS[0]!, slug: 'evil', url: 'javascript:alert(1)', title: 'Evil link' };

const hrefOf = (u: string) => new URL(u).href;

/** Attribute names of every start tag (read with the SDK's own tag reader, so quoted values are values). */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    if (!/[A-Za-z]/.test(html[i + 1] ?? '')) continue;
    const tag = readStartTag(html, i, 'html');
    if (!tag) continue;
    names.push(...tag.attrs.keys());
    i = tag.end - 1;
  }
  return names;
}

function htmlPages(creds: DemoCredential[]): Record<string, string> {
  return {
    profile: renderProfile(DEMO_PERSON, creds, { lazy: false }),
    profileLazy: renderProfile(DEMO_PERSON, creds),
    classic: renderProfileClassic(DEMO_PERSON, creds),
    cv: renderCvHtml(DEMO_PERSON, creds),
    learner: renderLearnerPage(DEMO_PERSON, creds),
    index: renderIndex(ORIGIN, creds),
  };
}

describe('HTML pages', () => {
  const pages = htmlPages(CREDS);

  it.each(Object.keys(pages))('%s: every credential appears, hostile text escaped, no inline handlers', (name) => {
    const html = pages[name]!;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toContain(HOSTILE_TITLE);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(escapeHtml(HOSTILE_TITLE));
    expect(attributeNames(html).filter((a) => a.startsWith('on'))).toEqual([]);
    for (const c of CREDS) expect(html).toContain(escapeHtml(c.title));
    // every credential link is found by the SDK's own extraction (redirect wrappers unwrapped)
    const found = extractLinks(html, 'html').links.map((l) => l.url);
    for (const c of CREDS) expect(found, `${name}: ${c.url}`).toContain(hrefOf(c.url));
    // no external assets
    expect(html).not.toMatch(/<(?:link|img)\b[^>]*(?:href|src)="https?:/i);
  });

  it('never writes a javascript: href', () => {
    for (const html of Object.values(htmlPages([EVIL_URL]))) {
      expect(html).not.toMatch(/href="\s*javascript:/i);
    }
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
  });
});

describe('LinkedIn-like profile', () => {
  it('has the person in the h1, the sections, and "Show credential" links wrapped as linkedin.com/redir/redirect', () => {
    const html = renderProfile(DEMO_PERSON, CREDS, { lazy: false });
    expect(html).toMatch(new RegExp(`<h1 [^>]*>${escapeHtml(DEMO_PERSON.name)}</h1>`));
    for (const section of ['About', 'Featured', 'Experience', 'Education', 'Licenses &amp; certifications']) {
      expect(html).toMatch(new RegExp(`<h2 [^>]*><span aria-hidden="true">${section}</span>`));
    }
    const buttons = [...html.matchAll(/<a [^>]*aria-label="Show credential for ([^"]*)"[^>]*href="([^"]*)"/g)];
    expect(buttons.map((m) => m[1])).toEqual(CREDS.map((c) => escapeHtml(`Show credential for ${c.title}`).slice('Show credential for '.length)));
    for (const [k, m] of buttons.entries()) {
      const href = m[2]!.replace(/&amp;/g, '&');
      expect(href).toMatch(/^https:\/\/www\.linkedin\.com\/redir\/redirect\?url=[^&]+&urlhash=[A-Za-z]{4}&trk=/);
      expect(unwrapRedirect(href)).toBe(hrefOf(CREDS[k]!.url));
    }
    expect(html.match(/>Show credential</g)?.length).toBe(CREDS.length);
    expect(html).toContain('Issued Jun 2024 · Expires Jun 2026');
    expect(html).toMatch(/Credential ID [a-z0-9]{10}/);
  });

  it('uses only hashed class names and no section ids in the newer layout; seeds change them', () => {
    const a = renderProfile(DEMO_PERSON, CREDS);
    const b = renderProfile(DEMO_PERSON, CREDS, { classSeed: 'other' });
    const classes = (html: string) => new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
    for (const cls of classes(a)) expect(cls).toMatch(/^[A-Za-z]{26,40}$/);
    expect(a).not.toMatch(/id="(?:licenses_and_certifications|experience|education)"/);
    expect([...classes(a)].filter((c) => classes(b).has(c))).toEqual([]);
    expect(a).not.toBe(b);
  });

  it('loads the certifications lazily: a skeleton and a template, inserted by a small script', () => {
    const html = renderProfile(DEMO_PERSON, CREDS, { lazyDelayMs: 500 });
    const outside = html.replace(/<template[\s\S]*?<\/template>/g, '');
    expect(outside).not.toContain('Show credential');
    expect(outside).toContain('aria-busy="true"');
    const template = /<template id="(ember\d+)">([\s\S]*?)<\/template>/.exec(html);
    expect(template?.[2]).toContain('Licenses &amp; certifications');
    expect(html).toContain(`document.getElementById(${JSON.stringify(template![1])})`);
    expect(html).toContain('window.setTimeout(load, 500)');
    expect(html).toContain("addEventListener('scroll', load");
    expect(renderProfile(DEMO_PERSON, CREDS, { lazyDelayMs: -1 })).not.toContain('setTimeout');
  });

  it('renders the classic layout with id anchors and pvs- classes, statically', () => {
    const html = renderProfileClassic(DEMO_PERSON, CREDS);
    expect(html).toContain('<div id="licenses_and_certifications" class="pv-profile-card__anchor');
    expect(html).toContain('id="experience"');
    expect(html).toMatch(/class="artdeco-list__item pvs-list__paged-list-item \w+"/);
    expect(html).not.toContain('<template');
    expect(html.match(/>Show credential</g)?.length).toBe(CREDS.length);
  });

  it('can link directly instead of through the wrapper', () => {
    const html = renderProfile(DEMO_PERSON, CREDS, { lazy: false, wrapLinks: false });
    expect(html).not.toContain('/redir/redirect');
    expect(html).toContain(`href="${escapeHtml(hrefOf(CREDS[0]!.url))}"`);
  });

  it('wraps like LinkedIn: dots encoded, round trip through unwrapRedirect', () => {
    const w = linkedinRedirect('https://www.credly.com/badges/abc');
    expect(w).toMatch(/^https:\/\/www\.linkedin\.com\/redir\/redirect\?url=https%3A%2F%2Fwww%2Ecredly%2Ecom%2Fbadges%2Fabc&urlhash=[A-Za-z]{4}&trk=/);
    expect(unwrapRedirect(w)).toBe('https://www.credly.com/badges/abc');
  });
});

describe('learner page and start page', () => {
  it('offers share links, badge downloads and the employer-view call to action', () => {
    const html = renderLearnerPage(DEMO_PERSON, CREDS);
    for (const c of CREDS) expect(html).toContain(`value="${escapeHtml(c.url)}"`);
    expect(html).toContain(`href="${escapeHtml(CREDS[3]!.imageUrl!)}" download`);
    expect(html.match(/ download>/g)?.length).toBe(1);
    expect(html).toContain('How does my badge look to an employer?');
    expect(html).toContain('Learner preview');
    const add = new URL(addToProfileUrl(CREDS[2]!));
    expect(add.searchParams.get('certUrl')).toBe(CREDS[2]!.url);
    expect(add.searchParams.get('expirationYear')).toBe('2026');
  });

  it('lists the pages, the issuer and every credential with its expected verdict', () => {
    const html = renderIndex(ORIGIN, CREDS);
    for (const path of Object.values(demoPagePaths())) expect(html).toContain(`href="${path}"`);
    expect(html).toContain(`${ORIGIN}/.well-known/did.json`);
    for (const c of CREDS) expect(html).toMatch(new RegExp(`${escapeHtml(c.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?>${c.expect}</span>`));
    expect(html).toContain(escapeHtml('<b>tampered</b>'));
  });
});

/* ------------------------------------------------------------------------------------------ */

/** Parses a classic xref table and checks every offset lands on its "n 0 obj". */
function checkXref(pdf: Uint8Array): number {
  const s = new TextDecoder('windows-1252').decode(pdf);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(s)?.[1]);
  expect(s.startsWith('xref', startxref)).toBe(true);
  const m = /^xref\n0 (\d+)\n/.exec(s.slice(startxref))!;
  const count = Number(m[1]);
  const table = s.slice(startxref + m[0].length, startxref + m[0].length + count * 20);
  for (let k = 0; k < count; k++) {
    const row = table.slice(k * 20, k * 20 + 20);
    expect(row).toMatch(/^\d{10} \d{5} [fn] \n$/);
    if (row[17] === 'n') expect(s.startsWith(`${k} 0 obj\n`, Number(row.slice(0, 10))), `object ${k}`).toBe(true);
  }
  expect(s).toMatch(new RegExp(`trailer\\n<< /Size ${count} /Root 1 0 R`));
  return count;
}

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('PDF CV', () => {
  const pdf = makeCvPdf(DEMO_PERSON, CREDS);
  const text = new TextDecoder('windows-1252').decode(pdf);

  it('is a PDF 1.7 with correct xref offsets, compressed content streams and one URI link per credential', () => {
    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    checkXref(pdf);
    // Each content stream is FlateDecode and inflates to text operators.
    const streams = [...text.matchAll(/<< \/Length (\d+) \/Filter \/FlateDecode >>\nstream\n/g)];
    expect(streams.length).toBeGreaterThanOrEqual(1);
    for (const m of streams) {
      const start = m.index! + m[0].length;
      const content = new TextDecoder('latin1').decode(unzlibSync(pdf.subarray(start, start + Number(m[1]))));
      expect(content).toMatch(/BT \/F[12] [\d.]+ Tf .* Tj ET/);
      expect(text.startsWith('\nendstream', start + Number(m[1]))).toBe(true);
    }
    const uris = [...text.matchAll(/\/Subtype \/Link \/Rect \[[\d. -]+\] [^>]*\/A << \/Type \/Action \/S \/URI \/URI \(([^)]*)\)/g)].map((m) => m[1]);
    for (const c of CREDS) expect(uris).toContain(hrefOf(c.url).replace(/[()\\]/g, (ch) => '\\' + ch));
  });

  it('round-trips through extractLinks to exactly the credential URLs', () => {
    const r = extractLinks(pdf);
    expect(r.kind).toBe('pdf');
    expect(r.links.map((l) => l.url).filter(isCredentialLink)).toEqual(CREDS.map((c) => hrefOf(c.url)));
    expect(r.links.map((l) => l.url).filter((u) => !isCredentialLink(u))).toEqual(['https://www.linkedin.com/in/amelie-novakova-schmidt']);
  });

  it('encodes text as WinAnsi with PDF escapes, transliterating what WinAnsi lacks', () => {
    expect(pdfString(winAnsi('a(b)c\\d'))).toBe('(a\\(b\\)c\\\\d)');
    expect(pdfString(winAnsi('Amélie – Łódź'))).toBe('(Am\\351lie \\226 L\\363dz)');
    expect(winAnsi('🎓認')).toEqual([0x3f, 0x3f]);
    expect(winAnsi('’€Š')).toEqual([0x92, 0x80, 0x8a]);
  });

  it('spills onto a second page when the list is long, with links on both', () => {
    const many = Array.from({ length: 14 }, (_, k) => ({ ...CREDS[0]!, slug: `c${k}`, title: `Credential number ${k}`, url: `${ORIGIN}/credentials/c${k}` }));
    const big = makeCvPdf(DEMO_PERSON, many);
    const s = new TextDecoder('windows-1252').decode(big);
    expect(s).toMatch(/\/Type \/Pages \/Kids \[\d+ 0 R \d+ 0 R\] \/Count 2/);
    checkXref(big);
    expect(extractLinks(big).links.map((l) => l.url).filter(isCredentialLink)).toEqual(many.map((c) => c.url));
  });

  it.skipIf(!hasPoppler)('opens in poppler (pdftotext) with the CV text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlens-pdf-'));
    writeFileSync(join(dir, 'cv.pdf'), pdf);
    const out = execFileSync('pdftotext', ['-layout', join(dir, 'cv.pdf'), '-'], { encoding: 'utf8' });
    expect(out).toContain(DEMO_PERSON.name);
    expect(out).toContain('Data Literacy Micro-credential');
    expect(out).toContain('<img src=x onerror=alert(1)>'); // text in a PDF is just text
    expect(out).toContain('Lódz ? ??'); // Ł → L, ź → z, an emoji and two CJK characters → ?
  });
});

describe('DOCX CV', () => {
  const docx = makeCvDocx(DEMO_PERSON, CREDS);
  const files = unzipSync(docx);
  const part = (name: string) => strFromU8(files[name]!);

  it('has the package parts, external hyperlink relationships and escaped text', () => {
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml']) {
      expect(files[name], name).toBeDefined();
    }
    expect(part('[Content_Types].xml')).toContain('PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"');
    expect(part('_rels/.rels')).toContain('relationships/officeDocument" Target="word/document.xml"');
    const rels = part('word/_rels/document.xml.rels');
    const doc = part('word/document.xml');
    for (const c of CREDS) {
      const target = hrefOf(c.url).replace(/&/g, '&amp;').replace(/'/g, '&apos;');
      const m = new RegExp(`<Relationship Id="(rId\\d+)" Type="[^"]+/hyperlink" Target="${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" TargetMode="External"/>`).exec(rels);
      expect(m, c.url).not.toBeNull();
      expect(doc).toContain(`<w:hyperlink r:id="${m![1]}"`);
    }
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(doc).not.toContain(HOSTILE_TITLE);
    // well-formed enough: every element opened is closed
    const opens = (doc.match(/<w:(p|r|t|hyperlink|body|document)[ >]/g) ?? []).length;
    const closes = (doc.match(/<\/w:(p|r|t|hyperlink|body|document)>/g) ?? []).length;
    expect(opens).toBe(closes);
  });

  it('round-trips through extractLinks to exactly the credential URLs, with the titles as text', () => {
    const r = extractLinks(docx);
    expect(r.kind).toBe('docx');
    const found = r.links.filter((l) => isCredentialLink(l.url));
    expect(found.map((l) => l.url)).toEqual(CREDS.map((c) => hrefOf(c.url)));
    expect(found.map((l) => l.text)).toEqual(CREDS.map((c) => c.title));
  });

  it('is reproducible', () => {
    expect(makeCvDocx(DEMO_PERSON, CREDS)).toEqual(docx);
    expect(makeCvPdf(DEMO_PERSON, CREDS)).toEqual(makeCvPdf(DEMO_PERSON, CREDS));
  });
});
