import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base58Decode, base58Encode, multibaseBase58Decode } from '../../sdk/util/base58.js';

describe('base58btc', () => {
  it('round-trips random bytes of every length up to 80, with leading zeros', () => {
    for (let n = 0; n < 1500; n++) {
      const b = randomBytes(n % 81);
      if (n % 5 === 0 && b.length > 2) b[0] = b[1] = 0;
      expect(Buffer.from(base58Decode(base58Encode(b))).equals(b)).toBe(true);
    }
  });
  it('matches known values and refuses bad characters', () => {
    expect(base58Encode(Buffer.from('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(Buffer.from(base58Decode('2NEpo7TZRRrLZSi2U')).toString()).toBe('Hello World!');
    expect(() => base58Decode('0OIl')).toThrow(expect.objectContaining({ code: 'bad-input' }));
    expect(() => multibaseBase58Decode('uABC')).toThrow(expect.objectContaining({ code: 'bad-input' }));
  });
});
