/**
 * Credentials secured as JWTs, in the two shapes found in the wild:
 *
 * - `vc-claim`: VCDM 1.1 §6.3.1 "JWT and JWS Considerations" (and OB 3.0 before its VCDM 2.0
 *   alignment): the credential sits in the `vc` claim, and the registered claims `iss`, `nbf`,
 *   `exp`, `jti`, `sub` stand for `issuer`, `issuanceDate`, `expirationDate`, `id` and
 *   `credentialSubject.id`.
 * - `payload`: VC-JOSE-COSE (VCDM 2.0) and OB 3.0 §8.2 (JSON Web Token Proof Format): the payload
 *   is the credential itself; OB 3.0 adds `iss`/`jti`/`sub`/`nbf`/`exp` for `issuer.id`, `id`,
 *   `credentialSubject.id`, `validFrom` and `validUntil`.
 *
 * The signature itself is checked by `verifyJws`; this module decodes, checks that the claims
 * agree with the credential, and says where the key is to be found.
 */
import { CredLensError } from '../errors.js';
import type { Check } from '../report/types.js';
import { asArray, idOf, isObject, str, type JsonObject } from '../util/json.js';
import { assertPublicJwk } from '../keys/jwk.js';
import type { ParsedJws } from './jws.js';

/** The registered JWT claims that bear on a credential (RFC 7519 §4.1). NumericDates are seconds. */
export interface JwtClaims {
  iss?: string;
  sub?: string;
  jti?: string;
  nbf?: number;
  exp?: number;
  iat?: number;
  aud?: string | string[];
}

/** Where the credential is in the JWT: in the `vc` claim (VCDM 1.1) or the payload itself (VCDM 2.0). */
export type VcJwtShape = 'vc-claim' | 'payload';

/** A decoded VC-JWT. */
export interface DecodedVcJwt {
  /** The credential. For `vc-claim`, the `vc` claim completed by the VCDM 1.1 decoding rules (see `decodeVcJwt`). */
  credential: JsonObject;
  claims: JwtClaims;
  shape: VcJwtShape;
}

/** Validity dates in effect for a VC-JWT, as ISO 8601 UTC strings. */
export interface EffectiveDates {
  validFrom?: string;
  validUntil?: string;
}

/** One place a verification key may come from, in the order a resolver should try them. */
export type KeyHint =
  /** The JOSE header `jwk` (public members only). Self-asserted: the key stage must bind it to the issuer. */
  | { from: 'jwk'; jwk: JsonWebKey }
  /** The header `kid` (made absolute against `iss` when it is a bare fragment) or the `iss` claim. */
  | { from: 'kid' | 'iss'; kind: 'did-url' | 'did' | 'url' | 'opaque'; id: string };

// typ values (RFC 7515 §4.1.9: compared case-insensitively, "application/" may be omitted):
// "JWT" (VCDM 1.1, OB 3.0: "If present, MUST be set to JWT"), "vc+jwt" (VC-JOSE-COSE: "The typ
// header parameter SHOULD be vc+jwt"), "vc-ld+jwt" / "vc+ld+jwt" (earlier VC-JOSE-COSE drafts,
// still issued) and "JOSE" (RFC 7515's generic value).
const CREDENTIAL_TYPS = new Set(['jwt', 'jose', 'vc+jwt', 'vc-ld+jwt', 'vc+ld+jwt']);

/**
 * Decodes the credential and claims of a verified (or about to be verified) VC-JWT.
 *
 * In the `vc-claim` shape the VCDM 1.1 decoding rules are applied ("If iss is present, the value
 * MUST be used to set the issuer property…"; likewise nbf→issuanceDate, exp→expirationDate,
 * jti→id, sub→credentialSubject.id), but only to fill members the `vc` claim lacks: a member present
 * in both places is kept as signed and compared by `checkJwtClaims`, so a disagreement is reported
 * rather than silently overwritten. In the `payload` shape the payload is returned untouched
 * (VC-JOSE-COSE: "The unsecured verifiable credential is the unencoded JWS payload").
 *
 * Throws `bad-jwt` for a non-credential `typ`, malformed claims or a payload that is neither shape,
 * `no-credential` for a presentation, `unsupported-suite` for nested JWTs and SD-JWTs.
 */
