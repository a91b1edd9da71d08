import { CredLensError } from '../errors.js';

/** Deepest nesting accepted in any JSON document. Real credentials stay far below it. */
export const MAX_JSON_DEPTH = 100;

/**
 * Parses JSON with a depth limit checked before parsing (a linear scan that skips strings), so a
 * 100k-deep document is refused in O(n) instead of overflowing a recursive consumer later.
 */
export function parseJson(text: string, where = 'the input', maxDepth = MAX_JSON_DEPTH): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) throw new CredLensError('too-deep', `${where} nests deeper than ${maxDepth} levels.`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CredLensError('bad-json', `${where} is not valid JSON: ${(e as Error).message}`);
  }
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
