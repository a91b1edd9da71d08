/**
 * Interop: credentials issued by Digital Bazaar's implementation verify with CredLens; the same
 * credentials changed, signed by a key the issuer does not control, or pointing at a wrong
 * verification method do not; expired and not-yet-valid ones get those verdicts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../sdk/index.js';
import { dbIssue, makeIssuer, openBadge, SUITES, type TestIssuer } from '../helpers/issuers.js';

const NOW = '2026-03-01T00:00:00Z';
let alice: TestIssuer;
let mallory: TestIssuer;

beforeAll(async () => {
  alice = await makeIssuer(new Uint8Array(32).fill(1));
  mallory = await makeIssuer(new Uint8Array(32).fill(2));
});

const failing = (r: Awaited<ReturnType<typeof verify>>) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe.each(SUITES)('%s credentials issued by @digitalbazaar/vc', (suite) => {
  it('verify as valid, with both Ed25519 implementations', async () => {
    const cred = await dbIssue(openBadge(alice.did, 1), suite, alice);
    for (const ed25519 of ['webcrypto', 'noble'] as const) {
      const r = await verify(cred, { now: NOW, ed25519 });
      expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
      expect(r.format).toBe('ob3-json');
      expect(r.credential.issuer.id).toBe(alice.did);
    }
  });

  it('are invalid when a field is changed after signing', async () => {
    const cred = await dbIssue(openBadge(alice.did, 2), suite, alice);
    const tampered = structuredClone(cred) as any;
    tampered.credentialSubject.achievement.name = 'Data Science (Advanced)';
    const r = await verify(tampered, { now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(failing(r)).toContain('proof');
  });

  it('are invalid when signed by a key the issuer does not control', async () => {
    // Mallory signs a credential that names Alice as its issuer: the signature is sound, the binding is not.
    const cred = await dbIssue(openBadge(alice.did, 3), suite, mallory);
    const r = await verify(cred, { now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(failing(r)).toEqual(['issuer-binding']);
  });

  it("are invalid when the proof points at a verification method that did not sign", async () => {
    const cred = (await dbIssue(openBadge(alice.did, 4), suite, mallory)) as any;
    cred.issuer.id = alice.did;
    cred.proof.verificationMethod = alice.vm; // claims Alice's key, but Mallory signed
    const r = await verify(cred, { now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(failing(r)).toContain('proof');
  });

  it('are expired after validUntil', async () => {
    const cred = await dbIssue(openBadge(alice.did, 5, { validUntil: '2025-12-31T23:59:59Z' }), suite, alice);
    const r = await verify(cred, { now: NOW });
    expect(r.verdict).toBe('expired');
    expect(failing(r)).toEqual(['expiry']);
  });

  it('are not yet valid before validFrom', async () => {
    const cred = await dbIssue(openBadge(alice.did, 6, { validFrom: '2027-01-01T00:00:00Z' }), suite, alice);
    const r = await verify(cred, { now: NOW });
    expect(r.verdict).toBe('not-yet-valid');
    expect(failing(r)).toEqual(['issuance']);
  });
});
