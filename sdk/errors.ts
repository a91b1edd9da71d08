/**
 * Typed errors. Every failure the SDK raises carries a stable `code` a program can switch on
 * and a sentence a person can read. Nothing else is thrown across the public API.
 */

/** Every error code the SDK may raise. */
export type ErrorCode =
  // input
  | 'bad-input'
  | 'bad-json'
  | 'too-deep'
  | 'bad-png'
  | 'bad-svg'
  | 'no-credential'
  | 'bad-jwt'
  // fetching
  | 'bad-url'
  | 'blocked-address'
  | 'too-large'
  | 'timeout'
  | 'http-status'
  | 'too-many-redirects'
  | 'bad-content-type'
  | 'network'
  // JSON-LD and proofs
  | 'unknown-context'
  | 'jsonld'
  | 'canonicalization-limit'
  | 'unsupported-suite'
  | 'bad-proof'
  // keys
  | 'key-not-found'
  | 'bad-key'
  | 'unsupported-did'
  // status
  | 'bad-status-list'
  // a defect in CredLens itself, reported instead of crashing
  | 'internal';

/** The one error class the SDK throws. */
export class CredLensError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CredLensError';
    this.code = code;
  }
}

/** True when `e` is a CredLensError (optionally with a given code). */
export function isCredLensError(e: unknown, code?: ErrorCode): e is CredLensError {
  return e instanceof CredLensError && (code === undefined || e.code === code);
}

/** Turns anything thrown into a CredLensError, keeping typed ones as they are. */
export function asCredLensError(e: unknown, fallback: ErrorCode, context: string): CredLensError {
  if (e instanceof CredLensError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new CredLensError(fallback, `${context}: ${detail}`, { cause: e });
}
