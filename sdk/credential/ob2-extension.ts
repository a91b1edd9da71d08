/**
 * OB 2.0 extensions (OB 2.0 §Extensions, §Extension Validation): a node typed `Extension` whose
 * extension context may link JSON Schemas through `obi:validation` entries
 * (`obi:validatesType` → `obi:validationSchema`). Each matching schema is applied to the extension
 * node with its property names compacted to the extension context's terms.
 *
 * Extension contexts, like every JSON-LD context, are never fetched: they come from the bundle or the
 * caller's `contexts`; an extension whose context is unknown is reported as unchecked (a warning).
 * The JSON Schemas they link are ordinary documents and are loaded through the safe fetch.
 */
import { CredLensError } from '../errors.js';
import { findContext } from '../contexts/index.js';
import { safeFetch } from '../fetch/index.js';
import type { ResolvedOptions } from '../options.js';
import type { Check } from '../report/types.js';
import { isObject, parseJson, typesOf, type JsonObject } from '../util/json.js';
import { validateJsonSchema } from './ob2-json-schema.js';
import { expandIri, isOb2ContextUrl, OB_EXTENSIONS, OB2_TERMS, OBI, termsOf, type TermTable } from './ob2-vocab.js';

/** An extension node found in a document, with the `@context` entries in scope for it. */
export interface FoundExtension {
  node: JsonObject;
  /** JSON path of the node, for messages. */
  path: string;
  /** The `@context` entries in scope, outermost first. */
  contexts: unknown[];
}

/** Finds every node typed `Extension` in `doc` (recursively), with the contexts in scope. */
export function findExtensions(doc: JsonObject, path = '$'): FoundExtension[] {
  const out: FoundExtension[] = [];
  walk(doc, path, [], out);
  return out;
}

function walk(v: unknown, path: string, outer: unknown[], out: FoundExtension[]): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, `${path}[${i}]`, outer, out));
    return;
  }
  if (!isObject(v)) return;
  const ctx = v['@context'];
  const contexts = ctx === undefined ? outer : [...outer, ...(Array.isArray(ctx) ? ctx : [ctx])];
  const terms = termsOf(contexts.length ? contexts : ['https://w3id.org/openbadges/v2']);
  if (typesOf(v).some((t) => expandIri(t, terms) === OBI + 'Extension')) out.push({ node: v, path, contexts });
  for (const [k, x] of Object.entries(v)) if (k !== '@context') walk(x, `${path}.${k}`, contexts, out);
}

/** One `obi:validation` entry of an extension context. */
export interface TypeValidation {
  /** The expanded type IRI the schema applies to. */
  validatesType: string;
  schemaUrl: string;
  /** Term table of the extension context (for compacting the node). */
  terms: TermTable;
}

/** Reads the `obi:validation` entries of an extension context document. */
export function validationsOf(contextDoc: unknown): TypeValidation[] {
  if (!isObject(contextDoc)) return [];
  const terms = termsOf(contextDoc['@context'], undefined, new Map(OB2_TERMS));
  const raw = contextDoc['obi:validation'] ?? contextDoc.validation ?? contextDoc[OBI + 'validation'];
  const out: TypeValidation[] = [];
  for (const e of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
    if (!isObject(e)) continue;
    const type = e['obi:validatesType'] ?? e.validatesType ?? e[OBI + 'validatesType'];
    const schema = e['obi:validationSchema'] ?? e.validationSchema ?? e[OBI + 'validationSchema'];
    if (typeof type !== 'string' || typeof schema !== 'string') continue;
    const iri = expandIri(type, terms);
    if (iri) out.push({ validatesType: normalizeExtensionIri(iri), schemaUrl: schema, terms });
  }
  return out;
}

/**
 * The OB 1.1-era extension contexts (and the reference validators' own copies of them) named
 * extension types `obi:extensions/#Name`, i.e. `https://w3id.org/openbadges#extensions/#Name`;
 * current contexts write `extensions:Name` (`https://w3id.org/openbadges/extensions#Name`). Both
 * forms name the same extension type in published badges, so they are compared as one.
 */
export function normalizeExtensionIri(iri: string): string {
  const legacy = OBI + 'extensions/#';
  return iri.startsWith(legacy) ? OB_EXTENSIONS + iri.slice(legacy.length) : iri;
}

/**
 * Renames the node's properties to the extension context's terms where they name the same IRI (as
 * JSON-LD compaction against that context would), so the schema sees the names it was written for.
 */
