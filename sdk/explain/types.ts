/**
 * Shapes of the plain-language explanations and of the message catalogues they come from.
 * Everything here is plain text: no markup, and credential text only where it is the check's own
 * message (`detail`), never spliced into a sentence.
 */
import type { Assessment, CheckStatus, Element, ElementKey, Report, TrustSignal, Trust, Verdict } from '../report/types.js';

/** Languages with a catalogue. English is complete; the others fall back to English per sentence. */
export type Lang = 'en' | 'de' | 'fr' | 'es';
export const LANGS: readonly Lang[] = ['en', 'de', 'fr', 'es'];

export type TrustLevel = Trust['level'];
export type SignalStatus = TrustSignal['status'];
export type ElementState = Element['state'];
export type AssessmentKind = Assessment['kind'];
export type IdentityLevel = NonNullable<Assessment['identityVerification']>;
export type RecipientState = NonNullable<Report['recipient']>['state'];

/** Sentences for one check id: one per status, and optionally one per code (which wins). */
export type CheckSentences = Partial<Record<CheckStatus, string>> & { codes?: Record<string, string> };

/** The shape every catalogue follows. The English catalogue is checked against it with `satisfies`. */
export interface CatalogueShape {
  ui: {
    checkStatus: Record<CheckStatus, string>;
    signalStatus: Record<SignalStatus, string>;
    mandatory: string;
    optional: string;
    /** Placeholders: {present}, {total}. */
    completeness: string;
  };
  verdicts: Record<Verdict, { headline: string; meaning: string }>;
  checks: Record<string, CheckSentences>;
  trustLevels: Record<TrustLevel, { label: string; meaning: string }>;
  trustSignals: Record<string, Partial<Record<SignalStatus, string>>>;
  elements: Record<ElementKey, ElementText>;
  elementStates: Record<ElementState, { label: string; sentence: string }>;
  assessment: Record<AssessmentKind, { label: string; meaning: string }>;
  identityVerification: Record<IdentityLevel, { label: string; meaning: string }>;
  recipient: Record<RecipientState, { label: string; meaning: string }>;
}

/** Name and meaning of one EU element; `missing` / `unclear` override the generic state sentence. */
export interface ElementText {
  name: string;
  about: string;
  missing?: string;
  unclear?: string;
}

/** Where a sentence came from when the requested language had none. */
export type Fallback = 'en' | 'message';

export interface ExplainedCheck {
  id: string;
  status: CheckStatus;
  code?: string;
  /** "Passed", "Failed", ... in the requested language. */
  statusLabel: string;
  /** One plain sentence for a recruiter. */
  text: string;
  /** The check's own (technical, English) message, as the SDK wrote it. */
  detail: string;
  /** Set when `text` is not in the requested language: English catalogue, or the check's own message. */
  fallback?: Fallback;
}

export interface ExplainedSignal {
  id: string;
  status: SignalStatus;
  statusLabel: string;
  text: string;
  /** The list, registry or body the signal came from, as the trust stage named it. */
  source?: string;
  detail: string;
  fallback?: Fallback;
}

export interface ExplainedElement {
  key: string;
  mandatory: boolean;
  /** The element's name (official EU wording where one exists). */
  name: string;
  /** What this element tells an employer. */
  about: string;
  state: ElementState;
  stateLabel: string;
  /** What the state means for this element. */
  text: string;
  fallback?: Fallback;
}

/** The Report explained in one language. Plain strings only. */
export interface ExplainedReport {
  lang: Lang;
  verdict: { verdict: Verdict; headline: string; meaning: string };
  checks: ExplainedCheck[];
  trust: { level: TrustLevel; label: string; meaning: string; signals: ExplainedSignal[] };
  /** Only the elements the Report carries (an empty map means the elements stage did not run). */
  elements: ExplainedElement[];
  completeness?: { mandatoryPresent: number; mandatoryTotal: number; text: string };
  assessment?: {
    kind: AssessmentKind;
    label: string;
    meaning: string;
    identityVerification?: { level: IdentityLevel; label: string; meaning: string };
  };
  recipient?: { state: RecipientState; label: string; meaning: string; detail: string };
}
