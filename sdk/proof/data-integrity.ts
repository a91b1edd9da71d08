/**
 * Embedded proofs on JSON-LD credentials: Data Integrity (eddsa-rdfc-2022, eddsa-jcs-2022, and the
 * pre-standard alias eddsa-2022) and Ed25519Signature2020. Each proof is checked on its own; the
 * caller decides what a set of outcomes means (see `summarizeProofs`).
 */
import { CredLensError, isCredLensError } from '../errors.js';
import { verifyEd25519, type Ed25519Impl } from '../crypto/ed25519.js';
import { sha256Async } from '../crypto/sha256.js';
import type { KeyResolver, ResolvedKey } from '../keys/types.js';
import { multibaseBase58Decode } from '../util/base58.js';
import { asArray, isObject, str, type JsonObject } from '../util/json.js';
import { jcs } from './jcs.js';

/** What proof verification needs from the outside. */
export interface ProofEnv {
  /** RDFC-1.0 canonical N-Quads of a JSON-LD document (bundled contexts only, safe mode). */
  canonize: (doc: JsonObject) => Promise<string>;
  resolveKey: KeyResolver;
  ed25519: Ed25519Impl;
}

/** The outcome for one proof. */
export interface ProofOutcome {
  /** verified: signature sound; failed: signature or structure wrong; unsupported / error: could not be checked. */
  state: 'verified' | 'failed' | 'unsupported' | 'error';
  suite: string;
  message: string;
  code?: string;
  /** The key that made the signature, once resolved. */
  key?: ResolvedKey;
  /** Warnings that do not change the outcome (e.g. a legacy suite name). */
  warnings: string[];
  proof: JsonObject;
}

/** Most proofs checked on one credential (proof sets and chains are short in practice). */
export const MAX_PROOFS = 8;

const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
const UNREACHABLE = new Set<string>(['network', 'timeout', 'http-status', 'blocked-address', 'too-large', 'bad-url', 'bad-content-type', 'bad-json', 'too-deep', 'key-not-found']);
const RDFC_SUITES = new Set(['eddsa-rdfc-2022', 'eddsa-2022']);

/** Names the suite of a proof object as a person would read it. */
export function suiteOf(proof: JsonObject): string {
  const type = str(proof.type) || 'unknown';
  return type === 'DataIntegrityProof' ? (str(proof.cryptosuite) || 'DataIntegrityProof without cryptosuite') : type;
}

/** Verifies every proof on `doc` (a proof set or chain) and returns one outcome per proof. */
export async function verifyEmbeddedProofs(doc: JsonObject, env: ProofEnv): Promise<ProofOutcome[]> {
  const proofs = asArray(doc.proof);
  if (proofs.length > MAX_PROOFS) {
    return [{ state: 'failed', suite: 'proof set', message: `The credential carries ${proofs.length} proofs; at most ${MAX_PROOFS} are checked.`, code: 'bad-proof', warnings: [], proof: {} }];
  }
  const outcomes: ProofOutcome[] = [];
  for (const p of proofs) {
    if (!isObject(p)) {
      outcomes.push({ state: 'failed', suite: 'unknown', message: 'A proof entry is not an object.', code: 'bad-proof', warnings: [], proof: {} });
      continue;
    }
    outcomes.push(await verifyOne(doc, p, proofs.filter(isObject), env));
  }
  return outcomes;
}

