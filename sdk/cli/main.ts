/**
 * The `credlens` command. `credlens verify <file | url | -> [--json] [--now ISO-8601]
 * [--allow-private-network] [--allow-http-localhost] [--timeout MS]`.
 * Exit 0 when the verdict is `valid`, 1 for any other verdict, 2 for usage or input errors (one
 * clear sentence on stderr, never a stack trace).
 */
import { readFile } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import { isCredLensError } from '../errors.js';
import type { VerifyOptions } from '../options.js';
import type { Report } from '../report/types.js';
import { verify, type VerifyInput } from '../verify.js';
import { formatReport } from './format.js';
import { scan } from './scan.js';

const USAGE = `Usage: credlens verify <file | url | -> [options]
       credlens scan <cv.pdf | cv.docx | page.html | url> [options]   (credlens scan --help)
       credlens serve [--port N] [--host H] [--trust FILE]           (credlens serve --help)

Verifies an Open Badge or Verifiable Credential: a URL, a JSON or JWT file, a baked PNG or SVG
badge, or standard input (-).

Options:
  --json                    print the full Report as JSON
  --now <ISO-8601>          verify as of this instant (default: now)
  --allow-private-network   allow fetching from loopback and private addresses
  --allow-http-localhost    allow plain http for localhost (did:web of a local issuer)
  --timeout <ms>            per-request timeout (default 10000)

Exit status: 0 valid, 1 any other verdict, 2 usage or input error.`;

/** A usage or input error: exit 2 with this sentence. */
class UsageError extends Error {}

/** An explicit request for help: usage on stdout, exit 0. */
class HelpRequest extends Error {}

interface Parsed {
  target: string;
  json: boolean;
  options: VerifyOptions;
}

function parseArgs(args: string[]): Parsed {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError(USAGE);
  if (command === '--help' || command === '-h' || command === 'help') throw new HelpRequest(USAGE);
  if (command !== 'verify') throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  const options: VerifyOptions = {};
  let target: string | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--now') {
      const v = value();
      if (Number.isNaN(Date.parse(v))) throw new UsageError(`--now "${v}" is not an ISO-8601 date.`);
      options.now = v;
    } else if (a === '--allow-private-network') options.allowPrivateNetwork = true;
    else if (a === '--allow-http-localhost') options.allowHttpLocalhost = true;
    else if (a === '--timeout') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0) throw new UsageError('--timeout must be a positive number of milliseconds.');
      options.timeoutMs = v;
    } else if (a === '--help' || a === '-h') throw new HelpRequest(USAGE);
    else if (a.startsWith('--')) throw new UsageError(`Unknown option ${a}.`);
    else if (target === undefined) target = a;
    else throw new UsageError(`Only one credential at a time (got "${target}" and "${a}").`);
  }
  if (target === undefined) throw new UsageError('Name a file, a URL or - for standard input.');
  return { target, json, options };
}

async function readTarget(target: string): Promise<VerifyInput> {
  if (/^https?:\/\//i.test(target)) return target;
  try {
    if (target === '-') {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    }
    return new Uint8Array(await readFile(target));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${target}` : `Cannot read ${target}: ${(e as Error).message}`);
  }
}

/** Runs the CLI; returns the exit code. Output goes to stdout, errors to stderr. */
export async function main(args: string[], out = process.stdout, err = process.stderr): Promise<number> {
  if (args[0] === 'scan') return scan(args.slice(1), out, err);
  if (args[0] === 'serve') return (await import('../server/cli.js')).serve(args.slice(1), out, err);
  let report: Report;
  let json = false;
  try {
    const parsed = parseArgs(args);
    json = parsed.json;
    const input = await readTarget(parsed.target);
    // In Node, resolve host names too, so a name that points inside the network is refused.
    report = await verify(input, { lookup: async (h) => (await lookup(h, { all: true })).map((a) => a.address), ...parsed.options });
  } catch (e) {
    if (e instanceof HelpRequest) {
      out.write(e.message + '\n');
      return 0;
    }
    if (e instanceof UsageError) {
      err.write(e.message + '\n');
      return 2;
    }
    if (isCredLensError(e)) {
      err.write(`credlens: ${e.message} (${e.code})\n`);
      return 2;
    }
    err.write(`credlens: unexpected failure: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
  out.write(json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  return report.verdict === 'valid' ? 0 : 1;
}
