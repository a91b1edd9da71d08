/**
 * The trust stage: consults the configured sources about the issuer, verifies endorsements, checks
 * the domain binding, and reports each as a signal with its reason. The level is derived from the
 * signals by a fixed rule (`levelOf`); nothing here touches the verdict.
 */
import { kindWords } from './credlens-list.js';
import { domainBinding, type DomainBinding } from './domain.js';
import { endorsementSignals } from './endorsements.js';
import type { Trust, TrustContext, TrustEnv, TrustFinding, TrustInput, TrustSignal } from './types.js';
import { consult, short } from './util.js';

/**
 * The trust level, from the signals alone:
 * - `distrusted`: a source says the issuer was revoked or is distrusted (a negative
 *   `revoked-issuer` or `distrusted` signal), whatever else is found;
 * - `recognised`: listed on a trust list or registry (a positive `listed` signal) AND accredited or
 *   externally quality-assured (a positive `accreditation` or `external-qa` signal) or endorsed by a
 *   trusted body (a positive `endorsed` signal);
 * - `known`: listed on a trust list or registry, or found with valid external quality assurance
 *   (a positive `listed` or `external-qa` signal);
 * - `unknown`: nothing vouches for the issuer (which says nothing about forgery: the verdict does).
 * Neutral signals never raise the level; other negative signals (a failed endorsement, a domain
 * mismatch) are shown but do not lower it.
 */
export function levelOf(signals: readonly TrustSignal[]): Trust['level'] {
  const has = (id: string, status: TrustSignal['status']) => signals.some((s) => s.id === id && s.status === status);
  if (has('revoked-issuer', 'negative') || has('distrusted', 'negative')) return 'distrusted';
  const listed = has('listed', 'positive');
  const qa = has('accreditation', 'positive') || has('external-qa', 'positive');
  if (listed && (qa || has('endorsed', 'positive'))) return 'recognised';
  if (listed || has('external-qa', 'positive')) return 'known';
  return 'unknown';
}

/** Assesses the issuer of one verified credential. Never throws for a source that fails (it becomes a neutral signal). */
export async function assessTrust(input: TrustInput, env: TrustEnv): Promise<Trust> {
  const now = env.now ?? env.options.now;
  if (input.verdict === 'invalid') {
    return {
      level: 'unknown',
      signals: [{ id: 'not-assessed', status: 'neutral', message: 'The credential failed verification, so who issued it is not established; no trust source was consulted.' }],
    };
  }
  const ctx: TrustContext = {
    options: env.options,
    now,
    ...(input.issuer.name ? { issuerName: input.issuer.name } : {}),
    ...(input.issuer.url ? { issuerUrl: input.issuer.url } : {}),
  };
  const domain = domainBinding(input);
  const signals: TrustSignal[] = [];
  const issuerId = input.issuer.id;

  if (!issuerId) {
    signals.push({ id: 'not-listed', status: 'neutral', message: 'The credential names no issuer identifier, so no trust list or registry could be consulted.' });
  } else if (env.sources.length === 0) {
    signals.push({ id: 'not-listed', status: 'neutral', message: 'No trust lists or registries are configured, so the issuer was not looked up.' });
  } else {
    const ids = [issuerId];
    const keyDid = input.keyDid?.split('#')[0];
    if (keyDid && keyDid.startsWith('did:') && keyDid !== issuerId) ids.push(keyDid);
    const findings = (await Promise.all(env.sources.flatMap((s) => ids.map((id) => consult(s, id, ctx))))).flat();
    signals.push(...findingSignals(findings, issuerId, domain));
  }

  const endorserLookup = async (id: string, name: string | undefined) => {
    const c: TrustContext = { options: env.options, now, ...(name ? { issuerName: name } : {}) };
    const sources = env.sources.filter((s) => s.kind !== 'deqar');
    return (await Promise.all(sources.map((s) => consult(s, id, c)))).flat();
  };
  signals.push(...(await endorsementSignals(input, env, ctx, endorserLookup)));
  signals.push(domain.signal);
  return { level: levelOf(signals), signals };
}

