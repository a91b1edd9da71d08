import { generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isCredLensError, type ErrorCode } from '../../sdk/errors.js';
import { parseCompactJws } from '../../sdk/input/jwt.js';
import { extractFromPng } from '../../sdk/input/png.js';
import { extractFromSvg } from '../../sdk/input/svg.js';
import { importVerifyKey } from '../../sdk/keys/jwk.js';
import { checkJoseHeader, verifyJws, type JwsAlg } from '../../sdk/proof/jws.js';
import { checkJwtClaims, decodeVcJwt, effectiveDates, keyHintsFromJwt, type KeyHint } from '../../sdk/proof/vc-jwt.js';
import type { Check } from '../../sdk/report/types.js';

const CONFORMANCE = new URL('../../../shared/conformance/', import.meta.url);

const KEYS: Record<JwsAlg, { publicKey: KeyObject; privateKey: KeyObject }> = {
  EdDSA: generateKeyPairSync('ed25519'),
  ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  RS256: generateKeyPairSync('rsa', { modulusLength: 2048 }),
};

const b64u = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url');
const jwkOf = (k: KeyObject): JsonWebKey => k.export({ format: 'jwk' }) as JsonWebKey;

function makeJwt(header: Record<string, unknown>, payload: unknown, key: KeyObject): string {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  const alg = header.alg;
  const data = Buffer.from(input);
  const sig =
    alg === 'EdDSA' ? nodeSign(null, data, key)
    : alg === 'ES256' ? nodeSign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
    : nodeSign('sha256', data, key);
  return `${input}.${b64u(sig)}`;
}

async function rejects(fn: () => unknown, code: ErrorCode): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (isCredLensError(e, code)) return;
    throw new Error(`expected CredLensError(${code}), got ${String((e as { code?: string }).code ?? e)}: ${(e as Error).message}`);
  }
  throw new Error(`expected CredLensError(${code}), but it succeeded`);
}

const byId = (checks: Check[], id: string) => checks.find((c) => c.id === id);
const failures = (checks: Check[]) => checks.filter((c) => c.status === 'fail');

// ---- sample credentials ------------------------------------------------------------------------

const ISSUER = 'https://example.edu/issuers/565049';
const SUBJECT = 'did:example:ebfeb1f712ebc6f1c276e12ec21';
const ID = 'http://example.edu/credentials/3732';
const NBF = 1262304000; // 2010-01-01T00:00:00Z
const EXP = 1893456000; // 2030-01-01T00:00:00Z

/** OB 3.0 / VCDM 2.0: the payload is the credential, plus the registered claims. */
function ob3Payload(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: ID,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: ISSUER, type: ['Profile'], name: 'Example University' },
    validFrom: '2010-01-01T00:00:00Z',
    validUntil: '2030-01-01T00:00:00Z',
    name: 'Teamwork',
    credentialSubject: { id: SUBJECT, type: ['AchievementSubject'] },
    iss: ISSUER,
    jti: ID,
    sub: SUBJECT,
    nbf: NBF,
    exp: EXP,
    iat: NBF + 5,
    ...over,
  };
}

/** VCDM 1.1: the credential in the `vc` claim. */
function v11Payload(vcOver: Record<string, unknown> = {}, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'],
      id: ID,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: ISSUER, type: ['Profile'] },
      issuanceDate: '2010-01-01T00:00:00Z',
      expirationDate: '2030-01-01T00:00:00Z',
      credentialSubject: { id: SUBJECT, type: ['AchievementSubject'] },
      ...vcOver,
    },
    iss: ISSUER,
    jti: ID,
    sub: SUBJECT,
    nbf: NBF,
    exp: EXP,
    ...over,
  };
}

/** A plain VCDM 2.0 credential secured per VC-JOSE-COSE (not an Open Badge). */
function vc2Payload(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    id: ID,
    type: ['VerifiableCredential', 'ExampleAlumniCredential'],
    issuer: ISSUER,
    validFrom: '2010-01-01T00:00:00Z',
    credentialSubject: { id: SUBJECT, alumniOf: 'Example University' },
    ...over,
  };
}

