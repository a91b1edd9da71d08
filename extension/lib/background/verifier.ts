/**
 * Verification in the background: every link and every learner input goes through the SDK's
 * `verify` here, with the user's trust sources, the page owner's name for the recipient check, the
 * redirect-checking fetch and a result cache (a result is reused for the same credential, person and
 * settings for a few minutes; "clear cache" in the settings forgets them).
 */
import { verify, type VerifyInput } from '../../../sdk/verify.js';
import { explain } from '../../../sdk/explain/index.js';
import { base58Encode } from '../../../sdk/util/base58.js';
import { base64Decode, base64UrlEncode } from '../../../sdk/util/bytes.js';
import { sha256 } from '../../../sdk/crypto/sha256.js';
import type { Lang } from '../../../sdk/explain/types.js';
import { MemoryCache, resolveOptions, type Cache, type FetchLike, type VerifyOptions } from '../../../sdk/options.js';
import type { TrustSource } from '../../../sdk/trust/types.js';
import { failedItem, MAX_INPUT_BYTES, type FailedItem, type FoundLink, type LearnerInput, type VerifiedItem } from '../protocol.js';
import type { Settings } from '../settings.js';
import { redirectCheckingFetch } from '../fetch.js';
import { trustSourcesFrom } from './trust.js';

/** How long a verification result is reused (ms). Revocation can happen; results do not live long. */
export const RESULT_TTL_MS = 10 * 60_000;
/** How long fetched documents (DID documents, status lists, contexts) are reused within the worker (ms). */
export const DOCUMENT_TTL_MS = 5 * 60_000;
/** Verifications running at once; more wait their turn. */
export const MAX_PARALLEL = 6;

/** Where results are kept between service-worker restarts (extension session storage in the browser). */
export interface ResultStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Removes every stored result; answers how many there were. */
  clear(): Promise<number>;
}

/** What the verifier needs from its surroundings. */
export interface VerifierDeps {
  settings: () => Promise<Settings>;
  /** The language explanations are written in. */
  lang: () => Promise<Lang>;
  store: ResultStore;
  /** The browser's fetch (tests pass Node's). */
  fetch?: FetchLike;
  /** The e2e build may reach localhost; store builds only when the user switched local-network checks on. */
  localAllowed?: boolean;
  /** Clock, for the cache and `checkedAt`. */
  now?: () => number;
  /** Extra SDK options (tests: a fixed `now`). */
  sdkOptions?: Partial<VerifyOptions>;
}

type Outcome = VerifiedItem | FailedItem;

/** Verifies links and inputs through the SDK, with caching, de-duplication and a concurrency cap. */
export class Verifier {
  private readonly inFlight = new Map<string, Promise<Outcome>>();
  private readonly documents: Cache;
  /** The warm-up run, once started (see warmUp). */
  private warming?: Promise<void>;
  private readonly queue: (() => void)[] = [];
  private running = 0;
  /** When the trust lists were last asked for, and under which settings (see preloadTrustLists). */
  private preloaded?: { key: string; at: number };

  constructor(private readonly deps: VerifierDeps) {
    this.documents = new TtlCache(DOCUMENT_TTL_MS, deps.now ?? Date.now);
  }

