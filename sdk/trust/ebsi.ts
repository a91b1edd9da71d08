/**
 * The EBSI Trusted Issuers Registry (TIR) API v5, read-only, as documented on the EBSI hub
 * (hub.ebsi.eu, "Trusted Issuers Registry API v5": GET /issuers/{did}, /issuers/{did}/attributes,
 * /issuers/{did}/attributes/{revisionId}):
 *
 * - `GET {baseUrl}/issuers/{did}` → 404 when the DID is not registered; otherwise either the
 *   current shape `{ did, attributes: "<url of the attribute list>", hasAttributes }` or the
 *   deprecated one `{ did, attributes: [{ hash, body, issuerType, tao, rootTao }] }`.
 * - `GET …/attributes` → `{ items: [{ id, href }], total, pageSize, links }`; each
 *   `GET …/attributes/{id}` → `{ did, attribute: { hash, body, issuerType, tao, rootTao } }`.
 * - `issuerType` is RootTAO, TAO, TI, Revoked or Undefined; `body` is the accreditation the
 *   attribute was registered with: a JWT-secured Verifiable Accreditation (VerifiableAuthorisationForTrustChain,
 *   VerifiableAccreditationToAccredit, VerifiableAccreditationToAttest), signed by the accrediting
 *   organisation (`tao`) with a key its DID document lists.
 *
 * RootTAO / TAO / TI count as listed only when the accreditation JWT verifies: signed by the DID
 * named as `tao` (when given), about the issuer, not expired. The signing key comes from the EBSI
 * DID Registry (`{didRegistry}/identifiers/{did}`, default: the did-registry/v5 API beside the TIR)
 * for did:ebsi, or from did:key / did:web / did:jwk resolution. An algorithm CredLens does not
 * verify (EBSI often uses ES256K) makes the attribute "listed (signature not checked)", which does
 * not count. `Revoked` is a negative finding. Left out: walking the accreditation chain upwards
 * (tao → rootTao → EBSI's trust anchor), accreditation scopes (`accreditedFor` schemas), the
 * `hash` of the body, and proxies.
 */
import { CredLensError, isCredLensError } from '../errors.js';
import { findMethod, resolveKey } from '../keys/resolve.js';
import { looksLikeJws } from '../input/jwt.js';
import { base64Decode, base64UrlEncode, utf8Decode } from '../util/bytes.js';
import { isObject, type JsonObject } from '../util/json.js';
import { numericDate, parseJwt, verifyWithJwks } from './jose.js';
import type { TrustContext, TrustFinding, TrustSource } from './types.js';
import { fetchJson, short, text, unavailable } from './util.js';

/** Options of an EBSI TIR source. */
export interface EbsiTirOptions {
  /** The TIR API base, e.g. https://api-pilot.ebsi.eu/trusted-issuers-registry/v5 */
  baseUrl: string;
  /** The EBSI DID Registry API base (default: did-registry/v5 on the same host, when baseUrl has the usual shape). */
  didRegistry?: string;
  name?: string;
  /** Most attributes read per issuer (default 10). */
  maxAttributes?: number;
}

const ROLE_WORDS: Record<string, string> = {
  RootTAO: 'a Root Trusted Accreditation Organisation (RootTAO)',
  TAO: 'a Trusted Accreditation Organisation (TAO)',
  TI: 'a Trusted Issuer (TI)',
};
const ROLE_RANK: Record<string, number> = { RootTAO: 3, TAO: 2, TI: 1 };

type AttributeOutcome =
  | { state: 'listed'; role: string; tao?: string; expires?: number }
  | { state: 'revoked'; tao?: string }
  | { state: 'unverified'; role?: string; reason: string; code: string };

