/**
 * `matchRecipient`: does the credential belong to the candidate? What an employer knows (a name
 * from the profile, an e-mail address from the applicant-tracking system) is compared with the
 * recipient the credential names:
 *
 * - e-mail: OB 2.0 `recipient` and OB 3.0 `credentialSubject.identifier` IdentityObjects, hashed
 *   (`sha256$…` / `md5$…`, with `salt`) or plain, through the OB 2.0 `matchIdentity`; ELM
 *   `contactPoint.emailAddress` (`mailto:`), compared without regard to case;
 * - name: OB 3.0 `credentialSubject.name` (and IdentityObjects of type `name`), ELM
 *   `fullName` / `givenName` + `familyName`, OB 2.0 `extensions:RecipientProfile` name, compared
 *   by `compareNames` (case, accents, word order, hyphens, initials, titles, Cyrillic / Greek).
 *
 * A matching e-mail decides `match`; a name that matches makes `match` even when the e-mail given
 * is not the one on the credential (people use several addresses), and the detail says so.
 */
import { matchIdentity, parseIdentityHash, type Ob2Recipient } from '../credential/ob2-recipient.js';
import { isObject } from '../util/json.js';
import { extensionOf, type ElementsInput } from './common.js';
import { elementsKind } from './extract.js';
import { compareNames, describeNotes, type NameComparison } from './names.js';
import { ob2View } from './ob2.js';
import { list, objects, textOf } from './text.js';

export interface RecipientCandidate {
  name?: string;
  email?: string;
}

export interface RecipientMatch {
  state: 'match' | 'mismatch' | 'unknown';
  detail: string;
}

/** An identity the credential states for its recipient. */
interface StatedIdentity {
  recipient: Ob2Recipient;
  kind: 'email' | 'name' | 'other';
  hashed: boolean;
  where: string;
}

const EMAIL_TYPES = /^(?:email|emailAddress|https?:\/\/schema\.org\/email)$/i;

function fromOb3Identifier(node: Record<string, unknown>, where: string): StatedIdentity | undefined {
  const identity = node.identityHash ?? node.identity;
  if (typeof identity !== 'string') return undefined;
  const type = textOf(node.identityType) ?? textOf(node.type) ?? '';
  const kind = EMAIL_TYPES.test(type) ? 'email' : /^name$/i.test(type) ? 'name' : 'other';
  const hashed = node.hashed === true || (node.hashed === undefined && parseIdentityHash(identity) !== undefined);
  return {
    recipient: { type: kind === 'email' ? 'email' : type, identity, hashed, ...(typeof node.salt === 'string' ? { salt: node.salt } : {}) },
    kind,
    hashed,
    where,
  };
}

/** The identities and names the credential states for its recipient. */
function statedRecipient(input: ElementsInput): { identities: StatedIdentity[]; names: { name: string; where: string }[]; emails: { email: string; where: string }[] } {
  const identities: StatedIdentity[] = [];
  const names: { name: string; where: string }[] = [];
  const emails: { email: string; where: string }[] = [];
  const kind = elementsKind(input);
  if (kind === 'ob2') {
    const v = ob2View(input);
    const r = v.assertion && isObject(v.assertion.recipient) ? v.assertion.recipient : undefined;
    if (r && typeof r.identity === 'string') {
      const type = textOf(r.type) ?? '';
      const hashed = r.hashed === true || (r.hashed === undefined && parseIdentityHash(r.identity) !== undefined);
      identities.push({ recipient: r, kind: EMAIL_TYPES.test(type) ? 'email' : 'other', hashed, where: 'assertion.recipient' });
    }
    const profile = extensionOf(v.assertion, 'RecipientProfile');
    const pname = profile ? textOf(profile.value.name) : undefined;
    if (pname) names.push({ name: pname, where: `assertion.${profile!.key}.name` });
    return { identities, names, emails };
  }
  if (kind === 'none' || !input.json) return { identities, names, emails };
  const subjects = list(input.json.credentialSubject).filter(isObject);
  subjects.forEach((s, si) => {
    const sp = Array.isArray(input.json!.credentialSubject) ? `credentialSubject[${si}]` : 'credentialSubject';
    const ids = list(s.identifier);
    ids.forEach((node, i) => {
      if (!isObject(node)) return;
      const id = fromOb3Identifier(node, Array.isArray(s.identifier) ? `${sp}.identifier[${i}]` : `${sp}.identifier`);
      if (!id) return;
      if (id.kind === 'name' && !id.hashed) names.push({ name: id.recipient.identity as string, where: id.where });
      else identities.push(id);
    });
    const name = textOf(s.name) ?? textOf(s.fullName);
    if (name) names.push({ name, where: `${sp}.${textOf(s.name) ? 'name' : 'fullName'}` });
    else {
      const given = textOf(s.givenName);
      const family = textOf(s.familyName);
      if (given && family) names.push({ name: `${given} ${family}`, where: `${sp}.givenName + familyName` });
    }
    for (const cp of objects(s.contactPoint)) {
      for (const m of list(cp.emailAddress)) {
        const id = isObject(m) ? textOf(m.id) : textOf(m);
        if (id) emails.push({ email: id.replace(/^mailto:/i, ''), where: `${sp}.contactPoint.emailAddress` });
      }
    }
    if (typeof s.email === 'string') emails.push({ email: s.email, where: `${sp}.email` });
  });
  return { identities, names, emails };
}