  /**
   * Runs the SDK once on a local, throw-away credential (no network), so the code a first real
   * verification needs (JSON-LD contexts, canonicalization, signature checks) is compiled and its
   * caches filled while the page that woke the worker is still loading. The verdict is discarded.
   * Once per worker: later calls answer the first run; none runs once a real verification started
   * (it compiles the same code, and a warm-up would only delay it).
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
      try {
        const report = await verify(WARM_UP_CREDENTIAL, { fetch: async () => Promise.reject(new TypeError('offline warm-up')), cache: this.documents, recipient: { name: 'Warm Up' } });
        explain(report, await this.deps.lang());
      } catch {
        // nothing to report: a warm-up
      }
    })();
    return this.warming;
  }

  /** Verifies a credential link; `owner` is the person the page is about. */
  async verifyLink(link: FoundLink, owner?: string): Promise<Outcome> {
    const settings = await this.deps.settings();
    const lang = await this.deps.lang();
    const key = `result:${JSON.stringify([link.url, owner ?? '', lang, settingsKey(settings)])}`;
    const stored = (await this.deps.store.get(key)) as (Outcome & { expiresAt?: number }) | undefined;
    const now = this.now();
    if (stored && typeof stored.expiresAt === 'number' && stored.expiresAt > now) return withText(stripExpiry(stored), link.text);
    let job = this.inFlight.get(key);
    if (!job) {
      this.preloadTrustLists(settings);
      job = this.limited(() => this.run(link.url, link, owner, settings, lang)).then(async (out) => {
        // Network failures are not cached: the next look may succeed.
        // Stored without waiting: the answer goes back to the page first (storage is a round trip).
        if (out.state === 'done' || !TRANSIENT.has(out.code)) void this.deps.store.set(key, { ...out, expiresAt: now + RESULT_TTL_MS }).catch(() => {});
        return out;
      });
      this.inFlight.set(key, job);
      void job.finally(() => this.inFlight.delete(key));
    }
    return withText(await job, link.text);
  }

  /** Verifies something a person pasted or dropped. Never cached: learners re-check after fixing things. */
  async verifyInput(input: LearnerInput, owner?: string): Promise<Outcome> {
    const settings = await this.deps.settings();
    const lang = await this.deps.lang();
    let value: VerifyInput;
    let label: string;
    if (input.kind === 'url') {
      value = input.url;
      label = input.url;
    } else if (input.kind === 'text') {
      value = input.text.trim();
      label = 'pasted credential';
    } else {
      const bytes = fromBase64(input.base64);
      if (bytes === undefined) return failedItem({ url: input.name ?? 'dropped file' }, { code: 'bad-input', message: 'The dropped file could not be read.' }, this.now());
      if (bytes.byteLength > MAX_INPUT_BYTES) return failedItem({ url: input.name ?? 'dropped file' }, { code: 'too-large', message: `The file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.` }, this.now());
      value = bytes;
      label = input.name ?? 'dropped file';
    }
    return this.limited(() => this.run(value, { url: label }, owner, settings, lang));
  }

  /**
   * Starts downloading the enabled trust lists given by URL (whole lists: CredLens lists and DCC
   * registries) into the document cache, so the trust stage of the page's first credentials finds
   * them there instead of waiting for one more download after the credential, its key and its
   * status list. Called when a link's verification starts, never for a worker that merely woke up;
   * at most once per half document lifetime for the same settings. Registries asked per issuer
   * (EBSI, DEQAR, OpenID Federation) are not touched: they are asked about real issuers only.
   */
  private preloadTrustLists(settings: Settings): void {
    const key = settingsKey(settings);
    const now = this.now();
    if (this.preloaded && this.preloaded.key === key && now - this.preloaded.at < DOCUMENT_TTL_MS / 2) return;
    this.preloaded = { key, at: now };
    const given = this.optionsFor(settings);
    const options = resolveOptions(given);
    const ctx = { options, now: options.now };
    for (const source of (given.trust ?? []).filter(isWholeList)) {
      // The source's own lookup loads the list through the same cache key its real lookups use; the
      // finding about a made-up subject is discarded (lookups never throw).
      void source.lookup(PRELOAD_SUBJECT, ctx).catch(() => {});
    }
  }

  private optionsFor(settings: Settings, owner?: string): VerifyOptions {
    const local = this.deps.localAllowed === true || settings.localNetwork;
    const policy = { allowPrivateNetwork: local, allowHttpLocalhost: local };
    return {
      ...policy,
      fetch: redirectCheckingFetch(policy, this.deps.fetch),
      cache: this.documents,
      trust: trustSourcesFrom(settings.trustSources),
      ...(owner ? { recipient: { name: owner } } : {}),
      ...this.deps.sdkOptions,
    };
  }

