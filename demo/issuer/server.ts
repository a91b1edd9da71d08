/**
 * The demo issuer as an HTTP server (node:http) on loopback: DID documents, credentials (JSON-LD,
 * JWT), the Open Badges 2.0 graph, baked images, status and revocation lists and the trust list,
 * all built at startup from the demo keys.
 *
 * The server listens first and builds afterwards, because the did:web identifiers carry the port
 * (`did:web:localhost%3A<port>`). The origin is `http://localhost:<port>`; verifying against it
 * needs `allowPrivateNetwork: true, allowHttpLocalhost: true`.
 *
 *   const issuer = await startIssuer({ port: 0 });
 *   await verify(issuer.credentials[0].url, { allowPrivateNetwork: true, allowHttpLocalhost: true });
 *   await issuer.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoCredential } from '../types.js';
import { buildDemo, type DemoBuild } from './credentials.js';
import { DEFAULT_KEYS_DIR, loadOrCreateKeys } from './keys.js';
import type { Resources } from './resources.js';
import type { TrustList } from './trust.js';

/** Options of `startIssuer`. */
export interface IssuerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). The origin always says `localhost`. */
  host?: string;
  /** Where the keys are kept (default demo/.keys, git-ignored); created on first run. */
  keysDir?: string;
}

/** A running demo issuer. */
export interface RunningIssuer {
  /** `http://localhost:<port>`. */
  origin: string;
  port: number;
  /** The credentials it publishes, with the verdict CredLens must give each. */
  credentials: DemoCredential[];
  /** The trust list it serves at /trust/list.json. */
  trustList: TrustList;
  /** Everything else one run built (issuers, documents, extra URLs), for tests and tools. */
  build: DemoBuild;
  close(): Promise<void>;
}

/** Starts the demo issuer. Resolves once every credential is built and served. */
export async function startIssuer(options: IssuerOptions = {}): Promise<RunningIssuer> {
  const host = options.host ?? '127.0.0.1';
  const keys = loadOrCreateKeys(options.keysDir ?? DEFAULT_KEYS_DIR);
  let resources: Resources | undefined;

  const server = createServer((req, res) => handle(req, res, resources));
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  let build: DemoBuild;
  try {
    build = await buildDemo(origin, port, keys);
  } catch (e) {
    server.close();
    throw e;
  }
  resources = build.resources;

  let closed: Promise<void> | undefined;
  return {
    origin,
    port,
    credentials: build.credentials,
    trustList: build.trustList,
    build,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'accept, content-type',
  'access-control-max-age': '600',
};

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, head: boolean, extra: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  res.writeHead(status, {
    ...CORS,
    'content-type': type,
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(head ? undefined : bytes);
}

/** The path to look up, or undefined for anything that tries to leave the table (traversal, encoded separators). */
export function safePath(rawUrl: string | undefined): string | undefined {
  if (!rawUrl || !rawUrl.startsWith('/')) return undefined;
  const path = rawUrl.split(/[?#]/, 1)[0]!;
  // Only plain paths: no dot segments, no encoded slashes or dots, no backslashes or control characters.
  if (/%2e|%2f|%5c|%00/i.test(path) || /\\|\0/.test(path)) return undefined;
  if (path.split('/').some((seg) => seg === '.' || seg === '..')) return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function handle(req: IncomingMessage, res: ServerResponse, resources: Resources | undefined): void {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, { ...CORS, 'content-length': '0' });
    res.end();
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n', false, { allow: 'GET, HEAD, OPTIONS' });
    return;
  }
  const head = method === 'HEAD';
  if (!resources) {
    send(res, 503, 'text/plain; charset=utf-8', 'The demo issuer is still starting.\n', head, { 'retry-after': '1' });
    return;
  }
  const path = safePath(req.url);
  if (path === undefined) {
    send(res, 400, 'text/plain; charset=utf-8', 'Bad request path.\n', head);
    return;
  }
  const found = resources.get(path);
  if (!found) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n', head);
    return;
  }
  send(res, found.status ?? 200, found.type, found.body, head);
}
