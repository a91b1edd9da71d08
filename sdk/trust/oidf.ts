/**
 * DCC issuer registries published as OpenID Federation 1.0 entity statements
 * (`application/entity-statement+jwt`), with every signature checked up to a trust anchor.
 *
 * The subset of OpenID Federation 1.0 implemented here:
 * - Entity Configuration: the self-signed statement at `<entity id>/.well-known/openid-federation`
 *   (iss = sub = the entity, `jwks`, `metadata.federation_entity.federation_fetch_endpoint`,
 *   `authority_hints`).
 * - Subordinate Statement: a superior's statement about an entity, from the superior's fetch
 *   endpoint (`GET <federation_fetch_endpoint>?sub=<entity>`; 404 means "not a subordinate").
 * - Trust chain validation (§ "Validating a Trust Chain"): every statement has `typ:
 *   entity-statement+jwt`, a supported algorithm (EdDSA, ES256, RS256), `iss`/`sub` as expected,
 *   `iat` not in the future and `exp` not passed (with the verification's clock skew); a subordinate
 *   statement verifies with a key of its issuer, whose keys are vouched for by the statement above
 *   it, up to the trust anchor; the anchor's entity configuration verifies with the key(s) the
 *   caller pins (`jwks`) or, when none are given, with its own `jwks` (trust then rests on the
 *   https fetch of the configuration, as in DCC's verifier-core: the finding says so). A leaf's
 *   entity configuration must verify with the keys its superior's statement gives for it.
 * - Two ways to the anchor: the anchor's fetch endpoint directly (how DCC registries list issuers
 *   identified by DIDs, which publish no entity configuration), and, for issuers identified by
 *   https URLs that the anchor does not list directly, `authority_hints` upwards through at most
 *   `maxDepth` intermediates.
 *
 * Left out: metadata policies (statements carrying `metadata_policy_crit` are refused, other
 * policies are not applied: only the registry's description of the issuer is read), trust marks,
 * `constraints` (max path length, naming constraints), resolve and list endpoints, `crit` claims
 * (a statement marking any claim critical is refused), explicit / automatic registration, and
 * historical keys.
 */
import { isCredLensError } from '../errors.js';
import type { CompactJws } from '../input/jwt.js';
import { isObject, type JsonObject } from '../util/json.js';
import { jwksKeys, numericDate, parseJwt, verifyWithJwks } from './jose.js';
import type { TrustContext, TrustFinding, TrustSource } from './types.js';
import { fetchText, short, text, unavailable } from './util.js';

/** The media type of entity statements. */
export const ENTITY_STATEMENT_TYPE = 'application/entity-statement+jwt';

/** Options of an OpenID Federation registry. */
export interface OidfRegistryOptions {
  /** The trust anchor's entity identifier (an https URL). */
  trustAnchor?: string;
  /** Where the anchor's entity configuration is (default `<trustAnchor>/.well-known/openid-federation`). */
  url?: string;
  /** The anchor's keys, configured out of band (recommended). Without them, the anchor's own published `jwks` are used. */
  jwks?: { keys: JsonWebKey[] } | JsonWebKey[];
  /** The name to report (default: "OpenID Federation registry <anchor>"). */
  name?: string;
  /** Most superiors to walk up from an https issuer to the anchor (default 3, at most 5). */
  maxDepth?: number;
}

/** The entity configuration URL of an entity identifier. */
export function entityConfigurationUrl(entityId: string): string {
  return `${entityId.replace(/\/+$/, '')}/.well-known/openid-federation`;
}

type Verified = { ok: true; payload: Record<string, unknown> } | { ok: false; reason: string; code: string };

/**
 * Checks one entity statement: type, algorithm, signature with one of `keys`, issuer and subject,
 * and time claims. `iss` / `sub` undefined means "any", `self` means iss must equal sub.
 */
