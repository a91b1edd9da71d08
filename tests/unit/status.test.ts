import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeEncodedList, readStatus } from '../../sdk/status/bitstring.js';
import { checkValidity, validityOf } from '../../sdk/status/dates.js';
import { checkStatus, type StatusEnv } from '../../sdk/status/index.js';

function encoded(bitsSet: number[], lengthBits = 131072): string {
  const bytes = new Uint8Array(lengthBits / 8);
  for (const i of bitsSet) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return 'u' + Buffer.from(gzipSync(bytes)).toString('base64url');
}

const ISSUER = 'did:example:issuer';
function listCredential(bits: number[], purpose = 'revocation') {
  return { type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: ISSUER, credentialSubject: { type: 'BitstringStatusList', statusPurpose: purpose, encodedList: encoded(bits) } };
}
function env(list: unknown, verdict: 'valid' | 'expired' = 'valid'): StatusEnv {
  return { fetchJson: async () => list, verifyList: async () => ({ verdict, reason: verdict }) };
}
const vc = (index: number, purpose = 'revocation') => ({
  issuer: ISSUER,
  credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: 'https://issuer.example/status/1' },
});

describe('bitstring status lists', () => {
  it('reads bits most significant first', () => {
    const { bits, multibase } = decodeEncodedList(encoded([0, 9, 131071]));
    expect(multibase).toBe(true);
    expect(readStatus(bits, 0)).toBe(1);
    expect(readStatus(bits, 1)).toBe(0);
    expect(readStatus(bits, 9)).toBe(1);
    expect(readStatus(bits, 131071)).toBe(1);
    expect(() => readStatus(bits, 131072)).toThrow(expect.objectContaining({ code: 'bad-status-list' }));
  });

  it('decompresses a list once while it is in use, and each list on its own', () => {
    const a = encoded([3]);
    const first = decodeEncodedList(a);
    expect(decodeEncodedList(a)).toBe(first);
    const other = decodeEncodedList(encoded([4]));
    expect(readStatus(other.bits, 3)).toBe(0);
    expect(readStatus(other.bits, 4)).toBe(1);
    expect(readStatus(decodeEncodedList(a).bits, 3)).toBe(1);
    // a refused list is refused every time (errors are not remembered as lists)
    const bad = 'u' + Buffer.from('not gzip at all, twice').toString('base64url');
    expect(() => decodeEncodedList(bad)).toThrow(expect.objectContaining({ code: 'bad-status-list' }));
    expect(() => decodeEncodedList(bad)).toThrow(expect.objectContaining({ code: 'bad-status-list' }));
  });

  it('refuses lists that are not gzip or claim to be huge', () => {
    expect(() => decodeEncodedList('u' + Buffer.from('hello world, not gzip').toString('base64url'))).toThrow(expect.objectContaining({ code: 'bad-status-list' }));
    const bomb = Buffer.from(gzipSync(new Uint8Array(64)));
    bomb.writeUInt32LE(0xffffffff, bomb.length - 4);
    expect(() => decodeEncodedList('u' + bomb.toString('base64url'))).toThrow(expect.objectContaining({ code: 'bad-status-list' }));
  });

  it('reports revoked, suspended and clear entries', async () => {
    expect((await checkStatus(vc(5), env(listCredential([5]))))[0]).toMatchObject({ status: 'fail', effect: 'revoked' });
    expect((await checkStatus(vc(6), env(listCredential([5]))))[0]).toMatchObject({ status: 'pass' });
    expect((await checkStatus(vc(5, 'suspension'), env(listCredential([5], 'suspension'))))[0]).toMatchObject({ code: 'suspended' });
  });

  it('never passes when the list cannot be trusted or reached', async () => {
    expect((await checkStatus(vc(1), env(listCredential([]), 'expired')))[0]).toMatchObject({ status: 'error', effect: 'unverifiable' });
    const unreachable: StatusEnv = { fetchJson: async () => { throw Object.assign(new (await import('../../sdk/errors.js')).CredLensError('timeout', 'slow')); }, verifyList: async () => ({ verdict: 'valid', reason: '' }) };
    expect((await checkStatus(vc(1), unreachable))[0]).toMatchObject({ status: 'error', effect: 'unverifiable' });
    expect((await checkStatus(vc(1), env(listCredential([], 'suspension'))))[0]).toMatchObject({ status: 'error' });
  });

  it('warns about short lists without failing', async () => {
    const short = { ...listCredential([]), credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encoded([], 100_000 - (100_000 % 8)) } };
    const checks = await checkStatus(vc(3), env(short));
    expect(checks[0]).toMatchObject({ status: 'pass' });
    expect(checks.some((c) => c.id === 'status-list-size' && c.status === 'warn')).toBe(true);
  });

  it('reads StatusList2021 lists (no multibase prefix)', async () => {
    const list = { type: ['VerifiableCredential', 'StatusList2021Credential'], issuer: ISSUER, credentialSubject: { type: 'StatusList2021', statusPurpose: 'revocation', encodedList: encoded([4]).slice(1) } };
    const entry = (i: number) => ({ issuer: ISSUER, credentialStatus: { type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: 'https://issuer.example/sl2021' } });
    expect((await checkStatus(entry(4), env(list)))[0]).toMatchObject({ effect: 'revoked' });
    expect((await checkStatus(entry(5), env(list)))[0]).toMatchObject({ status: 'pass' });
    // A BitstringStatusListCredential does not answer for a StatusList2021Entry.
    expect((await checkStatus(entry(4), env(listCredential([4]))))[0]).toMatchObject({ status: 'error' });
  });

  it('reads 1EdTech revocation lists', async () => {
    const cred = { id: 'urn:uuid:1', issuer: ISSUER, credentialStatus: { id: 'https://issuer.example/revocations', type: '1EdTechRevocationList' } };
    const list = { id: 'https://issuer.example/revocations', issuer: ISSUER, revokedCredentials: [{ id: 'urn:uuid:1', revocationReason: 'Issued in error' }] };
    expect((await checkStatus(cred, env(list)))[0]).toMatchObject({ effect: 'revoked', message: expect.stringContaining('Issued in error') });
    expect((await checkStatus({ ...cred, id: 'urn:uuid:2' }, env(list)))[0]).toMatchObject({ status: 'pass' });
  });
});

describe('dates', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  it('reads VC 2.0 and 1.1 names', () => {
    expect(validityOf({ validFrom: 'a', validUntil: 'b' })).toMatchObject({ validFrom: 'a', validUntil: 'b', fromField: 'validFrom' });
    expect(validityOf({ issuanceDate: 'a', expirationDate: 'b' })).toMatchObject({ fromField: 'issuanceDate', untilField: 'expirationDate' });
  });
  it('applies the clock skew', () => {
    expect(checkValidity({ validFrom: '2026-03-01T00:04:00Z' }, now, 300)[0]).toMatchObject({ status: 'pass' });
    expect(checkValidity({ validFrom: '2026-03-01T00:06:00Z' }, now, 300)[0]).toMatchObject({ effect: 'not-yet-valid' });
    expect(checkValidity({ validUntil: '2026-02-28T23:56:00Z' }, now, 300).find((c) => c.id === 'expiry')).toMatchObject({ status: 'pass' });
    expect(checkValidity({ validUntil: '2026-02-28T23:54:00Z' }, now, 300).find((c) => c.id === 'expiry')).toMatchObject({ effect: 'expired' });
    expect(checkValidity({ validUntil: 'next tuesday' }, now, 300).find((c) => c.id === 'expiry')).toMatchObject({ effect: 'invalid' });
  });
});
