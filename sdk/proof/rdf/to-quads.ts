/**
 * Fast JSON-LD → RDF quads for credentials: walks the compact document once, with cached active
 * contexts (see ./active-context.ts), and emits the quads jsonld.js's `toRDF` (safe mode, base null)
 * would emit — the same multiset of quads up to blank-node labels, duplicates included.
 *
 * It mirrors the JSON-LD 1.1 expansion algorithm step by step where the outcome depends on it
 * (type-scoped contexts and their reverting, property-scoped contexts, @propagate, protected
 * terms, value coercion, @list and @graph containers, @json literals, language maps), and the
 * node-map merge rules of toRDF (a value is added to a node's property only once, by jsonld.js's
 * value comparison). Whatever it does not cover, or anything safe mode would reject, ends the
 * walk: `fastToQuads` returns undefined and the caller uses the general path.
 */
import type { Quad, Term } from '../canonize.js';
import {
  ActiveContext, BCP47, Bail, IriKind, bail, expandIri, expandVocab, initialContext, isAbsoluteIri, isKeyword, isPlainObject,
  processContext, termContainer, termContext, termDirection, termLanguage, termType, type ContextEnv,
} from './active-context.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_BOOLEAN = `${XSD}boolean`;
const XSD_DOUBLE = `${XSD}double`;
const XSD_INTEGER = `${XSD}integer`;
const XSD_STRING = `${XSD}string`;
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDF_TYPE = `${RDF}type`;
const RDF_FIRST = `${RDF}first`;
const RDF_REST = `${RDF}rest`;
const RDF_NIL = `${RDF}nil`;
const RDF_LANGSTRING = `${RDF}langString`;
const RDF_JSON = `${RDF}JSON`;

/** Deepest object nesting the fast path walks (the general path takes over beyond). */
const MAX_DEPTH = 128;

/** A subject or graph name, with the key used for node-map style de-duplication. */
interface NodeRef {
  term: Term;
  key: string;
}

/** A subject within one graph: its values per property, as keys (jsonld.js merges nodes by id). */
interface Subject extends NodeRef {
  values: Map<string, Set<string>>;
}

/** A graph: its name and the subjects seen in it so far. */
interface Graph extends NodeRef {
  subjects: Map<string, Map<string, Set<string>>>;
}

/** One expanded value: a node reference, a literal, or a list (from nested arrays in a list). */
type Item =
  | { kind: 'term'; term: Term; key: string | null }
  | { kind: 'list'; items: Item[] };

interface ObjectResult {
  item: Item & { kind: 'term' };
  isValue: boolean;
  /** Empty, or only an @id: dropped (a safe-mode error) at the top level or in a @graph container. */
  droppable: boolean;
}

const DEFAULT_GRAPH_TERM: Term = { termType: 'DefaultGraph', value: '' };
const RDF_NIL_TERM: Term = { termType: 'NamedNode', value: RDF_NIL };
const RDF_TYPE_TERM: Term = { termType: 'NamedNode', value: RDF_TYPE };
const RDF_FIRST_TERM: Term = { termType: 'NamedNode', value: RDF_FIRST };
const RDF_REST_TERM: Term = { termType: 'NamedNode', value: RDF_REST };
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function named(iri: string): Term {
  return { termType: 'NamedNode', value: iri };
}

function literal(value: string, datatype: string, language?: string): Term {
  const t: Term = { termType: 'Literal', value, datatype: { termType: 'NamedNode', value: datatype } };
  if (language !== undefined) t.language = language;
  return t;
}

class Walk {
  readonly quads: Quad[] = [];
  private blankCount = 0;
  private readonly docBlanks = new Map<string, NodeRef>();
  depth = 0;

  constructor(readonly env: ContextEnv) {}

  fresh(): NodeRef {
    const label = `b${this.blankCount++}`;
    return { term: { termType: 'BlankNode', value: label }, key: `_${label}` };
  }

  /** A blank node named in the document (`_:x`): one node per label, relabelled. */
  docBlank(id: string): NodeRef {
    let ref = this.docBlanks.get(id);
    if (!ref) {
      ref = this.fresh();
      this.docBlanks.set(id, ref);
    }
    return ref;
  }

