/**
 * The Open Badges 2.0 pipeline: hosted and signed Assertions, and BadgeClass / issuer Profile
 * documents given on their own. Follows OB 2.0 §Verification: data validation of every Badge
 * Object, the hosted or signed verification procedure, revocation, expiry. Never throws for a bad
 * credential: every problem is a check.
 */
import { CredLensError } from './errors.js';
import { safeFetch } from './fetch/index.js';
import { looksLikeJws, type CompactJws } from './input/jwt.js';
import type { ResolvedOptions } from './options.js';
import type { Check, CredentialSummary } from './report/types.js';
import { isObject, parseJson, typesOf, type JsonObject } from './util/json.js';
import {
  detectOb2, fetchErrorCheck, isOb2Json, loadBadge, loadIssuer, OB2_ACCEPT, summarizeOb2,
  type LoadedIssuer, type Ob2Kind, type Ob2Nodes,
} from './credential/ob2.js';
import { checkOb2Dates } from './credential/ob2-dates.js';
import { checkExtensions } from './credential/ob2-extension.js';
import { checkImage, DEFINITIVE_MISSING } from './credential/ob2-image.js';
import { checkContext, problemsToChecks, roleLabel, ruleSetFor, validateNode, type NodeRole } from './credential/ob2-structure.js';
import { classOfType, isHttpUrl, primaryClass, termsFor, termsOf, type TermTable } from './credential/ob2-vocab.js';
import { checkHostedScope, fetchHostedAssertion } from './proof/ob2-hosted.js';
import { checkRevocationList, verifyOb2Signature } from './proof/ob2-signed.js';

/** The formats the OB 2.0 pipeline reports. BadgeClass and issuer documents are reported as hosted OB 2.0 documents, with `kind` saying what they are. */
export type Ob2Format = 'ob2-hosted' | 'ob2-signed';

/** What `verifyOb2` returns. */
export interface Ob2Result {
  checks: Check[];
  credential: CredentialSummary;
  format: Ob2Format;
  /** What the input was: an awarded badge, a badge definition, an issuer profile, another OB node. */
  kind: Ob2Kind;
  nodes: Ob2Nodes;
  /** The main document (the Assertion as verified), for later stages. */
  json?: JsonObject;
}

/** What `verifyOb2` accepts: the document as JSON, a compact JWS, and/or the URL it lives at. */
export interface Ob2Input {
  json?: Record<string, unknown>;
  jws?: string;
  url?: string;
}

/** True when `json` is an Open Badges 2.0 document (see `isOb2Json`). */
export function isOb2(json: unknown): boolean {
  return isOb2Json(json);
}

/** Verifies an OB 2.0 Assertion (hosted or signed), BadgeClass or issuer Profile. */
export async function verifyOb2(input: Ob2Input, o: ResolvedOptions): Promise<Ob2Result> {
  let json = input.json;
  let jws = input.jws;
  if (json === undefined && jws === undefined && input.url !== undefined) {
    const got = await loadInputUrl(input.url, o);
    if (got.done) return got.done;
    json = got.json;
    jws = got.jws;
  }
  let detected;
  try {
    detected = detectOb2({ json, jws });
  } catch (e) {
    const err = e instanceof CredLensError ? e : new CredLensError('bad-jwt', String(e));
    return result([{ id: 'format', status: 'fail', effect: 'invalid', code: err.code, message: `The signed badge cannot be read: ${err.message}` }], 'ob2-signed', 'assertion', {});
  }
  if (!detected) {
    return result([{ id: 'format', status: 'fail', effect: 'invalid', code: 'no-credential', message: 'This is not an Open Badges 2.0 document.' }], jws ? 'ob2-signed' : 'ob2-hosted', 'node', {});
  }
  switch (detected.kind) {
    case 'assertion':
      return verifyAssertion(detected.node, detected.jws, o);
    case 'badgeclass':
      return verifyBadgeClassDocument(detected.node, o);
    case 'issuer':
      return verifyIssuerDocument(detected.node, o);
    default:
      return verifyOtherNode(detected.node);
  }
}

// ---- Assertions -------------------------------------------------------------------------------

