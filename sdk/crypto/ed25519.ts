/**
 * Ed25519 signature verification with the runtime's native crypto where it has it, @noble/ed25519
 * otherwise. In Node, 'auto' calls node:crypto's one-shot verify: the same OpenSSL code as Node's
 * WebCrypto, without the thread-pool hop that makes each WebCrypto call cost ~0.3 ms more here.
 * In browsers and workers it is WebCrypto. All three follow RFC 8032 strictly (noble with
 * zip215: false), so results agree; tests run each.
 */
import * as ed from '@noble/ed25519';
import { BoundedMap } from '../util/bounded-map.js';

/** Which implementation to use. 'auto' picks node:crypto in Node, else WebCrypto when it supports Ed25519. */
export type Ed25519Impl = 'auto' | 'webcrypto' | 'noble' | 'node';

interface NodeCrypto {
  createPublicKey(k: { key: Uint8Array; format: 'der'; type: 'spki' }): unknown;
  verify(alg: null, data: Uint8Array, key: unknown, sig: Uint8Array): boolean;
}

// Reached through process.getBuiltinModule (Node >= 20.16), so bundlers for browsers never see it.
const nodeCrypto: NodeCrypto | undefined = (() => {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return p?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
})();

/** True when node:crypto's Ed25519 is available (Node). */
export function hasNodeEd25519(): boolean {
  return nodeCrypto !== undefined;
}

// SPKI DER prefix of an Ed25519 public key (RFC 8410): SEQUENCE { AlgorithmIdentifier 1.3.101.112, BIT STRING }.
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const nodeKeys = new BoundedMap<string, unknown>(1000);

function verifyNode(c: NodeCrypto, pub: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const id = toKeyId(pub);
  let key = nodeKeys.get(id);
  if (key === undefined) {
    const der = new Uint8Array(44);
    der.set(SPKI_PREFIX, 0);
    der.set(pub, 12);
    try {
      key = c.createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      return false; // not a valid point
    }
    nodeKeys.set(id, key);
  }
  try {
    return c.verify(null, message, key, signature);
  } catch {
    return false;
  }
}

let webcryptoSupport: Promise<boolean> | undefined;

/** True when this runtime's WebCrypto verifies Ed25519 (probed once). */
export function hasWebCryptoEd25519(): Promise<boolean> {
  webcryptoSupport ??= (async () => {
    try {
      const subtle = globalThis.crypto?.subtle;
      if (!subtle) return false;
      // A valid point (the RFC 8032 test 1 public key) so the probe does not throw on the key itself.
      const pub = new Uint8Array([
        0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
        0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
      ]);
      const key = await subtle.importKey('raw', pub, { name: 'Ed25519' }, false, ['verify']);
      await subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(64), new Uint8Array(0));
      return true;
    } catch {
      return false;
    }
  })();
  return webcryptoSupport;
}

const keyCache = new BoundedMap<string, Promise<CryptoKey | undefined>>(1000);

function importWebCrypto(pub: Uint8Array): Promise<CryptoKey | undefined> {
  const id = toKeyId(pub);
  let p = keyCache.get(id);
  if (!p) {
    p = globalThis.crypto.subtle
      .importKey('raw', pub as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify'])
      .catch(() => undefined); // not a valid point: verification simply fails
    keyCache.set(id, p);
  }
  return p;
}

function toKeyId(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/**
 * Verifies an Ed25519 signature. Returns false (never throws) for a malformed key or signature:
 * a wrong length is simply not a valid signature.
 */
export async function verifyEd25519(pub: Uint8Array, message: Uint8Array, signature: Uint8Array, impl: Ed25519Impl = 'auto'): Promise<boolean> {
  if (pub.length !== 32 || signature.length !== 64) return false;
  if ((impl === 'node' || impl === 'auto') && nodeCrypto) return verifyNode(nodeCrypto, pub, message, signature);
  const useWeb = impl === 'webcrypto' || (impl === 'auto' && (await hasWebCryptoEd25519()));
  if (useWeb) {
    const key = await importWebCrypto(pub);
    if (!key) return false;
    return globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
  }
  try {
    return await ed.verifyAsync(signature, message, pub, { zip215: false });
  } catch {
    return false;
  }
}
