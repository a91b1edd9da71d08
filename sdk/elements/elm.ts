/**
 * EU standard elements from a European Digital Credential (European Learning Model, ELM 3): the
 * claim (LearningAchievement) and what it points to — its specification (learning outcomes,
 * credit points, volume of learning, EQF / NQF level, mode, entry requirements, notes), the
 * assessment that proved it (grade, identity verification, assessment type), the awarding process
 * (awarding body with location and accreditation, awarding date) and the activity that influenced it.
 *
 * ELM 3 names (`provenBy`, `influencedBy`) and their older spellings (`wasDerivedFrom`,
 * `wasInfluencedBy`) are both read. Language maps are read English first.
 */
import { isObject } from '../util/json.js';
import { compact, emptyElements, httpUrl, objectsAt, present, unclear, type Elements, type LevelValue, type QaItem } from './common.js';
import { hasType, idLevelOfText, list, objects, textOf, type IdLevel, type JsonObject } from './text.js';

/** The parts of an ELM credential the elements stage reads, with their paths. */
export interface ElmView {
  vc: JsonObject;
  subject?: JsonObject;
  subjectPath: string;
  claim?: JsonObject;
  claimPath: string;
  spec?: JsonObject;
  specPath: string;
  assessments: { node: JsonObject; path: string }[];
  activities: { node: JsonObject; path: string }[];
  awarding?: { node: JsonObject; path: string };
  body?: { node: JsonObject; path: string };
}

export function elmView(vc: JsonObject): ElmView {
  const subjects = objectsAt(vc.credentialSubject, 'credentialSubject');
  const s = subjects[0];
  const claims = s ? objectsAt(s.node.hasClaim, `${s.path}.hasClaim`) : [];
  const c = claims.find((x) => hasType(x.node, 'LearningAchievement')) ?? claims[0];
  const claim = c?.node;
  const claimPath = c?.path ?? 'credentialSubject.hasClaim';
  const spec = claim && isObject(claim.specifiedBy) ? claim.specifiedBy : undefined;
  const assessments = claim ? [...objectsAt(claim.provenBy, `${claimPath}.provenBy`), ...objectsAt(claim.wasDerivedFrom, `${claimPath}.wasDerivedFrom`)] : [];
  const activities = claim ? [...objectsAt(claim.influencedBy, `${claimPath}.influencedBy`), ...objectsAt(claim.wasInfluencedBy, `${claimPath}.wasInfluencedBy`)] : [];
  const awarding = claim ? objectsAt(claim.awardedBy, `${claimPath}.awardedBy`)[0] : undefined;
  const body = awarding ? objectsAt(awarding.node.awardingBody, `${awarding.path}.awardingBody`)[0] : undefined;
  return {
    vc, subject: s?.node, subjectPath: s?.path ?? 'credentialSubject', claim, claimPath, spec, specPath: `${claimPath}.specifiedBy`,
    assessments, activities, awarding, body,
  };
}

/** A SKOS Concept's label (prefLabel, English first), else its id. */
export function conceptLabel(c: unknown): string | undefined {
  if (typeof c === 'string') return c;
  if (!isObject(c)) return undefined;
  return textOf(c.prefLabel) ?? textOf(c.notation) ?? textOf(c.id);
}

/** The ELM supervision / identity-verification concept as one of the EU levels. */
export function idLevelOfConcept(c: unknown): IdLevel | undefined {
  const label = conceptLabel(c) ?? '';
  const fromLabel = idLevelOfText(label);
  if (fromLabel && fromLabel !== 'ambiguous' && fromLabel !== 'supervised-unknown-id') return fromLabel;
  const id = (isObject(c) ? textOf(c.id) : typeof c === 'string' ? c : undefined)?.toLowerCase() ?? '';
  if (/unsupervised/.test(id)) return 'unsupervised-no-id';
  if (/supervised[-_ ]?(?:no|without)[-_ ]?id/.test(id)) return 'supervised-no-id';
  if (/supervised[-_ ]?online[-_ ]?(?:with[-_ ]?)?id/.test(id)) return 'supervised-online-id';
  if (/supervised[-_ ]?on[-_ ]?site[-_ ]?(?:with[-_ ]?)?id/.test(id)) return 'supervised-onsite-id';
  return undefined;
}

/** The identity-verification concept of an assessment, under the names ELM versions use. */
export function idVerificationOf(assessment: JsonObject): { value: unknown; key: string } | undefined {
  for (const key of ['idVerification', 'identificationCheck', 'supervisionAndVerification', 'supervision']) {
    if (assessment[key] !== undefined) return { value: assessment[key], key };
  }
  return undefined;
}

