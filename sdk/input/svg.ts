/**
 * Baked SVG badges, read with a small bounded scanner (no DOM: the SDK runs in service workers).
 * - OB 3.0: `<p:credential>` where p is bound to `https://purl.imsglobal.org/ob/v3p0`; a JWT goes in
 *   the `verify` attribute, a JSON credential in the element content (CDATA).
 * - OB 2.0: `<p:assertion>` where p is bound to `http://openbadges.org`; `verify` holds a JWS or the
 *   hosted assertion URL, the content (if any) the assertion JSON (Open Badges Baking Specification:
 *   "If the tag has no body, the verify attribute will contain the signature. If there is a body, it
 *   will be the JSON representation of a badge assertion.").
 * The prefix is whatever the document declares; the namespace URI is what counts.
 */
import { CredLensError } from '../errors.js';
import { decodeEntities, readStartTag, skipPast, trimXmlSpace } from './markup.js';
import type { BakedPayload } from './types.js';

/** Namespace of the OB 3.0 `credential` element. */
export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
/** Namespace of the OB 2.0 `assertion` element. */
export const OB2_SVG_NAMESPACE = 'http://openbadges.org';
/** Largest SVG accepted, in UTF-16 code units. */
export const MAX_SVG_CHARS = 50 * 1024 * 1024;

const MAX_DEPTH = 1000;

interface Open {
  name: string;
  ns: Map<string, string>;
}
interface Found {
  kind: 'ob3' | 'ob2';
  content: string;
  verify: string;
  element: string;
}

const bad = (msg: string) => new CredLensError('bad-svg', msg);

/** True when `text` looks like an SVG document (an `<svg` root after any prolog). */
export function looksLikeSvg(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let guard = 0; guard < 64; guard++) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) i = skipPast(text, i, '?>');
    else if (text.startsWith('<!--', i)) i = skipPast(text, i, '-->');
    else if (text.startsWith('<!', i)) i = skipDeclaration(text, i);
    else return /^<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]/.test(text.slice(i, i + 64));
    if (i < 0) return false;
  }
  return false;
}

/**
 * Extracts the baked credential from SVG markup. Throws `bad-svg` for markup that is not
 * well-formed where it matters, `too-large`, or `no-credential` when no badge element is present.
 * OB 3.0 wins when both an OB 3.0 and an OB 2.0 element are present.
 */
export function extractFromSvg(text: string): BakedPayload {
  if (text.length > MAX_SVG_CHARS) throw new CredLensError('too-large', 'The SVG is larger than 50 MB.');
  const stack: Open[] = [];
  const found: Found[] = [];
  let root = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) i = must(skipPast(text, lt + 4, '-->'), 'a comment is not closed');
    else if (text.startsWith('<![CDATA[', lt)) i = must(skipPast(text, lt + 9, ']]>'), 'a CDATA section is not closed');
    else if (text.startsWith('<?', lt)) i = must(skipPast(text, lt + 2, '?>'), 'a processing instruction is not closed');
    else if (text.startsWith('<!', lt)) i = must(skipDeclaration(text, lt), 'a declaration is not closed');
    else if (text.startsWith('</', lt)) {
      const gt = text.indexOf('>', lt);
      if (gt < 0) throw bad('The SVG is truncated inside an end tag.');
      const name = trimXmlSpace(text.slice(lt + 2, gt));
      const top = stack.pop();
      if (!top || top.name !== name) throw bad(`The SVG is not well-formed: </${name.slice(0, 40)}> does not close the open element.`);
      i = gt + 1;
    } else {
      const tag = readStartTag(text, lt, 'xml');
      if (!tag) throw bad(`The SVG has a malformed tag at offset ${lt}.`);
      const ns = declarations(tag.attrs);
      const colon = tag.name.indexOf(':');
      const prefix = colon < 0 ? '' : tag.name.slice(0, colon);
      const local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
      if (!root) {
        if (local !== 'svg') throw bad(`This is not an SVG document: the root element is <${tag.name.slice(0, 40)}>.`);
        root = true;
      }
      const uri = lookup(prefix, ns, stack);
      if (uri === undefined && prefix !== '' && (local === 'credential' || local === 'assertion')) {
        throw bad(`The SVG uses <${tag.name}> without declaring the "${prefix}" namespace prefix, so it is not an Open Badges element.`);
      }
      const kind = uri === OB3_SVG_NAMESPACE && local === 'credential' ? 'ob3' : uri === OB2_SVG_NAMESPACE && local === 'assertion' ? 'ob2' : undefined;
      if (kind) {
        const verify = decodeEntities(tag.attrs.get('verify') ?? '', 'xml');
        if (verify === undefined) throw bad(`The verify attribute of <${tag.name}> uses an unknown entity.`);
        if (tag.selfClosing) {
          found.push({ kind, content: '', verify, element: tag.name });
          i = tag.end;
        } else {
          const body = readContent(text, tag.end, tag.name);
          found.push({ kind, content: body.content, verify, element: tag.name });
          i = body.end;
        }
        continue;
      }
      if (!tag.selfClosing) {
        if (stack.length >= MAX_DEPTH) throw bad(`The SVG nests elements deeper than ${MAX_DEPTH} levels.`);
        stack.push({ name: tag.name, ns });
      }
      i = tag.end;
    }
  }
  if (!root) throw bad('This is not an SVG document: it has no <svg> root element.');
  if (stack.length > 0) throw bad(`The SVG is truncated: <${stack[stack.length - 1]!.name.slice(0, 40)}> is never closed.`);
  return choose(found);
}

