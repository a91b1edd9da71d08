/**
 * Trust sources that speak to registries, each against an injected fetch serving responses in the
 * documented shapes: OpenID Federation registries (DCC style, with intermediates, with bad
 * signatures that must not count), the EBSI Trusted Issuers Registry v5 (RootTAO / TAO / TI /
 * Revoked, ES256K), and DEQAR (found / not found / unreachable, token handling).
 */
import { describe, expect, it } from 'vitest';
import { resolveOptions, type FetchLike } from '../../sdk/options.js';
import { assessTrust, dccOidfRegistry, deqar, ebsiTir, type TrustContext, type TrustInput, type TrustSource } from '../../sdk/trust/index.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const nowS = Math.floor(NOW.getTime() / 1000);

// ---- test doubles ------------------------------------------------------------------------------

type Served = { status?: number; type?: string; body: string | object };
type Seen = { url: string; headers: Record<string, string> };

function server(routes: Record<string, Served | (() => Served)>, seen: Seen[] = []): FetchLike {
  return async (input, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    seen.push({ url: input, headers });
    const r = routes[input];
    if (!r) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const s = typeof r === 'function' ? r() : r;
    const body = typeof s.body === 'string' ? s.body : JSON.stringify(s.body);
    return new Response(body, { status: s.status ?? 200, headers: { 'content-type': s.type ?? 'application/json' } });
  };
}

const offline: FetchLike = async () => {
  throw new TypeError('getaddrinfo ENOTFOUND');
};

function ctxWith(fetch: FetchLike, extra: Partial<TrustContext> = {}): TrustContext {
  return { options: resolveOptions({ fetch, now: NOW }), now: NOW, ...extra };
}

const b64u = (b: Uint8Array | string) => Buffer.from(typeof b === 'string' ? Buffer.from(b, 'utf8') : b).toString('base64url');

interface TestKey {
  kid: string;
  jwk: JsonWebKey & { kid: string };
  privateKey: CryptoKey;
}

async function es256(kid: string): Promise<TestKey> {
  const kp = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pub = await crypto.subtle.exportKey('jwk', kp.publicKey);
  return { kid, privateKey: kp.privateKey, jwk: { kty: 'EC', crv: 'P-256', x: pub.x!, y: pub.y!, kid } };
}

async function sign(header: object, payload: object, key: TestKey): Promise<string> {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, new TextEncoder().encode(input)));
  return `${input}.${b64u(sig)}`;
}

const ES = (key: TestKey, typ = 'entity-statement+jwt') => ({ alg: 'ES256', typ, kid: key.kid });
const jwt = (token: string): Served => ({ body: token, type: 'application/entity-statement+jwt' });
const jwks = (...keys: TestKey[]) => ({ keys: keys.map((k) => k.jwk) });

// ---- OpenID Federation -------------------------------------------------------------------------

