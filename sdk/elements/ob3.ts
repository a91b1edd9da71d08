/**
 * EU standard elements from an Open Badges 3.0 (or plain W3C VC) credential: OB 3.0 fields, the
 * 1EdTech Assessment extension (AssessmentResultDescription) and Issuer Accreditation extension
 * (IssuerAccreditationProfile.accreditations), alignments (EQF / NQF / QF-EHEA levels, ESCO and
 * other skills), endorsements; free text (criteria, descriptions, evidence) only as `unclear`.
 */
import { isObject } from '../util/json.js';
import {
  accreditationsOf, compact, emptyElements, endorsementsOf, httpUrl, levelOfAlignment, objectsAt, outcomeOfAlignment, present,
  unclear, type Elements, type LevelValue, type OutcomeValue, type QaItem,
} from './common.js';
import {
  EXAM_CONTEXT, DELIVERY_CONTEXT, INTEGRATION_TEXT, LEVEL_TEXT, NO_ASSESSMENT, OUTCOMES_TEXT, PARTICIPATION_FORM_TEXT,
  PREREQUISITES_TEXT, QA_TEXT, WORKLOAD_TEXT, clip, findCountryStatement, findLabelled, findStatement, hasType, list, objects,
  pushText, splitText, statesAssessment, supervisionInText, textOf, typesOf, type JsonObject, type Statement,
  type TextSource,
} from './text.js';

/** The parts of an OB 3.0 credential the elements stage reads, with their paths. */
export interface Ob3View {
  vc: JsonObject;
  subject?: JsonObject;
  subjectPath: string;
  achievement?: JsonObject;
  achievementPath: string;
  issuer?: JsonObject;
  issuerId?: string;
}

export function ob3View(vc: JsonObject): Ob3View {
  const subjects = objectsAt(vc.credentialSubject, 'credentialSubject');
  const chosen = subjects.find((s) => isObject(s.node.achievement)) ?? subjects[0];
  const subject = chosen?.node;
  const subjectPath = chosen?.path ?? 'credentialSubject';
  const achievement = subject && isObject(subject.achievement) ? subject.achievement : undefined;
  const issuer = isObject(vc.issuer) ? vc.issuer : undefined;
  const issuerId = typeof vc.issuer === 'string' ? vc.issuer : textOf(issuer?.id);
  return { vc, subject, subjectPath, achievement, achievementPath: `${subjectPath}.achievement`, issuer, ...(issuerId ? { issuerId } : {}) };
}

/** Free text about how the achievement is earned and assessed, most specific first. */
export function ob3AssessmentSources(v: Ob3View): TextSource[] {
  const out: TextSource[] = [];
  const a = v.achievement;
  if (a) {
    if (isObject(a.criteria)) pushText(out, `${v.achievementPath}.criteria.narrative`, a.criteria.narrative);
    pushText(out, `${v.achievementPath}.description`, a.description);
  }
  const evidence = [...objectsAt(v.vc.evidence, 'evidence'), ...(v.subject ? objectsAt(v.subject.evidence, `${v.subjectPath}.evidence`) : [])];
  for (const { node, path } of evidence) {
    for (const k of ['narrative', 'description', 'genre', 'name', 'audience']) pushText(out, `${path}.${k}`, node[k]);
  }
  if (v.subject) pushText(out, `${v.subjectPath}.narrative`, v.subject.narrative);
  pushText(out, 'description', v.vc.description);
  return out;
}

/** The achievement's result descriptions that use the 1EdTech Assessment extension. */
export function assessmentDescriptions(v: Ob3View): { node: JsonObject; path: string }[] {
  if (!v.achievement) return [];
  return objectsAt(v.achievement.resultDescription, `${v.achievementPath}.resultDescription`).filter(
    ({ node }) => hasType(node, 'AssessmentResultDescription') || typeof node.assessmentType === 'string',
  );
}

/** Results with a value (a grade, score or rubric level). */
export function gradedResults(v: Ob3View): { name?: string; value: string; path: string }[] {
  if (!v.subject) return [];
  const descriptions = v.achievement ? objects(v.achievement.resultDescription) : [];
  const out: { name?: string; value: string; path: string }[] = [];
  for (const { node, path } of objectsAt(v.subject.result, `${v.subjectPath}.result`)) {
    const rd = descriptions.find((d) => typeof node.resultDescription === 'string' && d.id === node.resultDescription);
    const name = textOf(rd?.name);
    const value = textOf(node.value);
    if (value !== undefined) {
      out.push({ ...(name ? { name } : {}), value, path: `${path}.value` });
      continue;
    }
    if (typeof node.achievedLevel === 'string') {
      const level = objects(rd?.rubricCriterionLevel).find((l) => l.id === node.achievedLevel);
      out.push({ ...(name ? { name } : {}), value: textOf(level?.name) ?? textOf(level?.level) ?? node.achievedLevel, path: `${path}.achievedLevel` });
    }
  }
  return out;
}

