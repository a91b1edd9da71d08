/**
 * What `credlens verify`, `scan` and `serve` share: usage errors, and the flags that become verify
 * options (--now, --allow-private-network, --allow-http-localhost, --timeout, --trust, --name, --email).
 */
import { readFile } from 'node:fs/promises';
import { isCredLensError } from '../errors.js';
import type { VerifyOptions } from '../options.js';
import { credlensTrustList } from '../trust/credlens-list.js';
import { isObject, parseJson } from '../util/json.js';

/** A usage or input error: exit 2 with this sentence. */
export class UsageError extends Error {}

/** An explicit request for help: usage on stdout, exit 0. */
export class HelpRequest extends Error {}

/** Usage lines for the shared flags. */
export const VERIFY_FLAGS_USAGE = `  --now <ISO-8601>          verify as of this instant (default: now)
  --trust <FILE>            a CredLens trust list (JSON) to look issuers up in
  --name <NAME>             the candidate's name, for the recipient check
  --email <EMAIL>           the candidate's e-mail, for the recipient check (hashed identities)
  --allow-private-network   allow fetching from loopback and private addresses
  --allow-http-localhost    allow plain http for localhost (did:web of a local issuer)
  --timeout <ms>            per-request timeout (default 10000)`;

/** Flags whose value is read after all arguments are parsed (files). */
export interface Deferred {
  trustFiles: string[];
}

/**
 * Applies `flag` if it is one of the shared ones; returns false otherwise. `next` reads the flag's
 * value (and throws UsageError when there is none).
 */
export function applyVerifyFlag(flag: string, next: () => string, options: VerifyOptions, deferred: Deferred): boolean {
  switch (flag) {
    case '--now': {
      const v = next();
      if (Number.isNaN(Date.parse(v))) throw new UsageError(`--now "${v}" is not an ISO-8601 date.`);
      options.now = v;
      return true;
    }
    case '--allow-private-network':
      options.allowPrivateNetwork = true;
      return true;
    case '--allow-http-localhost':
      options.allowHttpLocalhost = true;
      return true;
    case '--timeout': {
      const v = Number(next());
      if (!Number.isFinite(v) || v <= 0) throw new UsageError('--timeout must be a positive number of milliseconds.');
      options.timeoutMs = v;
      return true;
    }
    case '--trust':
      deferred.trustFiles.push(next());
      return true;
    case '--name':
      options.recipient = { ...options.recipient, name: next() };
      return true;
    case '--email':
      options.recipient = { ...options.recipient, email: next() };
      return true;
    default:
      return false;
  }
}

/** Loads the trust lists named with --trust into `options.trust`. */
export async function loadDeferred(options: VerifyOptions, deferred: Deferred): Promise<void> {
  for (const file of deferred.trustFiles) {
    const json = parseJson(await readText(file), `The trust list ${file}`);
    if (!isObject(json)) throw new UsageError(`The trust list ${file} is not a JSON object.`);
    options.trust = [...(options.trust ?? []), credlensTrustList(json)];
  }
}

/** Reads a text file, turning file-system errors into one clear sentence. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Writes what stopped a command and returns its exit code: 0 for help, 2 for usage and input errors. */
export function exitCodeFor(e: unknown, out: { write(s: string): unknown }, err: { write(s: string): unknown }): number {
  if (e instanceof HelpRequest) {
    out.write(e.message + '\n');
    return 0;
  }
  if (e instanceof UsageError) err.write(e.message + '\n');
  else if (isCredLensError(e)) err.write(`credlens: ${e.message} (${e.code})\n`);
  else err.write(`credlens: unexpected failure: ${(e as Error)?.message ?? String(e)}\n`);
  return 2;
}