export function decodeVcJwt(parsed: Pick<ParsedJws, 'header' | 'payload'>): DecodedVcJwt {
  checkTypes(parsed.header);
  const payload = payloadObject(parsed.payload);
  const claims = readClaims(payload);
  if ('vp' in payload) throw new CredLensError('no-credential', 'The JWT holds a verifiable presentation ("vp" claim), not a credential.');
  if ('vc' in payload) {
    if (!isObject(payload.vc)) throw new CredLensError('bad-jwt', 'The JWT "vc" claim is not a JSON object.');
    // VC-JOSE-COSE: "The JWT Claim Names vc and vp MUST NOT be present" next to a payload credential.
    if ('@context' in payload) throw new CredLensError('bad-jwt', 'The JWT has both a "vc" claim and a credential payload; which one is signed is ambiguous.');
    return { credential: applyV11Decoding(payload.vc, claims), claims, shape: 'vc-claim' };
  }
  if (!('@context' in payload) && !('credentialSubject' in payload)) {
    throw new CredLensError('bad-jwt', 'The JWT payload is neither a credential nor has a "vc" claim.');
  }
  return { credential: payload, claims, shape: 'payload' };
}

function checkTypes(header: unknown): void {
  if (!isObject(header)) throw new CredLensError('bad-jwt', 'The JOSE header is not a JSON object.');
  const typ = mediaType(header.typ, 'typ');
  if (typ !== undefined && !CREDENTIAL_TYPS.has(typ)) {
    if (typ.endsWith('+sd-jwt')) throw new CredLensError('unsupported-suite', `SD-JWT credentials ("typ": "${str(header.typ)}") are not supported.`);
    throw new CredLensError('bad-jwt', `The JOSE "typ" is "${str(header.typ).slice(0, 40)}", which is not a credential JWT.`);
  }
  // RFC 7519 §5.2: "cty": "JWT" announces a nested JWT, which no credential format uses.
  if (mediaType(header.cty, 'cty') === 'jwt') throw new CredLensError('unsupported-suite', 'Nested JWTs ("cty": "JWT") are not supported.');
}

function mediaType(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new CredLensError('bad-jwt', `The JOSE header "${name}" is not a string.`);
  const t = v.toLowerCase();
  return t.startsWith('application/') ? t.slice('application/'.length) : t;
}

function payloadObject(payload: unknown): JsonObject {
  if (!isObject(payload)) throw new CredLensError('bad-jwt', 'The JWT payload is not a JSON object.');
  return payload;
}

/** Largest NumericDate a JS Date can hold (ECMAScript: ±8.64e15 ms). */
const MAX_NUMERIC_DATE = 8.64e12;

function readClaims(p: JsonObject): JwtClaims {
  const claims: JwtClaims = {};
  for (const name of ['iss', 'sub', 'jti'] as const) {
    const v = p[name];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new CredLensError('bad-jwt', `The JWT claim "${name}" is not a string.`);
    claims[name] = v;
  }
  for (const name of ['nbf', 'exp', 'iat'] as const) {
    const v = p[name];
    if (v === undefined) continue;
    // RFC 7519 §2 NumericDate: a JSON number of seconds since the epoch (fractions allowed).
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_NUMERIC_DATE) {
      throw new CredLensError('bad-jwt', `The JWT claim "${name}" is not a NumericDate.`);
    }
    claims[name] = v;
  }
  const aud = p.aud;
  if (typeof aud === 'string' || (Array.isArray(aud) && aud.every((a) => typeof a === 'string'))) claims.aud = aud as string | string[];
  else if (aud !== undefined) throw new CredLensError('bad-jwt', 'The JWT claim "aud" is not a string or an array of strings.');
  return claims;
}

function applyV11Decoding(vc: JsonObject, c: JwtClaims): JsonObject {
  const out: JsonObject = { ...vc };
  if (c.iss !== undefined && out.issuer === undefined) out.issuer = c.iss;
  if (c.jti !== undefined && out.id === undefined) out.id = c.jti;
  if (c.nbf !== undefined && out.issuanceDate === undefined && out.validFrom === undefined) out.issuanceDate = isoFromSeconds(c.nbf);
  // The 1.1 text says "expirationDate property of credentialSubject", a known slip: expirationDate
  // is a property of the credential (VCDM 1.1 §4.7), and that is where it is set.
  if (c.exp !== undefined && out.expirationDate === undefined && out.validUntil === undefined) out.expirationDate = isoFromSeconds(c.exp);
  if (c.sub !== undefined && isObject(out.credentialSubject) && out.credentialSubject.id === undefined) {
    out.credentialSubject = { ...out.credentialSubject, id: c.sub };
  }
  return out;
}

