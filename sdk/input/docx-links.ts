/**
 * Links in a Word document (.docx, Office Open XML): `w:hyperlink` elements whose `r:id` names an
 * external relationship (the usual form), `HYPERLINK "..."` field codes (older Word, some
 * converters), and http(s) URLs written in the text. The main document part is found through
 * `_rels/.rels`; its headers, footers, footnotes and endnotes are read too. A single bounded pass
 * over each part, no DOM.
 */
import { CredLensError } from '../errors.js';
import type { LinkCollector } from './links.js';
import { decodeEntities, readStartTag, type StartTag } from './markup.js';
import { ZipReader, type ZipLimits } from './zip.js';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_EXTRA_PARTS = /\/(?:header|footer|footnotes|endnotes)$/;
const REL_HYPERLINK = /\/hyperlink$/;
/** Most extra parts (headers, footers, ...) read. */
const MAX_EXTRA_PARTS = 24;

/** One relationship from a `.rels` part. */
interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/**
 * Adds the links of a .docx to `links`, in document order (main part, then headers, footers,
 * footnotes, endnotes). Throws `bad-input` when the archive is not a Word document.
 */
export function scanDocx(bytes: Uint8Array, links: LinkCollector, limits: ZipLimits, maxTextChars: number): void {
  const zip = new ZipReader(bytes, limits);
  const root = readRels(zip, '_rels/.rels');
  let main = [...root.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type) && !r.external)?.target.replace(/^\//, '');
  if (main === undefined && zip.has('word/document.xml')) main = 'word/document.xml';
  if (main === undefined || !zip.has(main)) throw new CredLensError('bad-input', 'The archive is not a Word document (no main document part).');
  const parts = [main];
  const mainRels = readRels(zip, relsPathOf(main));
  for (const r of mainRels.values()) {
    if (REL_EXTRA_PARTS.test(r.type) && !r.external && parts.length <= MAX_EXTRA_PARTS) parts.push(resolvePart(main, r.target));
  }
  let budget = maxTextChars;
  for (const part of parts) {
    if (links.full || budget <= 0) break;
    const xml = zip.read(part);
    if (!xml) continue;
    const rels = part === main ? mainRels : readRels(zip, relsPathOf(part));
    budget -= scanPart(decode(xml), rels, links, budget);
  }
}

/** `word/document.xml` → `word/_rels/document.xml.rels`. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target relative to the part that names it (`header1.xml` from `word/document.xml`). */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * The start tag at `lt`, read within its own bounds: its end is found first by one quote-aware
 * scan, so a malformed tag costs its own length once (never a rescan of the rest of the part).
 * Returns the tag (or undefined when malformed) and the index after its `>` (-1: the part ended).
 */
function readTag(src: string, lt: number): { tag: StartTag | undefined; next: number } {
  let quote = '';
  for (let i = lt + 1; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') {
      const tag = readStartTag(src.slice(lt, i + 1), 0, 'xml');
      return { tag: tag && { ...tag, end: lt + tag.end }, next: i + 1 };
    }
  }
  return { tag: undefined, next: -1 };
}

function readRels(zip: ZipReader, path: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const raw = zip.read(path);
  if (!raw) return out;
  const src = decode(raw);
  for (let lt = src.indexOf('<'); lt >= 0; lt = src.indexOf('<', lt + 1)) {
    if (!/[A-Za-z]/.test(src[lt + 1] ?? '')) continue;
    const { tag, next } = readTag(src, lt);
    if (next < 0) break;
    if (!tag) {
      lt = next - 1;
      continue;
    }
    if (localName(tag.name) === 'Relationship') {
      const id = attr(tag.attrs, 'Id');
      const target = attr(tag.attrs, 'Target');
      if (id !== undefined && target !== undefined && !out.has(id)) {
        out.set(id, { type: attr(tag.attrs, 'Type') ?? '', target, external: (attr(tag.attrs, 'TargetMode') ?? '') === 'External' });
      }
    }
    lt = tag.end - 1;
  }
  return out;
}

/**
 * One WordprocessingML part: hyperlinks (relationship targets and field codes) in order, then at
 * each paragraph's end the URLs written in its text. Returns the characters of text read.
 */
