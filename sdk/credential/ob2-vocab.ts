/**
 * The Open Badges 2.0 vocabulary as far as verification needs it: the context URLs, the class terms
 * and prefixes of the OB 2.0 context, and a small term expander. No JSON-LD processor is needed:
 * OB 2.0 has no Linked Data signatures, so only `type` values and extension property names are
 * resolved against contexts, and nothing here is fetched.
 */
import { isObject, typesOf } from '../util/json.js';
import { httpUrl } from '../util/url.js';

/** The OB 2.0 JSON-LD context URL. */
export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';

/** URLs that name the OB 2.0 context (w3id redirects to openbadgespec.org). */
export const OB2_CONTEXT_URLS: readonly string[] = [
  OB2_CONTEXT,
  'http://w3id.org/openbadges/v2',
  'https://openbadgespec.org/v2/context.json',
  'http://openbadgespec.org/v2/context.json',
];

/** The OB namespace (`obi:`). */
export const OBI = 'https://w3id.org/openbadges#';

/** The OB extensions namespace (`extensions:`). */
export const OB_EXTENSIONS = 'https://w3id.org/openbadges/extensions#';

const PREFIXES: Record<string, string> = {
  obi: OBI,
  extensions: OB_EXTENSIONS,
  cred: 'https://w3id.org/credentials#',
  dc: 'http://purl.org/dc/terms/',
  schema: 'http://schema.org/',
  sec: 'https://w3id.org/security#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** Classes of the OB 2.0 vocabulary CredLens recognises, by their term in the OB 2.0 context. */
export type Ob2Class =
  | 'Assertion' | 'BadgeClass' | 'Issuer' | 'Profile' | 'AlignmentObject' | 'Criteria' | 'CryptographicKey'
  | 'Endorsement' | 'Evidence' | 'Extension' | 'IdentityObject' | 'Image' | 'RevocationList'
  | 'VerificationObject' | 'HostedBadge' | 'SignedBadge';

const CLASS_IRIS: Record<Ob2Class, string> = {
  Assertion: OBI + 'Assertion',
  BadgeClass: OBI + 'BadgeClass',
  Issuer: OBI + 'Issuer',
  Profile: OBI + 'Profile',
  AlignmentObject: PREFIXES.schema + 'AlignmentObject',
  Criteria: OBI + 'Criteria',
  CryptographicKey: PREFIXES.sec + 'Key',
  Endorsement: PREFIXES.cred + 'Credential',
  Evidence: OBI + 'Evidence',
  Extension: OBI + 'Extension',
  IdentityObject: OBI + 'IdentityObject',
  Image: OBI + 'Image',
  RevocationList: OBI + 'RevocationList',
  VerificationObject: OBI + 'VerificationObject',
  HostedBadge: OBI + 'HostedBadge',
  SignedBadge: OBI + 'SignedBadge',
};

const CLASS_BY_IRI = new Map<string, Ob2Class>(Object.entries(CLASS_IRIS).map(([k, v]) => [v, k as Ob2Class]));

/** Terms of the OB 2.0 context that matter here: prefixes, classes, and the `hosted` / `signed` aliases. */
export const OB2_TERMS: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.entries(PREFIXES),
  ...Object.entries(CLASS_IRIS),
  ['hosted', CLASS_IRIS.HostedBadge],
  ['signed', CLASS_IRIS.SignedBadge],
]);

/** A term → IRI table built from the contexts in scope of a node. */
export type TermTable = Map<string, string>;

/** True when `url` names the OB 2.0 context. */
export function isOb2ContextUrl(url: unknown): boolean {
  return typeof url === 'string' && OB2_CONTEXT_URLS.includes(url.trim());
}

/**
 * Builds the term table for a `@context` value: the OB 2.0 context contributes its terms, inline
 * objects their own definitions, other URLs whatever `loaded(url)` returns (extension contexts),
 * later entries overriding earlier ones as in JSON-LD.
 */
export function termsOf(context: unknown, loaded: (url: string) => unknown = () => undefined, base?: TermTable): TermTable {
  const table: TermTable = new Map(base ?? []);
  const entries = Array.isArray(context) ? context : context === undefined || context === null ? [] : [context];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      if (isOb2ContextUrl(entry)) for (const [k, v] of OB2_TERMS) table.set(k, v);
      else addInline(table, innerContext(loaded(entry)));
    } else if (isObject(entry)) {
      addInline(table, entry);
    }
  }
  return table;
}

// A fetched context document wraps its definitions in "@context" (which may itself be an array).
function innerContext(doc: unknown): unknown {
  return isObject(doc) ? doc['@context'] : undefined;
}