describe('OpenID Federation registries (DCC)', () => {
  const TA = 'https://registry.example.org';
  const FETCH = `${TA}/fetch`;
  const ISSUER = 'did:web:oneuni.example.edu';

  async function federation() {
    const ta = await es256('ta-key-1');
    const evil = await es256('ta-key-1'); // same kid, different key
    const taConfig = await sign(ES(ta), {
      iss: TA, sub: TA, iat: nowS - 100, exp: nowS + 86_400, jwks: jwks(ta),
      metadata: { federation_entity: { organization_name: 'Digital Credentials Consortium', federation_fetch_endpoint: FETCH } },
    }, ta);
    const aboutIssuer = (key: TestKey, claims: object = {}) => sign(ES(key), {
      iss: TA, sub: ISSUER, iat: nowS - 100, exp: nowS + 86_400,
      metadata: { federation_entity: { organization_name: 'OneUni University', homepage_uri: 'https://oneuni.example.edu' }, institution_additional_information: { legal_name: 'Board of Trustees of OneUni' } },
      ...claims,
    }, key);
    return { ta, evil, taConfig, aboutIssuer };
  }

  it('lists an issuer whose subordinate statement is signed by the trust anchor (pinned key)', async () => {
    const f = await federation();
    const fetch = server({ [`${TA}/.well-known/openid-federation`]: jwt(f.taConfig), [`${FETCH}?sub=${encodeURIComponent(ISSUER)}`]: jwt(await f.aboutIssuer(f.ta)) });
    const reg = dccOidfRegistry({ trustAnchor: TA, jwks: jwks(f.ta), name: 'DCC Member Registry' });
    const [finding] = await reg.lookup(ISSUER, ctxWith(fetch));
    expect(finding).toMatchObject({ status: 'listed', source: 'DCC Member Registry', entry: { name: 'OneUni University', url: 'https://oneuni.example.edu' } });
    expect(finding!.reason).toMatch(/configured trust anchor key/);
  });

  it('says when the anchor key was not pinned', async () => {
    const f = await federation();
    const fetch = server({ [`${TA}/.well-known/openid-federation`]: jwt(f.taConfig), [`${FETCH}?sub=${encodeURIComponent(ISSUER)}`]: jwt(await f.aboutIssuer(f.ta)) });
    const [finding] = await dccOidfRegistry({ trustAnchor: TA }).lookup(ISSUER, ctxWith(fetch));
    expect(finding).toMatchObject({ status: 'listed' });
    expect(finding!.reason).toMatch(/not pinned/);
  });

  it('does not count a subordinate statement with a bad signature', async () => {
    const f = await federation();
    const fetch = server({ [`${TA}/.well-known/openid-federation`]: jwt(f.taConfig), [`${FETCH}?sub=${encodeURIComponent(ISSUER)}`]: jwt(await f.aboutIssuer(f.evil)) });
    const reg = dccOidfRegistry({ trustAnchor: TA, jwks: jwks(f.ta), name: 'DCC Member Registry' });
    const [finding] = await reg.lookup(ISSUER, ctxWith(fetch));
    expect(finding).toMatchObject({ status: 'unverified', code: 'bad-signature' });
    const trust = await assessTrust({ format: 'ob3-json', verdict: 'valid', issuer: { id: ISSUER } }, { sources: [reg], options: resolveOptions({ fetch, now: NOW }) });
    expect(trust.level).toBe('unknown');
    expect(trust.signals.find((s) => s.id === 'listed')).toMatchObject({ status: 'neutral' });
    expect(trust.signals.some((s) => s.status === 'positive' && s.id === 'listed')).toBe(false);
  });

  it('does not use a registry whose trust anchor configuration is not signed by the pinned key', async () => {
    const f = await federation();
    const forged = await sign(ES(f.evil), { iss: TA, sub: TA, iat: nowS - 100, exp: nowS + 86_400, jwks: jwks(f.evil), metadata: { federation_entity: { federation_fetch_endpoint: FETCH } } }, f.evil);
    const fetch = server({ [`${TA}/.well-known/openid-federation`]: jwt(forged), [`${FETCH}?sub=${encodeURIComponent(ISSUER)}`]: jwt(await f.aboutIssuer(f.evil)) });
    const [finding] = await dccOidfRegistry({ trustAnchor: TA, jwks: jwks(f.ta) }).lookup(ISSUER, ctxWith(fetch));
    expect(finding).toMatchObject({ status: 'unavailable' });
    expect(finding!.reason).toMatch(/was not used/);
  });

  it('refuses statements that are expired, about someone else, of the wrong type, or unsigned', async () => {
    const f = await federation();
    const cases = [
      await f.aboutIssuer(f.ta, { exp: nowS - 3600 }),
      await f.aboutIssuer(f.ta, { sub: 'did:web:other.example' }),
      await sign({ alg: 'ES256', typ: 'JWT', kid: f.ta.kid }, { iss: TA, sub: ISSUER, iat: nowS, exp: nowS + 100 }, f.ta),
      `${b64u(JSON.stringify({ alg: 'none', typ: 'entity-statement+jwt' }))}.${b64u(JSON.stringify({ iss: TA, sub: ISSUER, iat: nowS, exp: nowS + 100 }))}.`,
      await f.aboutIssuer(f.ta, { crit: ['trust_marks'] }),
    ];
    for (const token of cases) {
      const fetch = server({ [`${TA}/.well-known/openid-federation`]: jwt(f.taConfig), [`${FETCH}?sub=${encodeURIComponent(ISSUER)}`]: jwt(token) });
      const [finding] = await dccOidfRegistry({ trustAnchor: TA, jwks: jwks(f.ta) }).lookup(ISSUER, ctxWith(fetch));
      expect(finding!.status).toBe('unverified');
    }
  });

  it('reports an issuer the anchor does not know as not listed, and an unreachable registry as unavailable', async () => {
    const f = await federation();
    const fetch = server({ [`${TA}/.well-known/openid-federation`]: jwt(f.taConfig) }); // fetch endpoint answers 404
    const [nf] = await dccOidfRegistry({ trustAnchor: TA, jwks: jwks(f.ta) }).lookup(ISSUER, ctxWith(fetch));
    expect(nf).toMatchObject({ status: 'not-listed' });
    const [off] = await dccOidfRegistry({ trustAnchor: TA, jwks: jwks(f.ta) }).lookup(ISSUER, ctxWith(offline));
    expect(off).toMatchObject({ status: 'unavailable' });
    expect(off!.reason).toMatch(/could not be consulted/);
  });

  it('validates a chain through an intermediate from the issuer\'s own entity configuration', async () => {
    const f = await federation();
    const inter = await es256('inter-1');
    const leaf = await es256('leaf-1');
    const rogue = await es256('leaf-1');
    const INTER = 'https://federation.university-alliance.example';
    const LEAF = 'https://credentials.uni.example';
    const iFetch = `${INTER}/fetch`;
    const interConfig = await sign(ES(inter), { iss: INTER, sub: INTER, iat: nowS, exp: nowS + 3600, jwks: jwks(inter), authority_hints: [TA], metadata: { federation_entity: { federation_fetch_endpoint: iFetch } } }, inter);
    const taAboutInter = await sign(ES(f.ta), { iss: TA, sub: INTER, iat: nowS, exp: nowS + 3600, jwks: jwks(inter) }, f.ta);
    const interAboutLeaf = await sign(ES(inter), { iss: INTER, sub: LEAF, iat: nowS, exp: nowS + 3600, jwks: jwks(leaf) }, inter);
    const leafConfig = (key: TestKey) => sign(ES(key), { iss: LEAF, sub: LEAF, iat: nowS, exp: nowS + 3600, jwks: jwks(key), authority_hints: [INTER], metadata: { federation_entity: { organization_name: 'Example University' } } }, key);
    const routes = (leafEc: string) => ({
      [`${TA}/.well-known/openid-federation`]: jwt(f.taConfig),
      [`${LEAF}/.well-known/openid-federation`]: jwt(leafEc),
      [`${INTER}/.well-known/openid-federation`]: jwt(interConfig),
      [`${FETCH}?sub=${encodeURIComponent(INTER)}`]: jwt(taAboutInter),
      [`${iFetch}?sub=${encodeURIComponent(LEAF)}`]: jwt(interAboutLeaf),
    });
    const reg = dccOidfRegistry({ trustAnchor: TA, jwks: jwks(f.ta) });
    const [good] = await reg.lookup(LEAF, ctxWith(server(routes(await leafConfig(leaf)))));
    expect(good).toMatchObject({ status: 'listed', entry: { name: 'Example University' } });
    expect(good!.reason).toContain(INTER);
    // The leaf's configuration signed with a key its superior does not vouch for: not counted.
    const [bad] = await reg.lookup(LEAF, ctxWith(server(routes(await leafConfig(rogue)))));
    expect(bad).toMatchObject({ status: 'unverified' });
    // The intermediate's statement about the leaf signed by the wrong key: not counted either.
    const forgedAboutLeaf = await sign(ES({ ...rogue, kid: 'inter-1' }), { iss: INTER, sub: LEAF, iat: nowS, exp: nowS + 3600, jwks: jwks(rogue) }, { ...rogue, kid: 'inter-1' });
    const r2 = { ...routes(await leafConfig(rogue)), [`${iFetch}?sub=${encodeURIComponent(LEAF)}`]: jwt(forgedAboutLeaf) };
    const [bad2] = await reg.lookup(LEAF, ctxWith(server(r2)));
    expect(bad2!.status).toBe('unverified');
  });
});

