/**
 * Credentials issued by an independent implementation: Digital Bazaar's @digitalbazaar/vc with the
 * eddsa-rdfc-2022, eddsa-jcs-2022 and Ed25519Signature2020 suites (devDependencies). Used by the
 * interop tests and the benchmark. Contexts come from CredLens's bundle (itself from npm packages).
 */
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as rdfcSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite as jcsSign, createVerifyCryptosuite as jcsVerify } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { findContext } from '../../sdk/contexts/index.js';

export type Suite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'Ed25519Signature2020';
export const SUITES: Suite[] = ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'Ed25519Signature2020'];

/** A did:key issuer with its key pair in both DB key classes. */
export interface TestIssuer {
  did: string;
  vm: string;
  multikey: any;
  key2020: any;
}

/** Makes a did:key issuer from a 32-byte seed (deterministic) or at random. */
export async function makeIssuer(seed?: Uint8Array): Promise<TestIssuer> {
  const keySeed = seed ?? crypto.getRandomValues(new Uint8Array(32));
  const probe = await Ed25519Multikey.generate({ seed: keySeed });
  const did = `did:key:${probe.publicKeyMultibase}`;
  const multikey = await Ed25519Multikey.generate({ seed: keySeed, controller: did });
  const exported = await multikey.export({ publicKey: true, secretKey: true, includeContext: true });
  const key2020 = await Ed25519VerificationKey2020.from({
    type: 'Ed25519VerificationKey2020',
    id: multikey.id,
    controller: did,
    publicKeyMultibase: exported.publicKeyMultibase,
    privateKeyMultibase: exported.secretKeyMultibase,
  });
  return { did, vm: multikey.id, multikey, key2020 };
}

/** DB's document loader for our tests: bundled contexts, and did:key documents built from the key. */
export function dbLoader(issuers: TestIssuer[]) {
  return async (url: string) => {
    const ctx = findContext(url);
    if (ctx) return { contextUrl: null, documentUrl: url, document: ctx };
    const did = url.split('#')[0];
    const issuer = issuers.find((i) => i.did === did);
    if (issuer) {
      const pub = issuer.multikey.publicKeyMultibase ?? (await issuer.multikey.export({ publicKey: true })).publicKeyMultibase;
      const method = { id: issuer.vm, type: 'Multikey', controller: issuer.did, publicKeyMultibase: pub };
      const method2020 = { ...method, type: 'Ed25519VerificationKey2020' };
      if (url.includes('#')) {
        return { contextUrl: null, documentUrl: url, document: { '@context': ['https://w3id.org/security/multikey/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'], ...method } };
      }
      return {
        contextUrl: null,
        documentUrl: url,
        document: {
          '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
          id: issuer.did,
          verificationMethod: [method2020],
          assertionMethod: [issuer.vm],
        },
      };
    }
    throw new Error(`test loader: ${url} not available`);
  };
}

/** An OB 3.0 credential skeleton (VC 2.0) for `issuerId`; `n` makes each one distinct. */
export function openBadge(issuerId: string, n = 0, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:3f0d7e5e-1c1a-4c3e-9d5e-${String(n).padStart(12, '0')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Data Literacy Micro-credential #${n}`,
    issuer: { id: issuerId, type: ['Profile'], name: 'Example University' },
    validFrom: '2025-01-15T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-4711',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.edu/achievements/data-literacy',
        type: ['Achievement'],
        name: 'Data Literacy',
        description: 'Reads, cleans and interprets tabular data; 5 ECTS, EQF level 6.',
        criteria: { narrative: 'Passed a supervised, identity-checked written exam.' },
      },
    },
    ...extra,
  };
}

function suiteFor(suite: Suite, issuer: TestIssuer, mode: 'sign' | 'verify') {
  if (suite === 'Ed25519Signature2020') return mode === 'sign' ? new Ed25519Signature2020({ key: issuer.key2020 }) : new Ed25519Signature2020();
  if (suite === 'eddsa-rdfc-2022') return new DataIntegrityProof(mode === 'sign' ? { signer: issuer.multikey.signer(), cryptosuite: rdfcSuite } : { cryptosuite: rdfcSuite });
  return new DataIntegrityProof(mode === 'sign' ? { signer: issuer.multikey.signer(), cryptosuite: jcsSign() } : { cryptosuite: jcsVerify() });
}

/** Signs `credential` with DB's implementation of `suite`. */
export async function dbIssue(credential: Record<string, unknown>, suite: Suite, issuer: TestIssuer): Promise<Record<string, unknown>> {
  // VC 1.1-only suites need their context in the document.
  const doc = suite === 'Ed25519Signature2020'
    ? { ...credential, '@context': [...(credential['@context'] as string[]), 'https://w3id.org/security/suites/ed25519-2020/v1'] }
    : credential;
  return vc.issue({ credential: doc, suite: suiteFor(suite, issuer, 'sign'), documentLoader: dbLoader([issuer]) });
}

/** Verifies with DB's implementation (the benchmark's peer). */
export async function dbVerify(credential: Record<string, unknown>, suite: Suite, issuers: TestIssuer[]): Promise<boolean> {
  const result = await vc.verifyCredential({ credential, suite: suiteFor(suite, issuers[0]!, 'verify'), documentLoader: dbLoader(issuers), checkStatus: undefined });
  return result.verified === true;
}
