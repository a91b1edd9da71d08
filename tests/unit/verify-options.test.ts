/**
 * `employerView: false`: integrity and status only, for bulk re-checks; the verdict and checks are
 * the same as with the full report.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../sdk/index.js';
import { dbIssue, makeIssuer, openBadge } from '../helpers/issuers.js';

describe('employerView option', () => {
  it('gives the same verdict and checks without trust, elements, assessment or recipient', async () => {
    const issuer = await makeIssuer(new Uint8Array(32).fill(9));
    const c = await dbIssue(openBadge(issuer.did, 1), 'eddsa-jcs-2022', issuer);
    const full = await verify(c, { now: '2026-03-01T00:00:00Z', recipient: { name: 'Someone' } });
    const lean = await verify(c, { now: '2026-03-01T00:00:00Z', recipient: { name: 'Someone' }, employerView: false });
    expect(lean.verdict).toBe('valid');
    expect(lean.verdict).toBe(full.verdict);
    expect(lean.checks).toEqual(full.checks);
    expect(Object.keys(full.elements).length).toBeGreaterThan(0);
    expect(lean.elements).toEqual({});
    expect(lean.assessment).toBeUndefined();
    expect(lean.completeness).toBeUndefined();
    expect(lean.recipient).toBeUndefined();
    expect(lean.trust.signals).toEqual([]);
    // a tampered copy still fails without the employer view
    const tampered = structuredClone(c) as { credentialSubject: { achievement: { name: string } } };
    tampered.credentialSubject.achievement.name = 'Something else';
    expect((await verify(tampered, { now: '2026-03-01T00:00:00Z', employerView: false })).verdict).toBe('invalid');
  });
});
