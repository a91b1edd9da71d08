/** How many of the 11 EU mandatory elements a credential states (structured, not merely in free text). */
import { MANDATORY_ELEMENTS, type Completeness, type Element } from '../report/types.js';

/**
 * Counts the mandatory elements that are `present`. `missing` lists, in the Annex I order, the
 * mandatory elements that are missing or only `unclear` (stated in free text), or absent from the map.
 */
export function completeness(elements: Partial<Record<string, Element>>): Completeness {
  const missing = MANDATORY_ELEMENTS.filter((k) => elements[k]?.state !== 'present');
  return {
    mandatoryPresent: MANDATORY_ELEMENTS.length - missing.length,
    mandatoryTotal: MANDATORY_ELEMENTS.length,
    missing: [...missing],
  };
}
