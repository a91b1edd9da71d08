/**
 * Open Badges 2.0: every ob2-* case of the shared conformance set through `verifyOb2` (urlMap served
 * by an injected fetch, the case's `now`, private network refused), plus unit tests of recipient
 * matching, the hosted policy, revocation lists, dates, extension schemas and signed-badge attacks.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashIdentity, matchIdentity, parseIdentityHash } from '../../sdk/credential/ob2-recipient.js';
import { parseOb2DateTime, checkOb2Dates } from '../../sdk/credential/ob2-dates.js';
import { validateJsonSchema } from '../../sdk/credential/ob2-json-schema.js';
import { normalizeExtensionIri } from '../../sdk/credential/ob2-extension.js';
import { sniffImage } from '../../sdk/credential/ob2-image.js';
import { checkHostedScope, issuerPolicy } from '../../sdk/proof/ob2-hosted.js';
import { findRevoked } from '../../sdk/proof/ob2-signed.js';
import { isOb2, verifyOb2 } from '../../sdk/verify-ob2.js';
import { resolveOptions, type FetchLike } from '../../sdk/options.js';
import { combineVerdict } from '../../sdk/report/verdict.js';
import type { Check } from '../../sdk/report/types.js';
import { extraContexts, fetchFor, hasConformance, loadManifest, readCaseFile, type Case } from '../helpers/conformance.js';

const OB2_FORMATS = new Set(['ob2-hosted', 'ob2-signed', 'ob2-badgeclass', 'ob2-issuer']);

/**
 * Cases where CredLens answers differently from the 1EdTech validator, on purpose (spec text in `why`).
 * Kept as assertions so the difference stays visible and deliberate.
 */
const DEVIATIONS: Record<string, { verdict: string; why: string }> = {
  '1edtech/ob20/rdf-validation/valid-badge-class': {
    verdict: 'invalid',
    why: 'The BadgeClass has no "image". OB 2.0 §BadgeClass marks image as required ("**image** | @id: Image | IRI or document representing an image of the achievement. This must be a PNG or SVG image."); the Java validator treats it as optional.',
  },
  '1edtech/ob20/rdf-validation/valid-badge-class-empty-criteria-type': {
    verdict: 'invalid',
    why: 'Same as valid-badge-class: no BadgeClass "image", which OB 2.0 §BadgeClass requires.',
  },
};

const cases: Case[] = hasConformance ? loadManifest().filter((c) => OB2_FORMATS.has(c.format)) : [];

function optionsFor(c: Case) {
  // Extension contexts are never fetched; like any caller, the test supplies the ones the case names.
  const contexts = extraContexts((c.requires?.contexts ?? []).filter((u) => u.includes('/openbadges/extensions/')));
  return resolveOptions({ now: c.now, fetch: fetchFor(c) as FetchLike, allowPrivateNetwork: false, contexts });
}

function inputFor(c: Case): { json?: Record<string, unknown>; jws?: string } {
  const text = readCaseFile(c.file).toString('utf8');
  return c.file.endsWith('.jwt') ? { jws: text.trim() } : { json: JSON.parse(text) as Record<string, unknown> };
}

function notPassing(checks: Check[]): string {
  return JSON.stringify(checks.filter((k) => k.status !== 'pass'), null, 1);
}

