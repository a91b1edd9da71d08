/**
 * The credential stage for W3C Verifiable Credentials (OB 3.0, CLR, ELM, status lists): what kind of
 * credential this is, whether it has the structure the data model requires, and a summary for people.
 */
import type { Check, CredentialSummary, Format } from '../report/types.js';
import { asArray, idOf, isObject, str, textOf, type JsonObject } from '../util/json.js';

export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential'];
const OB3_CONTEXT = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.0\.\d+)?\.json$|^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context\/ob_v3p0\.jsonld$/;
const DATE_MEMBERS = ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate'] as const;
const CORE_MEMBERS = new Set<string>([...DATE_MEMBERS, 'credentialStatus', 'issuer', 'credentialSubject', 'proof', 'type', 'id', 'credentialSchema', 'evidence', 'termsOfUse', 'refreshService']);
const STATUS_LIST_TYPES = ['BitstringStatusListCredential', 'StatusList2021Credential'];

/** True when the JSON looks like a W3C VC (its first context is a VC context). */
export function isVerifiableCredential(v: unknown): v is JsonObject {
  if (!isObject(v)) return false;
  const first = asArray(v['@context'])[0];
  return first === VC_V1 || first === VC_V2 || asArray(v.type).includes('VerifiableCredential');
}

/** Which VC data model version the credential uses. */
export function dataModelOf(vc: JsonObject): 1 | 2 | undefined {
  const first = asArray(vc['@context'])[0];
  return first === VC_V2 ? 2 : first === VC_V1 ? 1 : undefined;
}

/** Names the format: OB 3.0, a Europass (ELM) credential, a status list, or another VC. */
export function vcFormat(vc: JsonObject): Format {
  const types = asArray(vc.type).map(str);
  if (types.some((t) => STATUS_LIST_TYPES.includes(t))) return 'status-list';
  if (types.includes('EuropeanDigitalCredential') || asArray(vc['@context']).some((c) => typeof c === 'string' && /europa\.eu\/.*(edc|elm)/i.test(c))) return 'elm';
  if (types.some((t) => OB3_TYPES.includes(t))) return 'ob3-json';
  return 'vc-json';
}

/**
 * Structure the VC data model and OB 3.0 require of every credential: the base context first, the
 * VerifiableCredential type, an issuer with an id, a subject, and (VC 1.1) an issuance date.
 */
export function checkStructure(vc: JsonObject): Check[] {
  const checks: Check[] = [];
  const fail = (id: string, message: string, code = 'structure'): void => {
    checks.push({ id, status: 'fail', effect: 'invalid', code, message });
  };
  const model = dataModelOf(vc);
  const contexts = asArray(vc['@context']);
  if (!model) fail('context', `The first @context must be ${VC_V2} or ${VC_V1}.`, 'bad-context');
  const types = asArray(vc.type).map(str);
  if (!types.includes('VerifiableCredential')) fail('type', 'The credential does not declare the type VerifiableCredential.', 'bad-type');
  if (types.some((t) => OB3_TYPES.includes(t)) && !contexts.some((c) => typeof c === 'string' && OB3_CONTEXT.test(c))) {
    fail('context', 'An Open Badges 3.0 credential must include the Open Badges 3.0 context.', 'bad-context');
  }
  // A status list's subject names its kind; the credential must then carry the matching type.
  for (const subject of asArray(vc.credentialSubject).filter(isObject)) {
    for (const t of asArray(subject.type).map(str)) {
      if ((t === 'BitstringStatusList' || t === 'StatusList2021') && !types.includes(`${t}Credential`)) {
        fail('type', `A ${t} must be published as a ${t}Credential.`, 'bad-type');
      }
    }
  }
  // The signature of an RDF-canonicalized proof covers meaning, not spelling: a date written as a
  // value object, or a member spelled as a full IRI, signs the same yet would slip past checks that
  // read the JSON. Such credentials are refused rather than misread.
  for (const key of DATE_MEMBERS) {
    if (vc[key] !== undefined && typeof vc[key] !== 'string') fail('dates', `"${key}" must be a date-time string.`, 'non-compact');
  }
  for (const key of Object.keys(vc)) {
    const local = /[:#/]([A-Za-z]+)$/.exec(key)?.[1];
    if (key.includes(':') && local && CORE_MEMBERS.has(local)) fail('structure', `The member "${key}" spells a core credential term as an IRI; credentials must use the compact name "${local}".`, 'non-compact');
  }
  if (!idOf(vc.issuer)) fail('structure', 'The credential does not name its issuer with an id.', 'no-issuer');
  if (asArray(vc.credentialSubject).length === 0) fail('structure', 'The credential has no credentialSubject.', 'no-subject');
  if (model === 1 && vc.issuanceDate === undefined) fail('issuance', 'A VC 1.1 credential must state its issuanceDate.', 'no-issuance-date');
  if (model === 2 && (vc.issuanceDate !== undefined || vc.expirationDate !== undefined)) {
    checks.push({ id: 'dates', status: 'warn', code: 'vc11-dates', message: 'The credential uses the VC 1.1 date names (issuanceDate / expirationDate) under the VC 2.0 context; they were read as validFrom / validUntil.' });
  }
  if (checks.every((c) => c.status !== 'fail')) checks.unshift({ id: 'structure', status: 'pass', message: 'The credential has the structure the data model requires.' });
  return checks;
}

// ELM persons: given and family names apart.
function joinNames(subject: JsonObject): string | undefined {
  const parts = [textOf(subject.givenName), textOf(subject.familyName)].filter((x): x is string => !!x);
  return parts.length ? parts.join(' ') : undefined;
}

/** The summary shown to people. Values are copied from the credential, never invented. */
export function summarize(vc: JsonObject): CredentialSummary {
  const issuer = isObject(vc.issuer) ? vc.issuer : {};
  const subject = asArray(vc.credentialSubject).find(isObject) ?? {};
  const achievement = isObject(subject.achievement) ? subject.achievement : asArray(subject.achievement).find(isObject);
  const out: CredentialSummary = {
    issuer: { id: idOf(vc.issuer), name: textOf(issuer.name) ?? textOf(issuer.legalName), url: textOf(issuer.url) },
    subject: { id: idOf(subject), name: textOf(subject.name) ?? textOf(subject.fullName) ?? joinNames(subject) },
  };
  const id = idOf(vc);
  if (id) out.id = id;
  const name = textOf(vc.name) ?? (achievement ? textOf(achievement.name) : undefined) ?? textOf(vc.title);
  if (name) out.name = name;
  const issued = textOf(vc.validFrom ?? vc.issuanceDate ?? vc.awardedDate);
  if (issued) out.issued = issued;
  const expires = textOf(vc.validUntil ?? vc.expirationDate);
  if (expires) out.expires = expires;
  if (achievement) {
    out.achievement = {
      name: textOf(achievement.name),
      type: textOf(achievement.achievementType) ?? asArray(achievement.type).map(str).join(', '),
      description: textOf(achievement.description),
    };
  }
  return prune(out);
}

// Drop undefined members (one level of nesting is all a summary has) so reports compare and print cleanly.
function prune<T extends object>(v: T): T {
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) delete (v as Record<string, unknown>)[k];
    else if (typeof x === 'object' && x !== null) prune(x);
  }
  return v;
}
