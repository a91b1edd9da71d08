/**
 * The CV as a real PDF 1.7, written by hand (no library): A4 pages, the standard Helvetica and
 * Helvetica-Bold fonts with WinAnsiEncoding (characters outside it transliterated), a
 * FlateDecode-compressed content stream per page, and for each credential a link annotation
 * (`/Annot /Subtype /Link` with a `/URI` action) whose /Rect covers its title, plus one over the
 * printed address. Text is laid out with the fonts' real metrics so rectangles sit on the text.
 * Cross-reference offsets are computed from the bytes written.
 */
import { zlibSync } from 'fflate';
import { DEMO_PERSON, type DemoCredential } from '../types.js';
import { cvModel, period, type CvOptions } from './cv-content.js';
import { hash32, type DemoPerson } from './html.js';
import { concatBytes } from '../../sdk/util/bytes.js';

/** Options for the PDF CV. */
export interface CvPdfOptions extends CvOptions {
  /** The document's creation date (default 2025-03-01T12:00:00Z, so output is reproducible). */
  date?: Date;
}

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 56;
const TOP = PAGE_H - 54;
const BOTTOM = 56;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;

type Font = 'R' | 'B';
type Rgb = readonly [number, number, number];

const INK: Rgb = [0.11, 0.15, 0.2];
const MUTED: Rgb = [0.36, 0.42, 0.48];
const LIGHT: Rgb = [0.48, 0.53, 0.58];
const ACCENT: Rgb = [0.04, 0.31, 0.54];
const RULE: Rgb = [0.8, 0.84, 0.88];

/** Builds the PDF CV. */
export function makeCvPdf(person: DemoPerson = DEMO_PERSON, credentials: DemoCredential[] = [], opts: CvPdfOptions = {}): Uint8Array {
  const m = cvModel(person, credentials, opts);
  const doc = new Layout();

  // Header band, name, headline, contact line: location · e-mail (mailto link) · profile (link)
  doc.fillRect(0, PAGE_H - 14, PAGE_W, 14, ACCENT);
  doc.text(person.name, MARGIN_X, doc.y, 'B', 22, [0.04, 0.15, 0.25]);
  doc.y -= 20;
  doc.text(person.headline, MARGIN_X, doc.y, 'R', 11.5, MUTED);
  doc.y -= 17;
  let x = MARGIN_X;
  const cy = doc.y;
  const sep = () => {
    x += doc.text('   ·   ', x, cy, 'R', 9.5, LIGHT);
  };
  x += doc.text(person.location, x, cy, 'R', 9.5, MUTED);
  sep();
  const mailW = doc.text(person.email, x, cy, 'R', 9.5, ACCENT);
  doc.link(x, cy, mailW, 9.5, `mailto:${person.email}`);
  x += mailW;
  if (m.profileUrl) {
    sep();
    const shown = m.profileUrl.replace(/^https?:\/\/(www\.)?/, '');
    const w = doc.text(shown, x, cy, 'R', 9.5, ACCENT);
    doc.link(x, cy, w, 9.5, m.profileUrl);
  }
  doc.y -= 4;

  doc.heading('Profile');
  doc.paragraph(m.summary, MARGIN_X, CONTENT_W, 'R', 9.8, INK);

  doc.heading('Experience');
  for (const j of m.jobs) {
    doc.ensure(48);
    doc.titleRow(j.role, period(j.from, j.to));
    doc.line(`${j.org} · ${j.place}`, MARGIN_X, 'R', 9.3, MUTED);
    for (const b of j.bullets) doc.bullet(b);
    doc.y -= 6;
  }

  doc.heading('Education');
  for (const s of m.schools) {
    doc.ensure(36);
    doc.titleRow(s.degree, `${s.from} – ${s.to}`);
    doc.line(`${s.school} · ${s.detail}`, MARGIN_X, 'R', 9.3, MUTED);
    doc.y -= 6;
  }

  doc.heading('Licenses & certifications');
  for (const c of m.certifications) {
    doc.ensure(44);
    // Title (linked), date on the right
    const size = 10.3;
    const dateW = width(c.issued, 'R', 9.3);
    const titleLines = wrap(c.title, 'B', size, CONTENT_W - dateW - 16);
    doc.y -= size * 1.3;
    doc.text(c.issued, PAGE_W - MARGIN_X - dateW, doc.y, 'R', 9.3, LIGHT);
    titleLines.forEach((t, k) => {
      if (k > 0) doc.y -= size * 1.25;
      const w = doc.text(t, MARGIN_X, doc.y, 'B', size, ACCENT);
      doc.link(MARGIN_X, doc.y, w, size, c.url);
    });
    doc.line(`${c.issuer} · ${c.dates}`, MARGIN_X, 'R', 9.3, MUTED);
    // The address, written out as people do for print, when it fits on one line
    if (width(c.url, 'R', 8) <= CONTENT_W) {
      doc.y -= 8 * 1.45;
      const w = doc.text(c.url, MARGIN_X, doc.y, 'R', 8, LIGHT);
      doc.link(MARGIN_X, doc.y, w, 8, c.url);
    }
    doc.y -= 8;
  }

  doc.heading('Skills');
  doc.paragraph(m.skills.join('  ·  '), MARGIN_X, CONTENT_W, 'R', 9.6, INK);
  doc.heading('Languages');
  doc.paragraph(m.languages.join('  ·  '), MARGIN_X, CONTENT_W, 'R', 9.6, INK);

  return serialize(doc, person, opts.date ?? new Date('2025-03-01T12:00:00Z'));
}

