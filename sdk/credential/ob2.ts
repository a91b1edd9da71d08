/**
 * Open Badges 2.0: detecting OB 2.0 input, loading the linked graph (Assertion → BadgeClass →
 * issuer Profile) through the safe fetch, and the summary shown to people. Verification policy
 * (hosted scope, signatures, revocation) lives in sdk/proof/ob2-*.ts; the whole flow in
 * sdk/verify-ob2.ts.
 */
import { CredLensError, isCredLensError } from '../errors.js';
import { safeFetch } from '../fetch/index.js';
import { parseCompactJws, type CompactJws } from '../input/jwt.js';
import type { ResolvedOptions } from '../options.js';
import type { Check, CredentialSummary } from '../report/types.js';
import { isObject, parseJson, textOf, typesOf, type JsonObject } from '../util/json.js';
import { DEFINITIVE_MISSING } from './ob2-image.js';
import { roleLabel, type NodeRole } from './ob2-structure.js';
import { classByName, isHttpUrl, isOb2ContextUrl, OBI, primaryClass, termsFor } from './ob2-vocab.js';

/** What an OB 2.0 input is. */
export type Ob2Kind = 'assertion' | 'badgeclass' | 'issuer' | 'node';

/** An OB 2.0 input, recognised. */
export interface Ob2Detected {
  kind: Ob2Kind;
  /** The top-level document (for a JWS, its payload). */
  node: JsonObject;
  /** The parsed JWS when the input was a compact JWS. */
  jws?: CompactJws;
}

/** The OB 2.0 documents of one verification, for later stages (elements, trust, display). */
export interface Ob2Nodes {
  assertion?: JsonObject;
  badge?: JsonObject;
  issuer?: JsonObject;
  /** The URL the issuer profile was fetched from (absent when it was embedded). */
  issuerSource?: string;
  key?: JsonObject;
  revocationList?: JsonObject;
  /** The top-level document when the input is neither an Assertion, a BadgeClass nor an issuer. */
  node?: JsonObject;
}

/** Accept header for OB 2.0 documents (OB 2.0 §Setting Content-Type). */
export const OB2_ACCEPT = 'application/ld+json, application/json;q=0.9, */*;q=0.1';

/**
 * True when `json` is an OB 2.0 document: its `@context` names the OB 2.0 context (or is an inline
 * context defining the OB namespace), or its first context is another Open Badges context URL
 * (a wrong version, which the context check then reports), or, with no `@context`, its type is
 * `Assertion`.
 */
export function isOb2Json(json: unknown): json is JsonObject {
  if (!isObject(json)) return false;
  const ctx = json['@context'];
  const entries = Array.isArray(ctx) ? ctx : [ctx];
  if (entries.some((c) => isOb2ContextUrl(c) || (isObject(c) && definesObNamespace(c)))) return true;
  if (typeof entries[0] === 'string' && OB_CONTEXT_FAMILY.test(entries[0])) return true;
  return ctx === undefined && typesOf(json).includes('Assertion');
}

/** Context URLs of the Open Badges 1.x / 2.0 family (not OB 3.0, which lives on purl.imsglobal.org). */
const OB_CONTEXT_FAMILY = /^https?:\/\/(w3id\.org\/openbadges(\/|$)|openbadgespec\.org\/)/;

function definesObNamespace(c: JsonObject): boolean {
  return Object.values(c).some((v) => v === OBI || (isObject(v) && v['@id'] === OBI));
}

/**
 * Recognises OB 2.0 input: a JSON document (Assertion, BadgeClass, issuer Profile or another OB
 * node) or a compact JWS whose payload is an OB 2.0 Assertion. Undefined when it is not OB 2.0.
 * Throws `bad-jwt` for a JWS that does not parse.
 */
export function detectOb2(input: { json?: unknown; jws?: string }): Ob2Detected | undefined {
  if (typeof input.jws === 'string') {
    const jws = parseCompactJws(input.jws.trim());
    if (!isOb2Json(jws.payload)) return undefined;
    return { kind: 'assertion', node: jws.payload, jws };
  }
  if (!isOb2Json(input.json)) return undefined;
  return { kind: kindOf(input.json), node: input.json };
}

