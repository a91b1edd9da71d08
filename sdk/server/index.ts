/**
 * The HTTP verify endpoint, for an applicant-tracking system in any language (node:http only).
 *
 *   POST /credentials/verify   W3C VC-API shape: { verifiableCredential, options? } →
 *                              { verified, checks, warnings, errors, report }
 *   POST /verify               { url } | { credential } | { jwt }, options? { now, recipient, language }
 *                              → { report, explanation }
 *   GET  /healthz              { status: 'ok', version }
 *   GET  /openapi.yaml         the OpenAPI 3.1 description (docs/openapi.yaml)
 *
 * Limits: body size (413), JSON only (415), at most `maxConcurrent` verifications at once with a
 * bounded queue behind them (503 + Retry-After beyond it), a deadline per request (504). Every
 * error is `{ error: { code, message } }` with a CredLensError code where one applies; never a stack.
 * Private and loopback addresses are refused unless `verifyOptions.allowPrivateNetwork` says otherwise.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { isCredLensError, type ErrorCode } from '../errors.js';
import { explain, isLang, LANGS, type Lang } from '../explain/index.js';
import { looksLikeJws } from '../input/jwt.js';
import type { VerifyOptions } from '../options.js';
import type { Report } from '../report/types.js';
import { isProblem } from '../report/verdict.js';
import type { TrustSource } from '../trust/types.js';
import { isObject, MAX_JSON_DEPTH, parseJson, type JsonObject } from '../util/json.js';
import { verify, type VerifyInput } from '../verify.js';
import { HttpError, isJsonMediaType, readBody, send, sendError, sendJson } from './http.js';
import { Limiter } from './limiter.js';
import { withVerifyExtras, type RecipientHint } from './wiring.js';

export { trustSourceFromFile, withVerifyExtras, type RecipientHint, type VerifyExtras } from './wiring.js';

export interface ServerOptions {
  /** Trust sources consulted for every verification (in addition to `verifyOptions.trust`). */
  trustSources?: TrustSource[];
  /** Base options for every verification. `allowPrivateNetwork` stays false unless set here. */
  verifyOptions?: VerifyOptions;
  /** Largest request body in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** Verifications running at once (default 4). */
  maxConcurrent?: number;
  /** Requests waiting for a slot before new ones get 503 (default 4 × maxConcurrent). */
  maxQueue?: number;
  /** Deadline for one request, queueing included, in ms (default 30 000); then 504. */
  requestTimeoutMs?: number;
  /** Retry-After seconds on a 503 (default 1). */
  retryAfterSeconds?: number;
}

export const SERVER_DEFAULTS = {
  maxBodyBytes: 1024 * 1024,
  maxConcurrent: 4,
  requestTimeoutMs: 30_000,
  retryAfterSeconds: 1,
} as const;

/** The package version, for /healthz. */
export const VERSION: string = readVersion();

const OPENAPI_URL = new URL('../../docs/openapi.yaml', import.meta.url);

