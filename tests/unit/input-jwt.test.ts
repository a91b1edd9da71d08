import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeJws, parseCompactJws } from '../../sdk/input/jwt.js';
import { codeOf } from '../helpers/errors.js';

const CONFORMANCE = new URL('../../../shared/conformance/', import.meta.url);

// Independent encoder for the fixtures: Node's Buffer.
const b64u = (v: string | Uint8Array) => Buffer.from(v).toString('base64url');
const part = (o: unknown) => b64u(JSON.stringify(o));
const H = part({ alg: 'EdDSA', typ: 'JWT' });
const P = part({ iss: 'did:example:1', vc: { name: 'Zoë' } });
const S = b64u(new Uint8Array([1, 2, 3, 250, 251, 252]));


describe('parseCompactJws', () => {
  it('parses header, payload, signing input and signature', () => {
    const raw = `${H}.${P}.${S}`;
    const j = parseCompactJws(raw);
    expect(j.header).toEqual({ alg: 'EdDSA', typ: 'JWT' });
    expect(j.payload).toEqual({ iss: 'did:example:1', vc: { name: 'Zoë' } });
    expect(j.signingInput).toBe(`${H}.${P}`);
    expect([...j.signature]).toEqual([1, 2, 3, 250, 251, 252]);
    expect(j.raw).toBe(raw);
  });

  it('returns a non-JSON payload as exact text', () => {
    expect(parseCompactJws(`${H}.${b64u('hello, world')}.${S}`).payload).toBe('hello, world');
  });

  it('parses the conformance JWTs', () => {
    for (const f of ['1edtech-validator/ob30/simple.jwt', '1edtech-validator/ob20/simple.jwt']) {
      const raw = readFileSync(new URL(f, CONFORMANCE), 'utf8').trim();
      const j = parseCompactJws(raw);
      expect(typeof j.header.alg).toBe('string');
      expect(typeof j.payload).toBe('object');
      expect(j.signature.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['padding', `${H}.${P}.${S}=`],
    ['padding inside', `${H}=.${P}.${S}`],
    ['standard-base64 characters', `${H}.${P}.${S.slice(0, -1)}+`],
    ['slash', `${H}.${P}/.${S}`],
    ['whitespace', ` ${H}.${P}.${S}`],
    ['a newline inside', `${H}.${P}\n.${S}`],
    ['two parts', `${H}.${P}`],
    ['four parts', `${H}.${P}.${S}.${S}`],
    ['an empty header', `.${P}.${S}`],
    ['an empty payload (detached)', `${H}..${S}`],
    ['an empty signature (unsecured)', `${H}.${P}.`],
    ['a non-JSON header', `${b64u('alg=none')}.${P}.${S}`],
    ['a JSON array header', `${part(['alg'])}.${P}.${S}`],
    ['a header without alg', `${part({ typ: 'JWT' })}.${P}.${S}`],
    ['a non-string alg', `${part({ alg: 1 })}.${P}.${S}`],
    ['b64: false', `${part({ alg: 'HS256', b64: false, crit: ['b64'] })}.${P}.${S}`],
    ['invalid JSON in a payload starting with {', `${H}.${b64u('{"a":')}.${S}`],
    ['a JSON payload that is not UTF-8', `${H}.${b64u(new Uint8Array([0x7b, 0xff, 0x7d]))}.${S}`],
    ['a non-canonical last character', `${H}.${P}.${b64u(new Uint8Array([1]))[0]}B`],
    ['length 4n+1', `${H}.${P}.AAAAA`],
    ['a header nested too deep', `${b64u('{"alg":"x","a":' + '['.repeat(200) + ']'.repeat(200) + '}')}.${P}.${S}`],
  ])('refuses %s', (_name, raw) => {
    expect(codeOf(() => parseCompactJws(raw))).toBe('bad-jwt');
  });

  it('names JWE when given five parts', () => {
    expect(() => parseCompactJws('a.b.c.d.e')).toThrow(/JWE/);
  });

  it('refuses non-strings', () => {
    expect(codeOf(() => parseCompactJws(42 as unknown as string))).toBe('bad-jwt');
  });
});

describe('looksLikeJws', () => {
  it('accepts the compact shape with a JSON header', () => {
    expect(looksLikeJws(`${H}.${P}.${S}`)).toBe(true);
    expect(looksLikeJws(`${b64u(' {"alg":"x"}')}.${P}.${S}`)).toBe(true);
  });
  it('rejects everything else', () => {
    expect(looksLikeJws(`${H}.${P}`)).toBe(false);
    expect(looksLikeJws(` ${H}.${P}.${S}`)).toBe(false);
    expect(looksLikeJws('www.example.com')).toBe(false);
    expect(looksLikeJws(`${b64u('not json')}.${P}.${S}`)).toBe(false);
    expect(looksLikeJws('{"a":1}')).toBe(false);
    expect(looksLikeJws(undefined as unknown as string)).toBe(false);
  });
});
