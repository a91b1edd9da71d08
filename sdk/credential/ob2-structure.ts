/**
 * OB 2.0 data validation (OB 2.0 §Data Validation): the `@context`, the `type` of every Badge
 * Object, the presence of required properties and the data type of declared ones, per class as the
 * vocabulary defines them. Pure functions over JSON; fetching and images live elsewhere.
 */
import type { Check } from '../report/types.js';
import { isObject, typesOf, type JsonObject } from '../util/json.js';
import { parseOb2DateTime } from './ob2-dates.js';
import { parseIdentityHash } from './ob2-recipient.js';
import {
  classOfType, expandIri, isAcceptableIri, isOb2ContextUrl, termsOf, type Ob2Class, type TermTable,
} from './ob2-vocab.js';

/** Which role a node plays, for messages. */
export type NodeRole = 'assertion' | 'badge' | 'issuer' | 'key' | 'revocation-list' | 'node';

const LABEL: Record<NodeRole, string> = {
  assertion: 'The badge award (Assertion)',
  badge: 'The badge definition (BadgeClass)',
  issuer: 'The issuer profile',
  key: 'The signing key document',
  'revocation-list': 'The revocation list',
  node: 'The Open Badges document',
};

/** Human label for a role. */
export function roleLabel(role: NodeRole): string {
  return LABEL[role];
}

/**
 * The `context` check for a top-level document: its `@context` must be the OB 2.0 context URL (first
 * when it is an array) or an inline context object, as the OB 2.0 reference validator requires. A
 * missing `@context` is `unsupported` (Open Badges 1.x, which CredLens does not verify) for the
 * input and a warning for a linked document.
 */
export function checkContext(node: JsonObject, role: NodeRole, isInput: boolean): Check {
  const ctx = node['@context'];
  const label = LABEL[role];
  if (ctx === undefined) {
    return isInput
      ? { id: 'context', status: 'unsupported', code: 'unknown-context', effect: 'unverifiable', message: `${label} has no @context; it looks like Open Badges 1.x, which CredLens does not verify.` }
      : { id: 'context', status: 'warn', code: 'unknown-context', message: `${label} has no @context, so it is not a proper Open Badges 2.0 document.` };
  }
  const first = Array.isArray(ctx) ? ctx[0] : ctx;
  if (typeof first === 'string' && /^https?:\/\/(w3id\.org\/openbadges\/v1|openbadgespec\.org\/v1\/)/.test(first)) {
    return { id: 'context', status: 'unsupported', code: 'unknown-context', effect: 'unverifiable', message: `${label} is an Open Badges 1.1 document, which CredLens does not verify.` };
  }
  if (isObject(first) || isOb2ContextUrl(first)) {
    return { id: 'context', status: 'pass', message: `${label} uses the Open Badges 2.0 context.` };
  }
  const shown = typeof first === 'string' ? first.slice(0, 120) : JSON.stringify(first)?.slice(0, 60);
  return { id: 'context', status: 'fail', effect: 'invalid', code: 'unknown-context', message: `${label} names the context ${shown} instead of the Open Badges 2.0 context.` };
}

/** Problems found in one node (and the objects embedded in it). */
export interface NodeProblems {
  /** `type` values that are missing, empty, undefined terms, or not the expected class. */
  type: string[];
  /** Missing required properties and values of the wrong data type. */
  structure: string[];
}

type Kind =
  | 'text' | 'iri' | 'url' | 'datetime' | 'email' | 'boolean' | 'textOrNumber' | 'language' | 'telephone'
  | 'compactIri' | 'authority' | 'imageRef' | 'node' | 'any';

interface Prop {
  name: string;
  kind: Kind;
  required?: boolean;
  many?: boolean;
  /** For `node`: the class an embedded object is validated as (undefined: only its id is checked). */
  cls?: RuleSet;
  /** For `node`: a `data:` URI is an acceptable reference. */
  dataUri?: boolean;
}

