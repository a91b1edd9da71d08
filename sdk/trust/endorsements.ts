/**
 * Endorsements: third parties vouching for the credential, its achievement or its issuer.
 *
 * - Open Badges 3.0: `endorsement` (EndorsementCredential objects) and `endorsementJwt` (compact
 *   JWS) on the credential, on `credentialSubject.achievement` and on the issuer Profile.
 * - Open Badges 2.0: `endorsement` on the Assertion, the BadgeClass and the issuer Profile.
 *
 * An endorsement counts only when (1) it verifies (OB 3.0: with the core, through the injected
 * `verifyCredential`; OB 2.0: as a hosted Endorsement, re-read at its own address, which must be
 * on the endorser's origin), (2) it is about the thing it is attached to (its subject / claim id is
 * that thing's id: an endorsement copied from elsewhere does not count), (3) its issuer is not the
 * credential's own issuer, and (4) a trust source lists its issuer as a trusted endorser (a
 * CredLens list's `trustedEndorser`, an EBSI accreditation organisation).
 */
import { parseCompactJws } from '../input/jwt.js';
import { safeFetch } from '../fetch/index.js';
import { asArray, idOf, isObject, parseJson, type JsonObject } from '../util/json.js';
import type { TrustContext, TrustEnv, TrustFinding, TrustInput, TrustSignal, VerifiedCredential } from './types.js';
import { hostOfUrl, short, text } from './util.js';

/** Most endorsements verified per credential; more are mentioned, not checked. */
export const MAX_ENDORSEMENTS = 5;

/** One endorsement found on the credential. */
export interface FoundEndorsement {
  /** What it is attached to, in words ("the achievement"). */
  on: string;
  /** The id of that thing (what the endorsement must be about). */
  target?: string;
  value: JsonObject | string;
  format: 'vc' | 'jwt' | 'ob2';
}

/** Every endorsement the credential carries, in document order. */
export function findEndorsements(input: TrustInput): FoundEndorsement[] {
  const out: FoundEndorsement[] = [];
  const ob3 = (node: unknown, on: string) => {
    if (!isObject(node)) return;
    const target = idOf(node);
    for (const e of asArray(node.endorsement)) if (isObject(e)) out.push({ on, ...(target ? { target } : {}), value: e, format: 'vc' });
    for (const j of asArray(node.endorsementJwt)) if (typeof j === 'string') out.push({ on, ...(target ? { target } : {}), value: j.trim(), format: 'jwt' });
  };
  const ob2 = (node: unknown, on: string) => {
    if (!isObject(node)) return;
    const target = idOf(node);
    for (const e of asArray(node.endorsement)) {
      if (isObject(e) || typeof e === 'string') out.push({ on, ...(target ? { target } : {}), value: e, format: 'ob2' });
    }
  };
  if (input.ob2) {
    ob2(input.ob2.assertion, 'the badge award');
    ob2(input.ob2.badge, 'the badge definition');
    ob2(input.ob2.issuer, 'the issuer');
  } else if (input.credential) {
    const vc = input.credential;
    ob3(vc, 'the credential');
    for (const s of asArray(vc.credentialSubject)) if (isObject(s)) ob3(s.achievement, 'the achievement');
    ob3(vc.issuer, 'the issuer');
  }
  return out;
}

/** What the endorsement says about itself (before verification; used for the target and names). */
function claimsOf(e: FoundEndorsement): { subject?: string; issuerName?: string; issuerId?: string; isEndorsement: boolean } {
  let doc: JsonObject | undefined;
  let claims: JsonObject = {};
  if (e.format === 'jwt' && typeof e.value === 'string') {
    try {
      const p = parseCompactJws(e.value).payload;
      if (isObject(p)) {
        claims = p;
        doc = isObject(p.vc) ? p.vc : p;
      }
    } catch {
      doc = undefined;
    }
  } else if (isObject(e.value)) doc = e.value;
  if (!doc) return { isEndorsement: false };
  // VC-JWT 1.1 may carry the subject and issuer only in the `sub` / `iss` claims.
  const subject = asArray(doc.credentialSubject).map(idOf).find((s) => s !== undefined) ?? (typeof claims.sub === 'string' ? claims.sub : undefined);
  const issuerName = isObject(doc.issuer) ? text(doc.issuer.name, 200) : undefined;
  const issuerId = idOf(doc.issuer) ?? (typeof claims.iss === 'string' ? claims.iss : undefined);
  const types = asArray(doc.type).filter((t): t is string => typeof t === 'string');
  return { ...(subject ? { subject } : {}), ...(issuerName ? { issuerName } : {}), ...(issuerId ? { issuerId } : {}), isEndorsement: types.includes('EndorsementCredential') };
}