// ---- round trips -------------------------------------------------------------------------------

describe('VC-JWT round trip, both shapes, every algorithm', () => {
  for (const alg of ['EdDSA', 'ES256', 'RS256'] as const) {
    for (const shape of ['payload', 'vc-claim'] as const) {
      it(`${alg}, ${shape}: signature verifies with the header jwk and every claim matches`, async () => {
        const payload = shape === 'payload' ? ob3Payload() : v11Payload();
        const typ = shape === 'payload' ? 'vc+jwt' : 'JWT';
        const jwt = parseCompactJws(makeJwt({ alg, typ, jwk: jwkOf(KEYS[alg].publicKey) }, payload, KEYS[alg].privateKey));
        expect(checkJoseHeader(jwt.header)).toBe(alg);

        const decoded = decodeVcJwt(jwt);
        expect(decoded.shape).toBe(shape);
        expect(decoded.claims).toMatchObject({ iss: ISSUER, jti: ID, sub: SUBJECT, nbf: NBF, exp: EXP });

        const hints = keyHintsFromJwt(jwt.header, decoded.claims);
        expect(hints[0]).toMatchObject({ from: 'jwk' });
        const key = await importVerifyKey((hints[0] as Extract<KeyHint, { from: 'jwk' }>).jwk, alg);
        expect(await verifyJws(jwt, key, [alg])).toBe(true);

        const checks = checkJwtClaims(decoded.credential, decoded.claims, decoded.shape);
        expect(checks.map((c) => [c.id, c.status])).toEqual([
          ['jwt-iss', 'pass'], ['jwt-jti', 'pass'], ['jwt-sub', 'pass'], ['jwt-nbf', 'pass'], ['jwt-exp', 'pass'],
        ]);
        expect(effectiveDates(decoded.credential, decoded.claims)).toEqual({ validFrom: '2010-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' });
      });

      it(`${alg}, ${shape}: a tampered payload does not verify`, async () => {
        const payload = shape === 'payload' ? ob3Payload() : v11Payload();
        const jws = makeJwt({ alg }, payload, KEYS[alg].privateKey);
        const [h, , s] = jws.split('.');
        const forged = shape === 'payload' ? ob3Payload({ name: 'Rocket Science' }) : v11Payload({ name: 'Rocket Science' });
        const jwt = parseCompactJws(`${h}.${b64u(JSON.stringify(forged))}.${s}`);
        const key = await importVerifyKey(jwkOf(KEYS[alg].publicKey), alg);
        expect(await verifyJws(jwt, key, [alg])).toBe(false);
      });
    }
  }
});

// ---- decoding ----------------------------------------------------------------------------------

