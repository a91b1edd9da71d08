/**
 * OB 2.0 image validation: an Assertion or BadgeClass `image` "must be a PNG or SVG image" (OB 2.0
 * §Assertion, §BadgeClass). A URL is fetched (through the safe fetch) and its bytes sniffed; a
 * `data:` URI is decoded. As in the OB 2.0 reference validator, a BadgeClass may carry its image
 * as a data URI but an Assertion may not: the Assertion image is the baked badge, a hosted file.
 */
import { CredLensError, isCredLensError } from '../errors.js';
import { safeFetch } from '../fetch/index.js';
import type { ResolvedOptions } from '../options.js';
import type { Check } from '../report/types.js';
import { base64Decode } from '../util/bytes.js';
import { isObject } from '../util/json.js';
import { isDataUri, roleLabel, type NodeRole } from './ob2-structure.js';

/**
 * HTTP statuses that say "this resource is not there" for good: 404 Not Found and 410 Gone. Others
 * (401/403 access refused, 5xx outages, 429...) leave the question open and are unverifiable.
 */
export const DEFINITIVE_MISSING = [404, 410];

/** The image kinds OB 2.0 allows. */
export type ImageKind = 'png' | 'svg';

/** Recognises PNG and SVG bytes; undefined for anything else. */
export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

/** The URL or data URI of an `image` value (a string or an Image object). */
export function imageRef(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.id === 'string') return value.id;
  return undefined;
}

/**
 * The `image` check for one node's `image`. `role` decides whether a data URI is allowed
 * (BadgeClass and issuer: yes; Assertion: no). Missing images are the structure check's business
 * and yield no check here.
 */
export async function checkImage(value: unknown, role: NodeRole, o: ResolvedOptions): Promise<Check | undefined> {
  if (value === undefined || value === null) return undefined;
  const label = roleLabel(role);
  const ref = imageRef(value);
  if (ref === undefined) return fail(`${label} has an image that is neither a URL nor an image object with an id.`, 'bad-structure');
  if (isDataUri(ref)) {
    if (role === 'assertion') {
      return fail(`${label} embeds its image as a data URI; an Open Badges 2.0 award image must be a hosted PNG or SVG file.`, 'bad-image');
    }
    return checkDataUri(ref, label);
  }
  try {
    const res = await safeFetch(ref, o, { accept: 'image/png, image/svg+xml;q=0.9, */*;q=0.1', kinds: ['image'], passStatus: DEFINITIVE_MISSING });
    if (res.status >= 300) {
      // OB 2.0 §Data Validation: linked objects must be available with an eventual 200 OK.
      return fail(`${label} image could not be found at ${short(ref)} (HTTP ${res.status}).`, 'http-status');
    }
    const kind = sniffImage(res.bytes);
    if (!kind) return fail(`${label} image at ${short(ref)} is not a PNG or SVG file.`, 'bad-image');
    if ((res.contentType === 'image/png' && kind !== 'png') || (res.contentType === 'image/svg+xml' && kind !== 'svg')) {
      return fail(`${label} image at ${short(ref)} says it is ${res.contentType} but holds ${kind.toUpperCase()} data.`, 'bad-image');
    }
    return { id: 'image', status: 'pass', message: `${label} image is a ${kind.toUpperCase()} file.` };
  } catch (e) {
    if (isCredLensError(e, 'bad-content-type')) return fail(`${label} image at ${short(ref)} is not served as a PNG or SVG image.`, 'bad-content-type');
    if (isCredLensError(e, 'bad-url')) return fail(`${label} image reference ${short(ref)} is not an http(s) URL.`, 'bad-url');
    const err = e instanceof CredLensError ? e : undefined;
    return { id: 'image', status: 'error', effect: 'unverifiable', code: err?.code ?? 'network', message: `${label} image could not be loaded: ${err?.message ?? String(e)}` };
  }
}

function checkDataUri(uri: string, label: string): Check {
  const m = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/is.exec(uri);
  if (!m) return fail(`${label} has a malformed data URI image.`, 'bad-image');
  const mime = (m[1] ?? '').trim().toLowerCase();
  if (mime !== 'image/png' && mime !== 'image/svg+xml') {
    return fail(`${label} has a data URI image of type ${mime || 'unknown'}, not PNG or SVG.`, 'bad-image');
  }
  let bytes: Uint8Array;
  try {
    bytes = m[3] ? base64Decode((m[4] ?? '').replace(/\s+/g, ''), 'The data URI image') : new TextEncoder().encode(decodeURIComponent(m[4] ?? ''));
  } catch {
    return fail(`${label} has a data URI image whose content cannot be decoded.`, 'bad-image');
  }
  const kind = sniffImage(bytes);
  if (kind !== (mime === 'image/png' ? 'png' : 'svg')) return fail(`${label} has a data URI image that is not the ${mime} it claims to be.`, 'bad-image');
  return { id: 'image', status: 'pass', message: `${label} image is an embedded ${kind.toUpperCase()}.` };
}

function fail(message: string, code: string): Check {
  return { id: 'image', status: 'fail', effect: 'invalid', code, message };
}

function short(s: string): string {
  return s.length > 100 ? s.slice(0, 97) + '...' : s;
}