const q = (s: string) => `"${s}"`;

/** Matches the candidate (name and/or e-mail) against the credential's recipient. */
export function matchRecipient(input: ElementsInput, candidate: RecipientCandidate): RecipientMatch {
  const email = candidate.email?.trim() || undefined;
  const name = candidate.name?.trim() || undefined;
  if (!email && !name) return { state: 'unknown', detail: 'No name or e-mail address was given to compare with the recipient.' };
  const { identities, names, emails } = statedRecipient(input);

  // E-mail.
  let emailResult: 'match' | 'mismatch' | undefined;
  let emailDetail = '';
  const emailIdentities = identities.filter((i) => i.kind === 'email');
  if (email) {
    const hashedHit = emailIdentities.find((i) => matchIdentity(i.recipient, email));
    const plainHit = emails.find((e) => e.email.toLowerCase() === email.toLowerCase());
    if (hashedHit) {
      emailResult = 'match';
      emailDetail = hashedHit.hashed ? `the hashed e-mail (${hashedHit.where}) matches` : `the e-mail (${hashedHit.where}) matches`;
    } else if (plainHit) {
      emailResult = 'match';
      emailDetail = `the e-mail (${plainHit.where}) matches`;
    } else if (emailIdentities.length > 0 || emails.length > 0) {
      emailResult = 'mismatch';
      const hashed = emailIdentities.some((i) => i.hashed);
      emailDetail = `the e-mail given is not the ${hashed ? 'hashed ' : ''}e-mail the credential was issued to`;
    }
  }

  // Name: an IdentityObject holding a hashed name matches only the exact text that was hashed.
  let nameCmp: (NameComparison & { where: string; stated: string }) | undefined;
  let hashedNameHit: StatedIdentity | undefined;
  if (name) {
    hashedNameHit = identities.find((i) => i.kind === 'name' && i.hashed && matchIdentity(i.recipient, name));
    const compared = names.map((n) => ({ ...compareNames(n.name, name), where: n.where, stated: n.name }));
    nameCmp = compared.find((c) => c.result === 'match') ?? compared.find((c) => c.result === 'mismatch') ?? compared[0];
  }
  const nameMatch = !!hashedNameHit || nameCmp?.result === 'match';
  const nameDetail = hashedNameHit
    ? `the hashed name (${hashedNameHit.where}) matches`
    : nameCmp?.result === 'match'
      ? `the name matches ${describeNotes(nameCmp.notes)} (${q(nameCmp.stated)})`
      : nameCmp?.result === 'mismatch'
        ? `the name on the credential, ${q(nameCmp.stated)}, is not ${q(name!)}`
        : nameCmp?.result === 'unknown'
          ? `the names could not be compared: ${nameCmp.notes.join('; ')}`
          : '';

  const sentence = (parts: string[]) => {
    const text = parts.filter(Boolean).join('; ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };

  if (emailResult === 'match') {
    const extra = nameCmp?.result === 'mismatch' ? `but ${nameDetail} (the person may have changed their name)` : nameMatch ? `and ${nameDetail}` : '';
    return { state: 'match', detail: sentence([emailDetail + (extra ? ` ${extra}` : '')]) };
  }
  if (nameMatch) {
    return { state: 'match', detail: sentence([nameDetail, emailResult === 'mismatch' ? `${emailDetail} (the person may have used another address)` : '']) };
  }
  if (nameCmp?.result === 'mismatch') return { state: 'mismatch', detail: sentence([nameDetail, emailDetail]) };
  if (emailResult === 'mismatch') {
    return { state: 'mismatch', detail: sentence([`${emailDetail}; the holder may have used another address`, nameDetail]) };
  }
  // Nothing comparable.
  const reasons: string[] = [];
  if (nameDetail) reasons.push(nameDetail);
  if (name && names.length === 0 && !identities.some((i) => i.kind === 'name')) reasons.push('the credential does not name its recipient');
  if (email && emailIdentities.length === 0 && emails.length === 0) {
    const other = identities.find((i) => i.kind === 'other');
    reasons.push(other ? `the credential identifies its recipient by ${textOf(other.recipient.type) || 'another identifier'}, not by e-mail` : 'the credential carries no recipient e-mail');
  }
  if (!email && emailIdentities.length > 0) reasons.push('the credential identifies its recipient by e-mail; give the candidate\'s e-mail address to check it');
  return { state: 'unknown', detail: sentence(reasons.length > 0 ? reasons : ['nothing the credential states about its recipient can be compared']) };
}