/** A set of property rules (one per validated class). */
export type RuleSet =
  | 'Assertion' | 'BadgeClass' | 'Issuer' | 'AlignmentObject' | 'Criteria' | 'Evidence' | 'Image' | 'IdentityObject'
  | 'CryptographicKey' | 'RevocationList' | 'VerificationAssertion' | 'VerificationIssuer';

const COMMON: Prop[] = [
  { name: '@language', kind: 'language' },
  { name: 'version', kind: 'textOrNumber' },
];

// Property rules, from the OB 2.0 vocabulary tables (bold = required).
const RULES: Record<RuleSet, Prop[]> = {
  Assertion: [
    { name: 'id', kind: 'iri', required: true },
    { name: 'recipient', kind: 'node', required: true, cls: 'IdentityObject' },
    // The BadgeClass and the issuer are validated as documents of their own (embedded or fetched).
    { name: 'badge', kind: 'node', required: true },
    { name: 'verification', kind: 'node', required: true, cls: 'VerificationAssertion' },
    { name: 'issuedOn', kind: 'datetime', required: true },
    { name: 'expires', kind: 'datetime' },
    { name: 'image', kind: 'node', cls: 'Image', dataUri: true },
    { name: 'narrative', kind: 'text' },
    { name: 'evidence', kind: 'node', many: true, cls: 'Evidence' },
    { name: 'related', kind: 'node', many: true },
    { name: 'endorsement', kind: 'node', many: true },
    { name: 'revoked', kind: 'boolean' },
    { name: 'revocationReason', kind: 'text' },
    ...COMMON,
  ],
  BadgeClass: [
    { name: 'id', kind: 'iri', required: true },
    { name: 'name', kind: 'text', required: true },
    { name: 'description', kind: 'text', required: true },
    { name: 'image', kind: 'node', required: true, cls: 'Image', dataUri: true },
    { name: 'criteria', kind: 'node', required: true, cls: 'Criteria' },
    { name: 'issuer', kind: 'node', required: true },
    { name: 'alignment', kind: 'node', many: true, cls: 'AlignmentObject' },
    { name: 'tags', kind: 'text', many: true },
    { name: 'related', kind: 'node', many: true },
    { name: 'endorsement', kind: 'node', many: true },
    ...COMMON,
  ],
  // A Profile used as a badge issuer (OB 2.0 §Profile, "A note on required properties").
  Issuer: [
    { name: 'id', kind: 'iri', required: true },
    { name: 'name', kind: 'text', required: true },
    { name: 'url', kind: 'url', required: true },
    { name: 'email', kind: 'email', required: true },
    { name: 'description', kind: 'text' },
    { name: 'telephone', kind: 'telephone' },
    { name: 'image', kind: 'node', cls: 'Image', dataUri: true },
    { name: 'publicKey', kind: 'node', many: true, cls: 'CryptographicKey' },
    { name: 'verification', kind: 'node', cls: 'VerificationIssuer' },
    { name: 'revocationList', kind: 'node', cls: 'RevocationList' },
    { name: 'related', kind: 'node', many: true },
    { name: 'endorsement', kind: 'node', many: true },
    ...COMMON,
  ],
  AlignmentObject: [
    { name: 'targetName', kind: 'text', required: true },
    { name: 'targetUrl', kind: 'url', required: true },
    { name: 'description', kind: 'text' },
    { name: 'targetDescription', kind: 'text' },
    { name: 'targetFramework', kind: 'text' },
    { name: 'targetCode', kind: 'text' },
  ],
  Criteria: [
    { name: 'id', kind: 'iri' },
    { name: 'narrative', kind: 'text' },
  ],
  Evidence: [
    { name: 'id', kind: 'iri' },
    { name: 'narrative', kind: 'text' },
    { name: 'name', kind: 'text' },
    { name: 'description', kind: 'text' },
    { name: 'genre', kind: 'text' },
    { name: 'audience', kind: 'text' },
  ],
  Image: [
    { name: 'id', kind: 'imageRef', required: true },
    { name: 'caption', kind: 'text' },
    { name: 'author', kind: 'iri' },
  ],
  IdentityObject: [
    { name: 'type', kind: 'any', required: true },
    { name: 'identity', kind: 'text', required: true },
    { name: 'hashed', kind: 'boolean', required: true },
    { name: 'salt', kind: 'text' },
  ],
  CryptographicKey: [
    { name: 'id', kind: 'iri' },
    { name: 'owner', kind: 'iri' },
    { name: 'publicKeyPem', kind: 'text' },
  ],
  RevocationList: [
    { name: 'id', kind: 'iri' },
    { name: 'issuer', kind: 'iri' },
  ],
  VerificationAssertion: [
    { name: 'type', kind: 'any', required: true },
    { name: 'creator', kind: 'iri' },
  ],
  VerificationIssuer: [
    { name: 'verificationProperty', kind: 'compactIri' },
    { name: 'startsWith', kind: 'url', many: true },
    { name: 'allowedOrigins', kind: 'authority', many: true },
  ],
};