function noteText(n: unknown): string | undefined {
  if (isObject(n)) return textOf(n.noteLiteral) ?? textOf(n.description) ?? textOf(n.title);
  return textOf(n);
}

/** Additional notes of the specification, with their note type (concept label and id). */
function notes(v: ElmView): { text: string; type: string; path: string }[] {
  if (!v.spec) return [];
  return objectsAt(v.spec.additionalNote, `${v.specPath}.additionalNote`).flatMap(({ node, path }) => {
    const text = noteText(node);
    const type = [conceptLabel(node.noteType), isObject(node.noteType) ? textOf(node.noteType.id) : undefined, textOf(node.subject)].filter(Boolean).join(' ');
    return text ? [{ text, type, path }] : [];
  });
}

const QA_NOTE = /quality[- ]assurance|accreditation/i;
const INTEGRATION_NOTE = /integration|stackab|stacking/i;

function placeCountry(node: JsonObject, path: string): { value: string; path: string } | undefined {
  for (const loc of objectsAt(node.location, `${path}.location`)) {
    for (const addr of objectsAt(loc.node.address, `${loc.path}.address`)) {
      const label = conceptLabel(addr.node.countryCode);
      if (label) return { value: label, path: `${addr.path}.countryCode` };
    }
  }
  for (const addr of objectsAt(node.address, `${path}.address`)) {
    const label = conceptLabel(addr.node.countryCode);
    if (label) return { value: label, path: `${addr.path}.countryCode` };
  }
  return undefined;
}

function orgName(o: JsonObject): string | undefined {
  return textOf(o.legalName) ?? textOf(o.name) ?? textOf(o.prefLabel) ?? textOf(o.altLabel);
}

function levelOfConcept(framework: LevelValue['framework'], c: unknown): LevelValue | undefined {
  const label = conceptLabel(c);
  const id = isObject(c) ? textOf(c.id) : typeof c === 'string' ? c : undefined;
  if (!label && !id) return undefined;
  const level = /\blevel\s*(\d{1,2}[+]?)\b/i.exec(label ?? '')?.[1] ?? /\/(?:eqf|nqf)\/(\d{1,2})$/i.exec(id ?? '')?.[1] ?? (isObject(c) ? textOf(c.notation) : undefined);
  return compact({ framework, level, name: label, url: id }) as LevelValue;
}

