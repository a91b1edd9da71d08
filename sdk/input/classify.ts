/**
 * First look at whatever the caller handed in: a URL, JSON (text or object), a compact JWS, PNG or
 * SVG bytes. Nothing is fetched or verified here; the text is kept exactly as given.
 */
import { CredLensError } from '../errors.js';
import { utf8Decode } from '../util/bytes.js';
import { isObject, MAX_JSON_DEPTH, parseJson } from '../util/json.js';
import { looksLikeJws } from './jwt.js';
import { isPng } from './png.js';
import { looksLikeSvg } from './svg.js';
import type { RawInput } from './types.js';

/** Largest input accepted as text or bytes. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/**
 * Classifies an input. Strings: an http(s) URL, JSON starting with `{`, a compact JWS, or SVG
 * markup (surrounding whitespace ignored). Bytes: PNG by signature, otherwise UTF-8 text classified
 * like a string. Plain objects (and `URL` objects) are taken as they are. Throws `bad-input`.
 */
export function classifyInput(input: string | Uint8Array | ArrayBuffer | object): RawInput {
  if (typeof input === 'string') return classifyText(input);
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return classifyBytes(toBytes(input));
  if (typeof URL !== 'undefined' && input instanceof URL) return classifyText(input.href);
  if (isObject(input)) return classifyObject(input);
  const what = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
  throw new CredLensError('bad-input', `Cannot verify ${what}: give a URL, a credential (JSON text or object), a JWT, or PNG/SVG badge bytes.`);
}

function toBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

function classifyBytes(bytes: Uint8Array): RawInput {
  if (bytes.length === 0) throw new CredLensError('bad-input', 'The input is empty.');
  if (bytes.length > MAX_INPUT_BYTES) throw new CredLensError('too-large', 'The input is larger than 100 MB.');
  if (isPng(bytes)) return { kind: 'png', bytes };
  let text: string;
  try {
    text = utf8Decode(bytes);
  } catch {
    throw new CredLensError('bad-input', 'The input is neither a PNG image nor UTF-8 text (JSON, JWT, SVG or a URL).');
  }
  return classifyText(text);
}

function classifyText(input: string): RawInput {
  if (input.length > MAX_INPUT_BYTES) throw new CredLensError('too-large', 'The input is larger than 100 MB.');
  const t = input.trim(); // also drops a byte-order mark (U+FEFF is ECMAScript white space)
  if (t === '') throw new CredLensError('bad-input', 'The input is empty.');
  if (t.startsWith('{')) {
    const value = parseJson(t, 'The input');
    if (!isObject(value)) throw new CredLensError('bad-input', 'The input is JSON but not a JSON object.');
    return { kind: 'json', value, text: input };
  }
  if (t.startsWith('[')) throw new CredLensError('bad-input', 'The input is a JSON array; give one credential (a JSON object) at a time.');
  if (t.startsWith('<')) {
    if (looksLikeSvg(t)) return { kind: 'svg', text: t };
    throw new CredLensError('bad-input', 'The input is markup but not an SVG image; for a web page, give its URL instead.');
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(t) && !looksLikeJws(t)) return classifyUrl(t);
  if (looksLikeJws(t)) return { kind: 'jwt', jws: t };
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/i.test(t)) {
    throw new CredLensError('bad-input', `"${short(t)}" looks like a link without its scheme; add https:// in front.`);
  }
  throw new CredLensError('bad-input', `The input is not a URL, a JSON credential, a JWT or an SVG badge ("${short(t)}").`);
}

function classifyUrl(t: string): RawInput {
  if (/\s/.test(t)) throw new CredLensError('bad-input', `"${short(t)}" is not a single URL (it contains spaces).`);
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    throw new CredLensError('bad-input', `"${short(t)}" is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CredLensError('bad-input', `Only http and https links can be verified, not ${url.protocol} ("${short(t)}").`);
  }
  return { kind: 'url', url: url.href };
}

function classifyObject(value: Record<string, unknown>): RawInput {
  // A copy detaches the value from the caller and keeps only plain JSON data: no getters, no
  // prototypes, no cycles, no BigInt, bounded depth. (A walk: a JSON round trip costs several times more.)
  const clone = plainCopy(value, 0, new Set());
  if (!isObject(clone)) throw new CredLensError('bad-input', 'The object is not a JSON object.');
  return { kind: 'json', value: clone };
}

function plainCopy(v: unknown, depth: number, ancestors: Set<object>): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      if (!Number.isFinite(v)) throw new CredLensError('bad-input', 'The object holds a number JSON cannot carry (NaN or Infinity).');
      return v;
    case 'object': {
      if (v === null) return null;
      if (depth >= MAX_JSON_DEPTH) throw new CredLensError('too-deep', `The credential object nests deeper than ${MAX_JSON_DEPTH} levels.`);
      if (ancestors.has(v)) throw new CredLensError('bad-input', 'The object is not plain JSON data: it contains a cycle.');
      ancestors.add(v);
      let out: unknown;
      if (Array.isArray(v)) {
        out = v.map((x) => (x === undefined ? null : plainCopy(x, depth + 1, ancestors)));
      } else {
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) {
          throw new CredLensError('bad-input', `The object is not plain JSON data: it holds a ${proto?.constructor?.name ?? 'non-plain'} object.`);
        }
        const o: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
          const x = (v as Record<string, unknown>)[k];
          if (x !== undefined) o[k] = plainCopy(x, depth + 1, ancestors);
        }
        out = o;
      }
      ancestors.delete(v);
      return out;
    }
    default:
      throw new CredLensError('bad-input', `The object is not plain JSON data: it holds a ${typeof v}.`);
  }
}

function short(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}