/* ------------------------------------------ layout ------------------------------------------ */

interface Page {
  ops: string[];
  annots: { rect: [number, number, number, number]; uri: string }[];
}

class Layout {
  readonly pages: Page[] = [];
  y = TOP;
  private page!: Page;

  constructor() {
    this.newPage();
  }

  newPage(): void {
    this.page = { ops: [], annots: [] };
    this.pages.push(this.page);
    this.y = TOP;
    if (this.pages.length > 1) this.fillRect(0, PAGE_H - 6, PAGE_W, 6, ACCENT); // a thin band on follow-on pages
  }

  /** Starts a new page unless `h` points still fit above the bottom margin. */
  ensure(h: number): void {
    if (this.y - h < BOTTOM) this.newPage();
  }

  /** Shows `s` with its baseline at (x, y); returns its width. */
  text(s: string, x: number, y: number, font: Font, size: number, color: Rgb): number {
    const codes = winAnsi(s);
    this.page.ops.push(`BT /${font === 'B' ? 'F2' : 'F1'} ${n(size)} Tf ${rgb(color)} rg 1 0 0 1 ${n(x)} ${n(y)} Tm ${pdfString(codes)} Tj ET`);
    return widthOf(codes, font) * size / 1000;
  }

  /** A link annotation over text of width `w` and size `size` at baseline (x, y). */
  link(x: number, y: number, w: number, size: number, uri: string): void {
    this.page.annots.push({ rect: [x - 1, y - size * 0.28, x + w + 1, y + size * 0.92], uri });
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    this.page.ops.push(`${rgb(color)} rg ${n(x)} ${n(y)} ${n(w)} ${n(h)} re f`);
  }

  rule(y: number): void {
    this.page.ops.push(`${rgb(RULE)} RG 0.8 w ${n(MARGIN_X)} ${n(y)} m ${n(PAGE_W - MARGIN_X)} ${n(y)} l S`);
  }

  heading(title: string): void {
    this.ensure(60);
    this.y -= 22;
    this.text(title.toUpperCase(), MARGIN_X, this.y, 'B', 10, ACCENT);
    this.rule(this.y - 5);
    this.y -= 12;
  }

  /** One line of text below the current position. */
  line(s: string, x: number, font: Font, size: number, color: Rgb): void {
    for (const t of wrap(s, font, size, PAGE_W - MARGIN_X - x)) {
      this.ensure(size * 1.4);
      this.y -= size * 1.4;
      this.text(t, x, this.y, font, size, color);
    }
  }

  paragraph(s: string, x: number, w: number, font: Font, size: number, color: Rgb): void {
    for (const t of wrap(s, font, size, w)) {
      this.ensure(size * 1.45);
      this.y -= size * 1.45;
      this.text(t, x, this.y, font, size, color);
    }
  }

  /** A bold title with a right-aligned date on the same baseline. */
  titleRow(title: string, right: string): void {
    const size = 10.5;
    const rw = width(right, 'R', 9.3);
    const lines = wrap(title, 'B', size, CONTENT_W - rw - 16);
    this.y -= size * 1.35;
    this.text(right, PAGE_W - MARGIN_X - rw, this.y, 'R', 9.3, LIGHT);
    lines.forEach((t, k) => {
      if (k > 0) this.y -= size * 1.25;
      this.text(t, MARGIN_X, this.y, 'B', size, INK);
    });
  }

  bullet(s: string): void {
    const size = 9.4;
    const indent = 12;
    wrap(s, 'R', size, CONTENT_W - indent).forEach((t, k) => {
      this.ensure(size * 1.42);
      this.y -= size * 1.42;
      if (k === 0) this.text('•', MARGIN_X + 2, this.y, 'R', size, MUTED);
      this.text(t, MARGIN_X + indent, this.y, 'R', size, INK);
    });
  }
}