/** The kind of an OB 2.0 document, from its type (or, failing that, its shape). */
export function kindOf(node: JsonObject): Ob2Kind {
  const cls = primaryClass(node, termsFor(node)) ?? typesOf(node).map(classByName).find((c) => c !== undefined);
  switch (cls) {
    case 'Assertion': return 'assertion';
    case 'BadgeClass': return 'badgeclass';
    case 'Issuer': case 'Profile': return 'issuer';
    case undefined: return 'badge' in node && 'recipient' in node ? 'assertion' : 'node';
    default: return 'node';
  }
}

/** A document loaded from a URL (or found embedded), with the checks its loading produced. */
export interface LoadedNode {
  node?: JsonObject;
  /** Where it was fetched from; absent when it was embedded. */
  source?: string;
  checks: Check[];
}

/**
 * Fetches an OB 2.0 document for `role` through the safe fetch and parses it. Failures become one
 * check: a definitive HTTP answer (404 or 410), a body that is not JSON, or a URL that is not
 * http(s) fails with effect `invalid`, because OB 2.0 §Data Validation requires every linked Badge
 * Object to be "available to the validator with an eventual 200 OK"; a network error, timeout,
 * server error or refused address is `error` (unverifiable: nothing was established).
 * A document whose declared `id` differs from its URL is accepted with a warning when both are on
 * the same host (a redirect or alias), re-fetched from the declared id when that is on another
 * host (a document may not speak for another host), and used as is when the id is not http(s).
 */
export async function fetchOb2Node(url: string, role: NodeRole, o: ResolvedOptions, followId = true): Promise<LoadedNode> {
  const label = roleLabel(role);
  let text: string;
  let status: number;
  try {
    const res = await safeFetch(url, o, { accept: OB2_ACCEPT, kinds: ['json'], passStatus: DEFINITIVE_MISSING });
    status = res.status;
    if (status >= 300) return { checks: [fail(role, 'http-status', `${label} could not be found at ${short(url)} (HTTP ${status}).`)] };
    text = res.text();
  } catch (e) {
    return { checks: [fetchErrorCheck(e, role, url)] };
  }
  let doc: unknown;
  try {
    doc = parseJson(text, `${label} at ${short(url)}`);
  } catch (e) {
    return { checks: [fail(role, isCredLensError(e) ? e.code : 'bad-json', `${label} at ${short(url)} is not valid JSON.`)] };
  }
  if (!isObject(doc)) return { checks: [fail(role, 'bad-json', `${label} at ${short(url)} is not a JSON object.`)] };
  const declared = doc.id;
  if (typeof declared !== 'string' || declared === url) {
    return { node: doc, source: url, checks: [{ id: role, status: 'pass', message: `${label} was loaded from ${short(url)}.` }] };
  }
  if (!isHttpUrl(declared) || sameAuthority(declared, url)) {
    return {
      node: doc,
      source: url,
      checks: [{ id: role, status: 'warn', code: 'id-mismatch', message: `${label} fetched from ${short(url)} declares a different id (${short(declared)}).` }],
    };
  }
  if (!followId) {
    return { checks: [fail(role, 'id-mismatch', `${label} at ${short(url)} claims to be ${short(declared)}, a document on another host.`)] };
  }
  const confirmed = await fetchOb2Node(declared, role, o, false);
  if (!confirmed.node) return { checks: confirmed.checks };
  if (confirmed.node.id !== declared) {
    return { checks: [fail(role, 'id-mismatch', `${label} at ${short(url)} claims to be ${short(declared)}, which does not confirm it.`)] };
  }
  return {
    node: confirmed.node,
    source: declared,
    checks: [{ id: role, status: 'warn', code: 'id-mismatch', message: `${label} fetched from ${short(url)} declares its id as ${short(declared)}; the copy there was used.` }],
  };
}

/** The check for a failed fetch (see `fetchOb2Node` for which failures are `invalid`). */
export function fetchErrorCheck(e: unknown, role: string, url: string): Check {
  const label = roleLabel(role as NodeRole);
  const err = e instanceof CredLensError ? e : new CredLensError('network', e instanceof Error ? e.message : String(e));
  if (err.code === 'bad-content-type') return fail(role, err.code, `${label} at ${short(url)} is not served as JSON.`);
  if (err.code === 'bad-url') return fail(role, err.code, `${label} reference ${short(url)} is not an http(s) URL that can be loaded.`);
  return { id: role, status: 'error', effect: 'unverifiable', code: err.code, message: `${label} could not be loaded: ${err.message}` };
}

