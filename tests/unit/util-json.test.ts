import { describe, expect, it, vi } from 'vitest';
import { isCredLensError } from '../../sdk/errors.js';
import { MAX_JSON_DEPTH, parseJson, textOf, typesOf } from '../../sdk/util/json.js';

const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'parsed';
  } catch (e) {
    return isCredLensError(e) ? e.code : 'untyped';
  }
};

describe('parseJson', () => {
  it('accepts exactly the depth limit and refuses one level more', () => {
    expect(codeOf(() => parseJson(nested(MAX_JSON_DEPTH)))).toBe('parsed');
    expect(codeOf(() => parseJson(nested(MAX_JSON_DEPTH + 1)))).toBe('too-deep');
    expect(codeOf(() => parseJson(`{"a":${nested(3)}}`, 'x', 4))).toBe('parsed');
    expect(codeOf(() => parseJson(`{"a":${nested(4)}}`, 'x', 4))).toBe('too-deep');
  });

  it('counts objects and arrays alike, at any position, and not brackets inside strings', () => {
    const deepObject = '{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1);
    expect(codeOf(() => parseJson(deepObject))).toBe('too-deep');
    const lateDeep = `[1, "x", {"b": [2]}, ${nested(MAX_JSON_DEPTH)}]`;
    expect(codeOf(() => parseJson(lateDeep))).toBe('too-deep');
    expect(parseJson(JSON.stringify({ s: '[[[[[[[[[[[['.repeat(50), t: '\\"{' }))).toEqual({ s: '[[[[[[[[[[[['.repeat(50), t: '\\"{' });
  });

  it('refuses a 100,000-deep document with a typed error, and names where it came from', () => {
    let err: unknown;
    try {
      parseJson(nested(100_000), 'The credential');
    } catch (e) {
      err = e;
    }
    expect(isCredLensError(err, 'too-deep')).toBe(true);
    expect((err as Error).message).toContain('The credential');
  });

  it('refuses a large deep document before parsing it (no millions of arrays built first)', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(codeOf(() => parseJson(nested(1_000_000)))).toBe('too-deep');
      expect(parse).not.toHaveBeenCalled();
      // a large document of normal depth is parsed as usual
      const wide = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i })));
      expect((parseJson(wide) as unknown[]).length).toBe(20_000);
    } finally {
      parse.mockRestore();
    }
  });

  it('calls a document too-deep even when it is also malformed, large or small', () => {
    expect(codeOf(() => parseJson(nested(MAX_JSON_DEPTH + 1).slice(0, -1)))).toBe('too-deep');
    expect(codeOf(() => parseJson('['.repeat(200_000)))).toBe('too-deep');
  });

  it('reports invalid JSON as bad-json', () => {
    expect(codeOf(() => parseJson('{"a": '))).toBe('bad-json');
    expect(codeOf(() => parseJson(''))).toBe('bad-json');
  });
});

describe('typesOf and textOf', () => {
  it('typesOf reads every string type, type or @type, and nothing from a non-node', () => {
    const many = Array.from({ length: 60 }, (_, i) => `T${i}`);
    expect(typesOf({ type: many })).toEqual(many);
    expect(typesOf({ '@type': 'Assertion' })).toEqual(['Assertion']);
    expect(typesOf({ type: ['A', 3, null, 'B'] })).toEqual(['A', 'B']);
    expect(typesOf('Assertion')).toEqual([]);
  });

  it('textOf reads strings, numbers, value objects and language maps, English first', () => {
    expect(textOf('  Data Analyst  ')).toBe('Data Analyst');
    expect(textOf('   ')).toBeUndefined();
    expect(textOf(5)).toBe('5');
    expect(textOf({ '@value': 'Wert', '@language': 'de' })).toBe('Wert');
    expect(textOf({ cs: 'Analytik dat', en: 'Data analytics' })).toBe('Data analytics');
    expect(textOf({ EN: 'Upper-case tag' })).toBe('Upper-case tag');
    expect(textOf({ 'en-GB': 'British', de: 'Deutsch' })).toBe('British');
    expect(textOf({ '@none': 'No language' })).toBe('No language');
    expect(textOf([{ '@value': 'Deutsch', '@language': 'de' }, { '@value': 'English', '@language': 'en' }])).toBe('English');
    expect(textOf({ cs: '', sk: 'Slovensky' })).toBe('Slovensky');
  });

  it('textOf does not take a node for text', () => {
    expect(textOf({ id: 'https://issuer.example', type: 'Profile' })).toBeUndefined();
    // a bare reference is not an Indonesian-only language map; Indonesian among other languages is
    expect(textOf({ id: 'https://criteria.example/robotics' })).toBeUndefined();
    expect(textOf([{ id: 'urn:uuid:1' }, 'Robotics'])).toBe('Robotics');
    expect(textOf({ id: 'Analitik data', cs: 'Analytika dat' })).toBe('Analitik data');
    expect(textOf({ name: 'x' })).toBeUndefined();
    expect(textOf(null)).toBeUndefined();
  });
});
