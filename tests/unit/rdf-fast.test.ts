/**
 * Differential tests of the fast JSON-LD → RDF converter (sdk/proof/rdf) against jsonld.js: for
 * every JSON-LD document of the conformance set (and its proof configurations), and for many
 * generated variants, the fast path must either give up or produce byte-identical canonical
 * N-Quads; and whenever jsonld.js (safe mode) rejects a document, the fast path must give up.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledContextUrls, contextLoader, findContext } from '../../sdk/contexts/index.js';
import { canonize, canonizeGeneral, canonizeQuads } from '../../sdk/proof/canonize.js';
import { fastToQuads, fastToQuadsDetailed } from '../../sdk/proof/rdf/to-quads.js';
import { isCredLensError } from '../../sdk/errors.js';

const CONF = new URL('../../../shared/conformance/', import.meta.url);
const read = (rel: string): string => readFileSync(new URL(rel, CONF), 'utf8');
const tryJson = (rel: string): unknown => {
  try {
    return JSON.parse(read(rel));
  } catch {
    return undefined;
  }
};

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

// Contexts the conformance set has but CredLens does not bundle (e.g. credentials/examples/v2).
const bundled = new Set(bundledContextUrls());
const extra: Record<string, unknown> = {};
for (const [url, file] of Object.entries(JSON.parse(read('contexts.json')) as Record<string, string>)) {
  if (!bundled.has(url)) extra[url] = JSON.parse(read(file));
}
const loader = contextLoader(extra);
const source = (url: string): unknown => findContext(url, extra);

interface Manifest {
  id: string;
  file: string;
  format: string;
  vector?: { unsignedDocument?: string; proofOptions?: unknown; temporaryDocuments?: string[] };
}

/** Every JSON-LD document of the set, plus each embedded proof as its proof configuration. */
function corpus(): [string, Json][] {
  const out: [string, Json][] = [];
  const seen = new Set<string>();
  const add = (name: string, doc: unknown): void => {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return;
    const key = JSON.stringify(doc);
    if (seen.has(key)) return;
    seen.add(key);
    out.push([name, doc]);
    const d = doc as Json;
    const proofs = d.proof ? (Array.isArray(d.proof) ? d.proof : [d.proof]) : [];
    proofs.forEach((p: Json, i: number) => {
      if (!p || typeof p !== 'object') return;
      // How eddsa-rdfc-2022 canonicalizes proof options: the proof without its value, with the
      // document's @context.
      const { proofValue: _drop, ...config } = p;
      const withCtx = { ...config, '@context': p['@context'] ?? d['@context'] };
      const k = JSON.stringify(withCtx);
      if (!seen.has(k)) {
        seen.add(k);
        out.push([`${name}#proof${i}`, withCtx]);
      }
    });
  };
  const manifest = JSON.parse(read('manifest.json')) as Manifest[];
  for (const c of manifest) {
    if (!['ob3-json', 'vc-json', 'status-list', 'vector', 'did-document'].includes(c.format)) continue;
    const files = [c.file];
    if (c.vector) {
      if (c.vector.unsignedDocument) files.push(c.vector.unsignedDocument);
      const po = c.vector.proofOptions;
      if (typeof po === 'string') files.push(po);
      else if (Array.isArray(po)) files.push(...(po as string[]));
      else if (po) add(`${c.id}#proofOptions`, po);
      files.push(...(c.vector.temporaryDocuments ?? []));
    }
    for (const f of files) add(f, tryJson(f));
  }
  return out;
}

type Outcome =
  | { kind: 'same' }
  | { kind: 'bail'; reason: string; generalOk: boolean }
  | { kind: 'unknown-context' }
  | { kind: 'bad'; detail: string };

async function compare(doc: Json): Promise<Outcome> {
  let general: string | undefined;
  let generalError: unknown;
  try {
    general = await canonizeGeneral(doc, loader);
  } catch (e) {
    generalError = e;
  }
  const fast = fastToQuadsDetailed(doc, source);
  if ('bail' in fast) {
    if (fast.bail.startsWith('internal:')) return { kind: 'bad', detail: `fast path crashed: ${fast.bail}` };
    if (isCredLensError(generalError, 'unknown-context')) return { kind: 'unknown-context' };
    return { kind: 'bail', reason: fast.bail, generalOk: generalError === undefined };
  }
  if (generalError !== undefined) {
    return { kind: 'bad', detail: `fast path produced quads but the general path threw: ${(generalError as Error).message}` };
  }
  const fastText = await canonizeQuads(fast.quads);
  if (fastText !== general) return { kind: 'bad', detail: `canonical N-Quads differ\n--- general\n${general}--- fast\n${fastText}` };
  return { kind: 'same' };
}

