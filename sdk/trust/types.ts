/**
 * Types of the trust stage: trust sources (lists and registries), what a source says about one
 * issuer (a finding), what the stage reads from a pipeline result, and what it needs from the
 * orchestrator. The stage reports signals beside the verdict; it never changes the verdict and
 * never folds the signals into one score.
 */
import type { ResolvedOptions } from '../options.js';
import type { Format, Trust, TrustSignal, Verdict } from '../report/types.js';
import type { JsonObject } from '../util/json.js';

export type { Trust, TrustSignal };

/** The kinds of trust source CredLens reads. */
export type TrustSourceKind = 'credlens-list' | 'dcc-legacy' | 'dcc-oidf' | 'ebsi-tir' | 'deqar';

/**
 * What a source says about one identifier:
 * - `listed`: the source vouches for it (with its signatures checked, where the format has any);
 * - `not-listed`: the source was consulted and has no entry;
 * - `revoked`: the source says the issuer was revoked or is distrusted;
 * - `unverified`: the source names it, but its statement could not be verified (bad or unsupported
 *   signature, expired entry, an entry without accreditation): it never counts as a listing;
 * - `unavailable`: the source could not be consulted (offline, refused, malformed): never positive.
 */
export type FindingStatus = 'listed' | 'not-listed' | 'revoked' | 'unverified' | 'unavailable';

/** An accreditation as a trust list states it. */
export interface TrustListAccreditation {
  by: string;
  byId?: string;
  type: string;
  decision?: string;
  validFrom?: string;
  validUntil?: string;
  register?: string;
}

/** An accreditation as a trust list states it, with its validity at the time of verification. */
export interface FindingAccreditation extends TrustListAccreditation {
  /** At the verification instant. */
  state: 'valid' | 'expired' | 'not-yet-valid';
}

/** External quality assurance found in DEQAR (an institutional report by an EQAR-registered agency). */
export interface FindingQa {
  agency: string;
  agencyAcronym?: string;
  /** The ESG activity, e.g. "System accreditation in Germany". */
  activity?: string;
  decision?: string;
  validFrom?: string;
  validTo?: string;
  /** DEQAR's report id. */
  reportId?: string;
}

/** One source's answer about one identifier. */
export interface TrustFinding {
  /** The source's name as it calls itself (a list's `name`, or the name given when configured). */
  source: string;
  kind: TrustSourceKind;
  status: FindingStatus;
  /** The identifier that was looked up. */
  subject: string;
  /** One plain-language sentence: what the source says, or why it could not be used. */
  reason: string;
  /** What the source records about the entity (never taken from the credential). */
  entry?: { name?: string; country?: string; kind?: string; url?: string; location?: string };
  accreditation?: FindingAccreditation;
  qa?: FindingQa;
  /** Endorsements by this entity count as a trust signal (a QA agency, an accreditation organisation). */
  trustedEndorser?: boolean;
  /**
   * How the entry was matched: by the identifier itself (`id`), or, for registers keyed by other
   * data (DEQAR), by the website or the name the credential gives for its issuer. Only `id` matches
   * are about the issuer as verified; the others count only when the issuer's domain is bound.
   */
  matchedBy?: 'id' | 'website' | 'name';
  /** A machine-readable code for unavailable / unverified findings (an ErrorCode or a source-specific code). */
  code?: string;
}

/** What a source may use besides the identifier when it is consulted. */
export interface TrustContext {
  /** Fetch rules, cache and clock (the verification's resolved options). */
  options: ResolvedOptions;
  /** The verification instant. */
  now: Date;
  /** The issuer's name and homepage as the credential states them (for registers keyed by name or website). */
  issuerName?: string;
  issuerUrl?: string;
}

/** A loaded (or lazily loaded) trust source. Lookups never throw: a failure is an `unavailable` finding. */
export interface TrustSource {
  name: string;
  kind: TrustSourceKind;
  /**
   * What the source says about `issuerId`. An empty array means the source does not apply to this
   * kind of identifier (EBSI for an https issuer, DEQAR without a name to search for).
   */
  lookup(issuerId: string, ctx: TrustContext): Promise<TrustFinding[]>;
}

/** The OB 2.0 documents of a verification (see `Ob2Result.nodes`). */
export interface TrustOb2Nodes {
  assertion?: JsonObject;
  badge?: JsonObject;
  issuer?: JsonObject;
  /** Where the issuer profile was fetched from (absent when only embedded). */
  issuerSource?: string;
}

/** What the trust stage reads from a pipeline result. */
export interface TrustInput {
  format: Format | string;
  /**
   * The verdict of the core pipeline. When it is `invalid`, who issued the credential is not
   * established, so no source is consulted (and no URL the credential names is fetched).
   */
  verdict?: Verdict;
  /** The issuer as summarised (id, name, declared homepage url). */
  issuer: { id?: string; name?: string; url?: string };
  /** The credential JSON (OB 3.0 / VC; for a VC-JWT the decoded credential). */
  credential?: JsonObject;
  /** The OB 2.0 documents, for OB 2.0 input. */
  ob2?: TrustOb2Nodes;
  /** The URL the credential came from ('input' or absent when given directly). */
  source?: string;
  /** The DID of the verification key, when the issuer-binding check passed (looked up too when it differs from the issuer id). */
  keyDid?: string;
}

/** The core's answer about an endorsement (or any credential the trust stage needs verified). */
export interface VerifiedCredential {
  verdict: Verdict;
  /** The issuer id as the core established it. */
  issuerId?: string;
  issuerName?: string;
  /** One sentence: 'verified', or the first failing check's message. */
  reason: string;
}

/** What the orchestrator gives the trust stage. */
export interface TrustEnv {
  sources: TrustSource[];
  /** The verification's resolved options (fetch rules, cache, clock). */
  options: ResolvedOptions;
  /**
   * Verifies an endorsement with the core pipeline (JSON credential, or a compact JWS for
   * `endorsementJwt`). Injected so the trust stage imports no pipeline; it must not itself run the
   * trust stage (or must bound the nesting). Without it, endorsements are reported as not checked.
   */
  verifyCredential?: (credential: JsonObject | string) => Promise<VerifiedCredential>;
  /** The verification instant (default: `options.now`). */
  now?: Date;
}
