import type { Check, CredentialSummary, Format, Report } from './types.js';
import { combineVerdict } from './verdict.js';

export type * from './types.js';
export { combineVerdict, isProblem, verdictOf, verdictWithReason } from './verdict.js';

/** Assembles the Report from the pipeline's checks and summary. Trust and elements start empty and neutral. */
export function makeReport(result: { checks: Check[]; credential: CredentialSummary; format: Format | string; platform?: { name: string; page: string } }, source: string): Report {
  return {
    ...(result.platform ? { platform: result.platform } : {}),
    verdict: combineVerdict(result.checks),
    checks: result.checks,
    format: result.format,
    credential: result.credential,
    trust: { level: 'unknown', signals: [] },
    elements: {},
    source,
  };
}
