/**
 * The type every non-English catalogue has: typed against the English one, so a missing key in a
 * part that must be complete, or a key English does not have, is a type error.
 *
 * Complete in every language: interface labels, verdicts, trust levels, EU element names and
 * meanings, element states, assessment kinds, identity-verification levels, recipient states.
 * Everything else (check and trust-signal sentences) may be partial; `explain` falls back to
 * English sentence by sentence.
 */
import type { Catalogue } from './messages/en.js';
import type { ElementText } from './types.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

/** The parts of the catalogue that must be complete in every language. */
export type CompleteParts = 'ui' | 'verdicts' | 'trustLevels' | 'elementStates' | 'assessment' | 'identityVerification' | 'recipient';

export type Translation = Pick<Catalogue, CompleteParts> & {
  /** Every element English names, each with at least a name and a meaning. */
  elements: { [K in keyof Catalogue['elements']]: ElementText };
} & DeepPartial<Omit<Catalogue, CompleteParts | 'elements'>>;