/**
 * Checks that the JWT claims agree with the credential they secure, one Check per claim present:
 * `iss` = issuer id, `jti` = id, `sub` = credentialSubject id, `nbf` = validFrom (or issuanceDate),
 * `exp` = validUntil (or expirationDate), each compared when both sides exist, dates to the second.
 *
 * Strictness follows the source of each rule:
 * - `iss` vs issuer: always `fail` / `invalid` (OB 3.0 §8.2.4.1 "If they do not match, the
 *   credential is not valid"; VC-JOSE-COSE "iss value, if present, MUST match issuer.id value").
 * - the others: `fail` / `invalid` for the `vc-claim` shape (VCDM 1.1: the claims "MUST represent"
 *   those properties) and for Open Badges / CLR credentials (OB 3.0 §8.2.4.1: nbf "MUST equal the
 *   validFrom", jti and sub "MUST match"); only `warn` for other VCDM 2.0 credentials, where
 *   VC-JOSE-COSE says issuers "SHOULD avoid" conflicting jti/sub and that iat/exp are "the issuance
 *   and expiration time of the signature … different from the validFrom and validUntil".
 * For Open Badges, a missing `iss`, `jti` or `nbf` (and `sub` when the subject has an id), which
 * OB 3.0 says the JWT "MUST have", is a `warn`: 1EdTech's own valid examples omit `sub`.
 * No date is compared with the clock here: see `effectiveDates`.
 */
export function checkJwtClaims(credential: JsonObject, claims: JwtClaims, shape: VcJwtShape = 'payload'): Check[] {
  const ob = isOpenBadge(credential);
  const strict = shape === 'vc-claim' || ob;
  const checks: Check[] = [];
  const mismatch = (id: string, hard: boolean, message: string): void => {
    checks.push(hard ? { id, status: 'fail', code: 'jwt-claim-mismatch', message, effect: 'invalid' } : { id, status: 'warn', code: 'jwt-claim-mismatch', message });
  };

  const issuer = idOf(credential.issuer);
  if (claims.iss !== undefined && issuer !== undefined) {
    if (claims.iss === issuer) checks.push({ id: 'jwt-iss', status: 'pass', message: 'The JWT "iss" matches the credential issuer.' });
    else mismatch('jwt-iss', true, `The JWT "iss" (${short(claims.iss)}) is not the credential issuer (${short(issuer)}).`);
  }

  const id = typeof credential.id === 'string' ? credential.id : undefined;
  if (claims.jti !== undefined && id !== undefined) {
    if (claims.jti === id) checks.push({ id: 'jwt-jti', status: 'pass', message: 'The JWT "jti" matches the credential id.' });
    else mismatch('jwt-jti', strict, `The JWT "jti" (${short(claims.jti)}) is not the credential id (${short(id)}).`);
  }

  const subjectIds = asArray(credential.credentialSubject as unknown).map(idOf).filter((s): s is string => s !== undefined);
  if (claims.sub !== undefined && subjectIds.length > 0) {
    if (subjectIds.includes(claims.sub)) checks.push({ id: 'jwt-sub', status: 'pass', message: 'The JWT "sub" matches the credential subject id.' });
    else mismatch('jwt-sub', strict, `The JWT "sub" (${short(claims.sub)}) is not the credential subject id (${short(subjectIds.join(', '))}).`);
  }

  // VCDM 1.1 maps nbf to issuanceDate; OB 3.0 (VCDM 2.0) maps it to validFrom and notes that 1.1
  // credentials carry issuanceDate instead. Compare with the member the shape names first.
  const fromName = shape === 'vc-claim' ? firstPresent(credential, 'issuanceDate', 'validFrom') : firstPresent(credential, 'validFrom', 'issuanceDate');
  if (claims.nbf !== undefined && fromName !== undefined) compareDate(checks, 'jwt-nbf', 'nbf', claims.nbf, fromName, credential[fromName], strict);

  const untilName = shape === 'vc-claim' ? firstPresent(credential, 'expirationDate', 'validUntil') : firstPresent(credential, 'validUntil', 'expirationDate');
  if (claims.exp !== undefined && untilName !== undefined) compareDate(checks, 'jwt-exp', 'exp', claims.exp, untilName, credential[untilName], strict);

  if (ob) {
    const missing: string[] = (['iss', 'jti', 'nbf'] as const).filter((n) => claims[n] === undefined);
    if (claims.sub === undefined && subjectIds.length > 0) missing.push('sub');
    if (missing.length > 0) {
      checks.push({
        id: 'jwt-claims',
        status: 'warn',
        code: 'jwt-claim-missing',
        message: `The JWT lacks the claim${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}, which Open Badges 3.0 requires.`,
      });
    }
  }
  return checks;

  function compareDate(out: Check[], checkId: string, claim: string, seconds: number, member: string, value: unknown, hard: boolean): void {
    const ms = parseDateTime(value);
    if (ms === undefined) {
      out.push({ id: checkId, status: 'fail', code: 'bad-date', message: `The credential "${member}" is not a valid date-time: ${short(str(value))}.`, effect: 'invalid' });
      return;
    }
    // NumericDate has whole-second precision in practice; the JSON member may carry milliseconds.
    if (Math.floor(ms / 1000) === Math.floor(seconds)) {
      out.push({ id: checkId, status: 'pass', message: `The JWT "${claim}" matches the credential "${member}".` });
    } else {
      mismatch(checkId, hard, `The JWT "${claim}" (${isoFromSeconds(seconds)}) differs from the credential "${member}" (${str(value)}).`);
    }
  }
}

