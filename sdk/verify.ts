/**
 * `verify(input, options)`: the one entry point. Reads the input (URL, JSON, JWT, PNG, SVG), finds
 * the credential behind it (platform pages, content negotiation, baked images) and runs the
 * pipeline for its format, then assembles the Report.
 */
import { isVerifiableCredential } from './credential/vc.js';
import { CredLensError, asCredLensError, isCredLensError } from './errors.js';
import { safeFetch, type Fetched } from './fetch/index.js';
import { classifyInput } from './input/classify.js';
import { discoverFromHtml } from './input/discover.js';
import { parseCompactJws } from './input/jwt.js';
import { resolvePlatform, unwrapRedirect } from './input/platforms.js';
import { extractFromPng } from './input/png.js';
import { extractFromSvg } from './input/svg.js';
import type { RawInput } from './input/types.js';
import type { VerifyOptions } from './options.js';
import { MAX_DEPTH, makeEnv, type Env } from './pipeline.js';
import { makeReport, verdictWithReason } from './report/index.js';
import { assessTrust, trustInputFrom } from './trust/index.js';
import { elementsStage } from './elements/index.js';
import type { Report } from './report/types.js';
import { isObject, type JsonObject } from './util/json.js';
import { isOb2, verifyOb2 } from './verify-ob2.js';
import { verifyVcJwt } from './verify-jwt.js';
import { verifyVcJson, type PipelineResult } from './verify-vc.js';

/** What `verify` accepts: a URL, credential JSON (text or object), a compact JWS, or PNG / SVG bytes. */
export type VerifyInput = string | Uint8Array | ArrayBuffer | Record<string, unknown>;

/**
 * Verifies one credential and returns its Report. Throws CredLensError only when the input is not
 * something a credential can be read from (malformed JSON, a broken PNG, a refused URL); every
 * problem with the credential itself is a check in the Report.
 */
export async function verify(input: VerifyInput, options: VerifyOptions = {}): Promise<Report> {
  try {
    const env = makeEnv(options);
    const raw = classifyInput(input);
    const source = raw.kind === 'url' ? raw.url : 'input';
    const result = await fromRaw(raw, env);
    const report = makeReport(result, source);
    // Nothing was read (unreachable link, a platform with nothing verifiable): no employer view to give.
    if (result.format !== 'unknown' && options.employerView !== false) {
      const found = elementsStage({ format: String(result.format), ...(result.json ? { json: result.json } : {}), ...(result.nodes ? { ob2: result.nodes } : {}) }, options.recipient);
      report.elements = found.elements;
      report.completeness = found.completeness;
      report.assessment = found.assessment;
      if (found.recipient) report.recipient = found.recipient;
      report.trust = await assessTrust(trustInputFrom(result, trustExtras(report, source)), {
        sources: options.trust ?? [],
        options: env.o,
        verifyCredential: (c) => verifyNested(c, env),
      });
    }
    return report;
  } catch (e) {
    // Nothing untyped leaves the SDK: a stack overflow or a bug becomes an `internal` error.
    throw asCredLensError(e, 'internal', 'CredLens could not process this input');
  }
}

// The key's DID, when the issuer binding held: did:web hosts are compared with the issuer's url.
function trustExtras(report: Report, source: string): { source?: string; keyDid?: string; verdict: Report['verdict'] } {
  const issuer = report.credential.issuer.id;
  const bound = report.checks.some((c) => c.id === 'issuer-binding' && c.status === 'pass');
  return { verdict: report.verdict, ...(source !== 'input' ? { source } : {}), ...(bound && issuer?.startsWith('did:') ? { keyDid: issuer } : {}) };
}

/**
 * Verifies a credential found inside another (an endorsement) with the core pipeline, one level
 * deeper and without the trust stage, so nesting stays bounded.
 */
async function verifyNested(credential: JsonObject | string, env: Env): Promise<{ verdict: Report['verdict']; issuerId?: string; issuerName?: string; reason: string }> {
  if (env.depth >= MAX_DEPTH) return { verdict: 'unverifiable', reason: 'endorsements nest too deeply' };
  try {
    const result = await fromRaw(classifyInput(credential), { ...env, depth: env.depth + 1 });
    return {
      ...verdictWithReason(result.checks),
      ...(result.credential.issuer.id ? { issuerId: result.credential.issuer.id } : {}),
      ...(result.credential.issuer.name ? { issuerName: result.credential.issuer.name } : {}),
    };
  } catch (e) {
    return { verdict: 'invalid', reason: (e as Error).message };
  }
}

