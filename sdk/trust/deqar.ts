/**
 * External quality assurance of European higher-education institutions from DEQAR, EQAR's Database
 * of External Quality Assurance Results, through its public Web API v2 (documented in EQAR's
 * deqar-docs: "Web API" endpoints and examples; base https://backend.deqar.eu/webapi/v2, Bearer
 * token from DEQAR):
 *
 * - `GET /browse/institutions/by-identifier/DID-EBSI/{did}/` → an institution record (`id`,
 *   `name_primary`, `website_link`, `countries`…) for an issuer identified by did:ebsi; 404 otherwise.
 * - `GET /browse/institutions/?query=<name>` → `{ count, results: [{ id, deqar_id, name_primary,
 *   name_official_display, website_link, country: [..] }] }` (only institutions with QA reports).
 * - `GET /browse/reports/institutional/by-institution/{id}/` → `{ count, results: [{ id,
 *   agency_name, agency_acronym, agency_esg_activity, agency_esg_activity_type, report_valid,
 *   valid_from, valid_to, status, decision, … }] }`.
 *
 * An institution found with a currently valid institutional report whose decision is not negative
 * yields external QA naming the agency. A match through did:ebsi is about the verified issuer
 * (`matchedBy: 'id'`); a match through the issuer's website (`website`) or name (`name`) is about
 * what the credential says of itself, and the trust stage counts it only when the issuer's domain
 * binding holds (a name alone never counts). Left out: programme-level reports, the Connect API
 * (institutions without reports), historical names, and report files.
 *
 * The token is sent only to the DEQAR origin (not on redirects elsewhere).
 */
import { CredLensError } from '../errors.js';
import type { FetchLike, ResolvedOptions } from '../options.js';
import { isObject, str, type JsonObject } from '../util/json.js';
import type { FindingQa, TrustContext, TrustFinding, TrustSource } from './types.js';
import { fetchJson, hostOfUrl, relateHosts, short, text, unavailable, validityState, type SourceFetchOptions } from './util.js';

/** Options of the DEQAR source. */
export interface DeqarOptions {
  /** DEQAR's backend (default https://backend.deqar.eu). */
  baseUrl?: string;
  /** A DEQAR Web API token (sent as `Authorization: Bearer …` to the DEQAR origin only). */
  token?: string;
  name?: string;
}

/** The default DEQAR backend. */
export const DEQAR_BACKEND = 'https://backend.deqar.eu';

type Institution = { id: string; name?: string; website?: string; country?: string; matchedBy: 'id' | 'website' | 'name' };

/** A DEQAR source: external QA reports on higher-education institutions. */
export function deqar(options: DeqarOptions = {}): TrustSource {
  const root = (options.baseUrl ?? DEQAR_BACKEND).replace(/\/+$/, '');
  const api = /\/webapi\/v2$/.test(root) ? root : `${root}/webapi/v2`;
  const origin = new URL(api).origin;
  const name = options.name ?? 'DEQAR';

  function fetchOptions(o: ResolvedOptions): SourceFetchOptions {
    if (!options.token) return o;
    const token = options.token;
    const inner: FetchLike = o.fetch;
    const fetch: FetchLike = (url, init) => {
      let same = false;
      try {
        same = new URL(url).origin === origin;
      } catch {
        same = false;
      }
      if (!same) return inner(url, init);
      const headers = { ...((init?.headers as Record<string, string> | undefined) ?? {}), authorization: `Bearer ${token}` };
      return inner(url, { ...init, headers });
    };
    return { ...o, fetch };
  }

  async function findInstitution(issuerId: string, ctx: TrustContext, o: SourceFetchOptions): Promise<Institution | undefined> {
    if (/^did:ebsi:[A-Za-z0-9]+$/.test(issuerId)) {
      const res = await fetchJson(`${api}/browse/institutions/by-identifier/DID-EBSI/${issuerId}/`, o, [404]);
      if (res.status !== 404 && isObject(res.json) && res.json.id !== undefined) return institutionOf(res.json, 'id');
    }
    const wanted = ctx.issuerName?.trim();
    if (!wanted) return undefined;
    const u = new URL(`${api}/browse/institutions/`);
    u.searchParams.set('query', wanted.slice(0, 200));
    u.searchParams.set('limit', '10');
    const res = await fetchJson(u.href, o);
    const results = isObject(res.json) && Array.isArray(res.json.results) ? res.json.results.filter(isObject).slice(0, 10) : [];
    const issuerHost = hostOfUrl(ctx.issuerUrl);
    if (issuerHost) {
      const byWebsite = results.find((r) => {
        const h = hostOfUrl(str(r.website_link));
        return h !== undefined && relateHosts(stripPort(h), stripPort(issuerHost)) !== 'different';
      });
      if (byWebsite) return institutionOf(byWebsite, 'website');
    }
    const norm = normaliseName(wanted);
    const byName = results.find((r) => [r.name_primary, r.name_official_display, r.name_display].some((n) => typeof n === 'string' && normaliseName(n) === norm));
    return byName ? institutionOf(byName, 'name') : undefined;
  }

  return {
    name,
    kind: 'deqar',
    async lookup(issuerId, ctx): Promise<TrustFinding[]> {
      if (!/^did:ebsi:/.test(issuerId) && !ctx.issuerName) return []; // nothing to search by
      const base = { source: name, kind: 'deqar' as const, subject: issuerId };
      const o = fetchOptions(ctx.options);
      let inst: Institution | undefined;
      let reports: JsonObject[];
      try {
        inst = await findInstitution(issuerId, ctx, o);
        if (!inst) {
          return [{ ...base, status: 'not-listed', reason: `${name} has no quality-assurance report on an institution ${ctx.issuerName ? `named “${short(ctx.issuerName, 80)}”` : `identified as ${issuerId}`}.` }];
        }
        const res = await fetchJson(`${api}/browse/reports/institutional/by-institution/${encodeURIComponent(inst.id)}/?limit=50`, o);
        if (!isObject(res.json) || !Array.isArray(res.json.results)) throw new CredLensError('bad-input', 'its list of reports is malformed');
        reports = res.json.results.filter(isObject).slice(0, 50);
      } catch (e) {
        return [unavailable(name, 'deqar', issuerId, e)];
      }
      const who = `${inst.name ?? `institution ${inst.id}`}${inst.website ? ` (${short(inst.website, 60)})` : ''}`;
      const entry = { ...(inst.name ? { name: inst.name } : {}), ...(inst.website ? { url: inst.website } : {}), ...(inst.country ? { country: inst.country } : {}), kind: 'higher-education institution' };
      const current = reports.filter((r) => isCurrent(r, ctx.now));
      const positive = current.filter((r) => !/^negative/i.test(str(r.decision))).sort(byValidTo);
      if (positive[0]) {
        const qa = qaOf(positive[0]);
        return [{
          ...base,
          status: 'listed',
          matchedBy: inst.matchedBy,
          entry,
          qa,
          reason: `${name} records a valid institutional quality-assurance report on ${who} by ${qa.agency}${qa.activity ? ` (${qa.activity})` : ''}${qa.decision ? `, decision “${qa.decision}”` : ''}${qa.validTo ? `, valid until ${qa.validTo}` : ''}.`,
        }];
      }
      if (current[0]) {
        const qa = qaOf(current[0]);
        return [{ ...base, status: 'not-listed', matchedBy: inst.matchedBy, entry, qa, reason: `${name}'s current institutional report on ${who} by ${qa.agency} records a negative decision.` }];
      }
      const latest = [...reports].sort(byValidTo)[0];
      const last = latest ? ` (the latest, by ${text(latest.agency_name, 200) ?? 'an agency'}, was valid until ${text(latest.valid_to, 30) ?? 'an unknown date'})` : '';
      return [{ ...base, status: 'not-listed', matchedBy: inst.matchedBy, entry, reason: `${name} knows ${who}, but none of its institutional quality-assurance reports is currently valid${last}.` }];
    },
  };
}