interface Tally {
  compared: number;
  same: number;
  bailed: number;
  bailedGeneralOk: number;
  unknownContext: number;
  bad: string[];
  reasons: Map<string, number>;
  /** Reasons for giving up on documents jsonld.js accepts (features the fast path leaves to it). */
  reasonsGeneralOk: Map<string, number>;
  /** Per variant label (text after " / "): how many came out identical. */
  sameByLabel: Map<string, number>;
}

async function tally(docs: [string, Json][]): Promise<Tally> {
  const t: Tally = { compared: 0, same: 0, bailed: 0, bailedGeneralOk: 0, unknownContext: 0, bad: [], reasons: new Map(), reasonsGeneralOk: new Map(), sameByLabel: new Map() };
  for (const [name, doc] of docs) {
    const o = await compare(doc);
    t.compared++;
    const label = name.split(' / ')[1] ?? '';
    if (o.kind === 'same') {
      t.same++;
      t.sameByLabel.set(label, (t.sameByLabel.get(label) ?? 0) + 1);
    }
    else if (o.kind === 'unknown-context') t.unknownContext++;
    else if (o.kind === 'bad') t.bad.push(`${name}: ${o.detail}`);
    else {
      t.bailed++;
      const r = o.reason.replace(/"[^"]*"|\S+:\/\/\S+|_:\S+/g, '…');
      const m = o.generalOk ? t.reasonsGeneralOk : t.reasons;
      if (o.generalOk) t.bailedGeneralOk++;
      m.set(r, (m.get(r) ?? 0) + 1);
    }
  }
  return t;
}

function report(label: string, t: Tally): void {
  const list = (m: Map<string, number>): string =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `    ${n} × ${r}`).join('\n');
  console.log(
    `[rdf-fast] ${label}: ${t.compared} documents, ${t.same} identical, ${t.bailed} bailed ` +
      `(${t.bailed - t.bailedGeneralOk} also rejected by jsonld.js, ${t.bailedGeneralOk} accepted by it), ` +
      `${t.unknownContext} with an unknown context (both paths refuse), ${t.bad.length} wrong\n` +
      `  gave up, jsonld.js rejects too:\n${list(t.reasons)}\n  gave up, jsonld.js accepts:\n${list(t.reasonsGeneralOk)}`,
  );
}

const DOCS = corpus();