export async function verifyEntityStatement(
  token: string | CompactJws,
  keys: JsonWebKey[],
  expect: { iss?: string; sub?: string; self?: boolean },
  ctx: Pick<TrustContext, 'now' | 'options'>,
): Promise<Verified> {
  const jws = typeof token === 'string' ? parseJwt(token) : token;
  if (!jws) return { ok: false, code: 'malformed', reason: 'it is not a well-formed signed JWT' };
  if (jws.header.typ !== 'entity-statement+jwt') {
    return { ok: false, code: 'malformed', reason: `its "typ" header is ${JSON.stringify(jws.header.typ ?? null)}, not "entity-statement+jwt"` };
  }
  const sig = await verifyWithJwks(jws, keys, ctx.options.ed25519);
  if (!sig.ok) return { ok: false, code: sig.code, reason: sig.code === 'unsupported-alg' ? sig.reason : `its signature does not verify (${sig.reason})` };
  const p = sig.payload;
  if (typeof p.iss !== 'string' || typeof p.sub !== 'string') return { ok: false, code: 'malformed', reason: 'it lacks "iss" or "sub"' };
  if (expect.self && p.iss !== p.sub) return { ok: false, code: 'malformed', reason: `it is not self-issued (iss ${short(p.iss)}, sub ${short(p.sub)})` };
  if (expect.iss !== undefined && p.iss !== expect.iss) return { ok: false, code: 'wrong-issuer', reason: `it was issued by ${short(p.iss)}, not ${short(expect.iss)}` };
  if (expect.sub !== undefined && p.sub !== expect.sub) return { ok: false, code: 'wrong-subject', reason: `it is about ${short(p.sub)}, not ${short(expect.sub)}` };
  const now = ctx.now.getTime() / 1000;
  const skew = ctx.options.clockSkewSeconds;
  const iat = numericDate(p.iat);
  const exp = numericDate(p.exp);
  if (iat === undefined || exp === undefined) return { ok: false, code: 'malformed', reason: 'it lacks "iat" or "exp"' };
  if (iat > now + skew) return { ok: false, code: 'not-yet-valid', reason: 'it is dated in the future' };
  if (exp <= now - skew) return { ok: false, code: 'expired', reason: `it expired on ${new Date(exp * 1000).toISOString()}` };
  if ('crit' in p) return { ok: false, code: 'unsupported', reason: 'it marks claims as critical ("crit"), which CredLens does not implement' };
  if ('metadata_policy_crit' in p) return { ok: false, code: 'unsupported', reason: 'it requires metadata policy operators ("metadata_policy_crit"), which CredLens does not apply' };
  return { ok: true, payload: p };
}

type Anchor = { entityId: string; keys: JsonWebKey[]; fetchEndpoint?: string; pinned: boolean; name?: string };

type Chain =
  | { ok: true; keys: JsonWebKey[]; statement: Record<string, unknown>; config?: Record<string, unknown>; via: string[] }
  | { ok: false; status: 'not-listed' | 'unverified' | 'unavailable'; reason: string; code?: string };