  private async run(input: VerifyInput, link: FoundLink, owner: string | undefined, settings: Settings, lang: Lang): Promise<Outcome> {
    this.warming ??= Promise.resolve(); // real work compiles the same code: no warm-up after it
    const options = this.optionsFor(settings, owner);
    try {
      const report = await verify(input, options);
      return { ...link, state: 'done', report, explained: explain(report, lang), checkedAt: new Date(this.now()).toISOString() };
    } catch (e) {
      return failedItem(link, e, this.now());
    }
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_PARALLEL) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}

// A did:key issuer (the key from the did:key specification's examples) and a proof that does not
// verify: enough to run every local stage of the pipeline.
const WARM_UP_CREDENTIAL = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', type: ['Profile'], name: 'Warm-up', address: { type: ['Address'], addressCountry: 'Austria' } },
  validFrom: '2025-01-01T00:00:00Z',
  name: 'Warm-up',
  // Text of the kinds the elements stage reads (workload, level, assessment, participation), so its
  // patterns are compiled before the first real credential needs them.
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityHash: 'Warm Up', identityType: 'name', hashed: false }],
    achievement: {
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      type: ['Achievement'],
      name: 'Warm-up',
      description: 'Workload: 5 ECTS credits (125 hours). Level: EQF level 6. Delivered online. Assessment: a supervised written examination with identity verification.',
      criteria: { narrative: 'Learners pass a written exam. Participation alone does not qualify.' },
      creditsAvailable: 5,
      alignment: [{ type: ['Alignment'], targetName: 'Warm-up', targetUrl: 'https://example.org/warm-up', targetType: 'ext:ESCOSkill' }],
    },
  },
  proof: {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2025-01-01T00:00:00Z',
    verificationMethod: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    proofPurpose: 'assertionMethod',
    // 64 bytes, the length of an Ed25519 signature, so the check runs to the signature itself.
    proofValue: 'z' + base58Encode(new Uint8Array(64).fill(7)),
  },
};

// The subject of a preload's lookup: a URN no issuer has, so the finding is always "not listed".
const PRELOAD_SUBJECT = 'urn:credlens:preload';

/** Trust sources that download one whole list (and so can be fetched before any issuer is known). */
function isWholeList(s: TrustSource): boolean {
  return s.kind === 'credlens-list' || s.kind === 'dcc-legacy';
}

/** Error codes that say "try again later", not "this is not a credential". */
const TRANSIENT = new Set(['network', 'timeout', 'http-status', 'internal']);

function withText(o: Outcome, text: string | undefined): Outcome {
  return text && !o.text ? { ...o, text } : o;
}

function stripExpiry(o: Outcome & { expiresAt?: number }): Outcome {
  const { expiresAt: _drop, ...rest } = o;
  return rest as Outcome;
}

// Results depend on the trust sources and the network policy; a settings change must not serve stale ones.
function settingsKey(s: Settings): string {
  // A pasted list is told apart by its digest, not its length: an edit of the same length must not
  // keep old verdicts.
  return JSON.stringify([s.localNetwork, s.trustSources.filter((t) => t.enabled).map((t) => [t.id, t.url ?? '', t.json === undefined ? '' : base64UrlEncode(sha256(t.json))])]);
}

function fromBase64(b64: string): Uint8Array | undefined {
  try {
    return base64Decode(b64);
  } catch {
    return undefined;
  }
}

/** The SDK's document cache with a time limit, so status lists are re-read after a while. */
class TtlCache implements Cache {
  private readonly inner = new MemoryCache(500);
  constructor(
    private readonly ttl: number,
    private readonly now: () => number,
  ) {}
  get(key: string): unknown {
    const hit = this.inner.get(key) as { at: number; value: unknown } | undefined;
    if (!hit) return undefined;
    return this.now() - hit.at < this.ttl ? hit.value : undefined;
  }
  set(key: string, value: unknown): void {
    this.inner.set(key, { at: this.now(), value });
  }
}
