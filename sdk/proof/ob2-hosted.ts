/**
 * OB 2.0 hosted verification (OB 2.0 §HostedBadge Verification): the Assertion is loaded from its
 * own `id`, which is the source of truth (an HTTP 410 or `revoked: true` there means revoked), and
 * that `id` must lie within the scope the issuer Profile's VerificationObject declares
 * (`startsWith`, `allowedOrigins`), by default the host of the issuer's `id`.
 */
import { CredLensError } from '../errors.js';
import { safeFetch } from '../fetch/index.js';
import { extractFromPng, isPng } from '../input/png.js';
import { extractFromSvg } from '../input/svg.js';
import type { ResolvedOptions } from '../options.js';
import type { Check } from '../report/types.js';
import { isObject, parseJson, type JsonObject } from '../util/json.js';
import { authorityOf, fetchErrorCheck, OB2_ACCEPT } from '../credential/ob2.js';
import { DEFINITIVE_MISSING } from '../credential/ob2-image.js';
import { isHttpUrl } from '../credential/ob2-vocab.js';

/** The hosted copy of an Assertion, or why it could not be used. */
export interface HostedAssertion {
  /** The Assertion as served at its id (use it instead of the input: OB 2.0 §HostedBadge). */
  assertion?: JsonObject;
  /** True when the host says the Assertion is revoked (410 Gone, or `revoked: true`). */
  revoked: boolean;
  checks: Check[];
}

/**
 * Loads a hosted Assertion from its `id` and compares it with the copy given (if any). Checks:
 * `hosted` (loaded and the same Assertion), and `status` with effect `revoked` when the host marks
 * it revoked. A 404 or similar means the Assertion no longer exists at its source (`invalid`);
 * network trouble is `error` (unverifiable).
 */
export async function fetchHostedAssertion(id: unknown, given: JsonObject | undefined, o: ResolvedOptions): Promise<HostedAssertion> {
  if (typeof id !== 'string' || !isHttpUrl(id)) {
    return { revoked: false, checks: [{ id: 'hosted', status: 'fail', effect: 'invalid', code: 'bad-url', message: 'This hosted badge has no http(s) address to check it at.' }] };
  }
  let status: number;
  let body: unknown;
  let baked = false;
  try {
    const res = await safeFetch(id, o, { accept: OB2_ACCEPT, kinds: ['json', 'image'], passStatus: DEFINITIVE_MISSING });
    status = res.status;
    const image = status < 300 ? bakedText(res.bytes) : undefined;
    baked = image !== undefined;
    body = tryJson(image ?? (res.bytes.length ? safeText(res) : ''));
    if (status === 410) {
      const reason = isObject(body) && typeof body.revocationReason === 'string' ? ` Reason given: ${body.revocationReason}` : '';
      return { revoked: true, checks: [revokedCheck(`The issuer has withdrawn this badge: its address answers "410 Gone".${reason}`)] };
    }
    if (status >= 300) {
      // The address is the source of truth; a definitive "not here" means the award no longer exists there.
      return { revoked: false, checks: [{ id: 'hosted', status: 'fail', effect: 'invalid', code: 'http-status', message: `The badge could not be found at its own address ${short(id)} (HTTP ${status}).` }] };
    }
  } catch (e) {
    const c = fetchErrorCheck(e, 'assertion', id);
    return { revoked: false, checks: [{ ...c, id: 'hosted' }] };
  }
  if (!isObject(body)) {
    return { revoked: false, checks: [{ id: 'hosted', status: 'fail', effect: 'invalid', code: 'bad-json', message: `The badge's own address ${short(id)} does not serve a JSON document.` }] };
  }
  if (body.revoked === true) {
    const reason = typeof body.revocationReason === 'string' ? ` Reason given: ${body.revocationReason}` : '';
    return { revoked: true, assertion: body, checks: [revokedCheck(`The issuer marks this badge as revoked at its address.${reason}`)] };
  }
  if (body.id !== id) {
    return { revoked: false, checks: [{ id: 'hosted', status: 'fail', effect: 'invalid', code: 'id-mismatch', message: `The document at the badge's address ${short(id)} describes a different badge (${short(String(body.id))}).` }] };
  }
  const checks: Check[] = [{ id: 'hosted', status: 'pass', message: `The badge is published by its issuer at ${short(id)}.` }];
  if (baked) {
    checks.push({ id: 'hosted', status: 'warn', code: 'hosted-baked', message: 'The badge address serves a baked badge image rather than the JSON document Open Badges 2.0 asks for; the award baked in it was checked.' });
  }
  if (given && !jsonEqual(given, body)) {
    checks.push({ id: 'hosted', status: 'warn', code: 'hosted-differs', message: 'The copy given differs from the one at its address; the copy at its address was checked.' });
  }
  return { revoked: false, assertion: body, checks };
}

