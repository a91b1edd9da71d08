/**
 * OB 2.0 signed verification (OB 2.0 §SignedBadge Verification): a compact JWS (RS256) whose
 * payload is the Assertion. The key is the `publicKeyPem` of the CryptographicKey named by
 * `verification.creator` (or, without one, the keys the issuer Profile lists); it is trusted only
 * when linked both ways: its `owner` is the issuer id and the issuer Profile, loaded from its own
 * address, lists it under `publicKey`. Revocation: the issuer's `revocationList`.
 */
import { CredLensError } from '../errors.js';
import type { CompactJws } from '../input/jwt.js';
import { importVerifyKey } from '../keys/jwk.js';
import type { ResolvedOptions } from '../options.js';
import type { Check } from '../report/types.js';
import { idOf, isObject, type JsonObject } from '../util/json.js';
import { fetchOb2Node, type LoadedIssuer } from '../credential/ob2.js';
import { checkJoseHeader, verifyJws, type JwsAlg } from './jws.js';

/** JWS algorithms accepted for OB 2.0 signed badges (the spec recommends RSA-SHA256; CredLens takes only it). */
export const OB2_JWS_ALGS: readonly JwsAlg[] = ['RS256'];

/** Result of signature verification. */
export interface Ob2SignatureResult {
  checks: Check[];
  /** The CryptographicKey document that verified the signature. */
  key?: JsonObject;
}

/**
 * Verifies the JWS of a signed Assertion against the issuer's key. Checks: `proof` (the
 * signature), `key` (a usable key was found), `issuer-binding` (the key belongs to the issuer).
 * A key that cannot be obtained makes the badge unverifiable ("If it is impossible to get a usable
 * public key, the Assertion cannot be verified"); a signature that does not verify, or a key the
 * issuer does not acknowledge, makes it invalid ("Do not trust a key that is not properly linked
 * from the issuer Profile").
 */
export async function verifyOb2Signature(
  jws: CompactJws,
  assertion: JsonObject,
  issuer: LoadedIssuer,
  o: ResolvedOptions,
): Promise<Ob2SignatureResult> {
  let alg: JwsAlg;
  try {
    alg = checkJoseHeader(jws.header, OB2_JWS_ALGS);
  } catch (e) {
    const err = e instanceof CredLensError ? e : new CredLensError('bad-jwt', String(e));
    return err.code === 'unsupported-suite'
      ? { checks: [{ id: 'proof', status: 'unsupported', effect: 'unverifiable', code: err.code, message: `The badge is signed with an algorithm CredLens does not verify for Open Badges 2.0: ${err.message}` }] }
      : { checks: [{ id: 'proof', status: 'fail', effect: 'invalid', code: err.code, message: `The badge's signature header is not acceptable: ${err.message}` }] };
  }
  const profile = issuer.node;
  if (!profile || !issuer.hosted) {
    return { checks: [{ id: 'issuer-binding', status: 'error', effect: 'unverifiable', code: 'key-not-found', message: "The issuer profile could not be loaded from the issuer's own address, so the signing key cannot be tied to the issuer." }] };
  }
  const issuerIds = new Set([idOf(profile), issuer.source].filter((x): x is string => typeof x === 'string'));
  const listed = listedKeys(profile);
  const v = assertion.verification ?? assertion.verify;
  const creator = isObject(v) && typeof v.creator === 'string' ? v.creator : undefined;
  // A key the issuer's own profile embeds is taken from there; a key named by URL is fetched.
  const embedded = creator ? listed.get(creator) : undefined;
  const candidates: unknown[] = creator ? [isObject(embedded) && typeof embedded.publicKeyPem === 'string' ? embedded : creator] : [...listed.values()];
  if (candidates.length === 0) {
    return { checks: [{ id: 'key', status: 'error', effect: 'unverifiable', code: 'key-not-found', message: 'Neither the badge nor its issuer names a public key, so the signature cannot be checked.' }] };
  }

  const problems: Check[] = [];
  let tried = false;
  for (const cand of candidates) {
    const loaded = await loadKey(cand, o);
    problems.push(...loaded.checks);
    if (!loaded.key) continue;
    const key = loaded.key;
    const keyIds = [typeof cand === 'string' ? cand : undefined, idOf(key)].filter((x): x is string => typeof x === 'string');
    const name = short(keyIds[0] ?? '(embedded)');
    const owner = idOf(key.owner);
    let binding: string | undefined;
    // An embedded key comes from the issuer's own profile; it need not repeat its owner.
    if (owner === undefined && isObject(cand)) binding = undefined;
    else if (!owner || !issuerIds.has(owner)) binding = `The signing key ${name} belongs to ${owner ? short(owner) : 'no one'}, not to the badge's issuer.`;
    else if (typeof cand === 'string' && !keyIds.some((k) => listed.has(k))) binding = `The issuer's profile does not list the signing key ${name} among its keys.`;
    if (binding) {
      // The key the badge names must be the issuer's; a stray key among the issuer's own list is only skipped.
      if (creator) return { checks: [...problems, bindingFail(binding)] };
      problems.push({ id: 'key', status: 'warn', code: 'key-not-authorized', message: binding });
      continue;
    }
    if (typeof key.publicKeyPem !== 'string') {
      problems.push({ id: 'key', status: 'error', effect: 'unverifiable', code: 'bad-key', message: `The key document ${name} holds no PEM public key.` });
      continue;
    }
    let verified: boolean;
    try {
      const cryptoKey = await importVerifyKey({ pem: key.publicKeyPem }, alg, { ed25519: o.ed25519 });
      tried = true;
      verified = await verifyJws(jws, cryptoKey, OB2_JWS_ALGS, { ed25519: o.ed25519 });
    } catch (e) {
      const err = e instanceof CredLensError ? e : new CredLensError('bad-proof', String(e));
      return { checks: [...problems, { id: err.code === 'bad-key' ? 'key' : 'proof', status: 'fail', effect: 'invalid', code: err.code, message: `The badge's signature could not be checked with the issuer's key: ${err.message}` }] };
    }
    if (verified) {
      return {
        key,
        checks: [
          ...problems.filter((c) => c.status === 'warn'),
          { id: 'key', status: 'pass', message: `The signing key ${name} was found.` },
          { id: 'issuer-binding', status: 'pass', message: "The signing key belongs to the issuer: the key names the issuer as its owner and the issuer's profile lists the key." },
          { id: 'proof', status: 'pass', message: `The badge's ${alg} signature is valid.` },
        ],
      };
    }
  }
  if (!tried) {
    const none: Check = { id: 'key', status: 'error', effect: 'unverifiable', code: 'key-not-found', message: "No usable public key of the issuer was found, so the badge's signature cannot be checked." };
    return { checks: problems.some((c) => c.status === 'error') ? problems : [...problems, none] };
  }
  return { checks: [...problems, { id: 'proof', status: 'fail', effect: 'invalid', code: 'bad-proof', message: "The badge's signature does not match its content and the issuer's key: it was altered or signed by someone else." }] };
}