describe('fast JSON-LD → RDF: conformance corpus', () => {
  it('gives identical canonical N-Quads to jsonld.js, or gives up', async () => {
    const t = await tally(DOCS);
    report('conformance corpus', t);
    expect(t.bad).toEqual([]);
    expect(t.same).toBeGreaterThan(200);
    // Every document the fast path gave up on is one jsonld.js rejects too (undefined terms and
    // types in the 1EdTech error fixtures, proof types without a context).
    expect(t.bailedGeneralOk).toBe(0);
  }, 300_000);

  it('does not give up on typical OB3 / VC credentials', async () => {
    const typical = DOCS.filter(([name]) =>
      name.startsWith('1edtech-ob-spec/') ||
      name.startsWith('1edtech-spec/') ||
      name.startsWith('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/') ||
      name.startsWith('dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/') ||
      name.startsWith('w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt') ||
      name.startsWith('w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/'),
    );
    expect(typical.length).toBeGreaterThan(40);
    const gaveUp: string[] = [];
    for (const [name, doc] of typical) {
      let ok = true;
      try {
        await canonizeGeneral(doc, loader);
      } catch {
        ok = false; // e.g. a tampered fixture with an undefined term: not a typical credential
      }
      if (!ok) continue;
      const r = fastToQuadsDetailed(doc, source);
      if ('bail' in r) gaveUp.push(`${name}: ${r.bail}`);
    }
    expect(gaveUp).toEqual([]);
    // The 1EdTech OB 3.0 example, the W3C eddsa-rdfc-2022 vector and a VC 1.1 Ed25519Signature2020
    // credential, by name.
    for (const f of [
      '1edtech-ob-spec/ob_v3p0/impl/extracted/obv3p0-credential-unsigned.json',
      'w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json',
      'dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didKey/fourRegistry-noStatus-noExpiry.json',
    ]) {
      expect(fastToQuads(JSON.parse(read(f)), source), f).toBeDefined();
    }
  }, 300_000);

  it('reproduces the published canonical forms of the spec vectors', async () => {
    const vectors: [string, string][] = [
      ['1edtech-ob-spec/ob_v3p0/impl/extracted/obv3p0-credential-unsigned.json', '1edtech-ob-spec/ob_v3p0/impl/test-vectors/obv3p0/document-canon.txt'],
      ['1edtech-ob-spec/ob_v3p0/impl/extracted/clrv2p0-credential-unsigned.json', '1edtech-ob-spec/ob_v3p0/impl/test-vectors/clrv2p0/document-canon.txt'],
      ['w3c-vc-di-eddsa/TestVectors/unsigned.json', 'w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt'],
      ['w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/proofConfigDataInt.json', 'w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/proofCanonDataInt.txt'],
      ['w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/proofConfigEdSig.json', 'w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/proofCanonEdSig.txt'],
    ];
    for (const [docFile, canonFile] of vectors) {
      const quads = fastToQuads(JSON.parse(read(docFile)), source);
      expect(quads, docFile).toBeDefined();
      expect((await canonizeQuads(quads!)).trim(), docFile).toBe(read(canonFile).trim());
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Generated variants.

const EX = 'https://example.org/vocab#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const subjectOf = (d: Json): Json => {
  const cs = Array.isArray(d.credentialSubject) ? d.credentialSubject[0] : d.credentialSubject;
  return cs && typeof cs === 'object' ? cs : d;
};
const addContext = (d: Json, ...ctx: unknown[]): void => {
  d['@context'] = [...asArray(d['@context']), ...ctx];
};
const firstProof = (d: Json): Json => (Array.isArray(d.proof) ? d.proof[0] : d.proof);

/** A mutation edits the document in place or returns a replacement; `null`: not applicable. */
type Mutation = [string, (d: Json) => Json | void | null];

const MUTATIONS: Mutation[] = [
  ['drop first context entry', (d) => (Array.isArray(d['@context']) && d['@context'].length > 1 ? void d['@context'].shift() : null)],
  ['drop last context entry', (d) => (Array.isArray(d['@context']) && d['@context'].length > 1 ? void d['@context'].pop() : null)],
  ['no context at all', (d) => void delete d['@context']],
  ['empty context array', (d) => void (d['@context'] = [])],
  ['unknown context URL', (d) => addContext(d, 'https://example.org/no-such-context')],
  ['undefined term at the top', (d) => void (d.notDefinedAnywhere = 'x')],
  ['undefined term in the subject', (d) => void (subjectOf(d).notDefinedAnywhere = { deeper: 1 })],
  ['undefined type', (d) => void (d.type = [...asArray(d.type), 'NotDefinedType'])],
  ['duplicated types', (d) => void (d.type = [...asArray(d.type), ...asArray(d.type)])],
  ['both type and @type', (d) => void (d['@type'] = 'https://example.org/T')],
  ['relative id', (d) => void (d.id = 'credentials/1')],
  ['fragment subject id', (d) => void (subjectOf(d).id = '#me')],
  ['keyword-like id', (d) => void (d.id = '@foo')],
  ['id with a space', (d) => void (d.id = 'https://example.org/a b')],
  ['blank node ids shared', (d) => { d.id = '_:shared'; subjectOf(d).id = '_:shared'; }],
  ['blank node reference', (d) => { subjectOf(d).id = '_:s'; d[`${EX}sameAs`] = [{ '@id': '_:s' }, { '@id': '_:s' }]; }],
  ['numbers', (d) => void (subjectOf(d)[`${EX}n`] = [1, 1.5, 1e21, -0, 0, 1e-7, 123456789012345678901234, 0.1, -2.5e-10, 42, 1e20, 9007199254740993])],
  ['booleans', (d) => void (subjectOf(d)[`${EX}b`] = [true, false, true])],
  ['typed values', (d) => void (subjectOf(d)[`${EX}t`] = [
    { '@value': '1.5', '@type': `${XSD}double` }, { '@value': 5, '@type': `${XSD}double` }, { '@value': 'abc', '@type': `${XSD}double` },
    { '@value': 'x', '@type': `${XSD}date` }, { '@value': '1', '@type': `${XSD}integer` }, 1, { '@value': 1 },
    { '@value': true, '@type': `${XSD}string` }, { '@value': 2.5, '@type': `${XSD}decimal` },
  ])],
  ['language-tagged values', (d) => void (subjectOf(d)[`${EX}l`] = [
    { '@value': 'Nom', '@language': 'fr-CA' }, { '@value': 'Nom', '@language': 'FR-ca' }, { '@value': 'x', '@language': null },
  ])],
  ['invalid language tag', (d) => void (subjectOf(d)[`${EX}l`] = { '@value': 'x', '@language': 'en_US' })],
  ['value with type and language', (d) => void (subjectOf(d)[`${EX}l`] = { '@value': 'x', '@language': 'en', '@type': `${XSD}string` })],
  ['number with a language', (d) => void (subjectOf(d)[`${EX}l`] = { '@value': 5, '@language': 'en' })],
  ['null @value', (d) => void (subjectOf(d)[`${EX}v`] = { '@value': null })],
  ['object @value', (d) => void (subjectOf(d)[`${EX}v`] = { '@value': { a: 1 } })],
  ['relative @type in a value', (d) => void (subjectOf(d)[`${EX}v`] = { '@value': 'x', '@type': 'notAnIri' })],
  ['@index in a value', (d) => void (subjectOf(d)[`${EX}v`] = { '@value': 'x', '@index': 'k' })],
  ['inline @vocab', (d) => {
    addContext(d, { '@vocab': EX });
    d.undefinedButVocab = ['a', 1, 2.5, true];
    subjectOf(d).alsoVocab = { deep: { deeper: 'x', type: 'VocabType' } };
  }],
  ['inline @vocab and an undefined type', (d) => { addContext(d, { '@vocab': EX }); d.type = [...asArray(d.type), 'VocabType']; }],
  ['default language', (d) => { addContext(d, { '@vocab': EX, '@language': 'EN-gb' }); d.note = ['hello', 5]; }],
  ['term languages', (d) => {
    addContext(d, { '@vocab': EX, '@language': 'en', fr: { '@id': `${EX}fr`, '@language': 'FR' }, none: { '@id': `${EX}none`, '@language': null } });
    d.fr = 'bonjour';
    d.none = 'plain';
    d.other = 'hi';
  }],
  ['invalid default language', (d) => { addContext(d, { '@vocab': EX, '@language': 'en_GB' }); d.note = 'x'; }],
  ['@json term', (d) => {
    addContext(d, { data: { '@id': `${EX}data`, '@type': '@json' } });
    subjectOf(d).data = { b: [1, 2.5, 'x', null, { z: 1, a: 2 }], a: { c: true, 'é': 'ü\u0001"' }, n: 1e21 };
  }],
  ['@json primitives and null', (d) => {
    addContext(d, { data: { '@id': `${EX}data`, '@type': '@json' }, data2: { '@id': `${EX}data`, '@type': '@json' } });
    d.data = null;
    subjectOf(d).data = 'same';
    subjectOf(d).data2 = 'same';
  }],
  ['@json equal objects twice', (d) => {
    addContext(d, { data: { '@id': `${EX}data`, '@type': '@json' }, data2: { '@id': `${EX}data`, '@type': '@json' } });
    d.data = { a: 1 };
    d.data2 = { a: 1 };
  }],
  ['JsonSchema type (v2 @json term)', (d) => {
    d.credentialSchema = { id: 'https://example.org/schema', type: 'JsonSchema', jsonSchema: { b: 1, a: [true, null, 'x'] } };
  }],
  ['list container', (d) => {
    addContext(d, { items: { '@id': `${EX}items`, '@container': '@list' } });
    d.items = ['a', ['b', 'c'], [], null, { '@id': 'https://example.org/x' }, { [`${EX}p`]: 'q' }, 1, ['a']];
  }],
  ['empty and single lists', (d) => {
    addContext(d, { items: { '@id': `${EX}items`, '@container': '@list' }, items2: { '@id': `${EX}items`, '@container': '@list' } });
    d.items = [];
    d.items2 = 'solo';
    subjectOf(d).items = [null];
  }],
  ['two empty lists on one property', (d) => {
    addContext(d, { items: { '@id': `${EX}items`, '@container': '@list' }, items2: { '@id': `${EX}items`, '@container': '@list' } });
    d.items = [];
    d.items2 = [];
  }],
  ['null list', (d) => { addContext(d, { items: { '@id': `${EX}items`, '@container': '@list' } }); d.items = null; }],
  ['OB3 result description with an allowedValue list', (d) => {
    const a = subjectOf(d).achievement;
    if (!a || typeof a !== 'object') return null;
    a.resultDescription = [{ id: 'urn:uuid:4f6f4e9a-0000-4000-8000-000000000001', type: ['ResultDescription'], name: 'Grade', resultType: 'LetterGrade', allowedValue: ['A', 'B', 'C'] }];
  }],
  ['nulls, empty arrays, empty objects', (d) => {
    const s = subjectOf(d);
    s[`${EX}a`] = null;
    s[`${EX}b`] = [];
    s[`${EX}c`] = {};
    s[`${EX}d`] = [null, {}];
  }],
  ['duplicate values', (d) => void (subjectOf(d)[`${EX}dup`] = [
    'a', 'a', { '@value': 'a' }, { '@value': 'a', '@type': `${XSD}string` }, { '@id': 'https://example.org/1' }, { '@id': 'https://example.org/1' },
  ])],
  ['same node twice', (d) => {
    d[`${EX}x`] = { '@id': 'https://example.org/thing', [`${EX}name`]: 'A', '@type': `${EX}T` };
    subjectOf(d)[`${EX}y`] = { '@id': 'https://example.org/thing', [`${EX}name`]: ['A', 'B'], '@type': [`${EX}T`, `${EX}U`] };
  }],
  ['redefine a protected term', (d) => addContext(d, { name: `${EX}name` })],
  ['redefine a protected term identically', (d) => addContext(d, { id: '@id', type: '@type' })],
  ['nullify the context in a node', (d) => void (subjectOf(d)['@context'] = null)],
  ['nullify then define', (d) => { const s = subjectOf(d); s['@context'] = [null, { '@vocab': EX }]; s.whatever = 'x'; }],
  ['inline context in a node', (d) => { const s = subjectOf(d); s['@context'] = { '@vocab': EX }; s.whatever = 'x'; }],
  ['@propagate false, used in place', (d) => { const s = subjectOf(d); s['@context'] = { '@propagate': false, localTerm: `${EX}local` }; s.localTerm = 'x'; }],
  ['@propagate false, used in a nested node', (d) => {
    const s = subjectOf(d);
    s['@context'] = { '@propagate': false, localTerm: `${EX}local` };
    s.localTerm = { localTerm: 'nested' };
  }],
  ['property-scoped context', (d) => {
    addContext(d, { wrapper: { '@id': `${EX}wrapper`, '@context': { inner: `${EX}inner`, count: { '@id': `${EX}count`, '@type': `${XSD}integer` } } } });
    d.wrapper = { inner: 'v', count: ['3', 4], [`${EX}deeper`]: { inner: 'still scoped' } };
  }],
  ['type-scoped context, used on the node', (d) => {
    addContext(d, { Special: { '@id': `${EX}Special`, '@context': { special: `${EX}special` } } });
    d.type = [...asArray(d.type), 'Special'];
    d.special = 'x';
  }],
  ['type-scoped context, used in a nested node', (d) => {
    addContext(d, { Special: { '@id': `${EX}Special`, '@context': { special: `${EX}special` } } });
    d.type = [...asArray(d.type), 'Special'];
    d[`${EX}nested`] = { special: 'not in scope' };
  }],
  ['type-scoped context, propagated', (d) => {
    addContext(d, { Special: { '@id': `${EX}Special`, '@context': { '@propagate': true, special: `${EX}special` } } });
    d.type = [...asArray(d.type), 'Special'];
    d[`${EX}nested`] = { special: 'in scope' };
  }],
  ['subject reference only', (d) => void (d.credentialSubject = { id: 'did:example:123' })],
  ['issuer as a DID string', (d) => void (d.issuer = 'did:example:issuer')],
  ['issuer relative', (d) => void (d.issuer = 'issuer')],
  ['issuer a number', (d) => void (d.issuer = 5)],
  ['compact IRI keys', (d) => { d['xsd:foo'] = 'x'; d['unknownprefix:bar'] = 'z'; }],
  ['prefix terms', (d) => {
    addContext(d, { ex: 'https://example.org/ns/', 'ex:special': { '@id': 'https://example.org/ns/special', '@type': '@id' } });
    d['ex:a'] = 'x';
    d['ex:special'] = ['ex:target', 'https://example.org/abs'];
    subjectOf(d)['ex:b'] = { '@id': 'ex:node', 'ex:c': 1 };
  }],
  ['@prefix false', (d) => { addContext(d, { exx: { '@id': 'https://example.org/nsx/', '@prefix': false } }); d['exx:a'] = 'x'; }],
  ['@vocab-typed term', (d) => {
    addContext(d, { kind: { '@id': `${EX}kind`, '@type': '@vocab' }, Thing: `${EX}Thing` });
    d.kind = ['Thing', 'https://other.example/x'];
  }],
  ['@vocab-typed term, undefined value', (d) => {
    addContext(d, { kind: { '@id': `${EX}kind`, '@type': '@vocab' } });
    d.kind = 'undefinedVocabTerm';
  }],
  ['@id-typed term with non-strings', (d) => {
    addContext(d, { ref: { '@id': `${EX}ref`, '@type': '@id' } });
    d.ref = [1, true, 'https://example.org/a', '_:b9'];
  }],
  ['typed terms with native values', (d) => {
    addContext(d, { dbl: { '@id': `${EX}dbl`, '@type': `${XSD}double` }, int: { '@id': `${EX}int`, '@type': `${XSD}integer` } });
    d.dbl = [5, '1.5', 'abc', true, 1e21];
    d.int = [5, '5', 5.5];
  }],
  ['language map', (d) => {
    addContext(d, { title: { '@id': `${EX}title`, '@container': '@language' } });
    d.title = { en: 'A', 'de-DE': ['B', null, 'B'], '@none': 'plain', EN: 'A' };
  }],
  ['language map with a bad tag', (d) => { addContext(d, { title: { '@id': `${EX}title`, '@container': '@language' } }); d.title = { en_US: 'x' }; }],
  ['language map with a number', (d) => { addContext(d, { title: { '@id': `${EX}title`, '@container': '@language' } }); d.title = { en: 5 }; }],
  ['@protected false', (d) => { addContext(d, { '@protected': false, foo: `${EX}foo` }); d.foo = 'x'; }],
  ['reserved term', (d) => addContext(d, { '@foo': `${EX}x` })],
  ['@version 1.0', (d) => addContext(d, { '@version': 1.0 })],
  ['@base', (d) => { addContext(d, { '@base': 'https://example.org/base/' }); d.id = 'relative'; }],
  ['@direction', (d) => { addContext(d, { '@vocab': EX, '@direction': 'ltr' }); d.note = 'x'; }],
  ['@graph document', (d) => { const { '@context': ctx, ...rest } = d; return { '@context': ctx, '@graph': [rest] }; }],
  ['@included', (d) => void (d['@included'] = [{ '@id': 'https://example.org/inc', [`${EX}p`]: 'x' }])],
  ['@reverse', (d) => void (d['@reverse'] = { [`${EX}r`]: { '@id': 'https://example.org/r' } })],
  ['@nest', (d) => void (d['@nest'] = { [`${EX}p`]: 'x' })],
  ['empty document', (d) => ({ '@context': d['@context'] })],
  ['id-only document', (d) => ({ '@context': d['@context'], id: 'https://example.org/only-id' })],
  ['value object document', (d) => ({ '@context': d['@context'], '@value': 'x' })],
  ['__proto__ key', (d) => JSON.parse(JSON.stringify(d).replace(/^\{/, `{"__proto__": {"${EX}p": "x"},`))],
  ['colliding keywords', (d) => { d['@id'] = 'https://example.org/a'; d.id = 'https://example.org/b'; }],
  ['control characters and astral text', (d) => void (subjectOf(d)[`${EX}text`] = 'a"b\\c\n\t\u0001é😀\u2028')],
  ['deep nesting', (d) => {
    let node: Json = { [`${EX}leaf`]: 'x' };
    for (let i = 0; i < 30; i++) node = { [`${EX}n`]: node, [`${EX}i`]: i };
    subjectOf(d)[`${EX}deep`] = node;
  }],
  ['context object holding @context', (d) => addContext(d, { '@context': { foo: `${EX}foo` } })],
  ['proof: empty object', (d) => (d.proof ? void (d.proof = {}) : null)],
  ['proof: null', (d) => (d.proof ? void (d.proof = null) : null)],
  ['proof: empty array', (d) => (d.proof ? void (d.proof = []) : null)],
  ['proof: IRI string', (d) => (d.proof ? void (d.proof = 'https://example.org/proof') : null)],
  ['proof: id only', (d) => (d.proof ? void (d.proof = { id: 'https://example.org/proof' }) : null)],
  ['proof: two proofs, one of an undefined type', (d) => {
    const p = firstProof(d);
    if (!p) return null;
    d.proof = [p, { ...p, type: 'SomeProofType' }];
  }],
  ['proof: two copies', (d) => { const p = firstProof(d); if (!p) return null; d.proof = [p, { ...p }]; }],
  ['proof: undefined purpose', (d) => { const p = firstProof(d); if (!p) return null; p.proofPurpose = 'notAPurpose'; }],
  ['dates as numbers', (d) => { d.validFrom = 5; d.issuanceDate = 1.5; }],
  ['wrapped in a presentation', (d) => {
    if (!asArray(d['@context']).includes('https://www.w3.org/ns/credentials/v2')) return null;
    return {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:3f0c7e1e-0000-4000-8000-0000000000aa',
      type: 'VerifiablePresentation',
      holder: 'did:example:holder',
      verifiableCredential: [d, { ...d, id: 'urn:uuid:3f0c7e1e-0000-4000-8000-0000000000bb' }],
    };
  }],
];

/** Base documents for the variants: the typical credentials and a spread of the rest. */
function bases(): [string, Json][] {
  const picked = new Map<string, Json>();
  const wanted = [
    '1edtech-ob-spec/ob_v3p0/impl/extracted/obv3p0-credential-signed.json',
    '1edtech-ob-spec/ob_v3p0/impl/extracted/clrv2p0-credential-signed.json',
    'w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json',
    'w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json',
  ];
  for (const [name, doc] of DOCS) if (wanted.includes(name)) picked.set(name, doc);
  const dirs = [
    'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/',
    'dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didKey/',
    'dcc-vc-test-fixtures/verifiableCredentials/v1/bothSignatureTypes/didKey/',
    'dcc-vc-test-fixtures/dids/',
    'dcc-vc-test-fixtures/statusLists/',
    '1edtech-validator/ob30/',
  ];
  for (const dir of dirs) {
    const inDir = DOCS.filter(([name]) => name.startsWith(dir) && !name.includes('#'));
    for (const [name, doc] of inDir.slice(0, 3)) picked.set(name, doc);
  }
  return [...picked.entries()];
}

describe('fast JSON-LD → RDF: generated variants', () => {
  it('every variant gives identical N-Quads, or the fast path gives up (always when jsonld.js rejects it)', async () => {
    const variants: [string, Json][] = [];
    for (const [name, base] of bases()) {
      for (const [label, mutate] of MUTATIONS) {
        const doc = structuredClone(base);
        const r = mutate(doc);
        if (r === null) continue;
        variants.push([`${name} / ${label}`, r === undefined ? doc : r]);
      }
    }
    expect(variants.length).toBeGreaterThan(500);
    const t = await tally(variants);
    report('generated variants', t);
    expect(t.bad).toEqual([]);
    expect(t.same).toBeGreaterThan(variants.length / 3);
    // The fast path must actually cover these (not merely give up on them).
    const covered = [
      'numbers', 'booleans', 'typed values', 'language-tagged values', 'inline @vocab', 'default language', 'term languages',
      '@json term', '@json primitives and null', '@json equal objects twice', 'JsonSchema type (v2 @json term)', 'list container',
      'empty and single lists', 'two empty lists on one property', 'null list', 'OB3 result description with an allowedValue list',
      'nulls, empty arrays, empty objects', 'duplicate values', 'same node twice', 'blank node ids shared', 'blank node reference',
      'prefix terms', '@prefix false', 'property-scoped context', 'type-scoped context, used on the node',
      'type-scoped context, propagated', 'redefine a protected term identically', 'inline context in a node',
      '@propagate false, used in place', 'control characters and astral text', 'deep nesting', 'proof: two copies',
      'subject reference only', 'issuer as a DID string', 'wrapped in a presentation', 'duplicated types', 'both type and @type', '@vocab-typed term',
      '@id-typed term with non-strings', 'typed terms with native values', 'language map', 'dates as numbers', 'drop last context entry',
    ];
    const missing = covered.filter((label) => !t.sameByLabel.get(label));
    expect(missing).toEqual([]);
  }, 600_000);

  it('keeps per-call contexts apart (same URL, different documents)', async () => {
    const url = 'https://example.org/ctx/changing';
    const doc = { '@context': [url], '@id': 'https://example.org/x', p: 'v' };
    const a = { '@context': { p: 'https://example.org/a#p' } };
    const b = { '@context': { p: 'https://example.org/b#p' } };
    const qa = fastToQuads(doc, (u) => (u === url ? a : undefined));
    const qb = fastToQuads(doc, (u) => (u === url ? b : undefined));
    expect(qa?.[0]?.predicate.value).toBe('https://example.org/a#p');
    expect(qb?.[0]?.predicate.value).toBe('https://example.org/b#p');
    expect(fastToQuads(doc, () => undefined)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Seeded random documents: random mixes of VC / OB terms, undefined terms, keywords and full IRIs,
// with scalars, value objects, blank node ids, nested nodes and arrays, under several context sets.

function randomDocuments(seed: number, count: number): [string, Json][] {
  let state = seed;
  const rnd = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const contexts = [
    ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/dcc/v1', 'https://w3id.org/security/data-integrity/v2'],
  ];
  const keys = [
    'id', 'type', 'name', 'description', 'issuer', 'credentialSubject', 'achievement', 'criteria', 'narrative', 'image', 'validFrom',
    'issuanceDate', 'proof', 'evidence', 'result', 'resultDescription', 'allowedValue', 'alignment', 'creditsAvailable', 'url',
    'identifier', 'identityHash', 'hashed', 'credentialStatus', 'statusListIndex', 'endorsement', 'awardedDate', 'cryptosuite',
    'proofPurpose', 'verificationMethod', 'created', 'jsonSchema', 'credentialSchema', 'notATerm', `${EX}p`, `${EX}q`, 'xsd:foo',
    '@id', '@type', 'awardedOnCompletionOf', 'holder', 'verifiableCredential', 'termsOfUse', 'sec:proof', 'controller',
    'assertionMethod', 'publicKeyMultibase',
  ];
  const types = [
    'VerifiableCredential', 'OpenBadgeCredential', 'Achievement', 'AchievementSubject', 'Profile', 'Image', 'Criteria', 'Result',
    'ResultDescription', 'Evidence', 'DataIntegrityProof', 'Ed25519Signature2020', 'JsonSchema', 'BitstringStatusListEntry',
    'VerifiablePresentation', 'EndorsementCredential', 'Alignment', 'IdentityObject', 'NotAType', `${EX}T`, 'Person', 'Multikey',
  ];
  const ids = ['https://example.org/a', 'https://example.org/b', 'did:example:123', 'urn:uuid:1234', '_:x', '_:y', 'xsd:string', 'https://example.org/a'];
  const value = (depth: number): unknown => {
    const r = rnd();
    if (r < 0.18) return pick(['a', '', 'https://example.org/a', 'did:example:1', '2020-01-01T00:00:00Z', '_:x', 'assertionMethod', 'rel']);
    if (r < 0.26) return pick([1, 0, -0, 1.5, 1e21, 1e-7, 42, -3, 0.1, 123456789012345680000]);
    if (r < 0.3) return rnd() < 0.5;
    if (r < 0.33) return null;
    if (r < 0.43) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
    if (r < 0.5) {
      return pick<unknown>([
        { '@value': 'v', '@language': pick(['en', 'de-AT', 'x_y']) },
        { '@value': pick(['1', 2, true]), '@type': pick([`${XSD}integer`, `${XSD}double`, `${EX}dt`]) },
        { id: pick(ids) },
        {},
      ]);
    }
    return depth > 3 ? 'https://example.org/leaf' : node(depth + 1);
  };
  const node = (depth: number): Json => {
    const o: Json = {};
    if (rnd() < 0.7) o.type = rnd() < 0.5 ? pick(types) : [pick(types), pick(types)];
    if (rnd() < 0.5) o.id = pick(ids);
    for (let i = 1 + Math.floor(rnd() * 5); i > 0; i--) {
      const k = pick(keys);
      o[k] = k === '@id' || k === 'id' ? (rnd() < 0.05 ? 'relative' : pick(ids)) : k === '@type' || k === 'type' ? pick(types) : value(depth);
    }
    if (rnd() < 0.05) o['@context'] = pick<unknown>([{ '@vocab': EX }, null, { local: `${EX}local` }, { '@propagate': false, local: `${EX}local` }]);
    return o;
  };
  return Array.from({ length: count }, (_, i) => {
    const d = node(0);
    d['@context'] = [...pick(contexts)];
    if (rnd() < 0.6) d['@context'].push({ '@vocab': EX });
    if (rnd() < 0.15) {
      d['@context'].push(pick<unknown>([
        { data: { '@id': `${EX}data`, '@type': '@json' } },
        { list: { '@id': `${EX}list`, '@container': '@list' } },
      ]));
    }
    return [`random #${i}`, d] as [string, Json];
  });
}

describe('fast JSON-LD → RDF: seeded random documents', () => {
  it('gives identical N-Quads or gives up, and gives up whenever jsonld.js rejects', async () => {
    const t = await tally(randomDocuments(20261122, 600));
    report('random documents', t);
    expect(t.bad).toEqual([]);
    expect(t.same).toBeGreaterThan(100);
  }, 300_000);
});

describe('canonize()', () => {
  const ob3 = JSON.parse(read('1edtech-ob-spec/ob_v3p0/impl/extracted/obv3p0-credential-unsigned.json'));

  it('equals the general path', async () => {
    expect(await canonize(ob3, loader, extra)).toBe(await canonizeGeneral(ob3, loader));
    const w3c = JSON.parse(read('w3c-vc-di-eddsa/TestVectors/unsigned.json'));
    expect(await canonize(w3c, loader, extra)).toBe(read('w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt'));
  });

  it('falls back to the general path for what the fast path does not cover', async () => {
    const withBase = { ...ob3, '@context': [...ob3['@context'], { '@base': 'https://example.org/' }], id: 'relative' };
    expect(fastToQuads(withBase, source)).toBeUndefined();
    expect(await canonize(withBase, loader, extra)).toBe(await canonizeGeneral(withBase, loader));
  });

  it('keeps the typed errors of the general path', async () => {
    const unknownCtx = { ...ob3, '@context': [...ob3['@context'], 'https://example.org/unknown'] };
    await expect(canonize(unknownCtx, loader, extra)).rejects.toMatchObject({ code: 'unknown-context' });
    const undefinedTerm = { ...ob3, notATerm: 'x' };
    await expect(canonize(undefinedTerm, loader, extra)).rejects.toMatchObject({ code: 'jsonld' });
    // The examples context is not bundled: without it as an extra context, it is unknown.
    const w3c = JSON.parse(read('w3c-vc-di-eddsa/TestVectors/unsigned.json'));
    await expect(canonize(w3c, contextLoader())).rejects.toMatchObject({ code: 'unknown-context' });
  });
});

// Files the tests read must exist (guards against a moved conformance folder).
it('finds the conformance set', () => {
  expect(readdirSync(CONF).length).toBeGreaterThan(3);
  expect(DOCS.length).toBeGreaterThan(250);
});
