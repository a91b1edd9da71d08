/**
 * Shared pieces of the elements stage: element constructors, the input shape, and the readers of
 * structures OB 2.0 and OB 3.0 share (alignments, endorsements, issuer accreditation).
 */
import { parseCompactJws } from '../input/jwt.js';
import { MANDATORY_ELEMENTS, OPTIONAL_ELEMENTS, type Element, type ElementKey } from '../report/types.js';
import { isObject } from '../util/json.js';
import { hasType, list, objects, QA_TEXT, textOf, type JsonObject } from './text.js';

/** What the elements stage reads: the credential JSON (VC / OB 3.0 / ELM), or the OB 2.0 nodes. */
export interface ElementsInput {
  /** The Report's format: 'ob3-json', 'ob3-jwt', 'vc-json', 'vc-jwt', 'elm', 'ob2-hosted', 'ob2-signed', ... */
  format: string;
  /** The credential as JSON (for a VC-JWT, the decoded `vc` / payload credential; for OB 2.0, the Assertion). */
  json?: Record<string, unknown>;
  /** OB 2.0: the Assertion, its BadgeClass and the issuer Profile, as the OB 2.0 pipeline loaded them. */
  ob2?: { assertion?: Record<string, unknown>; badge?: Record<string, unknown>; issuer?: Record<string, unknown> };
}

/** The elements map, every key present. */
export type Elements = Record<ElementKey, Element>;

export const ALL_ELEMENTS: readonly ElementKey[] = [...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS];

export function present(value: unknown, from: string): Element {
  return { state: 'present', value, from };
}
export function unclear(value: unknown, from: string): Element {
  return { state: 'unclear', value, from };
}
export function missing(): Element {
  return { state: 'missing' };
}

/** A map with every element missing, to fill in. */
export function emptyElements(): Elements {
  const out = {} as Elements;
  for (const k of ALL_ELEMENTS) out[k] = missing();
  return out;
}

/** `path[i]` when the value at `path` is an array, `path` otherwise. */
export function itemPath(container: unknown, path: string, i: number): string {
  return Array.isArray(container) ? `${path}[${i}]` : path;
}

/** Items of a possibly-array value that are objects, each with its path. */
export function objectsAt(v: unknown, path: string): { node: JsonObject; path: string }[] {
  const out: { node: JsonObject; path: string }[] = [];
  list(v).forEach((x, i) => {
    if (isObject(x)) out.push({ node: x, path: itemPath(v, path, i) });
  });
  return out;
}

/** An http(s) URL or undefined. */
export function httpUrl(v: unknown): string | undefined {
  return typeof v === 'string' && /^https?:\/\//i.test(v) ? v : undefined;
}

/** Drops undefined members, so report values carry only what the credential states. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out as Partial<T>;
}

// ---- alignments (OB 2.0 and OB 3.0) ----------------------------------------------------------------

/** A qualifications-framework level stated by the credential. */
export interface LevelValue {
  framework: 'EQF' | 'NQF' | 'QF-EHEA';
  level?: string;
  name?: string;
  url?: string;
  frameworkName?: string;
}

const EQF_URL = /data\.europa\.eu\/snb\/eqf\/(\d{1,2})\b/i;
const EQF_NAME = /\bEQF\b|European\s+Qualifications?\s+Framework/i;
const QF_EHEA_NAME = /\bQF-?EHEA\b|Framework\s+(?:for|of)\s+Qualifications\s+(?:of|in)\s+the\s+European\s+Higher\s+Education\s+Area|\bBologna\s+(?:cycle|framework)\b/i;
const NQF_NAME = /\bNQF\b|\bNLQF\b|\bDQR\b|\bNQR\b|\bRQF\b|\bSCQF\b|\bCQFW\b|\bAQF\b|\bNFQ\b|National\s+(?:Qualifications?|Learning)\s+Framework|Qualifikationsrahmen|Kvalifikační\s+rám|cadre\s+national\s+des\s+certifications|Marco\s+(?:Español|Nacional)\s+de\s+Cualificaciones/i;

/** The level an alignment states, when it aligns to EQF, an NQF or QF-EHEA. */
export function levelOfAlignment(a: JsonObject): LevelValue | undefined {
  const framework = textOf(a.targetFramework) ?? textOf(a.frameworkName);
  const name = textOf(a.targetName) ?? textOf(a.name);
  const url = textOf(a.targetUrl) ?? textOf(a.url);
  const code = textOf(a.targetCode);
  const description = textOf(a.targetDescription) ?? textOf(a.description);
  let kind: LevelValue['framework'] | undefined;
  if ((url && EQF_URL.test(url)) || (framework && EQF_NAME.test(framework)) || (!framework && name && /^\s*EQF\b/i.test(name))) kind = 'EQF';
  else if ((framework && QF_EHEA_NAME.test(framework)) || (!framework && name && QF_EHEA_NAME.test(name))) kind = 'QF-EHEA';
  else if ((framework && NQF_NAME.test(framework)) || (!framework && name && /^\s*(?:NQF|NLQF|DQR)\b/i.test(name))) kind = 'NQF';
  if (!kind) return undefined;
  const level =
    (code && /^[0-9]{1,2}[+]?$|^[A-Za-z0-9.+-]{1,4}$/.test(code) ? code : undefined) ??
    /\blevel\s*(\d{1,2}[+]?)\b/i.exec(name ?? '')?.[1] ??
    (url ? EQF_URL.exec(url)?.[1] : undefined) ??
    /\blevel\s*(\d{1,2}[+]?)\b/i.exec(description ?? '')?.[1];
  return compact({ framework: kind, level, name, url, frameworkName: framework }) as LevelValue;
}

