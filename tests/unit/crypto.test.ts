import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it, vi } from 'vitest';
import { hasNodeEd25519, hasWebCryptoEd25519, verifyEd25519 } from '../../sdk/crypto/ed25519.js';
import { sha256, sha256Async } from '../../sdk/crypto/sha256.js';

describe('crypto primitives', () => {
  it('sha256 agrees with the pure-JS implementation on strings and bytes', () => {
    for (const s of ['', 'abc', 'ünïcödé ✓', 'x'.repeat(100_000)]) {
      expect(Buffer.from(sha256(s)).toString('hex')).toBe(Buffer.from(nobleSha256(new TextEncoder().encode(s))).toString('hex'));
    }
    expect(Buffer.from(sha256('abc')).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('sha256Async gives the same digests, through node:crypto here and through WebCrypto where Node is absent (browsers)', async () => {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    const inputs: (string | Uint8Array)[] = ['', 'abc', 'ünïcödé ✓', 'x'.repeat(100_000), new Uint8Array([0, 1, 2, 255]), new Uint8Array(new SharedArrayBuffer(3))];
    for (const x of inputs) expect(hex(await sha256Async(x))).toBe(hex(sha256(x)));
    // As in a service worker: no node:crypto, so the module takes WebCrypto (spied, to see it used).
    vi.resetModules();
    const getBuiltinModule = process.getBuiltinModule;
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    try {
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
      const browserLike = await import('../../sdk/crypto/sha256.js');
      for (const x of inputs) expect(hex(await browserLike.sha256Async(x))).toBe(hex(nobleSha256(typeof x === 'string' ? new TextEncoder().encode(x) : x)));
      expect(digest).toHaveBeenCalledTimes(inputs.length - 1); // not for the view of shared memory
    } finally {
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = getBuiltinModule;
      digest.mockRestore();
      vi.resetModules();
    }
  });

  it('every Ed25519 implementation is available here and they agree, RFC 8032 test 1 and malformed inputs', async () => {
    expect(hasNodeEd25519()).toBe(true);
    expect(await hasWebCryptoEd25519()).toBe(true);
    const pub = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');
    const sig = Buffer.from('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b', 'hex');
    const empty = new Uint8Array(0);
    const badSig = Uint8Array.from(sig);
    badSig[63]! ^= 0x80; // S made non-canonical: strict RFC 8032 rejects it
    for (const impl of ['auto', 'node', 'webcrypto', 'noble'] as const) {
      expect(await verifyEd25519(pub, empty, sig, impl), impl).toBe(true);
      expect(await verifyEd25519(pub, Uint8Array.of(1), sig, impl), impl).toBe(false);
      expect(await verifyEd25519(pub, empty, badSig, impl), impl).toBe(false);
      expect(await verifyEd25519(pub.subarray(1), empty, sig, impl), impl).toBe(false);
      expect(await verifyEd25519(new Uint8Array(32).fill(0xff), empty, sig, impl), impl).toBe(false);
    }
  });
});
