/**
 * `credlens serve [--port N] [--host H] [--trust FILE] [--allow-private-network] [--allow-http-localhost]`:
 * runs the HTTP endpoint, prints its URL, and stops cleanly on SIGINT / SIGTERM (exit 0).
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { VerifyOptions } from '../options.js';
import type { TrustSource } from '../trust/types.js';
import { parseJson } from '../util/json.js';
import { createServer } from './index.js';
import { trustSourceFromFile } from './wiring.js';

export const SERVE_USAGE = `Usage: credlens serve [options]

Runs the CredLens HTTP endpoint: POST /credentials/verify (W3C VC-API), POST /verify
({url} | {credential} | {jwt}), GET /healthz, GET /openapi.yaml. Stops on Ctrl-C or SIGTERM.

Options:
  --port <n>                port to listen on (default 8787; 0 picks a free one)
  --host <host>             address to listen on (default 127.0.0.1)
  --trust <file>            a CredLens trust list (JSON) to judge issuers by
  --allow-private-network   allow fetching from loopback and private addresses
  --allow-http-localhost    allow plain http for localhost (did:web of a local issuer)

Exit status: 0 after a clean stop, 2 usage or start-up error.`;

interface Out {
  write(chunk: string): unknown;
}

class UsageError extends Error {}

interface ServeArgs {
  port: number;
  host: string;
  trust?: string;
  verifyOptions: VerifyOptions;
}

function parseArgs(args: string[]): ServeArgs | 'help' {
  const parsed: ServeArgs = { port: 8787, host: '127.0.0.1', verifyOptions: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--port') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65535) throw new UsageError(`--port "${v}" is not a port number (0-65535).`);
      parsed.port = n;
    } else if (a === '--host') parsed.host = value();
    else if (a === '--trust') parsed.trust = value();
    else if (a === '--allow-private-network') parsed.verifyOptions.allowPrivateNetwork = true;
    else if (a === '--allow-http-localhost') parsed.verifyOptions.allowHttpLocalhost = true;
    else throw new UsageError(a.startsWith('-') ? `Unknown option ${a}.` : `Unexpected argument "${a}".`);
  }
  return parsed;
}

async function readTrust(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return parseJson(text, `The trust list ${file}`);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Runs `credlens serve`; resolves with the exit code once the server has stopped. `signals` lets
 * tests stop it without a real signal.
 */
export async function serve(args: string[], out: Out = process.stdout, err: Out = process.stderr, signals: NodeJS.EventEmitter = process): Promise<number> {
  let parsed: ServeArgs;
  let trustSources: TrustSource[] = [];
  try {
    const p = parseArgs(args);
    if (p === 'help') {
      out.write(SERVE_USAGE + '\n');
      return 0;
    }
    parsed = p;
    if (parsed.trust !== undefined) trustSources = [trustSourceFromFile(await readTrust(parsed.trust))];
  } catch (e) {
    err.write((e instanceof UsageError ? e.message : `credlens: ${(e as Error).message}`) + '\n');
    return 2;
  }

  const server = createServer({ trustSources, verifyOptions: parsed.verifyOptions });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(parsed.port, parsed.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    err.write(`credlens: cannot listen on ${parsed.host}:${parsed.port}: ${(e as Error).message}\n`);
    return 2;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  out.write(`CredLens is listening on http://${host}:${address.port}\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      signals.off('SIGINT', onInt);
      signals.off('SIGTERM', onTerm);
      err.write(`credlens: ${signal} received, stopping\n`);
      // Finish the requests in flight; idle keep-alive connections go at once, stragglers after 5 s.
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    };
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    signals.on('SIGINT', onInt);
    signals.on('SIGTERM', onTerm);
  });
  return 0;
}