  node(id: string): NodeRef {
    if (id.startsWith('_:')) return this.docBlank(id);
    if (!isAbsoluteIri(id)) bail(`relative IRI ${id}`);
    return { term: named(id), key: `I${id}` };
  }

  /** A new graph named by a new blank node. */
  graph(): Graph {
    const ref = this.fresh();
    return { term: ref.term, key: ref.key, subjects: new Map() };
  }

  /** The subject `ref` within `graph` (its values merge with earlier occurrences of the same id). */
  subject(graph: Graph, ref: NodeRef, fresh: boolean): Subject {
    if (fresh) return { term: ref.term, key: ref.key, values: new Map() };
    let values = graph.subjects.get(ref.key);
    if (!values) {
      values = new Map();
      graph.subjects.set(ref.key, values);
    }
    return { term: ref.term, key: ref.key, values };
  }

  /**
   * Adds a quad unless the same value was already added to this subject's property in this graph
   * (`valueKey` null: never de-duplicated, as for lists).
   */
  emit(graph: Graph, s: Subject, p: string, o: Term, valueKey: string | null): void {
    if (valueKey !== null) {
      const set = s.values.get(p);
      if (!set) {
        s.values.set(p, new Set([valueKey]));
      } else {
        if (set.has(valueKey)) return;
        set.add(valueKey);
      }
    }
    this.quads.push({ subject: s.term, predicate: p === '@type' ? RDF_TYPE_TERM : named(p), object: o, graph: graph.term });
  }

  /** Adds a quad that can never be a duplicate (list cells, fresh graph names). */
  push(graph: Graph, s: Term, p: Term, o: Term): void {
    this.quads.push({ subject: s, predicate: p, object: o, graph: graph.term });
  }
}

/**
 * Converts a compact JSON-LD document to RDF quads, or returns undefined when the document needs
 * the general algorithm (any feature not covered here, any unknown context URL, anything jsonld.js
 * safe mode would reject).
 *
 * @param contexts looks up a context document by URL (undefined when unknown). Processed contexts
 *   are cached by the identity of the returned documents, so return the same objects each time.
 */
export function fastToQuads(doc: object, contexts: (url: string) => unknown): Quad[] | undefined {
  const r = fastToQuadsDetailed(doc, contexts);
  return 'quads' in r ? r.quads : undefined;
}

/** As {@link fastToQuads}, with the reason when the fast path gives up (diagnostics, tests). */
export function fastToQuadsDetailed(doc: object, contexts: (url: string) => unknown): { quads: Quad[] } | { bail: string } {
  try {
    if (!isPlainObject(doc)) bail('the document is not a JSON object');
    const w = new Walk({ source: contexts });
    expandObject(w, initialContext(), null, doc, { term: DEFAULT_GRAPH_TERM, key: '', subjects: new Map() });
    return { quads: w.quads };
  } catch (e) {
    if (e instanceof Bail) return { bail: e.message };
    return { bail: `internal: ${e instanceof Error ? e.message : String(e)}` };
  }
}

// ---------------------------------------------------------------------------------------------

