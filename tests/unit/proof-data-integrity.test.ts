import { describe, expect, it } from 'vitest';
import { CredLensError } from '../../sdk/errors.js';
import { verifyEmbeddedProofs, type ProofEnv } from '../../sdk/proof/data-integrity.js';
import { base58Encode } from '../../sdk/util/base58.js';
import type { JsonObject } from '../../sdk/util/json.js';

// A credential whose proof is well formed (the signature itself is never reached in these tests).
const doc: JsonObject = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer: 'did:web:issuer.example',
  credentialSubject: { id: 'did:example:subject' },
  proof: {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    proofPurpose: 'assertionMethod',
    verificationMethod: 'did:web:issuer.example#key-1',
    proofValue: `z${base58Encode(new Uint8Array(64).fill(7))}`,
  },
};

describe('Data Integrity proofs: key lookup alongside canonicalization', () => {
  it('the key is asked for while the document is still being canonicalized', async () => {
    const events: string[] = [];
    let finish!: () => void;
    const canonicalized = new Promise<void>((r) => (finish = r));
    const env: ProofEnv = {
      canonize: async () => {
        events.push('canonize');
        await canonicalized;
        return '<urn:x> <urn:y> "z" .\n';
      },
      resolveKey: async (vm) => {
        events.push(`key ${vm}`);
        finish();
        throw new CredLensError('key-not-found', 'no such key');
      },
      ed25519: 'noble',
    };
    const [outcome] = await verifyEmbeddedProofs(doc, env);
    expect(events.slice(0, 2)).toEqual(['key did:web:issuer.example#key-1', 'canonize']);
    expect(outcome).toMatchObject({ state: 'error', code: 'key-not-found' });
  });

  it('a document that cannot be canonicalized reports that, not the key lookup that failed meanwhile (and leaves no unhandled rejection)', async () => {
    const env: ProofEnv = {
      canonize: async () => {
        await new Promise((r) => setTimeout(r, 5));
        throw new CredLensError('bad-input', 'The credential uses a term no context defines.');
      },
      resolveKey: async () => Promise.reject(new CredLensError('network', 'The key document could not be downloaded.')),
      ed25519: 'noble',
    };
    const [outcome] = await verifyEmbeddedProofs(doc, env);
    expect(outcome).toMatchObject({ state: 'failed', code: 'bad-input' });
    await new Promise((r) => setTimeout(r, 10)); // a stray rejection would surface here and fail the run
  });
});