describe.skipIf(!hasConformance)('OB 2.0 conformance cases', () => {
  it('has the 36 OB 2.0 cases the README counts', () => {
    expect(cases).toHaveLength(36);
  });

  for (const c of cases) {
    it(`${c.id} → ${c.expect.verdict}`, async () => {
      const r = await verifyOb2(inputFor(c), optionsFor(c));
      const verdict = combineVerdict(r.checks);
      const deviation = DEVIATIONS[c.id];
      if (deviation) {
        expect(verdict, deviation.why).toBe(deviation.verdict);
        return;
      }
      expect([c.expect.verdict, ...(c.expect.alsoAcceptable ?? [])], notPassing(r.checks)).toContain(verdict);
      for (const id of c.expect.failedChecks ?? []) {
        expect(r.checks.some((k) => k.id === id && k.status === 'fail'), `${id} should fail\n${notPassing(r.checks)}`).toBe(true);
      }
      for (const [id, status] of Object.entries((c.expect.checks ?? {}) as Record<string, string>)) {
        expect(r.checks.filter((k) => k.id === id).map((k) => k.status), id).toContain(status);
      }
      if (c.expect.warning) expect(r.checks.some((k) => k.status === 'warn'), notPassing(r.checks)).toBe(true);
      if (c.format === 'ob2-signed') expect(r.format).toBe('ob2-signed');
      if (c.format === 'ob2-hosted') expect(r.format).toBe('ob2-hosted');
    });
  }

  it('summarises a hosted assertion from its graph', async () => {
    const c = cases.find((k) => k.id === '1edtech/ob20/basic-assertion')!;
    const r = await verifyOb2(inputFor(c), optionsFor(c));
    expect(r.credential).toEqual({
      id: 'https://example.org/beths-robotics-badge.json',
      name: 'Awesome Robotics Badge',
      issuer: { id: 'https://example.org/organization.json', name: 'An Example Badge Issuer', url: 'https://example.org' },
      subject: {},
      issued: '2016-12-31T23:59:59Z',
      achievement: { type: 'BadgeClass', name: 'Awesome Robotics Badge', description: 'For doing awesome things with robots that people think is pretty great.' },
    });
    expect(r.nodes.badge?.id).toBe('https://example.org/robotics-badge.json');
    expect(r.nodes.issuer?.id).toBe('https://example.org/organization.json');
    expect(matchIdentity(r.nodes.assertion!.recipient as object, 'nobody@example.org')).toBe(true);
  });

  it('names the signing key and revocation list of a signed badge', async () => {
    const c = cases.find((k) => k.id === '1edtech/ob20/simple-revoked')!;
    const r = await verifyOb2(inputFor(c), optionsFor(c));
    expect(combineVerdict(r.checks)).toBe('revoked');
    expect(r.checks.find((k) => k.id === 'proof')?.status).toBe('pass');
    expect(r.checks.find((k) => k.id === 'status')?.message).toContain('A good reason, for sure');
    expect(r.nodes.key?.id).toBe('http://example.org/key3.json');
    expect(r.nodes.revocationList?.id).toBe('http://example.org/revocation-list.json');
  });

  it('warns that the hosted policy cannot be enforced for a non-HTTP issuer id', async () => {
    const c = cases.find((k) => k.id === '1edtech/ob20/warning-issuer-non-http')!;
    const r = await verifyOb2(inputFor(c), optionsFor(c));
    expect(r.checks.find((k) => k.id === 'issuer-scope')).toMatchObject({ status: 'warn', code: 'issuer-not-http' });
  });

  it('warns when the badge fetched declares another id on the same host', async () => {
    const c = cases.find((k) => k.id === '1edtech/ob20/warning-with-redirection')!;
    const r = await verifyOb2(inputFor(c), optionsFor(c));
    expect(r.checks.find((k) => k.id === 'badge')).toMatchObject({ status: 'warn', code: 'id-mismatch' });
  });
});