function expandObject(w: Walk, ctxIn: ActiveContext, activeProperty: string | null, el: Record<string, unknown>, graph: Graph): ObjectResult {
  if (++w.depth > MAX_DEPTH) bail('document too deep for the fast path');
  let ctx = ctxIn;
  const propertyScoped = termContext(ctx, activeProperty);
  const keys = Object.keys(el).sort();
  if (hasOwn(el, '__proto__')) bail('__proto__ key');

  // Type-scoped contexts do not propagate into nested nodes, except to value objects and to
  // subject references ({"id": ...}).
  const typeScoped = ctx.previous ? ctx : null;
  let mustRevert = true;
  if (typeScoped && keys.length <= 2 && !keys.includes('@context')) {
    for (const k of keys) {
      const ep = expandIri(typeScoped, k, true);
      if (ep === '@value') {
        mustRevert = false;
        ctx = typeScoped;
        break;
      }
      if (ep === '@id' && keys.length === 1) {
        mustRevert = false;
        break;
      }
    }
  }
  if (mustRevert) ctx = ctx.revert();
  if (propertyScoped !== undefined) ctx = processContext(ctx, propertyScoped, w.env, { propagate: true, overrideProtected: true });
  if (hasOwn(el, '@context')) ctx = processContext(ctx, el['@context'], w.env, { propagate: true, overrideProtected: false, inline: true });

  const typeScopedCtx = ctx;
  for (const k of keys) {
    if (expandIri(ctx, k, true) !== '@type') continue;
    const v = el[k];
    const types = Array.isArray(v) ? (v.length > 1 ? [...v].sort() : v) : [v];
    for (const t of types) {
      if (typeof t !== 'string') bail('@type values must be strings');
      const scoped = termContext(typeScopedCtx, t);
      if (scoped !== undefined) ctx = processContext(ctx, scoped, w.env, { propagate: false, overrideProtected: false });
    }
  }

  // Classify the entries with the final context.
  const props: [string, string][] = [];
  const typeIris: string[] = [];
  let id: string | undefined;
  let hasValue = false;
  let value: unknown;
  let language: string | undefined;
  const keywordsSeen = new Set<string>();
  for (const k of keys) {
    if (k === '@context') continue;
    const { iri, kind } = expandVocab(ctx, k);
    if (kind === IriKind.Invalid) bail(`term "${k}" is not defined`);
    if (kind === IriKind.Blank) bail('blank node predicate');
    const ep = iri!;
    if (kind === IriKind.Absolute) {
      props.push([k, ep]);
      continue;
    }
    if (keywordsSeen.has(ep) && ep !== '@type') bail(`colliding keywords ${ep}`);
    const v = el[k];
    switch (ep) {
      case '@id': {
        if (typeof v !== 'string') bail('@id must be a string');
        const e = expandIri(ctx, v, false);
        if (e === null) bail('reserved @id value');
        if (!isAbsoluteIri(e)) bail(`relative @id ${v}`);
        id = e;
        keywordsSeen.add(ep);
        break;
      }
      case '@type': {
        const list = Array.isArray(v) ? v : [v];
        for (const t of list) {
          if (typeof t !== 'string') bail('@type values must be strings');
          const { iri, kind } = expandVocab(typeScopedCtx, t);
          if (kind === IriKind.Blank) bail('blank node type');
          if (kind !== IriKind.Absolute) bail(`type "${t}" is not defined`);
          typeIris.push(iri!);
        }
        if (list.length) keywordsSeen.add(ep);
        break;
      }
      case '@value':
        hasValue = true;
        value = v;
        keywordsSeen.add(ep);
        break;
      case '@language':
        if (v === null) break;
        if (typeof v !== 'string') bail('@language must be a string');
        if (!BCP47.test(v)) bail('invalid @language value');
        language = v.toLowerCase();
        keywordsSeen.add(ep);
        break;
      default:
        bail(`${ep} is not supported by the fast path`);
    }
  }

  const dropCheck = activeProperty === null || termContainer(ctx, activeProperty).includes('@graph');

  if (hasValue) {
    if (props.length || id !== undefined || typeIris.length > 1) bail('invalid value object');
    const type = typeIris[0];
    if (type !== undefined && language !== undefined) bail('value object with both @type and @language');
    if (dropCheck) bail('free-floating value object');
    if (!isScalar(value)) bail('unsupported @value');
    if (language !== undefined && typeof value !== 'string') bail('only strings may be language-tagged');
    w.depth--;
    return { item: literalItem(value, type, language), isValue: true, droppable: true };
  }
  if (language !== undefined) bail('@language outside a value object');

  const subject = id === undefined ? w.subject(graph, w.fresh(), true) : w.subject(graph, w.node(id), false);
  for (const t of typeIris) w.emit(graph, subject, '@type', named(t), `I${t}`);
  const added = new Set<string>();
  for (const [k, iri] of props) {
    if (expandProperty(w, ctx, k, iri, el[k], subject, graph)) added.add(iri);
  }
  const count = (id === undefined ? 0 : 1) + (typeIris.length ? 1 : 0) + added.size;
  const droppable = count === 0 || (count === 1 && id !== undefined);
  if (dropCheck && droppable) bail('empty or id-only node at the top level or in a graph');
  w.depth--;
  return { item: { kind: 'term', term: subject.term, key: subject.key }, isValue: false, droppable };
}

