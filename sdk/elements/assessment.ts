/**
 * `classifyAssessment`: what kind of credential this is — `assessed`, `participation` (attendance /
 * completion only) or `unknown` — from what it states, with the statements that led there, and the
 * supervision / identity-verification level during assessment when stated.
 *
 * Precedence: structured assessment data (a 1EdTech Assessment extension, a recorded grade or
 * score, an ELM LearningAssessment) > an explicit "no assessment" statement > text stating an
 * assessment ("pass the supervised written examination", "assessed by portfolio") > attendance /
 * participation / completion statements or types > unknown. An achievement type such as
 * "Certificate", "Course" or "MicroCredential" alone decides nothing.
 */
import type { Assessment, Element } from '../report/types.js';
import { isObject } from '../util/json.js';
import type { ElementsInput } from './common.js';
import { elmParticipationLabels, elmView, idLevelOfConcept, idVerificationOf } from './elm.js';
import { elementsKind, extractElements } from './extract.js';
import { ob2AssessmentSources, ob2Assessments, ob2View } from './ob2.js';
import { achievementTypeOf, assessmentDescriptions, ob3AssessmentSources, ob3View } from './ob3.js';
import {
  NO_ASSESSMENT, PARTICIPATION_TEXT, agreedLevel, clip, splitText, statesAssessment, supervisionInText, textOf,
  type IdLevel, type TextSource,
} from './text.js';

/** achievementType values (OB 3.0 vocabulary) that state the credential is itself an assessment result. */
const ASSESSED_TYPES = new Set(['Assessment', 'Assignment']);
/** achievementType values that state completion or attendance. */
const PARTICIPATION_TYPES = new Set(['CertificateOfCompletion', 'ext:CertificateOfAttendance', 'ext:CertificateOfParticipation']);

const quote = (s: string, max = 220) => `"${clip(s).length > max ? clip(s).slice(0, max - 1) + '…' : clip(s)}"`;

function brief(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return quote(String(v));
  if (Array.isArray(v)) return v.slice(0, 3).map(brief).join(', ');
  if (isObject(v)) {
    const parts = Object.values(v).filter((x) => typeof x === 'string' || typeof x === 'number').slice(0, 2);
    return parts.length > 0 ? parts.map((p) => quote(String(p), 120)).join(' ') : '(structured value)';
  }
  return '(value)';
}