describe('decodeVcJwt', () => {
  const hdr = { alg: 'ES256' };

  it('applies the VCDM 1.1 decoding rules to members the vc claim lacks, and keeps the ones it has', () => {
    const payload = v11Payload(
      { id: undefined, issuer: undefined, issuanceDate: undefined, expirationDate: undefined, credentialSubject: { type: ['AchievementSubject'] } },
      { nbf: 1262304000.5 },
    );
    const { credential, shape } = decodeVcJwt({ header: hdr, payload: JSON.parse(JSON.stringify(payload)) });
    expect(shape).toBe('vc-claim');
    expect(credential).toMatchObject({
      id: ID,
      issuer: ISSUER,
      issuanceDate: '2010-01-01T00:00:00.500Z',
      expirationDate: '2030-01-01T00:00:00Z',
      credentialSubject: { id: SUBJECT, type: ['AchievementSubject'] },
    });
    // present members are kept as signed, for checkJwtClaims to compare
    const kept = decodeVcJwt({ header: hdr, payload: v11Payload({ id: 'urn:uuid:other' }) });
    expect(kept.credential.id).toBe('urn:uuid:other');
    // and the original payload is not modified
    const original = v11Payload({ issuer: undefined });
    decodeVcJwt({ header: hdr, payload: original });
    expect((original.vc as Record<string, unknown>).issuer).toBeUndefined();
  });

  it('returns the payload itself for VCDM 2.0 / OB 3.0', () => {
    const payload = ob3Payload();
    const d = decodeVcJwt({ header: { alg: 'RS256', typ: 'application/vc+jwt', cty: 'vc' }, payload });
    expect(d.shape).toBe('payload');
    expect(d.credential).toBe(payload);
    expect(d.claims.iat).toBe(NBF + 5);
  });

  it('accepts the credential typ values and refuses others', async () => {
    for (const typ of ['JWT', 'jwt', 'vc+jwt', 'application/vc+jwt', 'vc-ld+jwt', 'vc+ld+jwt', 'JOSE']) {
      expect(decodeVcJwt({ header: { alg: 'RS256', typ }, payload: ob3Payload() }).shape).toBe('payload');
    }
    await rejects(() => decodeVcJwt({ header: { alg: 'RS256', typ: 'vp+jwt' }, payload: ob3Payload() }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: { alg: 'RS256', typ: 'at+jwt' }, payload: ob3Payload() }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: { alg: 'RS256', typ: 42 }, payload: ob3Payload() }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: { alg: 'RS256', typ: 'vc+sd-jwt' }, payload: ob3Payload() }), 'unsupported-suite');
    await rejects(() => decodeVcJwt({ header: { alg: 'RS256', cty: 'JWT' }, payload: ob3Payload() }), 'unsupported-suite');
  });

  it('refuses presentations, ambiguous and malformed payloads and claims', async () => {
    const h = { alg: 'RS256' };
    await rejects(() => decodeVcJwt({ header: h, payload: { vp: { type: ['VerifiablePresentation'] } } }), 'no-credential');
    await rejects(() => decodeVcJwt({ header: h, payload: { vc: 'x' } }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: h, payload: { ...ob3Payload(), vc: ob3Payload() } }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: h, payload: { iss: ISSUER } }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: h, payload: 'hello' }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: h, payload: ob3Payload({ nbf: '2010-01-01' }) }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: h, payload: ob3Payload({ exp: 1e300 }) }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: h, payload: ob3Payload({ iss: { id: ISSUER } }) }), 'bad-jwt');
    await rejects(() => decodeVcJwt({ header: h, payload: ob3Payload({ aud: [1] }) }), 'bad-jwt');
  });
});

// ---- claim consistency -------------------------------------------------------------------------

