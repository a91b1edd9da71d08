/**
 * The pipeline for a W3C VC with embedded proofs (OB 3.0, CLR, ELM, status lists):
 * credential (structure) → proof (+ key and issuer binding) → status (dates, revocation).
 */
import { isCredLensError } from './errors.js';
import type { Ob2Nodes } from './credential/ob2.js';
import { checkStructure, summarize, vcFormat } from './credential/vc.js';
import { safeFetch } from './fetch/index.js';
import { MAX_DEPTH, type Env } from './pipeline.js';
import { suiteOf, verifyEmbeddedProofs, type ProofOutcome } from './proof/data-integrity.js';
import { verdictWithReason } from './report/verdict.js';
import type { Check, CredentialSummary, Format } from './report/types.js';
import { checkValidity, validityOf } from './status/dates.js';
import { checkStatus, type StatusEnv } from './status/index.js';
import { asArray, idOf, parseJson, type JsonObject } from './util/json.js';

/** What one pipeline run yields; `verify()` adds trust and elements and makes the Report. */
export interface PipelineResult {
  checks: Check[];
  credential: CredentialSummary;
  format: Format;
  /** The credential as JSON, for the later stages (trust, elements). */
  json?: JsonObject;
  /** The hosting platform, when the credential was reached through (or stopped at) a platform page. */
  platform?: { name: string; page: string };
  /** OB 2.0 graph nodes (assertion, badge, issuer), for the later stages. */
  nodes?: Ob2Nodes;
}

/** Verifies a VC given as JSON with embedded proofs. Never throws for a bad credential. */
export async function verifyVcJson(vc: JsonObject, env: Env): Promise<PipelineResult> {
  const checks = checkStructure(vc);
  checks.push(...(await proofChecks(vc, env)));
  checks.push(...checkValidity(validityOf(vc), env.o.now, env.o.clockSkewSeconds));
  checks.push(...(await statusUnlessForged(vc, checks, env)));
  return { checks, credential: summarize(vc), format: vcFormat(vc), json: vc };
}

/**
 * Revocation is only looked up for a credential that might be genuine: when the structure or the
 * signature already failed, the verdict is `invalid` whatever the list says, and a forged document
 * must not make CredLens fetch URLs of its choosing.
 */
export async function statusUnlessForged(vc: JsonObject, checks: Check[], env: Env): Promise<Check[]> {
  if (checks.some((c) => c.status === 'fail' && (c.effect ?? 'invalid') === 'invalid')) {
    return [{ id: 'status', status: 'skip', code: 'not-checked', message: 'Revocation was not looked up: the credential already failed verification.' }];
  }
  return checkStatus(vc, statusEnv(env));
}

/** Status look-ups share the fetch rules, and a status list is verified as a credential one level down. */
export function statusEnv(env: Env): StatusEnv {
  return {
    fetchJson: async (url) => {
      const res = await safeFetch(url, env.o, { accept: 'application/vc+ld+json, application/ld+json, application/json', kinds: ['json'], httpsOnly: true });
      return parseJson(res.text(), `The status list at ${url}`);
    },
    verifyList: async (list) => {
      if (env.depth >= MAX_DEPTH) return { verdict: 'unverifiable', reason: 'status lists nest too deeply' };
      const inner = await verifyVcJson(list, { ...env, depth: env.depth + 1 });
      return verdictWithReason(inner.checks);
    },
  };
}

/** The `proof` and `issuer-binding` checks from all proofs on the credential. */
export async function proofChecks(vc: JsonObject, env: Env): Promise<Check[]> {
  if (vc.proof === undefined || vc.proof === null) {
    return [{ id: 'proof', status: 'fail', effect: 'invalid', code: 'no-proof', message: 'The credential carries no signature, so anyone could have written it.' }];
  }
  const outcomes = await verifyEmbeddedProofs(vc, { canonize: env.canonize, resolveKey: env.resolveKey, ed25519: env.o.ed25519 });
  const checks: Check[] = [];
  for (const o of outcomes) for (const w of o.warnings) checks.push({ id: 'proof-suite', status: 'warn', code: 'suite-alias', message: w });
  // A proof CredLens cannot check must still be well-formed JSON-LD (safe mode): an undefined term there is an error.
  for (const o of outcomes.filter((x) => x.state === 'unsupported')) {
    try {
      await env.canonize({ ...o.proof, '@context': vc['@context'] });
    } catch (e) {
      if (!isCredLensError(e)) throw e;
      checks.push({ id: 'jsonld', status: 'fail', effect: 'invalid', code: e.code, message: `The proof of type "${o.suite}" is not valid JSON-LD: ${e.message}` });
    }
  }
  const issuer = idOf(vc.issuer);
  const bound = (o: ProofOutcome) => o.key !== undefined && o.key.controller === issuer;
  const good = outcomes.find((o) => o.state === 'verified' && bound(o));
  const sound = outcomes.find((o) => o.state === 'verified');
  if (good) {
    checks.push({ id: 'proof', status: 'pass', message: good.message });
    checks.push({ id: 'issuer-binding', status: 'pass', message: `The signing key ${good.key!.id} is controlled by the issuer.` });
    if (good.key!.via === 'fragment') {
      checks.push({ id: 'key-source', status: 'warn', code: 'key-from-fragment', message: "The key was read from the verification method's id, not from a document the issuer publishes; it proves only that the holder of that key signed." });
    }
    for (const o of outcomes) if (o !== good && o.state !== 'verified') checks.push({ id: 'proof-extra', status: 'warn', code: o.code ?? o.state, message: `Another proof (${o.suite}) was not verified: ${o.message}` });
    return checks;
  }
  if (sound) {
    checks.push({ id: 'proof', status: 'pass', message: sound.message });
    checks.push({ id: 'issuer-binding', status: 'fail', effect: 'invalid', code: 'key-not-issuers', message: `The signature is sound, but the key belongs to ${sound.key?.controller}, not to the issuer ${issuer ?? '(none named)'}: it does not show that the issuer signed.` });
    return checks;
  }
  const failed = outcomes.find((o) => o.state === 'failed');
  const errored = outcomes.find((o) => o.state === 'error');
  if (failed) checks.push({ id: 'proof', status: 'fail', effect: 'invalid', code: failed.code ?? 'bad-proof', message: failed.message });
  else if (errored) checks.push({ id: 'proof', status: 'error', effect: 'unverifiable', code: errored.code ?? 'error', message: `The signature could not be checked: ${errored.message}` });
  else {
    const suites = [...new Set(outcomes.map((o) => o.suite))].join(', ') || asArray(vc.proof).map((p) => suiteOf(p as JsonObject)).join(', ');
    checks.push({ id: 'proof', status: 'unsupported', effect: 'unverifiable', code: 'unsupported-suite', message: `The credential is signed with ${suites}, which CredLens cannot check; its integrity is unknown.` });
  }
  return checks;
}