export function extractOb3(vc: JsonObject): Elements {
  const v = ob3View(vc);
  const el = emptyElements();
  const { subject, achievement: a, issuer } = v;
  const sp = v.subjectPath;
  const ap = v.achievementPath;
  const assessText = ob3AssessmentSources(v);
  const issuerText: TextSource[] = [];
  pushText(issuerText, 'issuer.description', issuer?.description);

  // Learner identification.
  if (subject) {
    const name = textOf(subject.name);
    const identifiers = objectsAt(subject.identifier, `${sp}.identifier`);
    if (name) el.learnerIdentification = present(name, `${sp}.name`);
    else if (typeof subject.id === 'string') el.learnerIdentification = present(subject.id, `${sp}.id`);
    else if (identifiers[0]) {
      const { node, path } = identifiers[0];
      el.learnerIdentification = present(compact({ identityType: textOf(node.identityType), hashed: node.hashed === true, identityHash: textOf(node.identityHash) }), path);
    }
  }

  // Title.
  const title = textOf(a?.name);
  if (title) el.title = present(title, `${ap}.name`);
  else if (textOf(vc.name)) el.title = present(textOf(vc.name), 'name');

  // Issuer country.
  const address = issuer && isObject(issuer.address) ? issuer.address : undefined;
  const parentAddress = issuer && isObject(issuer.parentOrg) && isObject(issuer.parentOrg.address) ? issuer.parentOrg.address : undefined;
  if (textOf(address?.addressCountry)) el.issuerCountry = present(textOf(address!.addressCountry), 'issuer.address.addressCountry');
  else if (textOf(address?.addressCountryCode)) el.issuerCountry = present(textOf(address!.addressCountryCode), 'issuer.address.addressCountryCode');
  else if (textOf(parentAddress?.addressCountry) ?? textOf(parentAddress?.addressCountryCode)) {
    const key = textOf(parentAddress!.addressCountry) ? 'addressCountry' : 'addressCountryCode';
    el.issuerCountry = unclear(textOf(parentAddress![key]), `issuer.parentOrg.address.${key}`);
  } else {
    const st = findCountryStatement(issuerText);
    if (st) el.issuerCountry = unclear(st.text, st.path);
  }

  // Awarding body.
  const issuerName = textOf(issuer?.name);
  if (issuerName) el.awardingBody = present(compact({ name: issuerName, id: v.issuerId, url: httpUrl(issuer?.url) }), 'issuer.name');
  else if (v.issuerId) el.awardingBody = unclear({ id: v.issuerId }, typeof vc.issuer === 'string' ? 'issuer' : 'issuer.id');

  // Date of issue.
  for (const key of ['awardedDate', 'issuanceDate', 'validFrom']) {
    const d = textOf(vc[key]);
    if (d) {
      el.dateOfIssue = present(d, key);
      break;
    }
  }

  // Learning outcomes: aligned skills / competences; otherwise a stated "learning outcomes" text.
  const alignments = a ? objectsAt(a.alignment, `${ap}.alignment`) : [];
  const outcomes: { value: OutcomeValue; path: string }[] = [];
  const levels: { value: LevelValue; path: string }[] = [];
  for (const { node, path } of alignments) {
    const level = levelOfAlignment(node);
    if (level) levels.push({ value: level, path });
    const outcome = outcomeOfAlignment(node);
    if (outcome) outcomes.push({ value: outcome, path });
  }
  if (outcomes.length > 0) el.learningOutcomes = present(outcomes.map((o) => o.value), `${ap}.alignment`);
  else {
    const st = findLabelled(assessText, /learning outcomes?|intended outcomes?|competences?|skills acquired/i) ?? findStatement(assessText, OUTCOMES_TEXT);
    if (st) el.learningOutcomes = unclear(st.text, st.path);
  }

  // Workload.
  el.workload = workloadOb3(v, assessText);

  // Level.
  const edubadgesEqf = a ? a.EQF : undefined;
  if (levels.length > 0) el.level = present(levels.map((l) => l.value), levels.length === 1 ? levels[0]!.path : `${ap}.alignment`);
  else if (typeof edubadgesEqf === 'number' || typeof edubadgesEqf === 'string') el.level = present([{ framework: 'EQF', level: String(edubadgesEqf) }], `${ap}.EQF`);
  else {
    const st = findStatement([...assessText, ...nameSources(v)], LEVEL_TEXT, [], 1);
    if (st) el.level = unclear(st.text, st.path);
  }

  // Type of assessment: the 1EdTech Assessment extension, else what the text says.
  const ard = assessmentDescriptions(v);
  if (ard.length > 0) {
    el.assessmentType = present(
      ard.map(({ node }) => compact({ assessmentType: textOf(node.assessmentType), assessmentOutput: textOf(node.assessmentOutput), name: textOf(node.name), description: textOf(node.description) })),
      ard.length === 1 ? `${ard[0]!.path}.assessmentType` : `${ap}.resultDescription`,
    );
  } else {
    const st = assessmentStatement(assessText);
    if (st) el.assessmentType = unclear(st.text, st.path);
  }

  // Form of participation: OB 3.0 has no field; only text.
  const pf = participationStatement(assessText.filter((s) => !/evidence/.test(s.path)));
  if (pf) el.participationForm = unclear(pf.text, pf.path);

  // Quality assurance.
  el.qualityAssurance = qualityAssuranceOb3(v, assessText, issuerText);

  // Optional elements.
  const pre = findLabelled(assessText, /prerequisites?|entry requirements?|admission/i) ?? findStatement(assessText, PREREQUISITES_TEXT, [], 1);
  if (pre) el.prerequisites = unclear(pre.text, pre.path);

  const supervision = supervisionInText(assessText);
  const sv = supervision.find((f) => f.level) ?? supervision[0];
  if (sv) el.supervisionAndIdentity = unclear(sv.statement, sv.path);

  const grades = gradedResults(v);
  if (grades.length > 0) el.grade = present(grades.map((g) => compact({ name: g.name, value: g.value })), grades.length === 1 ? grades[0]!.path : `${sp}.result`);

  const integ = findLabelled(assessText, /stackab\w*|integration|recognition|progression/i) ?? findStatement(assessText, INTEGRATION_TEXT, [], 1);
  const related = a ? objectsAt(a.related, `${ap}.related`) : [];
  if (integ) el.integration = unclear(integ.text, integ.path);
  else if (related.length > 0) {
    el.integration = unclear(related.map(({ node }) => compact({ id: textOf(node.id), inLanguage: textOf(node.inLanguage), version: textOf(node.version) })), `${ap}.related`);
  }

  if (a) {
    const info = compact({
      fieldOfStudy: textOf(a.fieldOfStudy),
      specialization: textOf(a.specialization),
      humanCode: textOf(a.humanCode),
      inLanguage: textOf(a.inLanguage),
      version: textOf(a.version),
      tag: list(a.tag).map((t) => textOf(t)).filter((t): t is string => !!t),
      criteriaUrl: isObject(a.criteria) ? httpUrl(a.criteria.id) : undefined,
      url: httpUrl(a.id),
    });
    if (Object.keys(info).length > 0) el.furtherInformation = present(info, ap);
  }
  return el;
}

