/** A public key found for a proof's verification method, and who controls it. */
export interface ResolvedKey {
  /** The verification method id as resolved (absolute). */
  id: string;
  /** Who controls the key: must equal the credential's issuer. */
  controller: string;
  /** Key type as published: Multikey, Ed25519VerificationKey2020, JsonWebKey2020, ... */
  type: string;
  /** Raw 32-byte Ed25519 public key, when the key is Ed25519. */
  ed25519?: Uint8Array;
  /** The key as a JWK, for JOSE algorithms. */
  jwk?: JsonWebKey;
  /** How the key was found. */
  via: 'did:key' | 'did:web' | 'did:jwk' | 'https' | 'fragment';
  /** Verification relationships the key is listed under in its controller document (empty when implicit). */
  purposes: string[];
}

/** Resolves a verification method id (from a proof or a JOSE header) to a key. Throws CredLensError. */
export type KeyResolver = (verificationMethod: string) => Promise<ResolvedKey>;
