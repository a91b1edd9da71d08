/**
 * The demo issuer (demo/issuer/): every credential it publishes gets, through real HTTP on
 * loopback, the verdict it promises; its valid OB 3.0 Data Integrity credentials also verify with
 * Digital Bazaar's @digitalbazaar/vc; and it serves what it should (DID documents, status and trust
 * lists, CORS, 404s, no path traversal) with keys that persist across restarts.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as rdfcSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createVerifyCryptosuite as jcsVerify } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { verify } from '../../sdk/index.js';
import { contextLoader, findContext } from '../../sdk/contexts/index.js';
import { extractFromPng } from '../../sdk/input/png.js';
import { extractFromSvg } from '../../sdk/input/svg.js';
import { parseCompactJws } from '../../sdk/input/jwt.js';
import { didWebUrl } from '../../sdk/keys/did-web.js';
import { canonizeGeneral } from '../../sdk/proof/canonize.js';
import { startIssuer, safePath, type RunningIssuer } from '../../demo/issuer/server.js';
import { DEMO_PERSON, type DemoCredential } from '../../demo/types.js';
import { identityHash } from '../../demo/issuer/credentials.js';

const OPTS = { allowPrivateNetwork: true, allowHttpLocalhost: true } as const;

let keysDir: string;
let issuer: RunningIssuer;

beforeAll(async () => {
  keysDir = mkdtempSync(join(tmpdir(), 'credlens-demo-keys-'));
  issuer = await startIssuer({ port: 0, keysDir });
}, 60_000);

afterAll(async () => {
  await issuer?.close();
  rmSync(keysDir, { recursive: true, force: true });
});

const byslug = (slug: string): DemoCredential => {
  const c = issuer.credentials.find((x) => x.slug === slug);
  if (!c) throw new Error(`no demo credential ${slug}`);
  return c;
};

const problems = (r: Awaited<ReturnType<typeof verify>>) =>
  JSON.stringify(r.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip'), null, 1);

async function getJson(url: string): Promise<any> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return res.json();
}

describe('the demo issuer', () => {
  it('publishes the credential kinds of issue 3, with stable slugs and absolute URLs on its origin', () => {
    const slugs = issuer.credentials.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(expect.arrayContaining([
      'uni-learning-analytics', 'webinar-genai-assessment', 'vendor-data-engineer', 'educator-digital-pedagogy',
      'ob2-signed-gdpr-practitioner', 'uni-research-data-revoked', 'bootcamp-fullstack-revoked', 'educator-blended-learning-revoked',
      'first-aid-expired', 'tampered-statistics', 'unknown-issuer-ai-strategist', 'other-person-python', 'elm-learning-analytics',
    ]));
    expect(issuer.origin).toBe(`http://localhost:${issuer.port}`);
    for (const c of issuer.credentials) {
      expect(c.url.startsWith(issuer.origin + '/'), c.url).toBe(true);
      if (c.imageUrl) expect(c.imageUrl.startsWith(issuer.origin + '/')).toBe(true);
      expect(c.issued).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.title && c.issuerName && c.format && c.note).toBeTruthy();
    }
    const verdicts = new Set(issuer.credentials.map((c) => c.expect));
    expect([...verdicts].sort()).toEqual(['expired', 'invalid', 'revoked', 'valid']);
  });

  it('every credential URL gets its expected verdict through real HTTP', async () => {
    for (const c of issuer.credentials) {
      const r = await verify(c.url, OPTS);
      expect(r.verdict, `${c.slug}: ${problems(r)}`).toBe(c.expect);
    }
  });

  it('every baked image gets the same verdict as its credential', async () => {
    const baked = issuer.credentials.filter((c) => c.imageUrl);
    expect(baked.map((c) => c.slug).sort()).toEqual(['educator-digital-pedagogy', 'ob2-signed-gdpr-practitioner', 'uni-learning-analytics']);
    for (const c of baked) {
      const r = await verify(c.imageUrl!, OPTS);
      expect(r.verdict, `${c.slug} image: ${problems(r)}`).toBe(c.expect);
    }
  });

  it('reports the formats and reasons the demo relies on', async () => {
    const expectFormat: Record<string, string> = {
      'uni-learning-analytics': 'ob3-json',
      'webinar-genai-assessment': 'ob3-json',
      'vendor-data-engineer': 'ob3-jwt',
      'educator-digital-pedagogy': 'ob2-hosted',
      'ob2-signed-gdpr-practitioner': 'ob2-signed',
      'elm-learning-analytics': 'elm',
    };
    for (const [slug, format] of Object.entries(expectFormat)) {
      const r = await verify(byslug(slug).url, OPTS);
      expect(r.format, slug).toBe(format);
    }
    const uni = await verify(byslug('uni-learning-analytics').url, OPTS);
    expect(uni.checks.find((c) => c.id === 'status')?.status).toBe('pass'); // its status list entry was really checked
    expect(uni.credential.issuer.id).toBe(`did:web:localhost%3A${issuer.port}:issuers:th-donaustadt`);
    const tampered = await verify(byslug('tampered-statistics').url, OPTS);
    expect(tampered.checks.find((c) => c.id === 'proof')?.code).toBe('bad-signature');
    const bitstring = await verify(byslug('uni-research-data-revoked').url, OPTS);
    expect(bitstring.checks.find((c) => c.id === 'status')?.code).toBe('revoked');
    const onedtech = await verify(byslug('bootcamp-fullstack-revoked').url, OPTS);
    expect(onedtech.checks.find((c) => c.id === 'status')?.message).toMatch(/capstone project/);
    const vendor = await verify(byslug('vendor-data-engineer').url, OPTS);
    expect(vendor.credential.expires).toBeDefined();
    expect(vendor.checks.find((c) => c.id === 'expiry')?.status).toBe('pass');
    expect(vendor.checks.filter((c) => c.status === 'warn')).toEqual([]);
    const other = await verify(byslug('other-person-python').url, OPTS);
    expect(other.credential.subject.name).not.toBe(DEMO_PERSON.name);
  });

  it("the QA agency's endorsement and the university's status list verify on their own", async () => {
    for (const url of [issuer.build.extras.endorsementUrl, issuer.build.extras.statusListUrl]) {
      const r = await verify(url, OPTS);
      expect(r.verdict, `${url}: ${problems(r)}`).toBe('valid');
    }
    const uni = await getJson(byslug('uni-learning-analytics').url);
    const served = await getJson(issuer.build.extras.endorsementUrl);
    expect(uni.credentialSubject.achievement.endorsement).toEqual([served]);
    expect(served.issuer.id).toBe(`did:web:localhost%3A${issuer.port}:issuers:qaa-ar`);
  });
});

describe('credential content', () => {
  it('the university micro-credential carries the elements a recruiter asks about, in defined OB 3.0 terms', async () => {
    const c = await getJson(byslug('uni-learning-analytics').url);
    const a = c.credentialSubject.achievement;
    expect(a.creditsAvailable).toBe(5);
    expect(a.description).toMatch(/5 ECTS/);
    expect(a.alignment.find((x: any) => x.targetFramework.includes('EQF'))).toMatchObject({ targetCode: '6', targetUrl: 'http://data.europa.eu/snb/eqf/6' });
    expect(a.alignment.filter((x: any) => String(x.targetUrl).startsWith('http://data.europa.eu/esco/skill/')).length).toBeGreaterThanOrEqual(3);
    expect(a.criteria.narrative).toMatch(/Learning outcomes/);
    expect(a.criteria.narrative).toMatch(/identity was verified/);
    expect(c.evidence[0].genre).toMatch(/identity verified/);
    expect(c.issuer.otherIdentifier.length).toBeGreaterThan(0);
    expect(c.issuer.description).toMatch(/accredited/);
    expect(c.issuer.address.addressCountryCode).toBe('AT');
    expect(c.credentialStatus.type).toBe('BitstringStatusListEntry');
    expect(c.credentialSubject.identifier[0].identityHash).toBe(identityHash(DEMO_PERSON.email, c.credentialSubject.identifier[0].salt));
    expect(c.proof.cryptosuite).toBe('eddsa-rdfc-2022');
  });

  it('JSON-LD credentials use only terms their (bundled) contexts define', async () => {
    const loader = contextLoader();
    const docs: [string, any][] = [];
    for (const c of issuer.credentials) {
      if (c.url.includes('/ob2/') || c.slug.startsWith('elm-')) continue;
      if (c.url.endsWith('.jwt')) {
        const { iss: _i, nbf: _n, jti: _j, sub: _s, exp: _e, iat: _t, ...credential } = parseCompactJws(await (await fetch(c.url)).text()).payload as any;
        docs.push([c.slug, credential]);
      } else {
        docs.push([c.slug, await getJson(c.url)]);
      }
    }
    docs.push(['status-list', await getJson(issuer.build.extras.statusListUrl)]);
    for (const [name, doc] of docs) {
      const nquads = await canonizeGeneral(doc, loader);
      // VC 2.0's @vocab would silently map an undefined term to an "issuer-dependent" IRI.
      expect(nquads, name).not.toMatch(/issuer-dependent|undefined-terms/);
    }
  });

  it('the ELM credential carries every EU micro-credential standard element explicitly', async () => {
    const c = await getJson(byslug('elm-learning-analytics').url);
    expect(c.type).toContain('EuropeanDigitalCredential');
    expect(c.proof.cryptosuite).toBe('eddsa-jcs-2022');
    const claim = c.credentialSubject.hasClaim[0];
    const spec = claim.specifiedBy;
    const assessment = claim.wasDerivedFrom[0];
    const present = {
      learner: c.credentialSubject.fullName?.en,
      title: claim.title?.en,
      country: c.issuer.location[0].address[0].countryCode.id,
      awardingBody: claim.awardedBy.awardingBody[0].legalName?.en,
      dateOfIssue: claim.awardedBy.awardingDate,
      learningOutcomes: spec.learningOutcome?.length,
      workload: spec.volumeOfLearning && spec.creditPoint?.[0]?.point,
      level: spec.eqfLevel?.id,
      assessmentType: assessment.specifiedBy.dcType?.prefLabel?.en,
      participation: spec.mode?.[0]?.prefLabel?.en,
      qualityAssurance: spec.additionalNote?.find((n: any) => /quality/i.test(n.noteType.prefLabel.en))?.noteLiteral.en,
      prerequisites: spec.entryRequirement?.noteLiteral?.en,
      supervisionAndId: assessment.idVerification?.prefLabel?.en,
      grade: assessment.grade?.noteLiteral?.en,
      stackability: spec.additionalNote?.find((n: any) => /stackab/i.test(n.noteType.prefLabel.en))?.noteLiteral.en,
      furtherInformation: spec.homepage?.[0]?.contentURL,
      accreditation: c.issuer.accreditation?.[0]?.organisation?.legalName?.en,
    };
    for (const [element, value] of Object.entries(present)) expect(value, element).toBeTruthy();
    expect(present.level).toBe('http://data.europa.eu/snb/eqf/7');
  });

  it('OB 2.0 recipients are the demo person by salted, hashed e-mail', async () => {
    const hosted = await getJson(byslug('educator-digital-pedagogy').url);
    expect(hosted.verification).toEqual({ type: 'hosted' });
    expect(hosted.recipient.identity).toBe(identityHash(DEMO_PERSON.email, hosted.recipient.salt));
    const jws = await (await fetch(byslug('ob2-signed-gdpr-practitioner').url)).text();
    const parsed = parseCompactJws(jws.trim());
    expect(parsed.header).toEqual({ alg: 'RS256' });
    const payload = parsed.payload as any;
    expect(payload.recipient.identity).toBe(identityHash(DEMO_PERSON.email, payload.recipient.salt));
  });
});

// ---- interop: Digital Bazaar's verifier on the same documents --------------------------------------

/** DB's document loader: bundled contexts, and DID documents resolved from the running issuer. */
function dbLoader() {
  return async (url: string) => {
    const ctx = findContext(url);
    if (ctx) return { contextUrl: null, documentUrl: url, document: ctx };
    const [did, fragment] = url.split('#') as [string, string | undefined];
    let doc: any;
    if (did.startsWith('did:web:')) {
      doc = await getJson(didWebUrl(did, true));
      expect(doc.id).toBe(did);
    } else if (did.startsWith('did:key:')) {
      const mb = did.slice('did:key:'.length);
      const vm = `${did}#${mb}`;
      doc = {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: did,
        verificationMethod: [{ id: vm, type: 'Multikey', controller: did, publicKeyMultibase: mb }],
        assertionMethod: [vm],
      };
    } else {
      throw new Error(`test loader: ${url} not available`);
    }
    if (fragment === undefined) return { contextUrl: null, documentUrl: url, document: doc };
    const method = doc.verificationMethod.find((m: any) => m.id === url);
    if (!method) throw new Error(`test loader: no verification method ${url}`);
    return { contextUrl: null, documentUrl: url, document: { '@context': doc['@context'], ...method } };
  };
}

