import { generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isCredLensError, type ErrorCode } from '../../sdk/errors.js';
import { checkJoseHeader, verifyJws, type JwsAlg, type ParsedJws } from '../../sdk/proof/jws.js';
import { parseCompactJws, type CompactJws } from '../../sdk/input/jwt.js';
import { didJwkToJwk, importVerifyKey, type VerifyKey } from '../../sdk/keys/jwk.js';

const CONFORMANCE = new URL('../../../shared/conformance/', import.meta.url);

// ----------------------------------------------------------------------------------------------
// helpers: keys and signing with node:crypto

const ed = generateKeyPairSync('ed25519');
const ed2 = generateKeyPairSync('ed25519');
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p256b = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa2 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });

const KEYS: Record<JwsAlg, { publicKey: KeyObject; privateKey: KeyObject }> = { EdDSA: ed, ES256: p256, RS256: rsa };
const OTHER: Record<JwsAlg, { publicKey: KeyObject; privateKey: KeyObject }> = { EdDSA: ed2, ES256: p256b, RS256: rsa2 };

const b64u = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url');
const jwkOf = (k: KeyObject): JsonWebKey => k.export({ format: 'jwk' }) as JsonWebKey;
const pemOf = (k: KeyObject): string => k.export({ type: 'spki', format: 'pem' }) as string;

function signBytes(alg: string, data: Buffer, key: KeyObject, derEcdsa = false): Buffer {
  if (alg === 'EdDSA') return nodeSign(null, data, key);
  if (alg === 'ES256') return nodeSign('sha256', data, { key, dsaEncoding: derEcdsa ? 'der' : 'ieee-p1363' });
  return nodeSign('sha256', data, key);
}

/** Signs a compact JWS with node:crypto. */
function makeJws(header: Record<string, unknown>, payload: unknown, key: KeyObject, opts: { derEcdsa?: boolean } = {}): string {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  const sig = signBytes(String(header.alg), Buffer.from(input), key, opts.derEcdsa);
  return `${input}.${b64u(sig)}`;
}

const parse = (jws: string): CompactJws => parseCompactJws(jws);

async function rejects(p: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<void> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (isCredLensError(e, code)) return;
    throw new Error(`expected CredLensError(${code}), got ${String((e as { code?: string }).code ?? e)}: ${(e as Error).message}`);
  }
  throw new Error(`expected CredLensError(${code}), but it succeeded`);
}

const PAYLOAD = { iss: 'https://example.edu/issuers/1', vc: { name: 'Teamwork – “ünïcode”' } };

// ----------------------------------------------------------------------------------------------

