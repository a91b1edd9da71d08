/**
 * OB 2.0 dates: `issuedOn` and `expires` are ISO 8601 date-times that must carry a time zone
 * ("Open Badges v2.0 requires string ISO 8601 values with time zone indicators", OB 2.0 §DateTime;
 * seconds and fractions are optional). Checked against an injectable `now` with a clock skew.
 */
import type { Check } from '../report/types.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/** Parses an OB 2.0 DateTime to epoch milliseconds; undefined when it is not one (no zone, bad ranges). */
export function parseOb2DateTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 60) return undefined;
  const ms = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  let offset = 0;
  if (m[8]!.toUpperCase() !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The `issuance` and `expiry` checks for an Assertion, plus a `dates` failure when it expires
 * before it was issued (self-contradictory data; the OB 2.0 reference validator rejects it as
 * invalid). A missing or malformed `issuedOn` is left to the structure check.
 */
export function checkOb2Dates(assertion: Record<string, unknown>, now: Date, skewSeconds: number): Check[] {
  const checks: Check[] = [];
  const skew = skewSeconds * 1000;
  const t = now.getTime();
  const issued = parseOb2DateTime(assertion.issuedOn);
  const expires = parseOb2DateTime(assertion.expires);
  if (issued !== undefined) {
    checks.push(issued - skew > t
      ? { id: 'issuance', status: 'fail', effect: 'not-yet-valid', code: 'not-yet-valid', message: `The badge says it is issued on ${String(assertion.issuedOn)}, which is still in the future.` }
      : { id: 'issuance', status: 'pass', message: `Issued on ${String(assertion.issuedOn)}.` });
  }
  if (assertion.expires === undefined) {
    checks.push({ id: 'expiry', status: 'skip', message: 'The badge has no expiry date.' });
  } else if (expires === undefined) {
    checks.push({ id: 'expiry', status: 'fail', effect: 'invalid', code: 'bad-date', message: `The expiry date "${String(assertion.expires)}" is not a valid date with a time zone.` });
  } else {
    checks.push(expires + skew < t
      ? { id: 'expiry', status: 'fail', effect: 'expired', code: 'expired', message: `The badge expired on ${String(assertion.expires)}.` }
      : { id: 'expiry', status: 'pass', message: `Valid until ${String(assertion.expires)}.` });
  }
  if (issued !== undefined && expires !== undefined && expires < issued) {
    checks.push({ id: 'dates', status: 'fail', effect: 'invalid', code: 'bad-date', message: 'The badge expires before the date it was issued, so its dates contradict each other.' });
  }
  return checks;
}
