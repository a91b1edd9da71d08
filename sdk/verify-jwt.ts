/**
 * The pipeline for a VC secured as a compact JWS (VC-JWT / VC-JOSE, OB 3.0 §8.2):
 * proof (JOSE signature, key and issuer binding) → claims vs credential → dates → status.
 */
import { checkStructure, summarize, vcFormat } from './credential/vc.js';
import { isCredLensError } from './errors.js';
import { importVerifyKey, type VerifyKey } from './keys/jwk.js';
import type { ResolvedKey } from './keys/types.js';
import type { Env } from './pipeline.js';
import { checkJoseHeader, verifyJws, type JwsAlg, type ParsedJws } from './proof/jws.js';
import { checkJwtClaims, decodeVcJwt, effectiveDates, keyHintsFromJwt, type KeyHint } from './proof/vc-jwt.js';
import type { Check } from './report/types.js';
import { checkValidity } from './status/dates.js';
import { base64UrlEncode } from './util/bytes.js';
import { idOf } from './util/json.js';
import { statusUnlessForged, type PipelineResult } from './verify-vc.js';

/** Verifies a parsed VC-JWT. Never throws for a bad credential. */
export async function verifyVcJwt(parsed: ParsedJws, env: Env): Promise<PipelineResult> {
  const decoded = decodeVcJwt(parsed);
  const vc = decoded.credential;
  const checks: Check[] = checkStructure(vc).filter((c) => c.id !== 'issuance' || c.code !== 'no-issuance-date' || decoded.claims.nbf === undefined);
  checks.push(...(await jwtProofChecks(parsed, vc, decoded.claims.iss, keyHintsFromJwt(parsed.header, decoded.claims), env)));
  checks.push(...checkJwtClaims(vc, decoded.claims, decoded.shape));
  const dates = effectiveDates(vc, decoded.claims);
  checks.push(...checkValidity({ ...dates, fromField: 'nbf / validFrom', untilField: 'exp / validUntil' }, env.o.now, env.o.clockSkewSeconds));
  checks.push(...(await statusUnlessForged(vc, checks, env)));
  const format = vcFormat(vc) === 'ob3-json' ? 'ob3-jwt' : 'vc-jwt';
  return { checks, credential: summarize(vc), format, json: vc };
}

/** Whether the key that verified is the issuer's: resolved and controlled by the issuer, for assertions. */
function bindingCheck(resolved: ResolvedKey | undefined, issuer: string | undefined, env: Env): Check {
  if (!resolved) {
    return env.o.trustEmbeddedKeys
      ? { id: 'issuer-binding', status: 'warn', code: 'self-asserted-key', message: 'The signing key travels inside the credential (JOSE "jwk" header), as Open Badges 3.0 allows; nothing the issuer publishes confirms it is theirs.' }
      : { id: 'issuer-binding', status: 'error', effect: 'unverifiable', code: 'self-asserted-key', message: 'The signature matches the key carried inside the credential itself, but nothing the issuer publishes confirms that key is theirs, so the issuer cannot be confirmed.' };
  }
  if (resolved.controller !== issuer) {
    return { id: 'issuer-binding', status: 'fail', effect: 'invalid', code: 'key-not-issuers', message: `The signature is sound, but the key belongs to ${resolved.controller}, not to the issuer ${issuer ?? '(none named)'}.` };
  }
  if (!resolved.purposes.includes('assertionMethod')) {
    return { id: 'issuer-binding', status: 'fail', effect: 'invalid', code: 'bad-key', message: `The key ${resolved.id} is not authorised by the issuer to issue credentials (not listed under assertionMethod).` };
  }
  return { id: 'issuer-binding', status: 'pass', message: `The signing key ${resolved.id} is controlled by the issuer.` };
}

async function jwtProofChecks(parsed: ParsedJws, vc: Record<string, unknown>, iss: string | undefined, hints: KeyHint[], env: Env): Promise<Check[]> {
  let alg: JwsAlg;
  try {
    alg = checkJoseHeader(parsed.header);
  } catch (e) {
    if (!isCredLensError(e)) throw e;
    return [{ id: 'proof', status: 'fail', effect: 'invalid', code: e.code, message: e.message }];
  }
  const issuer = idOf(vc.issuer) ?? iss;
  let lastError: Check | undefined;
  // Keys the issuer publishes first; a key that travels in the header only as a last resort.
  const ordered = [...hints.filter((h) => h.from !== 'jwk'), ...hints.filter((h) => h.from === 'jwk')];
  for (const hint of ordered) {
    try {
      let key: VerifyKey;
      let resolved: ResolvedKey | undefined;
      if (hint.from === 'jwk') {
        key = await importVerifyKey(hint.jwk, alg, { ed25519: env.o.ed25519 });
      } else {
        if (hint.kind === 'opaque') continue;
        resolved = await env.resolveKey(hint.id);
        key = await importVerifyKey(resolved.jwk ?? { kty: 'OKP', crv: 'Ed25519', x: base64UrlEncode(resolved.ed25519!) }, alg, { ed25519: env.o.ed25519 });
      }
      const ok = await verifyJws(parsed, key, [alg], { ed25519: env.o.ed25519 });
      if (!ok) return [{ id: 'proof', status: 'fail', effect: 'invalid', code: 'bad-signature', message: `The ${alg} signature does not match the credential: it was changed after signing, or signed with another key.` }];
      return [{ id: 'proof', status: 'pass', message: `The ${alg} JWT signature is valid.` }, bindingCheck(resolved, issuer, env)];
    } catch (e) {
      if (!isCredLensError(e)) throw e;
      const unreachable = ['network', 'timeout', 'http-status', 'blocked-address', 'too-large', 'key-not-found', 'bad-content-type'].includes(e.code);
      lastError = unreachable
        ? { id: 'proof', status: 'error', effect: 'unverifiable', code: e.code, message: `The signing key could not be found: ${e.message}` }
        : { id: 'proof', status: 'fail', effect: 'invalid', code: e.code, message: e.message };
      if (!unreachable) return [lastError];
    }
  }
  return [lastError ?? { id: 'proof', status: 'error', effect: 'unverifiable', code: 'key-not-found', message: 'The JWT names no key CredLens can find (no jwk, no resolvable kid, and the issuer is not a DID).' }];
}