/** Credential and achievement names: they often state credits or levels ("… (Micro-credential, 5 ECTS)"). */
function nameSources(v: Ob3View): TextSource[] {
  const out: TextSource[] = [];
  pushText(out, `${v.achievementPath}.name`, v.achievement?.name);
  pushText(out, 'name', v.vc.name);
  return out;
}

function workloadOb3(v: Ob3View, assessText: TextSource[]): Elements['workload'] {
  const a = v.achievement;
  // Descriptions say what the learning takes; criteria more often give attendance or exam durations.
  const texts = [...nameSources(v), ...assessText.filter((s) => /description$/.test(s.path)), ...assessText.filter((s) => !/description$/.test(s.path))];
  const tags = list(a?.tag).map((t) => textOf(t) ?? '');
  let credits: number | undefined;
  let from = '';
  if (a && typeof a.creditsAvailable === 'number') {
    credits = a.creditsAvailable;
    from = `${v.achievementPath}.creditsAvailable`;
  } else if (v.subject && typeof v.subject.creditsEarned === 'number') {
    credits = v.subject.creditsEarned;
    from = `${v.subjectPath}.creditsEarned`;
  }
  const edubadgesEcts = a?.ECTS;
  if (credits === undefined && typeof edubadgesEcts === 'number') return present({ credits: edubadgesEcts, unit: 'ECTS' }, `${v.achievementPath}.ECTS`);
  if (credits !== undefined) {
    const ectsNumbers: number[] = [];
    let creditHours = false;
    for (const src of texts) {
      for (const m of src.text.matchAll(/(\d+(?:[.,]\d+)?)\s*ECTS\b/gi)) ectsNumbers.push(Number(m[1]!.replace(',', '.')));
      if (/\b(?:semester|quarter)?\s*credit hours?\b/i.test(src.text)) creditHours = true;
    }
    if (ectsNumbers.includes(credits) || (ectsNumbers.length === 0 && tags.some((t) => /^ECTS$/i.test(t)))) return present({ credits, unit: 'ECTS' }, from);
    if (ectsNumbers.length > 0) {
      const st = findStatement(texts, /\bECTS\b/i, [], 1);
      return unclear(compact({ credits, statement: st?.text }), from);
    }
    if (creditHours) return present({ credits, unit: 'credit hours' }, from);
    return unclear({ credits }, from);
  }
  for (const pattern of WORKLOAD_TEXT) {
    const st = findStatement(texts, pattern, /minute/.test(pattern.source) ? [EXAM_CONTEXT] : [], 1);
    if (st) return unclear(st.text, st.path);
  }
  return { state: 'missing' };
}

