/**
 * The CV as a real Word document (.docx, Office Open XML, zipped with fflate): content types,
 * package and document relationships, a minimal style sheet, core and app properties, and a
 * `word/document.xml` whose certification titles are `<w:hyperlink r:id="rIdN">` runs pointing at
 * external relationships (`TargetMode="External"`), with the address also written out as text.
 */
import { strToU8, zipSync } from 'fflate';
import { DEMO_PERSON, type DemoCredential } from '../types.js';
import { cvModel, period, type CvOptions } from './cv-content.js';
import type { DemoPerson } from './html.js';

/** Options for the DOCX CV. */
export interface CvDocxOptions extends CvOptions {
  /** Creation date in the document properties and zip entries (default 2025-03-01T12:00:00Z). */
  date?: Date;
}

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** Right tab stop at the text edge: A4 (11906 twips) less two 2 cm margins (1134 twips each). */
const RIGHT_TAB = 11906 - 2 * 1134;

/** Builds the DOCX CV. */
export function makeCvDocx(person: DemoPerson = DEMO_PERSON, credentials: DemoCredential[] = [], opts: CvDocxOptions = {}): Uint8Array {
  const m = cvModel(person, credentials, opts);
  const date = opts.date ?? new Date('2025-03-01T12:00:00Z');
  const rels: { id: string; target: string }[] = [];
  const relFor = (url: string): string => {
    const existing = rels.find((r) => r.target === url);
    if (existing) return existing.id;
    const id = `rId${rels.length + 10}`;
    rels.push({ id, target: url });
    return id;
  };

  const body: string[] = [];
  body.push(para(run(person.name), { style: 'Title' }));
  body.push(para(run(person.headline), { style: 'Subtitle' }));
  const contact = [run(person.location), run('  ·  ', { color: '8A96A3' }), hyperlink(relFor(`mailto:${person.email}`), person.email)];
  if (m.profileUrl) contact.push(run('  ·  ', { color: '8A96A3' }), hyperlink(relFor(m.profileUrl), m.profileUrl.replace(/^https?:\/\/(www\.)?/, '')));
  body.push(para(contact.join(''), { spacingAfter: 120 }));

  body.push(para(run('Profile'), { style: 'Heading1' }));
  body.push(para(run(m.summary)));

  body.push(para(run('Experience'), { style: 'Heading1' }));
  for (const j of m.jobs) {
    body.push(para(run(j.role, { bold: true }) + tab() + run(period(j.from, j.to), { color: '627D98', size: 19 }), { tabs: true, keepNext: true, spacingBefore: 120 }));
    body.push(para(run(`${j.org} · ${j.place}`, { color: '52606D' }), { keepNext: true }));
    for (const b of j.bullets) body.push(para(run('•') + tab() + run(b), { bullet: true }));
  }

  body.push(para(run('Education'), { style: 'Heading1' }));
  for (const s of m.schools) {
    body.push(para(run(s.degree, { bold: true }) + tab() + run(`${s.from} – ${s.to}`, { color: '627D98', size: 19 }), { tabs: true, keepNext: true, spacingBefore: 120 }));
    body.push(para(run(`${s.school} · ${s.detail}`, { color: '52606D' })));
  }

  body.push(para(run('Licenses & certifications'), { style: 'Heading1' }));
  for (const c of m.certifications) {
    body.push(para(hyperlink(relFor(c.url), c.title, { bold: true }) + tab() + run(c.issued, { color: '627D98', size: 19 }), { tabs: true, keepNext: true, spacingBefore: 120 }));
    body.push(para(run(`${c.issuer} · ${c.dates}`, { color: '52606D' }), { keepNext: true }));
    body.push(para(run(c.url, { color: '7B8794', size: 16 })));
  }

  body.push(para(run('Skills'), { style: 'Heading1' }));
  body.push(para(run(m.skills.join('  ·  '))));
  body.push(para(run('Languages'), { style: 'Heading1' }));
  body.push(para(run(m.languages.join('  ·  '))));

  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;

  const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/hyperlink" Target="${xmlAttr(r.target)}" TargetMode="External"/>`)
    .join('')}</Relationships>`;

  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`),
    'docProps/core.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(`${person.name} – CV`)}</dc:title><dc:creator>${xmlText(person.name)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`),
    'docProps/app.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>CredLens demo CV generator</Application></Properties>`),
    'word/document.xml': strToU8(documentXml),
    'word/_rels/document.xml.rels': strToU8(documentRels),
    'word/styles.xml': strToU8(STYLES),
  };
  return zipSync(files, { level: 6, mtime: date });
}

/* ------------------------------------------ markup ------------------------------------------ */

interface RunStyle {
  bold?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
}

function run(text: string, s: RunStyle = {}, charStyle?: string): string {
  const props = [
    charStyle ? `<w:rStyle w:val="${charStyle}"/>` : '',
    s.bold ? '<w:b/>' : '',
    s.color ? `<w:color w:val="${s.color}"/>` : '',
    s.size ? `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/>` : '',
  ].join('');
  const t = xmlText(text);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t${space}>${t}</w:t></w:r>`;
}

function tab(): string {
  return '<w:r><w:tab/></w:r>';
}

function hyperlink(relId: string, text: string, s: RunStyle = {}): string {
  return `<w:hyperlink r:id="${relId}" w:history="1">${run(text, s, 'Hyperlink')}</w:hyperlink>`;
}

interface ParaOptions {
  style?: string;
  tabs?: boolean;
  bullet?: boolean;
  keepNext?: boolean;
  spacingBefore?: number;
  spacingAfter?: number;
}

function para(content: string, o: ParaOptions = {}): string {
  const props = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : '',
    o.keepNext ? '<w:keepNext/>' : '',
    o.tabs ? `<w:tabs><w:tab w:val="right" w:pos="${RIGHT_TAB}"/></w:tabs>` : '',
    o.bullet ? '<w:tabs><w:tab w:val="left" w:pos="284"/></w:tabs>' : '',
    o.spacingBefore !== undefined || o.spacingAfter !== undefined
      ? `<w:spacing${o.spacingBefore !== undefined ? ` w:before="${o.spacingBefore}"` : ''}${o.spacingAfter !== undefined ? ` w:after="${o.spacingAfter}"` : ''}/>`
      : '',
    o.bullet ? '<w:ind w:left="284" w:hanging="284"/>' : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${content}</w:p>`;
}

/** Drops characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF). */
function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

function xmlText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${NS_W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:color w:val="1F2933"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="40" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:b/><w:color w:val="0B2540"/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:color w:val="3E5368"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="D5DDE5"/></w:pBdr><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:caps/><w:color w:val="0B4F8A"/><w:spacing w:val="20"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0B4F8A"/><w:u w:val="single"/></w:rPr></w:style>
</w:styles>`;