/** For each rule set, which classes its `type` must include (undefined: `type` optional, any class). */
const REQUIRED_TYPE: Partial<Record<RuleSet, Ob2Class[]>> = {
  Assertion: ['Assertion'],
  BadgeClass: ['BadgeClass'],
  Issuer: ['Issuer', 'Profile'],
  RevocationList: ['RevocationList'],
};

/** The rule set for an OB 2.0 class, when CredLens validates that class. */
export function ruleSetFor(cls: Ob2Class | undefined): RuleSet | undefined {
  switch (cls) {
    case 'Assertion': case 'BadgeClass': case 'AlignmentObject': case 'Criteria': case 'Evidence': case 'Image':
    case 'IdentityObject': case 'CryptographicKey': case 'RevocationList':
      return cls;
    case 'Issuer': case 'Profile':
      return 'Issuer';
    default:
      return undefined;
  }
}

/**
 * Validates `node` as `rules` (its type, required properties, value types, embedded objects).
 * `terms` is the term table in scope (the node's own `@context` is added to it).
 */
export function validateNode(node: JsonObject, rules: RuleSet | undefined, terms: TermTable, loaded?: (url: string) => unknown): NodeProblems {
  const out: NodeProblems = { type: [], structure: [] };
  // "verify" is the OB 2.0 context's alias of "verification" (OB 2.0 §Assertion).
  const target = rules === 'Assertion' && node.verification === undefined && node.verify !== undefined ? { ...node, verification: node.verify } : node;
  visit(target, rules, withOwnContext(node, terms, loaded), out, '', loaded);
  return out;
}

function withOwnContext(node: JsonObject, terms: TermTable, loaded?: (url: string) => unknown): TermTable {
  return node['@context'] === undefined ? terms : termsOf(node['@context'], loaded, terms);
}

