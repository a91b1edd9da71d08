import { CredLensError } from '../errors.js';

/** Deepest nesting accepted in any JSON document. Real credentials stay far below it. */
export const MAX_JSON_DEPTH = 100;

/**
 * Texts longer than this are scanned for their depth before parsing. Parsing a hostile document of
 * millions of nested brackets builds millions of arrays (megabytes of text, hundreds of megabytes
 * of heap) before its depth could be checked; the scan refuses it without allocating.
 */
const SCAN_BEFORE_PARSE = 64 * 1024;

/**
 * Parses JSON with a depth limit, so a 100k-deep document is refused instead of overflowing a
 * recursive consumer later. A text too deep is `too-deep` even when it is also malformed.
 * Credentials are small: they are parsed first (V8's JSON.parse is iterative, any depth parses) and
 * the depth checked on the values, several times cheaper than a scan over every character while the
 * code is still cold (a service worker verifying a page). Large texts are scanned first.
 */
export function parseJson(text: string, where = 'the input', maxDepth = MAX_JSON_DEPTH): unknown {
  const tooDeep = () => new CredLensError('too-deep', `${where} nests deeper than ${maxDepth} levels.`);
  if (text.length > SCAN_BEFORE_PARSE && scansDeeper(text, maxDepth)) throw tooDeep();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (scansDeeper(text, maxDepth)) throw tooDeep();
    throw new CredLensError('bad-json', `${where} is not valid JSON: ${(e as Error).message}`);
  }
  if (text.length <= SCAN_BEFORE_PARSE && nestsDeeper(value, maxDepth)) throw tooDeep();
  return value;
}

/** True when the brackets of `text` (outside strings) nest more than `max` levels: a linear scan, no allocation. */
function scansDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** True when `value` has objects or arrays nested more than `max` levels (an explicit stack, no recursion). */
function nestsDeeper(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: object[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop()!;
    const d = depths.pop()!;
    if (d > max) return true;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (let i = 0; i < children.length; i++) {
      const c: unknown = children[i];
      if (typeof c === 'object' && c !== null) {
        stack.push(c);
        depths.push(d + 1);
      }
    }
  }
  return false;
}

/** A plain JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for plain JSON objects. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Wraps a single value in an array; undefined becomes []. JSON-LD allows either everywhere. */
export function asArray<T>(v: T | T[] | undefined | null): T[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** The id of a node given as a string or as an object with `id` (or `@id`). */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v)) {
    const id = v.id ?? v['@id'];
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/**
 * A JSON value as text, for messages and comparisons, without calling into the value: credential
 * JSON may hold objects whose `toString` is not a function.
 */
export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? '[array]' : '[object]';
}

/** Most values of one JSON-LD array read as text (hostile input may hold millions). */
const MAX_TEXT_VALUES = 50;

/** The `type` (or `@type`) values of a node as strings, non-strings dropped. */
export function typesOf(node: unknown): string[] {
  if (!isObject(node)) return [];
  return asArray(node.type ?? node['@type']).filter((t): t is string => typeof t === 'string');
}

// Keys of a JSON-LD language map: language tags (any case) and @none.
const LANG_KEY = /^(?:[a-z]{2,3}(?:-[a-z0-9]{1,8})*|@none)$/i;

/**
 * The text of a JSON value: a string (trimmed), a number, a JSON-LD value object (`@value`), a
 * language map (`{ "en": "...", "cs": "..." }`, keys any case, `@none` too; English first, then the
 * first language given) or the first of an array of those (English first). Undefined for anything
 * else (a node such as `{ "id": ..., "type": ... }` is not text) or for blank text.
 */
export function textOf(v: unknown, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    const texts = v.slice(0, MAX_TEXT_VALUES).map((x) => ({ x, t: textOf(x, depth + 1) })).filter((e) => e.t !== undefined);
    const en = texts.find((e) => isObject(e.x) && typeof e.x['@language'] === 'string' && /^en\b/i.test(e.x['@language']));
    return (en ?? texts[0])?.t;
  }
  if (!isObject(v)) return undefined;
  if ('@value' in v) return textOf(v['@value'], depth + 1);
  const keys = Object.keys(v);
  // `{ "id": ... }` alone is a reference to a node (`id` is the VC and Open Badges contexts' alias
  // of `@id`), not an Indonesian-only language map; in a map with other languages `id` stays one.
  if (keys.length === 1 && keys[0] === 'id') return undefined;
  if (keys.length > 0 && keys.every((k) => LANG_KEY.test(k))) {
    const en = keys.find((k) => /^en\b/i.test(k));
    for (const k of en ? [en, ...keys] : keys) {
      const t = textOf(v[k], depth + 1);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}
