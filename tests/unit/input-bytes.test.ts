import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  base64UrlDecode,
  base64UrlEncode,
  bytesEqual,
  hexDecode,
  hexEncode,
  latin1Decode,
  utf8Decode,
  utf8Encode,
} from '../../sdk/util/bytes.js';
import { codeOf } from '../helpers/errors.js';


describe('bytes', () => {
  it('round-trips base64url, base64 and hex against Node for lengths 0..64', () => {
    for (let n = 0; n <= 64; n++) {
      const b = new Uint8Array(randomBytes(n));
      const node = Buffer.from(b);
      expect(base64UrlEncode(b)).toBe(node.toString('base64url'));
      expect(base64Encode(b)).toBe(node.toString('base64'));
      expect(hexEncode(b)).toBe(node.toString('hex'));
      expect(bytesEqual(base64UrlDecode(node.toString('base64url')), b)).toBe(true);
      expect(bytesEqual(base64Decode(node.toString('base64')), b)).toBe(true);
      expect(bytesEqual(base64Decode(node.toString('base64').replace(/=+$/, '')), b)).toBe(true);
      expect(bytesEqual(hexDecode(node.toString('hex').toUpperCase()), b)).toBe(true);
    }
  });

  it('is strict about base64url', () => {
    for (const bad of ['AQ==', 'A+8', 'A/8', 'AQ ', 'A', 'AB', 'AR', 'ü']) {
      expect(codeOf(() => base64UrlDecode(bad))).toBe('bad-input');
    }
    expect(codeOf(() => base64UrlDecode('@@', 'x', 'bad-jwt'))).toBe('bad-jwt');
    expect([...base64UrlDecode('AQ')]).toEqual([1]);
  });

  it('is strict about base64', () => {
    for (const bad of ['AQ=', 'AQ===', 'A-8=', 'A_8=', 'AQ=A', 'AR==']) {
      expect(codeOf(() => base64Decode(bad))).toBe('bad-input');
    }
  });

  it('is strict about hex', () => {
    for (const bad of ['abc', 'zz', '0x00', ' 00']) expect(codeOf(() => hexDecode(bad))).toBe('bad-input');
  });

  it('decodes exact UTF-8 and refuses invalid bytes instead of replacing them', () => {
    expect(utf8Decode(utf8Encode('Ã© é ✓ \uFEFF'))).toBe('Ã© é ✓ \uFEFF');
    expect(utf8Decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('\uFEFFA');
    expect(codeOf(() => utf8Decode(new Uint8Array([0xc3])))).toBe('bad-input');
    expect(codeOf(() => utf8Decode(new Uint8Array([0xed, 0xa0, 0x80])))).toBe('bad-input'); // a surrogate
  });

  it('decodes Latin-1 byte for code point', () => {
    expect(latin1Decode(new Uint8Array([0x41, 0xe9, 0xff]))).toBe('Aéÿ');
    expect(latin1Decode(new Uint8Array(20000).fill(0x61))).toBe('a'.repeat(20000));
  });
});
