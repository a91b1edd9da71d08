/**
 * Reading credential JSON and free text for the elements stage: values of any JSON-LD shape
 * (strings, value objects, language maps), sentences and labelled statements in narratives, and
 * the text patterns that say what was assessed, how, and under which supervision.
 *
 * Everything here copies text; nothing is paraphrased. Patterns only decide *which* sentence to copy.
 */
import type { Assessment } from '../report/types.js';
import { BoundedMap } from '../util/bounded-map.js';
import { isObject, textOf, typesOf } from '../util/json.js';

// Value readers shared with the credential stage; the elements' modules import them from here.
export { textOf, typesOf };

export type JsonObject = Record<string, unknown>;

/** Longest statement copied into a report value (characters). Longer ones are cut with an ellipsis. */
export const MAX_STATEMENT = 600;
/** Items read from any one array (alignments, results, outcomes...). Real credentials stay far below. */
export const MAX_ITEMS = 50;
/** Characters of any one text field that are scanned. Beyond this, text is ignored. */
const MAX_SCAN = 20_000;

/** A value as a list: JSON-LD allows one value or an array everywhere. Capped at MAX_ITEMS. */
export function list(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).slice(0, MAX_ITEMS);
}

/** The objects among a value's items. */
export function objects(v: unknown): JsonObject[] {
  return list(v).filter(isObject);
}

/** Whether a node declares `type` (compared without a vocabulary prefix such as `extensions:`). */
export function hasType(node: unknown, type: string): boolean {
  const want = type.toLowerCase();
  return typesOf(node).some((t) => t.toLowerCase() === want || t.toLowerCase().endsWith(':' + want) || t.toLowerCase().endsWith('#' + want) || t.toLowerCase().endsWith('/' + want));
}

/** Collapses whitespace and cuts a statement to MAX_STATEMENT characters. */
export function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_STATEMENT ? one.slice(0, MAX_STATEMENT - 1).trimEnd() + '…' : one;
}

/** One piece of free text and the field it came from. */
export interface TextSource {
  path: string;
  text: string;
}

/** Adds a text source when the value has text. */
export function pushText(out: TextSource[], path: string, v: unknown): void {
  const t = textOf(v);
  if (t !== undefined) out.push({ path, text: t.length > MAX_SCAN ? t.slice(0, MAX_SCAN) : t });
}

/**
 * Paragraphs of a text: blank-line separated blocks, markdown list items and headings each on
 * their own, so that "- Supervised exam ... The identity was verified ..." stays one unit.
 */