// ---- EBSI TIR ----------------------------------------------------------------------------------

describe('EBSI Trusted Issuers Registry v5', () => {
  const BASE = 'https://api-pilot.ebsi.eu/trusted-issuers-registry/v5';
  const DIDREG = 'https://api-pilot.ebsi.eu/did-registry/v5';
  const ISSUER = 'did:ebsi:zZeKyEJfUTGwajhNyNX928z';
  const TAO = 'did:ebsi:zTaoAccreditationOrg000001';

  async function setup() {
    const taoKey = await es256(`${TAO}#key-1`);
    const didDoc = { '@context': 'https://www.w3.org/ns/did/v1', id: TAO, verificationMethod: [{ id: `${TAO}#key-1`, type: 'JsonWebKey2020', controller: TAO, publicKeyJwk: { kty: 'EC', crv: 'P-256', x: taoKey.jwk.x, y: taoKey.jwk.y } }], assertionMethod: [`${TAO}#key-1`] };
    const accreditation = (type: string, claims: object = {}, key = taoKey) => sign({ alg: 'ES256', typ: 'JWT', kid: key.kid }, {
      iss: TAO, sub: ISSUER, iat: nowS - 1000, nbf: nowS - 1000, exp: nowS + 86_400 * 365,
      vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential', 'VerifiableAttestation', type], issuer: TAO, credentialSubject: { id: ISSUER } },
      ...claims,
    }, key);
    return { taoKey, didDoc, accreditation };
  }

  const attr = (issuerType: string, body: string) => ({ hash: 'ab'.repeat(32), body, issuerType, tao: TAO, rootTao: 'did:ebsi:zRootTao0000000000000001' });

  it('maps TI, TAO and RootTAO with verified accreditations to listed, and revoked to revoked', async () => {
    const s = await setup();
    const cases: [string, string, string][] = [
      ['TI', 'VerifiableAccreditationToAttest', 'Trusted Issuer'],
      ['TAO', 'VerifiableAccreditationToAccredit', 'Trusted Accreditation Organisation'],
      ['RootTAO', 'VerifiableAuthorisationForTrustChain', 'Root Trusted Accreditation Organisation'],
    ];
    for (const [type, vcType, words] of cases) {
      const fetch = server({ [`${BASE}/issuers/${ISSUER}`]: { body: { did: ISSUER, attributes: [attr(type, await s.accreditation(vcType))] } }, [`${DIDREG}/identifiers/${TAO}`]: { body: s.didDoc } });
      const [f] = await ebsiTir({ baseUrl: BASE }).lookup(ISSUER, ctxWith(fetch));
      expect(f, type).toMatchObject({ status: 'listed', entry: { kind: type } });
      expect(f!.reason).toContain(words);
      expect(f!.trustedEndorser ?? false).toBe(type !== 'TI');
    }
    const fetch = server({ [`${BASE}/issuers/${ISSUER}`]: { body: { did: ISSUER, attributes: [attr('Revoked', await s.accreditation('VerifiableAccreditationToAttest'))] } } });
    const reg = ebsiTir({ baseUrl: BASE });
    const [rev] = await reg.lookup(ISSUER, ctxWith(fetch));
    expect(rev).toMatchObject({ status: 'revoked' });
    const trust = await assessTrust({ format: 'ob3-json', verdict: 'valid', issuer: { id: ISSUER } }, { sources: [reg], options: resolveOptions({ fetch, now: NOW }) });
    expect(trust.level).toBe('distrusted');
    expect(trust.signals[0]).toMatchObject({ id: 'revoked-issuer', status: 'negative' });
  });

  it('follows the current response shape (attributes by link)', async () => {
    const s = await setup();
    const listUrl = `${BASE}/issuers/${ISSUER}/attributes`;
    const href = `${listUrl}/${'ab'.repeat(32)}`;
    const fetch = server({
      [`${BASE}/issuers/${ISSUER}`]: { body: { did: ISSUER, attributes: listUrl, hasAttributes: true } },
      [listUrl]: { body: { self: listUrl, items: [{ id: 'ab'.repeat(32), href }], total: 1, pageSize: 10, links: {} } },
      [href]: { body: { did: ISSUER, attribute: attr('TI', await s.accreditation('VerifiableAccreditationToAttest')) } },
      [`${DIDREG}/identifiers/${TAO}`]: { body: s.didDoc, type: 'application/did+ld+json' },
    });
    const [f] = await ebsiTir({ baseUrl: BASE }).lookup(ISSUER, ctxWith(fetch));
    expect(f).toMatchObject({ status: 'listed' });
  });

  it('does not count accreditations it cannot verify: ES256K, a bad signature, a wrong subject, an expired one', async () => {
    const s = await setup();
    const other = await es256(`${TAO}#key-1`);
    const es256k = `${b64u(JSON.stringify({ alg: 'ES256K', typ: 'JWT', kid: `${TAO}#key-1` }))}.${b64u(JSON.stringify({ iss: TAO, sub: ISSUER }))}.${b64u(new Uint8Array(64))}`;
    const bodies: [string, RegExp][] = [
      [es256k, /signature not checked.*ES256K/],
      [await s.accreditation('VerifiableAccreditationToAttest', {}, other), /does not verify/],
      [await s.accreditation('VerifiableAccreditationToAttest', { sub: 'did:ebsi:zSomeoneElse', vc: { credentialSubject: { id: 'did:ebsi:zSomeoneElse' } } }), /not did:ebsi/],
      [await s.accreditation('VerifiableAccreditationToAttest', { exp: nowS - 86_400 }), /expired/],
      [Buffer.from(await s.accreditation('VerifiableAccreditationToAttest', { exp: nowS - 86_400 })).toString('base64'), /expired/],
    ];
    for (const [body, why] of bodies) {
      const fetch = server({ [`${BASE}/issuers/${ISSUER}`]: { body: { did: ISSUER, attributes: [attr('TI', body)] } }, [`${DIDREG}/identifiers/${TAO}`]: { body: s.didDoc } });
      const reg = ebsiTir({ baseUrl: BASE });
      const [f] = await reg.lookup(ISSUER, ctxWith(fetch));
      expect(f!.status).toBe('unverified');
      expect(f!.reason).toMatch(why);
      const trust = await assessTrust({ format: 'ob3-json', verdict: 'valid', issuer: { id: ISSUER } }, { sources: [reg], options: resolveOptions({ fetch, now: NOW }) });
      expect(trust.signals.find((x) => x.id === 'listed')).toMatchObject({ status: 'neutral' });
      expect(trust.level).toBe('unknown');
    }
  });

  it('reports unregistered DIDs, unreachable registries and non-DID issuers', async () => {
    const [nf] = await ebsiTir({ baseUrl: BASE }).lookup(ISSUER, ctxWith(server({})));
    expect(nf).toMatchObject({ status: 'not-listed' });
    const [off] = await ebsiTir({ baseUrl: BASE }).lookup(ISSUER, ctxWith(offline));
    expect(off).toMatchObject({ status: 'unavailable' });
    expect(await ebsiTir({ baseUrl: BASE }).lookup('https://issuer.example/profile', ctxWith(offline))).toEqual([]);
  });
});