/** A learning outcome / skill an alignment names. */
export interface OutcomeValue {
  name: string;
  url?: string;
  framework?: string;
  code?: string;
}

/** Alignments that are not levels and not other credentials: skills, competences, outcomes. */
export function outcomeOfAlignment(a: JsonObject): OutcomeValue | undefined {
  if (levelOfAlignment(a)) return undefined;
  const targetType = textOf(a.targetType) ?? '';
  if (/credential/i.test(targetType)) return undefined;
  const name = textOf(a.targetName) ?? textOf(a.name);
  if (!name) return undefined;
  return compact({ name, url: textOf(a.targetUrl) ?? textOf(a.url), framework: textOf(a.targetFramework), code: textOf(a.targetCode) }) as OutcomeValue;
}

// ---- endorsements and accreditation ------------------------------------------------------------

/** A quality-assurance statement found in structured data. */
export interface QaItem {
  kind: 'accreditation' | 'endorsement' | 'note';
  /** Who: the accrediting or endorsing body. */
  body?: string;
  bodyId?: string;
  /** What it says: an endorsement comment, an accreditation title or note text. */
  statement?: string;
  date?: string;
  expires?: string;
  url?: string;
}

const QA_BODY = /quality|accredit|qualit[äa]t|\bQA\b|\bEQAR\b|agenc|review|audit|evaluat|akkredit|NVAO|HCERES|AQ Austria|ANECA|A3ES|NOKUT|UKÄ|QAA\b/i;

/** True when an endorsement reads as external quality assurance (a QA body, or a review / accreditation statement). */
export function isQaEndorsement(item: QaItem, endorsement: JsonObject): boolean {
  const issuer = isObject(endorsement.issuer) ? endorsement.issuer : undefined;
  const texts = [item.body, item.statement, textOf(endorsement.name), textOf(issuer?.description)].filter((t): t is string => !!t);
  return texts.some((t) => QA_BODY.test(t) || QA_TEXT.test(t));
}

/** Reads one OB 3.0 EndorsementCredential or OB 2.0 Endorsement. */
export function endorsementItem(e: JsonObject): QaItem {
  const issuer = isObject(e.issuer) ? e.issuer : undefined;
  const subject = objects(e.credentialSubject)[0] ?? (isObject(e.claim) ? e.claim : undefined);
  return compact({
    kind: 'endorsement' as const,
    body: textOf(issuer?.name),
    bodyId: typeof e.issuer === 'string' ? e.issuer : textOf(issuer?.id),
    statement: textOf(subject?.endorsementComment) ?? textOf(e.name),
    date: textOf(e.awardedDate) ?? textOf(e.validFrom) ?? textOf(e.issuanceDate) ?? textOf(e.issuedOn),
  }) as QaItem;
}

/** Endorsements on a node: `endorsement` (objects; URLs are noted as such) and `endorsementJwt` (decoded, not verified here). */
export function endorsementsOf(node: JsonObject | undefined, path: string): { item: QaItem; qa: boolean; path: string }[] {
  if (!node) return [];
  const out: { item: QaItem; qa: boolean; path: string }[] = [];
  list(node.endorsement).forEach((e, i) => {
    const p = itemPath(node.endorsement, `${path}endorsement`, i);
    if (isObject(e)) {
      const item = endorsementItem(e);
      out.push({ item, qa: isQaEndorsement(item, e), path: p });
    } else if (httpUrl(e)) {
      out.push({ item: { kind: 'endorsement', url: e as string }, qa: false, path: p });
    }
  });
  list(node.endorsementJwt).forEach((jwt, i) => {
    if (typeof jwt !== 'string') return;
    const p = itemPath(node.endorsementJwt, `${path}endorsementJwt`, i);
    try {
      const parsed = parseCompactJws(jwt);
      const payload = isObject(parsed.payload) ? parsed.payload : undefined;
      const vc = payload && isObject(payload.vc) ? payload.vc : payload;
      if (vc) {
        const item = endorsementItem(vc);
        out.push({ item, qa: isQaEndorsement(item, vc), path: p });
      }
    } catch {
      // An unreadable endorsement JWT states nothing here; the trust stage reports it.
    }
  });
  return out;
}

/** The 1EdTech issuer-accreditation extension: OB 3.0 `issuer.accreditations`, OB 2.0 `extensions:IssuerAccreditation`. */
export function accreditationsOf(issuer: JsonObject | undefined, path: string): { item: QaItem; path: string }[] {
  if (!issuer) return [];
  const out: { item: QaItem; path: string }[] = [];
  const read = (a: JsonObject, p: string) =>
    out.push({
      item: compact({
        kind: 'accreditation' as const,
        body: textOf(a.name),
        statement: textOf(a.description),
        date: textOf(a.accreditationDate),
        url: httpUrl(a.url),
      }) as QaItem,
      path: p,
    });
  for (const { node, path: p } of objectsAt(issuer.accreditations, `${path}accreditations`)) read(node, p);
  for (const key of Object.keys(issuer)) {
    if (/^extensions:issueraccreditation(?:extension)?$/i.test(key)) {
      for (const { node, path: p } of objectsAt(issuer[key], `${path}${key}`)) read(node, p);
    }
  }
  return out;
}

/** An OB 2.0-style extension object on a node, by its short name (`ECTSExtension` finds `extensions:ECTSExtension`). */
export function extensionOf(node: JsonObject | undefined, name: string): { value: JsonObject; key: string } | undefined {
  if (!node) return undefined;
  const want = name.toLowerCase();
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (!isObject(v)) continue;
    if (key.toLowerCase() === `extensions:${want}` || hasType(v, name)) return { value: v, key };
  }
  return undefined;
}
