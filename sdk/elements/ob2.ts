/**
 * EU standard elements from an Open Badges 2.0 award: the Assertion (recipient, issuedOn,
 * evidence, narrative), its BadgeClass (name, criteria, alignment, tags, description, extensions
 * such as the 1EdTech Assessment extension and the Edubadges ECTS / EQF / learning-outcome ones)
 * and the issuer Profile (name, id, accreditation extension, endorsements).
 */
import { isObject } from '../util/json.js';
import {
  accreditationsOf, compact, emptyElements, endorsementsOf, extensionOf, httpUrl, levelOfAlignment, objectsAt, outcomeOfAlignment,
  present, unclear, type Elements, type ElementsInput, type QaItem,
} from './common.js';
import { assessmentStatement, participationStatement } from './ob3.js';
import {
  EXAM_CONTEXT, INTEGRATION_TEXT, LEVEL_TEXT, OUTCOMES_TEXT, PREREQUISITES_TEXT, QA_TEXT, WORKLOAD_TEXT, findCountryStatement,
  findLabelled, findStatement, hasType, list, objects, pushText, supervisionInText, textOf, type JsonObject, type TextSource,
} from './text.js';

/** The OB 2.0 nodes, resolved from what the pipeline passed (embedded nodes are used when not given separately). */
export interface Ob2View {
  assertion?: JsonObject;
  badge?: JsonObject;
  issuer?: JsonObject;
}

export function ob2View(input: ElementsInput): Ob2View {
  const json = input.json;
  const isType = (n: JsonObject | undefined, t: string) => !!n && hasType(n, t);
  const assertion = input.ob2?.assertion ?? (json && (isType(json, 'Assertion') || json.recipient !== undefined) ? json : undefined);
  const badge =
    input.ob2?.badge ?? (assertion && isObject(assertion.badge) ? assertion.badge : json && isType(json, 'BadgeClass') ? json : undefined);
  const issuer =
    input.ob2?.issuer ?? (badge && isObject(badge.issuer) ? badge.issuer : json && (isType(json, 'Issuer') || isType(json, 'Profile')) ? json : undefined);
  return compact({ assertion, badge, issuer }) as Ob2View;
}

/** Free text about how the badge is earned and assessed, most specific first. */
export function ob2AssessmentSources(v: Ob2View): TextSource[] {
  const out: TextSource[] = [];
  const { badge, assertion } = v;
  if (badge) {
    if (isObject(badge.criteria)) pushText(out, 'badge.criteria.narrative', badge.criteria.narrative);
    pushText(out, 'badge.description', badge.description);
  }
  if (assertion) {
    pushText(out, 'assertion.narrative', assertion.narrative);
    for (const { node, path } of objectsAt(assertion.evidence, 'assertion.evidence')) {
      for (const k of ['narrative', 'description', 'genre', 'name', 'audience']) pushText(out, `${path}.${k}`, node[k]);
    }
  }
  return out;
}

/** The 1EdTech Assessment extension on a BadgeClass (`extensions:AssessmentExtension`, `assessments[]`). */
export function ob2Assessments(v: Ob2View): { value: JsonObject[]; path: string } | undefined {
  const ext = extensionOf(v.badge, 'AssessmentExtension');
  if (!ext) return undefined;
  const items = objects(ext.value.assessments);
  return { value: items, path: `badge.${ext.key}.assessments` };
}