async function dbVerify(credential: any): Promise<{ verified: boolean; error?: unknown }> {
  const cryptosuite = credential.proof.cryptosuite === 'eddsa-jcs-2022' ? jcsVerify() : rdfcSuite;
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: dbLoader(),
    checkStatus: async () => ({ verified: true }),
  });
}

describe('interop with @digitalbazaar/vc', () => {
  it('verifies the valid OB 3.0 eddsa-rdfc-2022 and eddsa-jcs-2022 credentials', async () => {
    const valid = issuer.credentials.filter((c) => c.expect === 'valid' && c.format.startsWith('OB3 eddsa-'));
    expect(valid.map((c) => c.slug).sort()).toEqual(['other-person-python', 'uni-learning-analytics', 'unknown-issuer-ai-strategist', 'webinar-genai-assessment']);
    for (const c of valid) {
      const r = await dbVerify(await getJson(c.url));
      expect(r.verified, `${c.slug}: ${JSON.stringify(r.error ?? r, null, 1)?.slice(0, 2000)}`).toBe(true);
    }
  });

  it('verifies the endorsement and the status list credential, and rejects the tampered credential', async () => {
    for (const url of [issuer.build.extras.endorsementUrl, issuer.build.extras.statusListUrl]) {
      const r = await dbVerify(await getJson(url));
      expect(r.verified, `${url}: ${JSON.stringify(r.error ?? r, null, 1)?.slice(0, 2000)}`).toBe(true);
    }
    const tampered = await dbVerify(await getJson(byslug('tampered-statistics').url));
    expect(tampered.verified).toBe(false);
  });
});