/** Expands one property of a node; true when the property appears in the expanded node. */
function expandProperty(
  w: Walk, nodeCtx: ActiveContext, key: string, pred: string, value: unknown, subject: Subject, graph: Graph,
): boolean {
  if (nodeCtx.mappings.get(key)?.reverse) bail('reverse property');
  let termCtx = nodeCtx;
  const scoped = termContext(nodeCtx, key);
  if (scoped !== undefined) {
    termCtx = processContext(nodeCtx, scoped, w.env, { propagate: true, overrideProtected: true });
    if (termCtx.mappings.get(key)?.reverse) bail('reverse property');
    const again = expandIri(termCtx, key, true);
    if (again === null || isKeyword(again)) bail('scoped context redefines the term as a keyword');
  }
  const container = termContainer(nodeCtx, key);
  if (container.includes('@index') || container.includes('@id') || container.includes('@type')) bail(`${container.join(' ')} container`);

  if (container.includes('@language') && isPlainObject(value)) {
    languageMap(w, termCtx, key, pred, value, subject, graph);
    return true;
  }
  if (termType(nodeCtx, key) === '@json') {
    if (container.includes('@list') || container.includes('@graph')) bail('@json in a list or graph container');
    const text = canonicalJson(value, 0);
    const dedupe = value === null || typeof value !== 'object' ? `J${text}` : null;
    w.emit(graph, subject, pred, literal(text, RDF_JSON), dedupe);
    return true;
  }
  if (value === null) return false;

  if (container.includes('@graph')) {
    // Each object becomes a named graph (a new blank node) holding that node.
    let any = false;
    for (const el of Array.isArray(value) ? value : [value]) {
      if (el === null) continue;
      if (!isPlainObject(el)) bail('non-object in a @graph container');
      const g = w.graph();
      const r = expandObject(w, termCtx, key, el, g);
      if (r.isValue || r.droppable) bail('value or empty node in a @graph container');
      w.push(graph, subject.term, named(pred), g.term);
      any = true;
    }
    return any;
  }

  const items = Array.isArray(value) ? expandArray(w, termCtx, key, value, graph) : single(expandElement(w, termCtx, key, value, graph));
  if (items === null) return false;
  if (container.includes('@list')) {
    w.push(graph, subject.term, named(pred), buildList(w, graph, items));
  } else {
    for (const it of items) {
      if (it.kind === 'list') w.push(graph, subject.term, named(pred), buildList(w, graph, it.items));
      else w.emit(graph, subject, pred, it.term, it.key);
    }
  }
  return true;
}

function single(it: Item | null): Item[] | null {
  return it === null ? null : [it];
}

function expandArray(w: Walk, ctx: ActiveContext, key: string, arr: unknown[], graph: Graph): Item[] {
  const inList = termContainer(ctx, key).includes('@list');
  const out: Item[] = [];
  for (const el of arr) {
    if (Array.isArray(el)) {
      const sub = expandArray(w, ctx, key, el, graph);
      if (inList) out.push({ kind: 'list', items: sub });
      else out.push(...sub);
      continue;
    }
    const it = expandElement(w, ctx, key, el, graph);
    if (it !== null) out.push(it);
  }
  return out;
}

function expandElement(w: Walk, ctx: ActiveContext, key: string, el: unknown, graph: Graph): Item | null {
  if (el === null) return null;
  if (isPlainObject(el)) return expandObject(w, ctx, key, el, graph).item;
  if (!isScalar(el)) bail('not a JSON value');
  const type = termType(ctx, key);
  if (typeof el === 'string' && (type === '@id' || type === '@vocab')) {
    const iri = expandIri(ctx, el, type === '@vocab');
    if (iri === null) bail('reserved @id value');
    const ref = w.node(iri);
    return { kind: 'term', term: ref.term, key: ref.key };
  }
  if (type !== null && type !== '@id' && type !== '@vocab' && type !== '@none') {
    if (type === '@json') bail('@json coercion from a scoped context');
    return literalItem(el, type, undefined);
  }
  let lang: string | undefined;
  if (typeof el === 'string') {
    const l = termLanguage(ctx, key);
    if (l !== null) lang = l;
    if (termDirection(ctx, key) !== null) bail('@direction');
  }
  return literalItem(el, undefined, lang);
}

