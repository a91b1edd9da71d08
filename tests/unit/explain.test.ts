/**
 * Plain-language explanations: every verdict, element, assessment kind, identity level and recipient
 * state has text in every language; every check id the SDK emits has an English sentence; missing
 * sentences fall back to English, then to the check's own message; nothing but plain strings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verify } from '../../sdk/index.js';
import { CATALOGUES, explain, LANGS, type Lang, type Translation } from '../../sdk/explain/index.js';
import { de } from '../../sdk/explain/messages/de.js';
import { en } from '../../sdk/explain/messages/en.js';
import { MANDATORY_ELEMENTS, OPTIONAL_ELEMENTS, type Report } from '../../sdk/report/types.js';
import { newKey, signJcs } from '../helpers/sign.js';

// A translation that lacks a verdict, an element's meaning, or has a key English does not know, does not compile.
// @ts-expect-error every verdict is required
export const missingVerdict: Translation = { ...de, verdicts: { valid: de.verdicts.valid } };
// @ts-expect-error every element needs a name and a meaning
export const missingAbout: Translation = { ...de, elements: { ...de.elements, title: { name: 'Titel' } } };
// @ts-expect-error check ids must be ones English explains
export const unknownCheck: Translation = { ...de, checks: { 'no-such-check': { pass: 'x' } } };

const SDK = fileURLToPath(new URL('../../sdk/', import.meta.url));
const VERDICTS = ['valid', 'invalid', 'revoked', 'expired', 'not-yet-valid', 'unverifiable'] as const;
const ELEMENTS = [...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS];
const ASSESSMENT = ['assessed', 'participation', 'unknown'] as const;
const IDENTITY = ['unsupervised-no-id', 'supervised-no-id', 'supervised-online-id', 'supervised-onsite-id'] as const;
const RECIPIENT = ['match', 'mismatch', 'unknown'] as const;
const TRUST_LEVELS = ['recognised', 'known', 'unknown', 'distrusted'] as const;
const SIGNALS = ['listed', 'not-listed', 'distrusted', 'revoked-issuer', 'endorsed', 'domain-binding', 'accreditation', 'external-qa'] as const;
const CHECK_STATUSES = ['pass', 'fail', 'warn', 'skip', 'unsupported', 'error'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Check ids the SDK can emit, read from its source. */
function emittedCheckIds(): string[] {
  const ids = new Set<string>();
  for (const file of sourceFiles(SDK)) {
    const rel = file.slice(SDK.length).replace(/\\/g, '/');
    const text = readFileSync(file, 'utf8');
    // Objects that are checks (a check status next to the id), anywhere in the SDK.
    for (const m of text.matchAll(/\bid: '([a-z0-9-]+)',\s*status: '(pass|fail|warn|skip|unsupported|error)'/g)) ids.add(m[1]!);
    // Every `id: '...'` literal outside the stages whose ids are not check ids (trust signals, keys).
    if (!/^(explain|server|trust|keys)\//.test(rel)) for (const m of text.matchAll(/\bid: '([a-z0-9-]+)'/g)) ids.add(m[1]!);
    // Checks built by helpers: fail('id', …), mismatch('id', …), compareDate(checks, 'id', …).
    for (const m of text.matchAll(/\b(?:fail|mismatch)\('([a-z0-9-]+)'/g)) ids.add(m[1]!);
    for (const m of text.matchAll(/compareDate\(\w+, '([a-z0-9-]+)'/g)) ids.add(m[1]!);
  }
  // OB 2.0 documents fetched by role report under the role's name.
  const roles = /export type NodeRole = ([^;]+);/.exec(readFileSync(join(SDK, 'credential/ob2-structure.ts'), 'utf8'))![1]!;
  for (const m of roles.matchAll(/'([a-z0-9-]+)'/g)) ids.add(m[1]!);
  return [...ids].sort();
}

/** Trust signal ids (with their status where it is written next to them) from the trust stage's source. */
function emittedSignals(): [string, string][] {
  const dir = join(SDK, 'trust');
  let files: string[];
  try {
    files = sourceFiles(dir);
  } catch {
    return []; // no trust stage in this tree
  }
  const pairs = new Map<string, [string, string]>();
  const add = (id: string, status: string) => pairs.set(`${id}/${status}`, [id, status]);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bid: '([a-z0-9-]+)'(?:,\s*status: '(positive|negative|neutral)')?/g)) add(m[1]!, m[2] ?? '*');
    for (const m of text.matchAll(/\bsig\('([a-z0-9-]+)', '(positive|negative|neutral)'/g)) add(m[1]!, m[2]!);
  }
  return [...pairs.values()];
}

function strings(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe('message catalogues', () => {
  it.each(LANGS)('%s has every verdict, element, state, assessment kind, identity level, recipient state and trust level', (lang) => {
    const c = CATALOGUES[lang];
    for (const v of VERDICTS) {
      expect(c.verdicts[v].headline, v).toBeTruthy();
      expect(c.verdicts[v].meaning, v).toBeTruthy();
    }
    for (const k of ELEMENTS) {
      expect(c.elements[k].name, k).toBeTruthy();
      expect(c.elements[k].about, k).toBeTruthy();
    }
    for (const s of ['present', 'missing', 'unclear'] as const) expect(c.elementStates[s].label && c.elementStates[s].sentence).toBeTruthy();
    for (const a of ASSESSMENT) expect(c.assessment[a].label && c.assessment[a].meaning, a).toBeTruthy();
    for (const i of IDENTITY) expect(c.identityVerification[i].label && c.identityVerification[i].meaning, i).toBeTruthy();
    for (const r of RECIPIENT) expect(c.recipient[r].label && c.recipient[r].meaning, r).toBeTruthy();
    for (const t of TRUST_LEVELS) expect(c.trustLevels[t].label && c.trustLevels[t].meaning, t).toBeTruthy();
    for (const s of CHECK_STATUSES) expect(c.ui.checkStatus[s]).toBeTruthy();
  });

  it.each(['de', 'fr', 'es'] as const)('%s translates the element names, verdicts, assessment kinds and recipient states', (lang) => {
    const c = CATALOGUES[lang];
    for (const k of ELEMENTS) expect(c.elements[k].name, k).not.toBe(en.elements[k].name);
    for (const v of VERDICTS) expect(c.verdicts[v].headline, v).not.toBe(en.verdicts[v].headline);
    for (const a of ASSESSMENT) expect(c.assessment[a].meaning, a).not.toBe(en.assessment[a].meaning);
    for (const r of RECIPIENT) expect(c.recipient[r].meaning, r).not.toBe(en.recipient[r].meaning);
  });

  it('uses the EU wording for element names that the official texts fix', () => {
    expect(en.elements.awardingBody.name).toBe('Awarding body');
    expect(CATALOGUES.de.elements.learningOutcomes.name).toBe('Lernergebnisse');
    expect(CATALOGUES.fr.elements.title.name).toBe('Intitulé de la microcertification');
    expect(CATALOGUES.es.elements.title.name).toBe('Título de la microcredencial');
  });

  it('English explains every check id the SDK emits', () => {
    const ids = emittedCheckIds();
    expect(ids).toEqual(expect.arrayContaining(['proof', 'issuer-binding', 'status', 'expiry', 'issuance', 'structure', 'jwt-nbf', 'revocation-list']));
    const missing = ids.filter((id) => !Object.prototype.hasOwnProperty.call(en.checks, id));
    expect(missing, `check ids without an English explanation: ${missing.join(', ')}`).toEqual([]);
  });

  it('English has a sentence for every trust signal in every status', () => {
    for (const id of SIGNALS) for (const s of ['positive', 'negative', 'neutral'] as const) expect(en.trustSignals[id][s], `${id}/${s}`).toBeTruthy();
  });

  it('English explains every trust signal id the trust stage emits, in the status it emits it with', () => {
    const pairs = emittedSignals();
    if (pairs.length > 0) expect(pairs.map((p) => p[0])).toEqual(expect.arrayContaining(['listed', 'endorsed', 'domain-binding']));
    const missing = pairs.filter(([id, status]) => {
      const entry: Partial<Record<string, string>> | undefined = Object.prototype.hasOwnProperty.call(en.trustSignals, id) ? (en.trustSignals as Record<string, Partial<Record<string, string>>>)[id] : undefined;
      return !entry || (status !== '*' && !entry[status]);
    });
    expect(missing.map((p) => p.join('/')), 'signals without an English sentence').toEqual([]);
  });

  it('holds plain text only: no markup and no unfilled placeholders', () => {
    for (const lang of LANGS) {
      for (const [path, s] of strings(CATALOGUES[lang])) {
        expect(s, `${lang}.${path}`).not.toMatch(/[<>]/);
        expect(s.trim(), `${lang}.${path}`).toBe(s);
        if (path !== 'ui.completeness') expect(s, `${lang}.${path}`).not.toMatch(/\{\w+\}/);
      }
      expect(CATALOGUES[lang].ui.completeness).toMatch(/\{present\}.*\{total\}|\{total\}.*\{present\}/s);
    }
  });
});

function report(partial: Partial<Report> = {}): Report {
  return {
    verdict: 'valid',
    checks: [],
    format: 'ob3-json',
    credential: { issuer: {}, subject: {} },
    trust: { level: 'unknown', signals: [] },
    elements: {},
    ...partial,
  };
}

describe('explain', () => {
  it('explains a real Report from verify()', async () => {
    const key = newKey();
    const did = `did:key:${key.multibase}`;
    const cred = signJcs(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: 'urn:uuid:7d3c1e2a-0000-4000-8000-0000000000e1',
        type: ['VerifiableCredential'],
        issuer: did,
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:learner' },
      },
      key,
      `${did}#${key.multibase}`,
    );
    const r = await verify(cred, { now: '2026-03-01T00:00:00Z' });
    expect(r.verdict).toBe('valid');
    const x = explain(r);
    expect(x.lang).toBe('en');
    expect(x.verdict).toEqual({ verdict: 'valid', headline: en.verdicts.valid.headline, meaning: en.verdicts.valid.meaning });
    expect(x.checks.map((c) => c.id)).toEqual(r.checks.map((c) => c.id));
    expect(x.checks.find((c) => c.id === 'proof')!.text).toBe(en.checks.proof.pass);
    expect(x.checks.find((c) => c.id === 'expiry')!.text).toBe(en.checks.expiry.skip);
    expect(x.checks.every((c) => c.fallback === undefined)).toBe(true);
    expect(x.trust.label).toBe(en.trustLevels.unknown.label);

    const tampered = { ...cred, validFrom: '2024-01-01T00:00:00Z' };
    const bad = explain(await verify(tampered, { now: '2026-03-01T00:00:00Z' }), 'fr');
    expect(bad.verdict.headline).toBe('Non authentique');
    expect(bad.checks.find((c) => c.id === 'proof')!.text).toMatch(/signature numérique ne correspond pas/);
  });

  it('prefers the sentence for the code over the one for the status', () => {
    const x = explain(report({ verdict: 'revoked', checks: [{ id: 'status', status: 'fail', code: 'suspended', message: 'Suspended.' }] }));
    expect(x.checks[0]!.text).toBe(en.checks.status.codes.suspended);
  });

  it('falls back to English for a sentence the language lacks, and says so', () => {
    const x = explain(report({ checks: [{ id: 'proof-suite', status: 'warn', code: 'suite-alias', message: 'eddsa-2022 is the old name.' }] }), 'de');
    expect(x.checks[0]!.text).toBe(en.checks['proof-suite'].warn);
    expect(x.checks[0]!.fallback).toBe('en');
    expect(x.checks[0]!.statusLabel).toBe('Hinweis');
  });

  it("a general sentence in the reader's language beats a specific English one", () => {
    const x = explain(report({ checks: [{ id: 'proof', status: 'fail', code: 'bad-signature', message: 'Signature mismatch.' }] }), 'es');
    expect(x.checks[0]!.text).toBe(CATALOGUES.es.checks!.proof!.fail);
    expect(x.checks[0]!.fallback).toBeUndefined();
  });

  it("falls back to the check's own message for an id no catalogue knows", () => {
    for (const lang of LANGS) {
      const x = explain(report({ checks: [{ id: 'future-check', status: 'warn', message: 'Something new was noticed.' }] }), lang);
      expect(x.checks[0]!.text).toBe('Something new was noticed.');
      expect(x.checks[0]!.detail).toBe('Something new was noticed.');
      expect(x.checks[0]!.fallback).toBe('message');
    }
    const odd = explain(report({ checks: [{ id: 'constructor', status: 'pass', message: 'own message' }, { id: '__proto__', status: 'pass', message: 'proto' }] }));
    expect(odd.checks.map((c) => c.text)).toEqual(['own message', 'proto']);
  });

  it('explains trust signals, falling back to the signal message for unknown ids', () => {
    const x = explain(
      report({
        trust: {
          level: 'recognised',
          signals: [
            { id: 'listed', status: 'positive', source: 'Demo trust list', message: 'Listed on Demo trust list as a university.' },
            { id: 'external-qa', status: 'neutral', message: 'No DEQAR record.' },
            { id: 'mystery', status: 'neutral', message: 'A new kind of signal.' },
          ],
        },
      }),
      'fr',
    );
    expect(x.trust.label).toBe('Émetteur reconnu');
    expect(x.trust.signals[0]).toMatchObject({ id: 'listed', statusLabel: 'En faveur', source: 'Demo trust list', text: CATALOGUES.fr.trustSignals!.listed!.positive });
    expect(x.trust.signals[1]!.text).toBe(CATALOGUES.fr.trustSignals!['external-qa']!.neutral);
    expect(x.trust.signals[2]).toMatchObject({ text: 'A new kind of signal.', fallback: 'message' });
    // French has no sentence for a negative "listed" signal: English it is.
    const y = explain(report({ trust: { level: 'unknown', signals: [{ id: 'listed', status: 'negative', message: 'm' }] } }), 'fr');
    expect(y.trust.signals[0]).toMatchObject({ text: en.trustSignals.listed.negative, fallback: 'en' });
  });

  it('explains elements in the EU order with per-element wording, completeness, assessment and recipient', () => {
    const r = report({
      elements: {
        qualityAssurance: { state: 'missing' },
        title: { state: 'present', value: '<b>Data Literacy</b>', from: 'name' },
        workload: { state: 'unclear', value: 'a few hours', from: 'achievement.description' },
        grade: { state: 'present', value: 'A', from: 'credentialSubject.result' },
      },
      completeness: { mandatoryPresent: 1, mandatoryTotal: 11, missing: [] },
      assessment: { kind: 'assessed', evidence: ['criteria.narrative: exam'], identityVerification: 'supervised-onsite-id' },
      recipient: { state: 'mismatch', detail: 'The credential names Jane Roe.' },
    });
    const x = explain(r, 'de');
    expect(x.elements.map((e) => e.key)).toEqual(['title', 'workload', 'qualityAssurance', 'grade']);
    expect(x.elements[0]).toMatchObject({ mandatory: true, name: 'Titel des Microcredentials', stateLabel: 'Angegeben', text: 'Der Nachweis gibt dies an.' });
    expect(x.elements[1]!.text).toBe(de.elementStates.unclear.sentence);
    expect(x.elements[2]!.text).toBe(de.elements.qualityAssurance.missing);
    expect(x.elements[3]!.mandatory).toBe(false);
    expect(JSON.stringify(x)).not.toContain('Data Literacy'); // element values are the Report's, not the explanation's
    expect(x.completeness).toEqual({ mandatoryPresent: 1, mandatoryTotal: 11, text: '1 der 11 Angaben, die die EU für jedes Microcredential vorsieht, sind enthalten.' });
    expect(x.assessment).toMatchObject({ kind: 'assessed', label: 'Mit Prüfung', identityVerification: { level: 'supervised-onsite-id', label: 'Vor Ort beaufsichtigt, mit Identitätsprüfung' } });
    expect(x.recipient).toEqual({ state: 'mismatch', label: 'Andere Person', meaning: de.recipient.mismatch.meaning, detail: 'The credential names Jane Roe.' });
  });

  it('explains every verdict in every language', () => {
    for (const lang of LANGS) for (const v of VERDICTS) expect(explain(report({ verdict: v }), lang).verdict.headline).toBe(CATALOGUES[lang].verdicts[v].headline);
  });

  it('treats an unknown language as English at run time', () => {
    expect(explain(report(), 'xx' as Lang).lang).toBe('en');
  });

  it('returns plain data that survives JSON', () => {
    const x = explain(report({ checks: [{ id: 'proof', status: 'pass', message: '<script>alert(1)</script>' }] }), 'es');
    expect(JSON.parse(JSON.stringify(x))).toEqual(x);
    expect(x.checks[0]!.text).not.toContain('<');
    expect(x.checks[0]!.detail).toBe('<script>alert(1)</script>');
  });
});