function visit(node: JsonObject, rules: RuleSet | undefined, terms: TermTable, out: NodeProblems, path: string, loaded?: (url: string) => unknown): void {
  const at = (name: string) => (path ? `${path}.${name}` : name);
  if (rules !== 'IdentityObject' && rules !== 'VerificationAssertion') checkTypeValues(node, rules, terms, out, path);
  if (!rules) return;
  for (const p of RULES[rules]) {
    const value = node[p.name];
    if (value === undefined || value === null) {
      if (p.required) out.structure.push(`"${at(p.name)}" is missing`);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && !p.many) {
      out.structure.push(`"${at(p.name)}" has several values where one is allowed`);
      continue;
    }
    if (p.required && values.length === 0) {
      out.structure.push(`"${at(p.name)}" is empty`);
      continue;
    }
    values.forEach((v, i) => {
      const where = Array.isArray(value) ? `${at(p.name)}[${i}]` : at(p.name);
      if (p.kind === 'node') {
        if (isObject(v)) {
          const inner = withOwnContext(v, terms, loaded);
          if (p.cls) visit(v, p.cls, inner, out, where, loaded);
          else if (v.id !== undefined && !isIri(v.id)) out.structure.push(`"${where}.id" is not a valid IRI`);
        } else if (typeof v !== 'string' || !(isIri(v) || (p.dataUri && isDataUri(v)))) {
          out.structure.push(`"${where}" is not a valid ${p.dataUri ? 'IRI or data URI' : 'IRI'}`);
        } else if (p.cls === 'IdentityObject' || p.cls === 'VerificationAssertion') {
          out.structure.push(`"${where}" must be an embedded object`);
        }
      } else if (!validValue(p.kind, v)) {
        out.structure.push(`"${where}" is not a valid ${KIND_NAME[p.kind]}`);
      }
    });
  }
  if (rules === 'IdentityObject') identityRules(node, out, path);
  if (rules === 'VerificationAssertion') verificationRules(node, terms, out, path);
  if (rules === 'Criteria' && !node.narrative && (node.id === undefined || String(node.id).startsWith('_:'))) {
    out.structure.push(`"${path}" has neither a criteria URL nor a narrative`);
  }
  if (rules === 'RevocationList') revocationListRules(node, out, path);
}

// RDF type validation: every value must resolve to an IRI, and primary classes must be declared.
function checkTypeValues(node: JsonObject, rules: RuleSet | undefined, terms: TermTable, out: NodeProblems, path: string): void {
  const where = path ? `"${path}.type"` : '"type"';
  const raw = node.type ?? node['@type'];
  const required = rules ? REQUIRED_TYPE[rules] : undefined;
  if (raw === undefined) {
    if (required) out.type.push(`${where} is missing`);
    return;
  }
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) {
    out.type.push(`${where} is empty`);
    return;
  }
  for (const t of list) {
    if (typeof t !== 'string') {
      out.type.push(`${where} holds a value that is not a string`);
      continue;
    }
    const iri = expandIri(t, terms);
    if (iri === undefined || !isAcceptableIri(iri)) out.type.push(`${where} value "${t.slice(0, 80)}" is not a defined class or IRI`);
  }
  if (required && !list.some((t) => typeof t === 'string' && required.includes(classOfType(t, terms)!))) {
    out.type.push(`${where} does not include ${required.join(' or ')}`);
  }
}

function identityRules(node: JsonObject, out: NodeProblems, path: string): void {
  const type = node.type;
  if (typeof type !== 'string' || !/^(id|email|url|telephone|(https?:\/\/schema\.org\/)(email|url|telephone))$/.test(type)) {
    out.structure.push(`"${path}.type" must be email, url, telephone or id`);
  }
  const identity = node.identity;
  if (typeof identity !== 'string') return;
  const hash = parseIdentityHash(identity);
  if (node.hashed === true && !hash) out.structure.push(`"${path}.identity" is marked hashed but is not a sha256$ or md5$ hash`);
  if (node.hashed === false && hash) out.structure.push(`"${path}.identity" looks hashed but "hashed" is false`);
  if (node.hashed === false && typeof type === 'string' && type.endsWith('email') && !EMAIL.test(identity)) {
    out.structure.push(`"${path}.identity" is not an email address`);
  }
}

function verificationRules(node: JsonObject, terms: TermTable, out: NodeProblems, path: string): void {
  const types = typesOf(node);
  const ok = types.some((t) => {
    const c = classOfType(t, terms);
    return c === 'HostedBadge' || c === 'SignedBadge';
  });
  if (!ok) out.structure.push(`"${path}.type" must be HostedBadge or SignedBadge`);
}

