/**
 * The demo issuer's real key pairs. Generated on first run and kept as PKCS#8 PEM files in a
 * git-ignored folder (`demo/.keys/` by default), then loaded on every later run, so the DIDs and
 * the published keys stay the same across restarts (only the port in a did:web changes).
 *
 * - one Ed25519 key per invented issuer that signs Data Integrity proofs (eddsa-rdfc-2022 /
 *   eddsa-jcs-2022), plus one for the demo person's own wallet (her did:key as credential subject);
 * - a P-256 key for the vendor's VC-JWT (ES256);
 * - an RSA-2048 key for the Open Badges 2.0 signed assertion (RS256).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base58Encode } from '../../sdk/util/base58.js';

/** Where keys live unless a caller says otherwise (git-ignored). */
export const DEFAULT_KEYS_DIR = fileURLToPath(new URL('../.keys/', import.meta.url));

/** The Ed25519 keys the demo needs: one per Data Integrity issuer, and the learner's wallet key. */
export const ED25519_KEY_NAMES = [
  'university', // Technische Hochschule Donaustadt (did:web, path-based)
  'qa-agency', // Qualitätsagentur Alpenraum (did:web, path-based), endorses the university's programme
  'webinar', // LearnLoop Live webinar platform (did:key)
  'first-aid', // Erste-Hilfe-Akademie Wien (did:web, path-based)
  'bootcamp', // CodeFjord Academy (did:web, path-based), publishes a 1EdTech revocation list
  'unknown', // Global Institute for Digital Leadership (did:web, path-based), on no trust list
  'elm', // Vysoká škola digitálních studií (did:web, path-based), Europass-style ELM credential
  'learner', // the demo person's own wallet key: her did:key is the subject of her OB3 credentials
] as const;

export type Ed25519KeyName = (typeof ED25519_KEY_NAMES)[number];

/** An Ed25519 key pair with its public key in the forms DID documents use. */
export interface Ed25519Key {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Raw 32-byte public key. */
  raw: Uint8Array;
  /** Multikey `publicKeyMultibase`: base58btc of 0xed 0x01 + raw key, prefixed `z` (z6Mk…). */
  multibase: string;
}

/** Every key the demo issuer signs with. */
export interface DemoKeys {
  ed25519: Record<Ed25519KeyName, Ed25519Key>;
  /** P-256 key of the vendor (VC-JWT, ES256). */
  vendorEs256: { privateKey: KeyObject; publicKey: KeyObject; jwk: JsonWebKey };
  /** RSA-2048 key of the OB 2.0 signing issuer (RS256). */
  ob2Rsa: { privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string };
  /** The folder the keys were loaded from or written to. */
  dir: string;
}

/**
 * Loads the demo keys from `dir`, generating (and saving) any that are missing. Files are written
 * atomically with mode 0600; existing files are never overwritten.
 */
export function loadOrCreateKeys(dir: string = DEFAULT_KEYS_DIR): DemoKeys {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ed25519 = {} as Record<Ed25519KeyName, Ed25519Key>;
  for (const name of ED25519_KEY_NAMES) {
    const privateKey = loadOrGenerate(join(dir, `${name}.ed25519.pem`), () => generateKeyPairSync('ed25519').privateKey, 'ed25519');
    ed25519[name] = ed25519Key(privateKey);
  }
  const es = loadOrGenerate(join(dir, 'vendor.p256.pem'), () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'ec');
  const esPublic = createPublicKey(es);
  const { kty, crv, x, y } = esPublic.export({ format: 'jwk' }) as JsonWebKey;
  const rsa = loadOrGenerate(join(dir, 'ob2-signer.rsa.pem'), () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'rsa');
  const rsaPublic = createPublicKey(rsa);
  return {
    ed25519,
    vendorEs256: { privateKey: es, publicKey: esPublic, jwk: { kty, crv, x, y } },
    ob2Rsa: { privateKey: rsa, publicKey: rsaPublic, publicKeyPem: rsaPublic.export({ format: 'pem', type: 'spki' }).toString() },
    dir,
  };
}

function ed25519Key(privateKey: KeyObject): Ed25519Key {
  const publicKey = createPublicKey(privateKey);
  // SPKI DER of an Ed25519 key is a fixed 12-byte header followed by the 32-byte key.
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
  return { privateKey, publicKey, raw, multibase: 'z' + base58Encode(Uint8Array.from([0xed, 0x01, ...raw])) };
}

function loadOrGenerate(file: string, generate: () => KeyObject, expectedType: string): KeyObject {
  if (existsSync(file)) {
    const key = createPrivateKey(readFileSync(file, 'utf8'));
    if (key.asymmetricKeyType !== expectedType) {
      throw new Error(`${file} holds a ${key.asymmetricKeyType} key, not the ${expectedType} key the demo expects; delete it to make a new one.`);
    }
    return key;
  }
  const key = generate();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, key.export({ format: 'pem', type: 'pkcs8' }).toString(), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  // Another process may have created the file meanwhile: keep theirs, so every run agrees on one key.
  if (existsSync(file)) {
    unlinkSync(tmp);
    return loadOrGenerate(file, generate, expectedType);
  }
  renameSync(tmp, file);
  return key;
}

/** The did:key of an Ed25519 key. */
export function didKeyOf(key: Ed25519Key): string {
  return `did:key:${key.multibase}`;
}