describe('recipient identity', () => {
  const recipient = { type: 'email', hashed: true, salt: 'deadsea', identity: 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942' };

  it('matches a salted sha256 email hash, case-insensitively for the address', () => {
    expect(matchIdentity(recipient, 'nobody@example.org')).toBe(true);
    expect(matchIdentity(recipient, 'Nobody@Example.org')).toBe(true);
    expect(matchIdentity(recipient, ' nobody@example.org ')).toBe(true);
    expect(matchIdentity(recipient, 'somebody@example.org')).toBe(false);
    expect(matchIdentity({ ...recipient, salt: 'other' }, 'nobody@example.org')).toBe(false);
  });

  it('accepts upper-case hex and md5', () => {
    expect(matchIdentity({ ...recipient, identity: recipient.identity.toUpperCase().replace('SHA256', 'sha256') }, 'nobody@example.org')).toBe(true);
    const md5 = hashIdentity('nobody@example.org', 'pepper', 'md5');
    expect(md5).toMatch(/^md5\$[0-9a-f]{32}$/);
    expect(matchIdentity({ type: 'email', hashed: true, salt: 'pepper', identity: md5 }, 'nobody@example.org')).toBe(true);
  });

  it('hashes without salt when none is given (RFC 1321 / FIPS 180-4 test strings)', () => {
    expect(hashIdentity('abc', '', 'md5')).toBe('md5$900150983cd24fb0d6963f7d28e17f72');
    expect(hashIdentity('abc', '', 'sha256')).toBe('sha256$ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(matchIdentity({ type: 'email', hashed: true, identity: 'sha256$ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' }, 'abc')).toBe(true);
  });

  it('compares plain identities: emails case-insensitively, others exactly', () => {
    expect(matchIdentity({ type: 'email', hashed: false, identity: 'Alice@Example.org' }, 'alice@example.org')).toBe(true);
    expect(matchIdentity({ type: 'url', hashed: false, identity: 'https://example.org/Alice' }, 'https://example.org/alice')).toBe(false);
    expect(matchIdentity({ type: 'url', hashed: false, identity: 'https://example.org/alice' }, 'https://example.org/alice')).toBe(true);
  });

  it('never matches malformed hashes or empty candidates', () => {
    expect(matchIdentity({ ...recipient, identity: 'sha256$abc' }, 'nobody@example.org')).toBe(false);
    expect(matchIdentity({ ...recipient, identity: 'sha1$' + 'a'.repeat(40) }, 'nobody@example.org')).toBe(false);
    expect(matchIdentity(recipient, '')).toBe(false);
    expect(parseIdentityHash('md5$' + 'A'.repeat(32))).toEqual({ alg: 'md5', hex: 'a'.repeat(32) });
    expect(parseIdentityHash('sha256$' + 'a'.repeat(63))).toBeUndefined();
  });
});

describe('hosted verification policy', () => {
  const issuer = (verification?: unknown, id = 'https://issuer.example/profile') => ({ id, type: 'Issuer', ...(verification ? { verification } : {}) });
  const status = (cs: Check[]) => cs.map((c) => c.status);

  it('defaults to the host of the issuer id (any scheme, same authority)', () => {
    expect(status(checkHostedScope('https://issuer.example/a/1', issuer(), true))).toEqual(['pass']);
    expect(status(checkHostedScope('http://issuer.example/a/1', issuer(), true))).toEqual(['pass']);
    expect(status(checkHostedScope('https://evil.example/a/1', issuer(), true))).toEqual(['fail']);
    expect(status(checkHostedScope('https://sub.issuer.example/a/1', issuer(), true))).toEqual(['fail']);
    expect(status(checkHostedScope('https://issuer.example:8443/a/1', issuer(), true))).toEqual(['fail']);
  });

  it('honours allowedOrigins (hosts only) and startsWith (prefixes), singly or as lists', () => {
    expect(status(checkHostedScope('https://cdn.example/1', issuer({ allowedOrigins: 'cdn.example' }), true))).toEqual(['pass']);
    expect(status(checkHostedScope('https://issuer.example/1', issuer({ allowedOrigins: ['cdn.example'] }), true))).toEqual(['fail']);
    expect(status(checkHostedScope('https://host.example/badges/1', issuer({ startsWith: 'https://host.example/badges/' }), true))).toEqual(['pass']);
    expect(status(checkHostedScope('https://host.example/other/1', issuer({ startsWith: ['https://host.example/badges/', 'https://x.example/'] }), true))).toEqual(['fail']);
    expect(status(checkHostedScope('https://host.example/badges/1', issuer({ startsWith: 'https://host.example/badges/', allowedOrigins: 'other.example' }), true))).toEqual(['fail']);
  });

  it('warns when the issuer id is not HTTP and no policy is declared', () => {
    const cs = checkHostedScope('https://host.example/1', issuer(undefined, 'urn:uuid:2d391246-6e0d-4dab-906c-b29770bd7aa6'), true);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ status: 'warn', code: 'issuer-not-http' });
  });

  it('ignores a policy from an issuer profile not loaded from its own address', () => {
    const claimed = issuer({ allowedOrigins: 'evil.example' }, 'https://university.example/issuer');
    expect(issuerPolicy(claimed, false).declared).toBe(false);
    expect(status(checkHostedScope('https://evil.example/1', claimed, false))).toEqual(['fail']);
    expect(status(checkHostedScope('https://evil.example/1', claimed, true))).toEqual(['pass']);
  });

  it('warns when the BadgeClass lives outside the issuer origins', () => {
    const cs = checkHostedScope('https://issuer.example/a/1', issuer(), true, 'https://elsewhere.example/badge');
    expect(status(cs)).toEqual(['pass', 'warn']);
  });
});