/** Greedy word wrap by real glyph widths. */
function wrap(s: string, font: Font, size: number, maxW: number): string[] {
  const words = s.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const candidate = line === '' ? w : `${line} ${w}`;
    if (line !== '' && width(candidate, font, size) > maxW) {
      lines.push(line);
      line = w;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function width(s: string, font: Font, size: number): number {
  return (widthOf(winAnsi(s), font) * size) / 1000;
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();
const rgb = (c: Rgb) => c.map((v) => n(v)).join(' ');

/* --------------------------------------- fonts & text --------------------------------------- */

// Glyph widths (1/1000 em) of the standard Helvetica and Helvetica-Bold fonts for codes 32..126
// in WinAnsiEncoding (0x27 is quotesingle, 0x60 grave), from the fonts' published metrics.
const HELV = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELV_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
// Codes 0x80..0xBF (WinAnsi specials and Latin-1 symbols): [regular, bold]; missing codes use 556.
const HIGH: Record<number, [number, number]> = {
  0x80: [556, 556], 0x82: [222, 278], 0x83: [556, 556], 0x84: [333, 500], 0x85: [1000, 1000], 0x86: [556, 556], 0x87: [556, 556],
  0x88: [333, 333], 0x89: [1000, 1000], 0x8a: [667, 667], 0x8b: [333, 333], 0x8c: [1000, 1000], 0x8e: [611, 611], 0x91: [222, 278],
  0x92: [222, 278], 0x93: [333, 500], 0x94: [333, 500], 0x95: [350, 350], 0x96: [556, 556], 0x97: [1000, 1000], 0x98: [333, 333],
  0x99: [1000, 1000], 0x9a: [500, 556], 0x9b: [333, 333], 0x9c: [944, 944], 0x9e: [500, 500], 0x9f: [667, 667], 0xa0: [278, 278],
  0xa1: [333, 333], 0xa6: [260, 280], 0xa8: [333, 333], 0xa9: [737, 737], 0xaa: [370, 370], 0xac: [584, 584], 0xad: [333, 333],
  0xae: [737, 737], 0xaf: [333, 333], 0xb0: [400, 400], 0xb1: [584, 584], 0xb2: [333, 333], 0xb3: [333, 333], 0xb4: [333, 333],
  0xb5: [556, 611], 0xb6: [537, 556], 0xb7: [278, 278], 0xb8: [333, 333], 0xb9: [333, 333], 0xba: [365, 365], 0xbc: [834, 834],
  0xbd: [834, 834], 0xbe: [834, 834], 0xbf: [611, 611], 0xc6: [1000, 1000], 0xd0: [722, 722], 0xd7: [584, 584], 0xd8: [778, 778],
  0xde: [667, 667], 0xdf: [611, 611], 0xe6: [889, 889], 0xf0: [556, 611], 0xf7: [584, 584], 0xf8: [611, 611], 0xfe: [556, 611],
};

function widthOf(codes: number[], font: Font): number {
  const table = font === 'B' ? HELV_BOLD : HELV;
  let w = 0;
  for (const c of codes) {
    if (c >= 32 && c <= 126) w += table[c - 32]!;
    else if (HIGH[c]) w += HIGH[c]![font === 'B' ? 1 : 0];
    else if (c >= 0xc0) {
      // accented letters are as wide as their base letter
      const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
      w += base >= 32 && base <= 126 ? table[base - 32]! : 556;
    } else w += 556;
  }
  return w;
}

/** WinAnsiEncoding codes 0x80..0x9F by Unicode code point. */
const WIN_ANSI_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89,
  0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Stand-ins for common characters WinAnsi lacks. */
const TRANSLIT: Record<string, string> = {
  'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ħ': 'h', 'Ħ': 'H', 'ı': 'i', 'ŋ': 'n', 'ſ': 's', 'ə': 'e',
  '‐': '-', '‑': '-', '‒': '-', '−': '-', '―': '-', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2007': ' ',
  '→': '->', '←': '<-', '≤': '<=', '≥': '>=', '≠': '!=', '✓': 'v', '✔': 'v', '★': '*', '′': "'", '″': '"',
};

/** Text → WinAnsiEncoding codes: Latin-1 as is, the 0x80..0x9F specials, accents dropped where needed, else '?'. */
export function winAnsi(s: string): number[] {
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
    else if (WIN_ANSI_HIGH[cp] !== undefined) out.push(WIN_ANSI_HIGH[cp]!);
    else if (cp === 0x09 || cp === 0x0a || cp === 0x0d) out.push(0x20);
    else if (TRANSLIT[ch] !== undefined) for (const t of TRANSLIT[ch]!) out.push(t.charCodeAt(0));
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base !== ch && base.length > 0 && [...base].every((b) => b.codePointAt(0)! < 0x100)) for (const b of base) out.push(b.codePointAt(0)!);
      else if (cp >= 0x20) out.push(0x3f); // '?'
    }
  }
  return out;
}

