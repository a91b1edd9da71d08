/**
 * The `credlens` command. `credlens verify <file | url | -> [--json] [--now ISO-8601]
 * [--allow-private-network] [--allow-http-localhost] [--timeout MS]`.
 * Exit 0 when the verdict is `valid`, 1 for any other verdict, 2 for usage or input errors (one
 * clear sentence on stderr, never a stack trace).
 */
import { readFile } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import type { VerifyOptions } from '../options.js';
import type { Report } from '../report/types.js';
import { verify, type VerifyInput } from '../verify.js';
import { formatReport } from './format.js';
import { isLang, LANGS, type Lang } from '../explain/index.js';
import { applyVerifyFlag, exitCodeFor, HelpRequest, loadDeferred, UsageError, VERIFY_FLAGS_USAGE, type Deferred } from './flags.js';
import { scan } from './scan.js';

const USAGE = `Usage: credlens verify <file | url | -> [options]
       credlens scan <cv.pdf | cv.docx | page.html | url> [options]   (credlens scan --help)
       credlens serve [--port N] [--host H] [--trust FILE]           (credlens serve --help)

Verifies an Open Badge or Verifiable Credential: a URL, a JSON or JWT file, a baked PNG or SVG
badge, or standard input (-).

Options:
  --json                    print the full Report as JSON
  --lang <en|de|fr|es>      language of the explanations (default en)
${VERIFY_FLAGS_USAGE}

Exit status: 0 valid, 1 any other verdict, 2 usage or input error.`;


interface Parsed {
  target: string;
  json: boolean;
  lang: Lang;
  deferred: Deferred;
  options: VerifyOptions;
}

function parseArgs(args: string[]): Parsed {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError(USAGE);
  if (command === '--help' || command === '-h' || command === 'help') throw new HelpRequest(USAGE);
  if (command !== 'verify') throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  const options: VerifyOptions = {};
  const deferred: Deferred = { trustFiles: [] };
  let target: string | undefined;
  let json = false;
  let lang: Lang = 'en';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--lang') {
      const v = value();
      if (!isLang(v)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}.`);
      lang = v;
    } else if (applyVerifyFlag(a, value, options, deferred)) continue;
    else if (a === '--help' || a === '-h') throw new HelpRequest(USAGE);
    else if (a.startsWith('--')) throw new UsageError(`Unknown option ${a}.`);
    else if (target === undefined) target = a;
    else throw new UsageError(`Only one credential at a time (got "${target}" and "${a}").`);
  }
  if (target === undefined) throw new UsageError('Name a file, a URL or - for standard input.');
  return { target, json, options, deferred, lang };
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
  let lang: Lang = 'en';
  try {
    const parsed = parseArgs(args);
    json = parsed.json;
    lang = parsed.lang;
    await loadDeferred(parsed.options, parsed.deferred);
    const input = await readTarget(parsed.target);
    // In Node, resolve host names too, so a name that points inside the network is refused.
    report = await verify(input, { lookup: async (h) => (await lookup(h, { all: true })).map((a) => a.address), ...parsed.options });
  } catch (e) {
    return exitCodeFor(e, out, err);
  }
  out.write(json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, lang));
  return report.verdict === 'valid' ? 0 : 1;
}
