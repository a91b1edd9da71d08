/**
 * `explain(report, lang)`: the Report in plain language for a recruiter who has never heard of Open
 * Badges. One sentence per verdict, check, trust signal, EU element, assessment kind and recipient
 * state, from one message catalogue per language (`messages/*.ts`). A sentence missing in the
 * requested language comes from English; a check English has no sentence for keeps its own message.
 * Everything returned is a plain string: render it as text, never as markup.
 */
import { MANDATORY_ELEMENTS, OPTIONAL_ELEMENTS, type Check, type Report, type TrustSignal } from '../report/types.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import type { Translation } from './translation.js';
import { LANGS, type CatalogueShape, type ExplainedCheck, type ExplainedElement, type ExplainedReport, type ExplainedSignal, type Fallback, type Lang } from './types.js';

export type * from './types.js';
export type { Translation } from './translation.js';
export type { Catalogue } from './messages/en.js';
export { LANGS } from './types.js';

/** Every catalogue by language. English is the complete reference. */
export const CATALOGUES: { readonly en: typeof en } & { readonly [L in Exclude<Lang, 'en'>]: Translation } = { en, de, fr, es };

/** Loose view of a catalogue for look-ups by runtime keys (ids and codes come from the Report). */
type Loose = { [K in keyof CatalogueShape]?: unknown };

const MANDATORY: ReadonlySet<string> = new Set(MANDATORY_ELEMENTS);
const ELEMENT_ORDER: readonly string[] = [...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS];

/** True for a language CredLens has a catalogue for. */
export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Explains a Report in `lang` (default English). Unknown languages are refused by the type; at run time they get English. */
export function explain(report: Report, lang: Lang = 'en'): ExplainedReport {
  const l: Lang = isLang(lang) ? lang : 'en';
  const t = new Texts(l);
  const out: ExplainedReport = {
    lang: l,
    verdict: {
      verdict: report.verdict,
      headline: t.pick(['verdicts', report.verdict, 'headline'])?.text ?? report.verdict,
      meaning: t.pick(['verdicts', report.verdict, 'meaning'])?.text ?? '',
    },
    checks: report.checks.map((c) => explainCheck(c, t)),
    trust: {
      level: report.trust.level,
      label: t.pick(['trustLevels', report.trust.level, 'label'])?.text ?? report.trust.level,
      meaning: t.pick(['trustLevels', report.trust.level, 'meaning'])?.text ?? '',
      signals: report.trust.signals.map((s) => explainSignal(s, t)),
    },
    elements: explainElements(report, t),
  };
  if (report.completeness) {
    const { mandatoryPresent, mandatoryTotal } = report.completeness;
    const template = t.pick(['ui', 'completeness'])?.text ?? '';
    out.completeness = { mandatoryPresent, mandatoryTotal, text: fill(template, { present: mandatoryPresent, total: mandatoryTotal }) };
  }
  if (report.assessment) {
    const a = report.assessment;
    out.assessment = {
      kind: a.kind,
      label: t.pick(['assessment', a.kind, 'label'])?.text ?? a.kind,
      meaning: t.pick(['assessment', a.kind, 'meaning'])?.text ?? '',
    };
    if (a.identityVerification) {
      const level = a.identityVerification;
      out.assessment.identityVerification = {
        level,
        label: t.pick(['identityVerification', level, 'label'])?.text ?? level,
        meaning: t.pick(['identityVerification', level, 'meaning'])?.text ?? '',
      };
    }
  }
  if (report.recipient) {
    const r = report.recipient;
    out.recipient = {
      state: r.state,
      label: t.pick(['recipient', r.state, 'label'])?.text ?? r.state,
      meaning: t.pick(['recipient', r.state, 'meaning'])?.text ?? '',
      detail: r.detail,
    };
  }
  return out;
}

function explainCheck(c: Check, t: Texts): ExplainedCheck {
  const byCode = c.code !== undefined ? [['checks', c.id, 'codes', c.code]] : [];
  const found = t.pick(...byCode, ['checks', c.id, c.status]);
  return {
    id: c.id,
    status: c.status,
    ...(c.code !== undefined ? { code: c.code } : {}),
    statusLabel: t.pick(['ui', 'checkStatus', c.status])?.text ?? c.status,
    text: found?.text ?? c.message,
    detail: c.message,
    ...fallbackOf(found),
  };
}

function explainSignal(s: TrustSignal, t: Texts): ExplainedSignal {
  const found = t.pick(['trustSignals', s.id, s.status]);
  return {
    id: s.id,
    status: s.status,
    statusLabel: t.pick(['ui', 'signalStatus', s.status])?.text ?? s.status,
    text: found?.text ?? s.message,
    ...(s.source !== undefined ? { source: s.source } : {}),
    detail: s.message,
    ...fallbackOf(found),
  };
}

function explainElements(report: Report, t: Texts): ExplainedElement[] {
  const keys = [...ELEMENT_ORDER.filter((k) => hasOwn(report.elements, k)), ...Object.keys(report.elements).filter((k) => !ELEMENT_ORDER.includes(k))];
  return keys.map((key) => {
    const el = report.elements[key]!;
    const name = t.pick(['elements', key, 'name']);
    const about = t.pick(['elements', key, 'about']);
    const sentence = t.pick(['elements', key, el.state], ['elementStates', el.state, 'sentence']);
    const fallback = [name, about, sentence].find((x) => x?.fallback)?.fallback;
    return {
      key,
      mandatory: MANDATORY.has(key),
      name: name?.text ?? key,
      about: about?.text ?? '',
      state: el.state,
      stateLabel: t.pick(['elementStates', el.state, 'label'])?.text ?? el.state,
      text: sentence?.text ?? '',
      ...(fallback ? { fallback } : {}),
    };
  });
}

/** Looks sentences up in the requested language, then in English. */
class Texts {
  private readonly own: Loose;
  constructor(private readonly lang: Lang) {
    this.own = CATALOGUES[lang] as Loose;
  }

  /**
   * The first string found at one of `paths` (most specific first) in the requested language, then
   * the same in English (`fallback: 'en'`): a general sentence in the reader's language beats a
   * more specific one in English.
   */
  pick(...paths: string[][]): { text: string; fallback?: Fallback } | undefined {
    for (const path of paths) {
      const mine = lookup(this.own, path);
      if (mine !== undefined) return { text: mine };
    }
    if (this.lang === 'en') return undefined;
    for (const path of paths) {
      const english = lookup(en as Loose, path);
      if (english !== undefined) return { text: english, fallback: 'en' };
    }
    return undefined;
  }
}

function fallbackOf(found: { fallback?: Fallback } | undefined): { fallback?: Fallback } {
  if (!found) return { fallback: 'message' };
  return found.fallback ? { fallback: found.fallback } : {};
}

/** Own-property walk, so ids such as "constructor" or "__proto__" never reach Object.prototype. */
function lookup(root: unknown, path: string[]): string | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : undefined;
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (hasOwn(values, k) ? String(values[k]) : m));
}
