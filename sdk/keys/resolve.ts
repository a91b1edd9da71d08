/**
 * Finding the public key behind a verification method id, and who controls it. Supports did:key,
 * did:web, did:jwk and HTTPS controller / key documents. Whether that controller is the issuer is
 * decided by the caller (`bindsToIssuer`).
 */
import { CredLensError } from '../errors.js';
import { safeFetch, type FetchOptions } from '../fetch/index.js';
import { asArray, idOf, isObject, parseJson, str, type JsonObject } from '../util/json.js';
import { didJwkToJwk } from './jwk.js';
import { resolveDidWeb } from './did-web.js';
import { decodeEd25519Jwk, decodeEd25519Multikey, ed25519FromMethod } from './multikey.js';
import type { KeyResolver, ResolvedKey } from './types.js';
import { BoundedMap } from '../util/bounded-map.js';

const RELATIONSHIPS = ['assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation', 'keyAgreement'] as const;

/** Makes a key resolver that fetches through safe fetch and caches per call. */
export function keyResolver(o: FetchOptions): KeyResolver {
  return (vm: string) => resolveKey(vm, o);
}

/** Resolves one verification method id. */
export async function resolveKey(vm: string, o: FetchOptions): Promise<ResolvedKey> {
  if (typeof vm !== 'string' || vm === '') throw new CredLensError('key-not-found', 'The proof names no verification method.');
  if (vm.startsWith('did:key:')) return didKey(vm);
  if (vm.startsWith('did:web:')) return didWeb(vm, o);
  if (vm.startsWith('did:jwk:')) return didJwk(vm);
  if (vm.startsWith('did:')) throw new CredLensError('unsupported-did', `The DID method of ${vm.split('#')[0]} is not supported (did:key, did:web and did:jwk are).`);
  if (/^https?:\/\//.test(vm)) return httpsKey(vm, o);
  throw new CredLensError('key-not-found', `The verification method ${vm} is neither a DID nor an http(s) URL.`);
}

// did:key documents are pure functions of the DID: decoded once per process.
const didKeyCache = new BoundedMap<string, ResolvedKey>(1000);

function didKey(vm: string): ResolvedKey {
  const hit = didKeyCache.get(vm);
  if (hit) return hit;
  const key = decodeDidKey(vm);
  didKeyCache.set(vm, key);
  return key;
}

function decodeDidKey(vm: string): ResolvedKey {
  const [did, fragment] = vm.split('#') as [string, string | undefined];
  const multibase = did.slice('did:key:'.length);
  if (fragment !== undefined && fragment !== multibase) {
    throw new CredLensError('key-not-found', `${vm}: a did:key's verification method fragment must repeat its key.`);
  }
  const ed25519 = decodeEd25519Multikey(multibase);
  return { id: `${did}#${multibase}`, controller: did, type: 'Multikey', ed25519, via: 'did:key', purposes: [...RELATIONSHIPS] };
}

function didJwk(vm: string): ResolvedKey {
  const did = vm.split('#')[0]!;
  const jwk = didJwkToJwk(vm);
  const ed25519 = jwk.crv === 'Ed25519' ? decodeEd25519Jwk(jwk) : undefined;
  return { id: `${did}#0`, controller: did, type: 'JsonWebKey', ...(ed25519 ? { ed25519 } : {}), jwk, via: 'did:jwk', purposes: [...RELATIONSHIPS] };
}

async function didWeb(vm: string, o: FetchOptions): Promise<ResolvedKey> {
  const did = vm.split('#')[0]!;
  const doc = await resolveDidWeb(did, o); // its id is checked to be `did`
  const key = findMethod(doc, vm, did);
  if (!key) throw new CredLensError('key-not-found', `The DID document of ${did} has no verification method ${vm}.`);
  return toResolved(key.method, vm, did, 'did:web', key.purposes);
}

/**
 * An https verification method, as the Controlled Identifiers spec retrieves it: the document at the
 * URL (without fragment) must carry that URL as its id. Either it is a controller document listing
 * the method, or (no fragment) the method itself, whose controller must then list it under
 * assertionMethod in the controller's own document. The controller is never taken on the key's word.
 */
async function httpsKey(vm: string, o: FetchOptions): Promise<ResolvedKey> {
  const [base, fragment] = vm.split('#') as [string, string | undefined];
  const doc = await fetchControllerDocument(base, o);
  if (fragment === undefined && idOf(doc) === vm && (doc.publicKeyMultibase !== undefined || doc.publicKeyJwk !== undefined)) {
    const controller = idOf(doc.controller);
    if (!controller) throw new CredLensError('key-not-found', `The key at ${vm} does not name its controller.`);
    const listed = await listedUnderAssertion(controller, vm, o);
    // The key document names its controller; that controller's own document must vouch for it.
    return toResolved(doc, vm, controller, 'https', listed ? ['assertionMethod'] : []);
  }
  const key = findMethod(doc, vm, base);
  if (!key) throw new CredLensError('key-not-found', `${base} does not list the verification method ${vm}.`);
  return toResolved(key.method, vm, base, 'https', key.purposes);
}

async function fetchControllerDocument(url: string, o: FetchOptions): Promise<JsonObject> {
  const res = await safeFetch(url, o, { accept: 'application/ld+json, application/json', kinds: ['json'], httpsOnly: true });
  const doc = parseJson(res.text(), `The key document at ${url}`);
  if (!isObject(doc)) throw new CredLensError('key-not-found', `${url} is not a key or controller document.`);
  if (idOf(doc) !== url) {
    throw new CredLensError('bad-key', `The document at ${url} says it is ${idOf(doc) ?? 'nothing in particular'}; a key document must carry its own address as its id.`);
  }
  return doc;
}

// Whether `controller`'s own document lists `vm` under assertionMethod.
async function listedUnderAssertion(controller: string, vm: string, o: FetchOptions): Promise<boolean> {
  let doc: JsonObject;
  if (controller.startsWith('did:web:')) doc = await resolveDidWeb(controller, o);
  else if (/^https?:\/\//.test(controller)) doc = await fetchControllerDocument(controller, o);
  else return false;
  return findMethod(doc, vm, controller)?.purposes.includes('assertionMethod') ?? false;
}

/** Finds a verification method by id in a controller document, with the relationships that list it. */
export function findMethod(doc: JsonObject, vm: string, docId: string): { method: JsonObject; purposes: string[] } | undefined {
  const abs = (id: string | undefined) => (id && id.startsWith('#') ? docId + id : id);
  let method: JsonObject | undefined;
  const purposes: string[] = [];
  for (const m of asArray(doc.verificationMethod)) if (isObject(m) && abs(idOf(m)) === vm) method = m;
  for (const rel of RELATIONSHIPS) {
    for (const entry of asArray(doc[rel])) {
      if (abs(idOf(entry)) !== vm) continue;
      purposes.push(rel);
      if (isObject(entry) && !method) method = entry;
    }
  }
  return method ? { method, purposes } : undefined;
}

function toResolved(m: JsonObject, vm: string, docId: string, via: ResolvedKey['via'], purposes: string[]): ResolvedKey {
  // A method inside a controller document belongs to that document's subject; one naming another
  // controller is refused (anyone could otherwise claim a victim as the controller of their key).
  const controller = idOf(m.controller) ?? docId;
  if (controller !== docId) {
    throw new CredLensError('bad-key', `The verification method ${vm} names ${controller} as its controller, but is published by ${docId}.`);
  }
  const ed25519 = ed25519FromMethod(m);
  const jwk = isObject(m.publicKeyJwk) ? (m.publicKeyJwk as JsonWebKey) : undefined;
  if (!ed25519 && !jwk) throw new CredLensError('bad-key', `The verification method ${vm} has no public key CredLens can read.`);
  return { id: vm, controller, type: str(m.type) || 'unknown', ...(ed25519 ? { ed25519 } : {}), ...(jwk ? { jwk } : {}), via, purposes };
}

/**
 * The 1EdTech convention for HTTP(S) issuers: `<controller>#<publicKeyMultibase>` carries the key in
 * the fragment, with the part before '#' as the controller. Used only for http(s) controllers, never
 * for DIDs (a did:web fragment is resolved through the DID document).
 */
export function keyFromFragment(vm: string): ResolvedKey | undefined {
  const m = /^(https?:\/\/[^#]+)#(z6Mk[1-9A-HJ-NP-Za-km-z]+)$/.exec(vm);
  if (!m) return undefined;
  return { id: vm, controller: m[1]!, type: 'Multikey', ed25519: decodeEd25519Multikey(m[2]!), via: 'fragment', purposes: ['assertionMethod'] };
}