// ---- the server itself -------------------------------------------------------------------------

describe('serving', () => {
  it('publishes did:web documents with a Multikey under assertionMethod, controlled by the DID', async () => {
    const root = await fetch(`${issuer.origin}/.well-known/did.json`);
    expect(root.headers.get('content-type')).toMatch(/json/);
    const host = await root.json();
    expect(host.id).toBe(`did:web:localhost%3A${issuer.port}`);
    expect(host.assertionMethod).toContain(host.verificationMethod[0].id);
    for (const slug of ['th-donaustadt', 'qaa-ar', 'erste-hilfe-akademie', 'codefjord', 'gidl', 'vsds-brno']) {
      const did = `did:web:localhost%3A${issuer.port}:issuers:${slug}`;
      expect(didWebUrl(did, true)).toBe(`${issuer.origin}/issuers/${slug}/did.json`);
      const doc = await getJson(didWebUrl(did, true));
      expect(doc.id).toBe(did);
      const [vm] = doc.verificationMethod;
      expect(vm).toMatchObject({ type: 'Multikey', controller: did });
      expect(vm.publicKeyMultibase).toMatch(/^z6Mk/);
      expect(doc.assertionMethod).toEqual([vm.id]);
    }
  });

  it('serves the trust list, which names every issuer but the unknown one', async () => {
    const res = await fetch(`${issuer.origin}/trust/list.json`);
    expect(res.headers.get('content-type')).toBe('application/json');
    const list = await res.json();
    expect(list).toEqual(issuer.trustList);
    expect(list.name && list.updated).toBeTruthy();
    const ids = list.issuers.map((i: any) => i.id);
    const unknown = (await getJson(byslug('unknown-issuer-ai-strategist').url)).issuer.id;
    expect(ids).not.toContain(unknown);
    for (const slug of ['uni-learning-analytics', 'webinar-genai-assessment', 'first-aid-expired', 'bootcamp-fullstack-revoked']) {
      expect(ids).toContain((await getJson(byslug(slug).url)).issuer.id);
    }
    expect(ids).toContain(`did:web:localhost%3A${issuer.port}`); // the vendor
    expect(ids).toContain(`${issuer.origin}/ob2/issuers/ndl`);
    expect(ids).toContain(`${issuer.origin}/ob2/issuers/vdpo`);
    for (const i of list.issuers) {
      expect(['university', 'professional-body', 'company', 'platform', 'qa-agency']).toContain(i.kind);
      expect(i.country).toMatch(/^[A-Z]{2}$/);
    }
    expect(list.issuers.find((i: any) => i.kind === 'qa-agency').trustedEndorser).toBe(true);
  });

  it('answers with proper media types and CORS, 404 for unknown paths, 410 for the withdrawn OB 2.0 badge', async () => {
    const types: [string, RegExp][] = [
      [byslug('uni-learning-analytics').url, /^application\/vc\+ld\+json/],
      [byslug('vendor-data-engineer').url, /^application\/vc\+jwt/],
      [byslug('uni-learning-analytics').imageUrl!, /^image\/png/],
      [byslug('ob2-signed-gdpr-practitioner').imageUrl!, /^image\/svg\+xml/],
      [byslug('educator-digital-pedagogy').url, /^application\/ld\+json/],
      [`${issuer.origin}/`, /^text\/html/],
    ];
    for (const [url, type] of types) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(type);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      await res.arrayBuffer();
    }
    const revoked = await fetch(byslug('educator-blended-learning-revoked').url);
    expect(revoked.status).toBe(410);
    expect((await revoked.json()).revoked).toBe(true);
    const missing = await fetch(`${issuer.origin}/credentials/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${issuer.origin}/credentials/nope`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${issuer.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses path traversal', async () => {
    for (const p of ['/../package.json', '/issuers/%2e%2e/%2e%2e/package.json', '/issuers/..%2f..%2fpackage.json', '/a\\..\\b', '/%00']) {
      expect(safePath(p), p).toBeUndefined();
    }
    expect(safePath('/issuers/th-donaustadt/did.json?x=1')).toBe('/issuers/th-donaustadt/did.json');
    // Over the wire (fetch would normalise "..", so send raw requests).
    const { request } = await import('node:http');
    for (const p of ['/issuers/%2e%2e/%2e%2e/package.json', '/../../package.json']) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: issuer.port, path: p, method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect([400, 404], p).toContain(status);
    }
  });

  it('bakes one iTXt chunk per PNG and an openbadges:assertion element in the SVG', async () => {
    const png = new Uint8Array(await (await fetch(byslug('uni-learning-analytics').imageUrl!)).arrayBuffer());
    const ob3 = extractFromPng(png);
    expect(ob3).toMatchObject({ kind: 'ob3', container: 'png-itxt' });
    expect(JSON.parse(ob3.text)).toEqual(await getJson(byslug('uni-learning-analytics').url));
    const ob2png = new Uint8Array(await (await fetch(byslug('educator-digital-pedagogy').imageUrl!)).arrayBuffer());
    expect(extractFromPng(ob2png)).toMatchObject({ kind: 'ob2', container: 'png-itxt' });
    const svg = await (await fetch(byslug('ob2-signed-gdpr-practitioner').imageUrl!)).text();
    expect(svg).toContain('<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="');
    const baked = extractFromSvg(svg);
    expect(baked).toMatchObject({ kind: 'ob2', container: 'svg-verify' });
    expect(baked.text).toBe((await (await fetch(byslug('ob2-signed-gdpr-practitioner').url)).text()).trim());
  });

  it('publishes a Bitstring Status List of at least 131,072 entries with only the revoked bit set', async () => {
    const list = await getJson(issuer.build.extras.statusListUrl);
    const encoded: string = list.credentialSubject.encodedList;
    expect(encoded[0]).toBe('u');
    const bits = gunzipSync(new Uint8Array(Buffer.from(encoded.slice(1), 'base64url')));
    expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
    const set: number[] = [];
    bits.forEach((b, i) => {
      for (let k = 0; k < 8; k++) if (b & (0x80 >> k)) set.push(i * 8 + k);
    });
    const revoked = await getJson(byslug('uni-research-data-revoked').url);
    expect(set).toEqual([Number(revoked.credentialStatus.statusListIndex)]);
  });

  it('keeps its keys: a restart with the same key folder publishes the same keys (new port, same key material)', async () => {
    const again = await startIssuer({ port: 0, keysDir });
    try {
      const webinar = async (o: RunningIssuer) => (await getJson(o.credentials.find((c) => c.slug === 'webinar-genai-assessment')!.url)).issuer.id;
      expect(await webinar(again)).toBe(await webinar(issuer));
      const key = async (o: RunningIssuer) => (await getJson(`${o.origin}/issuers/th-donaustadt/did.json`)).verificationMethod[0].publicKeyMultibase;
      expect(await key(again)).toBe(await key(issuer));
      expect(again.port).not.toBe(issuer.port);
      // Same port-independent ids.
      expect(again.credentials.map((c) => c.slug)).toEqual(issuer.credentials.map((c) => c.slug));
    } finally {
      await again.close();
    }
    const mode = statSync(join(keysDir, 'university.ed25519.pem')).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});
