/**
 * The user's settings: trust sources, language, local-network checks. Pure data and validation
 * here; the background stores them in extension storage.
 */
import { LANGS, type Lang } from '../../sdk/explain/types.js';
import { httpUrl } from '../../sdk/util/url.js';

/** Kinds of trust source the SDK can consult. */
export type TrustSourceKind = 'credlens-list' | 'dcc-legacy' | 'dcc-oidf' | 'ebsi' | 'deqar';

/** One trust source a user has configured. */
export interface TrustSourceSetting {
  /** Stable id (built-in sources keep theirs across versions). */
  id: string;
  kind: TrustSourceKind;
  /** Shown in settings and in trust signals. */
  name: string;
  /** Where the list or registry is; absent for DEQAR's default backend. */
  url?: string;
  /** A JSON trust list pasted by the user (credlens-list / dcc-legacy), instead of a URL. */
  json?: string;
  enabled: boolean;
  /** Shipped with CredLens (can be switched off, not deleted). */
  builtIn?: boolean;
}

/** Everything the user can set. */
export interface Settings {
  /** 'auto' follows the browser's language when CredLens has a catalogue for it, else English. */
  lang: Lang | 'auto';
  trustSources: TrustSourceSetting[];
  /**
   * Check credentials hosted on this computer or the local network (developers, intranet issuers).
   * Off by default: the SDK refuses private, loopback and link-local addresses otherwise.
   */
  localNetwork: boolean;
  /** Scan LinkedIn profiles as they load (otherwise only when the toolbar button is clicked). */
  autoScanLinkedIn: boolean;
}

/** The public registries CredLens knows. Off until the user switches them on: each sends the issuer's id to that registry. */
export const BUILT_IN_SOURCES: readonly TrustSourceSetting[] = [
  { id: 'dcc-legacy', kind: 'dcc-legacy', name: 'Digital Credentials Consortium issuer registry', url: 'https://digitalcredentials.github.io/issuer-registry/registry.json', enabled: false, builtIn: true },
  { id: 'deqar', kind: 'deqar', name: 'DEQAR (European quality assurance register)', enabled: false, builtIn: true },
  { id: 'ebsi-tir', kind: 'ebsi', name: 'EBSI Trusted Issuers Registry', url: 'https://api-pilot.ebsi.eu/trusted-issuers-registry/v5', enabled: false, builtIn: true },
];

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = {
  lang: 'auto',
  trustSources: BUILT_IN_SOURCES.map((s) => ({ ...s })),
  localNetwork: false,
  autoScanLinkedIn: true,
};

const KINDS = new Set<TrustSourceKind>(['credlens-list', 'dcc-legacy', 'dcc-oidf', 'ebsi', 'deqar']);
const LANG_VALUES: ReadonlySet<string> = new Set(['auto', ...LANGS]);
/** Most trust sources kept. */
export const MAX_TRUST_SOURCES = 20;
/** Longest pasted trust list kept (characters). */
export const MAX_PASTED_LIST = 2_000_000;

/**
 * Reads settings from storage (or from a settings form) into a valid `Settings`: unknown fields are
 * dropped, wrong types fall back to defaults, built-in sources are always present.
 */
export function normalizeSettings(raw: unknown): Settings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const lang = typeof o.lang === 'string' && LANG_VALUES.has(o.lang) ? (o.lang as Settings['lang']) : DEFAULT_SETTINGS.lang;
  const sources: TrustSourceSetting[] = [];
  const seen = new Set<string>();
  for (const s of Array.isArray(o.trustSources) ? o.trustSources : []) {
    const t = normalizeSource(s);
    if (t && !seen.has(t.id) && sources.length < MAX_TRUST_SOURCES) {
      seen.add(t.id);
      sources.push(t);
    }
  }
  for (const b of BUILT_IN_SOURCES) if (!seen.has(b.id)) sources.push({ ...b });
  return {
    lang,
    trustSources: sources,
    localNetwork: o.localNetwork === true,
    autoScanLinkedIn: o.autoScanLinkedIn !== false,
  };
}

function normalizeSource(raw: unknown): TrustSourceSetting | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Record<string, unknown>;
  if (typeof s.id !== 'string' || s.id === '' || typeof s.kind !== 'string' || !KINDS.has(s.kind as TrustSourceKind)) return undefined;
  const builtIn = BUILT_IN_SOURCES.find((b) => b.id === s.id);
  if (builtIn) return { ...builtIn, enabled: s.enabled === true };
  const url = typeof s.url === 'string' && isHttpUrl(s.url) ? s.url : undefined;
  const json = typeof s.json === 'string' && s.json.length <= MAX_PASTED_LIST ? s.json : undefined;
  if (!url && !json) return undefined;
  const name = typeof s.name === 'string' && s.name.trim() !== '' ? s.name.trim().slice(0, 200) : (url ?? 'Pasted trust list');
  return { id: s.id, kind: s.kind as TrustSourceKind, name, ...(url ? { url } : {}), ...(json && !url ? { json } : {}), enabled: s.enabled !== false };
}

/** True for absolute http(s) URLs. */
export function isHttpUrl(s: string): boolean {
  return httpUrl(s) !== undefined;
}

/** The language to explain in: the setting, or the browser's language when CredLens speaks it, else English. */
export function resolveLang(setting: Settings['lang'], browserLang: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  const base = (browserLang ?? 'en').toLowerCase().split('-')[0];
  return (LANGS as readonly string[]).includes(base ?? '') ? (base as Lang) : 'en';
}