/** Classifies the credential. `elements` (from `extractElements`) is computed when not given. */
export function classifyAssessment(input: ElementsInput, elements?: Partial<Record<string, Element>>): Assessment {
  const el = elements ?? extractElements(input);
  const kind = elementsKind(input);
  const structuredAssessed: string[] = [];
  const structuredParticipation: string[] = [];
  let sources: TextSource[] = [];
  let structuredId: { level: IdLevel; evidence: string } | undefined;
  let typeNote: string | undefined;

  const grade = el.grade;
  if (grade?.state === 'present') structuredAssessed.push(`${grade.from}: a grade or score is recorded (${brief(grade.value)}).`);

  if (kind === 'vc' && input.json) {
    const v = ob3View(input.json);
    sources = ob3AssessmentSources(v);
    for (const { node, path } of assessmentDescriptions(v)) {
      structuredAssessed.push(`${path}: the 1EdTech Assessment extension describes the assessment${textOf(node.assessmentType) ? ` (${textOf(node.assessmentType)})` : ''}.`);
    }
    const type = achievementTypeOf(v);
    if (type && ASSESSED_TYPES.has(type)) structuredAssessed.push(`${v.achievementPath}.achievementType: "${type}" is an assessment result.`);
    else if (type && PARTICIPATION_TYPES.has(type)) structuredParticipation.push(`${v.achievementPath}.achievementType: "${type}" records completion or attendance.`);
    else if (type) typeNote = `${v.achievementPath}.achievementType: "${type}" does not say on its own whether learning was assessed.`;
  } else if (kind === 'ob2') {
    const v = ob2View(input);
    sources = ob2AssessmentSources(v);
    const ext = ob2Assessments(v);
    if (ext && ext.value.length > 0) {
      structuredAssessed.push(`${ext.path}: the 1EdTech Assessment extension describes ${ext.value.length} assessment(s)${ext.value.map((x) => textOf(x.type)).filter(Boolean).map((t) => ` (${t})`).join('')}.`);
    }
  } else if (kind === 'elm' && input.json) {
    const v = elmView(input.json);
    for (const { node, path } of v.assessments) {
      const title = textOf(node.title) ?? (isObject(node.specifiedBy) ? textOf(node.specifiedBy.title) : undefined);
      structuredAssessed.push(`${path}: the credential records a learning assessment${title ? ` (${quote(title)})` : ''}.`);
      const idv = idVerificationOf(node);
      const level = idv ? idLevelOfConcept(idv.value) : undefined;
      if (idv && level && !structuredId) structuredId = { level, evidence: `${path}.${idv.key}: ${brief(isObject(idv.value) ? textOf(idv.value.prefLabel) ?? textOf(idv.value.id) : idv.value)} (structured).` };
    }
    for (const p of elmParticipationLabels(v)) structuredParticipation.push(`${p.path}: "${p.label}".`);
  }

  // Free text, sentence by sentence.
  const negations: string[] = [];
  const textAssessed: string[] = [];
  const textParticipation: string[] = [];
  for (const src of sources) {
    for (const { sentences: ss } of splitText(src.text)) {
      for (const s of ss) {
        if (NO_ASSESSMENT.test(s)) negations.push(`${src.path} (text-derived): ${quote(s)}`);
        else if (statesAssessment(s)) textAssessed.push(`${src.path} (text-derived): ${quote(s)}`);
        else if (PARTICIPATION_TEXT.some((re) => re.test(s))) textParticipation.push(`${src.path} (text-derived): ${quote(s)}`);
      }
    }
  }
  const few = (xs: string[], n = 3) => [...new Set(xs)].slice(0, n);

  let result: Assessment;
  if (structuredAssessed.length > 0) {
    const evidence = [...few(structuredAssessed), ...few(textAssessed, 2)];
    if (negations.length > 0) evidence.push(`Note: ${negations[0]} — contradicts the structured data.`);
    result = { kind: 'assessed', evidence };
  } else if (negations.length > 0) {
    result = { kind: 'participation', evidence: [...few(negations), ...few(structuredParticipation), ...few(textParticipation, 2)] };
  } else if (textAssessed.length > 0) {
    result = { kind: 'assessed', evidence: few(textAssessed) };
  } else if (structuredParticipation.length > 0 || textParticipation.length > 0) {
    result = { kind: 'participation', evidence: [...few(structuredParticipation), ...few(textParticipation)] };
  } else {
    result = { kind: 'unknown', evidence: [typeNote ?? 'Nothing in the credential states whether or how the learning was assessed.'] };
  }
  if (typeNote && result.kind !== 'unknown') result.evidence.push(typeNote);

  // Supervision and identity verification during assessment.
  if (result.kind !== 'participation') {
    if (structuredId) {
      result.identityVerification = structuredId.level;
      result.evidence.push(`Identity verification: ${structuredId.evidence}`);
    } else {
      const findings = supervisionInText(sources);
      const level = agreedLevel(findings);
      if (level) {
        result.identityVerification = level;
        const shown = findings.filter((f) => f.level === level).slice(0, 2);
        for (const f of shown) result.evidence.push(`Identity verification (text-derived, ${f.path}): ${quote(f.statement)}`);
      } else if (findings.length > 0) {
        const f = findings[0]!;
        const why = f.note ?? 'the statements name different supervision settings';
        result.evidence.push(`Supervision (text-derived, ${f.path}): ${quote(f.statement)} — level not determined: ${why}.`);
      }
    }
  }
  return result;
}