describe('checkJwtClaims', () => {
  const check = (payload: Record<string, unknown>) => {
    const d = decodeVcJwt({ header: { alg: 'RS256' }, payload });
    return checkJwtClaims(d.credential, d.claims, d.shape);
  };

  it('fails (invalid) when iss is not the issuer id, in every shape', () => {
    for (const payload of [ob3Payload({ iss: 'https://evil.example' }), v11Payload({}, { iss: 'https://evil.example' }), vc2Payload({ iss: 'https://evil.example' })]) {
      const c = byId(check(payload), 'jwt-iss');
      expect(c).toMatchObject({ status: 'fail', code: 'jwt-claim-mismatch', effect: 'invalid' });
    }
    // issuer given as a string
    expect(byId(check(vc2Payload({ iss: ISSUER })), 'jwt-iss')?.status).toBe('pass');
  });

  it('fails (invalid) on jti / sub mismatch for Open Badges and VCDM 1.1', () => {
    for (const payload of [ob3Payload({ jti: 'urn:uuid:1', sub: 'did:example:other' }), v11Payload({}, { jti: 'urn:uuid:1', sub: 'did:example:other' })]) {
      const checks = check(payload);
      expect(byId(checks, 'jwt-jti')).toMatchObject({ status: 'fail', effect: 'invalid' });
      expect(byId(checks, 'jwt-sub')).toMatchObject({ status: 'fail', effect: 'invalid' });
    }
  });

  it('only warns on jti / sub / nbf / exp differences for a non-OB VCDM 2.0 credential (VC-JOSE-COSE: SHOULD)', () => {
    const checks = check(vc2Payload({ jti: 'urn:uuid:1', sub: 'did:example:other', nbf: NBF + 3600, exp: EXP, validUntil: '2031-01-01T00:00:00Z' }));
    expect(failures(checks)).toEqual([]);
    expect(checks.filter((c) => c.status === 'warn').map((c) => c.id).sort()).toEqual(['jwt-exp', 'jwt-jti', 'jwt-nbf', 'jwt-sub']);
  });

  it('compares nbf with validFrom (OB 3.0) and with issuanceDate (VCDM 1.1), to the second', () => {
    expect(byId(check(ob3Payload({ nbf: NBF + 1 })), 'jwt-nbf')).toMatchObject({ status: 'fail', effect: 'invalid' });
    expect(byId(check(ob3Payload({ validFrom: '2010-01-01T00:00:00.999Z' })), 'jwt-nbf')?.status).toBe('pass');
    expect(byId(check(ob3Payload({ validFrom: '2010-01-01T01:00:00+01:00' })), 'jwt-nbf')?.status).toBe('pass');
    expect(byId(check(v11Payload({ issuanceDate: '2011-01-01T00:00:00Z' })), 'jwt-nbf')).toMatchObject({ status: 'fail', effect: 'invalid' });
    // VCDM 1.1: nbf stands for issuanceDate, not for a validFrom the vc claim also carries
    const both = check(v11Payload({ validFrom: '2009-06-01T00:00:00Z' }));
    expect(byId(both, 'jwt-nbf')?.status).toBe('pass');
    // a vc claim with only validFrom is compared with it
    expect(byId(check(v11Payload({ issuanceDate: undefined, validFrom: '2012-01-01T00:00:00Z' })), 'jwt-nbf')?.status).toBe('fail');
  });

  it('compares exp with validUntil / expirationDate', () => {
    expect(byId(check(ob3Payload({ exp: EXP - 60 })), 'jwt-exp')).toMatchObject({ status: 'fail', effect: 'invalid' });
    expect(byId(check(v11Payload({ expirationDate: '2029-12-31T23:59:59Z' })), 'jwt-exp')).toMatchObject({ status: 'fail', effect: 'invalid' });
    expect(byId(check(ob3Payload({ validUntil: undefined })), 'jwt-exp')).toBeUndefined();
  });

  it('fails on a date member that is not an XML Schema dateTime', () => {
    expect(byId(check(ob3Payload({ validFrom: 'January 1st, 2010' })), 'jwt-nbf')).toMatchObject({ status: 'fail', code: 'bad-date', effect: 'invalid' });
    expect(byId(check(ob3Payload({ validFrom: '2010-01-01' })), 'jwt-nbf')?.status).toBe('fail');
  });

  it('warns when an Open Badge JWT lacks claims OB 3.0 requires', () => {
    const checks = check(ob3Payload({ sub: undefined, jti: undefined }));
    expect(byId(checks, 'jwt-claims')).toMatchObject({ status: 'warn', code: 'jwt-claim-missing' });
    expect(byId(checks, 'jwt-claims')?.message).toMatch(/"jti", "sub"/);
    expect(failures(checks)).toEqual([]);
    expect(byId(check(vc2Payload()), 'jwt-claims')).toBeUndefined();
  });

  it('matches sub against any of several subjects', () => {
    const checks = check(vc2Payload({ sub: 'did:example:b', credentialSubject: [{ id: 'did:example:a' }, { id: 'did:example:b' }] }));
    expect(byId(checks, 'jwt-sub')?.status).toBe('pass');
  });
});

