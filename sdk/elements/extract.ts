/**
 * `extractElements`: the EU micro-credential standard elements (Council Recommendation 2022/C 243/02,
 * Annex I) of one credential, each `present`, `missing` or `unclear`, with the value copied from the
 * credential and the field it came from. Structured fields make an element `present`; a value found
 * only in free text (criteria, descriptions, evidence) is `unclear`, with the text as its value.
 * Nothing is invented: a value that is not there is `missing`.
 */
import type { ElementKey, Element } from '../report/types.js';
import { isObject } from '../util/json.js';
import { emptyElements, type ElementsInput, type Elements } from './common.js';
import { extractElm } from './elm.js';
import { extractOb2 } from './ob2.js';
import { extractOb3 } from './ob3.js';
import { hasType } from './text.js';

export type { ElementsInput } from './common.js';

/** Which reader applies: OB 2.0 nodes, a European Digital Credential (ELM), or a VC / OB 3.0 credential. */
export function elementsKind(input: ElementsInput): 'ob2' | 'elm' | 'vc' | 'none' {
  if (input.format.startsWith('ob2') || (!input.json && input.ob2)) return 'ob2';
  const json = input.json;
  if (!isObject(json)) return 'none';
  if (input.format === 'elm' || hasType(json, 'EuropeanDigitalCredential')) return 'elm';
  return 'vc';
}

/** The EU standard elements of a credential. Never throws for a strange credential: what cannot be read is `missing`. */
export function extractElements(input: ElementsInput): Record<ElementKey, Element> {
  switch (elementsKind(input)) {
    case 'ob2':
      return extractOb2(input);
    case 'elm':
      return extractElm(input.json!);
    case 'vc':
      return extractOb3(input.json!);
    case 'none':
      return emptyElements();
  }
}

export type { Elements };
