import { CredLensError } from '../errors.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Decodes base58btc (Bitcoin alphabet). Inputs longer than `max` characters are refused. */
export function base58Decode(s: string, max = 512): Uint8Array {
  if (s.length > max) throw new CredLensError('bad-input', `A base58 value is longer than ${max} characters.`);
  let zeros = 0;
  while (zeros < s.length && s[zeros] === '1') zeros++;
  // Little-endian base-2^32 limbs: a quarter of the inner-loop work of a byte array.
  const limbs: number[] = [];
  for (let i = zeros; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? INDEX[c]! : -1;
    if (v < 0) throw new CredLensError('bad-input', `"${s[i]}" is not a base58btc character.`);
    let carry = v;
    for (let j = 0; j < limbs.length; j++) {
      const x = limbs[j]! * 58 + carry;
      limbs[j] = x >>> 0;
      carry = Math.floor(x / 0x100000000);
    }
    if (carry > 0) limbs.push(carry);
  }
  const bytes: number[] = [];
  for (const limb of limbs) bytes.push(limb & 0xff, (limb >>> 8) & 0xff, (limb >>> 16) & 0xff, limb >>> 24);
  while (bytes.length > 0 && bytes[bytes.length - 1] === 0) bytes.pop();
  const out = new Uint8Array(zeros + bytes.length);
  for (let i = 0; i < bytes.length; i++) out[out.length - 1 - i] = bytes[i]!;
  return out;
}

/** Encodes bytes as base58btc. */
export function base58Encode(b: Uint8Array): string {
  let zeros = 0;
  while (zeros < b.length && b[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < b.length; i++) {
    let carry = b[i]!;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let s = '1'.repeat(zeros);
  for (let i = digits.length - 1; i >= 0; i--) s += ALPHABET[digits[i]!];
  return s;
}

/** Decodes a multibase base58btc string (prefix 'z'). */
export function multibaseBase58Decode(s: string): Uint8Array {
  if (typeof s !== 'string' || s[0] !== 'z') throw new CredLensError('bad-input', 'Expected a multibase base58btc value starting with "z".');
  return base58Decode(s.slice(1));
}