/** Turns the sources' findings about the issuer into signals. */
export function findingSignals(findings: readonly TrustFinding[], issuerId: string, domain: DomainBinding): TrustSignal[] {
  const out: TrustSignal[] = [];
  const notListed: string[] = [];
  const sig = (id: string, status: TrustSignal['status'], f: TrustFinding, message: string): TrustSignal => ({ id, status, source: f.source, message });
  const about = (f: TrustFinding, message: string) => (f.subject === issuerId ? message : `For the DID of its signing key (${short(f.subject, 60)}): ${message}`);

  for (const f of findings) {
    if (f.kind === 'deqar') {
      out.push(...qaSignals(f, domain));
      continue;
    }
    switch (f.status) {
      case 'listed': {
        out.push(sig('listed', 'positive', f, about(f, f.reason)));
        if (f.accreditation) out.push(accreditationSignal(f));
        break;
      }
      case 'revoked':
        out.push(sig('revoked-issuer', 'negative', f, about(f, f.reason)));
        break;
      case 'unverified':
        out.push(sig('listed', 'neutral', f, about(f, f.reason)));
        break;
      case 'unavailable':
        out.push(sig('source-unavailable', 'neutral', f, `${f.reason.replace(/\.$/, '')}. It was not counted, for or against.`));
        break;
      case 'not-listed':
        if (!notListed.includes(f.source)) notListed.push(f.source);
        break;
    }
  }
  if (notListed.length > 0 && !out.some((s) => s.id === 'listed' && s.status === 'positive')) {
    out.unshift({ id: 'not-listed', status: 'neutral', message: `None of the trust sources consulted lists this issuer (${notListed.map((n) => `“${n}”`).join(', ')}).` });
  }
  return out;
}

function accreditationSignal(f: TrustFinding): TrustSignal {
  const a = f.accreditation!;
  const what = `${a.type} by ${a.by}${a.decision ? ` (decision ${a.decision})` : ''}`;
  const period = a.validFrom || a.validUntil ? `, valid ${a.validFrom ?? '…'} to ${a.validUntil ?? '…'}` : '';
  const register = a.register ? `; see ${a.register}` : '';
  const kind = kindWords(f.entry?.kind);
  const whom = `${f.entry?.name ?? 'The issuer'}${kind ? ` (${kind})` : ''}`;
  if (a.state === 'valid') return { id: 'accreditation', status: 'positive', source: f.source, message: `${whom} is accredited: ${what}${period}, according to “${f.source}”${register}.` };
  const when = a.state === 'expired' ? `expired on ${a.validUntil}` : `is valid only from ${a.validFrom}`;
  return { id: 'accreditation', status: 'neutral', source: f.source, message: `${whom}'s accreditation (${what}) ${when}, according to “${f.source}”; it does not count now.` };
}

/**
 * DEQAR findings become `external-qa` signals. A match through the verified identifier counts; a
 * match through the website the credential declares counts only when that website is bound to the
 * issuer's identity; a match by name alone never counts.
 */
function qaSignals(f: TrustFinding, domain: DomainBinding): TrustSignal[] {
  const counts = f.matchedBy === 'id' || (f.matchedBy === 'website' && domain.urlBound);
  const caveat =
    f.matchedBy === 'name' ? ' It was matched only by the name the credential gives its issuer, which anyone can write, so it does not count.'
    : f.matchedBy === 'website' && !domain.urlBound ? ' It was matched through the homepage the credential declares, which is not shown to belong to the issuer, so it does not count.'
    : '';
  switch (f.status) {
    case 'listed':
      return [{ id: 'external-qa', status: counts ? 'positive' : 'neutral', source: f.source, message: f.reason + caveat }];
    case 'not-listed':
      if (f.qa && /^negative/i.test(f.qa.decision ?? '')) return [{ id: 'external-qa', status: counts ? 'negative' : 'neutral', source: f.source, message: f.reason + caveat }];
      return [{ id: 'external-qa', status: 'neutral', source: f.source, message: f.reason }];
    case 'unavailable':
      return [{ id: 'source-unavailable', status: 'neutral', source: f.source, message: `${f.reason.replace(/\.$/, '')}. It was not counted, for or against.` }];
    default:
      return [{ id: 'external-qa', status: 'neutral', source: f.source, message: f.reason }];
  }
}
