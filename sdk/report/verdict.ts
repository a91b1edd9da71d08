import type { Check, CheckEffect, Verdict } from './types.js';

const RANK: Record<Verdict, number> = {
  invalid: 5,
  revoked: 4,
  expired: 3,
  'not-yet-valid': 3,
  unverifiable: 1,
  valid: 0,
};

/** The verdict a single check leads to. Passing, warning and skipped checks lead to `valid`. */
export function verdictOf(check: Check): Verdict {
  if (check.status === 'fail') return check.effect ?? 'invalid';
  if (check.status === 'error' || check.status === 'unsupported') return narrow(check.effect) ?? 'unverifiable';
  return 'valid';
}

// A check that could not be performed can never claim a definite negative it did not establish.
function narrow(effect: CheckEffect | undefined): Verdict | undefined {
  return effect === 'unverifiable' ? effect : undefined;
}

/**
 * Combines checks by the DESIGN.md precedence. `expired` and `not-yet-valid` share a rank; the first
 * one met wins. No checks at all is `unverifiable`: nothing was shown.
 */
export function combineVerdict(checks: readonly Check[]): Verdict {
  if (checks.length === 0) return 'unverifiable';
  let best: Verdict = 'valid';
  for (const c of checks) {
    const v = verdictOf(c);
    if (RANK[v] > RANK[best]) best = v;
  }
  return best;
}

/** True for a check that stands in the way of `valid` (failed, could not be performed, or unsupported). */
export function isProblem(check: Check): boolean {
  return check.status === 'fail' || check.status === 'error' || check.status === 'unsupported';
}

/**
 * The verdict of `checks` with the first problem's sentence as the reason ('verified' when there is
 * none): how a credential verified inside another (a status list, an endorsement) is summed up.
 */
export function verdictWithReason(checks: readonly Check[]): { verdict: Verdict; reason: string } {
  return { verdict: combineVerdict(checks), reason: checks.find(isProblem)?.message ?? 'verified' };
}