describe('verifyJws: good signatures', () => {
  for (const alg of ['EdDSA', 'ES256', 'RS256'] as const) {
    it(`${alg} verifies with a JWK and with an SPKI PEM`, async () => {
      const jws = parse(makeJws({ alg, typ: 'JWT' }, PAYLOAD, KEYS[alg].privateKey));
      const fromJwk = await importVerifyKey(jwkOf(KEYS[alg].publicKey), alg);
      const fromPem = await importVerifyKey({ pem: pemOf(KEYS[alg].publicKey) }, alg);
      expect(await verifyJws(jws, fromJwk, [alg])).toBe(true);
      expect(await verifyJws(jws, fromPem, ['EdDSA', 'ES256', 'RS256'])).toBe(true);
    });

    it(`${alg} fails on a tampered payload, header or signature`, async () => {
      const good = makeJws({ alg }, PAYLOAD, KEYS[alg].privateKey);
      const key = await importVerifyKey(jwkOf(KEYS[alg].publicKey), alg);
      const [h, , s] = good.split('.');
      const tamperedPayload = `${h}.${b64u(JSON.stringify({ ...PAYLOAD, iss: 'https://evil.example' }))}.${s}`;
      expect(await verifyJws(parse(tamperedPayload), key, [alg])).toBe(false);
      const tamperedHeader = `${b64u(JSON.stringify({ alg, kid: 'x' }))}.${good.split('.')[1]}.${s}`;
      expect(await verifyJws(parse(tamperedHeader), key, [alg])).toBe(false);
      const p = parse(good);
      p.signature = p.signature.slice();
      p.signature[5]! ^= 1;
      expect(await verifyJws(p, key, [alg])).toBe(false);
    });

    it(`${alg} fails with another key of the same type`, async () => {
      const jws = parse(makeJws({ alg }, PAYLOAD, KEYS[alg].privateKey));
      const wrong = await importVerifyKey(jwkOf(OTHER[alg].publicKey), alg);
      expect(await verifyJws(jws, wrong, [alg])).toBe(false);
    });
  }

  it('RS256 verifies with a PKCS#1 "RSA PUBLIC KEY" PEM', async () => {
    const jws = parse(makeJws({ alg: 'RS256' }, PAYLOAD, rsa.privateKey));
    const pem = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pem).toContain('BEGIN RSA PUBLIC KEY');
    expect(await verifyJws(jws, await importVerifyKey({ pem }, 'RS256'), ['RS256'])).toBe(true);
  });

  it('Ed25519 agrees between WebCrypto and @noble/ed25519 (raw key and forced noble)', async () => {
    const jws = parse(makeJws({ alg: 'EdDSA' }, PAYLOAD, ed.privateKey));
    const bad = parse(makeJws({ alg: 'EdDSA' }, PAYLOAD, ed2.privateKey));
    const raw = await importVerifyKey(jwkOf(ed.publicKey), 'EdDSA', { ed25519: 'noble' });
    expect('raw' in raw).toBe(true);
    const web = await importVerifyKey(jwkOf(ed.publicKey), 'EdDSA');
    for (const [key, impl] of [[raw, 'noble'], [raw, 'auto'], [web, 'noble'], [web, 'webcrypto']] as const) {
      expect(await verifyJws(jws, key as VerifyKey, ['EdDSA'], { ed25519: impl })).toBe(true);
      expect(await verifyJws(bad, key as VerifyKey, ['EdDSA'], { ed25519: impl })).toBe(false);
    }
    const rawFromPem = await importVerifyKey({ pem: pemOf(ed.publicKey) }, 'EdDSA', { ed25519: 'noble' });
    expect(await verifyJws(jws, rawFromPem, ['EdDSA'])).toBe(true);
  });

  it('accepts crit ["b64"] with b64: true (the only extension understood)', async () => {
    const jws = parse(makeJws({ alg: 'ES256', b64: true, crit: ['b64'] }, PAYLOAD, p256.privateKey));
    expect(await verifyJws(jws, await importVerifyKey(jwkOf(p256.publicKey), 'ES256'))).toBe(true);
  });
});

