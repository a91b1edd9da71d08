/**
 * The trust stage: CredLens trust lists and DCC legacy registries (valid, malformed, by URL,
 * offline), the level rule, domain binding, endorsements (verified with an injected verifier), and
 * an integration run against the demo issuer over real HTTP on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIssuer, type RunningIssuer } from '../../demo/issuer/server.js';
import { classifyInput } from '../../sdk/input/classify.js';
import { resolveOptions, type FetchLike, type VerifyOptions } from '../../sdk/options.js';
import { makeEnv } from '../../sdk/pipeline.js';
import type { TrustSignal } from '../../sdk/report/types.js';
import {
  assessTrust, credlensTrustList, dccLegacyRegistry, domainBinding, findEndorsements, levelOf, parseTrustList, trustInputFrom,
  type TrustEnv, type TrustInput, type VerifiedCredential,
} from '../../sdk/trust/index.js';
import { fromRaw, verify } from '../../sdk/verify.js';

const NOW = new Date('2026-06-01T12:00:00Z');

type Served = { status?: number; type?: string; body: string | object };
function server(routes: Record<string, Served>, counter?: { n: number }): FetchLike {
  return async (url) => {
    if (counter) counter.n++;
    const r = routes[url];
    if (!r) return new Response('not found', { status: 404 });
    return new Response(typeof r.body === 'string' ? r.body : JSON.stringify(r.body), { status: r.status ?? 200, headers: { 'content-type': r.type ?? 'application/json' } });
  };
}
const offline: FetchLike = async () => {
  throw new TypeError('connect ECONNREFUSED');
};
const opts = (fetch: FetchLike = offline) => resolveOptions({ fetch, now: NOW });

const UNI = 'did:web:th-donaustadt.example:issuers:lll';
const QAA = 'did:web:qaa-ar.example';
const LIST = {
  name: 'Test trust list',
  updated: '2025-11-05T00:00:00Z',
  issuers: [
    {
      id: UNI, name: 'Technische Hochschule Donaustadt', country: 'AT', kind: 'university', url: 'https://th-donaustadt.example/',
      accreditation: { by: 'Qualitätsagentur Alpenraum', byId: QAA, type: 'Institutional accreditation (audit)', decision: 'QAA-AR/IA/2023/017', validFrom: '2023-03-14', validUntil: '2030-03-13', register: 'https://www.deqar.eu/' },
    },
    { id: QAA, name: 'Qualitätsagentur Alpenraum', country: 'AT', kind: 'qa-agency', trustedEndorser: true },
    { id: 'https://badges.example/issuer', name: 'Badge Society', country: 'DE', kind: 'professional-body' },
    { id: 'did:web:old.example', name: 'Old College', country: 'FR', kind: 'university', accreditation: { by: 'HCERES', type: 'Institutional evaluation', validUntil: '2024-12-31' } },
  ],
};

const ob3 = (issuer: object, extra: object = {}): TrustInput => ({ format: 'ob3-json', verdict: 'valid', issuer: issuer as TrustInput['issuer'], ...extra });

// ---- CredLens trust lists ----------------------------------------------------------------------

describe('CredLens trust lists', () => {
  it('lists an issuer by id, with kind, country and a current accreditation', async () => {
    const trust = await assessTrust(ob3({ id: UNI, name: 'Technische Hochschule Donaustadt', url: 'https://th-donaustadt.example/' }), { sources: [credlensTrustList(LIST)], options: opts() });
    expect(trust.signals.find((s) => s.id === 'listed')).toMatchObject({ status: 'positive', source: 'Test trust list' });
    expect(trust.signals.find((s) => s.id === 'listed')!.message).toMatch(/a university \(AT\)/);
    const acc = trust.signals.find((s) => s.id === 'accreditation')!;
    expect(acc).toMatchObject({ status: 'positive' });
    expect(acc.message).toContain('Qualitätsagentur Alpenraum');
    expect(acc.message).toContain('2030-03-13');
    expect(trust.signals.find((s) => s.id === 'domain-binding')).toMatchObject({ status: 'positive' });
    expect(trust.level).toBe('recognised');
  });

  it('reports an issuer on no list as unknown, naming the lists consulted', async () => {
    const trust = await assessTrust(ob3({ id: 'did:web:nobody.example' }), { sources: [credlensTrustList(LIST)], options: opts() });
    expect(trust.level).toBe('unknown');
    expect(trust.signals[0]).toMatchObject({ id: 'not-listed', status: 'neutral' });
    expect(trust.signals[0]!.message).toContain('Test trust list');
  });

  it('does not count an expired accreditation', async () => {
    const trust = await assessTrust(ob3({ id: 'did:web:old.example' }), { sources: [credlensTrustList(LIST)], options: opts() });
    expect(trust.signals.find((s) => s.id === 'accreditation')).toMatchObject({ status: 'neutral' });
    expect(trust.signals.find((s) => s.id === 'accreditation')!.message).toMatch(/expired on 2024-12-31/);
    expect(trust.level).toBe('known');
  });

  it('refuses malformed lists with a typed bad-input error', () => {
    const entry = LIST.issuers[2]!;
    const bad: [unknown, RegExp][] = [
      [[], /not a JSON object/],
      [{ ...LIST, name: 7 }, /"name"/],
      [{ ...LIST, updated: 'yesterday' }, /"updated"/],
      [{ ...LIST, issuers: {} }, /"issuers" is not an array/],
      [{ ...LIST, issuers: [{ ...entry, id: 'not an id' }] }, /"id"/],
      [{ ...LIST, issuers: [{ ...entry, country: 'Austria' }] }, /"country"/],
      [{ ...LIST, issuers: [{ ...entry, kind: 'guild' }] }, /"kind"/],
      [{ ...LIST, issuers: [{ ...entry, url: 'ftp://x' }] }, /"url"/],
      [{ ...LIST, issuers: [{ ...entry, trustedEndorser: 'yes' }] }, /"trustedEndorser"/],
      [{ ...LIST, issuers: [{ ...entry, accreditation: { by: 'X' } }] }, /"type"/],
      [{ ...LIST, issuers: [{ ...entry, accreditation: { by: 'X', type: 'Y', validFrom: '2030-01-01', validUntil: '2020-01-01' } }] }, /after/],
      [{ ...LIST, issuers: [entry, entry] }, /listed twice/],
    ];
    for (const [json, why] of bad) {
      expect(() => parseTrustList(json), String(why)).toThrow(expect.objectContaining({ code: 'bad-input', message: expect.stringMatching(why) }));
      expect(() => credlensTrustList(json as Record<string, unknown>)).toThrow(expect.objectContaining({ code: 'bad-input' }));
    }
  });

  it('loads a list by URL once, and is unavailable (never positive) when it is unreachable or malformed', async () => {
    const counter = { n: 0 };
    const fetch = server({ 'https://lists.example/trust.json': { body: LIST } }, counter);
    const source = credlensTrustList({ url: 'https://lists.example/trust.json' });
    const options = opts(fetch);
    const a = await assessTrust(ob3({ id: UNI }), { sources: [source], options });
    const b = await assessTrust(ob3({ id: QAA }), { sources: [source], options });
    expect(a.level).toBe('recognised');
    expect(b.level).toBe('known');
    expect(counter.n).toBe(1);

    const down = await assessTrust(ob3({ id: UNI }), { sources: [source], options: opts(offline) });
    expect(down.level).toBe('unknown');
    expect(down.signals[0]).toMatchObject({ id: 'source-unavailable', status: 'neutral' });
    expect(down.signals[0]!.message).toMatch(/could not be consulted/);

    const broken = server({ 'https://lists.example/trust.json': { body: { ...LIST, issuers: 'none' } } });
    const bad = await assessTrust(ob3({ id: UNI }), { sources: [source], options: opts(broken) });
    expect(bad.signals[0]).toMatchObject({ id: 'source-unavailable', status: 'neutral' });
    expect(bad.signals[0]!.message).toMatch(/could not be used.*"issuers"/);
  });
});

// ---- DCC legacy registries ---------------------------------------------------------------------

describe('DCC legacy registries', () => {
  const REG = {
    meta: { created: '2022-10-27T17:57:31+00:00', updated: '2025-03-12T16:20:00+00:00' },
    registry: {
      'did:web:digitalcredentials.github.io:dcc-did-web': { name: 'DCC did:web test', location: 'Cambridge, MA, USA', url: 'https://digitalcredentials.mit.edu' },
      'did:key:z6MkpLDL3RoAoMRTwTgo3rs39ZwssfaPKtGdZw7AGRN7CK4W': { name: '(Example) My University', location: 'Cambridge, MA, USA', url: 'https://digitalcredentials.mit.edu' },
      'did:key:z6MkRemoved': null,
    },
  };

  it('lists DIDs that are own keys of the registry map', async () => {
    const reg = dccLegacyRegistry(REG, { name: 'DCC Sandbox Registry' });
    const ctx = { options: opts(), now: NOW };
    expect((await reg.lookup('did:web:digitalcredentials.github.io:dcc-did-web', ctx))[0]).toMatchObject({ status: 'listed', entry: { name: 'DCC did:web test', location: 'Cambridge, MA, USA' } });
    for (const id of ['did:key:z6MkRemoved', 'did:web:unknown.example', '__proto__', 'constructor']) {
      expect((await reg.lookup(id, ctx))[0]!.status, id).toBe('not-listed');
    }
  });

  it('reads the older "entries" shape and refuses malformed registries', async () => {
    const old = dccLegacyRegistry({ meta: {}, entries: { 'did:key:z6Mkx': { name: 'Old style' } } });
    expect((await old.lookup('did:key:z6Mkx', { options: opts(), now: NOW }))[0]).toMatchObject({ status: 'listed' });
    expect(() => dccLegacyRegistry({ meta: {} })).toThrow(expect.objectContaining({ code: 'bad-input' }));
    expect(() => dccLegacyRegistry({ registry: { 'did:key:z6Mkx': 'yes' } })).toThrow(expect.objectContaining({ code: 'bad-input' }));
  });

  it('loads by URL, and is unavailable offline', async () => {
    const url = 'https://digitalcredentials.github.io/sandbox-registry/registry.json';
    const reg = dccLegacyRegistry({ url, name: 'DCC Sandbox Registry' });
    const listed = await assessTrust(ob3({ id: 'did:web:digitalcredentials.github.io:dcc-did-web' }), { sources: [reg], options: opts(server({ [url]: { body: REG } })) });
    expect(listed.level).toBe('known');
    const down = await assessTrust(ob3({ id: 'did:web:digitalcredentials.github.io:dcc-did-web' }), { sources: [reg], options: opts(offline) });
    expect(down.level).toBe('unknown');
    expect(down.signals.some((s) => s.status === 'positive')).toBe(false);
  });
});

// ---- The level rule ----------------------------------------------------------------------------

describe('level rule', () => {
  const s = (id: string, status: TrustSignal['status']): TrustSignal => ({ id, status, message: id });
  const table: [TrustSignal[], string][] = [
    [[], 'unknown'],
    [[s('listed', 'neutral'), s('domain-binding', 'positive')], 'unknown'],
    [[s('listed', 'positive')], 'known'],
    [[s('external-qa', 'positive')], 'known'],
    [[s('listed', 'positive'), s('accreditation', 'positive')], 'recognised'],
    [[s('listed', 'positive'), s('external-qa', 'positive')], 'recognised'],
    [[s('listed', 'positive'), s('endorsed', 'positive')], 'recognised'],
    [[s('listed', 'positive'), s('accreditation', 'neutral'), s('endorsed', 'neutral')], 'known'],
    [[s('endorsed', 'positive'), s('accreditation', 'positive')], 'unknown'],
    [[s('listed', 'positive'), s('accreditation', 'positive'), s('revoked-issuer', 'negative')], 'distrusted'],
    [[s('distrusted', 'negative')], 'distrusted'],
    [[s('listed', 'positive'), s('domain-binding', 'negative'), s('endorsed', 'negative')], 'known'],
  ];
  it.each(table.map(([signals, level], i) => [i, signals, level] as const))('case %i', (_i, signals, level) => {
    expect(levelOf(signals)).toBe(level);
  });

  it('does not consult anything for a credential that failed verification', async () => {
    const counter = { n: 0 };
    const trust = await assessTrust({ ...ob3({ id: UNI }), verdict: 'invalid' }, { sources: [credlensTrustList({ url: 'https://lists.example/t.json' })], options: opts(server({}, counter)) });
    expect(trust).toEqual({ level: 'unknown', signals: [expect.objectContaining({ id: 'not-assessed', status: 'neutral' })] });
    expect(counter.n).toBe(0);
  });
});

// ---- Domain binding ----------------------------------------------------------------------------

describe('domain binding', () => {
  const cases: [string, TrustInput, TrustSignal['status'], RegExp?][] = [
    ['did:web same host', ob3({ id: 'did:web:uni.example', url: 'https://uni.example/about' }), 'positive'],
    ['did:web vs www', ob3({ id: 'did:web:uni.example', url: 'https://www.uni.example/' }), 'positive'],
    ['did:web path-based, subdomain url', ob3({ id: 'did:web:uni.example:issuers:lll', url: 'https://lll.uni.example/' }), 'positive', /subdomain/],
    ['did:web with port', ob3({ id: 'did:web:localhost%3A8443:issuers:x', url: 'http://localhost:8443/issuers/x/' }), 'positive'],
    ['port differs', ob3({ id: 'did:web:localhost%3A8443', url: 'http://localhost:9000/' }), 'negative'],
    ['contradiction', ob3({ id: 'did:web:cheap-certs.example', url: 'https://www.harvard.edu/' }), 'negative', /another domain/],
    ['suffix is not a subdomain', ob3({ id: 'did:web:evilharvard.edu', url: 'https://harvard.edu/' }), 'negative'],
    ['no url', ob3({ id: 'did:web:uni.example' }), 'neutral', /no homepage/],
    ['did:key', ob3({ id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', url: 'https://uni.example/' }), 'neutral', /did:key/],
    ['https issuer id', ob3({ id: 'https://uni.example/issuer', url: 'https://uni.example/' }), 'positive'],
    ['OB2 hosted profile', { format: 'ob2-hosted', verdict: 'valid', issuer: { id: 'https://badges.example/issuer', url: 'https://badges.example/' }, ob2: { issuerSource: 'https://badges.example/issuer' } }, 'positive', /hosted on badges\.example/],
    ['OB2 profile elsewhere', { format: 'ob2-hosted', verdict: 'valid', issuer: { id: 'https://badgr.example/issuer/1', url: 'https://uni.example/' }, ob2: { issuerSource: 'https://badgr.example/issuer/1' } }, 'negative'],
    ['url not a web address', ob3({ id: 'did:web:uni.example', url: 'mailto:x@uni.example' }), 'neutral'],
  ];
  it.each(cases)('%s', (_name, input, status, message) => {
    const { signal } = domainBinding(input);
    expect(signal).toMatchObject({ id: 'domain-binding', status });
    if (message) expect(signal.message).toMatch(message);
  });
});

// ---- Endorsements ------------------------------------------------------------------------------

describe('endorsements', () => {
  const CRED = 'urn:uuid:2f2b9a56-0000-4000-8000-000000000001';
  const ACH = 'https://th-donaustadt.example/achievements/la';
  const endorsement = (marker: string, over: object = {}) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'EndorsementCredential'],
    issuer: { id: QAA, type: ['Profile'], name: 'Qualitätsagentur Alpenraum' },
    validFrom: '2025-01-20T00:00:00Z',
    credentialSubject: { id: ACH, type: ['EndorsementSubject'], endorsementComment: 'Reviewed.' },
    proof: { type: 'DataIntegrityProof', proofValue: marker },
    ...over,
  });
  const credential = (...endorsements: unknown[]) => ({
    id: CRED,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: UNI, type: ['Profile'], name: 'Technische Hochschule Donaustadt', url: 'https://th-donaustadt.example/' },
    credentialSubject: { type: ['AchievementSubject'], achievement: { id: ACH, type: ['Achievement'], name: 'Learning Analytics', endorsement: endorsements } },
  });
  // Stands in for the core: 'good' verifies, 'tampered' fails, 'old' is expired.
  const verifier = async (c: Record<string, unknown> | string): Promise<VerifiedCredential> => {
    const doc = typeof c === 'string' ? (JSON.parse(Buffer.from(c.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>) : c;
    const marker = String(((doc.proof ?? {}) as Record<string, unknown>).proofValue ?? doc.marker);
    const issuer = doc.issuer as { id: string; name?: string };
    if (marker === 'good') return { verdict: 'valid', issuerId: issuer.id, issuerName: issuer.name, reason: 'verified' };
    if (marker === 'old') return { verdict: 'expired', issuerId: issuer.id, reason: 'The credential expired on 2025-01-01.' };
    return { verdict: 'invalid', reason: 'The eddsa-rdfc-2022 signature does not match the credential.' };
  };
  const env = (over: Partial<TrustEnv> = {}): TrustEnv => ({ sources: [credlensTrustList(LIST)], options: opts(), verifyCredential: verifier, ...over });
  const input = (...e: unknown[]): TrustInput => trustInputFrom({ checks: [], format: 'ob3-json', credential: { issuer: { id: UNI, name: 'Technische Hochschule Donaustadt', url: 'https://th-donaustadt.example/' }, subject: {} }, json: credential(...e) });

  it('finds endorsements on the credential, the achievement and the issuer, as JSON and JWT', () => {
    const c = { ...credential(endorsement('good')), endorsement: [endorsement('good', { credentialSubject: { id: CRED } })], endorsementJwt: ['a.b.c'] };
    (c.issuer as Record<string, unknown>).endorsement = [endorsement('good', { credentialSubject: { id: UNI } })];
    const found = findEndorsements({ format: 'ob3-json', issuer: { id: UNI }, credential: c });
    expect(found.map((f) => [f.on, f.format, f.target])).toEqual([
      ['the credential', 'vc', CRED], ['the credential', 'jwt', CRED], ['the achievement', 'vc', ACH], ['the issuer', 'vc', UNI],
    ]);
  });

  it('counts a verified endorsement by a trusted endorser', async () => {
    const trust = await assessTrust(input(endorsement('good')), env({ sources: [credlensTrustList({ ...LIST, issuers: LIST.issuers.map((i) => ({ ...i, accreditation: undefined })) })] }));
    const e = trust.signals.find((s) => s.id === 'endorsed')!;
    expect(e).toMatchObject({ status: 'positive', source: 'Test trust list' });
    expect(e.message).toMatch(/The achievement is endorsed by Qualitätsagentur Alpenraum/);
    expect(trust.level).toBe('recognised'); // listed + endorsed, even without an accreditation
  });

  it('does not count a valid endorsement by an endorser no list trusts', async () => {
    const notTrusted = { ...LIST, issuers: LIST.issuers.map((i) => (i.id === QAA ? { ...i, trustedEndorser: false } : { ...i, accreditation: undefined })) };
    const a = await assessTrust(input(endorsement('good')), env({ sources: [credlensTrustList(notTrusted)] }));
    expect(a.signals.find((s) => s.id === 'endorsed')).toMatchObject({ status: 'neutral' });
    expect(a.signals.find((s) => s.id === 'endorsed')!.message).toMatch(/not as a trusted endorser/);
    expect(a.level).toBe('known');
    const b = await assessTrust(input(endorsement('good', { issuer: { id: 'did:web:endorse-anything.example', name: 'Endorse Anything Ltd' } })), env());
    expect(b.signals.find((s) => s.id === 'endorsed')!.message).toMatch(/no trust source consulted vouches for the endorser/);
  });

  it('reports a tampered endorsement as negative and ignores it', async () => {
    const trust = await assessTrust(input(endorsement('tampered')), env({ sources: [credlensTrustList({ ...LIST, issuers: LIST.issuers.map((i) => ({ ...i, accreditation: undefined })) })] }));
    const e = trust.signals.find((s) => s.id === 'endorsed')!;
    expect(e.status).toBe('negative');
    expect(e.message).toMatch(/does not verify/);
    expect(trust.level).toBe('known');
  });

  it('ignores endorsements about something else, self-endorsements, expired ones, and unverified ones', async () => {
    const other = await assessTrust(input(endorsement('good', { credentialSubject: { id: 'https://elsewhere.example/achievement' } })), env());
    expect(other.signals.find((s) => s.id === 'endorsed')).toMatchObject({ status: 'neutral', message: expect.stringMatching(/not about the achievement/) });
    const self = await assessTrust(input(endorsement('good', { issuer: { id: UNI, name: 'TH Donaustadt' } })), env());
    expect(self.signals.find((s) => s.id === 'endorsed')!.message).toMatch(/self-endorsement/);
    const old = await assessTrust(input(endorsement('old')), env());
    expect(old.signals.find((s) => s.id === 'endorsed')).toMatchObject({ status: 'neutral', message: expect.stringMatching(/expired/) });
    const none = await assessTrust(input(endorsement('good')), env({ verifyCredential: undefined }));
    expect(none.signals.find((s) => s.id === 'endorsed')).toMatchObject({ status: 'neutral', message: expect.stringMatching(/not verified/) });
    const notEndorsement = await assessTrust(input(endorsement('good', { type: ['VerifiableCredential', 'OpenBadgeCredential'] })), env());
    expect(notEndorsement.signals.find((s) => s.id === 'endorsed')!.message).toMatch(/not an EndorsementCredential/);
  });

  it('verifies endorsementJwt through the injected verifier', async () => {
    const payload = { vc: { ...endorsement('x'), proof: undefined, marker: 'good' } };
    const token = `${Buffer.from('{"alg":"EdDSA"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
    const c = credential();
    (c.credentialSubject.achievement as Record<string, unknown>).endorsementJwt = [token];
    const trust = await assessTrust(trustInputFrom({ checks: [], format: 'ob3-json', credential: { issuer: { id: UNI }, subject: {} }, json: c }), env({
      verifyCredential: async (t) => (typeof t === 'string' ? { verdict: 'valid', issuerId: QAA, issuerName: 'Qualitätsagentur Alpenraum', reason: 'verified' } : verifier(t)),
    }));
    expect(trust.signals.find((s) => s.id === 'endorsed')).toMatchObject({ status: 'positive' });
  });

  it('checks OB 2.0 endorsements at their address on the endorser\'s origin', async () => {
    const BADGE = 'https://badges.example/badges/1';
    const E = 'https://qa.example/endorsements/1';
    const hosted = { '@context': 'https://w3id.org/openbadges/v2', id: E, type: 'Endorsement', issuer: 'https://qa.example/profile', claim: { id: BADGE, endorsementComment: 'Good.' }, verification: { type: 'HostedBadge' } };
    const list = { ...LIST, issuers: [...LIST.issuers, { id: 'https://qa.example/profile', name: 'QA Body', country: 'NL', kind: 'qa-agency', trustedEndorser: true }] };
    const ob2 = (endorsementValue: unknown, served: object = hosted) =>
      assessTrust(
        { format: 'ob2-hosted', verdict: 'valid', issuer: { id: 'https://badges.example/issuer' }, ob2: { badge: { id: BADGE, type: 'BadgeClass', endorsement: [endorsementValue] }, issuerSource: 'https://badges.example/issuer' } },
        { sources: [credlensTrustList(list)], options: opts(server({ [E]: { body: served } })) },
      );
    const good = await ob2(E);
    expect(good.signals.find((s) => s.id === 'endorsed')).toMatchObject({ status: 'positive' });
    expect(good.level).toBe('recognised');
    const elsewhere = await ob2(E, { ...hosted, issuer: 'https://other.example/profile' });
    expect(elsewhere.signals.find((s) => s.id === 'endorsed')).toMatchObject({ status: 'negative' });
    const wrongClaim = await ob2(E, { ...hosted, claim: { id: 'https://badges.example/badges/2' } });
    expect(wrongClaim.signals.find((s) => s.id === 'endorsed')).toMatchObject({ status: 'neutral' });
  });
});

// ---- Caching -----------------------------------------------------------------------------------

describe('caching', () => {
  it('caches each source\'s answers in the options\' cache, but not failures', async () => {
    const url = 'https://registry.example/registry.json';
    const counter = { n: 0 };
    const reg = dccLegacyRegistry({ url });
    const options = opts(server({ [url]: { body: { registry: { 'did:key:z6Mkx': { name: 'X' } } } } }, counter));
    await assessTrust(ob3({ id: 'did:key:z6Mkx' }), { sources: [reg], options });
    await assessTrust(ob3({ id: 'did:key:z6Mkx' }), { sources: [reg], options });
    expect(counter.n).toBe(1);
    const failing = { n: 0 };
    const down = opts(server({}, failing));
    await assessTrust(ob3({ id: 'did:key:z6Mkx' }), { sources: [reg], options: down });
    await assessTrust(ob3({ id: 'did:key:z6Mkx' }), { sources: [reg], options: down });
    expect(failing.n).toBe(2);
  });
});

// ---- Against the demo issuer -------------------------------------------------------------------

describe('demo issuer (real HTTP on loopback)', () => {
  const OPTS: VerifyOptions = { allowPrivateNetwork: true, allowHttpLocalhost: true };
  let keysDir: string;
  let issuer: RunningIssuer;

  beforeAll(async () => {
    keysDir = mkdtempSync(join(tmpdir(), 'credlens-trust-keys-'));
    issuer = await startIssuer({ port: 0, keysDir });
  }, 60_000);

  afterAll(async () => {
    await issuer?.close();
    rmSync(keysDir, { recursive: true, force: true });
  });

  const verifyEndorsement = async (c: Record<string, unknown> | string): Promise<VerifiedCredential> => {
    const r = await verify(c, OPTS);
    const problem = r.checks.find((x) => x.status === 'fail' || x.status === 'error' || x.status === 'unsupported');
    return { verdict: r.verdict, ...(r.credential.issuer.id ? { issuerId: r.credential.issuer.id } : {}), ...(r.credential.issuer.name ? { issuerName: r.credential.issuer.name } : {}), reason: problem?.message ?? 'verified' };
  };

  async function trustOf(slug: string) {
    const cred = issuer.credentials.find((c) => c.slug === slug)!;
    const env = makeEnv(OPTS);
    const result = await fromRaw(classifyInput(cred.url), env);
    const input = trustInputFrom(result, { source: cred.url });
    const sources = [credlensTrustList({ url: `${issuer.origin}/trust/list.json` })];
    return assessTrust(input, { sources, options: env.o, verifyCredential: verifyEndorsement });
  }

  it('recognises the university micro-credential: listed, accredited, endorsed by the QA agency (verified)', async () => {
    const trust = await trustOf('uni-learning-analytics');
    const by = (id: string) => trust.signals.find((s) => s.id === id);
    expect(by('listed')).toMatchObject({ status: 'positive', source: 'CredLens demo trust list (invented organisations)' });
    expect(by('accreditation')).toMatchObject({ status: 'positive' });
    expect(by('endorsed')).toMatchObject({ status: 'positive' });
    expect(by('endorsed')!.message).toContain(issuer.build.issuers.qaAgency.name);
    expect(by('domain-binding')).toMatchObject({ status: 'positive' });
    expect(trust.level).toBe('recognised');
  });

  it('reports the unknown issuer as unknown', async () => {
    const trust = await trustOf('unknown-issuer-ai-strategist');
    expect(trust.level).toBe('unknown');
    expect(trust.signals[0]).toMatchObject({ id: 'not-listed', status: 'neutral' });
  });

  it('knows the listed participation-badge platform (did:key: no domain binding)', async () => {
    const trust = await trustOf('webinar-genai-assessment');
    expect(trust.level).toBe('known');
    expect(trust.signals.find((s) => s.id === 'domain-binding')).toMatchObject({ status: 'neutral' });
  });

  it('knows the listed OB 2.0 hosted issuer, bound to its origin', async () => {
    const trust = await trustOf('educator-digital-pedagogy');
    expect(trust.level).toBe('known');
    expect(trust.signals.find((s) => s.id === 'domain-binding')).toMatchObject({ status: 'positive' });
  });

  it('does not assess the tampered credential', async () => {
    const trust = await trustOf('tampered-statistics');
    expect(trust.signals[0]).toMatchObject({ id: 'not-assessed' });
  });
});
