/**
 * Forgeries that must never come out `valid`: keys whose controller is claimed rather than shown,
 * keys not authorised for assertions, keys carried inside the credential, and JSON rewritten into
 * an equivalent form so that a check reading the JSON would miss a date or a status.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../sdk/index.js';
import { newKey, signJcs, signJwt } from '../helpers/sign.js';

const NOW = '2026-03-01T00:00:00Z';
const VICTIM = 'did:web:victim.example';
const ATTACKER = 'did:web:attacker.example';

function credential(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: 'urn:uuid:7d3c1e2a-0000-4000-8000-000000000001',
    type: ['VerifiableCredential'],
    issuer,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner' },
    ...extra,
  };
}

function web(docs: Record<string, unknown>) {
  const fetched: string[] = [];
  const fetch = async (url: string) => {
    fetched.push(url);
    const doc = docs[url];
    return doc === undefined ? new Response('no', { status: 404 }) : new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, fetched };
}
const didDoc = (id: string, methods: Record<string, unknown>[], assertion: string[]) => ({ '@context': ['https://www.w3.org/ns/did/v1'], id, verificationMethod: methods, assertionMethod: assertion });

describe('forgeries', () => {
  const key = newKey();

  it("a did:web method whose controller names the victim does not make the victim the signer", async () => {
    const vm = `${ATTACKER}#k`;
    const { fetch } = web({ 'https://attacker.example/.well-known/did.json': didDoc(ATTACKER, [{ id: vm, type: 'Multikey', controller: VICTIM, publicKeyMultibase: key.multibase }], [vm]) });
    const r = await verify(signJcs(credential(VICTIM), key, vm), { fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
  });

  it('a key document that claims the victim as controller is not believed on its own word', async () => {
    const vm = 'https://attacker.example/key';
    const keyDoc = { id: vm, type: 'Multikey', controller: 'https://victim.example/issuer', publicKeyMultibase: key.multibase };
    const victimDoc = { id: 'https://victim.example/issuer', assertionMethod: [] };
    const r = await verify(signJcs(credential('https://victim.example/issuer'), key, vm), { fetch: web({ [vm]: keyDoc, 'https://victim.example/issuer': victimDoc }).fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    const unreachable = await verify(signJcs(credential('https://victim.example/issuer'), key, vm), { fetch: web({ [vm]: keyDoc }).fetch, now: NOW });
    expect(unreachable.verdict).toBe('unverifiable');
  });

  it('a controller document served from one address cannot claim to be another', async () => {
    const vm = 'https://attacker.example/doc#k';
    const doc = { id: 'https://victim.example/issuer', verificationMethod: [{ id: 'https://victim.example/issuer#k', type: 'Multikey', controller: 'https://victim.example/issuer', publicKeyMultibase: key.multibase }], assertionMethod: ['#k'] };
    const r = await verify(signJcs(credential('https://victim.example/issuer'), key, vm), { fetch: web({ 'https://attacker.example/doc': doc }).fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
  });

  it('a genuine https controller document works', async () => {
    const issuer = 'https://issuer.example/profile';
    const vm = `${issuer}#key-1`;
    const doc = { id: issuer, verificationMethod: [{ id: vm, type: 'Multikey', controller: issuer, publicKeyMultibase: key.multibase }], assertionMethod: [vm] };
    const r = await verify(signJcs(credential(issuer), key, vm), { fetch: web({ [issuer]: doc }).fetch, now: NOW });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
  });

  it('a key not listed under assertionMethod cannot issue (Data Integrity and JWT)', async () => {
    const vm = `${VICTIM}#k`;
    const doc = { ...didDoc(VICTIM, [{ id: vm, type: 'Multikey', controller: VICTIM, publicKeyMultibase: key.multibase, publicKeyJwk: key.jwk }], []), keyAgreement: [vm] };
    const { fetch } = web({ 'https://victim.example/.well-known/did.json': doc });
    expect((await verify(signJcs(credential(VICTIM), key, vm), { fetch, now: NOW })).verdict).toBe('invalid');
    const jwt = signJwt({ kid: vm, typ: 'vc+jwt' }, credential(VICTIM), key);
    expect((await verify(jwt, { fetch, now: NOW })).verdict).toBe('invalid');
  });

  it('a JWT carrying its own key in the header does not prove who issued it', async () => {
    const jwt = signJwt({ typ: 'vc+jwt', jwk: key.jwk }, { ...credential('https://www.credly.com/issuer/mit'), iss: 'https://www.credly.com/issuer/mit' }, key);
    const r = await verify(jwt, { fetch: web({}).fetch, now: NOW });
    expect(r.verdict).toBe('unverifiable');
    expect(r.checks.find((c) => c.id === 'issuer-binding')).toMatchObject({ status: 'error', code: 'self-asserted-key' });
    const optIn = await verify(jwt, { fetch: web({}).fetch, now: NOW, trustEmbeddedKeys: true });
    expect(optIn.verdict).toBe('valid');
    expect(optIn.checks.find((c) => c.id === 'issuer-binding')?.status).toBe('warn');
  });

  describe('JSON rewritten into an equivalent form is refused, not misread', () => {
    const issuer = `did:key:${key.multibase}`;
    const vm = `${issuer}#${key.multibase}`;
    it.each([
      ['validUntil as a value object', { validUntil: { '@value': '2020-01-01T00:00:00Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' } }],
      ['validUntil as an array', { validUntil: ['2020-01-01T00:00:00Z'] }],
      ['validUntil spelled as an IRI', { 'https://www.w3.org/2018/credentials#validUntil': '2020-01-01T00:00:00Z' }],
      ['credentialStatus spelled as an IRI', { 'https://www.w3.org/2018/credentials#credentialStatus': { id: 'https://x.example/s#1', type: 'BitstringStatusListEntry' } }],
    ])('%s', async (_name, extra) => {
      const r = await verify(signJcs(credential(issuer, extra), key, vm), { now: NOW });
      expect(r.verdict).toBe('invalid');
    });
  });
});

describe('robustness', () => {
  it('objects whose toString is not a function do not crash verify()', async () => {
    for (const bad of [{ toString: null }, { toString: 1 }, { valueOf: null, toString: null }]) {
      const doc = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', bad], issuer: 'did:example:x', credentialSubject: {}, proof: { type: bad }, credentialStatus: { type: bad, statusPurpose: bad } };
      const r = await verify(JSON.stringify(doc), { now: NOW });
      expect(r.verdict).toBe('invalid');
    }
  });

  it('proof: null is an unsigned credential', async () => {
    const r = await verify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: 'did:example:x', credentialSubject: {}, proof: null }, { now: NOW });
    expect(r.checks.find((c) => c.id === 'proof')).toMatchObject({ code: 'no-proof' });
  });

  it('a forged credential does not make CredLens fetch the status lists it names', async () => {
    const { fetch, fetched } = web({});
    const entries = Array.from({ length: 20 }, (_, i) => ({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: `https://slow.example/list/${i}` }));
    const r = await verify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: 'did:example:x', credentialSubject: {}, credentialStatus: entries }, { fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(fetched).toEqual([]);
  });

  it('a redirect whose target the runtime hides is not followed', async () => {
    const fetch = async () => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    await expect(verify('https://public.example/badge', { fetch, now: NOW })).rejects.toMatchObject({ code: 'blocked-address' });
  });
});

describe('did:jwk issuers', () => {
  it('a VC-JWT whose issuer is the did:jwk of its key verifies; another key does not', async () => {
    const key = newKey();
    const did = `did:jwk:${Buffer.from(JSON.stringify(key.jwk)).toString('base64url')}`;
    const vc = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: did, validFrom: '2025-01-01T00:00:00Z', credentialSubject: { id: 'did:example:learner' } };
    const good = signJwt({ kid: `${did}#0`, typ: 'vc+jwt' }, { ...vc, iss: did }, key);
    expect((await verify(good, { now: NOW })).verdict).toBe('valid');
    const bad = signJwt({ kid: `${did}#0`, typ: 'vc+jwt' }, { ...vc, iss: did }, newKey());
    expect((await verify(bad, { now: NOW })).verdict).toBe('invalid');
  });
});
