import { describe, expect, it } from 'vitest';
import { didWebUrl, resolveDidWeb } from '../../sdk/keys/did-web.js';
import { decodeEd25519Multikey } from '../../sdk/keys/multikey.js';
import { keyFromFragment, resolveKey } from '../../sdk/keys/resolve.js';
import { MemoryCache } from '../../sdk/options.js';
import { base58Encode } from '../../sdk/util/base58.js';

const KEY = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const opts = (fetch: (u: string) => Promise<Response>, extra = {}) => ({ fetch, allowPrivateNetwork: false, allowHttpLocalhost: false, timeoutMs: 2000, maxBytes: 1e6, cache: new MemoryCache(), ...extra });
const json = (v: unknown) => new Response(JSON.stringify(v), { headers: { 'content-type': 'application/did+ld+json' } });

describe('did:key', () => {
  it('decodes an Ed25519 multikey', async () => {
    const k = await resolveKey(`did:key:${KEY}#${KEY}`, opts(async () => json({})));
    expect(k.ed25519).toHaveLength(32);
    expect(k.controller).toBe(`did:key:${KEY}`);
  });

  it('refuses a key without the 0xed01 prefix', () => {
    const notEd = 'z' + base58Encode(Uint8Array.from([0xe7, 0x01, ...new Uint8Array(33)]));
    expect(() => decodeEd25519Multikey(notEd)).toThrow(expect.objectContaining({ code: 'bad-key' }));
  });

  it('refuses a fragment that is not the key', async () => {
    await expect(resolveKey(`did:key:${KEY}#other`, opts(async () => json({})))).rejects.toMatchObject({ code: 'key-not-found' });
  });
});

describe('did:web', () => {
  it('maps DIDs to https URLs', () => {
    expect(didWebUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didWebUrl('did:web:example.com:user:alice')).toBe('https://example.com/user/alice/did.json');
    expect(didWebUrl('did:web:localhost%3A8080')).toBe('https://localhost:8080/.well-known/did.json');
    expect(didWebUrl('did:web:localhost%3A8080', true)).toBe('http://localhost:8080/.well-known/did.json');
    expect(() => didWebUrl('did:web:example.com:..:x')).toThrow();
  });

  it('resolves through the injected fetch and finds the assertion key', async () => {
    const did = 'did:web:issuer.example';
    const fetched: string[] = [];
    const doc = { '@context': ['https://www.w3.org/ns/did/v1'], id: did, verificationMethod: [{ id: '#key-1', type: 'Multikey', controller: did, publicKeyMultibase: KEY }], assertionMethod: ['#key-1'] };
    const k = await resolveKey(`${did}#key-1`, opts(async (u) => (fetched.push(u), json(doc))));
    expect(fetched).toEqual(['https://issuer.example/.well-known/did.json']);
    expect(k.controller).toBe(did);
    expect(k.purposes).toEqual(['assertionMethod']);
  });

  it('refuses a document that names another DID', async () => {
    await expect(resolveDidWeb('did:web:issuer.example', opts(async () => json({ id: 'did:web:evil.example' })))).rejects.toMatchObject({ code: 'key-not-found' });
  });

  it('goes through the address rules (no http, no loopback)', async () => {
    await expect(resolveDidWeb('did:web:localhost%3A3000', opts(async () => json({})))).rejects.toMatchObject({ code: 'blocked-address' });
  });

  it('allows a localhost issuer over http only when both opt-ins are set', async () => {
    const did = 'did:web:localhost%3A3000';
    const doc = await resolveDidWeb(did, opts(async (u) => (expect(u).toBe('http://localhost:3000/.well-known/did.json'), json({ id: did })), { allowPrivateNetwork: true, allowHttpLocalhost: true }));
    expect(doc.id).toBe(did);
  });
});

describe('1EdTech key fragments', () => {
  it('reads the key from an http(s) fragment only', () => {
    expect(keyFromFragment(`https://example.edu/issuers/1#${KEY}`)?.controller).toBe('https://example.edu/issuers/1');
    expect(keyFromFragment(`did:web:example.edu#${KEY}`)).toBeUndefined();
  });
});
