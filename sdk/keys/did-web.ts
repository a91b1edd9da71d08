/**
 * did:web resolution through `did-resolver`, with a did:web method of our own that follows the
 * did:web URL mapping (did:web:host[:path...] → https://host/.well-known/did.json or
 * https://host/path/did.json) and fetches through safe fetch. `web-did-resolver` is not used: it calls
 * cross-fetch directly (no injected fetch, no timeout, no size cap, no address checks) and its browser
 * build needs XMLHttpRequest, which MV3 service workers lack.
 */
import { Resolver, type DIDResolutionResult, type DIDResolver, type ParsedDID } from 'did-resolver';
import { CredLensError, isCredLensError } from '../errors.js';
import { safeFetch, type FetchOptions } from '../fetch/index.js';
import { isObject, parseJson } from '../util/json.js';

/** The https URL of a did:web DID's document (http for loopback hosts when `allowHttp`). */
export function didWebUrl(did: string, allowHttpLoopback = false): string {
  const m = /^did:web:([^#?/]+)$/.exec(did);
  if (!m) throw new CredLensError('unsupported-did', `${did} is not a did:web DID.`);
  const parts = m[1]!.split(':').map((p) => decodeURIComponent(p));
  const host = parts[0]!;
  if (!host || /[/?#@\s]/.test(host)) throw new CredLensError('unsupported-did', `${did} does not name a valid host.`);
  if (parts.slice(1).some((p) => p === '' || p === '.' || p === '..' || p.includes('/'))) {
    throw new CredLensError('unsupported-did', `${did} has an invalid path segment.`);
  }
  const isLoopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i.test(host);
  const scheme = allowHttpLoopback && isLoopback ? 'http' : 'https';
  const path = parts.length > 1 ? parts.slice(1).join('/') + '/did.json' : '.well-known/did.json';
  return `${scheme}://${host}/${path}`;
}

function webMethod(o: FetchOptions): DIDResolver {
  return async (did: string, parsed: ParsedDID): Promise<DIDResolutionResult> => {
    const fail = (error: string, message: string): DIDResolutionResult => ({
      didDocument: null,
      didDocumentMetadata: {},
      didResolutionMetadata: { error, message },
    });
    let doc: unknown;
    try {
      const url = didWebUrl(parsed.did, o.allowHttpLocalhost);
      const res = await safeFetch(url, o, { accept: 'application/did+ld+json, application/did+json, application/json', kinds: ['json'], httpsOnly: true });
      doc = parseJson(res.text(), `The DID document of ${parsed.did}`);
    } catch (e) {
      return fail(isCredLensError(e) ? e.code : 'notFound', (e as Error).message);
    }
    if (!isObject(doc) || doc.id !== parsed.did) {
      return fail('invalidDidDocument', `The document published for ${parsed.did} names a different DID (${isObject(doc) ? String(doc.id) : 'none'}).`);
    }
    return {
      didDocument: doc as unknown as DIDResolutionResult['didDocument'],
      didDocumentMetadata: {},
      didResolutionMetadata: { contentType: 'application/did+ld+json' },
    };
  };
}

/** Resolves a did:web DID to its DID document, or throws a typed error. */
export async function resolveDidWeb(did: string, o: FetchOptions): Promise<Record<string, unknown>> {
  const resolver = new Resolver({ web: webMethod(o) }, { cache: false });
  const result = await resolver.resolve(did);
  const err = result.didResolutionMetadata.error;
  if (err || !result.didDocument) {
    const code = ['blocked-address', 'timeout', 'too-large', 'bad-url', 'network', 'http-status', 'bad-json', 'too-deep', 'bad-content-type'].includes(String(err))
      ? (err as 'network')
      : 'key-not-found';
    throw new CredLensError(code, `The DID ${did} could not be resolved: ${result.didResolutionMetadata.message ?? err}`);
  }
  return result.didDocument as unknown as Record<string, unknown>;
}