// ---- DEQAR -------------------------------------------------------------------------------------

describe('DEQAR', () => {
  const API = 'https://backend.deqar.eu/webapi/v2';
  const institution = { id: 382, deqar_id: 'DEQARINST0382', name_primary: 'Aachen University', name_official_display: 'RWTH Aachen', website_link: 'http://www.rwth-aachen.de', country: ['Germany'] };
  const report = (over: object = {}) => ({
    id: 47914, agency_name: 'Swiss Agency of Accreditation and Quality Assurance', agency_acronym: 'AAQ', agency_id: 3,
    agency_esg_activity: 'System accreditation in Germany', agency_esg_activity_type: 'institutional', name: 'System accreditation',
    institutions: [{ id: 382, deqar_id: 'DEQARINST0382', name_primary: 'Aachen University', website_link: 'http://www.rwth-aachen.de' }],
    report_valid: true, valid_from: '2018-09-14', valid_to: '2030-09-30', status: 'part of obligatory EQA system', decision: 'positive', flag: 'none',
    ...over,
  });
  const search = `${API}/browse/institutions/?query=Aachen+University&limit=10`;
  const reports = `${API}/browse/reports/institutional/by-institution/382/?limit=50`;
  const routes = (r: object[]) => ({ [search]: { body: { count: 1, results: [institution] } }, [reports]: { body: { count: r.length, next: null, previous: null, results: r } } });
  const input = (id: string, url?: string): TrustInput => ({ format: 'ob3-json', verdict: 'valid', issuer: { id, name: 'Aachen University', ...(url ? { url } : {}) } });

  it('finds an institution by its website with a valid report: external QA naming the agency, when the domain is bound', async () => {
    const seen: Seen[] = [];
    const fetch = server(routes([report()]), seen);
    const source = deqar({ token: 'secret-token' });
    const trust = await assessTrust(input('did:web:www.rwth-aachen.de', 'https://www.rwth-aachen.de/'), { sources: [source], options: resolveOptions({ fetch, now: NOW }) });
    const qa = trust.signals.find((s) => s.id === 'external-qa');
    expect(qa).toMatchObject({ status: 'positive', source: 'DEQAR' });
    expect(qa!.message).toContain('Swiss Agency of Accreditation and Quality Assurance');
    expect(trust.level).toBe('known');
    expect(seen.every((r) => r.headers.authorization === 'Bearer secret-token')).toBe(true);
  });

  it('does not count a match the issuer is not bound to (did:key issuer, or a name only)', async () => {
    const fetch = server(routes([report()]));
    const a = await assessTrust(input('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'https://www.rwth-aachen.de/'), { sources: [deqar()], options: resolveOptions({ fetch, now: NOW }) });
    expect(a.signals.find((s) => s.id === 'external-qa')).toMatchObject({ status: 'neutral' });
    expect(a.level).toBe('unknown');
    const b = await assessTrust(input('did:web:aachen-university.example'), { sources: [deqar()], options: resolveOptions({ fetch, now: NOW }) });
    expect(b.signals.find((s) => s.id === 'external-qa')!.message).toMatch(/only by the name/);
    expect(b.level).toBe('unknown');
  });

  it('matches a did:ebsi issuer by its identifier in DEQAR', async () => {
    const did = 'did:ebsi:ziBBPgHRMxmPaKmW1TCm9Cj';
    const fetch = server({
      [`${API}/browse/institutions/by-identifier/DID-EBSI/${did}/`]: { body: { id: 382, name_primary: 'Aachen University', website_link: 'http://www.rwth-aachen.de', countries: [{ country: { iso_3166_alpha2: 'DE', name_english: 'Germany' } }] } },
      [reports]: { body: { count: 1, results: [report()] } },
    });
    const [f] = await deqar().lookup(did, ctxWith(fetch));
    expect(f).toMatchObject({ status: 'listed', matchedBy: 'id', entry: { country: 'DE' }, qa: { agency: 'Swiss Agency of Accreditation and Quality Assurance', agencyAcronym: 'AAQ', decision: 'positive' } });
  });

  it('reports no valid report, not found, and unreachable as neutral', async () => {
    const ctx = ctxWith(server(routes([report({ report_valid: false, valid_to: '2024-09-30' })])), { issuerName: 'Aachen University', issuerUrl: 'https://www.rwth-aachen.de' });
    const [expired] = await deqar().lookup('did:web:www.rwth-aachen.de', ctx);
    expect(expired).toMatchObject({ status: 'not-listed' });
    expect(expired!.reason).toMatch(/none of its institutional quality-assurance reports is currently valid/);
    const [nf] = await deqar().lookup('did:web:x.example', ctxWith(server({ [`${API}/browse/institutions/?query=Nowhere+College&limit=10`]: { body: { count: 0, results: [] } } }), { issuerName: 'Nowhere College' }));
    expect(nf).toMatchObject({ status: 'not-listed' });
    const [off] = await deqar().lookup('did:web:x.example', ctxWith(offline, { issuerName: 'Nowhere College' }));
    expect(off).toMatchObject({ status: 'unavailable' });
    const unauth = server({ [`${API}/browse/institutions/?query=Nowhere+College&limit=10`]: { status: 401, body: { detail: 'Authentication credentials were not provided.' } } });
    const [denied] = await deqar().lookup('did:web:x.example', ctxWith(unauth, { issuerName: 'Nowhere College' }));
    expect(denied).toMatchObject({ status: 'unavailable', code: 'http-status' });
    expect(await deqar().lookup('did:web:x.example', ctxWith(offline))).toEqual([]);
  });

  it('sends the token to DEQAR only, never to another host it redirects to', async () => {
    const seen: Seen[] = [];
    const base = server(routes([report()]), seen);
    const fetch: FetchLike = async (url, init) => {
      if (url === search) {
        seen.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
        return new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/search' } });
      }
      return base(url, init);
    };
    await deqar({ token: 'secret-token' }).lookup('did:web:www.rwth-aachen.de', ctxWith(fetch, { issuerName: 'Aachen University' }));
    expect(seen.find((r) => r.url === search)!.headers.authorization).toBe('Bearer secret-token');
    expect(seen.find((r) => r.url.startsWith('https://elsewhere.example'))!.headers.authorization).toBeUndefined();
  });
});

/** Sources must never throw, whatever they are given. */
describe('robustness', () => {
  it('turns garbage answers into unavailable or unverified findings', async () => {
    const garbage = server(Object.fromEntries(
      ['https://r.example/.well-known/openid-federation', 'https://tir.example/issuers/did:ebsi:zX', 'https://backend.deqar.eu/webapi/v2/browse/institutions/?query=X&limit=10']
        .map((u) => [u, { body: '{"not": "what was expected"', type: 'application/json' }]),
    ));
    const sources: TrustSource[] = [dccOidfRegistry({ trustAnchor: 'https://r.example' }), ebsiTir({ baseUrl: 'https://tir.example' }), deqar()];
    for (const s of sources) {
      const findings = await s.lookup('did:ebsi:zX', ctxWith(garbage, { issuerName: 'X' }));
      for (const f of findings) expect(['unavailable', 'unverified', 'not-listed']).toContain(f.status);
    }
  });
});