/** VC-API verification options that apply to presentations or proofs we do not create: ignored with a note. */
const IGNORED_VC_API_OPTIONS: Record<string, string> = {
  challenge: 'options.challenge was ignored: a challenge binds a presentation proof, and a credential proof carries none.',
  domain: 'options.domain was ignored: a domain binds a presentation proof, and a credential proof carries none.',
};

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** Creates (does not start) the server. Call `listen(port, host)` on it. */
export function createServer(options: ServerOptions = {}): http.Server {
  const maxBodyBytes = positive(options.maxBodyBytes, SERVER_DEFAULTS.maxBodyBytes, 'maxBodyBytes');
  const maxConcurrent = positive(options.maxConcurrent, SERVER_DEFAULTS.maxConcurrent, 'maxConcurrent');
  const maxQueue = options.maxQueue ?? maxConcurrent * 4;
  const requestTimeoutMs = positive(options.requestTimeoutMs, SERVER_DEFAULTS.requestTimeoutMs, 'requestTimeoutMs');
  const retryAfter = String(Math.max(1, Math.ceil(options.retryAfterSeconds ?? SERVER_DEFAULTS.retryAfterSeconds)));
  const limiter = new Limiter(maxConcurrent, maxQueue);
  const trustSources = options.trustSources ?? [];
  const base = baseVerifyOptions(options.verifyOptions ?? {}, requestTimeoutMs);

  /** Runs one verification under the concurrency limit and the request deadline. */
  async function runVerify(res: http.ServerResponse, input: VerifyInput, request: { now?: string; recipient?: RecipientHint }): Promise<Report> {
    const ticket = limiter.acquire();
    if (!ticket) throw new HttpError(503, 'busy', 'The server is verifying as many credentials as it can; try again shortly.', { 'retry-after': retryAfter });
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = (): void => {
      finished = true;
      ticket.cancel();
    };
    // A client that leaves while queued gives its place up.
    res.once('close', () => {
      if (!finished) gaveUp();
    });
    const opts = withVerifyExtras(
      { ...base, ...(request.now !== undefined ? { now: request.now } : {}) },
      { trustSources, ...(request.recipient ? { recipient: request.recipient } : {}) },
    );
    const work = ticket.slot.then(async (slot) => {
      if (finished) {
        slot.release();
        return undefined;
      }
      try {
        return await verify(input, opts);
      } finally {
        slot.release();
      }
    });
    work.catch(() => {}); // settled after a timeout: nobody is waiting any more
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), requestTimeoutMs);
    });
    try {
      const result = await Promise.race([work, deadline]);
      if (result === 'timeout' || result === undefined) {
        gaveUp();
        throw new HttpError(504, 'timeout', `Verification did not finish within ${requestTimeoutMs} ms.`);
      }
      return result;
    } finally {
      finished = true;
      clearTimeout(timer);
    }
  }

  const postVerify: Handler = async (req, res) => {
    const body = await readJsonObject(req, maxBodyBytes);
    const { input, options: opts } = parseVerifyRequest(body);
    const lang = opts.language ?? languageFromHeader(req.headers['accept-language']);
    const report = await runVerify(res, input, opts);
    sendJson(res, 200, { report, explanation: explain(report, lang) });
  };

  const postCredentialsVerify: Handler = async (req, res) => {
    const body = await readJsonObject(req, maxBodyBytes);
    const { input, options: opts, notes } = parseVcApiRequest(body);
    const report = await runVerify(res, input, opts);
    sendJson(res, 200, vcApiResult(report, notes));
  };

  const getHealth: Handler = async (_req, res) => {
    sendJson(res, 200, { status: 'ok', version: VERSION });
  };

  let openapi: Promise<string> | undefined;
  const getOpenApi: Handler = async (_req, res) => {
    openapi ??= readFile(OPENAPI_URL, 'utf8');
    let text: string;
    try {
      text = await openapi;
    } catch {
      openapi = undefined;
      throw new HttpError(404, 'not-found', 'The OpenAPI document is not installed with this copy of CredLens.');
    }
    send(res, 200, 'application/yaml; charset=utf-8', text);
  };

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    '/credentials/verify': { POST: postCredentialsVerify },
    '/verify': { POST: postVerify },
    '/healthz': { GET: getHealth, HEAD: getHealth },
    '/openapi.yaml': { GET: getOpenApi, HEAD: getOpenApi },
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => respondWithError(res, e));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      throw new HttpError(400, 'bad-url', 'The request target is not a valid path.');
    }
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const route = Object.prototype.hasOwnProperty.call(routes, path) ? routes[path] : undefined;
    if (!route) throw new HttpError(404, 'not-found', 'There is no endpoint at this path; see /openapi.yaml.');
    const method = req.method ?? 'GET';
    const handler = Object.prototype.hasOwnProperty.call(route, method) ? route[method] : undefined;
    if (!handler) {
      const allow = Object.keys(route).join(', ');
      throw new HttpError(405, 'method-not-allowed', `This endpoint accepts ${allow} only.`, { allow });
    }
    await handler(req, res);
  }

  // Receiving the whole request must fit the deadline too.
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = Math.min(server.headersTimeout, requestTimeoutMs);
  return server;
}