/** The statement of how learners are assessed: an "Assessment" section or label, else the first sentence stating an assessment, else a "no assessment" statement. */
export function assessmentStatement(sources: TextSource[]): Statement | undefined {
  const labelled = findLabelled(sources, /^(?:assessments?|assessment methods?|examination|how (?:it is|you are) assessed)$/i);
  if (labelled) return labelled;
  for (const src of sources) {
    const hits: string[] = [];
    for (const { sentences: ss } of splitText(src.text)) for (const s of ss) if (statesAssessment(s)) hits.push(s);
    if (hits.length > 0) return { path: src.path, text: clip(hits.slice(0, 2).join(' ')) };
  }
  return findStatement(sources, NO_ASSESSMENT, [], 1);
}

/** Phrases where a setting word describes the exam, not the learning ("online programming exam", "remote proctoring"). */
const EXAM_SETTING = /\b(?:online|on[- ]?site|remote|in[- ]person|virtual)\s+(?:[\w-]+\s+){0,2}?(?:exams?|examinations?|tests?|quiz(?:zes)?|proctoring|assessments?)\b/gi;

/** A sentence about how the learning was delivered (online, on site, blended...). */
export function participationStatement(sources: TextSource[]): Statement | undefined {
  const labelled = findLabelled(sources, /^(?:delivery|delivered(?: \w+)?|mode(?: of (?:delivery|study|participation))?|format|form of participation)$/i);
  if (labelled && PARTICIPATION_FORM_TEXT.test(labelled.text.replace(EXAM_SETTING, ' '))) return labelled;
  for (const src of sources) {
    for (const { sentences: ss } of splitText(src.text)) {
      for (const s of ss) {
        const rest = s.replace(EXAM_SETTING, ' ');
        if (PARTICIPATION_FORM_TEXT.test(rest) && DELIVERY_CONTEXT.test(rest)) return { path: src.path, text: clip(s) };
      }
    }
  }
  return undefined;
}

function qualityAssuranceOb3(v: Ob3View, assessText: TextSource[], issuerText: TextSource[]): Elements['qualityAssurance'] {
  const accreditations = accreditationsOf(v.issuer, 'issuer.');
  const endorsements = [
    ...endorsementsOf(v.vc, ''),
    ...endorsementsOf(v.achievement, `${v.achievementPath}.`),
    ...endorsementsOf(v.issuer, 'issuer.'),
  ];
  const strong: { item: QaItem; path: string }[] = [...accreditations, ...endorsements.filter((e) => e.qa)];
  if (strong.length > 0) return present(strong.map((s) => s.item), strong.map((s) => s.path).join(', '));
  if (endorsements.length > 0) return unclear(endorsements.map((e) => e.item), endorsements.map((e) => e.path).join(', '));
  const labelled = findLabelled(assessText, /quality assurance|accreditation/i);
  if (labelled) return unclear(labelled.text, labelled.path);
  const deqar = v.issuer ? objectsAt(v.issuer.otherIdentifier, 'issuer.otherIdentifier').find(({ node }) => /^DEQARINST\d+$/i.test(textOf(node.identifier) ?? '')) : undefined;
  const st = findStatement([...issuerText, ...assessText], QA_TEXT, [], 1);
  if (st) return unclear(st.text, st.path);
  if (deqar) return unclear(`DEQAR institution identifier ${textOf(deqar.node.identifier)}`, `${deqar.path}.identifier`);
  return { state: 'missing' };
}

/** The OB 3.0 `achievementType`, if stated. */
export function achievementTypeOf(v: Ob3View): string | undefined {
  return textOf(v.achievement?.achievementType);
}

/** True when the credential declares a type (OpenBadgeCredential, AchievementCredential...). */
export function isOb3Credential(vc: JsonObject): boolean {
  return typesOf(vc).some((t) => /^(?:OpenBadgeCredential|AchievementCredential)$/.test(t));
}