function scanPart(src: string, rels: Map<string, Relationship>, links: LinkCollector, maxText: number): number {
  let para = '';
  let textRead = 0;
  let link: { url: string; text: string } | undefined;
  let instr: string | undefined; // field instruction being collected (between fldChar begin and separate)
  let fieldLink: { url: string; text: string } | undefined; // a HYPERLINK field's result text
  const flushLink = (l: { url: string; text: string } | undefined) => {
    if (l) links.add(l.url, l.text);
  };
  for (let lt = src.indexOf('<'); lt >= 0 && !links.full; ) {
    const c = src[lt + 1];
    if (c === '/') {
      const gt = src.indexOf('>', lt);
      if (gt < 0) break;
      const name = localName(src.slice(lt + 2, gt).trim());
      if (name === 'hyperlink') {
        flushLink(link);
        link = undefined;
      } else if (name === 'p') {
        if (textRead < maxText) links.addFromText(para);
        textRead += para.length;
        para = '';
      }
      lt = src.indexOf('<', gt);
      continue;
    }
    if (c === '!' || c === '?') {
      const end = src.startsWith('<!--', lt) ? src.indexOf('-->', lt) : src.indexOf('>', lt);
      if (end < 0) break;
      lt = src.indexOf('<', end);
      continue;
    }
    const { tag, next: after } = readTag(src, lt);
    if (after < 0) break;
    if (!tag) {
      lt = src.indexOf('<', after);
      continue;
    }
    const name = localName(tag.name);
    let next = tag.end;
    if ((name === 't' || name === 'instrText' || name === 'delText') && !tag.selfClosing) {
      const close = src.indexOf('</', tag.end);
      if (close < 0) break;
      const text = decodeEntities(src.slice(tag.end, close), 'xml') ?? src.slice(tag.end, close);
      if (name === 't') {
        para += text;
        if (link) link.text += text;
        if (fieldLink) fieldLink.text += text;
      } else if (name === 'instrText' && instr !== undefined) {
        instr += text;
      }
      next = close;
    } else if (name === 'tab') {
      para += '\t';
    } else if (name === 'br' || name === 'cr') {
      para += '\n';
    } else if (name === 'hyperlink') {
      flushLink(link);
      link = undefined;
      const rel = rels.get(relId(tag.attrs) ?? '');
      if (rel && rel.external && REL_HYPERLINK.test(rel.type)) link = { url: rel.target, text: '' };
      if (tag.selfClosing && link) {
        flushLink(link);
        link = undefined;
      }
    } else if (name === 'fldSimple') {
      const url = hyperlinkField(decodeEntities(attr(tag.attrs, 'instr') ?? '', 'xml') ?? '');
      if (url) links.add(url);
    } else if (name === 'fldChar') {
      const type = attr(tag.attrs, 'fldCharType');
      if (type === 'begin') {
        flushLink(fieldLink);
        fieldLink = undefined;
        instr = '';
      } else if (type === 'separate' && instr !== undefined) {
        const url = hyperlinkField(instr);
        if (url) fieldLink = { url, text: '' };
        instr = undefined;
      } else if (type === 'end') {
        if (instr !== undefined) {
          const url = hyperlinkField(instr); // a field without a result part
          if (url) links.add(url);
        }
        flushLink(fieldLink);
        fieldLink = undefined;
        instr = undefined;
      }
    }
    if (para.length > 1_000_000) {
      // a runaway paragraph: search what there is and start again
      links.addFromText(para);
      textRead += para.length;
      para = '';
    }
    lt = src.indexOf('<', next);
  }
  flushLink(link);
  flushLink(fieldLink);
  if (para !== '' && textRead < maxText) links.addFromText(para);
  return textRead + para.length;
}

/** The URL of a `HYPERLINK "url"` field instruction (switches such as \o "tooltip" ignored; \l anchors are internal). */
function hyperlinkField(instr: string): string | undefined {
  const m = /^\s*HYPERLINK\s+(.*)$/is.exec(instr);
  if (!m) return undefined;
  let rest = m[1]!;
  let url: string | undefined;
  while (rest.length > 0) {
    rest = rest.trimStart();
    const sw = /^\\([a-z])\s*/i.exec(rest);
    if (sw) {
      if (sw[1]!.toLowerCase() === 'l') return undefined; // a bookmark in this document
      rest = rest.slice(sw[0].length);
      const q = /^"[^"]*"|^\S+/.exec(rest);
      if (sw[1]!.toLowerCase() !== 'm' && sw[1]!.toLowerCase() !== 'n' && q) rest = rest.slice(q[0].length);
      continue;
    }
    const q = /^"([^"]*)"|^(\S+)/.exec(rest);
    if (!q) break;
    if (url === undefined) url = (q[1] ?? q[2] ?? '').trim();
    rest = rest.slice(q[0].length);
  }
  return url || undefined;
}

function localName(qname: string): string {
  const k = qname.indexOf(':');
  return k < 0 ? qname : qname.slice(k + 1);
}

/** An attribute by local name, whatever its prefix (`w:fldCharType`, `Target`). */
function attr(attrs: Map<string, string>, local: string): string | undefined {
  const direct = attrs.get(local);
  if (direct !== undefined) return decodeEntities(direct, 'xml') ?? direct;
  for (const [k, v] of attrs) if (localName(k) === local) return decodeEntities(v, 'xml') ?? v;
  return undefined;
}

/** The relationship id of a hyperlink: `r:id` (any prefix but the WordprocessingML one). */
function relId(attrs: Map<string, string>): string | undefined {
  const r = attrs.get('r:id');
  if (r !== undefined) return r;
  for (const [k, v] of attrs) if (localName(k) === 'id' && !k.startsWith('w:')) return v;
  return undefined;
}

function decode(b: Uint8Array): string {
  // Parts are UTF-8 (or UTF-16 with a BOM, which Word never writes); replacement characters are harmless here.
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  return new TextDecoder().decode(b);
}