describe('revocation lists', () => {
  const list = {
    type: 'RevocationList',
    revokedAssertions: [{ id: 'https://x.example/1', revocationReason: 'Awarded in error' }, { id: 'urn:uuid:52e4c6b3-8c13-4fa8-8482-a5cf34ef37a9' }, 'urn:uuid:6deb4a00-ebce-4b28-8cc2-afa705ef7be4', { uid: 'abc123' }],
  };
  it('finds objects with id, bare strings and legacy uids', () => {
    expect(findRevoked(list, 'https://x.example/1')).toEqual({ reason: 'Awarded in error' });
    expect(findRevoked(list, 'urn:uuid:52e4c6b3-8c13-4fa8-8482-a5cf34ef37a9')).toEqual({});
    expect(findRevoked(list, 'urn:uuid:6deb4a00-ebce-4b28-8cc2-afa705ef7be4')).toEqual({});
    expect(findRevoked(list, undefined, 'abc123')).toEqual({});
    expect(findRevoked(list, 'https://x.example/2')).toBeUndefined();
  });
});

describe('OB 2.0 dates', () => {
  it('requires a time zone; seconds and fractions are optional', () => {
    expect(parseOb2DateTime('2016-12-31T23:59:59Z')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
    expect(parseOb2DateTime('2016-12-31T23:59:59+01:00')).toBe(Date.UTC(2016, 11, 31, 22, 59, 59));
    expect(parseOb2DateTime('2017-10-01T00:00Z')).toBe(Date.UTC(2017, 9, 1));
    expect(parseOb2DateTime('2016-12-31T23:59:59.123+0000')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59, 123));
    expect(parseOb2DateTime('2016-12-31T23:59:59')).toBeUndefined();
    expect(parseOb2DateTime('2016-12-31')).toBeUndefined();
    expect(parseOb2DateTime('2016-02-30T00:00:00Z')).toBeUndefined();
    expect(parseOb2DateTime(1483228799)).toBeUndefined();
  });

  it('applies the clock skew to issuance and expiry', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const ids = (a: Record<string, unknown>) => checkOb2Dates(a, now, 300).map((c) => `${c.id}:${c.status}`);
    expect(ids({ issuedOn: '2026-03-01T00:04:00Z' })).toEqual(['issuance:pass', 'expiry:skip']);
    expect(ids({ issuedOn: '2026-03-01T00:06:00Z' })).toEqual(['issuance:fail', 'expiry:skip']);
    expect(ids({ issuedOn: '2020-01-01T00:00:00Z', expires: '2026-02-28T23:56:00Z' })).toEqual(['issuance:pass', 'expiry:pass']);
    expect(ids({ issuedOn: '2020-01-01T00:00:00Z', expires: '2026-02-28T23:54:00Z' })).toEqual(['issuance:pass', 'expiry:fail']);
    expect(ids({ issuedOn: '2022-12-31T00:00:00Z', expires: '2022-11-15T00:00:00Z' })).toEqual(['issuance:pass', 'expiry:fail', 'dates:fail']);
  });
});