/** The per-server base of every verification's options. */
function baseVerifyOptions(given: VerifyOptions, requestTimeoutMs: number): VerifyOptions {
  const o: VerifyOptions = {
    ...given,
    allowPrivateNetwork: given.allowPrivateNetwork ?? false,
    timeoutMs: Math.min(given.timeoutMs ?? 10_000, requestTimeoutMs),
  };
  // On the real network, resolve host names first so a name pointing inside the network is refused
  // (as the CLI does). An injected fetch is the caller's own network: no DNS look-ups then.
  if (!given.fetch && !given.lookup) o.lookup = async (h) => (await dnsLookup(h, { all: true })).map((a) => a.address);
  return o;
}

function respondWithError(res: http.ServerResponse, e: unknown): void {
  if (e instanceof HttpError) return sendError(res, e.status, e.code, e.message, e.headers);
  if (isCredLensError(e)) return sendError(res, statusForCode(e.code), e.code, e.code === 'internal' ? 'CredLens could not process this input.' : e.message);
  sendError(res, 500, 'internal', 'CredLens could not process this request.');
}

/** HTTP status for a CredLensError thrown by verify(): the input's fault unless it is ours or upstream's. */
function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'internal':
      return 500;
    case 'timeout':
      return 504;
    case 'network':
    case 'http-status':
    case 'too-many-redirects':
    case 'bad-content-type':
      return 502;
    default:
      return 400;
  }
}

async function readJsonObject(req: http.IncomingMessage, limit: number): Promise<JsonObject> {
  if (!isJsonMediaType(req.headers['content-type'])) {
    throw new HttpError(415, 'bad-content-type', 'Send the request body as JSON (Content-Type: application/json).');
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') throw new HttpError(415, 'bad-content-type', 'Compressed request bodies are not accepted.');
  const bytes = await readBody(req, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'bad-json', 'The request body is not UTF-8 text.');
  }
  if (text.trim() === '') throw new HttpError(400, 'bad-json', 'The request body is empty.');
  // The request wraps the credential one or two levels deep.
  const value = parseJson(text, 'The request body', MAX_JSON_DEPTH + 2);
  if (!isObject(value)) throw new HttpError(400, 'bad-input', 'The request body must be a JSON object.');
  return value;
}

interface RequestOptions {
  now?: string;
  recipient?: RecipientHint;
  language?: Lang;
}

/** `POST /verify`: exactly one of url, credential, jwt; options now, recipient, language. */
function parseVerifyRequest(body: JsonObject): { input: VerifyInput; options: RequestOptions } {
  const given = (['url', 'credential', 'jwt'] as const).filter((k) => body[k] !== undefined);
  if (given.length !== 1) {
    throw new HttpError(400, 'bad-input', given.length === 0 ? 'Give one of "url", "credential" or "jwt".' : `Give only one of "url", "credential" or "jwt" (got ${given.map((k) => `"${k}"`).join(' and ')}).`);
  }
  const kind = given[0]!;
  const value = body[kind];
  let input: VerifyInput;
  if (kind === 'url') input = checkUrl(value);
  else if (kind === 'jwt') input = checkJwt(value, '"jwt"');
  else {
    if (!isObject(value)) throw new HttpError(400, 'bad-input', '"credential" must be a JSON object; send a JWT as "jwt" and a link as "url".');
    input = value;
  }
  const options = parseCommonOptions(body.options);
  const o = body.options as JsonObject | undefined;
  if (o && o.language !== undefined) {
    if (!isLang(o.language)) throw new HttpError(400, 'bad-input', `options.language must be one of ${LANGS.join(', ')}.`);
    options.language = o.language;
  }
  return { input, options };
}

/** `POST /credentials/verify` (VC-API): verifiableCredential as an object, a compact JWT or an EnvelopedVerifiableCredential. */
function parseVcApiRequest(body: JsonObject): { input: VerifyInput; options: RequestOptions; notes: string[] } {
  const vc = body.verifiableCredential;
  if (vc === undefined) throw new HttpError(400, 'bad-input', 'The request has no "verifiableCredential".');
  let input: VerifyInput;
  if (typeof vc === 'string') input = checkJwt(vc, '"verifiableCredential"');
  else if (isObject(vc)) input = envelopedPayload(vc) ?? vc;
  else throw new HttpError(400, 'bad-input', '"verifiableCredential" must be a credential (a JSON object) or a compact JWT.');
  const notes: string[] = [];
  const options = parseCommonOptions(body.options);
  if (isObject(body.options)) {
    for (const key of Object.keys(body.options)) {
      if (Object.prototype.hasOwnProperty.call(IGNORED_VC_API_OPTIONS, key)) notes.push(IGNORED_VC_API_OPTIONS[key]!);
      else if (key !== 'now' && key !== 'recipient') notes.push(`options.${key.slice(0, 60)} is not supported and was ignored.`);
    }
  }
  return { input, options, notes };
}

