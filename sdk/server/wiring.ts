/**
 * Where the server meets the trust and recipient stages. The server and `credlens serve` go through
 * these two functions only:
 *
 * - `trustSourceFromFile(json)`: the JSON of `--trust FILE` as a trust source, through the trust
 *   stage's `credlensTrustList` (a malformed list is refused with a CredLensError).
 * - `withVerifyExtras(base, extras)`: the server's trust sources and the request's recipient added
 *   to the verify options (`trust`, `recipient` in VerifyOptions).
 */
import { CredLensError } from '../errors.js';
import type { VerifyOptions } from '../options.js';
import { credlensTrustList } from '../trust/credlens-list.js';
import type { TrustSource } from '../trust/types.js';
import { isObject } from '../util/json.js';

/** What an employer knows about the candidate, for the recipient match. */
export type RecipientHint = NonNullable<VerifyOptions['recipient']>;

/** What the server adds to each verification's options. */
export interface VerifyExtras {
  trustSources?: TrustSource[];
  recipient?: RecipientHint;
}

/** The trust source for the JSON read from `credlens serve --trust FILE` (a CredLens trust list). */
export function trustSourceFromFile(json: unknown): TrustSource {
  if (!isObject(json)) throw new CredLensError('bad-input', 'The trust list must be a JSON object.');
  return credlensTrustList(json);
}

/** `base` plus the trust sources (after any the base already names) and the recipient. */
export function withVerifyExtras(base: VerifyOptions, extras: VerifyExtras): VerifyOptions {
  const out: VerifyOptions = { ...base };
  if (extras.trustSources && extras.trustSources.length > 0) out.trust = [...(base.trust ?? []), ...extras.trustSources];
  if (extras.recipient && (extras.recipient.name !== undefined || extras.recipient.email !== undefined)) out.recipient = extras.recipient;
  return out;
}
