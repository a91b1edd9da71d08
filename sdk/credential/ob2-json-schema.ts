/**
 * A small JSON Schema (draft-04 to draft-07 core) validator for OB 2.0 extension schemas, which use
 * a handful of keywords (type, properties, required, items, enum, format...). Keywords it does not
 * implement are reported, never silently treated as satisfied; remote `$ref`s are not followed.
 */
import { isObject, type JsonObject } from '../util/json.js';

/** The result of validating one value. */
export interface SchemaResult {
  /** Violations, each a short phrase naming the JSON path. */
  errors: string[];
  /** Keywords present in the schema that this validator does not implement. */
  unsupported: string[];
}

/** Keywords that carry no constraint (annotations and bookkeeping). */
const ANNOTATIONS = new Set([
  '$schema', '$id', 'id', 'title', 'description', 'default', 'examples', '$comment', 'definitions', '$defs', 'readOnly', 'writeOnly',
]);

/** Validates `value` against `schema`. */
export function validateJsonSchema(value: unknown, schema: unknown): SchemaResult {
  const out: SchemaResult = { errors: [], unsupported: [] };
  check(value, schema, '$', isObject(schema) ? schema : {}, out, 0);
  out.unsupported = [...new Set(out.unsupported)];
  return out;
}

function check(v: unknown, s: unknown, path: string, root: JsonObject, out: SchemaResult, depth: number): void {
  if (depth > 50) {
    out.unsupported.push('deep $ref recursion');
    return;
  }
  if (s === true || s === undefined) return;
  if (s === false) {
    out.errors.push(`${path} is not allowed`);
    return;
  }
  if (!isObject(s)) return;
  for (const [k, kv] of Object.entries(s)) {
    if (ANNOTATIONS.has(k)) continue;
    switch (k) {
      case '$ref': {
        const target = typeof kv === 'string' ? resolveLocalRef(kv, root) : undefined;
        if (target === undefined) out.unsupported.push(`$ref ${String(kv)}`);
        else check(v, target, path, root, out, depth + 1);
        break;
      }
      case 'type': {
        const types = Array.isArray(kv) ? kv : [kv];
        if (!types.some((t) => typeof t === 'string' && hasType(v, t))) out.errors.push(`${path} should be ${types.join(' or ')}`);
        break;
      }
      case 'enum':
        if (Array.isArray(kv) && !kv.some((e) => equal(e, v))) out.errors.push(`${path} is not one of the allowed values`);
        break;
      case 'const':
        if (!equal(kv, v)) out.errors.push(`${path} is not the required value`);
        break;
      case 'properties':
        if (isObject(v) && isObject(kv)) for (const [p, ps] of Object.entries(kv)) if (p in v) check(v[p], ps, `${path}.${p}`, root, out, depth + 1);
        break;
      case 'patternProperties':
        if (isObject(v) && isObject(kv)) {
          for (const [pat, ps] of Object.entries(kv)) {
            const re = safeRegExp(pat);
            if (!re) out.unsupported.push(`patternProperties ${pat}`);
            else for (const p of Object.keys(v)) if (re.test(p)) check(v[p], ps, `${path}.${p}`, root, out, depth + 1);
          }
        }
        break;
      case 'additionalProperties':
        if (isObject(v)) {
          const known = new Set(isObject(s.properties) ? Object.keys(s.properties) : []);
          const pats = isObject(s.patternProperties) ? Object.keys(s.patternProperties).map(safeRegExp) : [];
          for (const p of Object.keys(v)) {
            if (known.has(p) || pats.some((re) => re?.test(p))) continue;
            if (kv === false) out.errors.push(`${path}.${p} is not an allowed property`);
            else check(v[p], kv, `${path}.${p}`, root, out, depth + 1);
          }
        }
        break;
      case 'required':
        if (isObject(v) && Array.isArray(kv)) for (const p of kv) if (typeof p === 'string' && !(p in v)) out.errors.push(`${path}.${p} is required`);
        break;
      case 'minProperties':
        if (isObject(v) && typeof kv === 'number' && Object.keys(v).length < kv) out.errors.push(`${path} has too few properties`);
        break;
      case 'maxProperties':
        if (isObject(v) && typeof kv === 'number' && Object.keys(v).length > kv) out.errors.push(`${path} has too many properties`);
        break;
      case 'items':
        if (Array.isArray(v)) {
          if (Array.isArray(kv)) kv.forEach((is, i) => i < v.length && check(v[i], is, `${path}[${i}]`, root, out, depth + 1));
          else v.forEach((x, i) => check(x, kv, `${path}[${i}]`, root, out, depth + 1));
        }
        break;
      case 'additionalItems':
        if (Array.isArray(v) && Array.isArray(s.items)) {
          for (let i = s.items.length; i < v.length; i++) {
            if (kv === false) out.errors.push(`${path}[${i}] is not allowed`);
            else check(v[i], kv, `${path}[${i}]`, root, out, depth + 1);
          }
        }
        break;
      case 'minItems':
        if (Array.isArray(v) && typeof kv === 'number' && v.length < kv) out.errors.push(`${path} has too few items`);
        break;
      case 'maxItems':
        if (Array.isArray(v) && typeof kv === 'number' && v.length > kv) out.errors.push(`${path} has too many items`);
        break;
      case 'uniqueItems':
        if (kv === true && Array.isArray(v) && v.some((x, i) => v.findIndex((y) => equal(x, y)) !== i)) out.errors.push(`${path} has duplicate items`);
        break;
      case 'contains':
        if (Array.isArray(v) && !v.some((x) => validateJsonSchema(x, kv).errors.length === 0)) out.errors.push(`${path} has no matching item`);
        break;
      case 'minLength':
        if (typeof v === 'string' && typeof kv === 'number' && [...v].length < kv) out.errors.push(`${path} is too short`);
        break;
      case 'maxLength':
        if (typeof v === 'string' && typeof kv === 'number' && [...v].length > kv) out.errors.push(`${path} is too long`);
        break;
      case 'pattern':
        if (typeof v === 'string' && typeof kv === 'string') {
          const re = safeRegExp(kv);
          if (!re) out.unsupported.push(`pattern ${kv}`);
          else if (!re.test(v)) out.errors.push(`${path} does not match the required pattern`);
        }
        break;
      case 'format':
        if (typeof v === 'string' && typeof kv === 'string') {
          const ok = FORMATS[kv];
          if (!ok) out.unsupported.push(`format ${kv}`);
          else if (!ok(v)) out.errors.push(`${path} is not a valid ${kv}`);
        }
        break;
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': case 'multipleOf':
        if (typeof v === 'number') numeric(k, kv, v, s, path, out);
        break;
      case 'allOf':
        if (Array.isArray(kv)) for (const sub of kv) check(v, sub, path, root, out, depth + 1);
        break;
      case 'anyOf':
        if (Array.isArray(kv) && !kv.some((sub) => subOk(v, sub, root, out, depth))) out.errors.push(`${path} matches none of the allowed shapes`);
        break;
      case 'oneOf':
        if (Array.isArray(kv) && kv.filter((sub) => subOk(v, sub, root, out, depth)).length !== 1) out.errors.push(`${path} must match exactly one allowed shape`);
        break;
      case 'not':
        if (subOk(v, kv, root, out, depth)) out.errors.push(`${path} matches a forbidden shape`);
        break;
      case 'dependencies':
        if (isObject(v) && isObject(kv)) {
          for (const [p, dep] of Object.entries(kv)) {
            if (!(p in v)) continue;
            if (Array.isArray(dep)) {
              for (const d of dep) if (typeof d === 'string' && !(d in v)) out.errors.push(`${path}.${d} is required with ${p}`);
            } else {
              check(v, dep, path, root, out, depth + 1);
            }
          }
        }
        break;
      default:
        out.unsupported.push(k);
    }
  }
}

