import { describe, expect, it } from 'vitest';
import { isCredLensError } from '../../sdk/errors.js';
import { MAX_JSON_DEPTH, parseJson } from '../../sdk/util/json.js';

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

  it('reports invalid JSON as bad-json', () => {
    expect(codeOf(() => parseJson('{"a": '))).toBe('bad-json');
    expect(codeOf(() => parseJson(''))).toBe('bad-json');
  });
});
