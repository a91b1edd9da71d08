/**
 * Helpers shared by the demo page generators: escaping, safe hrefs, LinkedIn's outbound-link
 * wrapper, dates as profiles show them, deterministic hashes for class names and ids.
 */
import type { DemoCredential } from '../types.js';

/** Who a page belongs to (DEMO_PERSON or any other invented person). */
export interface DemoPerson {
  readonly name: string;
  readonly headline: string;
  readonly location: string;
  readonly email: string;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * An href value for an untrusted URL: http(s) only (anything else, such as `javascript:`, becomes
 * `#`), normalised and escaped for an attribute.
 */
export function safeHref(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:') return escapeHtml(u.href);
  } catch {
    // fall through
  }
  return '#';
}

/** True when `url` is an absolute http(s) URL. */
export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** FNV-1a, 32 bits: a small deterministic hash for class names, ids and urlhash values. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A deterministic pseudo-random generator (mulberry32) seeded from a string. */
export function rng(seed: string): () => number {
  let a = hash32(seed) || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * LinkedIn's outbound-link wrapper, as its profile pages write it: the target percent-encoded
 * (dots too), a four-character `urlhash`, and a tracking parameter.
 */
export function linkedinRedirect(url: string, trk = 'public_profile_certification-title'): string {
  const encoded = encodeURIComponent(url).replace(/\./g, '%2E');
  const r = rng(url);
  let urlhash = '';
  for (let i = 0; i < 4; i++) urlhash += LETTERS[Math.floor(r() * LETTERS.length)];
  return `https://www.linkedin.com/redir/redirect?url=${encoded}&urlhash=${urlhash}&trk=${encodeURIComponent(trk)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-03-14" → "Mar 2025" (anything unparseable comes back as given). */
export function monthYear(date: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) return date;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${m[1]}` : date;
}

/**
 * The date line a profile shows: "Issued Mar 2025 · Expires Mar 2027", or "Expired" when `now`
 * is given and the expiry has passed (without `now`, nothing depends on the clock).
 */
export function issuedLine(c: Pick<DemoCredential, 'issued' | 'expires'>, now?: Date): string {
  let line = `Issued ${monthYear(c.issued)}`;
  if (c.expires) {
    const past = now !== undefined && !Number.isNaN(Date.parse(c.expires)) && Date.parse(c.expires) < now.getTime();
    line += ` · ${past ? 'Expired' : 'Expires'} ${monthYear(c.expires)}`;
  }
  return line;
}

/**
 * A "Credential ID" as profiles show it (people type in whatever the issuer printed): ten
 * lower-case letters and digits derived from the link, so it looks like an id and stays stable.
 */
export function credentialId(url: string): string {
  const r = rng(`credential-id:${url}`);
  let id = '';
  for (let i = 0; i < 10; i++) id += 'abcdefghijkmnopqrstuvwxyz0123456789'[Math.floor(r() * 35)];
  return id;
}

/** Initials for a logo or avatar: "Universität Beispielstadt" → "UB". */
export function initials(name: string, max = 2): string {
  const words = name
    .replace(/^(?:Dr|Prof|Mag|Ing)\.\s+/i, '')
    .split(/[\s\-–·&,]+/)
    .filter((w) => /^\p{Lu}/u.test(w));
  const pick = words.length > 0 ? words : name.split(/\s+/);
  return pick
    .slice(0, max)
    .map((w) => [...w][0] ?? '')
    .join('')
    .toUpperCase();
}

/** A stable, pleasant colour for a logo or avatar, from a name. */
export function colourFor(name: string): string {
  const hues = [205, 265, 150, 25, 340, 190, 45, 120];
  const h = hues[hash32(name) % hues.length]!;
  return `hsl(${h} 45% 38%)`;
}

/** A lower-case URL slug: "Dr. Amélie Nováková-Schmidt" → "amelie-novakova-schmidt". */
export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^(?:dr|prof|mag|ing)\.\s+/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The system font stack every demo page uses (no external assets). */
export const SYSTEM_FONTS = `-apple-system, system-ui, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", "Fira Sans", Ubuntu, Oxygen, "Oxygen Sans", Cantarell, "Droid Sans", "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Lucida Grande", Helvetica, Arial, sans-serif`;