export function compactForSchema(node: JsonObject, scope: TermTable, ext: TermTable): JsonObject {
  const byIri = new Map<string, string>();
  for (const [term, iri] of ext) if (!byIri.has(iri)) byIri.set(iri, term);
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@') || k === 'id' || k === 'type' || ext.has(k)) {
      out[k] = v;
      continue;
    }
    const iri = expandIri(k, scope);
    const term = iri ? byIri.get(iri) : undefined;
    out[term ?? k] = v;
  }
  return out;
}

/**
 * The `extension` checks for every extension node in `docs`: `fail` (invalid) when a schema its
 * extension context links for one of its types rejects it, `pass` when every such schema accepts
 * it, `skip` when no schema applies, `warn` when a context or schema could not be loaded or uses
 * keywords CredLens does not implement (the extension's content was then not fully checked).
 */
export async function checkExtensions(docs: JsonObject[], o: ResolvedOptions): Promise<Check[]> {
  const checks: Check[] = [];
  const docCache = new Map<string, Promise<unknown>>();
  const load = (url: string) => {
    let p = docCache.get(url);
    if (!p) {
      p = loadJson(url, o);
      docCache.set(url, p);
    }
    return p;
  };
  for (const doc of docs) {
    for (const ext of findExtensions(doc)) checks.push(...(await checkOne(ext, load, o.contexts)));
  }
  return checks;
}

async function checkOne(ext: FoundExtension, load: (url: string) => Promise<unknown>, contexts: Record<string, unknown>): Promise<Check[]> {
  const name = ext.path.replace(/^\$\.?/, '') || 'extension';
  const loaded = new Map<string, unknown>();
  const problems: string[] = [];
  for (const c of ext.contexts) {
    if (typeof c !== 'string' || isOb2ContextUrl(c) || loaded.has(c)) continue;
    const known = findContext(c, contexts);
    if (known === undefined) problems.push(`its context ${c} is not one CredLens knows (contexts are never fetched)`);
    else loaded.set(c, known);
  }
  const scope = termsOf(ext.contexts, (u) => loaded.get(u));
  const types = new Set(typesOf(ext.node).map((t) => expandIri(t, scope)).filter((x): x is string => !!x).map(normalizeExtensionIri));
  const validations = [...loaded.values()].flatMap(validationsOf).filter((v) => types.has(v.validatesType));
  if (problems.length) {
    return [{ id: 'extension', status: 'warn', code: 'extension-unchecked', message: `The extension ${name} was not checked: ${problems.join('; ')}.` }];
  }
  if (validations.length === 0) {
    return [{ id: 'extension', status: 'skip', message: `The extension ${name} links no schema, so only its presence is recorded.` }];
  }
  const out: Check[] = [];
  for (const v of validations) {
    let schema: unknown;
    try {
      schema = await load(v.schemaUrl);
    } catch {
      out.push({ id: 'extension', status: 'warn', code: 'extension-unchecked', message: `The schema ${v.schemaUrl} of the extension ${name} could not be loaded, so its content was not checked.` });
      continue;
    }
    const result = validateJsonSchema(compactForSchema(ext.node, scope, v.terms), schema);
    const kind = v.validatesType.replace(/^.*[#/]/, '') || v.validatesType;
    if (result.errors.length) {
      out.push({ id: 'extension', status: 'fail', effect: 'invalid', code: 'bad-extension', message: `The extension ${name} does not follow the published ${kind} schema: ${result.errors.slice(0, 3).join('; ')}.` });
    } else if (result.unsupported.length) {
      out.push({ id: 'extension', status: 'warn', code: 'extension-unchecked', message: `The extension ${name} was only partly checked against the ${kind} schema (keywords not supported: ${result.unsupported.slice(0, 5).join(', ')}).` });
    } else {
      out.push({ id: 'extension', status: 'pass', message: `The extension ${name} follows the published ${kind} schema.` });
    }
  }
  return out;
}

// Schemas only: contexts never come through here.
async function loadJson(url: string, o: ResolvedOptions): Promise<unknown> {
  const res = await safeFetch(url, o, { accept: 'application/ld+json, application/json;q=0.9, application/schema+json;q=0.9', kinds: ['json'] });
  const doc = parseJson(res.text(), url);
  if (!isObject(doc)) throw new CredLensError('bad-json', `${url} is not a JSON object.`);
  return doc;
}