export function extractElm(vc: JsonObject): Elements {
  const v = elmView(vc);
  const el = emptyElements();
  const { subject, claim, spec } = v;
  const sp = v.subjectPath;
  const cp = v.claimPath;
  const specP = v.specPath;

  // Learner identification.
  if (subject) {
    const full = textOf(subject.fullName);
    const given = textOf(subject.givenName);
    const family = textOf(subject.familyName);
    if (full) el.learnerIdentification = present(full, `${sp}.fullName`);
    else if (given || family) el.learnerIdentification = present(compact({ givenName: given, familyName: family }), `${sp}.${given ? 'givenName' : 'familyName'}`);
    else if (typeof subject.id === 'string') el.learnerIdentification = present(subject.id, `${sp}.id`);
  }

  // Title.
  const display = isObject(vc.displayParameter) ? vc.displayParameter : undefined;
  if (textOf(claim?.title)) el.title = present(textOf(claim!.title), `${cp}.title`);
  else if (textOf(spec?.title)) el.title = present(textOf(spec!.title), `${specP}.title`);
  else if (textOf(display?.title)) el.title = present(textOf(display!.title), 'displayParameter.title');
  else if (textOf(vc.name)) el.title = present(textOf(vc.name), 'name');

  // Awarding body and its country.
  const issuer = isObject(vc.issuer) ? vc.issuer : undefined;
  const body = v.body ?? (issuer ? { node: issuer, path: 'issuer' } : undefined);
  if (body) {
    const name = orgName(body.node);
    const id = textOf(body.node.id);
    if (name) el.awardingBody = present(compact({ name, id, url: objects(body.node.homepage).map((h) => httpUrl(h.contentURL)).find(Boolean) }), `${body.path}.${body.node.legalName !== undefined ? 'legalName' : 'name'}`);
    else if (id) el.awardingBody = unclear({ id }, `${body.path}.id`);
    const country = placeCountry(body.node, body.path) ?? (issuer && body.node !== issuer ? placeCountry(issuer, 'issuer') : undefined);
    if (country) el.issuerCountry = present(country.value, country.path);
    else if (isObject(body.node.registration) && conceptLabel(body.node.registration.spatial)) {
      el.issuerCountry = unclear(conceptLabel(body.node.registration.spatial), `${body.path}.registration.spatial`);
    }
  }

  // Date of issue.
  const awardingDate = textOf(v.awarding?.node.awardingDate);
  if (awardingDate) el.dateOfIssue = present(awardingDate, `${v.awarding!.path}.awardingDate`);
  else {
    for (const key of ['issued', 'issuanceDate', 'dateIssued', 'validFrom']) {
      if (textOf(vc[key])) {
        el.dateOfIssue = present(textOf(vc[key]), key);
        break;
      }
    }
  }

  // Learning outcomes.
  if (spec) {
    const outcomes = objectsAt(spec.learningOutcome, `${specP}.learningOutcome`)
      .map(({ node }) => compact({
        name: textOf(node.title) ?? noteText(node.description),
        skills: [...list(node.relatedESCOSkill), ...list(node.relatedSkill)].map(conceptLabel).filter((x): x is string => !!x),
      }))
      .filter((o) => o.name !== undefined || o.skills !== undefined);
    const summary = noteText(spec.learningOutcomeSummary);
    if (outcomes.length > 0) el.learningOutcomes = present(outcomes, `${specP}.learningOutcome`);
    else if (summary) el.learningOutcomes = present(summary, `${specP}.learningOutcomeSummary`);
  }

  // Workload: credit points (ECTS) and volume of learning.
  el.workload = workloadElm(v);

  // Level.
  if (spec) {
    const levels = [
      ...list(spec.eqfLevel).map((c) => levelOfConcept('EQF', c)),
      ...list(spec.nqfLevel).map((c) => levelOfConcept('NQF', c)),
    ].filter((l): l is LevelValue => !!l);
    if (levels.length > 0) el.level = present(levels, spec.eqfLevel !== undefined ? `${specP}.eqfLevel` : `${specP}.nqfLevel`);
  }

  // Type of assessment, grade, supervision and identity verification.
  const a = v.assessments[0];
  if (a) {
    const aspec = isObject(a.node.specifiedBy) ? a.node.specifiedBy : undefined;
    const candidates: [unknown, string][] = [
      [conceptLabel(aspec?.dcType), `${a.path}.specifiedBy.dcType`],
      [conceptLabel(a.node.dcType), `${a.path}.dcType`],
      [textOf(aspec?.title), `${a.path}.specifiedBy.title`],
      [textOf(a.node.title), `${a.path}.title`],
    ];
    const found = candidates.find(([x]) => x !== undefined);
    if (found) el.assessmentType = present(found[0], found[1]);
    const grade = noteText(a.node.grade);
    if (grade) el.grade = present(grade, `${a.path}.grade`);
    const idv = idVerificationOf(a.node);
    if (idv && conceptLabel(idv.value)) el.supervisionAndIdentity = present(conceptLabel(idv.value), `${a.path}.${idv.key}`);
  }
  if (el.grade.state === 'missing' && noteText(claim?.grade)) el.grade = present(noteText(claim!.grade), `${cp}.grade`);

  // Form of participation: the mode of the specification, else of the learning activity.
  const modeOf = (node: JsonObject | undefined, path: string) => {
    const labels = list(node?.mode).map(conceptLabel).filter((x): x is string => !!x);
    return labels.length > 0 ? present(labels.length === 1 ? labels[0] : labels, `${path}.mode`) : undefined;
  };
  const activitySpec = v.activities.map(({ node, path }) => (isObject(node.specifiedBy) ? { node: node.specifiedBy, path: `${path}.specifiedBy` } : undefined)).find(Boolean);
  const pf = modeOf(spec, specP) ?? (activitySpec ? modeOf(activitySpec.node, activitySpec.path) : undefined);
  if (pf) el.participationForm = pf;

  // Quality assurance: a quality-assurance note, accreditation of the qualification or of the awarding body.
  const allNotes = notes(v);
  const qa: { item: QaItem; path: string }[] = [];
  for (const n of allNotes) if (QA_NOTE.test(n.type)) qa.push({ item: { kind: 'note', statement: n.text }, path: n.path });
  const accreditations = [
    ...(spec ? objectsAt(spec.accreditation, `${specP}.accreditation`) : []),
    ...(body ? objectsAt(body.node.accreditation, `${body.path}.accreditation`) : []),
  ];
  for (const { node, path } of accreditations) {
    const org = isObject(node.organisation) ? node.organisation : isObject(node.accreditingAgent) ? node.accreditingAgent : undefined;
    qa.push({
      item: compact({
        kind: 'accreditation' as const,
        body: org ? orgName(org) : undefined,
        bodyId: org ? textOf(org.id) : undefined,
        statement: textOf(node.title) ?? conceptLabel(node.dcType),
        date: textOf(node.issued) ?? textOf(node.dateIssued),
        expires: textOf(node.expiryDate),
        url: isObject(node.report) ? httpUrl(node.report.contentURL) : httpUrl(node.landingPage),
      }) as QaItem,
      path,
    });
  }
  if (qa.length > 0) el.qualityAssurance = present(qa.map((q) => q.item), qa.map((q) => q.path).join(', '));

  // Prerequisites.
  const entry = noteText(spec?.entryRequirement);
  if (entry) el.prerequisites = present(entry, `${specP}.entryRequirement`);

  // Integration / stackability.
  const integ = allNotes.find((n) => INTEGRATION_NOTE.test(n.type));
  if (integ) el.integration = present(integ.text, integ.path);
  else {
    const links = compact({
      isPartialQualification: typeof spec?.isPartialQualification === 'boolean' ? spec.isPartialQualification : undefined,
      isPartOf: [...list(claim?.isPartOf), ...list(spec?.isPartOf)].map((x) => (isObject(x) ? textOf(x.title) ?? textOf(x.id) : textOf(x))).filter((x): x is string => !!x),
      entitlesTo: [...list(claim?.entitlesTo), ...list(spec?.entitlesTo)].map((x) => (isObject(x) ? textOf(x.title) ?? textOf(x.id) : textOf(x))).filter((x): x is string => !!x),
    });
    if (Object.keys(links).length > 0) el.integration = present(links, spec?.isPartialQualification !== undefined ? `${specP}.isPartialQualification` : `${cp}.isPartOf`);
  }

  // Further information.
  if (spec) {
    const info = compact({
      homepage: objects(spec.homepage).map((h) => httpUrl(h.contentURL)).filter((x): x is string => !!x),
      supplementaryDocument: objects(spec.supplementaryDocument).map((h) => httpUrl(h.contentURL)).filter((x): x is string => !!x),
      description: textOf(spec.description),
      educationSubject: list(spec.educationSubject).map(conceptLabel).filter((x): x is string => !!x),
      language: list(spec.language).map(conceptLabel).filter((x): x is string => !!x),
      notes: allNotes.filter((n) => !QA_NOTE.test(n.type) && !INTEGRATION_NOTE.test(n.type)).map((n) => n.text),
    });
    if (Object.keys(info).length > 0) el.furtherInformation = present(info, specP);
  }
  return el;
}

