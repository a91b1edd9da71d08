/**
 * OB 2.0 recipients (IdentityObject): matching a known identity (an email address, URL, phone
 * number...) against the possibly hashed and salted `identity` of an Assertion. The hash is
 * `algorithm$hex(hash(identity + salt))`, algorithm `sha256` or `md5`, hex in either case
 * (OB 2.0 §IdentityHash).
 */
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '../crypto/sha256.js';
import { hexEncode, utf8Encode } from '../util/bytes.js';

/** An OB 2.0 IdentityObject as found in an Assertion's `recipient`. */
export interface Ob2Recipient {
  type?: unknown;
  identity?: unknown;
  hashed?: unknown;
  salt?: unknown;
}

/** A parsed identity hash. */
export interface IdentityHash {
  alg: 'sha256' | 'md5';
  /** Lower-case hex. */
  hex: string;
}

/** Parses `sha256$<64 hex>` or `md5$<32 hex>`; undefined for anything else. */
export function parseIdentityHash(identity: unknown): IdentityHash | undefined {
  if (typeof identity !== 'string') return undefined;
  const m = /^(sha256|md5)\$([0-9a-fA-F]+)$/.exec(identity.trim());
  if (!m) return undefined;
  const alg = m[1] as 'sha256' | 'md5';
  const hex = m[2]!.toLowerCase();
  return hex.length === (alg === 'sha256' ? 64 : 32) ? { alg, hex } : undefined;
}

/** Hashes `identity + salt` as OB 2.0 issuers do, returning `alg$hex`. */
export function hashIdentity(identity: string, salt: string, alg: 'sha256' | 'md5' = 'sha256'): string {
  const data = utf8Encode(identity + salt);
  return `${alg}$${hexEncode(alg === 'sha256' ? sha256(data) : md5(data))}`;
}

/**
 * True when `candidate` (for example an email address a recruiter has for the person) is the
 * recipient of the Assertion. Hashed identities are compared by hashing the candidate with the
 * recipient's salt (none when absent); for email identities the candidate is also tried in lower
 * case, since issuers usually hash the normalised address. Plain identities compare exactly,
 * except emails, which compare case-insensitively.
 */
export function matchIdentity(recipient: Ob2Recipient, candidate: string): boolean {
  if (typeof recipient.identity !== 'string' || typeof candidate !== 'string') return false;
  const wanted = candidate.trim();
  if (wanted === '') return false;
  const isEmail = recipient.type === 'email' || recipient.type === 'http://schema.org/email' || recipient.type === 'https://schema.org/email';
  const hash = parseIdentityHash(recipient.identity);
  if (recipient.hashed === true || (hash && recipient.hashed === undefined)) {
    if (!hash) return false;
    const salt = typeof recipient.salt === 'string' ? recipient.salt : '';
    const tries = isEmail ? unique([wanted, wanted.toLowerCase()]) : [wanted];
    return tries.some((c) => hashIdentity(c, salt, hash.alg).slice(hash.alg.length + 1) === hash.hex);
  }
  const identity = recipient.identity.trim();
  return isEmail ? identity.toLowerCase() === wanted.toLowerCase() : identity === wanted;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