/** A PDF literal string in plain ASCII: ( ) \ escaped, everything outside printable ASCII as octal. */
export function pdfString(codes: number[]): string {
  let s = '(';
  for (const c of codes) {
    if (c === 0x28 || c === 0x29 || c === 0x5c) s += '\\' + String.fromCharCode(c);
    else if (c < 0x20 || c > 0x7e) s += '\\' + c.toString(8).padStart(3, '0');
    else s += String.fromCharCode(c);
  }
  return s + ')';
}

/** A PDF text string (document info) as UTF-16BE hex with a byte-order mark. */
function utf16Hex(s: string): string {
  let h = '<FEFF';
  for (let i = 0; i < s.length; i++) h += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return h + '>';
}

/* ---------------------------------------- serialising ---------------------------------------- */

function serialize(doc: Layout, person: DemoPerson, date: Date): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const offsets: number[] = [];
  const write = (b: Uint8Array | string) => {
    const bytes = typeof b === 'string' ? enc.encode(b) : b;
    chunks.push(bytes);
    size += bytes.length;
  };
  const obj = (num: number, body: string | Uint8Array[]) => {
    offsets[num] = size;
    write(`${num} 0 obj\n`);
    if (typeof body === 'string') write(body);
    else for (const b of body) write(b);
    write('\nendobj\n');
  };

  // Object numbers: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then per page: page, content, annotations.
  let next = 6;
  const plan = doc.pages.map((p) => {
    const page = next++;
    const content = next++;
    const annots = p.annots.map(() => next++);
    return { p, page, content, annots };
  });

  write('%PDF-1.7\n');
  write(Uint8Array.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])); // binary marker comment
  obj(1, `<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) /ViewerPreferences << /DisplayDocTitle true >> >>`);
  obj(2, `<< /Type /Pages /Kids [${plan.map((x) => `${x.page} 0 R`).join(' ')}] /Count ${plan.length} >>`);
  obj(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  obj(4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const d = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  obj(
    5,
    `<< /Title ${utf16Hex(`${person.name} – CV`)} /Author ${utf16Hex(person.name)} /Subject (Curriculum vitae) /Creator (CredLens demo CV generator) /Producer (CredLens demo) /CreationDate (D:${d}Z) /ModDate (D:${d}Z) >>`,
  );
  for (const { p, page, content, annots } of plan) {
    const annotRefs = annots.length > 0 ? ` /Annots [${annots.map((a) => `${a} 0 R`).join(' ')}]` : '';
    obj(
      page,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n(PAGE_W)} ${n(PAGE_H)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /ProcSet [/PDF /Text] >> /Contents ${content} 0 R${annotRefs} >>`,
    );
    const data = zlibSync(enc.encode(p.ops.join('\n') + '\n'), { level: 9 });
    obj(content, [enc.encode(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, enc.encode('\nendstream')]);
    p.annots.forEach((a, k) => {
      obj(
        annots[k]!,
        `<< /Type /Annot /Subtype /Link /Rect [${a.rect.map(n).join(' ')}] /Border [0 0 0] /H /I /F 4 /A << /Type /Action /S /URI /URI ${pdfString(uriCodes(a.uri))} >> >>`,
      );
    });
  }

  const xref = size;
  const count = next;
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let k = 1; k < count; k++) table += `${String(offsets[k]).padStart(10, '0')} 00000 n \n`;
  write(table);
  const id = idHex(chunks);
  write(`trailer\n<< /Size ${count} /Root 1 0 R /Info 5 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`);

  return concatBytes(chunks, size);
}

/** A URI as the 7-bit ASCII a /URI action holds (URL.href is already ASCII: punycode, percent-encoding). */
function uriCodes(uri: string): number[] {
  let href = uri;
  try {
    href = new URL(uri).href;
  } catch {
    // keep as given
  }
  return [...href].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f));
}

/** A file identifier from the content (16 bytes as hex), so equal input gives equal bytes. */
function idHex(chunks: Uint8Array[]): string {
  let h = '';
  let seed = 0;
  for (const c of chunks) for (let i = 0; i < c.length; i += 97) seed = (Math.imul(seed, 31) + c[i]!) >>> 0;
  for (let k = 0; k < 4; k++) h += hash32(`${seed}:${k}`).toString(16).toUpperCase().padStart(8, '0');
  return h;
}
