/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document, for eddsa-rdfc-2022 and
 * Ed25519Signature2020. The general path is jsonld.js in safe mode (an undefined term is an error,
 * not silently dropped) plus rdf-canonize with a work limit, so a blank-node "poison" graph fails
 * fast instead of hanging.
 */
import jsonld from 'jsonld';
import canonizeLib from 'rdf-canonize';
import { CredLensError, asCredLensError } from '../errors.js';
import type { DocumentLoader } from '../contexts/index.js';

/** An RDF quad as jsonld.js and rdf-canonize exchange them. */
export interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  value: string;
  datatype?: { termType: 'NamedNode'; value: string };
  language?: string;
}
export interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}

/** Most quads one credential may produce; real OB3 credentials have tens to a few hundred. */
export const MAX_QUADS = 20_000;

/** Converts JSON-LD to RDF quads with jsonld.js in safe mode. */
export async function toQuadsGeneral(doc: object, loader: DocumentLoader): Promise<Quad[]> {
  try {
    const quads = (await jsonld.toRDF(doc, { documentLoader: loader, safe: true, base: null })) as Quad[];
    return quads;
  } catch (e) {
    throw unwrapJsonLdError(e);
  }
}

/** Canonicalizes quads with RDFC-1.0 (work-limited) into sorted N-Quads. */
export async function canonizeQuads(quads: Quad[]): Promise<string> {
  if (quads.length > MAX_QUADS) {
    throw new CredLensError('canonicalization-limit', `The document has ${quads.length} statements; at most ${MAX_QUADS} are canonicalized.`);
  }
  try {
    return (await canonizeLib.canonize(quads, { algorithm: 'RDFC-1.0', maxWorkFactor: 1, rejectURDNA2015: true })) as string;
  } catch (e) {
    const msg = (e as Error)?.message ?? '';
    if (/Maximum deep iterations/i.test(msg)) {
      throw new CredLensError('canonicalization-limit', 'The document is built so that canonicalizing it would take unbounded work (too many indistinguishable blank nodes); it was refused.');
    }
    throw asCredLensError(e, 'jsonld', 'Canonicalization failed');
  }
}

/** Canonical N-Quads of a JSON-LD document through the general path. */
export async function canonizeGeneral(doc: object, loader: DocumentLoader): Promise<string> {
  return canonizeQuads(await toQuadsGeneral(doc, loader));
}

// jsonld.js wraps loader errors; bring our typed error (e.g. unknown-context) back to the surface.
function unwrapJsonLdError(e: unknown): CredLensError {
  let cur: unknown = e;
  for (let i = 0; i < 6 && cur; i++) {
    if (cur instanceof CredLensError) return cur;
    const c = cur as { cause?: unknown; details?: { cause?: unknown } };
    cur = c.details?.cause ?? c.cause;
  }
  const err = e as { name?: string; message?: string; details?: { event?: { message?: string }; code?: string } };
  const detail = err.details?.event?.message ?? err.message ?? String(e);
  return new CredLensError('jsonld', `The credential is not valid JSON-LD for its contexts: ${detail}`, { cause: e });
}
