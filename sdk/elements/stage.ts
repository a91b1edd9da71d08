/**
 * The elements stage in one call, for `verify()`: the EU standard elements, their completeness,
 * assessed vs participation-only, and — when the caller says who the candidate is — the recipient match.
 */
import type { Assessment, Completeness, Element, ElementKey } from '../report/types.js';
import { classifyAssessment } from './assessment.js';
import type { ElementsInput } from './common.js';
import { completeness } from './completeness.js';
import { extractElements } from './extract.js';
import { matchRecipient, type RecipientCandidate, type RecipientMatch } from './recipient.js';

export interface ElementsStageResult {
  elements: Record<ElementKey, Element>;
  completeness: Completeness;
  assessment: Assessment;
  /** Only when a candidate (name and/or e-mail) was given. */
  recipient?: RecipientMatch;
}

export function elementsStage(input: ElementsInput, candidate?: RecipientCandidate): ElementsStageResult {
  const elements = extractElements(input);
  const result: ElementsStageResult = { elements, completeness: completeness(elements), assessment: classifyAssessment(input, elements) };
  if (candidate && (candidate.name !== undefined || candidate.email !== undefined)) result.recipient = matchRecipient(input, candidate);
  return result;
}
