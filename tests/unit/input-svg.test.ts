import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompactJws } from '../../sdk/input/jwt.js';
import { extractFromSvg, looksLikeSvg } from '../../sdk/input/svg.js';
import { isObject, parseJson } from '../../sdk/util/json.js';
import { codeOf } from '../helpers/errors.js';

const CONFORMANCE = new URL('../../../shared/conformance/', import.meta.url);
const OB3 = 'https://purl.imsglobal.org/ob/v3p0';
const OB2 = 'http://openbadges.org';
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln';


const svg = (attrs: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n` +
  `<svg xmlns="http://www.w3.org/2000/svg" ${attrs} viewBox="0 0 10 10">\n${body}\n<circle cx="5" cy="5" r="4"/>\n</svg>\n`;

describe('extractFromSvg', () => {
  it('reads OB 3.0 JSON from CDATA, keeping the inner text exactly', () => {
    const json = '{\n  "@context": ["https://www.w3.org/ns/credentials/v2"],\n  "name": "A & B <ok> ]] Ã©"\n}';
    const r = extractFromSvg(svg(`xmlns:openbadges="${OB3}"`, `  <openbadges:credential>\n    <![CDATA[${json}]]>\n  </openbadges:credential>`));
    expect(r).toEqual({ kind: 'ob3', text: json, container: 'svg-content' });
  });

  it('reads an OB 3.0 JWT from the verify attribute', () => {
    const r = extractFromSvg(svg(`xmlns:openbadges="${OB3}"`, `<openbadges:credential verify="${JWS}"></openbadges:credential>`));
    expect(r).toEqual({ kind: 'ob3', text: JWS, container: 'svg-verify' });
  });

  it('reads a self-closing OB 2.0 assertion with a signature', () => {
    const r = extractFromSvg(svg(`xmlns:openbadges="${OB2}"`, `<openbadges:assertion verify="${JWS}"/>`));
    expect(r).toEqual({ kind: 'ob2', text: JWS, container: 'svg-verify' });
  });

  it('reads an OB 2.0 hosted assertion: JSON content, with the verify URL kept beside it', () => {
    const r = extractFromSvg(
      svg(`xmlns:openbadges="${OB2}"`, `<openbadges:assertion verify="https://example.org/a.json?x=1&amp;y=2"><![CDATA[{"uid":"abc"}]]></openbadges:assertion>`),
    );
    expect(r).toEqual({ kind: 'ob2', text: '{"uid":"abc"}', container: 'svg-content', verify: 'https://example.org/a.json?x=1&y=2' });
  });

  it('uses the declared prefix, whatever it is', () => {
    expect(extractFromSvg(svg(`xmlns:ob="${OB3}"`, `<ob:credential verify="${JWS}"/>`)).text).toBe(JWS);
    // declared on the element itself
    expect(extractFromSvg(svg('', `<x:credential xmlns:x="${OB3}" verify="${JWS}"/>`)).kind).toBe('ob3');
    // as the default namespace of the element
    expect(extractFromSvg(svg('', `<credential xmlns="${OB3}" verify="${JWS}"/>`)).kind).toBe('ob3');
    // declared on an ancestor group
    expect(extractFromSvg(svg('', `<g xmlns:q="${OB2}"><q:assertion verify="${JWS}"/></g>`)).kind).toBe('ob2');
  });

  it('ignores the openbadges prefix when it is bound to another namespace', () => {
    expect(codeOf(() => extractFromSvg(svg('xmlns:openbadges="https://example.org/other"', `<openbadges:credential verify="${JWS}"/>`)))).toBe('no-credential');
    // the binding is scoped: it does not leak out of the element that declares it
    expect(codeOf(() => extractFromSvg(svg('', `<g xmlns:ob="${OB3}"/><ob:credential verify="${JWS}"/>`)))).toBe('bad-svg');
  });

  it('refuses an undeclared badge prefix with a clear error', () => {
    expect(() => extractFromSvg(svg('', `<openbadges:credential verify="${JWS}"/>`))).toThrow(/without declaring/);
  });

  it('decodes XML entities in plain-text content', () => {
    const r = extractFromSvg(svg(`xmlns:openbadges="${OB3}"`, `<openbadges:credential>{"a":"x &amp; y &lt;&#233;&#x2713;&gt;","q":"&quot;"}</openbadges:credential>`));
    expect(r.text).toBe('{"a":"x & y <é✓>","q":"""}');
  });

  it('refuses unknown entities (no DTD expansion)', () => {
    const doc = `<!DOCTYPE svg [<!ENTITY boom "lol">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:o="${OB3}"><o:credential>&boom;</o:credential></svg>`;
    expect(codeOf(() => extractFromSvg(doc))).toBe('bad-svg');
    expect(codeOf(() => extractFromSvg(svg(`xmlns:o="${OB3}"`, `<o:credential verify="a&nope;b"/>`)))).toBe('bad-svg');
  });

  it('refuses markup inside the badge element', () => {
    expect(codeOf(() => extractFromSvg(svg(`xmlns:o="${OB3}"`, `<o:credential><b>x</b></o:credential>`)))).toBe('bad-svg');
  });

  it('ignores credential-looking text inside comments and CDATA elsewhere', () => {
    const body = `<!-- <o:credential verify="${JWS}"/> --><style><![CDATA[ <o:credential verify="x"/> ]]></style>`;
    expect(codeOf(() => extractFromSvg(svg(`xmlns:o="${OB3}"`, body)))).toBe('no-credential');
  });

  it('says no-credential for a plain SVG and for an empty badge element', () => {
    expect(codeOf(() => extractFromSvg(svg('', '')))).toBe('no-credential');
    expect(codeOf(() => extractFromSvg(svg(`xmlns:o="${OB3}"`, '<o:credential>  \n </o:credential>')))).toBe('no-credential');
  });

  it('prefers OB 3.0 when both kinds are present, and refuses duplicates of one kind', () => {
    const both = svg(`xmlns:a="${OB2}" xmlns:c="${OB3}"`, `<a:assertion verify="https://x.example/a"/><c:credential verify="${JWS}"/>`);
    expect(extractFromSvg(both).kind).toBe('ob3');
    const dup = svg(`xmlns:c="${OB3}"`, `<c:credential verify="${JWS}"/><c:credential verify="other"/>`);
    expect(codeOf(() => extractFromSvg(dup))).toBe('bad-svg');
  });

  it('refuses documents that are not SVG or not well-formed', () => {
    expect(codeOf(() => extractFromSvg('<html><body>hi</body></html>'))).toBe('bad-svg');
    expect(codeOf(() => extractFromSvg('just text'))).toBe('bad-svg');
    expect(codeOf(() => extractFromSvg(`<svg xmlns:o="${OB3}"><g><o:credential verify="${JWS}"/>`))).toBe('bad-svg');
    expect(codeOf(() => extractFromSvg(`<svg xmlns:o="${OB3}"><o:credential>{"a":1}`))).toBe('bad-svg');
    expect(codeOf(() => extractFromSvg(`<svg><g></svg>`))).toBe('bad-svg');
    expect(codeOf(() => extractFromSvg(`<svg><g a=unquoted/></svg>`))).toBe('bad-svg');
    expect(codeOf(() => extractFromSvg(`<svg><!-- never closed </svg>`))).toBe('bad-svg');
  });

  it('stays linear and bounded on deep nesting', () => {
    const deep = '<svg>' + '<g>'.repeat(5000) + '</g>'.repeat(5000) + '</svg>';
    expect(codeOf(() => extractFromSvg(deep))).toBe('bad-svg');
  });

  it.each([
    ['"<g" repeated', '<svg>' + '<g'.repeat(300_000)],
    ['"&" without ";" in content', `<svg xmlns:o="${OB3}"><o:credential>${'&'.repeat(500_000)}</o:credential></svg>`],
    ['many siblings', '<svg>' + '<g/>'.repeat(200_000) + '</svg>'],
    ['unclosed attribute quote', '<svg a="' + 'x'.repeat(1_000_000)],
  ])('stays fast on hostile input: %s', (_name, doc) => {
    const t0 = performance.now();
    try {
      extractFromSvg(doc);
    } catch {
      // an error is fine; time is what is tested
    }
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('accepts a leading byte-order mark', () => {
    expect(extractFromSvg('\uFEFF' + svg(`xmlns:o="${OB3}"`, `<o:credential verify="${JWS}"/>`)).text).toBe(JWS);
  });
});

describe('looksLikeSvg', () => {
  it('sniffs the root element after the prolog', () => {
    expect(looksLikeSvg(svg('', ''))).toBe(true);
    expect(looksLikeSvg('<!-- c --><svg/>')).toBe(true);
    expect(looksLikeSvg('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>')).toBe(true);
    expect(looksLikeSvg('<!DOCTYPE html><html></html>')).toBe(false);
    expect(looksLikeSvg('<svgfoo/>')).toBe(false);
    expect(looksLikeSvg('{"a":1}')).toBe(false);
  });
});

describe('extractFromSvg on the conformance baked SVGs', () => {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', CONFORMANCE), 'utf8')) as {
    id: string;
    file: string;
    format: string;
    payload?: { container: string; encoding: string };
  }[];
  const cases = manifest.filter((c) => c.format === 'baked-svg');

  it('has baked SVG cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));

  for (const c of cases) {
    it(c.id, () => {
      const r = extractFromSvg(readFileSync(new URL(c.file, CONFORMANCE), 'utf8'));
      expect(r.kind).toBe('ob3');
      if (/verify=/.test(c.payload!.container)) {
        expect(r.container).toBe('svg-verify');
        expect(isObject(parseCompactJws(r.text).payload)).toBe(true);
      } else {
        expect(r.container).toBe('svg-content');
        const v = parseJson(r.text);
        expect(isObject(v) && Array.isArray(v['@context'])).toBe(true);
      }
    });
  }
});