function institutionOf(r: JsonObject, matchedBy: Institution['matchedBy']): Institution | undefined {
  const id = typeof r.id === 'number' ? String(r.id) : text(r.id, 40);
  if (!id || !/^\d+$/.test(id)) return undefined;
  const name = text(r.name_primary, 300) ?? text(r.name_official_display, 300);
  const website = text(r.website_link, 500);
  let country: string | undefined;
  if (Array.isArray(r.countries)) {
    const c = r.countries.find(isObject);
    const cc = isObject(c?.country) ? c.country : undefined;
    country = text(cc?.iso_3166_alpha2, 2) ?? text(cc?.name_english, 100);
  } else if (Array.isArray(r.country)) country = text(r.country[0], 100);
  return { id, matchedBy, ...(name ? { name } : {}), ...(website ? { website } : {}), ...(country ? { country } : {}) };
}

/** A report is current when DEQAR says so (`report_valid`), else by its dates (6 years when open-ended, as DEQAR calculates). */
function isCurrent(r: JsonObject, now: Date): boolean {
  if (typeof r.report_valid === 'boolean') return r.report_valid;
  const from = text(r.valid_from, 30);
  let to = text(r.valid_to, 30);
  if (!to && from) {
    const d = new Date(from);
    if (!Number.isNaN(d.getTime())) to = new Date(Date.UTC(d.getUTCFullYear() + 6, d.getUTCMonth(), d.getUTCDate())).toISOString().slice(0, 10);
  }
  return validityState(now, from, to) === 'valid';
}

function byValidTo(a: JsonObject, b: JsonObject): number {
  const t = (r: JsonObject) => (typeof r.valid_to === 'string' ? Date.parse(r.valid_to) || 0 : Number.MAX_SAFE_INTEGER);
  return t(b) - t(a);
}

function qaOf(r: JsonObject): FindingQa {
  const agency = text(r.agency_name, 300) ?? text(r.agency_acronym, 50) ?? 'an EQAR-registered agency';
  const out: FindingQa = { agency };
  const acronym = text(r.agency_acronym, 50);
  const activity = text(r.agency_esg_activity, 300);
  const decision = text(r.decision, 100);
  const from = text(r.valid_from, 30);
  const to = text(r.valid_to, 30);
  if (acronym) out.agencyAcronym = acronym;
  if (activity) out.activity = activity;
  if (decision) out.decision = decision;
  if (from) out.validFrom = from.slice(0, 10);
  if (to) out.validTo = to.slice(0, 10);
  if (r.id !== undefined) out.reportId = String(r.id);
  return out;
}

function normaliseName(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function stripPort(host: string): string {
  return host.replace(/:\d+$/, '');
}