function subOk(v: unknown, s: unknown, root: JsonObject, out: SchemaResult, depth: number): boolean {
  const inner: SchemaResult = { errors: [], unsupported: [] };
  check(v, s, '$', root, inner, depth + 1);
  out.unsupported.push(...inner.unsupported);
  return inner.errors.length === 0;
}

function numeric(k: string, kv: unknown, v: number, s: JsonObject, path: string, out: SchemaResult): void {
  if (k === 'minimum' && typeof kv === 'number' && (s.exclusiveMinimum === true ? v <= kv : v < kv)) out.errors.push(`${path} is too small`);
  if (k === 'maximum' && typeof kv === 'number' && (s.exclusiveMaximum === true ? v >= kv : v > kv)) out.errors.push(`${path} is too large`);
  if (k === 'exclusiveMinimum' && typeof kv === 'number' && v <= kv) out.errors.push(`${path} is too small`);
  if (k === 'exclusiveMaximum' && typeof kv === 'number' && v >= kv) out.errors.push(`${path} is too large`);
  if (k === 'multipleOf' && typeof kv === 'number' && kv > 0 && Math.abs(v / kv - Math.round(v / kv)) > 1e-9) out.errors.push(`${path} is not a multiple of ${kv}`);
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'boolean': return typeof v === 'boolean';
    case 'object': return isObject(v);
    case 'array': return Array.isArray(v);
    case 'null': return v === null;
    default: return false;
  }
}

function resolveLocalRef(ref: string, root: JsonObject): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let cur: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(cur) || !(key in cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

// Schema patterns are ECMA 262 regexes; refuse ones that do not compile or could backtrack badly.
function safeRegExp(p: string): RegExp | undefined {
  if (p.length > 500 || /(\([^)]*[+*][^)]*\))[+*{]/.test(p)) return undefined;
  try {
    return new RegExp(p, 'u');
  } catch {
    return undefined;
  }
}

const FORMATS: Record<string, (v: string) => boolean> = {
  uri: (v) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(v),
  'uri-reference': (v) => !/\s/.test(v),
  iri: (v) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(v),
  email: (v) => /^[^@\s]+@[^@\s]+$/.test(v),
  'date-time': (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
};

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}