/** An EBSI Trusted Issuers Registry source. */
export function ebsiTir(options: EbsiTirOptions): TrustSource {
  const base = options.baseUrl.replace(/\/+$/, '');
  const didRegistry = (options.didRegistry ?? (/\/trusted-issuers-registry\/v\d+$/.test(base) ? base.replace(/\/trusted-issuers-registry\/v\d+$/, '/did-registry/v5') : undefined))?.replace(/\/+$/, '');
  const name = options.name ?? 'EBSI Trusted Issuers Registry';
  const maxAttributes = Math.min(Math.max(options.maxAttributes ?? 10, 1), 50);
  const origin = new URL(base).origin;

  const sameOrigin = (url: string) => {
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };

  async function attributesOf(did: string, doc: JsonObject, ctx: TrustContext): Promise<JsonObject[]> {
    if (Array.isArray(doc.attributes)) return doc.attributes.filter(isObject).slice(0, maxAttributes);
    if (typeof doc.attributes !== 'string') return [];
    if (doc.hasAttributes === false) return [];
    const listUrl = doc.attributes;
    if (!sameOrigin(listUrl)) throw new CredLensError('bad-input', `the registry points to attributes on another host (${short(listUrl)})`);
    const list = await fetchJson(listUrl, ctx.options);
    const items = isObject(list.json) && Array.isArray(list.json.items) ? list.json.items.filter(isObject).slice(0, maxAttributes) : [];
    const out: JsonObject[] = [];
    for (const item of items) {
      const href = typeof item.href === 'string' ? item.href : typeof item.id === 'string' ? `${base}/issuers/${did}/attributes/${item.id}` : undefined;
      if (!href || !sameOrigin(href)) continue;
      const got = await fetchJson(href, ctx.options);
      if (isObject(got.json) && isObject(got.json.attribute)) out.push(got.json.attribute);
    }
    return out;
  }

  async function keysFor(kid: string, ctx: TrustContext): Promise<JsonWebKey[]> {
    const did = kid.split('#')[0]!;
    if (did.startsWith('did:ebsi:')) {
      if (!didRegistry) throw new CredLensError('key-not-found', 'no EBSI DID Registry is configured to find its key');
      const res = await fetchJson(`${didRegistry}/identifiers/${did}`, ctx.options);
      if (!isObject(res.json) || res.json.id !== did) throw new CredLensError('key-not-found', `the EBSI DID Registry has no document for ${short(did)}`);
      const m = findMethod(res.json, kid.startsWith('#') ? did + kid : kid, did);
      const jwk = m && isObject(m.method.publicKeyJwk) ? (m.method.publicKeyJwk as JsonWebKey) : undefined;
      if (!jwk) throw new CredLensError('key-not-found', `the DID document of ${short(did)} has no key ${short(kid)}`);
      return [withKid(jwk, kid)];
    }
    const key = await resolveKey(kid, ctx.options);
    if (key.jwk) return [withKid(key.jwk, kid)];
    if (key.ed25519) return [withKid({ kty: 'OKP', crv: 'Ed25519', x: base64UrlEncode(key.ed25519) }, kid)];
    throw new CredLensError('key-not-found', `no usable key for ${short(kid)}`);
  }

  async function judge(did: string, a: JsonObject, ctx: TrustContext): Promise<AttributeOutcome> {
    const type = typeof a.issuerType === 'string' ? a.issuerType : 'Undefined';
    const tao = text(a.tao, 200);
    if (/^revoked$/i.test(type)) return { state: 'revoked', ...(tao ? { tao } : {}) };
    const role = type === 'RootTAO' || type === 'TAO' || type === 'TI' ? type : undefined;
    if (!role) return { state: 'unverified', reason: `it is registered without an accreditation (issuerType ${short(type, 30)})`, code: 'no-accreditation' };
    const token = bodyJwt(a.body);
    const jws = token ? parseJwt(token) : undefined;
    if (!jws) return { state: 'unverified', role, reason: 'its accreditation could not be read, so its signature was not checked', code: 'malformed' };
    const kid = typeof jws.header.kid === 'string' ? jws.header.kid : undefined;
    const alg = typeof jws.header.alg === 'string' ? jws.header.alg : '';
    if (!['EdDSA', 'ES256', 'RS256'].includes(alg)) {
      return { state: 'unverified', role, reason: `signature not checked: its accreditation is signed with ${short(alg, 20) || 'no algorithm'}, which CredLens does not verify`, code: 'unsupported-alg' };
    }
    if (!kid || !kid.startsWith('did:')) return { state: 'unverified', role, reason: 'signature not checked: its accreditation does not name its signing key as a DID URL', code: 'no-key' };
    const signer = kid.split('#')[0]!;
    if (tao && signer !== tao) return { state: 'unverified', role, reason: `its accreditation is signed by ${short(signer)}, not by the accrediting organisation ${short(tao)}`, code: 'wrong-signer' };
    let keys: JsonWebKey[];
    try {
      keys = await keysFor(kid, ctx);
    } catch (e) {
      if (!isCredLensError(e)) throw e;
      return { state: 'unverified', role, reason: `signature not checked: the signing key could not be found (${e.message})`, code: e.code };
    }
    const sig = await verifyWithJwks(jws, keys, ctx.options.ed25519);
    if (!sig.ok) return { state: 'unverified', role, reason: `its accreditation's signature does not verify (${sig.reason})`, code: sig.code };
    const p = sig.payload;
    const vc = isObject(p.vc) ? p.vc : p;
    const subjects = Array.isArray(vc.credentialSubject) ? vc.credentialSubject : [vc.credentialSubject];
    const subjectIds = [p.sub, ...subjects.map((s) => (isObject(s) ? s.id : undefined))].filter((s): s is string => typeof s === 'string');
    if (!subjectIds.includes(did)) return { state: 'unverified', role, reason: `its accreditation is about ${short(subjectIds[0] ?? 'no one')}, not ${short(did)}`, code: 'wrong-subject' };
    const iss = typeof p.iss === 'string' ? p.iss : typeof vc.issuer === 'string' ? vc.issuer : isObject(vc.issuer) ? vc.issuer.id : undefined;
    if (iss !== undefined && iss !== signer) return { state: 'unverified', role, reason: `its accreditation names ${short(String(iss))} as issuer but is signed by ${short(signer)}`, code: 'wrong-signer' };
    const exp = numericDate(p.exp);
    const now = ctx.now.getTime() / 1000;
    if (exp !== undefined && exp <= now - ctx.options.clockSkewSeconds) {
      return { state: 'unverified', role, reason: `its accreditation expired on ${new Date(exp * 1000).toISOString().slice(0, 10)}`, code: 'expired' };
    }
    const nbf = numericDate(p.nbf);
    if (nbf !== undefined && nbf > now + ctx.options.clockSkewSeconds) return { state: 'unverified', role, reason: 'its accreditation is not valid yet', code: 'not-yet-valid' };
    return { state: 'listed', role, tao: tao ?? signer, ...(exp !== undefined ? { expires: exp } : {}) };
  }

  return {
    name,
    kind: 'ebsi-tir',
    async lookup(issuerId, ctx): Promise<TrustFinding[]> {
      if (!/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/.test(issuerId)) return []; // the TIR registers DIDs only
      const baseFinding = { source: name, kind: 'ebsi-tir' as const, subject: issuerId };
      let attributes: JsonObject[];
      try {
        const res = await fetchJson(`${base}/issuers/${issuerId}`, ctx.options, [404]);
        if (res.status === 404) return [{ ...baseFinding, status: 'not-listed', reason: `The ${name} has no entry for ${issuerId}.` }];
        if (!isObject(res.json) || (res.json.did !== undefined && res.json.did !== issuerId)) {
          throw new CredLensError('bad-input', 'its answer is not an issuer record for this DID');
        }
        attributes = await attributesOf(issuerId, res.json, ctx);
      } catch (e) {
        return [unavailable(name, 'ebsi-tir', issuerId, e)];
      }
      if (attributes.length === 0) {
        return [{ ...baseFinding, status: 'unverified', code: 'no-accreditation', reason: `The ${name} knows ${issuerId}, but no accreditation has been registered for it.` }];
      }
      const outcomes = await Promise.all(attributes.map((a) => judge(issuerId, a, ctx)));
      const listed = outcomes.filter((o): o is Extract<AttributeOutcome, { state: 'listed' }> => o.state === 'listed').sort((x, y) => ROLE_RANK[y.role]! - ROLE_RANK[x.role]!);
      const revoked = outcomes.filter((o) => o.state === 'revoked');
      if (listed[0]) {
        const best = listed[0];
        const by = best.tao && best.tao !== issuerId ? `, accredited by ${short(best.tao)}` : '';
        const also = revoked.length > 0 ? ` (${revoked.length} earlier accreditation${revoked.length > 1 ? 's were' : ' was'} revoked)` : '';
        return [{
          ...baseFinding,
          status: 'listed',
          matchedBy: 'id',
          reason: `The ${name} registers this issuer as ${ROLE_WORDS[best.role]}${by}; the accreditation's signature was verified${also}.`,
          entry: { kind: best.role },
          // Accreditation organisations vouch for others by design: their endorsements count.
          ...(best.role !== 'TI' ? { trustedEndorser: true } : {}),
        }];
      }
      if (revoked.length > 0) {
        const tao = (revoked[0] as { tao?: string }).tao;
        return [{ ...baseFinding, status: 'revoked', reason: `The ${name} says this issuer's accreditation was revoked${tao ? ` (it had been accredited by ${short(tao)})` : ''}.` }];
      }
      const first = outcomes[0] as Extract<AttributeOutcome, { state: 'unverified' }>;
      const role = first.role ? ROLE_WORDS[first.role] : undefined;
      return [{
        ...baseFinding,
        status: 'unverified',
        code: first.code,
        reason: role ? `The ${name} registers this issuer as ${role}, but this does not count: ${first.reason}.` : `The ${name} knows this issuer, but ${first.reason}.`,
        ...(first.role ? { entry: { kind: first.role } } : {}),
      }];
    },
  };
}

/** A JWK labelled with the kid the JWS header names, so `verifyWithJwks` selects it. */
function withKid(jwk: JsonWebKey, kid: string): JsonWebKey {
  return { ...jwk, kid } as JsonWebKey;
}

/** The compact JWT in an attribute body (as is, or base64-encoded as the API documentation describes). */
function bodyJwt(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  const t = body.trim();
  if (looksLikeJws(t)) return t;
  try {
    const decoded = utf8Decode(base64Decode(t)).trim();
    return looksLikeJws(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}