async function verifyOne(doc: JsonObject, proof: JsonObject, all: JsonObject[], env: ProofEnv): Promise<ProofOutcome> {
  const suite = suiteOf(proof);
  const base = { suite, proof, warnings: [] as string[] };
  const kind = proof.type === 'Ed25519Signature2020' ? '2020'
    : proof.type === 'DataIntegrityProof' && RDFC_SUITES.has(str(proof.cryptosuite)) ? 'rdfc'
    : proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-jcs-2022' ? 'jcs'
    : undefined;
  if (!kind) {
    return { ...base, state: 'unsupported', code: 'unsupported-suite', message: `The proof suite "${suite}" is not one CredLens can check.` };
  }
  if (proof.cryptosuite === 'eddsa-2022') base.warnings.push('The proof uses "eddsa-2022", the pre-standard name of eddsa-rdfc-2022; it was checked as eddsa-rdfc-2022.');
  try {
    if (proof.proofPurpose !== 'assertionMethod') {
      return { ...base, state: 'failed', code: 'bad-proof', message: `The proof's purpose is "${str(proof.proofPurpose)}", not assertionMethod, so it does not assert this credential.` };
    }
    if (proof.created !== undefined && !isDateTime(proof.created)) {
      return { ...base, state: 'failed', code: 'bad-proof', message: 'The proof\'s "created" is not a valid date-time.' };
    }
    if (typeof proof.verificationMethod !== 'string') {
      return { ...base, state: 'failed', code: 'bad-proof', message: 'The proof names no verification method.' };
    }
    let signature: Uint8Array;
    try {
      signature = multibaseBase58Decode(str(proof.proofValue));
    } catch {
      return { ...base, state: 'failed', code: 'bad-proof', message: 'The proof value is not a multibase base58btc signature.' };
    }
    if (signature.length !== 64) return { ...base, state: 'failed', code: 'bad-proof', message: 'The proof value is not a 64-byte Ed25519 signature.' };

    const unsecured = unsecuredFor(doc, proof, all);
    const { proofOptions, mismatch } = proofConfigFor(unsecured, proof, kind);
    if (mismatch) return { ...base, state: 'failed', code: 'bad-proof', message: mismatch };
    // The key is looked up while the document is canonicalized and hashed (a did:web download then
    // overlaps that work); its outcome is read only afterwards, so a document that cannot be
    // canonicalized still reports that first, as before.
    const keyLookup = env.resolveKey(proof.verificationMethod);
    keyLookup.catch(() => {}); // read below; no unhandled rejection if hashing throws first
    const hashData = kind === 'jcs'
      ? concat(await sha256Async(jcs(proofOptions)), await sha256Async(jcs(withContext(unsecured, proofOptions['@context']))))
      : concat(await sha256Async(await env.canonize(proofOptions)), await sha256Async(await env.canonize(unsecured)));

    const key = await keyLookup;
    if (!key.ed25519) return { ...base, key, state: 'failed', code: 'bad-key', message: `The key ${key.id} is not an Ed25519 key, as the ${suite} suite requires.` };
    if (!key.purposes.includes('assertionMethod')) {
      return { ...base, key, state: 'failed', code: 'bad-key', message: `The key ${key.id} is not authorised by its controller to issue credentials (not listed under assertionMethod).` };
    }
    const ok = await verifyEd25519(key.ed25519, hashData, signature, env.ed25519);
    return ok
      ? { ...base, key, state: 'verified', message: `The ${suite} signature is valid.` }
      : { ...base, key, state: 'failed', code: 'bad-signature', message: `The ${suite} signature does not match the credential: it was changed after signing, or signed with another key.` };
  } catch (e) {
    if (!isCredLensError(e)) throw e;
    // A key or document that could not be fetched leaves the proof unchecked (unverifiable); anything
    // else (not valid JSON-LD for its contexts, an unknown context, a malformed key) means no valid
    // signature can exist over this document.
    const state = UNREACHABLE.has(e.code) ? 'error' : 'failed';
    return { ...base, state, code: e.code, message: e.message };
  }
}

/**
 * The document a proof was made over: without any proof, or, for a proof with `previousProof`
 * (a proof chain), with exactly the proofs it names.
 */
export function unsecuredFor(doc: JsonObject, proof: JsonObject, all: JsonObject[]): JsonObject {
  const { proof: _ignored, ...rest } = doc;
  const previous = asArray(proof.previousProof).filter((x): x is string => typeof x === 'string');
  if (previous.length === 0) return rest;
  const named = previous.map((id) => {
    const found = all.find((p) => p.id === id);
    if (!found) throw new CredLensError('bad-input', `The proof names a previous proof ${id} that is not in the credential.`);
    return found;
  });
  return { ...rest, proof: named.length === 1 ? named[0] : named };
}

function proofConfigFor(unsecured: JsonObject, proof: JsonObject, kind: 'rdfc' | 'jcs' | '2020'): { proofOptions: JsonObject; mismatch?: string } {
  const { proofValue: _pv, ...options } = proof;
  const docContext = unsecured['@context'];
  // vc-di-eddsa: a proof that carries its own @context must match the start of the document's.
  if (options['@context'] !== undefined && kind !== '2020') {
    const pc = asArray(options['@context']);
    const dc = asArray(docContext);
    if (!pc.every((c, i) => JSON.stringify(c) === JSON.stringify(dc[i]))) {
      return { proofOptions: options, mismatch: "The proof's @context does not match the start of the credential's @context." };
    }
  }
  if (kind === 'jcs') {
    // eddsa-jcs-2022 hashes the proof's own @context when it has one, else the document's.
    if (options['@context'] !== undefined) return { proofOptions: options };
    return { proofOptions: docContext === undefined ? options : { ...options, '@context': docContext } };
  }
  if (kind === '2020') {
    const ctx = asArray(docContext);
    const withSuite = ctx.includes(ED25519_2020_CONTEXT) ? ctx : [...ctx, ED25519_2020_CONTEXT];
    return { proofOptions: { ...options, '@context': withSuite } };
  }
  return { proofOptions: { ...options, '@context': docContext } };
}

function withContext(doc: JsonObject, ctx: unknown): JsonObject {
  return ctx === undefined ? doc : { ...doc, '@context': ctx };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** XML Schema dateTime as VC uses it (timezone optional in VC 1.1, fractional seconds allowed). */
export function isDateTime(v: unknown): v is string {
  return typeof v === 'string' && /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i.test(v) && !Number.isNaN(Date.parse(v));
}