/** Loads the Assertion's BadgeClass: embedded, or fetched from its URL. */
export async function loadBadge(assertion: JsonObject, o: ResolvedOptions): Promise<LoadedNode> {
  const ref = assertion.badge;
  if (isObject(ref)) return { node: ref, checks: [{ id: 'badge', status: 'pass', message: 'The badge definition is embedded in the award.' }] };
  if (typeof ref === 'string') return fetchOb2Node(ref, 'badge', o);
  return { checks: [fail('badge', 'bad-structure', 'The badge award does not say which badge it awards ("badge" is missing).')] };
}

/** An issuer profile, with whether it came from its own address. */
export interface LoadedIssuer extends LoadedNode {
  /**
   * True when the profile was fetched from a URL (so that host vouches for it); false when it is
   * only known from a copy embedded in the badge, which anyone can write.
   */
  hosted: boolean;
}

/**
 * Loads the issuer profile of a BadgeClass. A URL is fetched. An embedded profile with an http(s)
 * id is fetched from that id when possible, since policies and keys must come from the issuer's
 * own address; when that fails, the embedded copy is used and marked as not hosted.
 */
export async function loadIssuer(badge: JsonObject, o: ResolvedOptions): Promise<LoadedIssuer> {
  const ref = badge.issuer;
  if (typeof ref === 'string') return { ...(await fetchOb2Node(ref, 'issuer', o)), hosted: true };
  if (!isObject(ref)) {
    return { hosted: false, checks: [fail('issuer', 'bad-structure', 'The badge definition does not name its issuer ("issuer" is missing).')] };
  }
  if (typeof ref.id === 'string' && isHttpUrl(ref.id)) {
    const fetched = await fetchOb2Node(ref.id, 'issuer', o);
    if (fetched.node) return { ...fetched, hosted: true };
    return {
      node: ref,
      hosted: false,
      checks: [{ id: 'issuer', status: 'warn', code: 'not-hosted', message: `The issuer profile embedded in the badge could not be confirmed at its address ${short(ref.id)}; the embedded copy was used.` }],
    };
  }
  return { node: ref, hosted: false, checks: [{ id: 'issuer', status: 'pass', message: 'The issuer profile is embedded in the badge definition.' }] };
}

/** True when two URLs have the same authority (host and port), whatever their scheme. */
export function sameAuthority(a: string, b: string): boolean {
  const x = authorityOf(a);
  return x !== undefined && x === authorityOf(b);
}

/** The authority (host[:port], lower case, default ports dropped) of a URL; undefined if none. */
export function authorityOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.host ? u.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Normalises the OB 2.0 documents of a verification into the Report's credential summary. */
export function summarizeOb2(nodes: Ob2Nodes): CredentialSummary {
  const { assertion, badge, issuer } = nodes;
  const top = assertion ?? badge ?? issuer ?? nodes.node;
  const summary: CredentialSummary = { issuer: {}, subject: {} };
  const id = str(top?.id);
  if (id) summary.id = id;
  const name = textOf(badge?.name) ?? (assertion || badge ? undefined : textOf(top?.name));
  if (name) summary.name = name;
  const issuerSrc = issuer ?? (isObject(badge?.issuer) ? badge.issuer : undefined);
  const issuerId = str(issuerSrc?.id) ?? (typeof badge?.issuer === 'string' ? badge.issuer : undefined);
  if (issuerId) summary.issuer.id = issuerId;
  const issuerName = textOf(issuerSrc?.name);
  if (issuerName) summary.issuer.name = issuerName;
  const issuerUrl = Array.isArray(issuerSrc?.url) ? str(issuerSrc.url[0]) : str(issuerSrc?.url);
  if (issuerUrl) summary.issuer.url = issuerUrl;
  const recipient = assertion?.recipient;
  if (isObject(recipient) && recipient.hashed === false && typeof recipient.identity === 'string') summary.subject.id = recipient.identity;
  const issued = str(assertion?.issuedOn);
  if (issued) summary.issued = issued;
  const expires = str(assertion?.expires);
  if (expires) summary.expires = expires;
  if (badge) {
    summary.achievement = { type: 'BadgeClass' };
    const desc = textOf(badge.description);
    if (name) summary.achievement.name = name;
    if (desc) summary.achievement.description = desc;
  }
  return summary;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function fail(id: string, code: string, message: string): Check {
  return { id, status: 'fail', effect: 'invalid', code, message };
}

function short(s: string): string {
  return s.length > 100 ? s.slice(0, 97) + '...' : s;
}
