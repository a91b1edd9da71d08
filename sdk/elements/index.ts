/**
 * The elements stage: EU micro-credential standard elements, completeness, assessed vs
 * participation-only, and recipient matching. See extract.ts, completeness.ts, assessment.ts and
 * recipient.ts.
 */
export { extractElements, elementsKind, type ElementsInput } from './extract.js';
export { completeness } from './completeness.js';
export { classifyAssessment } from './assessment.js';
export { matchRecipient, type RecipientCandidate, type RecipientMatch } from './recipient.js';
export { compareNames, describeNotes, type NameComparison } from './names.js';
export { elementsStage, type ElementsStageResult } from './stage.js';