export function paragraphs(text: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    const p = cur.join(' ').trim();
    if (p) out.push(p);
    cur = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    if (/^(#{1,6}\s|[-*+•]\s|\d{1,2}[.)]\s)/.test(line)) flush();
    cur.push(line.replace(/^(#{1,6}|[-*+•]|\d{1,2}[.)])\s+/, ''));
    if (/^#{1,6}\s/.test(line)) flush();
  }
  flush();
  return out;
}

/** Sentences of a paragraph (split after . ! ? or ; followed by a capital letter or digit). */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?;])\s+(?=[\p{Lu}\d"'(„«])/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A text split into paragraphs and their sentences. */
type Split = readonly { readonly paragraph: string; readonly sentences: readonly string[] }[];

// One credential's texts are searched by a dozen element patterns: split each text once (the texts
// of one verification are a handful; the oldest are forgotten first).
const splitCache = new BoundedMap<string, Split>(256);

/** `paragraphs` and `sentences` of a text, computed once per text (callers must not modify the result). */
export function splitText(text: string): Split {
  let out = splitCache.get(text);
  if (out === undefined) {
    out = paragraphs(text).map((paragraph) => ({ paragraph, sentences: sentences(paragraph) }));
    splitCache.set(text, out);
  }
  return out;
}

/** Every sentence of every source, with its paragraph and source path. */
export function* sentencesOf(sources: TextSource[]): Generator<{ path: string; paragraph: string; sentence: string }> {
  for (const src of sources) {
    for (const { paragraph, sentences: ss } of splitText(src.text)) {
      for (const sentence of ss) yield { path: src.path, paragraph, sentence };
    }
  }
}

/** A statement found in free text. */
export interface Statement {
  path: string;
  text: string;
}

/**
 * The statements (sentences) of the sources that match `pattern` and none of `unless`; the first
 * source with a hit wins, and up to `max` of its sentences are joined.
 */
export function findStatement(sources: TextSource[], pattern: RegExp, unless: RegExp[] = [], max = 2): Statement | undefined {
  for (const src of sources) {
    const hits: string[] = [];
    for (const { sentences: ss } of splitText(src.text)) {
      for (const s of ss) {
        if (pattern.test(s) && !unless.some((u) => u.test(s)) && !hits.includes(s)) hits.push(s);
      }
    }
    if (hits.length > 0) return { path: src.path, text: clip(hits.slice(0, max).join(' ')) };
  }
  return undefined;
}

/**
 * The body of a labelled part of a text: a markdown heading ("## Assessment") up to the next
 * heading, or an inline label ("Assessment: a supervised ...") up to the end of its sentence.
 */
export function findLabelled(sources: TextSource[], label: RegExp): Statement | undefined {
  for (const src of sources) {
    const lines = src.text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const m = /^\s*#{1,6}\s*(.+?)\s*#*\s*$/.exec(lines[i]!);
      if (m && label.test(m[1]!)) {
        const body: string[] = [];
        for (let j = i + 1; j < lines.length && !/^\s*#{1,6}\s/.test(lines[j]!); j++) body.push(lines[j]!);
        const text = body.join('\n').trim();
        if (text) return { path: src.path, text: clip(text) };
      }
    }
    for (const { sentences: ss } of splitText(src.text)) {
      for (const s of ss) {
        const m = LABELLED.exec(s);
        if (m && label.test(m[1]!)) return { path: src.path, text: clip(s) };
      }
    }
  }
  return undefined;
}

const LABELLED = /^([\p{L} /-]{2,40}):\s*(.+)$/u;

// ---- what was assessed -----------------------------------------------------------------------

/** A sentence that says there is no assessment ("No assessment.", "not assessed", "no test or exam"). */
export const NO_ASSESSMENT = /\b(?:no|not|without|never|none)\b[^.;:]{0,40}?\b(?:tests?|exams?|examinations?|assessments?|assessed|graded|assignments?|quiz(?:zes)?)\b/i;

/** Sentences that state an assessment took place (checked only in sentences without a negation). */
export const ASSESSED_TEXT: RegExp[] = [
  /\bpass(?:ed|es|ing)?\b[^.;]{0,80}?\b(?:exams?|examinations?|assessments?|tests?|quiz(?:zes)?|review|scenarios?|interview|defen[cs]e)\b/i,
  /\b(?:supervised|proctored|invigilated|written|oral|practical|final|certification|programming|summative|skills?)\s+(?:exams?|examinations?|assessments?|tests?)\b/i,
  /\bassessed\s+(?:by|through|via|against|with|on|in|as)\b/i,
  /\bassess(?:es|ed)?\b[^.;]{0,60}\b(?:against|rubric|criteria)\b/i,
  /\bgraded\b/i,
  /\bportfolio\s+(?:review|assessment)\b/i,
  /\b(?:capstone|project|code)\s+(?:project\s+)?review\b/i,
  /\bscor(?:e|ed|es|ing)\b[^.;]{0,60}\b(?:quiz(?:zes)?|tests?|exams?|examinations?|assessments?)\b/i,
  /\b(?:sat|took|taken|completed|passed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:exams?|examinations?|tests?|assessments?)\b/i,
  /\b(?:exams?|examinations?|tests?|assessments?)\s+(?:results?|scores?|grades?|marks?)\b/i,
  /\b(?:examiners?|assessors?|invigilators?|proctors?)\b/i,
];

/** Sentences about preparing for an assessment someone else runs ("prepares you for the certification exam"). */
const PREPARATION = /\bprepar(?:e|es|ed|ing|ation|atory)\b|\bready for\b|\bin preparation for\b/i;

/** Sentences that state attendance, participation or completion. */
export const PARTICIPATION_TEXT: RegExp[] = [
  /\battend(?:ed|ance|ing|s)?\b/i,
  /\bparticipat(?:ion|ed|ing|e|es)\b/i,
  /\bregistered\b/i,
  /\bwebinar\b/i,
  /\bwatch(?:ed|ing)?\b[^.;]{0,40}\b(?:modules?|videos?|sessions?|recordings?)\b/i,
  /\bcertificate of (?:completion|attendance|participation)\b/i,
];

/** True when the sentence states an assessment (and does not negate one). */
export function statesAssessment(sentence: string): boolean {
  return !NO_ASSESSMENT.test(sentence) && !PREPARATION.test(sentence) && ASSESSED_TEXT.some((p) => p.test(sentence));
}

// ---- supervision and identity verification ----------------------------------------------------

export type IdLevel = NonNullable<Assessment['identityVerification']>;

const UNSUPERVISED = /\b(?:unsupervised|unproctored|not (?:supervised|proctored|invigilated)|without (?:supervision|a proctor|an invigilator))\b/i;
const SUPERVISED = /\b(?:supervised|proctored|proctoring|invigilated|invigilators?|proctors?|observed by|under supervision)\b/i;
const NO_ID = /\b(?:without|no|not)\b[^.;]{0,20}\b(?:identity|identification|ID)\b/i;
const ID_CHECK: RegExp[] = [
  /\b(?:identity|identification)\b[^.;]{0,40}\b(?:verified|verification|checked|check|confirmed|validated)\b/i,
  /\b(?:verif(?:y|ied|ication)|check(?:ed|ing|s)?|confirm(?:ed)?)\b[^.;]{0,40}\b(?:identity|identification|photo[- ]?ID)\b/i,
  /\bphoto[- ]?ID\b/i,
  /\bID[- ](?:check|verification|checked|verified)\b/,
  /\b(?:with|and) ID\b/,
];
const ONLINE = /\b(?:online|remote(?:ly)?|webcam|virtual(?:ly)?)\b/i;
const ONSITE = /\b(?:on[- ]?site|on[- ]campus|in[- ]person|face[- ]to[- ]face|exam(?:ination)? (?:venue|centre|center|room|hall)|test(?:ing)? cent(?:re|er)s?|venue|classroom)\b/i;

/** The supervision / identity-verification level a short statement or concept label names, if it names one. */
export function idLevelOfText(text: string, context = text): IdLevel | 'supervised-unknown-id' | 'ambiguous' | undefined {
  const unsupervised = UNSUPERVISED.test(text);
  const supervised = SUPERVISED.test(text.replace(UNSUPERVISED, ' '));
  if (unsupervised && !supervised) return 'unsupervised-no-id';
  if (!supervised) return undefined;
  if (NO_ID.test(context)) return 'supervised-no-id';
  const id = ID_CHECK.some((p) => p.test(context));
  const online = ONLINE.test(text);
  const onsite = ONSITE.test(text);
  let where: 'online' | 'onsite' | 'both' | undefined = online && onsite ? 'both' : online ? 'online' : onsite ? 'onsite' : undefined;
  if (where === undefined) {
    const o = ONLINE.test(context);
    const s = ONSITE.test(context);
    where = o && s ? 'both' : o ? 'online' : s ? 'onsite' : undefined;
  }
  if (!id) return 'supervised-unknown-id';
  if (where === 'online') return 'supervised-online-id';
  if (where === 'onsite') return 'supervised-onsite-id';
  return 'ambiguous';
}

/** A statement about supervision found in text, with the level it names (if it names one precisely). */
export interface SupervisionFinding {
  path: string;
  statement: string;
  level?: IdLevel;
  /** Why no level: supervised but identity checks not stated, or several settings named. */
  note?: string;
}

/**
 * Supervision and identity verification stated in free text. A paragraph that mentions supervision
 * (or its absence) is read as one unit: the setting (online / on site) from the sentence naming the
 * supervision, identity checks from anywhere in the paragraph ("... on site. The candidate's identity
 * was verified against an official photo ID.").
 */
export function supervisionInText(sources: TextSource[]): SupervisionFinding[] {
  const findings: SupervisionFinding[] = [];
  for (const src of sources) {
    for (const { paragraph, sentences: ss } of splitText(src.text)) {
      if (NO_ASSESSMENT.test(paragraph) && !ASSESSED_TEXT.some((p) => p.test(paragraph.replace(NO_ASSESSMENT, ' ')))) continue;
      const key = ss.find((s) => UNSUPERVISED.test(s) || SUPERVISED.test(s));
      if (!key) continue;
      const idSentence = ss.find((s) => s !== key && (ID_CHECK.some((p) => p.test(s)) || NO_ID.test(s)));
      const statement = clip(idSentence ? `${key} ${idSentence}` : key);
      const level = idLevelOfText(key, paragraph);
      if (level === undefined) continue;
      if (level === 'supervised-unknown-id') findings.push({ path: src.path, statement, note: 'supervised, but identity verification is not stated' });
      else if (level === 'ambiguous') findings.push({ path: src.path, statement, note: 'supervised with identity checks, but both online and on-site settings are named' });
      else findings.push({ path: src.path, statement, level });
    }
  }
  return findings;
}

/** One level when every precise finding agrees; undefined when none is precise or they disagree. */
export function agreedLevel(findings: SupervisionFinding[]): IdLevel | undefined {
  const levels = new Set(findings.map((f) => f.level).filter((l): l is IdLevel => l !== undefined));
  return levels.size === 1 ? [...levels][0] : undefined;
}

// ---- other text patterns ------------------------------------------------------------------------

export const WORKLOAD_TEXT: RegExp[] = [
  /\b\d+(?:[.,]\d+)?\s*(?:ECTS|ECVET)\b/i,
  /\bECTS\b/,
  /\b\d+(?:[.,]\d+)?\s*(?:credits?|credit points|CP)\b/i,
  /\b\d+(?:[.,]\d+)?[- ]?(?:hours?|hrs?|h)\b/i,
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)[- ](?:day|week|month)s?\b[^.;]{0,30}\b(?:course|programme|program|bootcamp|training)\b/i,
  /\b\d+[- ]minutes?\b/i,
];
export const LEVEL_TEXT = /\b(?:EQF|NQF|NLQF|DQR|QF-?EHEA|SCQF|RQF)\b|\bEuropean Qualifications? Framework\b|\b(?:short|first|second|third)[- ]cycle\b/i;
export const OUTCOMES_TEXT = /\blearning outcomes?\b|\b(?:are|will be|is) able to\b|\bcan (?:design|apply|analy[sz]e|explain|evaluate|build|use|create|describe|identify)\b/i;
export const PARTICIPATION_FORM_TEXT = /\b(?:blended|hybrid|online|on[- ]?site|on[- ]campus|in[- ]person|face[- ]to[- ]face|remote(?:ly)?|virtual|self-paced|e-learning|webinar|distance learning|work[- ]based|volunteer(?:ing)?)\b/i;
export const DELIVERY_CONTEXT = /\b(?:deliver(?:ed|y)|taught|teaching|course|seminars?|webinar|workshops?|programme|program|lectures?|sessions?|classes|class|training|learning|module|bootcamp|video)\b/i;
export const EXAM_CONTEXT = /\b(?:exams?|examinations?|proctor\w*|invigilat\w*|quiz(?:zes)?|tests?)\b/i;
export const QA_TEXT = /\bquality[- ]assur\w*|\baccredit\w*|\bEQAR\b|\bDEQAR\b|\bESG\b|\bQA agency\b|\breviewed and endorsed\b|\bISO\s?(?:9001|17024|21001|29993)\b/i;
export const PREREQUISITES_TEXT = /\bprerequisites?\b|\bentry requirements?\b|\badmission requirements?\b|\bprior (?:knowledge|experience|learning)\b|\brequires? (?:a|an|prior|previous)\b/i;
export const INTEGRATION_TEXT = /\bstackab\w*|\bstack(?:s|ed)? (?:into|towards|with)\b|\brecogni[sz]ed (?:as|in|towards|for)\b|\bcounts? towards\b|\bcredit(?:ed)? towards\b|\bcan be combined\b|\bpathway\b|\bprogression\b|\bcredit transfer\b/i;

/**
 * Countries (English and native names) a free-text statement may name. Used only to mark an
 * issuer's country `unclear` when nothing structured states it.
 */
const COUNTRIES = [
  'Austria', 'Österreich', 'Belgium', 'België', 'Belgique', 'Bulgaria', 'Croatia', 'Hrvatska', 'Cyprus', 'Czechia', 'Czech Republic',
  'Česko', 'Česká republika', 'Denmark', 'Danmark', 'Estonia', 'Eesti', 'Finland', 'Suomi', 'France', 'Germany', 'Deutschland',
  'Greece', 'Hungary', 'Magyarország', 'Ireland', 'Éire', 'Italy', 'Italia', 'Latvia', 'Latvija', 'Lithuania', 'Lietuva', 'Luxembourg',
  'Malta', 'Netherlands', 'Nederland', 'Poland', 'Polska', 'Portugal', 'Romania', 'România', 'Slovakia', 'Slovensko', 'Slovenia',
  'Slovenija', 'Spain', 'España', 'Sweden', 'Sverige', 'Iceland', 'Ísland', 'Liechtenstein', 'Norway', 'Norge', 'Switzerland',
  'Schweiz', 'Suisse', 'Svizzera', 'United Kingdom', 'Scotland', 'Wales', 'England', 'Serbia', 'Ukraine', 'Turkey', 'Türkiye',
  'Albania', 'North Macedonia', 'Montenegro', 'Bosnia and Herzegovina', 'Moldova', 'United States', 'Canada', 'Australia',
  'New Zealand', 'India', 'Japan', 'China', 'Brazil', 'Mexico', 'South Africa',
];
const COUNTRY_TEXT = new RegExp(`(?<![\\p{L}])(?:${COUNTRIES.map((c) => c.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'u');

/** A sentence naming a country, if any. */
export function findCountryStatement(sources: TextSource[]): Statement | undefined {
  return findStatement(sources, COUNTRY_TEXT, [], 1);
}
