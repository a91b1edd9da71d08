/** The Report contract (see shared/DESIGN.md). The CLI's --json and the HTTP endpoint return it as is. */

/** The overall answer, by precedence: invalid > revoked > expired / not-yet-valid > unverifiable > valid. */
export type Verdict = 'valid' | 'invalid' | 'revoked' | 'expired' | 'not-yet-valid' | 'unverifiable';

/** Outcome of one check. `unsupported` and `error` mean "could not be performed", never a pass. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'unsupported' | 'error';

/**
 * What a failing check means for the verdict. A check that fails with `effect: 'revoked'` makes the
 * verdict `revoked`, and so on; `error` / `unsupported` checks default to `unverifiable`.
 */
export type CheckEffect = 'invalid' | 'revoked' | 'expired' | 'not-yet-valid' | 'unverifiable';

/** One check in the report. */
export interface Check {
  /** Stable id: 'format', 'context', 'proof', 'issuer-binding', 'expiry', 'issuance', 'status', ... */
  id: string;
  status: CheckStatus;
  /** Machine-readable reason (an ErrorCode or a check-specific code). */
  code?: string;
  /** One sentence for a person. */
  message: string;
  /** Which verdict a non-passing status leads to (internal to the verdict rule, kept for transparency). */
  effect?: CheckEffect;
}

/** Known credential formats. */
export type Format =
  | 'ob3-json'
  | 'vc-json'
  | 'ob3-jwt'
  | 'vc-jwt'
  | 'ob2-hosted'
  | 'ob2-signed'
  | 'elm'
  | 'status-list'
  | 'unknown';

/** Summary of the credential for display. Values are copied, never invented. */
export interface CredentialSummary {
  id?: string;
  name?: string;
  issuer: { id?: string; name?: string; url?: string };
  subject: { name?: string; id?: string };
  issued?: string;
  expires?: string;
  achievement?: { name?: string; type?: string; description?: string };
}

/** One trust signal, with its reason. */
export interface TrustSignal {
  id: string;
  status: 'positive' | 'negative' | 'neutral';
  source?: string;
  message: string;
}

/** Trust: signals beside the verdict, never merged into it. */
export interface Trust {
  level: 'recognised' | 'known' | 'unknown' | 'distrusted';
  signals: TrustSignal[];
}

/**
 * Keys of the EU micro-credential standard elements (Council Recommendation 2022/C 243/02, Annex I),
 * mandatory first. The Report's `elements` map uses exactly these keys.
 */
export const MANDATORY_ELEMENTS = [
  'learnerIdentification', 'title', 'issuerCountry', 'awardingBody', 'dateOfIssue', 'learningOutcomes',
  'workload', 'level', 'assessmentType', 'participationForm', 'qualityAssurance',
] as const;
export const OPTIONAL_ELEMENTS = ['prerequisites', 'supervisionAndIdentity', 'grade', 'integration', 'furtherInformation'] as const;
export type ElementKey = (typeof MANDATORY_ELEMENTS)[number] | (typeof OPTIONAL_ELEMENTS)[number];

/** One EU standard element. */
export interface Element {
  state: 'present' | 'missing' | 'unclear';
  value?: unknown;
  from?: string;
}

/** What kind of credential this is, from what it states (never guessed). */
export interface Assessment {
  kind: 'assessed' | 'participation' | 'unknown';
  /** The statements that led there, each naming its field. */
  evidence: string[];
  /** Supervision and identity verification during assessment, when stated (EU element). */
  identityVerification?: 'unsupervised-no-id' | 'supervised-no-id' | 'supervised-online-id' | 'supervised-onsite-id';
}

/** How many of the EU mandatory elements are present. */
export interface Completeness {
  mandatoryPresent: number;
  mandatoryTotal: number;
  /** Keys of the mandatory elements that are missing or unclear. */
  missing: string[];
}

/** The SDK's answer for one credential. */
export interface Report {
  verdict: Verdict;
  checks: Check[];
  format: Format | string;
  credential: CredentialSummary;
  trust: Trust;
  elements: Record<string, Element>;
  recipient?: { state: 'match' | 'mismatch' | 'unknown'; detail: string };
  /** Assessed vs participation-only, with the evidence. */
  assessment?: Assessment;
  /** EU mandatory elements present (n of 11). */
  completeness?: Completeness;
  /** Where the credential came from (the URL it was fetched from, or 'input'). */
  source?: string;
  /** The platform a link pointed at (Credly, Coursera, ...), with its page for a person to open. */
  platform?: { name: string; page: string };
}