function addInline(table: TermTable, ctx: unknown): void {
  if (Array.isArray(ctx)) {
    for (const c of ctx) addInline(table, c);
    return;
  }
  if (!isObject(ctx)) return;
  const raw = new Map<string, string>();
  for (const [term, def] of Object.entries(ctx)) {
    if (term.startsWith('@')) continue;
    const iri = typeof def === 'string' ? def : isObject(def) && typeof def['@id'] === 'string' ? def['@id'] : undefined;
    if (iri !== undefined && !iri.startsWith('@')) raw.set(term, iri);
  }
  // Definitions may use prefixes defined in the same context (e.g. "obi:Assertion").
  for (const [term, iri] of raw) table.set(term, expandWith(iri, raw, table));
}

// Expands one level of prefix (JSON-LD forbids cycles; deeper chains do not occur in OB contexts).
// A definition that names another term of the same context (e.g. "verify": "verification") is
// resolved to that term's IRI.
function expandWith(value: string, local: Map<string, string>, outer: TermTable): string {
  const colon = value.indexOf(':');
  if (colon <= 0) {
    const aliased = local.get(value) ?? outer.get(value);
    return aliased !== undefined && aliased !== value ? expandWith(aliased, new Map(), outer) : value;
  }
  const prefix = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (rest.startsWith('//')) return value;
  const ns = local.get(prefix) ?? outer.get(prefix);
  return ns !== undefined && ns !== value ? ns + rest : value;
}

/**
 * Expands a term, compact IRI or absolute IRI to an absolute IRI with `terms`. Returns undefined
 * for a bare word the contexts do not define (JSON-LD would leave it a relative IRI, i.e. no type).
 */
export function expandIri(value: string, terms: TermTable): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  const direct = terms.get(v);
  // Table entries are stored expanded (see addInline), so a defined term is final.
  if (direct !== undefined) return direct.includes(':') ? direct : undefined;
  if (v.startsWith('_:')) return v;
  const colon = v.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = v.slice(0, colon);
  const rest = v.slice(colon + 1);
  if (!rest.startsWith('//')) {
    const ns = terms.get(prefix);
    if (ns !== undefined) return ns + rest;
  }
  return /^[a-zA-Z][a-zA-Z0-9+.-]*$/.test(prefix) ? v : undefined;
}

/** True for an IRI acceptable as a type or identifier in OB 2.0: http(s), `urn:uuid:` or a blank node. */
export function isAcceptableIri(iri: string): boolean {
  if (/^_:.+/.test(iri)) return true;
  if (/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(iri)) return true;
  return isHttpUrl(iri);
}

/** True for an absolute http or https URL. */
export function isHttpUrl(s: unknown): boolean {
  return httpUrl(s) !== undefined;
}

/** The OB 2.0 class a type value names, if any. */
export function classOfType(type: string, terms: TermTable): Ob2Class | undefined {
  const iri = expandIri(type, terms);
  return iri === undefined ? undefined : CLASS_BY_IRI.get(iri);
}

/** True when the node's types include `cls` (resolved through `terms`). */
export function hasClass(node: Record<string, unknown>, cls: Ob2Class, terms: TermTable): boolean {
  return typesOf(node).some((t) => classOfType(t, terms) === cls);
}

/** The first OB 2.0 class among the node's types, in the order given. */
export function primaryClass(node: Record<string, unknown>, terms: TermTable): Ob2Class | undefined {
  for (const t of typesOf(node)) {
    const c = classOfType(t, terms);
    if (c) return c;
  }
  return undefined;
}

/**
 * The term table of a top-level document. When its `@context` defines no Open Badges vocabulary at
 * all (a wrong or unknown context, which the context check reports), the OB 2.0 terms are assumed,
 * so that one mistake is reported once rather than again as undefined types.
 */
export function termsFor(node: Record<string, unknown>, loaded?: (url: string) => unknown): TermTable {
  const table = termsOf(node['@context'], loaded);
  for (const v of table.values()) if (v.startsWith(OBI)) return table;
  return termsOf([OB2_CONTEXT, ...(Array.isArray(node['@context']) ? node['@context'] : node['@context'] === undefined ? [] : [node['@context']])], loaded);
}

/** The OB 2.0 class named by a bare type string, compared literally (for documents whose context is wrong). */
export function classByName(type: string): Ob2Class | undefined {
  return Object.prototype.hasOwnProperty.call(CLASS_IRIS, type) ? (type as Ob2Class) : undefined;
}
