/**
 * JSON-LD 1.1 context processing for the fast JSON-LD → RDF path.
 *
 * An active context is immutable once built, and every transition (active context + local
 * context + flags → new active context) is cached on the source context. The bundled contexts are
 * the same objects on every call, so a typical credential re-uses the whole chain of processed
 * contexts (document context, type-scoped and property-scoped contexts) and pays for context
 * processing only once per process.
 *
 * The behaviour follows the JSON-LD 1.1 Processing Algorithms (context processing, create term
 * definition, IRI expansion) as jsonld.js 9 implements them in safe mode, including its quirks
 * where they change the outcome (e.g. `"@protected": false` is a cyclic-definition error there).
 * Anything unusual — an error, a safe-mode warning, or a feature this module does not implement
 * (`@base`, `@import`, `@direction`, …) — throws {@link Bail}; the caller then falls back to
 * jsonld.js, which raises the proper error or produces the proper output.
 */

/** Thrown to abandon the fast path; never escapes `fastToQuads`. */
export class Bail extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Bail';
  }
}

/** Abandons the fast path with a reason (for diagnostics and tests). */
export function bail(reason: string): never {
  throw new Bail(reason);
}

/**
 * A term definition. The key set mirrors the one jsonld.js builds, because redefining a protected
 * term is allowed only when the old and new definitions compare deeply equal, key for key.
 */
export interface TermDef {
  reverse: boolean;
  _termHasColon: boolean;
  '@id'?: string | null;
  _prefix?: boolean;
  protected?: boolean;
  '@type'?: string;
  '@container'?: string[];
  '@index'?: string;
  '@context'?: unknown;
  '@language'?: string | null;
  '@direction'?: string | null;
  '@nest'?: string;
}

type JsonObject = Record<string, unknown>;