function languageMap(
  w: Walk, ctx: ActiveContext, key: string, pred: string, map: Record<string, unknown>, subject: Subject, graph: Graph,
): void {
  if (termDirection(ctx, key) !== null) bail('@direction');
  if (hasOwn(map, '__proto__')) bail('__proto__ key');
  for (const tag of Object.keys(map).sort()) {
    const expanded = expandIri(ctx, tag, true);
    const raw = map[tag];
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      if (v === null) continue;
      if (typeof v !== 'string') bail('language map values must be strings');
      let lang: string | undefined;
      if (expanded !== '@none') {
        if (!BCP47.test(tag)) bail('invalid language tag');
        lang = tag.toLowerCase();
      }
      const it = literalItem(v, undefined, lang);
      w.emit(graph, subject, pred, it.term, it.key);
    }
  }
}

function buildList(w: Walk, graph: Graph, items: Item[]): Term {
  if (items.length === 0) return RDF_NIL_TERM;
  const head = w.fresh();
  let cell = head;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const obj = it.kind === 'list' ? buildList(w, graph, it.items) : it.term;
    w.push(graph, cell.term, RDF_FIRST_TERM, obj);
    if (i === items.length - 1) {
      w.push(graph, cell.term, RDF_REST_TERM, RDF_NIL_TERM);
    } else {
      const next = w.fresh();
      w.push(graph, cell.term, RDF_REST_TERM, next.term);
      cell = next;
    }
  }
  return head.term;
}

type Scalar = string | number | boolean;

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/** jsonld.js's test for "a double": a number whose string form has a "." or that is ≥ 1e21. */
function isDoubleNumber(n: number): boolean {
  return String(n).includes('.') || Math.abs(n) >= 1e21;
}

/** XSD canonical double as jsonld.js writes it: 15 fraction digits, trailing zeros trimmed ("1.5E0"). */
function canonicalDouble(n: number): string {
  const exp = n.toExponential(15); // e.g. "1.500000000000000e+0"
  return exp.replace(/(\d)0*e\+?/, '$1E');
}

/** The RDF literal for a value object, and the key jsonld.js uses to tell values apart. */
function literalItem(v: Scalar, type: string | undefined, language: string | undefined): Item & { kind: 'term' } {
  // Self-delimiting: kind, type, language, then the value itself (jsonld.js compares @value with
  // ===, so 0 and -0 are one value and "1" and 1 are two).
  const kind = typeof v === 'string' ? 's' : typeof v === 'number' ? 'n' : 'b';
  const key = `L${kind}${type === undefined ? '-' : `${type.length}:${type}`}${language === undefined ? '-' : `${language.length}:${language}`}${String(v)}`;
  let term: Term;
  if (typeof v === 'boolean') {
    term = literal(String(v), type ?? XSD_BOOLEAN);
  } else if ((typeof v === 'number' && isDoubleNumber(v)) || type === XSD_DOUBLE) {
    term = literal(canonicalDouble(typeof v === 'number' ? v : parseFloat(v)), type ?? XSD_DOUBLE);
  } else if (typeof v === 'number') {
    term = literal(v.toFixed(0), type ?? XSD_INTEGER);
  } else if (language !== undefined) {
    term = literal(v, RDF_LANGSTRING, language);
  } else {
    term = literal(v, type ?? XSD_STRING);
  }
  return { kind: 'term', term, key };
}

/** JSON Canonicalization Scheme (RFC 8785) text of a JSON value, for rdf:JSON literals. */
function canonicalJson(v: unknown, depth: number): string {
  if (depth > MAX_DEPTH) bail('JSON literal too deep');
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) bail('non-finite number');
      return JSON.stringify(v);
    case 'string':
      return JSON.stringify(v);
    case 'object':
      break;
    default:
      bail('not a JSON value');
  }
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonicalJson(v[i], depth + 1);
    return `${out}]`;
  }
  if (!isPlainObject(v)) bail('not a JSON value');
  if (hasOwn(v, '__proto__')) bail('__proto__ key');
  let out = '{';
  let first = true;
  for (const k of Object.keys(v).sort()) {
    const item = v[k];
    if (item === undefined) bail('undefined in JSON literal');
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(item, depth + 1)}`;
    first = false;
  }
  return `${out}}`;
}