export function extractOb2(input: ElementsInput): Elements {
  const v = ob2View(input);
  const el = emptyElements();
  const { assertion, badge, issuer } = v;
  const assessText = ob2AssessmentSources(v);
  const issuerText: TextSource[] = [];
  pushText(issuerText, 'issuer.description', issuer?.description);

  // Learner identification: the recipient IdentityObject (often a salted hash of an e-mail address).
  const recipient = assertion && isObject(assertion.recipient) ? assertion.recipient : undefined;
  const profile = extensionOf(assertion, 'RecipientProfile');
  if (profile && textOf(profile.value.name)) el.learnerIdentification = present(textOf(profile.value.name), `assertion.${profile.key}.name`);
  else if (recipient && typeof recipient.identity === 'string') {
    el.learnerIdentification = present(
      compact({ type: textOf(recipient.type), hashed: recipient.hashed === true || /^(?:sha256|md5)\$/i.test(recipient.identity), identity: recipient.identity }),
      'assertion.recipient.identity',
    );
  }

  // Title.
  if (textOf(badge?.name)) el.title = present(textOf(badge!.name), 'badge.name');

  // Issuer country: OB 2.0 Profiles have no address; a schema.org address or the description may name it.
  const address = issuer && isObject(issuer.address) ? issuer.address : undefined;
  if (textOf(address?.addressCountry)) el.issuerCountry = present(textOf(address!.addressCountry), 'issuer.address.addressCountry');
  else {
    const st = findCountryStatement(issuerText);
    if (st) el.issuerCountry = unclear(st.text, st.path);
  }

  // Awarding body.
  const issuerId = textOf(issuer?.id) ?? (typeof badge?.issuer === 'string' ? badge.issuer : undefined);
  if (textOf(issuer?.name)) el.awardingBody = present(compact({ name: textOf(issuer!.name), id: issuerId, url: httpUrl(issuer!.url) }), 'issuer.name');
  else if (issuerId) el.awardingBody = unclear({ id: issuerId }, issuer ? 'issuer.id' : 'badge.issuer');

  // Date of issue.
  if (textOf(assertion?.issuedOn)) el.dateOfIssue = present(textOf(assertion!.issuedOn), 'assertion.issuedOn');

  // Alignments: levels and outcomes.
  const alignments = badge ? objectsAt(badge.alignment, 'badge.alignment') : [];
  const levels = alignments.map((a) => ({ value: levelOfAlignment(a.node), path: a.path })).filter((l) => l.value);
  const outcomes = alignments.map((a) => outcomeOfAlignment(a.node)).filter((o) => o);
  const loExt = extensionOf(badge, 'LearningOutcomeExtension');
  if (outcomes.length > 0) el.learningOutcomes = present(outcomes, 'badge.alignment');
  else if (loExt && textOf(loExt.value.LearningOutcome)) el.learningOutcomes = present(textOf(loExt.value.LearningOutcome), `badge.${loExt.key}.LearningOutcome`);
  else {
    const st = findLabelled(assessText, /learning outcomes?|intended outcomes?|competences?/i) ?? findStatement(assessText, OUTCOMES_TEXT);
    if (st) el.learningOutcomes = unclear(st.text, st.path);
  }

  // Workload.
  const ects = extensionOf(badge, 'ECTSExtension');
  const studyLoad = extensionOf(badge, 'StudyLoadExtension');
  if (ects && (typeof ects.value.ECTS === 'number' || typeof ects.value.ECTS === 'string')) el.workload = present({ credits: ects.value.ECTS, unit: 'ECTS' }, `badge.${ects.key}.ECTS`);
  else if (studyLoad && (typeof studyLoad.value.StudyLoad === 'number' || typeof studyLoad.value.StudyLoad === 'string')) {
    el.workload = present({ hours: studyLoad.value.StudyLoad }, `badge.${studyLoad.key}.StudyLoad`);
  } else {
    const texts: TextSource[] = [];
    pushText(texts, 'badge.name', badge?.name);
    texts.push(...assessText);
    for (const pattern of WORKLOAD_TEXT) {
      const st = findStatement(texts, pattern, /minute/.test(pattern.source) ? [EXAM_CONTEXT] : [], 1);
      if (st) {
        el.workload = unclear(st.text, st.path);
        break;
      }
    }
  }

  // Level.
  const eqf = extensionOf(badge, 'EQFExtension');
  if (levels.length > 0) el.level = present(levels.map((l) => l.value), levels.length === 1 ? levels[0]!.path : 'badge.alignment');
  else if (eqf && (typeof eqf.value.EQF === 'number' || typeof eqf.value.EQF === 'string')) el.level = present([{ framework: 'EQF', level: String(eqf.value.EQF) }], `badge.${eqf.key}.EQF`);
  else {
    const st = findStatement(assessText, LEVEL_TEXT, [], 1);
    if (st) el.level = unclear(st.text, st.path);
  }

  // Type of assessment.
  const ext = ob2Assessments(v);
  if (ext && ext.value.length > 0) {
    el.assessmentType = present(
      ext.value.map((x) => compact({ assessmentType: textOf(x.type) ?? textOf(x.assessmentType), assessmentOutput: textOf(x.assessmentOutput), description: textOf(x.description) })),
      ext.path,
    );
  } else {
    const st = assessmentStatement(assessText);
    if (st) el.assessmentType = unclear(st.text, st.path);
  }

  const pf = participationStatement(assessText.filter((s) => !/evidence/.test(s.path)));
  if (pf) el.participationForm = unclear(pf.text, pf.path);

  // Quality assurance: accreditation extension, endorsements (OB 2.0 Endorsement objects), else text.
  const accreditations = accreditationsOf(issuer, 'issuer.');
  const endorsements = [...endorsementsOf(assertion, 'assertion.'), ...endorsementsOf(badge, 'badge.'), ...endorsementsOf(issuer, 'issuer.')];
  const strong: { item: QaItem; path: string }[] = [...accreditations, ...endorsements.filter((e) => e.qa)];
  if (strong.length > 0) el.qualityAssurance = present(strong.map((s) => s.item), strong.map((s) => s.path).join(', '));
  else if (endorsements.length > 0) el.qualityAssurance = unclear(endorsements.map((e) => e.item), endorsements.map((e) => e.path).join(', '));
  else {
    const st = findStatement([...issuerText, ...assessText], QA_TEXT, [], 1);
    if (st) el.qualityAssurance = unclear(st.text, st.path);
  }

  // Optional elements.
  const pre = findLabelled(assessText, /prerequisites?|entry requirements?/i) ?? findStatement(assessText, PREREQUISITES_TEXT, [], 1);
  if (pre) el.prerequisites = unclear(pre.text, pre.path);
  const supervision = supervisionInText(assessText);
  const sv = supervision.find((f) => f.level) ?? supervision[0];
  if (sv) el.supervisionAndIdentity = unclear(sv.statement, sv.path);
  const integ = findStatement(assessText, INTEGRATION_TEXT, [], 1);
  if (integ) el.integration = unclear(integ.text, integ.path);

  if (badge) {
    const lang = extensionOf(badge, 'LanguageExtension');
    const info = compact({
      tags: list(badge.tags).map((t) => textOf(t)).filter((t): t is string => !!t),
      criteriaUrl: typeof badge.criteria === 'string' ? httpUrl(badge.criteria) : isObject(badge.criteria) ? httpUrl(badge.criteria.id) : undefined,
      url: httpUrl(badge.id),
      language: lang ? textOf(lang.value.Language) : undefined,
    });
    if (Object.keys(info).length > 0) el.furtherInformation = present(info, 'badge');
  }
  return el;
}
