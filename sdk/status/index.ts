/**
 * Credential status: BitstringStatusListEntry, StatusList2021Entry and 1EdTechRevocationList. The
 * list is fetched and, where it is a credential, verified like any other (through the injected
 * `verifyList`); a list that cannot be fetched or trusted makes the status `error` (unverifiable),
 * never a pass.
 */
import { CredLensError, isCredLensError } from '../errors.js';
import type { Check, Verdict } from '../report/types.js';
import { asArray, idOf, isObject, str, type JsonObject } from '../util/json.js';
import { MIN_LIST_BITS, decodeEncodedList, readStatus } from './bitstring.js';

/** What the status stage needs from the outside. */
export interface StatusEnv {
  /** Fetches a JSON document (status list credential or revocation list). */
  fetchJson: (url: string) => Promise<unknown>;
  /** Verifies a status list credential as a credential; its verdict must be `valid` for the list to count. */
  verifyList: (list: JsonObject) => Promise<{ verdict: Verdict; reason: string }>;
}

/** Most status entries looked up for one credential. */
export const MAX_STATUS_ENTRIES = 8;

const ENTRY_TYPES = new Set(['BitstringStatusListEntry', 'StatusList2021Entry', '1EdTechRevocationList']);

/** Checks every status entry of a credential; one `status` check each (or one `skip` when there is none). */
export async function checkStatus(vc: JsonObject, env: StatusEnv): Promise<Check[]> {
  const entries = asArray(vc.credentialStatus);
  if (entries.length > MAX_STATUS_ENTRIES) {
    return [{ id: 'status', status: 'error', effect: 'unverifiable', code: 'too-many-status-entries', message: `The credential names ${entries.length} status lists; at most ${MAX_STATUS_ENTRIES} are looked up.` }];
  }
  if (entries.length === 0) return [{ id: 'status', status: 'skip', message: 'The issuer publishes no revocation status for this credential.' }];
  const checks: Check[] = [];
  for (const entry of entries) {
    if (!isObject(entry)) {
      checks.push({ id: 'status', status: 'fail', effect: 'invalid', code: 'bad-status-entry', message: 'A credentialStatus entry is not an object.' });
      continue;
    }
    const types = asArray(entry.type).map(str);
    const type = types.find((t) => ENTRY_TYPES.has(t));
    if (!type) {
      checks.push({ id: 'status', status: 'unsupported', code: 'unsupported-status', message: `The status method "${types.join(', ') || 'none'}" is not one CredLens can check, so revocation is unknown.` });
      continue;
    }
    try {
      checks.push(...(type === '1EdTechRevocationList' ? await checkRevocationList(vc, entry, env) : await checkBitstring(vc, entry, type, env)));
    } catch (e) {
      if (!isCredLensError(e)) throw e;
      const invalidEntry = e.code === 'bad-input';
      checks.push({
        id: 'status',
        status: invalidEntry ? 'fail' : 'error',
        effect: invalidEntry ? 'invalid' : 'unverifiable',
        code: e.code,
        message: `Revocation could not be checked: ${e.message}`,
      });
    }
  }
  return checks;
}