/** An OpenID Federation registry (a DCC member registry or any federation), checked up to its trust anchor. */
export function dccOidfRegistry(options: OidfRegistryOptions): TrustSource {
  if (!options.trustAnchor && !options.url) throw new TypeError('dccOidfRegistry needs a trustAnchor or the url of its entity configuration.');
  const ecUrl = options.url ?? entityConfigurationUrl(options.trustAnchor!);
  const pinned = options.jwks === undefined ? undefined : Array.isArray(options.jwks) ? options.jwks : jwksKeys(options.jwks);
  const name = options.name ?? `OpenID Federation registry ${options.trustAnchor ?? ecUrl}`;
  const maxDepth = Math.min(Math.max(options.maxDepth ?? 3, 1), 5);

  async function fetchStatement(url: string, ctx: TrustContext): Promise<{ status: number; token?: string }> {
    const res = await fetchText(url, ctx.options, ENTITY_STATEMENT_TYPE, [404]);
    if (res.status === 404) return { status: 404 };
    if (res.contentType && !/jwt|jose|text\/plain|octet-stream/.test(res.contentType)) {
      return { status: 415 };
    }
    return { status: res.status, token: res.text().trim() };
  }

  async function anchorOf(ctx: TrustContext): Promise<Anchor | { error: string; code: string; bad: boolean }> {
    let got;
    try {
      got = await fetchStatement(ecUrl, ctx);
    } catch (e) {
      return { error: `its trust anchor's configuration could not be fetched: ${(e as Error).message}`, code: isCredLensError(e) ? e.code : 'network', bad: false };
    }
    if (!got.token) return { error: `its trust anchor publishes no entity configuration at ${short(ecUrl)} (HTTP ${got.status})`, code: 'http-status', bad: false };
    const parsed = parseJwt(got.token);
    if (!parsed) return { error: 'its trust anchor configuration is not a signed JWT', code: 'malformed', bad: true };
    const own = jwksKeys((parsed.payload as JsonObject).jwks);
    const keys = pinned ?? own;
    const v = await verifyEntityStatement(parsed, keys, { self: true, ...(options.trustAnchor ? { iss: options.trustAnchor } : {}) }, ctx);
    if (!v.ok) return { error: `its trust anchor's configuration was refused: ${v.reason}`, code: v.code, bad: true };
    if (own.length === 0) return { error: 'its trust anchor publishes no keys', code: 'malformed', bad: true };
    const fe = federationEntity(v.payload);
    const fetchEndpoint = text(fe?.federation_fetch_endpoint, 2000);
    const orgName = text(fe?.organization_name, 200);
    return { entityId: v.payload.iss as string, keys: own, pinned: pinned !== undefined, ...(fetchEndpoint ? { fetchEndpoint } : {}), ...(orgName ? { name: orgName } : {}) };
  }

  /** The anchor's (or any superior's) statement about `subject`, verified with the superior's keys. */
  async function statementAbout(superior: string, fetchEndpoint: string, superiorKeys: JsonWebKey[], subject: string, ctx: TrustContext): Promise<Chain> {
    let url: string;
    try {
      const u = new URL(fetchEndpoint);
      u.searchParams.set('sub', subject);
      url = u.href;
    } catch {
      return { ok: false, status: 'unverified', reason: `${short(superior)} names an invalid fetch endpoint`, code: 'malformed' };
    }
    let got;
    try {
      got = await fetchStatement(url, ctx);
    } catch (e) {
      return { ok: false, status: 'unavailable', reason: `the statement of ${short(superior)} could not be fetched: ${(e as Error).message}`, code: isCredLensError(e) ? e.code : 'network' };
    }
    if (got.status === 404) return { ok: false, status: 'not-listed', reason: `${short(superior)} has no statement about ${short(subject)}` };
    if (!got.token) return { ok: false, status: 'unavailable', reason: `${short(superior)} answered with something other than an entity statement`, code: 'bad-content-type' };
    const v = await verifyEntityStatement(got.token, superiorKeys, { iss: superior, sub: subject }, ctx);
    if (!v.ok) return { ok: false, status: 'unverified', reason: `the statement of ${short(superior)} about it was refused: ${v.reason}`, code: v.code };
    return { ok: true, keys: jwksKeys(v.payload.jwks), statement: v.payload, via: [] };
  }

  /**
   * Walks `authority_hints` from an https entity up to the anchor. Returns the verified statement of
   * the entity's superior about it and the keys that statement vouches for.
   */
  async function chainUp(entityId: string, anchor: Anchor, ctx: TrustContext, depth: number, budget: { fetches: number }): Promise<Chain> {
    if (depth > maxDepth) return { ok: false, status: 'not-listed', reason: `no path of at most ${maxDepth} superiors leads to the trust anchor` };
    if (--budget.fetches < 0) return { ok: false, status: 'unavailable', reason: 'the federation needed too many requests to resolve', code: 'limit' };
    let got;
    try {
      got = await fetchStatement(entityConfigurationUrl(entityId), ctx);
    } catch (e) {
      return { ok: false, status: 'unavailable', reason: `the entity configuration of ${short(entityId)} could not be fetched: ${(e as Error).message}`, code: isCredLensError(e) ? e.code : 'network' };
    }
    if (!got.token) return { ok: false, status: 'not-listed', reason: `${short(entityId)} publishes no OpenID Federation entity configuration` };
    const config = parseJwt(got.token);
    if (!config) return { ok: false, status: 'unverified', reason: `the entity configuration of ${short(entityId)} is not a signed JWT`, code: 'malformed' };
    const hints = (Array.isArray((config.payload as JsonObject).authority_hints) ? ((config.payload as JsonObject).authority_hints as unknown[]) : [])
      .filter((h): h is string => typeof h === 'string' && /^https:\/\//.test(h))
      .slice(0, 3);
    if (hints.length === 0) return { ok: false, status: 'not-listed', reason: `${short(entityId)} names no superior in the federation` };
    let best: Chain = { ok: false, status: 'not-listed', reason: `none of the superiors of ${short(entityId)} leads to the trust anchor` };
    for (const hint of hints) {
      const sup = await superior(hint, anchor, ctx, depth, budget);
      if (!sup.ok) {
        best = rank(best, sup);
        continue;
      }
      if (--budget.fetches < 0) return { ok: false, status: 'unavailable', reason: 'the federation needed too many requests to resolve', code: 'limit' };
      const ss = await statementAbout(hint, sup.fetchEndpoint, sup.keys, entityId, ctx);
      if (!ss.ok) {
        best = rank(best, ss);
        continue;
      }
      if (ss.keys.length === 0) {
        best = rank(best, { ok: false, status: 'unverified', reason: `the statement of ${short(hint)} gives no keys for ${short(entityId)}`, code: 'malformed' });
        continue;
      }
      // The entity's own configuration must be signed with a key its superior vouches for.
      const ec = await verifyEntityStatement(config, ss.keys, { self: true, iss: entityId }, ctx);
      if (!ec.ok) {
        best = rank(best, { ok: false, status: 'unverified', reason: `the entity configuration of ${short(entityId)} was refused: ${ec.reason}`, code: ec.code });
        continue;
      }
      return { ok: true, keys: ss.keys, statement: ss.statement, config: ec.payload, via: [...sup.via, ...(hint === anchor.entityId ? [] : [hint])] };
    }
    return best;
  }

  /** A superior's verified keys and fetch endpoint: the anchor's, or an intermediate's through its own chain. */
  async function superior(entityId: string, anchor: Anchor, ctx: TrustContext, depth: number, budget: { fetches: number }):
    Promise<{ ok: true; keys: JsonWebKey[]; fetchEndpoint: string; via: string[] } | Extract<Chain, { ok: false }>> {
    if (entityId === anchor.entityId) {
      if (!anchor.fetchEndpoint) return { ok: false, status: 'unavailable', reason: 'the trust anchor publishes no fetch endpoint', code: 'malformed' };
      return { ok: true, keys: anchor.keys, fetchEndpoint: anchor.fetchEndpoint, via: [] };
    }
    const up = await chainUp(entityId, anchor, ctx, depth + 1, budget);
    if (!up.ok) return up;
    const fetchEndpoint = text(federationEntity(up.config ?? {})?.federation_fetch_endpoint, 2000);
    if (!fetchEndpoint) return { ok: false, status: 'unavailable', reason: `${short(entityId)} publishes no fetch endpoint`, code: 'malformed' };
    return { ok: true, keys: up.keys, fetchEndpoint, via: up.via };
  }

  return {
    name,
    kind: 'dcc-oidf',
    async lookup(issuerId, ctx): Promise<TrustFinding[]> {
      const base = { source: name, kind: 'dcc-oidf' as const, subject: issuerId };
      const anchor = await anchorOf(ctx);
      if ('error' in anchor) {
        const e = Object.assign(new Error(anchor.error), { code: anchor.code });
        const f = unavailable(name, 'dcc-oidf', issuerId, e, anchor.bad ? 'was not used' : 'could not be consulted');
        return [{ ...f, code: anchor.code }];
      }
      let chain: Chain = { ok: false, status: 'not-listed', reason: 'the trust anchor publishes no fetch endpoint' };
      if (anchor.fetchEndpoint) chain = await statementAbout(anchor.entityId, anchor.fetchEndpoint, anchor.keys, issuerId, ctx);
      if (!chain.ok && chain.status === 'not-listed' && /^https:\/\//.test(issuerId) && issuerId !== anchor.entityId) {
        const up = await chainUp(issuerId, anchor, ctx, 1, { fetches: 16 });
        chain = up.ok ? up : rank(chain, up);
      }
      if (!chain.ok) {
        const reason =
          chain.status === 'not-listed' ? `The registry “${name}” does not list ${issuerId} (${chain.reason}).`
          : chain.status === 'unverified' ? `The registry “${name}” names ${issuerId}, but it does not count: ${chain.reason}.`
          : `${name} could not be consulted: ${chain.reason}.`;
        return [{ ...base, status: chain.status, reason, ...(chain.code ? { code: chain.code } : {}) }];
      }
      const metadata = isObject(chain.statement.metadata) ? chain.statement.metadata : isObject(chain.config?.metadata) ? chain.config.metadata : {};
      const fe = federationEntity({ metadata }) ?? federationEntity(chain.config ?? {});
      const extra = isObject(metadata.institution_additional_information) ? metadata.institution_additional_information : undefined;
      const orgName = text(fe?.organization_name, 300) ?? text(extra?.legal_name, 300);
      const homepage = text(fe?.homepage_uri, 500);
      const how = anchor.pinned ? 'verified up to the configured trust anchor key' : 'verified up to the trust anchor key it publishes (not pinned by configuration)';
      const via = chain.via.length > 0 ? ` through ${chain.via.map((v) => short(v, 60)).join(', ')}` : '';
      return [{
        ...base,
        status: 'listed',
        matchedBy: 'id',
        reason: `The OpenID Federation registry “${name}” lists ${orgName ?? issuerId}${via}; its signed statements were ${how}.`,
        entry: { ...(orgName ? { name: orgName } : {}), ...(homepage ? { url: homepage } : {}) },
      }];
    },
  };
}

function federationEntity(payload: JsonObject): JsonObject | undefined {
  const m = payload.metadata;
  return isObject(m) && isObject(m.federation_entity) ? m.federation_entity : undefined;
}

/** The more telling of two failures: unverified (a bad statement) over unavailable over not-listed. */
function rank(a: Extract<Chain, { ok: false }>, b: Extract<Chain, { ok: false }>): Extract<Chain, { ok: false }> {
  const order = { unverified: 3, unavailable: 2, 'not-listed': 1 } as const;
  return order[b.status] > order[a.status] ? b : a;
}