describe('extension schemas', () => {
  const schema = { type: 'object', properties: { exampleProperty: { type: 'string' }, url: { type: 'string', format: 'uri' } }, required: ['exampleProperty'] };
  it('validates the keywords extension schemas use', () => {
    expect(validateJsonSchema({ exampleProperty: 'x' }, schema).errors).toEqual([]);
    expect(validateJsonSchema({ exampleProperty: 1337 }, schema).errors).toHaveLength(1);
    expect(validateJsonSchema({}, schema).errors).toHaveLength(1);
    expect(validateJsonSchema({ exampleProperty: 'x', url: 'not a uri' }, schema).errors).toHaveLength(1);
    expect(validateJsonSchema({ a: [1, 2] }, { properties: { a: { type: 'array', items: { type: 'integer' }, maxItems: 1 } } }).errors).toHaveLength(1);
    expect(validateJsonSchema({ a: 'x' }, { anyOf: [{ required: ['b'] }, { required: ['a'] }] }).errors).toEqual([]);
  });
  it('reports keywords it does not implement instead of passing them', () => {
    expect(validateJsonSchema({}, { $ref: 'https://example.org/other.json' }).unsupported).toEqual(['$ref https://example.org/other.json']);
    expect(validateJsonSchema({ a: 1 }, { propertyNames: { maxLength: 3 } }).unsupported).toEqual(['propertyNames']);
  });
  it('treats the OB 1.1 obi:extensions/# namespace as the extensions: namespace', () => {
    expect(normalizeExtensionIri('https://w3id.org/openbadges#extensions/#ExampleExtension')).toBe('https://w3id.org/openbadges/extensions#ExampleExtension');
    expect(normalizeExtensionIri('https://w3id.org/openbadges#Assertion')).toBe('https://w3id.org/openbadges#Assertion');
  });
});