/** The hosted verification policy of an issuer: where its Assertions may live. */
export interface HostedPolicy {
  startsWith: string[];
  allowedOrigins: string[];
  /** True when the policy was declared by the issuer (false: the default). */
  declared: boolean;
}

/**
 * Reads the issuer Profile's VerificationObject. Only a profile loaded from its own address may
 * widen the scope (`hosted`); a profile known only from an embedded copy gets the default policy,
 * since whoever wrote the copy could declare any origin.
 */
export function issuerPolicy(issuer: JsonObject, hosted: boolean): HostedPolicy {
  const v = issuer.verification;
  if (!hosted || !isObject(v)) return { startsWith: [], allowedOrigins: [], declared: false };
  const list = (x: unknown) => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]).filter((s): s is string => typeof s === 'string' && s !== '');
  const startsWith = list(v.startsWith);
  const allowedOrigins = list(v.allowedOrigins).map((s) => s.toLowerCase());
  return { startsWith, allowedOrigins, declared: startsWith.length > 0 || allowedOrigins.length > 0 };
}

/**
 * The `issuer-scope` check: the Assertion id must start with one of the policy's `startsWith`
 * values and/or have its host among `allowedOrigins`; with no declared policy, its host must be the
 * host of the issuer id (OB 2.0 §HostedBadge Verification). "Origin" is compared as the URL
 * authority (host and port), as `allowedOrigins` is defined (RFC 3986 §3.2.2 host), so http and
 * https URLs of the same host match. When the issuer id is not http(s) the default policy cannot
 * be enforced: a warning. The BadgeClass id is held to the same origins, as a warning only.
 */
export function checkHostedScope(assertionId: string, issuer: JsonObject, hosted: boolean, badgeId?: unknown): Check[] {
  const policy = issuerPolicy(issuer, hosted);
  const issuerId = typeof issuer.id === 'string' ? issuer.id : '';
  const host = authorityOf(assertionId);
  const checks: Check[] = [];
  let origins = policy.allowedOrigins;
  if (policy.startsWith.length > 0) {
    if (!policy.startsWith.some((p) => assertionId.startsWith(p))) {
      return [scopeFail(`The badge's address ${short(assertionId)} is outside the locations its issuer allows (it must start with ${policy.startsWith.map(short).join(' or ')}).`)];
    }
    checks.push({ id: 'issuer-scope', status: 'pass', message: `The badge's address lies within the location its issuer declares.` });
  }
  if (!policy.declared) {
    if (!isHttpUrl(issuerId)) {
      return [{ id: 'issuer-scope', status: 'warn', code: 'issuer-not-http', message: `The issuer id ${short(issuerId || '(none)')} is not an HTTP(S) URL, so the hosted verification policy cannot be enforced.` }];
    }
    origins = [authorityOf(issuerId)!];
  }
  if (origins.length > 0) {
    if (!host || !origins.includes(host)) {
      return [scopeFail(`The badge is hosted at ${host ?? short(assertionId)}, which is not ${policy.declared ? 'among the sites its issuer allows' : "its issuer's site"} (${origins.join(', ')}).`)];
    }
    if (checks.length === 0) checks.push({ id: 'issuer-scope', status: 'pass', message: `The badge is hosted on ${policy.declared ? 'a site its issuer allows' : "its issuer's own site"} (${host}).` });
    const badgeHost = typeof badgeId === 'string' && isHttpUrl(badgeId) ? authorityOf(badgeId) : undefined;
    if (badgeHost && !origins.includes(badgeHost)) {
      checks.push({ id: 'issuer-scope', status: 'warn', code: 'badge-off-origin', message: `The badge definition is hosted at ${badgeHost}, outside the issuer's sites (${origins.join(', ')}).` });
    }
  }
  return checks;
}

function scopeFail(message: string): Check {
  return { id: 'issuer-scope', status: 'fail', effect: 'invalid', code: 'issuer-scope', message };
}

function revokedCheck(message: string): Check {
  return { id: 'status', status: 'fail', effect: 'revoked', code: 'revoked', message };
}

// Some hosts answer the assertion URL with the baked image itself; the award inside it is then the hosted copy.
function bakedText(bytes: Uint8Array): string | undefined {
  try {
    if (isPng(bytes)) return extractFromPng(bytes).text;
    const head = new TextDecoder().decode(bytes.subarray(0, 2048));
    if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return extractFromSvg(new TextDecoder().decode(bytes)).text;
  } catch {
    return '';
  }
  return undefined;
}

function safeText(res: { text(): string }): string {
  try {
    return res.text();
  } catch {
    return '';
  }
}

function tryJson(text: string): unknown {
  if (!/^\s*[{[]/.test(text)) return undefined;
  try {
    return parseJson(text);
  } catch (e) {
    if (e instanceof CredLensError) return undefined;
    throw e;
  }
}

/** Structural equality of two JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

function short(s: string): string {
  return s.length > 100 ? s.slice(0, 97) + '...' : s;
}