describe('effectiveDates', () => {
  it('takes the narrowest window of claims and members, as ISO strings', () => {
    expect(effectiveDates({ validFrom: '2012-05-01T10:00:00+02:00', validUntil: '2031-01-01T00:00:00Z' }, { nbf: NBF, exp: EXP })).toEqual({
      validFrom: '2012-05-01T08:00:00Z',
      validUntil: '2030-01-01T00:00:00Z',
    });
    expect(effectiveDates({ issuanceDate: '2010-01-01T00:00:00.142Z' }, { nbf: NBF })).toEqual({ validFrom: '2010-01-01T00:00:00.142Z' });
    expect(effectiveDates({}, { exp: EXP })).toEqual({ validUntil: '2030-01-01T00:00:00Z' });
    expect(effectiveDates({ validFrom: 'garbage', expirationDate: '2030-01-01T00:00:00' }, {})).toEqual({ validUntil: '2030-01-01T00:00:00Z' });
    expect(effectiveDates({}, {})).toEqual({});
  });
});

describe('keyHintsFromJwt', () => {
  const jwk = jwkOf(KEYS.EdDSA.publicKey);

  it('lists the header jwk, then kid, then an iss DID', () => {
    expect(keyHintsFromJwt({ alg: 'EdDSA', jwk, kid: 'did:web:example.com#key-1' }, { iss: 'did:web:example.com' })).toEqual([
      { from: 'jwk', jwk },
      { from: 'kid', kind: 'did-url', id: 'did:web:example.com#key-1' },
      { from: 'iss', kind: 'did', id: 'did:web:example.com' },
    ]);
  });

  it('classifies kid values', () => {
    const kid = (k: string, iss?: string) => keyHintsFromJwt({ alg: 'RS256', kid: k }, iss === undefined ? {} : { iss });
    expect(kid('https://example.edu/keys#key-1')).toEqual([{ from: 'kid', kind: 'url', id: 'https://example.edu/keys#key-1' }]);
    expect(kid('#key-1', 'did:key:z6Mkabc')).toEqual([
      { from: 'kid', kind: 'did-url', id: 'did:key:z6Mkabc#key-1' },
      { from: 'iss', kind: 'did', id: 'did:key:z6Mkabc' },
    ]);
    expect(kid('#key-1', 'https://example.edu/issuer')).toEqual([{ from: 'kid', kind: 'url', id: 'https://example.edu/issuer#key-1' }]);
    expect(kid('did:key:z6Mkabc')).toEqual([{ from: 'kid', kind: 'did', id: 'did:key:z6Mkabc' }]);
    expect(kid('key-1', 'https://example.edu/issuer')).toEqual([{ from: 'kid', kind: 'opaque', id: 'key-1' }]);
    expect(keyHintsFromJwt({ alg: 'RS256' }, { iss: 'https://example.edu/issuer' })).toEqual([]);
  });

  it('refuses a header jwk with private members', async () => {
    const priv = KEYS.EdDSA.privateKey.export({ format: 'jwk' });
    await rejects(() => keyHintsFromJwt({ alg: 'EdDSA', jwk: priv }, {}), 'bad-key');
    expect(() => keyHintsFromJwt({ alg: 'EdDSA', jwk: priv }, {})).toThrow(/header "jwk" carries a private key/);
  });
});

// ---- 1EdTech conformance fixtures --------------------------------------------------------------

interface Case {
  id: string;
  file: string;
  format: string;
  expect: { verdict: string };
  payload?: { encoding?: string };
}

const manifest = JSON.parse(await readFile(new URL('manifest.json', CONFORMANCE), 'utf8')) as Case[];
const jwtCases = manifest.filter((c) => c.format === 'ob3-jwt' || /JWT/.test(c.payload?.encoding ?? ''));

async function jwtOf(c: Case): Promise<string> {
  const url = new URL(c.file, CONFORMANCE);
  if (c.format === 'baked-png') return extractFromPng(new Uint8Array(await readFile(url))).text.trim();
  if (c.format === 'baked-svg') return extractFromSvg(await readFile(url, 'utf8')).text.trim();
  return (await readFile(url, 'utf8')).trim();
}

