/**
 * Validity period checks: VC 2.0 validFrom / validUntil and VC 1.1 issuanceDate / expirationDate,
 * against an injectable `now` with a small clock skew.
 */
import type { Check } from '../report/types.js';

/** The dates that bound a credential's validity, as found in it. */
export interface ValidityDates {
  validFrom?: string;
  validUntil?: string;
  /** Field names the dates came from, for messages. */
  fromField?: string;
  untilField?: string;
}

/** Reads the validity dates of a VC (2.0 names first, then 1.1 names). */
export function validityOf(vc: Record<string, unknown>): ValidityDates {
  const out: ValidityDates = {};
  const from = vc.validFrom ?? vc.issuanceDate;
  const until = vc.validUntil ?? vc.expirationDate;
  if (typeof from === 'string') {
    out.validFrom = from;
    out.fromField = vc.validFrom !== undefined ? 'validFrom' : 'issuanceDate';
  }
  if (typeof until === 'string') {
    out.validUntil = until;
    out.untilField = vc.validUntil !== undefined ? 'validUntil' : 'expirationDate';
  }
  return out;
}

/** Parses an XML Schema dateTime; a missing timezone is read as UTC (VC 1.1 allowed it). */
export function parseDate(s: string): number | undefined {
  if (!/^-?\d{4,}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.test(s)) return undefined;
  const withTime = s.includes('T') ? s : `${s}T00:00:00`;
  const t = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(withTime) ? withTime : withTime + 'Z');
  return Number.isNaN(t) ? undefined : t;
}

/** The `issuance` and `expiry` checks. */
export function checkValidity(d: ValidityDates, now: Date, skewSeconds: number): Check[] {
  const checks: Check[] = [];
  const skew = skewSeconds * 1000;
  const t = now.getTime();
  if (d.validFrom !== undefined) {
    const from = parseDate(d.validFrom);
    if (from === undefined) {
      checks.push({ id: 'issuance', status: 'fail', effect: 'invalid', code: 'bad-date', message: `${d.fromField} "${d.validFrom}" is not a valid date.` });
    } else if (from - skew > t) {
      checks.push({ id: 'issuance', status: 'fail', effect: 'not-yet-valid', code: 'not-yet-valid', message: `The credential only becomes valid on ${d.validFrom}.` });
    } else {
      checks.push({ id: 'issuance', status: 'pass', message: `Valid from ${d.validFrom}.` });
    }
  }
  if (d.validUntil !== undefined) {
    const until = parseDate(d.validUntil);
    if (until === undefined) {
      checks.push({ id: 'expiry', status: 'fail', effect: 'invalid', code: 'bad-date', message: `${d.untilField} "${d.validUntil}" is not a valid date.` });
    } else if (until + skew < t) {
      checks.push({ id: 'expiry', status: 'fail', effect: 'expired', code: 'expired', message: `The credential expired on ${d.validUntil}.` });
    } else {
      checks.push({ id: 'expiry', status: 'pass', message: `Valid until ${d.validUntil}.` });
    }
  } else {
    checks.push({ id: 'expiry', status: 'skip', message: 'The credential has no expiry date.' });
  }
  return checks;
}
