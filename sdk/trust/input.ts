/**
 * Builds the trust stage's input from what a pipeline returns (`PipelineResult`, or `Ob2Result`
 * with its `nodes`), so the orchestrator needs no knowledge of the stage's internals.
 */
import { combineVerdict } from '../report/verdict.js';
import type { Check, CredentialSummary, Format, Verdict } from '../report/types.js';
import { isObject, type JsonObject } from '../util/json.js';
import type { TrustInput, TrustOb2Nodes } from './types.js';

/** The parts of a pipeline result the trust stage reads. */
export interface TrustablePipelineResult {
  checks: Check[];
  credential: CredentialSummary;
  format: Format | string;
  json?: JsonObject;
  /** Present on OB 2.0 results (`Ob2Result.nodes`). */
  nodes?: { assertion?: unknown; badge?: unknown; issuer?: unknown; issuerSource?: unknown };
}

/**
 * The trust input for a pipeline result. `source` is where the credential came from; `keyDid` the
 * DID of the verification key when the issuer-binding check passed; `verdict` defaults to the one
 * the checks give.
 */
export function trustInputFrom(result: TrustablePipelineResult, extras: { source?: string; keyDid?: string; verdict?: Verdict } = {}): TrustInput {
  const ob2 = typeof result.format === 'string' && result.format.startsWith('ob2');
  const input: TrustInput = {
    format: result.format,
    verdict: extras.verdict ?? combineVerdict(result.checks),
    issuer: { ...result.credential.issuer },
  };
  if (ob2) {
    const n = result.nodes ?? {};
    const nodes: TrustOb2Nodes = {};
    if (isObject(n.assertion)) nodes.assertion = n.assertion;
    if (isObject(n.badge)) nodes.badge = n.badge;
    if (isObject(n.issuer)) nodes.issuer = n.issuer;
    if (typeof n.issuerSource === 'string') nodes.issuerSource = n.issuerSource;
    input.ob2 = nodes;
  } else if (result.json) {
    input.credential = result.json;
  }
  if (extras.source) input.source = extras.source;
  if (extras.keyDid) input.keyDid = extras.keyDid;
  return input;
}
