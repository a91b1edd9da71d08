/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document, for eddsa-rdfc-2022 and
 * Ed25519Signature2020. The general path is jsonld.js in safe mode (an undefined term is an error,
 * not silently dropped) plus rdf-canonize with a work limit, so a blank-node "poison" graph fails
 * fast instead of hanging.
 */
import jsonld from 'jsonld';
import canonizeLib from 'rdf-canonize';
import { CredLensError, asCredLensError } from '../errors.js';
import { findContext, type DocumentLoader } from '../contexts/index.js';
import { fastToQuads } from './rdf/to-quads.js';

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

// Under Node, rdf-canonize's synchronous variant hashes with node:crypto and skips the
// event-loop yields of the async one: measured ~65 µs vs ~80 µs for a typical OB3 credential.
// Browsers map its digest to (async) WebCrypto, so there the async variant is the only one.
// Large datasets stay async so a big document does not block the event loop in one stretch.
type SyncCanonize = (quads: Quad[], options: object) => string;
const canonizeSync: SyncCanonize | undefined =
  typeof (canonizeLib as { _canonizeSync?: unknown })._canonizeSync === 'function' &&
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string'
    ? ((canonizeLib as { _canonizeSync: SyncCanonize })._canonizeSync)
    : undefined;
/** Most quads canonicalized synchronously (above this the async variant yields to the event loop). */
const SYNC_MAX_QUADS = 2_000;

/** Canonicalizes quads with RDFC-1.0 (work-limited) into sorted N-Quads. */
export async function canonizeQuads(quads: Quad[]): Promise<string> {
  if (quads.length > MAX_QUADS) {
    throw new CredLensError('canonicalization-limit', `The document has ${quads.length} statements; at most ${MAX_QUADS} are canonicalized.`);
  }
  const options = { algorithm: 'RDFC-1.0', maxWorkFactor: 1, rejectURDNA2015: true };
  try {
    if (canonizeSync && quads.length <= SYNC_MAX_QUADS) return canonizeSync(quads, options);
    return (await canonizeLib.canonize(quads, options)) as string;
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

/**
 * Canonical N-Quads of a JSON-LD document: the fast converter (sdk/proof/rdf) when it covers the
 * document, else jsonld.js. Both give byte-identical output; the fast path gives up (rather than
 * guess) on anything it does not cover, on any unknown context URL (so the general path raises
 * `unknown-context`) and on anything safe mode rejects (so the general path raises `jsonld`).
 *
 * @param loader the document loader of the general path (usually `contextLoader(extraContexts)`).
 * @param extraContexts the caller-supplied contexts that `loader` serves besides the bundled ones;
 *   the fast path looks URLs up in the same set. Pass the same objects on every call: processed
 *   contexts are cached by document identity.
 */
export async function canonize(doc: object, loader: DocumentLoader, extraContexts: Record<string, unknown> = {}): Promise<string> {
  const quads = fastToQuads(doc, (url) => findContext(url, extraContexts));
  return canonizeQuads(quads ?? (await toQuadsGeneral(doc, loader)));
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
