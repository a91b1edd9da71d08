/**
 * Compact JWS (RFC 7515 §7.1), as used by VC-JWT / OB 3.0 JWT credentials and OB 2.0 signed
 * assertions. Parsing only: the signature is checked by the proof stage over `signingInput`.
 */
import { CredLensError } from '../errors.js';
import { base64UrlDecode, utf8Decode } from '../util/bytes.js';
import { isObject, parseJson } from '../util/json.js';

/** A parsed compact JWS. */
export interface CompactJws {
  /** The JOSE header (always a JSON object with a string `alg`). */
  header: Record<string, unknown>;
  /** The payload: a JSON object, or the exact text when the payload is not JSON. */
  payload: Record<string, unknown> | string;
  /** ASCII(BASE64URL(header) '.' BASE64URL(payload)): the bytes the signature covers. */
  signingInput: string;
  signature: Uint8Array;
  /** The compact serialization exactly as given. */
  raw: string;
}

/** Largest compact JWS accepted (characters). */
export const MAX_JWS_LENGTH = 16 * 1024 * 1024;

const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * True when `s` has the shape of a compact JWS whose header decodes to a JSON object. Cheap: it
 * does not parse the payload. Surrounding whitespace makes it false (trim first).
 */
export function looksLikeJws(s: string): boolean {
  if (typeof s !== 'string' || s.length > MAX_JWS_LENGTH || !SHAPE.test(s)) return false;
  const h = s.slice(0, s.indexOf('.'));
  if (h.length > 64 * 1024) return false;
  try {
    return /^\s*\{/.test(utf8Decode(base64UrlDecode(h)));
  } catch {
    return false;
  }
}

/**
 * Parses a compact JWS strictly: exactly three base64url parts (no padding, no whitespace), a
 * JSON-object header with a string `alg`, a non-empty payload and signature. Throws `bad-jwt`.
 * Payloads that start with `{` must be valid JSON objects; other payloads are returned as text.
 */
export function parseCompactJws(s: string): CompactJws {
  if (typeof s !== 'string') throw new CredLensError('bad-jwt', 'A JWT must be a string.');
  if (s.length > MAX_JWS_LENGTH) throw new CredLensError('bad-jwt', `The JWT is longer than ${MAX_JWS_LENGTH} characters.`);
  const parts = s.split('.');
  if (parts.length !== 3) {
    throw new CredLensError('bad-jwt', `A compact JWS has 3 parts separated by dots; this one has ${parts.length}${parts.length === 5 ? ' (5 parts is an encrypted JWE, which is not supported)' : ''}.`);
  }
  const [h, p, sig] = parts as [string, string, string];
  if (!h) throw new CredLensError('bad-jwt', 'The JWT header is empty.');
  if (!p) throw new CredLensError('bad-jwt', 'The JWT payload is empty (detached payloads are not supported).');
  if (!sig) throw new CredLensError('bad-jwt', 'The JWT has no signature (an unsecured JWT cannot be verified).');

  const header = jsonPart(h, 'header');
  if (!isObject(header)) throw new CredLensError('bad-jwt', 'The JWT header is not a JSON object.');
  if (typeof header.alg !== 'string' || header.alg === '') throw new CredLensError('bad-jwt', 'The JWT header has no "alg".');
  if (header.b64 === false) throw new CredLensError('bad-jwt', 'Unencoded JWS payloads (b64: false) are not supported.');

  const payloadText = utf8Decode(base64UrlDecode(p, 'The JWT payload', 'bad-jwt'), 'The JWT payload', 'bad-jwt');
  let payload: Record<string, unknown> | string = payloadText;
  if (/^\s*\{/.test(payloadText)) {
    const v = parseStrict(payloadText, 'payload');
    if (!isObject(v)) throw new CredLensError('bad-jwt', 'The JWT payload is not a JSON object.');
    payload = v;
  }
  const signature = base64UrlDecode(sig, 'The JWT signature', 'bad-jwt');
  return { header, payload, signingInput: `${h}.${p}`, signature, raw: s };
}

function jsonPart(b64: string, name: string): unknown {
  const text = utf8Decode(base64UrlDecode(b64, `The JWT ${name}`, 'bad-jwt'), `The JWT ${name}`, 'bad-jwt');
  return parseStrict(text, name);
}

function parseStrict(text: string, name: string): unknown {
  try {
    return parseJson(text, `The JWT ${name}`);
  } catch (e) {
    throw new CredLensError('bad-jwt', (e as Error).message, { cause: e });
  }
}