describe('images', () => {
  it('recognises PNG and SVG bytes only', () => {
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffImage(new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(sniffImage(new TextEncoder().encode('<html><body>nope</body></html>'))).toBeUndefined();
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBeUndefined();
  });
});

// A small in-memory web for synthetic badges: URL → JSON (or a status / raw body).
type Served = Record<string, unknown | { status: number; body?: string; type?: string }>;
function web(served: Served): FetchLike {
  return async (input: string) => {
    const url = String(input).split('#')[0]!;
    if (!(url in served)) return new Response('not found', { status: 404 });
    const v = served[url];
    if (v && typeof v === 'object' && 'status' in (v as object)) {
      const s = v as { status: number; body?: string; type?: string };
      return new Response(s.body ?? '', { status: s.status, headers: { 'content-type': s.type ?? 'application/json' } });
    }
    if (v instanceof Uint8Array) return new Response(v as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-type': 'image/png' } });
    return new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const CTX = 'https://w3id.org/openbadges/v2';
const NOW = '2026-03-01T00:00:00Z';

function graph(host = 'https://uni.example') {
  const issuer = { '@context': CTX, type: 'Issuer', id: `${host}/issuer`, name: 'Uni', url: host, email: 'badges@uni.example', publicKey: `${host}/key`, revocationList: `${host}/revoked` };
  const badge = { '@context': CTX, type: 'BadgeClass', id: `${host}/badge`, name: 'Robotics', description: 'Robots.', image: `${host}/badge.png`, criteria: { narrative: 'Build one.' }, issuer: `${host}/issuer` };
  const assertion = {
    '@context': CTX, type: 'Assertion', id: `${host}/a/1`,
    recipient: { type: 'email', hashed: true, salt: 's', identity: hashIdentity('ann@example.org', 's') },
    badge: `${host}/badge`, issuedOn: '2025-01-01T00:00:00Z', verification: { type: 'HostedBadge' },
  };
  return { issuer, badge, assertion, served: { [`${host}/issuer`]: issuer, [`${host}/badge`]: badge, [`${host}/badge.png`]: PNG, [`${host}/revoked`]: { '@context': CTX, type: 'RevocationList', id: `${host}/revoked`, revokedAssertions: [] } } as Served };
}

async function run(input: Parameters<typeof verifyOb2>[0], served: Served) {
  const r = await verifyOb2(input, resolveOptions({ now: NOW, fetch: web(served) }));
  return { ...r, verdict: combineVerdict(r.checks) };
}

describe('hosted badges (synthetic)', () => {
  it('is valid when the graph is consistent', async () => {
    const g = graph();
    const r = await run({ json: g.assertion }, { ...g.served, [g.assertion.id]: g.assertion });
    expect(r.verdict, notPassing(r.checks)).toBe('valid');
    expect(isOb2(g.assertion)).toBe(true);
  });

  it('is revoked when the assertion URL answers 410 Gone', async () => {
    const g = graph();
    const r = await run({ json: g.assertion }, { ...g.served, [g.assertion.id]: { status: 410, body: '{"revoked": true}' } });
    expect(r.verdict).toBe('revoked');
  });

  it('is revoked when the hosted copy says revoked: true', async () => {
    const g = graph();
    const r = await run({ json: g.assertion }, { ...g.served, [g.assertion.id]: { id: g.assertion.id, revoked: true, revocationReason: 'Cheating' } });
    expect(r.verdict).toBe('revoked');
    expect(r.checks.find((c) => c.id === 'status')?.message).toContain('Cheating');
  });

  it('checks the hosted copy, not the one given', async () => {
    const g = graph();
    const forged = { ...g.assertion, expires: '2099-01-01T00:00:00Z' };
    const real = { ...g.assertion, expires: '2025-06-01T00:00:00Z' };
    const r = await run({ json: forged }, { ...g.served, [g.assertion.id]: real });
    expect(r.verdict).toBe('expired');
    expect(r.checks.some((c) => c.code === 'hosted-differs')).toBe(true);
  });

  it('is invalid when the assertion is served for another id, or is gone (404)', async () => {
    const g = graph();
    expect((await run({ json: g.assertion }, { ...g.served, [g.assertion.id]: { ...g.assertion, id: 'https://uni.example/a/2' } })).verdict).toBe('invalid');
    expect((await run({ json: g.assertion }, g.served)).verdict).toBe('invalid');
  });

  it('is unverifiable when the assertion host does not answer', async () => {
    const g = graph();
    const r = await run({ json: g.assertion }, { ...g.served, [g.assertion.id]: { status: 503 } });
    expect(r.verdict).toBe('unverifiable');
  });

  it('is invalid when hosted off the issuer origin, even if an embedded issuer copy allows it', async () => {
    const g = graph();
    const evil = { ...g.assertion, id: 'https://evil.example/a/1', badge: { ...g.badge, issuer: { ...g.issuer, id: 'https://uni.example/gone', verification: { allowedOrigins: 'evil.example' } } } };
    const r = await run({ json: evil }, { ...g.served, [evil.id]: evil });
    expect(r.verdict, notPassing(r.checks)).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'issuer-scope')?.status).toBe('fail');
  });

  it('is invalid when a document speaks for another host that does not confirm it', async () => {
    const g = graph('https://evil.example');
    const fakeIssuer = { ...g.issuer, id: 'https://uni.example/issuer' };
    const r = await run({ json: g.assertion }, { ...g.served, [g.assertion.id]: g.assertion, 'https://evil.example/issuer': fakeIssuer });
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'issuer')).toMatchObject({ status: 'fail' });
  });

  it('is revoked when the issuer revocation list names it', async () => {
    const g = graph();
    const served = { ...g.served, [g.assertion.id]: g.assertion, 'https://uni.example/revoked': { type: 'RevocationList', revokedAssertions: [g.assertion.id] } };
    expect((await run({ json: g.assertion }, served)).verdict).toBe('revoked');
  });

  it('is unverifiable when the revocation list cannot be read', async () => {
    const g = graph();
    const served = { ...g.served, [g.assertion.id]: g.assertion, 'https://uni.example/revoked': { status: 500 } };
    expect((await run({ json: g.assertion }, served)).verdict).toBe('unverifiable');
  });

  it('downloads the images while the badge definition and the issuer load', async () => {
    const g = graph();
    const served = { ...g.served, [g.assertion.id]: { ...g.assertion, image: 'https://uni.example/a/1.png' }, 'https://uni.example/a/1.png': PNG };
    const base = web(served);
    const asked: string[] = [];
    let imagesAsked!: () => void;
    const images = new Promise<void>((r) => (imagesAsked = r));
    // The badge definition and the issuer answer only once both images were asked for (or, against
    // code that loads images afterwards, fail after a second).
    const fetch: FetchLike = async (input, init) => {
      const url = String(input);
      asked.push(url);
      if (asked.includes('https://uni.example/a/1.png') && asked.includes('https://uni.example/badge.png')) imagesAsked();
      if (url === g.issuer.id) {
        const held = await Promise.race([images.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
        if (!held) return new Response('', { status: 503 });
      }
      return base(input, init);
    };
    const r = await verifyOb2({ url: g.assertion.id }, resolveOptions({ now: NOW, fetch }));
    expect(combineVerdict(r.checks), notPassing(r.checks)).toBe('valid');
    expect(r.checks.filter((c) => c.id === 'image').map((c) => c.status)).toEqual(['pass', 'pass']);
    expect(asked.indexOf('https://uni.example/a/1.png')).toBeLessThan(asked.indexOf(g.badge.id));
  });

  it('is invalid when the badge image is not a PNG or SVG', async () => {
    const g = graph();
    const served = { ...g.served, [g.assertion.id]: g.assertion, 'https://uni.example/badge.png': { status: 200, body: 'GIF89a', type: 'image/png' } };
    expect((await run({ json: g.assertion }, served)).verdict).toBe('invalid');
  });

  it('verifies an assertion given only by its URL', async () => {
    const g = graph();
    const r = await run({ url: g.assertion.id }, { ...g.served, [g.assertion.id]: g.assertion });
    expect(r.verdict, notPassing(r.checks)).toBe('valid');
    expect(r.credential.name).toBe('Robotics');
  });

  it('reports Open Badges 1.x (no @context) as unsupported, not as a pass', async () => {
    const r = await run({ json: { uid: 'x', type: 'Assertion', recipient: 'a@b.c', badge: 'https://x.example/b', verify: { type: 'hosted', url: 'https://x.example/a' }, issuedOn: 1 } }, {});
    expect(r.verdict).toBe('unverifiable');
  });
});

describe('signed badges (synthetic)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
  const signJws = (payload: unknown, header: Record<string, unknown> = { alg: 'RS256' }) => {
    const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
    return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  };

  function signedGraph() {
    const g = graph();
    const assertion = { ...g.assertion, id: 'urn:uuid:0b8c7cf4-2f0c-4f7e-9b1e-1b2c3d4e5f60', verification: { type: 'SignedBadge', creator: 'https://uni.example/key' } };
    const key = { '@context': CTX, type: 'CryptographicKey', id: 'https://uni.example/key', owner: 'https://uni.example/issuer', publicKeyPem: pem };
    return { ...g, assertion, key, served: { ...g.served, 'https://uni.example/key': key } };
  }

  it('is valid with a key linked both ways', async () => {
    const g = signedGraph();
    const r = await run({ jws: signJws(g.assertion) }, g.served);
    expect(r.verdict, notPassing(r.checks)).toBe('valid');
    expect(r.format).toBe('ob2-signed');
  });

  it('is invalid when the payload was altered', async () => {
    const g = signedGraph();
    const jws = signJws(g.assertion).split('.');
    jws[1] = b64(JSON.stringify({ ...g.assertion, issuedOn: '2024-01-01T00:00:00Z' }));
    const r = await run({ jws: jws.join('.') }, g.served);
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'proof')?.status).toBe('fail');
  });

  it('is invalid when the key names another owner', async () => {
    const g = signedGraph();
    const r = await run({ jws: signJws(g.assertion) }, { ...g.served, 'https://uni.example/key': { ...g.key, owner: 'https://evil.example/issuer' } });
    expect(r.checks.find((c) => c.id === 'issuer-binding')?.status).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('is invalid when the issuer profile does not list the key', async () => {
    const g = signedGraph();
    const r = await run({ jws: signJws(g.assertion) }, { ...g.served, 'https://uni.example/issuer': { ...g.issuer, publicKey: 'https://uni.example/other-key' } });
    expect(r.checks.find((c) => c.id === 'issuer-binding')?.status).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('is unverifiable when the key cannot be fetched', async () => {
    const g = signedGraph();
    const served = Object.fromEntries(Object.entries(g.served).filter(([u]) => u !== 'https://uni.example/key'));
    expect((await run({ jws: signJws(g.assertion) }, served)).verdict).toBe('unverifiable');
  });

  it('does not take keys from an issuer profile embedded in the signed payload', async () => {
    const g = signedGraph();
    const assertion = { ...g.assertion, badge: { ...g.badge, issuer: { ...g.issuer, id: 'urn:uuid:8d1b6c4e-5f3a-4b2c-9d8e-7f6a5b4c3d2e', publicKey: { id: 'https://uni.example/key', owner: 'urn:uuid:8d1b6c4e-5f3a-4b2c-9d8e-7f6a5b4c3d2e', publicKeyPem: pem } } } };
    const r = await run({ jws: signJws({ ...assertion, verification: { type: 'SignedBadge' } }) }, g.served);
    expect(r.verdict).toBe('unverifiable');
    expect(r.checks.find((c) => c.id === 'issuer-binding')?.status).toBe('error');
  });

  it('without a creator, tries the keys the hosted issuer profile lists (embedded or linked)', async () => {
    const g = signedGraph();
    const assertion = { ...g.assertion, verification: { type: 'SignedBadge' } };
    const embedded = { ...g.served, 'https://uni.example/issuer': { ...g.issuer, publicKey: [{ id: 'https://uni.example/k0', publicKeyPem: pem }] } };
    expect((await run({ jws: signJws(assertion) }, embedded)).verdict).toBe('valid');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const linked = { ...g.served, 'https://uni.example/issuer': { ...g.issuer, publicKey: ['https://uni.example/old', 'https://uni.example/key'] }, 'https://uni.example/old': { ...g.key, id: 'https://uni.example/old', publicKeyPem: other } };
    const r = await run({ jws: signJws(assertion) }, linked);
    expect(r.verdict, notPassing(r.checks)).toBe('valid');
    expect(r.nodes.key?.id).toBe('https://uni.example/key');
  });

  it('refuses alg none and unsupported algorithms', async () => {
    const g = signedGraph();
    const none = `${b64(JSON.stringify({ alg: 'none' }))}.${b64(JSON.stringify(g.assertion))}.${b64('x')}`;
    expect((await run({ jws: none }, g.served)).verdict).toBe('invalid');
    const hs = signJws(g.assertion, { alg: 'HS256' });
    expect((await run({ jws: hs }, g.served)).verdict).toBe('unverifiable');
  });

  it('is unverifiable when a signed assertion comes without its JWS', async () => {
    const g = signedGraph();
    expect((await run({ json: g.assertion }, g.served)).verdict).toBe('unverifiable');
  });
});