/** Resolves a context URL to its document (undefined when unknown). */
export type ContextSource = (url: string) => unknown;

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A plain JSON object (not an array, not a class instance). */
export function isPlainObject(v: unknown): v is JsonObject {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

const KEYWORDS = new Set([
  '@base', '@container', '@context', '@default', '@direction', '@embed', '@explicit', '@graph', '@id',
  '@included', '@index', '@json', '@language', '@list', '@nest', '@none', '@omitDefault', '@prefix',
  '@preserve', '@protected', '@requireAll', '@reverse', '@set', '@type', '@value', '@version', '@vocab',
]);

/** True for the JSON-LD keywords (the set jsonld.js recognises). */
export function isKeyword(v: unknown): boolean {
  return typeof v === 'string' && v.charCodeAt(0) === 64 /* @ */ && KEYWORDS.has(v);
}

/** Looks like a keyword (`@` + letters) but may not be one; such strings expand to null. */
export const KEYWORD_LIKE = /^@[a-zA-Z]+$/;
/** The language-tag check jsonld.js applies (a warning, i.e. an error in safe mode). */
export const BCP47 = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
// Scheme (letter, then letters, digits, "+", ",", "-", ".") or "_" (blank node), a colon, and no
// white space anywhere after it: the same weak test jsonld.js uses to call an IRI absolute.
const ABSOLUTE = /^(?:[A-Za-z][A-Za-z0-9+,\-.]*|_):[^\s]*$/;

/** jsonld.js's notion of an absolute IRI (blank node identifiers included). */
export function isAbsoluteIri(v: unknown): v is string {
  return typeof v === 'string' && ABSOLUTE.test(v);
}

// Bounded memo tables; cleared wholesale when full (documents may carry arbitrary strings).
const MEMO_MAX = 4096;
const TRANSITIONS_MAX = 2048;
let transitionsCached = 0;

/** A cached failure: processing this transition gave up, for this reason. */
class Failed {
  constructor(readonly reason: string) {}
}

/** An immutable JSON-LD active context. */
export class ActiveContext {
  readonly mappings: Map<string, TermDef>;
  vocab: string | undefined;
  language: string | undefined;
  readonly protectedTerms: Set<string>;
  previous: ActiveContext | null;
  /** Cached transitions: key → resulting context, or the reason processing gave up. */
  readonly transitions = new Map<string, ActiveContext | Failed>();
  /** Cached transitions for a local context that is one context object (by identity), per flags. */
  readonly objectTransitions = new WeakMap<object, (ActiveContext | Failed | undefined)[]>();
  /** Memo of vocab-relative IRI expansion (keys and types), with its classification. */
  readonly vocabMemo = new Map<string, VocabIri>();

  constructor(src?: ActiveContext) {
    if (src) {
      this.mappings = new Map(src.mappings);
      this.vocab = src.vocab;
      this.language = src.language;
      this.protectedTerms = new Set(src.protectedTerms);
      this.previous = src.previous;
    } else {
      this.mappings = new Map();
      this.vocab = undefined;
      this.language = undefined;
      this.protectedTerms = new Set();
      this.previous = null;
    }
  }

  clone(): ActiveContext {
    return new ActiveContext(this);
  }

  /** The context before any non-propagated (type-scoped) context, or this one. */
  revert(): ActiveContext {
    return this.previous ?? this;
  }
}

let root = new ActiveContext();

/** The initial (empty) active context; the root of every cached chain. */
export function initialContext(): ActiveContext {
  if (transitionsCached > TRANSITIONS_MAX) {
    root = new ActiveContext();
    transitionsCached = 0;
  }
  return root;
}

/** Drops every cached context (tests, or after the bundled contexts change). */
export function clearContextCache(): void {
  root = new ActiveContext();
  transitionsCached = 0;
}

/** getContextValue of the JSON-LD algorithms, for the entries the expansion needs. */
export function termContext(ctx: ActiveContext, key: string | null): unknown {
  if (key === null) return undefined;
  const m = ctx.mappings.get(key);
  if (m && hasOwn(m, '@context')) return m['@context'];
  return undefined;
}

export function termType(ctx: ActiveContext, key: string): string | null {
  const m = ctx.mappings.get(key);
  if (m && m['@type'] !== undefined) return m['@type'];
  return null;
}

export function termContainer(ctx: ActiveContext, key: string | null): string[] {
  if (key === null) return [];
  const m = ctx.mappings.get(key);
  return (m && m['@container']) || [];
}

export function termLanguage(ctx: ActiveContext, key: string): string | null {
  const m = ctx.mappings.get(key);
  if (m && hasOwn(m, '@language')) return m['@language'] ?? null;
  return ctx.language ?? null;
}

export function termDirection(ctx: ActiveContext, key: string): string | null {
  const m = ctx.mappings.get(key);
  if (m && hasOwn(m, '@direction')) return m['@direction'] ?? null;
  return null; // context-level @direction is refused at processing time
}

/** What a vocab-relative expansion gave: a keyword, an absolute IRI, a blank node, or nothing usable. */
export enum IriKind {
  Invalid = 0,
  Keyword = 1,
  Absolute = 2,
  Blank = 3,
}

export interface VocabIri {
  iri: string | null;
  kind: IriKind;
}

/** Vocab-relative expansion (keys, types, @vocab-typed values), memoized per context. */
export function expandVocab(ctx: ActiveContext, value: string): VocabIri {
  let hit = ctx.vocabMemo.get(value);
  if (hit === undefined) {
    const iri = expandIriUncached(ctx, value, true);
    const kind = iri === null ? IriKind.Invalid
      : isKeyword(iri) ? IriKind.Keyword
      : !isAbsoluteIri(iri) ? IriKind.Invalid
      : iri.startsWith('_:') ? IriKind.Blank
      : IriKind.Absolute;
    hit = { iri, kind };
    if (ctx.vocabMemo.size >= MEMO_MAX) ctx.vocabMemo.clear();
    ctx.vocabMemo.set(value, hit);
  }
  return hit;
}

/**
 * IRI expansion during document expansion (no local context). `vocab`: terms and @vocab apply;
 * otherwise document-relative (the base is always null here, so relative stays relative).
 */
export function expandIri(ctx: ActiveContext, value: string, vocab: boolean): string | null {
  return vocab ? expandVocab(ctx, value).iri : expandIriUncached(ctx, value, false);
}

function expandIriUncached(ctx: ActiveContext, value: string, vocab: boolean): string | null {
  if (isKeyword(value)) return value;
  if (KEYWORD_LIKE.test(value)) return null;
  if (vocab) {
    const m = ctx.mappings.get(value);
    if (m && hasOwn(m, '@id')) return m['@id'] ?? null;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (prefix === '_' || suffix.startsWith('//')) return value;
    const m = ctx.mappings.get(prefix);
    if (m && m._prefix) {
      const id = m['@id'];
      if (typeof id !== 'string') bail('prefix mapped to null');
      return id + suffix;
    }
    if (isAbsoluteIri(value)) return value;
  }
  if (vocab && ctx.vocab !== undefined) return ctx.vocab + value;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Context resolution (URLs → documents) and processing.

interface Resolved {
  doc: JsonObject | null;
  key: string;
}

let nextObjectId = 1;
const objectIds = new WeakMap<object, number>();
function objectId(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(o, id);
  }
  return id;
}

// Inline contexts from documents are new objects every time; one representative per JSON text
// keeps the cache keyed by content and the stored scoped contexts stable.
const inlineRepresentatives = new Map<string, JsonObject>();

const EMPTY_CONTEXT: JsonObject = Object.freeze({}) as JsonObject;
const MAX_CONTEXT_URLS = 10;

/** Per-call environment: how URLs are looked up. */
export interface ContextEnv {
  source: ContextSource;
}

function resolveLocal(
  local: unknown, env: ContextEnv, inline: boolean, chain: string[], budget: { urls: number }, out: Resolved[],
): void {
  const items = Array.isArray(local) ? local : [local];
  for (const c of items) {
    if (typeof c === 'string') {
      if (chain.includes(c)) bail(`cyclic @context URL ${c}`);
      if (++budget.urls > MAX_CONTEXT_URLS) bail('too many @context URLs');
      const doc = env.source(c);
      if (doc === undefined) bail(`unknown context ${c}`);
      if (!isPlainObject(doc)) bail(`context ${c} is not a JSON object`);
      const inner = hasOwn(doc, '@context') ? doc['@context'] : EMPTY_CONTEXT;
      if (!(typeof inner === 'string' || Array.isArray(inner) || isPlainObject(inner))) bail(`context ${c} has an unusable @context`);
      const before = out.length;
      resolveLocal(inner, env, false, [...chain, c], budget, out);
      if (out.length === before) bail(`context ${c} resolves to nothing`);
      continue;
    }
    if (c === null) {
      out.push({ doc: null, key: 'N' });
      continue;
    }
    if (!isPlainObject(c)) bail('invalid local context');
    if (hasOwn(c, '@context')) bail('context object with an @context entry');
    if (inline) {
      const json = JSON.stringify(c);
      if (json.includes('"__proto__"')) bail('__proto__ key in an inline context');
      let rep = inlineRepresentatives.get(json);
      if (!rep) {
        if (inlineRepresentatives.size >= MEMO_MAX) inlineRepresentatives.clear();
        // A private copy: the caller may change its document afterwards.
        rep = JSON.parse(json) as JsonObject;
        inlineRepresentatives.set(json, rep);
      }
      out.push({ doc: rep, key: `O${objectId(rep)}` });
    } else {
      out.push({ doc: c, key: `O${objectId(c)}` });
    }
  }
}

export interface ProcessOptions {
  propagate: boolean;
  overrideProtected: boolean;
  /** `local` comes from the document being converted (not from a context document). */
  inline?: boolean;
  /** Scoped-context URLs already validated in this processing tree (jsonld.js `cycles`). */
  cycles?: Set<string>;
}

/**
 * Processes `local` against `active`, returning the new active context (cached). Throws Bail on
 * anything jsonld.js would reject or warn about, or that this module does not implement.
 */
export function processContext(active: ActiveContext, local: unknown, env: ContextEnv, opts: ProcessOptions): ActiveContext {
  // A local context that is an object holding an @context array is replaced by that array.
  if (isPlainObject(local) && hasOwn(local, '@context') && Array.isArray(local['@context'])) local = local['@context'];
  if (Array.isArray(local) && local.length === 0) return active;

  // Fast lookup for scoped contexts: one object from a context document resolves to itself, so
  // the result depends only on `active`, that object and the flags.
  const flags = (opts.propagate ? 1 : 0) + (opts.overrideProtected ? 2 : 0);
  const byIdentity = opts.cycles === undefined && opts.inline !== true && isPlainObject(local) && !hasOwn(local, '@context');
  if (byIdentity) {
    const hit = active.objectTransitions.get(local as object)?.[flags];
    if (hit instanceof Failed) bail(hit.reason);
    if (hit) return hit;
  }

  const resolved: Resolved[] = [];
  resolveLocal(local, env, opts.inline === true, [], { urls: 0 }, resolved);
  if (resolved.length === 0) bail('empty context resolution');

  // Validation runs (cycles given) work on throwaway clones: nothing worth caching.
  const cycles = opts.cycles;
  const cacheable = cycles === undefined;
  const key = `${opts.propagate ? 1 : 0}${opts.overrideProtected ? 1 : 0}|${resolved.map((r) => r.key).join(',')}`;
  if (cacheable) {
    const hit = active.transitions.get(key);
    if (hit instanceof Failed) bail(hit.reason);
    if (hit) return hit;
  }
  try {
    const state = { validatedUrl: false };
    const result = processResolved(active, resolved, env, opts, cycles ?? new Set(), state);
    if (cacheable && !state.validatedUrl) {
      active.transitions.set(key, result);
      if (byIdentity) remember(active, local as object, flags, result);
      transitionsCached++;
    }
    return result;
  } catch (e) {
    if (cacheable && e instanceof Bail) {
      const failed = new Failed(e.message);
      active.transitions.set(key, failed);
      if (byIdentity) remember(active, local as object, flags, failed);
      transitionsCached++;
    }
    throw e;
  }
}

function remember(active: ActiveContext, local: object, flags: number, result: ActiveContext | Failed): void {
  let slots = active.objectTransitions.get(local);
  if (!slots) {
    slots = [];
    active.objectTransitions.set(local, slots);
  }
  slots[flags] = result;
}

function processResolved(
  active: ActiveContext, resolved: Resolved[], env: ContextEnv, opts: ProcessOptions, cycles: Set<string>,
  state: { validatedUrl: boolean },
): ActiveContext {
  let propagate = opts.propagate;
  const first = resolved[0]!.doc;
  if (first && typeof first['@propagate'] === 'boolean') propagate = first['@propagate'];

  let rval = active;
  if (!propagate && !rval.previous) {
    rval = rval.clone();
    rval.previous = active;
  }

  for (const { doc: ctx } of resolved) {
    const current = rval;
    if (ctx === null) {
      if (!opts.overrideProtected && current.protectedTerms.size !== 0) bail('nullifying a context with protected terms');
      rval = new ActiveContext();
      continue;
    }
    rval = rval.clone();
    const defined = new Map<string, unknown>();

    if (hasOwn(ctx, '@version')) {
      if (ctx['@version'] !== 1.1) bail('unsupported @version');
      defined.set('@version', true);
    }
    if (hasOwn(ctx, '@base')) bail('@base is not supported by the fast path');
    if (hasOwn(ctx, '@vocab')) {
      const v = ctx['@vocab'];
      if (v === null) rval.vocab = undefined;
      else if (typeof v !== 'string') bail('invalid @vocab');
      else {
        const vocab = expandIriDef(rval, v, { vocab: true }, undefined, undefined, env, cycles);
        if (typeof vocab !== 'string' || !isAbsoluteIri(vocab)) bail('relative @vocab');
        rval.vocab = vocab;
      }
      rval.vocabMemo.clear();
      defined.set('@vocab', true);
    }
    if (hasOwn(ctx, '@language')) {
      const v = ctx['@language'];
      if (v === null) rval.language = undefined;
      else if (typeof v !== 'string') bail('invalid default language');
      else {
        if (!BCP47.test(v)) bail('invalid @language value');
        rval.language = v.toLowerCase();
      }
      defined.set('@language', true);
    }
    if (hasOwn(ctx, '@direction')) bail('@direction is not supported by the fast path');
    if (hasOwn(ctx, '@propagate')) {
      if (typeof ctx['@propagate'] !== 'boolean') bail('invalid @propagate');
      defined.set('@propagate', true);
    }
    if (hasOwn(ctx, '@import')) bail('@import is not supported by the fast path');
    defined.set('@protected', ctx['@protected'] || false);

    for (const term of Object.keys(ctx)) {
      defineTerm(rval, ctx, term, defined, env, cycles, opts.overrideProtected);
      const tv = ctx[term];
      if (isPlainObject(tv) && hasOwn(tv, '@context')) {
        // jsonld.js validates every scoped context eagerly, against the context as built so far.
        const scoped = tv['@context'];
        let validate = true;
        if (typeof scoped === 'string') {
          state.validatedUrl = true;
          if (cycles.has(scoped)) validate = false;
          else cycles.add(scoped);
        }
        if (validate) {
          try {
            processContext(rval.clone(), scoped, env, { propagate: true, overrideProtected: true, cycles });
          } catch (e) {
            if (e instanceof Bail) bail(`invalid scoped context on ${term}: ${e.message}`);
            throw e;
          }
        }
      }
    }
  }
  // A fresh memo: IRI expansion results depend on the final mappings.
  rval.vocabMemo.clear();
  return rval;
}

const VALID_TERM_KEYS = new Set([
  '@container', '@id', '@language', '@reverse', '@type', '@context', '@direction', '@index', '@nest', '@prefix', '@protected',
]);
const VALID_CONTAINERS = new Set(['@list', '@set', '@index', '@language', '@graph', '@id', '@type']);
const IRI_LIKE_TERM = /(?::[^:])|\//;
const GEN_DELIM_END = /[:/?#[\]@]$/;

function defineTerm(
  ac: ActiveContext, local: JsonObject, term: string, defined: Map<string, unknown>, env: ContextEnv,
  cycles: Set<string>, overrideProtected: boolean,
): void {
  if (defined.has(term)) {
    if (defined.get(term)) return;
    bail('cyclic IRI mapping');
  }
  defined.set(term, false);
  let value: unknown = hasOwn(local, term) ? local[term] : undefined;

  if (term === '@type' && isPlainObject(value) && ((value['@container'] as unknown) || '@set') === '@set') {
    const keys = Object.keys(value);
    if (keys.length === 0 || keys.some((k) => k !== '@container' && k !== '@id' && k !== '@protected')) bail('keyword redefinition');
  } else if (isKeyword(term)) {
    bail('keyword redefinition');
  } else if (KEYWORD_LIKE.test(term)) {
    bail('reserved term');
  } else if (term === '') {
    bail('empty term');
  }

  const previous = ac.mappings.get(term);
  ac.mappings.delete(term);

  let simpleTerm = false;
  if (typeof value === 'string' || value === null) {
    simpleTerm = true;
    value = { '@id': value };
  }
  if (!isPlainObject(value)) bail('invalid term definition');
  const def = value;

  const mapping: TermDef = { reverse: false, _termHasColon: false };
  ac.mappings.set(term, mapping);
  for (const k of Object.keys(def)) if (!VALID_TERM_KEYS.has(k)) bail(`invalid term definition key ${k}`);

  const colon = term.indexOf(':');
  mapping._termHasColon = colon > 0;

  if (hasOwn(def, '@reverse')) {
    if (hasOwn(def, '@id') || hasOwn(def, '@nest')) bail('invalid reverse property');
    const reverse = def['@reverse'];
    if (typeof reverse !== 'string') bail('invalid IRI mapping');
    if (KEYWORD_LIKE.test(reverse)) bail('reserved @reverse value');
    const id = expandIriDef(ac, reverse, { vocab: true }, local, defined, env, cycles);
    if (!isAbsoluteIri(id)) bail('invalid IRI mapping');
    mapping['@id'] = id;
    mapping.reverse = true;
  } else if (hasOwn(def, '@id')) {
    const id = def['@id'];
    if (id !== null && typeof id !== 'string') bail('invalid IRI mapping');
    if (id === null) {
      mapping['@id'] = null;
    } else if (!isKeyword(id) && KEYWORD_LIKE.test(id)) {
      bail('reserved @id value');
    } else if (id !== term) {
      const expanded = expandIriDef(ac, id, { vocab: true }, local, defined, env, cycles);
      if (typeof expanded !== 'string' || (!isAbsoluteIri(expanded) && !isKeyword(expanded))) bail('invalid IRI mapping');
      if (IRI_LIKE_TERM.test(term)) {
        const termDefined = new Map(defined).set(term, true);
        const termIri = expandIriDef(ac, term, { vocab: true }, local, termDefined, env, cycles);
        if (termIri !== expanded) bail('term in the form of an IRI must expand to its definition');
      }
      mapping['@id'] = expanded;
      mapping._prefix = simpleTerm && !mapping._termHasColon && GEN_DELIM_END.test(expanded);
    }
  }

  if (!hasOwn(mapping, '@id')) {
    if (mapping._termHasColon) {
      const prefix = term.slice(0, colon);
      if (hasOwn(local, prefix)) defineTerm(ac, local, prefix, defined, env, cycles, false);
      const pm = ac.mappings.get(prefix);
      if (pm) {
        const pid = pm['@id'];
        if (typeof pid !== 'string') bail('prefix mapped to null');
        mapping['@id'] = pid + term.slice(colon + 1);
      } else {
        mapping['@id'] = term;
      }
    } else if (term === '@type') {
      mapping['@id'] = term;
    } else {
      if (ac.vocab === undefined) bail('term without @id and no @vocab');
      mapping['@id'] = ac.vocab + term;
    }
  }

  if (def['@protected'] === true || (defined.get('@protected') === true && def['@protected'] !== false)) {
    ac.protectedTerms.add(term);
    mapping.protected = true;
  }
  defined.set(term, true);

  if (hasOwn(def, '@type')) {
    let type = def['@type'];
    if (typeof type !== 'string') bail('invalid type mapping');
    if (type !== '@json' && type !== '@none' && type !== '@id' && type !== '@vocab') {
      type = expandIriDef(ac, type, { vocab: true }, local, defined, env, cycles);
      if (typeof type !== 'string' || !isAbsoluteIri(type)) bail('invalid type mapping');
      if (type.startsWith('_:')) bail('invalid type mapping (blank node)');
    }
    mapping['@type'] = type as string;
  }

  if (hasOwn(def, '@container')) {
    const raw = def['@container'];
    const container = typeof raw === 'string' ? [raw] : (raw || []);
    if (!Array.isArray(container) || !container.every((c) => typeof c === 'string')) bail('invalid container mapping');
    const list = container as string[];
    const hasSet = list.includes('@set');
    let valid = true;
    if (list.includes('@list')) {
      if (list.length !== 1) bail('invalid container mapping');
    } else if (list.includes('@graph')) {
      if (list.some((k) => k !== '@graph' && k !== '@id' && k !== '@index' && k !== '@set')) bail('invalid container mapping');
    } else {
      valid = list.length <= (hasSet ? 2 : 1);
    }
    if (list.includes('@type')) {
      mapping['@type'] = mapping['@type'] || '@id';
      if (mapping['@type'] !== '@id' && mapping['@type'] !== '@vocab') bail('invalid type mapping');
    }
    valid = valid && list.every((c) => VALID_CONTAINERS.has(c)) && !(hasSet && list.includes('@list'));
    if (!valid) bail('invalid container mapping');
    if (mapping.reverse && !list.every((c) => c === '@index' || c === '@set')) bail('invalid reverse property');
    mapping['@container'] = list;
  }

  if (hasOwn(def, '@index')) {
    const idx = def['@index'];
    if (!hasOwn(def, '@container') || !mapping['@container']!.includes('@index')) bail('@index without @index container');
    if (typeof idx !== 'string' || idx.startsWith('@')) bail('invalid @index');
    mapping['@index'] = idx;
  }

  if (hasOwn(def, '@context')) mapping['@context'] = def['@context'];

  if (hasOwn(def, '@language') && !hasOwn(def, '@type')) {
    const lang = def['@language'];
    if (lang !== null && typeof lang !== 'string') bail('invalid language mapping');
    mapping['@language'] = lang === null ? null : lang.toLowerCase();
  }

  if (hasOwn(def, '@prefix')) {
    if (/[:/]/.test(term)) bail('@prefix on a compact IRI term');
    if (isKeyword(mapping['@id'])) bail('keyword used as a prefix');
    if (typeof def['@prefix'] !== 'boolean') bail('invalid @prefix');
    mapping._prefix = def['@prefix'] === true;
  }

  if (hasOwn(def, '@direction')) {
    const dir = def['@direction'];
    if (dir !== null && dir !== 'ltr' && dir !== 'rtl') bail('invalid base direction');
    mapping['@direction'] = dir;
  }

  if (hasOwn(def, '@nest')) {
    const nest = def['@nest'];
    if (typeof nest !== 'string' || (nest !== '@nest' && nest.startsWith('@'))) bail('invalid @nest');
    mapping['@nest'] = nest;
  }

  const id = mapping['@id'];
  if (id === '@context' || id === '@preserve') bail('invalid keyword alias');

  if (previous && previous.protected && !overrideProtected) {
    ac.protectedTerms.add(term);
    mapping.protected = true;
    if (!sameDefinition(previous, mapping)) bail(`tried to redefine the protected term ${term}`);
  }
}

/** IRI expansion while a local context is being processed (defines dependencies on demand). */
function expandIriDef(
  ac: ActiveContext, value: string, rel: { vocab: boolean }, local: JsonObject | undefined,
  defined: Map<string, unknown> | undefined, env: ContextEnv, cycles: Set<string>,
): string | null {
  if (isKeyword(value)) return value;
  if (KEYWORD_LIKE.test(value)) return null;
  if (local && defined && hasOwn(local, value) && defined.get(value) !== true) {
    defineTerm(ac, local, value, defined, env, cycles, false);
  }
  if (rel.vocab) {
    const m = ac.mappings.get(value);
    if (m && hasOwn(m, '@id')) return m['@id'] ?? null;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (prefix === '_' || suffix.startsWith('//')) return value;
    if (local && defined && hasOwn(local, prefix)) defineTerm(ac, local, prefix, defined, env, cycles, false);
    const m = ac.mappings.get(prefix);
    if (m && m._prefix) {
      const id = m['@id'];
      if (typeof id !== 'string') bail('prefix mapped to null');
      return id + suffix;
    }
    if (isAbsoluteIri(value)) return value;
  }
  if (rel.vocab && ac.vocab !== undefined) return ac.vocab + value;
  return value;
}

/** Deep equality of two term definitions (order-insensitive for @container), as jsonld.js does. */
function sameDefinition(a: unknown, b: unknown): boolean {
  return deepEqual(a, b);
}

function deepEqual(x1: unknown, x2: unknown): boolean {
  if (!(x1 && typeof x1 === 'object') || !(x2 && typeof x2 === 'object')) return x1 === x2;
  const a1 = Array.isArray(x1);
  if (a1 !== Array.isArray(x2)) return false;
  if (a1) {
    const l1 = x1 as unknown[];
    const l2 = x2 as unknown[];
    if (l1.length !== l2.length) return false;
    for (let i = 0; i < l1.length; i++) if (!deepEqual(l1[i], l2[i])) return false;
    return true;
  }
  const o1 = x1 as JsonObject;
  const o2 = x2 as JsonObject;
  const k1 = Object.keys(o1);
  if (k1.length !== Object.keys(o2).length) return false;
  for (const k of k1) {
    let v1 = o1[k];
    let v2 = o2[k];
    if (k === '@container' && Array.isArray(v1) && Array.isArray(v2)) {
      v1 = [...v1].sort();
      v2 = [...v2].sort();
    }
    if (!deepEqual(v1, v2)) return false;
  }
  return true;
}