function workloadElm(v: ElmView): Elements['workload'] {
  const tryNode = (node: JsonObject | undefined, path: string): Elements['workload'] | undefined => {
    if (!node) return undefined;
    const points = objectsAt(node.creditPoint, `${path}.creditPoint`);
    const volume = textOf(node.volumeOfLearning);
    const p = points[0];
    if (p) {
      const framework = conceptLabel(p.node.framework);
      const unit = framework && /\bECTS\b|European Credit Transfer/i.test(framework) ? 'ECTS' : undefined;
      return present(compact({ credits: textOf(p.node.point), unit, framework, volumeOfLearning: volume }), `${p.path}.point`);
    }
    if (volume) return present({ volumeOfLearning: volume }, `${path}.volumeOfLearning`);
    return undefined;
  };
  for (const [node, path] of [[v.spec, v.specPath], ...v.activities.map((a) => [isObject(a.node.specifiedBy) ? a.node.specifiedBy : undefined, `${a.path}.specifiedBy`])] as [JsonObject | undefined, string][]) {
    const w = tryNode(node, path);
    if (w) return w;
  }
  return { state: 'missing' };
}

/** Labels that say the credential records participation or attendance (credential profile, achievement type). */
export function elmParticipationLabels(v: ElmView): { label: string; path: string }[] {
  const out: { label: string; path: string }[] = [];
  list(v.vc.credentialProfiles).forEach((c, i) => {
    const l = conceptLabel(c);
    if (l) out.push({ label: l, path: Array.isArray(v.vc.credentialProfiles) ? `credentialProfiles[${i}]` : 'credentialProfiles' });
  });
  const dc = conceptLabel(v.spec?.dcType);
  if (dc) out.push({ label: dc, path: `${v.specPath}.dcType` });
  return out.filter((x) => /participation|attendance|attended/i.test(x.label));
}