/** Runs the pipeline for a classified input. */
export async function fromRaw(raw: RawInput, env: Env): Promise<PipelineResult> {
  if (env.depth > MAX_DEPTH) throw new CredLensError('bad-input', 'The credential is wrapped too many times (baked, linked or embedded) to follow.');
  const deeper: Env = { ...env, depth: env.depth + 1 };
  switch (raw.kind) {
    case 'json':
      return fromJson(raw.value, env);
    case 'jwt':
      return fromJws(raw.jws, env);
    case 'png':
      return fromBaked(extractFromPng(raw.bytes).text, deeper);
    case 'svg':
      return fromBaked(extractFromSvg(raw.text).text, deeper);
    case 'url':
      return fromUrl(raw.url, env);
  }
}

async function fromBaked(text: string, env: Env): Promise<PipelineResult> {
  return fromRaw(classifyInput(text), env);
}

/** Dispatches credential JSON by format. */
export async function fromJson(json: JsonObject, env: Env, url?: string): Promise<PipelineResult> {
  if (isOb2(json)) return verifyOb2({ json, ...(url ? { url } : {}) }, env.o);
  if (isVerifiableCredential(json)) return verifyVcJson(json, env);
  return notACredential('The JSON is neither an Open Badges 2.0 assertion nor a Verifiable Credential.');
}

async function fromJws(jws: string, env: Env): Promise<PipelineResult> {
  const parsed = parseCompactJws(jws);
  if (isObject(parsed.payload) && isOb2(parsed.payload)) return verifyOb2({ jws }, env.o);
  return verifyVcJwt(parsed, env);
}

const ACCEPT = 'application/vc+ld+json, application/ld+json, application/json;q=0.9, application/vc+jwt;q=0.8, application/jwt;q=0.8, image/png;q=0.5, image/svg+xml;q=0.5, text/html;q=0.1';

/** Follows a link to its credential: redirect wrappers, platform pages, content negotiation, HTML discovery. */
async function fromUrl(link: string, env: Env): Promise<PipelineResult> {
  const url = unwrapRedirect(link);
  const platform = resolvePlatform(url);
  if (platform && !platform.verifiable) {
    return {
      checks: [{ id: 'platform', status: 'unsupported', effect: 'unverifiable', code: 'platform-unverifiable', message: platform.advice }],
      credential: { issuer: {}, subject: {} },
      platform: { name: platform.platform, page: platform.page },
      format: 'unknown',
    };
  }
  const candidates = platform?.candidates ?? [url];
  let lastError: CredLensError | undefined;
  for (const candidate of candidates) {
    let res: Fetched;
    try {
      res = await safeFetch(candidate, env.o, { accept: platform?.accept ?? ACCEPT, passStatus: [410] });
    } catch (e) {
      if (!isCredLensError(e)) throw e;
      if (e.code === 'blocked-address' || e.code === 'bad-url') throw e;
      lastError = e;
      continue;
    }
    const result = await fromFetched(res, env);
    return platform ? { ...result, platform: { name: platform.platform, page: platform.page } } : result;
  }
  return {
    checks: [{ id: 'fetch', status: 'error', effect: 'unverifiable', code: lastError?.code ?? 'network', message: `The credential could not be retrieved: ${lastError?.message ?? 'no address to try'}` }],
    credential: { issuer: {}, subject: {} },
    format: 'unknown',
  };
}

async function fromFetched(res: Fetched, env: Env): Promise<PipelineResult> {
  // A 410 is how an OB 2.0 hosted assertion says "revoked"; the OB2 pipeline reads it.
  if (res.status === 410) return verifyOb2({ url: res.url }, env.o);
  const deeper: Env = { ...env, depth: env.depth + 1 };
  const type = res.contentType;
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    const found = discoverFromHtml(res.text(), res.url);
    if (found.embedded[0] && isObject(found.embedded[0])) return fromJson(found.embedded[0], deeper);
    if (found.alternates[0] && deeper.depth <= MAX_DEPTH) return fromUrl(found.alternates[0], deeper);
    return notACredential(`The page ${res.url} links no machine-readable credential (no JSON-LD, no alternate link).`);
  }
  const raw = classifyInput(res.bytes);
  if (raw.kind === 'json') return fromJson(raw.value, env, res.url);
  if (raw.kind === 'url') throw new CredLensError('bad-input', `${res.url} answered with another link instead of a credential.`);
  return fromRaw(raw, env);
}

function notACredential(message: string): PipelineResult {
  return { checks: [{ id: 'format', status: 'fail', effect: 'invalid', code: 'no-credential', message }], credential: { issuer: {}, subject: {} }, format: 'unknown' };
}