/**
 * The validity window a VC-JWT asserts, for the status stage to compare with the clock: the latest
 * of `nbf`, `validFrom` and `issuanceDate`, and the earliest of `exp`, `validUntil` and
 * `expirationDate`. Every one of them was signed; taking the narrowest window honours all of them
 * (VCDM 1.1 makes the claims replace the members; RFC 7519 §4.1.4 says a JWT "MUST NOT be accepted
 * for processing" on or after `exp`, whatever VC-JOSE-COSE says it means). Unparseable members
 * are skipped here; `checkJwtClaims` and the structure checks report them.
 */
export function effectiveDates(credential: JsonObject, claims: JwtClaims): EffectiveDates {
  const from = [claims.nbf === undefined ? undefined : claims.nbf * 1000, parseDateTime(credential.validFrom), parseDateTime(credential.issuanceDate)];
  const until = [claims.exp === undefined ? undefined : claims.exp * 1000, parseDateTime(credential.validUntil), parseDateTime(credential.expirationDate)];
  const f = from.filter((x): x is number => x !== undefined);
  const u = until.filter((x): x is number => x !== undefined);
  const out: EffectiveDates = {};
  if (f.length > 0) out.validFrom = isoFromMs(Math.max(...f));
  if (u.length > 0) out.validUntil = isoFromMs(Math.min(...u));
  return out;
}

/**
 * Where the verification key may be found, in order: the header `jwk` (OB 3.0 §8.2.1: "If you do
 * not include a kid property in the header, you MUST include the public key in the jwk property"),
 * the header `kid` as a DID URL or URL (a bare fragment such as "#key-1" is resolved against `iss`),
 * and `iss` when it is a DID (VC-JOSE-COSE §iss: "a verifier can use this parameter to obtain a
 * JSON Web Key"). Resolution and issuer binding happen in the key stage. A `jwk` with private
 * members is refused (`bad-key`).
 */
export function keyHintsFromJwt(header: Record<string, unknown>, claims: JwtClaims): KeyHint[] {
  const hints: KeyHint[] = [];
  if ('jwk' in header) {
    assertPublicJwk(header.jwk, 'The JOSE header "jwk"');
    hints.push({ from: 'jwk', jwk: header.jwk });
  }
  const iss = claims.iss;
  if (typeof header.kid === 'string' && header.kid !== '') {
    const kid = header.kid;
    if (kid.startsWith('#') && iss !== undefined && (isDid(iss) || isHttpUrl(iss))) {
      hints.push({ from: 'kid', kind: isDid(iss) ? 'did-url' : 'url', id: iss.split('#')[0] + kid });
    } else if (isDid(kid)) {
      hints.push({ from: 'kid', kind: kid.includes('#') ? 'did-url' : 'did', id: kid });
    } else if (isHttpUrl(kid)) {
      hints.push({ from: 'kid', kind: 'url', id: kid });
    } else {
      // An opaque key id (e.g. a JWKS "kid"): only meaningful together with the issuer's key set.
      hints.push({ from: 'kid', kind: 'opaque', id: kid });
    }
  }
  if (iss !== undefined && isDid(iss)) hints.push({ from: 'iss', kind: 'did', id: iss });
  return hints;
}

// ---------------------------------------------------------------------------------------------

const OB_TYPES = new Set(['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential']);

/** True for Open Badges 3.0 / CLR 2.0 credentials (by type or by a 1EdTech context). */
function isOpenBadge(credential: JsonObject): boolean {
  if (asArray(credential.type as unknown).some((t) => typeof t === 'string' && OB_TYPES.has(t))) return true;
  return asArray(credential['@context'] as unknown).some(
    (c) => typeof c === 'string' && /^https:\/\/purl\.imsglobal\.org\/spec\/(ob|clr)\//.test(c),
  );
}

function firstPresent(o: JsonObject, ...names: string[]): string | undefined {
  return names.find((n) => o[n] !== undefined);
}

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i;

/** Milliseconds for an XML Schema dateTime (as VCDM requires); no time zone is read as UTC. */
function parseDateTime(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = DATE_TIME.exec(v.trim());
  if (!m) return undefined;
  const ms = Date.parse(m[8] ? v.trim() : `${v.trim()}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

function isoFromSeconds(s: number): string {
  return isoFromMs(s * 1000);
}

/** ISO 8601 in UTC, without a ".000" when the instant is a whole second. */
function isoFromMs(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

function isDid(s: string): boolean {
  return /^did:[a-z0-9]+:/.test(s);
}

function isHttpUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