/**
 * Checks an OB 2.0 endorsement the way OB 2.0 hosted verification works: the copy at its own
 * address is authoritative, must be an Endorsement with that id, claim the endorsed thing, and be
 * hosted on the origin of the endorser's profile. Signed OB 2.0 endorsements are not checked.
 */
async function verifyOb2Endorsement(value: JsonObject | string, target: string | undefined, ctx: TrustContext): Promise<VerifiedCredential & { subject?: string }> {
  const url = typeof value === 'string' ? value : idOf(value);
  const verification = isObject(value) && isObject(value.verification) ? value.verification : undefined;
  if (verification && asArray(verification.type).some((t) => typeof t === 'string' && /SignedBadge$/.test(t))) {
    return { verdict: 'unverifiable', reason: 'signed Open Badges 2.0 endorsements are not checked by CredLens' };
  }
  if (!url || !/^https?:\/\//.test(url)) return { verdict: 'unverifiable', reason: 'it has no web address to be checked at' };
  let doc: unknown;
  try {
    const res = await safeFetch(url, ctx.options, { accept: 'application/ld+json, application/json', kinds: ['json'] });
    doc = parseJson(res.text(), `The endorsement at ${url}`);
  } catch (e) {
    return { verdict: 'unverifiable', reason: `it could not be read at its address: ${(e as Error).message}` };
  }
  if (!isObject(doc) || doc.id !== url) return { verdict: 'invalid', reason: `the document at ${short(url)} is not this endorsement` };
  if (!asArray(doc.type).some((t) => t === 'Endorsement' || t === 'https://w3id.org/openbadges#Endorsement')) {
    return { verdict: 'invalid', reason: `the document at ${short(url)} is not an Endorsement` };
  }
  const subject = idOf(doc.claim);
  const issuerId = idOf(doc.issuer);
  if (!issuerId || !/^https?:\/\//.test(issuerId)) return { verdict: 'invalid', reason: 'it names no endorser profile at a web address' };
  if (hostOfUrl(issuerId) !== hostOfUrl(url)) {
    return { verdict: 'invalid', reason: `it is hosted on ${hostOfUrl(url)}, not on its endorser's origin ${hostOfUrl(issuerId)}` };
  }
  if (isObject(value) && target && idOf(value.claim) !== undefined && idOf(value.claim) !== subject) {
    return { verdict: 'invalid', reason: 'the copy in the badge differs from the one at its address' };
  }
  const issuerName = isObject(doc.issuer) ? text(doc.issuer.name, 200) : undefined;
  return { verdict: 'valid', issuerId, ...(issuerName ? { issuerName } : {}), ...(subject ? { subject } : {}), reason: 'checked at its address on the endorser\'s origin' };
}

/**
 * The `endorsed` signals. `lookup` consults the trust sources about an endorser (id and name) and
 * returns their findings.
 */
export async function endorsementSignals(
  input: TrustInput,
  env: TrustEnv,
  ctx: TrustContext,
  lookup: (id: string, name: string | undefined) => Promise<TrustFinding[]>,
): Promise<TrustSignal[]> {
  const found = findEndorsements(input);
  const signals: TrustSignal[] = [];
  const sig = (status: TrustSignal['status'], message: string, source?: string): TrustSignal => ({ id: 'endorsed', status, ...(source ? { source } : {}), message });
  for (const e of found.slice(0, MAX_ENDORSEMENTS)) {
    const claims = claimsOf(e);
    const label = `An endorsement of ${e.on}${claims.issuerName ? ` by ${claims.issuerName}` : ''}`;
    if (e.format !== 'ob2' && !claims.isEndorsement) {
      signals.push(sig('neutral', `${label} is not an EndorsementCredential; it was ignored.`));
      continue;
    }
    if (e.format !== 'ob2' && (!e.target || claims.subject !== e.target)) {
      signals.push(sig('neutral', `${label} is about ${claims.subject ? short(claims.subject, 80) : 'nothing identified'}, not about ${e.on}${e.target ? ` (${short(e.target, 80)})` : ''}; it was ignored.`));
      continue;
    }
    let result: VerifiedCredential & { subject?: string };
    try {
      if (e.format === 'ob2') result = await verifyOb2Endorsement(e.value, e.target, ctx);
      else if (env.verifyCredential) result = await env.verifyCredential(e.value);
      else {
        signals.push(sig('neutral', `${label} was not verified (no verifier was configured), so it does not count.`));
        continue;
      }
    } catch (err) {
      signals.push(sig('neutral', `${label} could not be checked: ${(err as Error).message}`));
      continue;
    }
    if (e.format === 'ob2' && result.verdict === 'valid' && (!e.target || result.subject !== e.target)) {
      signals.push(sig('neutral', `${label} is about ${result.subject ? short(result.subject, 80) : 'nothing identified'}, not about ${e.on}; it was ignored.`));
      continue;
    }
    if (result.verdict === 'invalid' || result.verdict === 'revoked') {
      const why = result.verdict === 'revoked' ? 'it has been revoked' : `it does not verify (${result.reason})`;
      signals.push(sig('negative', `${label} was ignored: ${why}. An endorsement that fails verification may have been altered or forged.`));
      continue;
    }
    if (result.verdict !== 'valid') {
      signals.push(sig('neutral', `${label} could not be confirmed (${result.verdict}: ${result.reason}), so it does not count.`));
      continue;
    }
    const endorser = result.issuerId ?? claims.issuerId;
    const endorserName = result.issuerName ?? claims.issuerName ?? endorser;
    const named = `${label.replace(/ by .*$/, '')} by ${endorserName ?? 'an unnamed endorser'}`;
    if (!endorser) {
      signals.push(sig('neutral', `${named} verifies, but its endorser is not identified, so it does not count.`));
      continue;
    }
    if (endorser === input.issuer.id) {
      signals.push(sig('neutral', `${named} comes from the issuer itself; a self-endorsement does not count.`));
      continue;
    }
    const findings = await lookup(endorser, endorserName);
    const revoked = findings.find((f) => f.status === 'revoked');
    if (revoked) {
      signals.push(sig('negative', `${named} verifies, but ${revoked.source} says that endorser was revoked or is distrusted.`, revoked.source));
      continue;
    }
    const trusted = findings.find((f) => f.status === 'listed' && f.trustedEndorser);
    if (trusted) {
      signals.push(sig('positive', `${capitalise(e.on)} is endorsed by ${trusted.entry?.name ?? endorserName}, which “${trusted.source}” lists as a trusted endorser; the endorsement was verified${e.format === 'ob2' ? ` (${result.reason})` : ''}.`, trusted.source));
      continue;
    }
    const listed = findings.find((f) => f.status === 'listed');
    if (listed) {
      signals.push(sig('neutral', `${named} verifies; “${listed.source}” lists the endorser, but not as a trusted endorser, so it does not count.`, listed.source));
      continue;
    }
    signals.push(sig('neutral', `${named} verifies, but no trust source consulted vouches for the endorser, so it does not count.`));
  }
  if (found.length > MAX_ENDORSEMENTS) {
    signals.push(sig('neutral', `${found.length - MAX_ENDORSEMENTS} more endorsement(s) were not checked (CredLens checks at most ${MAX_ENDORSEMENTS}).`));
  }
  return signals;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