async function verifyAssertion(given: JsonObject, jws: CompactJws | undefined, o: ResolvedOptions): Promise<Ob2Result> {
  const checks: Check[] = [];
  const method = verificationMethod(given);
  const signed = method === 'signed' || (method === undefined && jws !== undefined);
  const format: Ob2Format = signed ? 'ob2-signed' : 'ob2-hosted';
  checks.push({ id: 'format', status: 'pass', message: `This is an Open Badges 2.0 ${signed ? 'signed' : 'hosted'} badge.` });
  const givenContext = checkContext(given, 'assertion', true);
  if (givenContext.status === 'unsupported') {
    checks.push(givenContext);
    return result(checks, format, 'assertion', { assertion: given });
  }
  const nodes: Ob2Nodes = { assertion: given };

  // Hosted: the copy at the Assertion's id is the one that counts (OB 2.0 §HostedBadge Verification).
  let assertion = given;
  if (!signed) {
    if (jws) checks.push({ id: 'proof', status: 'skip', message: 'The badge came signed but declares hosted verification; it was checked at its address instead.' });
    const hosted = await fetchHostedAssertion(given.id, given, o);
    checks.push(...hosted.checks);
    if (hosted.revoked) return result(checks, format, 'assertion', nodes);
    if (hosted.assertion) assertion = nodes.assertion = hosted.assertion;
  } else if (!jws) {
    checks.push({ id: 'proof', status: 'error', effect: 'unverifiable', code: 'bad-proof', message: 'This signed badge was given without its signature (the JWS it came in), so it cannot be checked.' });
  }

  const terms = termsFor(assertion);
  checks.push(checkContext(assertion, 'assertion', true));
  checks.push(...problemsToChecks(validateNode(assertion, 'Assertion', terms), 'assertion'));
  if (assertion.revoked === true) {
    checks.push({ id: 'status', status: 'fail', effect: 'revoked', code: 'revoked', message: 'The badge itself says it has been revoked.' });
  }

  // The images need nothing else: their downloads run while the badge definition and the issuer
  // load, and their checks are read where they always were.
  const assertionImage = started(checkImage(assertion.image, 'assertion', o));
  let badgeImage: Promise<Check | undefined> | undefined;
  const badge = await loadBadge(assertion, o);
  checks.push(...badge.checks);
  let issuer: LoadedIssuer | undefined;
  if (badge.node) {
    nodes.badge = badge.node;
    badgeImage = started(checkImage(badge.node.image, 'badge', o));
    checks.push(...documentChecks(badge.node, 'badge', 'BadgeClass', badge.source ? undefined : terms));
    issuer = await loadIssuer(badge.node, o);
    checks.push(...issuer.checks);
    if (issuer.node) {
      nodes.issuer = issuer.node;
      if (issuer.source) nodes.issuerSource = issuer.source;
      checks.push(...documentChecks(issuer.node, 'issuer', 'Issuer', issuer.source ? undefined : termsOf(badge.node['@context'], undefined, terms)));
    }
  }

  const images = await Promise.all([assertionImage, badgeImage]);
  checks.push(...images.filter((c): c is Check => c !== undefined));

  if (!signed && issuer?.node && typeof assertion.id === 'string') {
    checks.push(...checkHostedScope(assertion.id, issuer.node, issuer.hosted, nodes.badge?.id));
  }
  if (signed && jws && issuer) {
    const sig = await verifyOb2Signature(jws, assertion, issuer, o);
    checks.push(...sig.checks);
    if (sig.key) nodes.key = sig.key;
  } else if (signed && jws) {
    checks.push({ id: 'proof', status: 'error', effect: 'unverifiable', code: 'key-not-found', message: "The badge's signature could not be checked: without its badge definition, its issuer and keys are unknown." });
  }
  if (issuer?.node) {
    const status = await checkRevocationList(assertion, issuer.node, o);
    if (status.list) nodes.revocationList = status.list;
    checks.push(!signed && status.check.status === 'skip'
      ? { ...status.check, message: 'The issuer publishes no revocation list; the badge is still published at its address.' }
      : status.check);
  }
  checks.push(...checkOb2Dates(assertion, o.now, o.clockSkewSeconds));
  checks.push(...(await checkExtensions([assertion, ...(badge.source && nodes.badge ? [nodes.badge] : []), ...(issuer?.source && nodes.issuer ? [nodes.issuer] : [])], o)));
  return result(checks, format, 'assertion', nodes);
}

/** `p`, marked as handled now (it is awaited later, after other awaits): a rejection is never reported as unhandled. */
function started<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/** How an Assertion says it is verified: `hosted` (HostedBadge), `signed` (SignedBadge), or undefined. */
export function verificationMethod(assertion: JsonObject): 'hosted' | 'signed' | undefined {
  const v = assertion.verification ?? assertion.verify;
  if (!isObject(v)) return undefined;
  const terms = termsFor(assertion);
  for (const t of typesOf(v)) {
    const c = classOfType(t, terms);
    if (c === 'HostedBadge') return 'hosted';
    if (c === 'SignedBadge') return 'signed';
  }
  return undefined;
}

// ---- BadgeClass, issuer and other documents given on their own ---------------------------------

async function verifyBadgeClassDocument(badge: JsonObject, o: ResolvedOptions): Promise<Ob2Result> {
  const checks: Check[] = [
    { id: 'format', status: 'warn', code: 'not-an-award', message: 'This is a badge definition (BadgeClass): it describes a badge, not an award to a person.' },
    checkContext(badge, 'badge', true),
    ...problemsToChecks(validateNode(badge, 'BadgeClass', termsFor(badge)), 'badge'),
  ];
  const nodes: Ob2Nodes = { badge };
  const issuer = await loadIssuer(badge, o);
  checks.push(...issuer.checks);
  if (issuer.node) {
    nodes.issuer = issuer.node;
    if (issuer.source) nodes.issuerSource = issuer.source;
    checks.push(...documentChecks(issuer.node, 'issuer', 'Issuer', issuer.source ? undefined : termsFor(badge)));
  }
  const image = await checkImage(badge.image, 'badge', o);
  if (image) checks.push(image);
  checks.push(...(await checkExtensions([badge, ...(issuer.source && nodes.issuer ? [nodes.issuer] : [])], o)));
  return result(checks, 'ob2-hosted', 'badgeclass', nodes);
}