function must(n: number, what: string): number {
  if (n < 0) throw bad(`The SVG is truncated: ${what}.`);
  return n;
}

/** Skips `<!DOCTYPE ...>` (with an internal subset) or another `<!...>` declaration; -1 if unclosed. */
function skipDeclaration(text: string, lt: number): number {
  let quote = '';
  let subset = false;
  for (let j = lt + 2; j < text.length; j++) {
    const c = text[j]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') subset = true;
    else if (c === ']') subset = false;
    else if (c === '>' && !subset) return j + 1;
  }
  return -1;
}

function declarations(attrs: Map<string, string>): Map<string, string> {
  const ns = new Map<string, string>();
  for (const [k, v] of attrs) {
    if (k === 'xmlns') ns.set('', decodeEntities(v, 'xml') ?? v);
    else if (k.startsWith('xmlns:')) ns.set(k.slice(6), decodeEntities(v, 'xml') ?? v);
  }
  return ns;
}

function lookup(prefix: string, own: Map<string, string>, stack: Open[]): string | undefined {
  if (own.has(prefix)) return own.get(prefix);
  for (let d = stack.length - 1; d >= 0; d--) if (stack[d]!.ns.has(prefix)) return stack[d]!.ns.get(prefix);
  return undefined;
}

/** Reads a badge element's content up to its end tag: CDATA verbatim, text with entities decoded. */
function readContent(text: string, from: number, name: string): { content: string; end: number } {
  let content = '';
  let i = from;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) throw bad(`The SVG is truncated: <${name}> is never closed.`);
    const segment = decodeEntities(text.slice(i, lt), 'xml');
    if (segment === undefined) throw bad(`The content of <${name}> uses an unknown entity.`);
    content += segment;
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close < 0) throw bad(`The SVG is truncated: a CDATA section in <${name}> is not closed.`);
      content += text.slice(lt + 9, close);
      i = close + 3;
    } else if (text.startsWith('<!--', lt)) {
      i = must(skipPast(text, lt + 4, '-->'), 'a comment is not closed');
    } else if (text.startsWith(`</${name}`, lt)) {
      const gt = text.indexOf('>', lt);
      if (gt < 0 || trimXmlSpace(text.slice(lt + 2, gt)) !== name) throw bad(`The SVG has a malformed end tag for <${name}>.`);
      return { content, end: gt + 1 };
    } else if (text.startsWith('</', lt)) {
      throw bad(`The SVG is not well-formed: <${name}> is closed by a different end tag.`);
    } else {
      throw bad(`<${name}> contains markup; it must hold only the credential text.`);
    }
  }
}

function choose(found: Found[]): BakedPayload {
  if (found.length === 0) {
    throw new CredLensError('no-credential', 'The SVG has no Open Badges element (OB 3.0 <credential> or OB 2.0 <assertion> in their namespaces): it is a plain image, not a baked badge.');
  }
  const kinds = found.map((f) => f.kind);
  for (const k of ['ob3', 'ob2'] as const) {
    if (kinds.indexOf(k) !== kinds.lastIndexOf(k)) {
      throw new CredLensError('bad-svg', `The SVG has more than one ${k === 'ob3' ? 'OB 3.0 credential' : 'OB 2.0 assertion'} element; the baking specification allows one, so it is ambiguous which credential it carries.`);
    }
  }
  const best = found.find((f) => f.kind === 'ob3') ?? found[0]!;
  const content = trimXmlSpace(best.content);
  const verify = trimXmlSpace(best.verify);
  if (content) return { kind: best.kind, text: content, container: 'svg-content', ...(verify ? { verify } : {}) };
  if (verify) return { kind: best.kind, text: verify, container: 'svg-verify' };
  throw new CredLensError('no-credential', `The SVG's <${best.element}> element is empty: it has neither content nor a verify attribute.`);
}