describe('conformance: 1EdTech OB 3.0 JWTs', () => {
  it('finds the JWT cases (1 ob3-jwt, 2 baked PNG, 2 baked SVG)', () => {
    expect(jwtCases.map((c) => c.format).sort()).toEqual(['baked-png', 'baked-png', 'baked-svg', 'baked-svg', 'ob3-jwt']);
  });

  for (const c of jwtCases.filter((k) => k.expect.verdict === 'valid')) {
    it(`${c.id}: RS256 signature verifies with the header jwk; claims agree`, async () => {
      const jwt = parseCompactJws(await jwtOf(c));
      expect(checkJoseHeader(jwt.header)).toBe('RS256');
      const decoded = decodeVcJwt(jwt);
      // The _v1 files are VCDM 1.1 (vc claim); the others carry the credential as the payload. (The
      // manifest's `encoding` note for simple-jwt-png says "payload has vc claim", but its payload
      // is the VCDM 2.0 credential itself, like simple-jwt.svg.)
      expect(decoded.shape).toBe(c.file.includes('_v1') ? 'vc-claim' : 'payload');
      const hints = keyHintsFromJwt(jwt.header, decoded.claims);
      expect(hints).toHaveLength(1);
      const key = await importVerifyKey((hints[0] as Extract<KeyHint, { from: 'jwk' }>).jwk, 'RS256');
      expect(await verifyJws(jwt, key, ['RS256'])).toBe(true);

      const checks = checkJwtClaims(decoded.credential, decoded.claims, decoded.shape);
      expect(failures(checks)).toEqual([]);
      expect(byId(checks, 'jwt-iss')?.status).toBe('pass');
      expect(byId(checks, 'jwt-jti')?.status).toBe('pass');
      expect(byId(checks, 'jwt-nbf')?.status).toBe('pass');
      // 1EdTech's examples carry the subject in "aud", not "sub": reported, not failed
      expect(byId(checks, 'jwt-claims')).toMatchObject({ status: 'warn' });
      expect(effectiveDates(decoded.credential, decoded.claims)).toEqual({ validFrom: '2010-01-01T00:00:00Z' });

      // one changed payload byte breaks it
      const [h, p, s] = jwt.raw.split('.') as [string, string, string];
      const body = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
      body.iat += 1;
      expect(await verifyJws(parseCompactJws(`${h}.${b64u(JSON.stringify(body))}.${s}`), key, ['RS256'])).toBe(false);
    });
  }

  it('1edtech/ob30/velocity (invalid): no usable key here, and no baked key verifies it', async () => {
    const c = jwtCases.find((k) => k.id === '1edtech/ob30/velocity')!;
    expect(c.expect.verdict).toBe('invalid');
    const jwt = parseCompactJws(await jwtOf(c));
    expect(checkJoseHeader(jwt.header)).toBe('RS256');
    const decoded = decodeVcJwt(jwt);
    expect(decoded.shape).toBe('vc-claim');
    // the key is a did:velocity DID URL (resolved through a registry this set cannot reproduce)
    const hints = keyHintsFromJwt(jwt.header, decoded.claims);
    expect(hints.some((h) => h.from === 'jwk')).toBe(false);
    expect(hints[0]).toMatchObject({ from: 'kid', kind: 'did-url' });
    expect((hints[0] as { id: string }).id).toMatch(/^did:velocity:/);
    expect(hints[1]).toMatchObject({ from: 'iss', kind: 'did', id: decoded.claims.iss });
    // its claims are consistent (issuanceDate carries milliseconds, nbf whole seconds)
    expect(failures(checkJwtClaims(decoded.credential, decoded.claims, decoded.shape))).toEqual([]);
    // and a key that is not the issuer's does not verify it
    const other = valid1EdTechKey ?? (await importVerifyKey(jwkOf(KEYS.RS256.publicKey), 'RS256'));
    expect(await verifyJws(jwt, other, ['RS256'])).toBe(false);
  });
});

const valid1EdTechKey = await (async () => {
  const c = jwtCases.find((k) => k.format === 'baked-png');
  if (!c) return undefined;
  const jwt = parseCompactJws(await jwtOf(c));
  return importVerifyKey(jwt.header.jwk as JsonWebKey, 'RS256');
})();