async function checkBitstring(vc: JsonObject, entry: JsonObject, type: string, env: StatusEnv): Promise<Check[]> {
  const listUrl = entry.statusListCredential;
  const index = Number(entry.statusListIndex);
  const purpose = str(entry.statusPurpose);
  if (typeof listUrl !== 'string' || !Number.isInteger(index) || index < 0 || !/^\d+$/.test(str(entry.statusListIndex)) || !purpose) {
    throw new CredLensError('bad-input', `The ${type} entry lacks statusListCredential, a whole-number statusListIndex or statusPurpose.`);
  }
  const list = await env.fetchJson(listUrl);
  if (!isObject(list)) throw new CredLensError('bad-status-list', `${listUrl} is not a status list credential.`);
  const expectedType = type === 'StatusList2021Entry' ? 'StatusList2021Credential' : 'BitstringStatusListCredential';
  if (!asArray(list.type).includes(expectedType)) {
    throw new CredLensError('bad-status-list', `${listUrl} is not a ${expectedType}.`);
  }
  const listCheck = await env.verifyList(list);
  if (listCheck.verdict !== 'valid') {
    throw new CredLensError('bad-status-list', `the status list at ${listUrl} is not trustworthy (${listCheck.verdict}: ${listCheck.reason}).`);
  }
  const warnings: Check[] = [];
  // The specifications allow one list for several issuers (a status service with its own key, as
  // DCC deployments run), and the list's URL is part of what the issuer signed; so a list signed by
  // another party counts, but the report says so.
  const listIssuer = idOf(list.issuer);
  if (listIssuer !== idOf(vc.issuer)) {
    warnings.push({ id: 'status-issuer', status: 'warn', code: 'status-list-other-issuer', message: `The status list is signed by ${listIssuer ?? 'an unnamed party'}, not by the credential's issuer; the issuer designated it, but CredLens cannot tell who controls it.` });
  }
  if (idOf(list) !== undefined && idOf(list) !== listUrl) {
    warnings.push({ id: 'status-list-id', status: 'warn', code: 'status-list-id', message: `The status list fetched from ${listUrl} calls itself ${idOf(list)}.` });
  }
  const subject = asArray(list.credentialSubject).find(isObject);
  if (!subject || typeof subject.encodedList !== 'string') throw new CredLensError('bad-status-list', `${listUrl} holds no encodedList.`);
  const listPurposes = asArray(subject.statusPurpose).map(str);
  if (!listPurposes.includes(purpose)) {
    throw new CredLensError('bad-status-list', `the list's purpose (${listPurposes.join(', ')}) does not match the entry's (${purpose}).`);
  }
  const size = entry.statusSize === undefined ? 1 : Number(entry.statusSize);
  if (!Number.isInteger(size) || size < 1 || size > 8) throw new CredLensError('bad-input', 'statusSize must be a whole number from 1 to 8.');
  const { bits, multibase } = decodeEncodedList(subject.encodedList);
  if (type === 'BitstringStatusListEntry' && !multibase) {
    warnings.push({ id: 'status-list-format', status: 'warn', message: 'The status list lacks the multibase "u" prefix that Bitstring Status List requires.' });
  }
  if (bits.length * 8 < MIN_LIST_BITS / size && type === 'BitstringStatusListEntry') {
    warnings.push({ id: 'status-list-size', status: 'warn', message: `The status list has ${bits.length * 8} entries, fewer than the ${MIN_LIST_BITS} the specification asks for (weaker privacy, not a validity problem).` });
  }
  const value = readStatus(bits, index, size);
  return [statusCheck(purpose, value, entry), ...warnings];
}

function statusCheck(purpose: string, value: number, entry: JsonObject): Check {
  if (value === 0) return { id: 'status', status: 'pass', message: `Not ${purpose === 'suspension' ? 'suspended' : purpose === 'revocation' ? 'revoked' : `flagged (${purpose})`} by the issuer.` };
  if (purpose === 'revocation') return { id: 'status', status: 'fail', effect: 'revoked', code: 'revoked', message: 'The issuer has revoked this credential.' };
  if (purpose === 'suspension') return { id: 'status', status: 'fail', effect: 'revoked', code: 'suspended', message: 'The issuer has suspended this credential.' };
  const messages = asArray(entry.statusMessage).filter(isObject);
  const hex = '0x' + value.toString(16);
  const text = messages.find((m) => str(m.status).toLowerCase() === hex)?.message;
  return { id: 'status-message', status: 'warn', code: 'status-message', message: `The issuer set a ${purpose} status: ${typeof text === 'string' ? text : hex}.` };
}

async function checkRevocationList(vc: JsonObject, entry: JsonObject, env: StatusEnv): Promise<Check[]> {
  const url = idOf(entry);
  if (!url) throw new CredLensError('bad-input', 'The 1EdTechRevocationList entry has no id (the list URL).');
  const list = await env.fetchJson(url);
  if (!isObject(list) || !Array.isArray(list.revokedCredentials)) throw new CredLensError('bad-status-list', `${url} is not a 1EdTech revocation list.`);
  const checks: Check[] = [];
  if (idOf(list.issuer) !== undefined && idOf(list.issuer) !== idOf(vc.issuer)) {
    throw new CredLensError('bad-status-list', `the revocation list at ${url} belongs to ${idOf(list.issuer)}, not to the credential's issuer.`);
  }
  const id = idOf(vc);
  if (!id) throw new CredLensError('bad-status-list', 'the credential has no id, so a revocation list cannot name it.');
  const hit = list.revokedCredentials.find((r) => idOf(r) === id);
  if (hit) {
    const reason = isObject(hit) && typeof hit.revocationReason === 'string' ? ` Reason given: ${hit.revocationReason}` : '';
    checks.push({ id: 'status', status: 'fail', effect: 'revoked', code: 'revoked', message: `The issuer has revoked this credential.${reason}` });
  } else {
    checks.push({ id: 'status', status: 'pass', message: "Not on the issuer's revocation list." });
  }
  return checks;
}
