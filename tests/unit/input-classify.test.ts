import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyInput } from '../../sdk/input/classify.js';
import { codeOf } from '../helpers/errors.js';

const CONFORMANCE = new URL('../../../shared/conformance/', import.meta.url);
const read = (f: string) => new Uint8Array(readFileSync(new URL(f, CONFORMANCE)));
const b64u = (v: string) => Buffer.from(v).toString('base64url');
const JWS = `${b64u('{"alg":"ES256"}')}.${b64u('{"iss":"x"}')}.${b64u('sig')}`;


describe('classifyInput: strings', () => {
  it('recognises http(s) URLs, trimmed', () => {
    expect(classifyInput('  https://www.credly.com/badges/abc?x=1 \n')).toEqual({ kind: 'url', url: 'https://www.credly.com/badges/abc?x=1' });
    expect(classifyInput('HTTP://Example.ORG/a')).toEqual({ kind: 'url', url: 'http://example.org/a' });
  });

  it('refuses other schemes and explains scheme-less links', () => {
    expect(codeOf(() => classifyInput('ftp://example.org/a'))).toBe('bad-input');
    expect(codeOf(() => classifyInput('did:web:example.org'))).toBe('bad-input');
    expect(codeOf(() => classifyInput('javascript:alert(1)'))).toBe('bad-input');
    expect(() => classifyInput('www.credly.com/badges/abc')).toThrow(/https:\/\//);
    expect(codeOf(() => classifyInput('https://a.example/x y'))).toBe('bad-input');
  });

  it('recognises JSON objects and keeps the original text', () => {
    const text = ' {"@context":"https://w3id.org/openbadges/v2","type":"Assertion"}\n';
    const r = classifyInput(text);
    expect(r).toEqual({ kind: 'json', value: { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' }, text });
  });

  it('refuses JSON arrays and reports invalid JSON', () => {
    expect(codeOf(() => classifyInput('[{"a":1}]'))).toBe('bad-input');
    expect(codeOf(() => classifyInput('{"a":'))).toBe('bad-json');
    expect(codeOf(() => classifyInput('{' + '"a":['.repeat(1) + '['.repeat(500) + ']'.repeat(501) + '}'))).toBe('too-deep');
  });

  it('recognises a compact JWS', () => {
    expect(classifyInput(`\n${JWS}\n`)).toEqual({ kind: 'jwt', jws: JWS });
  });

  it('recognises SVG markup but not other markup', () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(classifyInput(svg)).toEqual({ kind: 'svg', text: svg });
    expect(codeOf(() => classifyInput('<!DOCTYPE html><html></html>'))).toBe('bad-input');
  });

  it('stays fast on long runs of inner whitespace', () => {
    const t0 = performance.now();
    expect(codeOf(() => classifyInput('a' + ' '.repeat(200_000) + 'a'))).toBe('bad-input');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses empty and unrecognisable text', () => {
    expect(codeOf(() => classifyInput('   \n'))).toBe('bad-input');
    expect(codeOf(() => classifyInput('hello world'))).toBe('bad-input');
  });
});

describe('classifyInput: bytes', () => {
  it('recognises PNG by signature, from Uint8Array, Buffer and ArrayBuffer', () => {
    const png = read('1edtech-validator/ob30/simple-json.png');
    expect(classifyInput(png).kind).toBe('png');
    expect(classifyInput(Buffer.from(png)).kind).toBe('png');
    const ab = png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength);
    expect(classifyInput(ab).kind).toBe('png');
    expect(classifyInput(new DataView(ab)).kind).toBe('png');
  });

  it('decodes other bytes as UTF-8 and classifies the text', () => {
    const svg = read('1edtech-validator/ob30/simple-json.svg');
    expect(classifyInput(svg).kind).toBe('svg');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":1}')]);
    expect(classifyInput(bom)).toMatchObject({ kind: 'json', value: { a: 1 } });
    expect(classifyInput(new TextEncoder().encode(JWS))).toEqual({ kind: 'jwt', jws: JWS });
  });

  it('refuses bytes that are neither PNG nor UTF-8, and empty bytes', () => {
    expect(codeOf(() => classifyInput(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])))).toBe('bad-input');
    expect(codeOf(() => classifyInput(new Uint8Array(0)))).toBe('bad-input');
  });
});

describe('classifyInput: objects', () => {
  it('takes a plain object as a JSON credential, detached from the caller', () => {
    const o = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], skip: undefined };
    const r = classifyInput(o);
    expect(r).toEqual({ kind: 'json', value: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] } });
    if (r.kind === 'json') expect(r.value).not.toBe(o);
  });

  it('takes a URL object as a URL', () => {
    expect(classifyInput(new URL('https://example.org/a'))).toEqual({ kind: 'url', url: 'https://example.org/a' });
  });

  it('refuses cyclic objects, arrays and non-objects with a clear sentence', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(codeOf(() => classifyInput(cyclic))).toBe('bad-input');
    expect(codeOf(() => classifyInput([1, 2]))).toBe('bad-input');
    expect(codeOf(() => classifyInput(null as unknown as object))).toBe('bad-input');
    expect(codeOf(() => classifyInput(42 as unknown as object))).toBe('bad-input');
    expect(() => classifyInput(undefined as unknown as object)).toThrow(/give a URL/);
  });
});