async function verifyIssuerDocument(issuer: JsonObject, o: ResolvedOptions): Promise<Ob2Result> {
  const checks: Check[] = [
    { id: 'format', status: 'warn', code: 'not-an-award', message: 'This is an issuer profile: it describes an organisation, not an award to a person.' },
    checkContext(issuer, 'issuer', true),
    ...problemsToChecks(validateNode(issuer, 'Issuer', termsFor(issuer)), 'issuer'),
    ...issuerIdCheck(issuer),
    ...(await checkExtensions([issuer], o)),
  ];
  return result(checks, 'ob2-hosted', 'issuer', { issuer });
}

function verifyOtherNode(node: JsonObject): Ob2Result {
  const terms = termsFor(node);
  const cls = primaryClass(node, terms);
  const checks: Check[] = [
    { id: 'format', status: 'warn', code: 'not-an-award', message: `This Open Badges 2.0 document is ${cls ? `a ${cls}` : 'of a type outside the Open Badges vocabulary'}, not an award, a badge definition or an issuer profile.` },
    checkContext(node, 'node', true),
    ...problemsToChecks(validateNode(node, ruleSetFor(cls), terms), 'node'),
  ];
  return result(checks, 'ob2-hosted', 'node', { node });
}

// ---- helpers ------------------------------------------------------------------------------------

/** Context (for fetched documents), type and structure checks of a linked document. */
function documentChecks(node: JsonObject, role: NodeRole, rules: 'BadgeClass' | 'Issuer', inherited: TermTable | undefined): Check[] {
  const out: Check[] = [];
  // An embedded node inherits the context of the document around it; a fetched one has its own.
  if (!inherited) out.push(checkContext(node, role, false));
  out.push(...problemsToChecks(validateNode(node, rules, inherited ?? termsFor(node)), role));
  if (role === 'issuer') out.push(...issuerIdCheck(node));
  return out;
}

// OB 2.0 §Profile: "Most platforms to date can only handle HTTP-based IRIs" (a warning, as in the reference validator).
function issuerIdCheck(issuer: JsonObject): Check[] {
  if (typeof issuer.id !== 'string' || isHttpUrl(issuer.id)) return [];
  return [{ id: 'issuer', status: 'warn', code: 'issuer-not-http', message: `${roleLabel('issuer')} is identified by ${issuer.id.slice(0, 100)}, not an HTTP(S) URL, which many platforms cannot handle.` }];
}

function result(checks: Check[], format: Ob2Format, kind: Ob2Kind, nodes: Ob2Nodes): Ob2Result {
  const main = nodes.assertion ?? nodes.badge ?? nodes.issuer ?? nodes.node;
  return { checks, credential: summarizeOb2(nodes), format, kind, nodes, ...(main ? { json: main } : {}) };
}

/** Loads an input given only as a URL: JSON, a compact JWS, or a 410 (a revoked hosted badge). */
async function loadInputUrl(url: string, o: ResolvedOptions): Promise<{ json?: JsonObject; jws?: string; done?: Ob2Result }> {
  try {
    const res = await safeFetch(url, o, { accept: OB2_ACCEPT, kinds: ['json', 'jwt'], passStatus: DEFINITIVE_MISSING });
    if (res.status === 410) {
      return { done: result([{ id: 'status', status: 'fail', effect: 'revoked', code: 'revoked', message: 'The issuer has withdrawn this badge: its address answers "410 Gone".' }], 'ob2-hosted', 'assertion', {}) };
    }
    if (res.status >= 300) {
      return { done: result([{ id: 'hosted', status: 'fail', effect: 'invalid', code: 'http-status', message: `Nothing was found at ${url.slice(0, 100)} (HTTP ${res.status}).` }], 'ob2-hosted', 'assertion', {}) };
    }
    const text = res.text().trim();
    if (looksLikeJws(text)) return { jws: text };
    const doc = parseJson(text, url);
    if (isObject(doc)) return { json: doc };
    return { done: result([{ id: 'format', status: 'fail', effect: 'invalid', code: 'no-credential', message: `${url.slice(0, 100)} does not hold an Open Badges 2.0 document.` }], 'ob2-hosted', 'node', {}) };
  } catch (e) {
    const c = fetchErrorCheck(e, 'assertion', url);
    return { done: result([{ ...c, id: 'hosted' }], 'ob2-hosted', 'assertion', {}) };
  }
}