function revocationListRules(node: JsonObject, out: NodeProblems, path: string): void {
  const list = node.revokedAssertions;
  if (list === undefined) return;
  const entries = Array.isArray(list) ? list : [list];
  const at = path ? `${path}.revokedAssertions` : 'revokedAssertions';
  entries.forEach((e, i) => {
    if (typeof e === 'string') return;
    if (isObject(e) && (typeof e.id === 'string' || typeof e.uid === 'string')) return;
    out.structure.push(`"${at}[${i}]" is neither an id nor an object with an id`);
  });
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

const KIND_NAME: Record<Kind, string> = {
  text: 'text value', iri: 'IRI', url: 'URL', datetime: 'date-time with a time zone', email: 'email address',
  boolean: 'true/false value', textOrNumber: 'text or number', language: 'language tag', telephone: 'telephone number',
  compactIri: 'property name', authority: 'host name', imageRef: 'image URL or data URI', node: 'reference', any: 'value',
};

function validValue(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case 'text': return typeof v === 'string' || isLangValue(v);
    case 'iri': return typeof v === 'string' && isIri(v);
    case 'url': return typeof v === 'string' && isUrl(v);
    case 'datetime': return parseOb2DateTime(v) !== undefined;
    case 'email': return typeof v === 'string' && EMAIL.test(v);
    case 'boolean': return typeof v === 'boolean';
    case 'textOrNumber': return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    case 'language': return typeof v === 'string' && /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(v);
    case 'telephone': return typeof v === 'string' && /^\+?[1-9]\d{1,14}(;ext=\d+)?$/.test(v);
    case 'compactIri': return typeof v === 'string' && (v === 'id' || /^[a-zA-Z_][\w.-]*(:\S+)?$/.test(v));
    case 'imageRef': return typeof v === 'string' && (isUrl(v) || isDataUri(v));
    case 'authority': return typeof v === 'string' && /^(?=.{1,253}(:\d+)?$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}(:\d{1,5})?$/.test(v);
    default: return true;
  }
}

// A JSON-LD value object ({"@value": "...", "@language": "..."}) counts as text.
function isLangValue(v: unknown): boolean {
  return isObject(v) && typeof v['@value'] === 'string';
}

/** True for an absolute IRI as OB 2.0 identifiers use them (any scheme, or a blank node). */
export function isIri(v: unknown): v is string {
  if (typeof v !== 'string' || /\s/.test(v)) return false;
  return /^_:.+/.test(v) || /^[a-zA-Z][a-zA-Z0-9+.-]*:.+/.test(v);
}

/** True for a `data:` URI with a media type and a comma. */
export function isDataUri(v: unknown): v is string {
  return typeof v === 'string' && /^data:[^,]*,/i.test(v);
}

/** True for an absolute URL (http, https, ftp or mailto), as OB 2.0 URL properties expect. */
export function isUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return ['http:', 'https:', 'ftp:', 'mailto:'].includes(u.protocol);
  } catch {
    return false;
  }
}

/**
 * Turns a node's problems into its `type` and `structure` checks (failing with effect `invalid`, or
 * passing). `role` names the node in the messages.
 */
export function problemsToChecks(p: NodeProblems, role: NodeRole): Check[] {
  const label = LABEL[role];
  return [
    p.type.length
      ? { id: 'type', status: 'fail', effect: 'invalid', code: 'bad-type', message: `${label} has an invalid type: ${summarize(p.type)}.` }
      : { id: 'type', status: 'pass', message: `${label} declares a valid type.` },
    p.structure.length
      ? { id: 'structure', status: 'fail', effect: 'invalid', code: 'bad-structure', message: `${label} is not well-formed: ${summarize(p.structure)}.` }
      : { id: 'structure', status: 'pass', message: `${label} has every required property, with values of the right kind.` },
  ];
}

function summarize(xs: string[]): string {
  return xs.length <= 3 ? xs.join('; ') : `${xs.slice(0, 3).join('; ')}; and ${xs.length - 3} more`;
}