/** The key ids (and embedded key objects, by id) an issuer Profile lists under `publicKey`. */
export function listedKeys(profile: JsonObject): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const raw = profile.publicKey;
  for (const k of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
    const id = idOf(k);
    if (id) out.set(id, k);
  }
  return out;
}

async function loadKey(cand: unknown, o: ResolvedOptions): Promise<{ key?: JsonObject; checks: Check[] }> {
  if (isObject(cand)) return { key: cand, checks: [] };
  if (typeof cand !== 'string') return { checks: [] };
  const loaded = await fetchOb2Node(cand, 'key', o);
  // A key that cannot be obtained leaves the signature unchecked: unverifiable, never invalid.
  const checks = loaded.checks.map((c): Check => (c.status === 'fail' ? { ...c, status: 'error', effect: 'unverifiable' } : c));
  return loaded.node ? { key: loaded.node, checks: checks.filter((c) => c.status !== 'pass') } : { checks };
}

function bindingFail(message: string): Check {
  return { id: 'issuer-binding', status: 'fail', effect: 'invalid', code: 'key-not-authorized', message };
}

/** A revoked entry found in a RevocationList. */
export interface RevokedEntry {
  reason?: string;
}

/**
 * Looks an Assertion up in a RevocationList's `revokedAssertions`, whose entries are bare id
 * strings or objects with `id` (or the legacy `uid`) and an optional `revocationReason`.
 */
export function findRevoked(list: JsonObject, assertionId: string | undefined, uid?: string): RevokedEntry | undefined {
  const raw = list.revokedAssertions;
  for (const e of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
    if (typeof e === 'string') {
      if (assertionId !== undefined && e.trim() === assertionId) return {};
    } else if (isObject(e)) {
      const hit = (assertionId !== undefined && typeof e.id === 'string' && e.id.trim() === assertionId)
        || (uid !== undefined && typeof e.uid === 'string' && e.uid === uid);
      if (hit) return typeof e.revocationReason === 'string' ? { reason: e.revocationReason } : {};
    }
  }
  return undefined;
}

/**
 * The `status` check from the issuer's `revocationList` (fetched through the safe fetch). No list:
 * `skip`. A list that cannot be read: `error` (unverifiable: revocation could not be ruled out).
 */
export async function checkRevocationList(assertion: JsonObject, issuer: JsonObject | undefined, o: ResolvedOptions): Promise<{ check: Check; list?: JsonObject }> {
  const ref = issuer?.revocationList;
  const id = typeof assertion.id === 'string' ? assertion.id : undefined;
  const uid = typeof assertion.uid === 'string' ? assertion.uid : undefined;
  if (ref === undefined || ref === null) {
    return { check: { id: 'status', status: 'skip', message: 'The issuer publishes no revocation list.' } };
  }
  let list: JsonObject | undefined;
  if (isObject(ref) && ref.revokedAssertions !== undefined) list = ref;
  else if (typeof ref === 'string' || typeof idOf(ref) === 'string') {
    const loaded = await fetchOb2Node(typeof ref === 'string' ? ref : idOf(ref)!, 'revocation-list', o);
    if (!loaded.node) {
      const c = loaded.checks[0]!;
      return { check: { ...c, id: 'status', status: 'error', effect: 'unverifiable', message: `${c.message} Whether the badge was revoked is unknown.` } };
    }
    list = loaded.node;
  }
  if (!list || !(Array.isArray(list.revokedAssertions) || list.revokedAssertions === undefined)) {
    return { check: { id: 'status', status: 'error', effect: 'unverifiable', code: 'bad-status-list', message: "The issuer's revocation list cannot be read, so whether the badge was revoked is unknown." } };
  }
  const hit = findRevoked(list, id, uid);
  if (hit) {
    return { list, check: { id: 'status', status: 'fail', effect: 'revoked', code: 'revoked', message: `The issuer has revoked this badge${hit.reason ? `: ${hit.reason}` : '.'}` } };
  }
  return { list, check: { id: 'status', status: 'pass', message: "The badge is not on its issuer's revocation list." } };
}

function short(s: string): string {
  return s.length > 100 ? s.slice(0, 97) + '...' : s;
}