/** The payload of a VC 2.0 EnvelopedVerifiableCredential (`id` is a data: URL), or undefined for other objects. */
function envelopedPayload(vc: JsonObject): string | undefined {
  const types = Array.isArray(vc.type) ? vc.type : [vc.type];
  if (!types.includes('EnvelopedVerifiableCredential')) return undefined;
  const id = vc.id;
  const m = typeof id === 'string' ? /^data:([^,]*),(.*)$/s.exec(id) : null;
  if (!m) throw new HttpError(400, 'bad-input', 'The EnvelopedVerifiableCredential has no data: URL in "id".');
  const meta = m[1]!.split(';').map((s) => s.trim().toLowerCase());
  let payload: string;
  try {
    payload = meta.includes('base64') ? Buffer.from(m[2]!, 'base64').toString('utf8') : decodeURIComponent(m[2]!);
  } catch {
    throw new HttpError(400, 'bad-input', 'The EnvelopedVerifiableCredential\'s data: URL cannot be decoded.');
  }
  return payload;
}

function parseCommonOptions(raw: unknown): RequestOptions {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) throw new HttpError(400, 'bad-input', '"options" must be a JSON object.');
  const out: RequestOptions = {};
  if (raw.now !== undefined) {
    if (typeof raw.now !== 'string' || Number.isNaN(Date.parse(raw.now))) throw new HttpError(400, 'bad-input', 'options.now must be an ISO-8601 date-time.');
    out.now = raw.now;
  }
  if (raw.recipient !== undefined) {
    const r = raw.recipient;
    if (!isObject(r)) throw new HttpError(400, 'bad-input', 'options.recipient must be an object with "name" and/or "email".');
    const recipient: RecipientHint = {};
    for (const k of ['name', 'email'] as const) {
      const v = r[k];
      if (v === undefined) continue;
      if (typeof v !== 'string' || v.length > 1000) throw new HttpError(400, 'bad-input', `options.recipient.${k} must be a string.`);
      recipient[k] = v;
    }
    out.recipient = recipient;
  }
  return out;
}

function checkUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 8192) throw new HttpError(400, 'bad-url', '"url" must be an http(s) URL.');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new HttpError(400, 'bad-url', '"url" is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new HttpError(400, 'bad-url', '"url" must use http or https.');
  return url.href;
}

function checkJwt(value: unknown, name: string): string {
  if (typeof value !== 'string' || !looksLikeJws(value.trim())) throw new HttpError(400, 'bad-jwt', `${name} is not a compact JWT (three base64url parts separated by dots).`);
  return value.trim();
}

/** The VC-API VerificationResult (`verified`, `checks`, `warnings`, `errors`) plus the full Report. */
export function vcApiResult(report: Report, notes: string[] = []): { verified: boolean; checks: string[]; warnings: string[]; errors: string[]; report: Report } {
  const checks: string[] = [];
  const warnings: string[] = [...notes];
  const errors: string[] = [];
  for (const c of report.checks) {
    if (c.status === 'pass') {
      if (!checks.includes(c.id)) checks.push(c.id);
    } else if (c.status === 'warn') warnings.push(`${c.id}: ${c.message}`);
    else if (isProblem(c)) errors.push(`${c.id}: ${c.message}`);
  }
  return { verified: report.verdict === 'valid', checks, warnings, errors, report };
}

/** The first of en, de, fr, es the Accept-Language header asks for (by q-value), else English. */
export function languageFromHeader(header: string | undefined): Lang {
  if (!header) return 'en';
  const wanted = header
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { lang: (tag ?? '').trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return wanted.map((w) => w.lang).find(isLang) ?? 'en';
}

function positive(v: number | undefined, fallback: number, name: string): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number`);
  return v;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