describe('checkJoseHeader / verifyJws: refused headers', () => {
  const rsaKey = () => importVerifyKey(jwkOf(rsa.publicKey), 'RS256');

  it('refuses alg none (unsigned JWT)', async () => {
    const header = { alg: 'none', typ: 'JWT' };
    const unsigned: ParsedJws = { header, payload: PAYLOAD, signingInput: `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(PAYLOAD))}`, signature: new Uint8Array(0) };
    await rejects(verifyJws(unsigned, await rsaKey()), 'bad-jwt');
    await rejects(() => checkJoseHeader({ alg: 'NONE' }), 'bad-jwt');
  });

  it('refuses HS256 (an HMAC signed with the public key must not verify)', async () => {
    const key = await rsaKey();
    const { createHmac } = await import('node:crypto');
    const header = { alg: 'HS256' };
    const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(PAYLOAD))}`;
    const mac = createHmac('sha256', pemOf(rsa.publicKey)).update(input).digest();
    await rejects(verifyJws({ header, payload: PAYLOAD, signingInput: input, signature: new Uint8Array(mac) }, key), 'unsupported-suite');
    for (const alg of ['HS256', 'RS512', 'PS256', 'ES256K', 'Ed25519', 'ES384']) await rejects(() => checkJoseHeader({ alg }), 'unsupported-suite');
  });

  it('refuses an algorithm outside the allowed list', async () => {
    const jws = parse(makeJws({ alg: 'ES256' }, PAYLOAD, p256.privateKey));
    await rejects(verifyJws(jws, await importVerifyKey(jwkOf(p256.publicKey), 'ES256'), ['RS256']), 'unsupported-suite');
  });

  it('refuses a missing or malformed alg, kid or header', async () => {
    await rejects(() => checkJoseHeader({}), 'bad-jwt');
    await rejects(() => checkJoseHeader({ alg: 256 }), 'bad-jwt');
    await rejects(() => checkJoseHeader(null), 'bad-jwt');
    await rejects(() => checkJoseHeader({ alg: 'RS256', kid: 7 }), 'bad-jwt');
  });

  it('refuses unknown, empty, registered or absent crit members', async () => {
    const jws = parse(makeJws({ alg: 'RS256', crit: ['exp'], exp: 1 }, PAYLOAD, rsa.privateKey));
    await rejects(verifyJws(jws, await rsaKey()), 'bad-jwt');
    await rejects(() => checkJoseHeader({ alg: 'RS256', crit: [] }), 'bad-jwt');
    await rejects(() => checkJoseHeader({ alg: 'RS256', crit: 'b64', b64: true }), 'bad-jwt');
    await rejects(() => checkJoseHeader({ alg: 'RS256', crit: ['alg'] }), 'bad-jwt');
    await rejects(() => checkJoseHeader({ alg: 'RS256', crit: ['b64'] }), 'bad-jwt');
  });

  it('refuses b64: false (unencoded payload)', async () => {
    await rejects(() => checkJoseHeader({ alg: 'RS256', b64: false, crit: ['b64'] }), 'bad-jwt');
    await rejects(() => checkJoseHeader({ alg: 'RS256', b64: 'false' }), 'bad-jwt');
  });

  it('refuses a header jwk that carries a private key', async () => {
    const priv = ed.privateKey.export({ format: 'jwk' });
    expect(priv).toHaveProperty('d');
    const jws = parse(makeJws({ alg: 'EdDSA', jwk: priv }, PAYLOAD, ed.privateKey));
    await expect(verifyJws(jws, await importVerifyKey(jwkOf(ed.publicKey), 'EdDSA'))).rejects.toThrow(/private key/);
    await rejects(() => checkJoseHeader(jws.header), 'bad-key');
  });
});

describe('verifyJws: key and signature shape', () => {
  it('refuses a DER-encoded ES256 signature', async () => {
    const jws = parse(makeJws({ alg: 'ES256' }, PAYLOAD, p256.privateKey, { derEcdsa: true }));
    expect(jws.signature[0]).toBe(0x30);
    await expect(verifyJws(jws, await importVerifyKey(jwkOf(p256.publicKey), 'ES256'))).rejects.toThrow(/DER/);
    await rejects(verifyJws(jws, await importVerifyKey(jwkOf(p256.publicKey), 'ES256')), 'bad-proof');
  });

  it('refuses signatures of the wrong length', async () => {
    const jws = parse(makeJws({ alg: 'EdDSA' }, PAYLOAD, ed.privateKey));
    jws.signature = jws.signature.slice(0, 63);
    await rejects(verifyJws(jws, await importVerifyKey(jwkOf(ed.publicKey), 'EdDSA')), 'bad-proof');
    const r = parse(makeJws({ alg: 'RS256' }, PAYLOAD, rsa.privateKey));
    r.signature = new Uint8Array([0, ...r.signature]);
    await rejects(verifyJws(r, await importVerifyKey(jwkOf(rsa.publicKey), 'RS256')), 'bad-proof');
  });

  it('refuses a key of another type than the header alg (algorithm confusion)', async () => {
    const jws = parse(makeJws({ alg: 'RS256' }, PAYLOAD, rsa.privateKey));
    await rejects(verifyJws(jws, await importVerifyKey(jwkOf(p256.publicKey), 'ES256')), 'bad-key');
    await rejects(verifyJws(jws, await importVerifyKey(jwkOf(ed.publicKey), 'EdDSA', { ed25519: 'noble' })), 'bad-key');
    const sha384 = await crypto.subtle.importKey('jwk', jwkOf(rsa.publicKey), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }, true, ['verify']);
    await rejects(verifyJws(jws, sha384), 'bad-key');
  });
});

describe('importVerifyKey', () => {
  it('refuses RSA keys under 2048 bits (JWK and PEM)', async () => {
    await expect(importVerifyKey(jwkOf(rsa1024.publicKey), 'RS256')).rejects.toThrow(/1024 bits/);
    await rejects(importVerifyKey({ pem: pemOf(rsa1024.publicKey) }, 'RS256'), 'bad-key');
    // and a 1024-bit CryptoKey imported elsewhere is refused at verification too
    const small = await crypto.subtle.importKey('jwk', jwkOf(rsa1024.publicKey), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
    await rejects(verifyJws(parse(makeJws({ alg: 'RS256' }, PAYLOAD, rsa1024.privateKey)), small), 'bad-key');
  });

  it('refuses JWKs with private members', async () => {
    for (const k of [ed, p256, rsa]) {
      const priv = k.privateKey.export({ format: 'jwk' }) as JsonWebKey;
      const alg: JwsAlg = priv.kty === 'OKP' ? 'EdDSA' : priv.kty === 'EC' ? 'ES256' : 'RS256';
      await expect(importVerifyKey(priv, alg)).rejects.toThrow(/private key/);
    }
    await rejects(importVerifyKey({ kty: 'oct', k: 'c2VjcmV0' }, 'RS256'), 'bad-key');
  });

  it('refuses a JWK that does not match the algorithm', async () => {
    await rejects(importVerifyKey(jwkOf(ed.publicKey), 'ES256'), 'bad-key');
    await rejects(importVerifyKey(jwkOf(p384.publicKey), 'ES256'), 'bad-key');
    await rejects(importVerifyKey(jwkOf(p256.publicKey), 'RS256'), 'bad-key');
    await rejects(importVerifyKey({ ...jwkOf(ed.publicKey), crv: 'Ed448' }, 'EdDSA'), 'bad-key');
    await rejects(importVerifyKey({ ...jwkOf(rsa.publicKey), alg: 'RS512' }, 'RS256'), 'bad-key');
    await rejects(importVerifyKey({ ...jwkOf(rsa.publicKey), use: 'enc' }, 'RS256'), 'bad-key');
    await rejects(importVerifyKey({ ...jwkOf(rsa.publicKey), key_ops: ['encrypt'] }, 'RS256'), 'bad-key');
    await rejects(importVerifyKey({ ...jwkOf(ed.publicKey), x: 'AAAA' }, 'EdDSA'), 'bad-key');
    await rejects(importVerifyKey({ ...jwkOf(p256.publicKey), x: 'not base64url!' }, 'ES256'), 'bad-key');
    // accepted annotations
    expect(await importVerifyKey({ ...jwkOf(rsa.publicKey), alg: 'RS256', use: 'sig', key_ops: ['verify'], kid: 'k1' } as JsonWebKey, 'RS256')).toBeDefined();
  });

  it('refuses PEMs that are private, of another type, or not keys', async () => {
    const privPem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await expect(importVerifyKey({ pem: privPem }, 'RS256')).rejects.toThrow(/private key/);
    await rejects(importVerifyKey({ pem: pemOf(p256.publicKey) }, 'RS256'), 'bad-key');
    await rejects(importVerifyKey({ pem: pemOf(rsa.publicKey) }, 'EdDSA'), 'bad-key');
    await rejects(importVerifyKey({ pem: pemOf(rsa.publicKey) }, 'ES256'), 'bad-key');
    await rejects(importVerifyKey({ pem: 'hello' }, 'RS256'), 'bad-key');
    await rejects(importVerifyKey({ pem: '-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----' }, 'RS256'), 'bad-key');
    const pkcs1 = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    await rejects(importVerifyKey({ pem: pkcs1 }, 'ES256'), 'bad-key');
  });
});

describe('didJwkToJwk', () => {
  const jwk = jwkOf(ed.publicKey);
  const did = `did:jwk:${b64u(JSON.stringify(jwk))}`;

  it('decodes a did:jwk and its #0 verification method', async () => {
    expect(didJwkToJwk(did)).toEqual(jwk);
    expect(didJwkToJwk(`${did}#0`)).toEqual(jwk);
    const key = await importVerifyKey(didJwkToJwk(`${did}#0`), 'EdDSA');
    expect(await verifyJws(parse(makeJws({ alg: 'EdDSA', kid: `${did}#0` }, PAYLOAD, ed.privateKey)), key)).toBe(true);
  });

  it('decodes the secp256k1 did:jwk of the Velocity fixture, which no supported alg accepts', async () => {
    const text = await readFile(new URL('1edtech-validator/ob30/velocity.jwt', CONFORMANCE), 'utf8');
    const sub = JSON.parse(Buffer.from(text.trim().split('.')[1]!, 'base64url').toString('utf8')).sub as string;
    const k = didJwkToJwk(sub);
    expect(k).toMatchObject({ kty: 'EC', crv: 'secp256k1' });
    await rejects(importVerifyKey(k, 'ES256'), 'bad-key');
  });

  it('refuses other DIDs, other fragments, bad encodings and private keys', () => {
    expect(() => didJwkToJwk('did:key:z6Mk')).toThrow(expect.objectContaining({ code: 'unsupported-did' }));
    expect(() => didJwkToJwk(`${did}#1`)).toThrow(expect.objectContaining({ code: 'bad-key' }));
    expect(() => didJwkToJwk(`${did}/path`)).toThrow(expect.objectContaining({ code: 'unsupported-did' }));
    expect(() => didJwkToJwk('did:jwk:e30=')).toThrow(expect.objectContaining({ code: 'unsupported-did' }));
    expect(() => didJwkToJwk(`did:jwk:${b64u('not json')}`)).toThrow(expect.objectContaining({ code: 'bad-key' }));
    expect(() => didJwkToJwk(`did:jwk:${b64u('[1]')}`)).toThrow(expect.objectContaining({ code: 'bad-key' }));
    const priv = `did:jwk:${b64u(JSON.stringify(ed.privateKey.export({ format: 'jwk' })))}`;
    expect(() => didJwkToJwk(priv)).toThrow(/private key/);
  });
});

describe('conformance: OB 2.0 signed badges (RS256, PEM key from verification.creator)', async () => {
  const manifest = JSON.parse(await readFile(new URL('manifest.json', CONFORMANCE), 'utf8')) as Array<{
    id: string; file: string; format: string; requires: { urlMap: Record<string, string> };
  }>;
  const cases = manifest.filter((c) => c.format === 'ob2-signed');
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(`${c.id}: signature verifies with the issuer's PEM`, async () => {
      const jws = parse((await readFile(new URL(c.file, CONFORMANCE), 'utf8')).trim());
      const creator = (jws.payload as { verification: { creator: string } }).verification.creator;
      const keyDoc = JSON.parse(await readFile(new URL(c.requires.urlMap[creator]!, CONFORMANCE), 'utf8')) as { publicKeyPem: string };
      const key = await importVerifyKey({ pem: keyDoc.publicKeyPem }, 'RS256');
      expect(await verifyJws(jws, key, ['RS256'])).toBe(true);
      const tampered = { ...jws, signingInput: `${String(jws.signingInput)}x` };
      expect(await verifyJws(tampered, key, ['RS256'])).toBe(false);
    });
  }
});
