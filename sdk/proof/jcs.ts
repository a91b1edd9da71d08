/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by UTF-16 code units, no
 * whitespace, ECMAScript number and string serialization. Lone surrogates are refused (RFC 8785
 * §3.2.2.2 requires well-formed strings) instead of being escaped.
 */
import { CredLensError } from '../errors.js';

/** Serializes a JSON value canonically. Throws `bad-input` for values JSON cannot carry. */
export function jcs(value: unknown): string {
  switch (typeof value) {
    case 'string':
      if (!value.isWellFormed()) {
        throw new CredLensError('bad-input', 'A string holds a lone surrogate, which canonical JSON cannot represent.');
      }
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CredLensError('bad-input', 'A number is not finite (NaN or Infinity).');
      return JSON.stringify(value); // ES Number::toString is exactly RFC 8785's number form
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return '[' + value.map(jcs).join(',') + ']';
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(); // default sort compares UTF-16 code units
      return '{' + keys.map((k) => jcs(k) + ':' + jcs(obj[k])).join(',') + '}';
    }
    default:
      throw new CredLensError('bad-input', `A ${typeof value} value cannot be serialized as JSON.`);
  }
}
