/**
 * Signing for the demo issuer, with exactly the canonicalization CredLens verifies with:
 *
 * - eddsa-rdfc-2022 (W3C vc-di-eddsa §3.2): RDFC-1.0 through `canonize(doc, contextLoader(), {})`
 *   (the SDK's bundled contexts, JSON-LD safe mode); the proof configuration carries the
 *   document's @context; hashData = SHA-256(canon(proofConfig)) || SHA-256(canon(document)).
 * - eddsa-jcs-2022 (vc-di-eddsa §3.3): RFC 8785 through the SDK's `jcs`; the proof carries the
 *   document's @context (vc-di-eddsa "Add Proof": proof.@context = unsecuredDocument.@context).
 * - VC-JWT (OB 3.0 §8.2, VC-JOSE-COSE): the payload is the credential itself plus the registered
 *   claims iss / nbf / jti / sub (/ exp), signed ES256 (P-256, IEEE P1363 r||s) or EdDSA.
 * - OB 2.0 signed badges: a compact JWS, RS256, whose payload is the Assertion.
 *
 * Signatures come from node:crypto. Nothing here is written by hand: every proof value is computed.
 */
import { sign as nodeSign, type KeyObject } from 'node:crypto';
import { contextLoader } from '../../sdk/contexts/index.js';
import { sha256 } from '../../sdk/crypto/sha256.js';
import { canonize } from '../../sdk/proof/canonize.js';
import { jcs } from '../../sdk/proof/jcs.js';
import { base58Encode } from '../../sdk/util/base58.js';

/** A JSON object (credential, proof, claims). */
export type Json = Record<string, unknown>;

/** A Data Integrity signer: an Ed25519 private key and the verification method id that names its public key. */
export interface DiSigner {
  privateKey: KeyObject;
  verificationMethod: string;
}

// Bundled contexts only, as the verifier: an unknown context or an undefined term is an error here too.
const loader = contextLoader();
const NO_EXTRA_CONTEXTS: Record<string, unknown> = {};

function proofBase(cryptosuite: string, signer: DiSigner, created: string): Json {
  return {
    type: 'DataIntegrityProof',
    cryptosuite,
    created,
    verificationMethod: signer.verificationMethod,
    proofPurpose: 'assertionMethod',
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Removes any existing proof: signing is always over the unsecured document. */
function unsecured(doc: Json): Json {
  const { proof: _drop, ...rest } = doc;
  return rest;
}

/** The RDFC-1.0 canonical N-Quads of a document, as CredLens computes them. */
export function canonicalNQuads(doc: Json): Promise<string> {
  return canonize(doc, loader, NO_EXTRA_CONTEXTS);
}

/** Adds an eddsa-rdfc-2022 DataIntegrityProof made by `signer`. */
export async function signRdfc(doc: Json, signer: DiSigner, created: string): Promise<Json> {
  const document = unsecured(doc);
  const proof = proofBase('eddsa-rdfc-2022', signer, created);
  const proofConfig = { ...proof, '@context': document['@context'] };
  const hashData = concat(sha256(await canonicalNQuads(proofConfig)), sha256(await canonicalNQuads(document)));
  const proofValue = 'z' + base58Encode(new Uint8Array(nodeSign(null, hashData, signer.privateKey)));
  return { ...document, proof: { ...proof, proofValue } };
}

/** Adds an eddsa-jcs-2022 DataIntegrityProof made by `signer`; the proof repeats the document's @context. */
export function signJcs(doc: Json, signer: DiSigner, created: string): Json {
  const document = unsecured(doc);
  const proof: Json = { ...proofBase('eddsa-jcs-2022', signer, created) };
  if (document['@context'] !== undefined) proof['@context'] = document['@context'];
  const hashData = concat(sha256(jcs(proof)), sha256(jcs(document)));
  const proofValue = 'z' + base58Encode(new Uint8Array(nodeSign(null, hashData, signer.privateKey)));
  return { ...document, proof: { ...proof, proofValue } };
}

const b64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');

/** A compact JWS over the JSON `payload`, with `header` (which must name `alg`). */
export function signCompactJws(header: Json & { alg: 'ES256' | 'EdDSA' | 'RS256' }, payload: Json, privateKey: KeyObject): string {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const data = Buffer.from(signingInput, 'ascii');
  let signature: Buffer;
  switch (header.alg) {
    case 'ES256':
      // JWS (RFC 7518 §3.4) wants the fixed-size r||s form, not DER.
      signature = nodeSign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      break;
    case 'RS256':
      signature = nodeSign('sha256', data, privateKey);
      break;
    case 'EdDSA':
      signature = nodeSign(null, data, privateKey);
      break;
  }
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** Seconds since the epoch of an ISO 8601 date-time (JWT NumericDate). */
export function numericDate(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${iso}`);
  return Math.floor(ms / 1000);
}

/**
 * A VC-JWT in the OB 3.0 §8.2 / VC-JOSE-COSE shape: the JWT payload is the credential, plus
 * `iss` (issuer id), `nbf` (validFrom), `jti` (id), `sub` (credentialSubject.id, when it has one)
 * and `exp` (validUntil, when present). `kid` names the key as a DID URL.
 */
export function signVcJwt(credential: Json, opts: { alg: 'ES256' | 'EdDSA'; kid: string; privateKey: KeyObject }): string {
  const issuer = credential.issuer;
  const iss = typeof issuer === 'string' ? issuer : (issuer as Json | undefined)?.id;
  const subject = Array.isArray(credential.credentialSubject) ? credential.credentialSubject[0] : credential.credentialSubject;
  const sub = (subject as Json | undefined)?.id;
  if (typeof iss !== 'string' || typeof credential.validFrom !== 'string' || typeof credential.id !== 'string') {
    throw new Error('a VC-JWT credential needs issuer.id, id and validFrom');
  }
  const claims: Json = { iss, nbf: numericDate(credential.validFrom), iat: numericDate(credential.validFrom), jti: credential.id };
  if (typeof sub === 'string') claims.sub = sub;
  if (typeof credential.validUntil === 'string') claims.exp = numericDate(credential.validUntil);
  return signCompactJws({ alg: opts.alg, typ: 'JWT', kid: opts.kid }, { ...credential, ...claims }, opts.privateKey);
}

/** An OB 2.0 signed Assertion: compact JWS, RS256, payload = the Assertion JSON. */
export function signOb2Assertion(assertion: Json, privateKey: KeyObject): string {
  return signCompactJws({ alg: 'RS256' }, assertion, privateKey);
}
