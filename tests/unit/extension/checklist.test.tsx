// @vitest-environment happy-dom
/**
 * The learner's checklist: exactly the EU mandatory elements that are missing or unclear, each with
 * what to ask the issuer for, and the other problems (key, withdrawal status, dates, name, trust).
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explain } from '../../../sdk/explain/index.js';
import type { Lang } from '../../../sdk/explain/types.js';
import { MANDATORY_ELEMENTS, OPTIONAL_ELEMENTS, type Check, type Element, type Report } from '../../../sdk/report/types.js';
import type { FailedItem, VerifiedItem } from '../../../extension/lib/protocol.js';
import { ASKS } from '../../../extension/lib/ui/asks.js';
import { Checklist, checklistOf } from '../../../extension/lib/ui/Checklist.js';
import { PAGE_STRINGS } from '../../../extension/lib/ui/strings.js';

type State = Element['state'];

/** Realistic values for present elements; `unclear` ones carry free text, `missing` ones nothing. */
const VALUES: Record<string, unknown> = {
  learnerIdentification: 'Amélie Nováková',
  title: 'Introduction to Machine Learning',
  issuerCountry: 'FR',
  awardingBody: { name: 'Université Exemple', id: 'did:web:univ.example' },
  dateOfIssue: '2025-06-30',
  learningOutcomes: [{ name: 'Train and evaluate a supervised model' }],
  workload: { credits: 3, unit: 'ECTS' },
  level: [{ framework: 'EQF', level: '6' }],
  assessmentType: [{ assessmentType: 'Exam' }],
  participationForm: 'online',
  qualityAssurance: [{ kind: 'accreditation', body: 'Hcéres' }],
};

function elements(states: Partial<Record<string, State>>): Record<string, Element> {
  const out: Record<string, Element> = {};
  for (const k of [...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS]) {
    const state = states[k] ?? (k in VALUES ? 'present' : 'missing');
    out[k] = state === 'missing' ? { state } : { state, value: state === 'unclear' ? `The course page mentions ${k}.` : VALUES[k], from: 'credentialSubject.achievement' };
  }
  return out;
}

function report(states: Partial<Record<string, State>>, over: Partial<Report> = {}): Report {
  const el = elements(states);
  const missing = MANDATORY_ELEMENTS.filter((k) => el[k]!.state !== 'present');
  const checks: Check[] = [
    { id: 'proof', status: 'pass', message: 'eddsa-rdfc-2022 proof verified.' },
    { id: 'issuer-binding', status: 'pass', message: 'The issuer controls the key.' },
    { id: 'expiry', status: 'skip', message: 'No validUntil.' },
    { id: 'status', status: 'pass', message: 'Not revoked.' },
  ];
  return {
    verdict: 'valid',
    format: 'ob3-json',
    checks,
    credential: { name: 'Introduction to Machine Learning', issuer: { id: 'did:web:univ.example', name: 'Université Exemple' }, subject: { name: 'Amélie Nováková' }, issued: '2025-06-30' },
    trust: { level: 'recognised', signals: [{ id: 'listed', status: 'positive', message: 'Listed.' }] },
    elements: el,
    assessment: { kind: 'assessed', evidence: [] },
    completeness: { mandatoryPresent: MANDATORY_ELEMENTS.length - missing.length, mandatoryTotal: MANDATORY_ELEMENTS.length, missing },
    ...over,
  };
}

function item(r: Report, lang: Lang): VerifiedItem {
  return { state: 'done', url: 'https://univ.example/c/1', report: r, explained: explain(r, lang), checkedAt: '2026-03-01T00:00:00Z' };
}

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const GAPS = { issuerCountry: 'missing', workload: 'missing', level: 'unclear', participationForm: 'missing', qualityAssurance: 'unclear' } as const;

describe('Checklist', () => {
  it.each(['en', 'de', 'fr', 'es'] as const)('lists exactly the missing and unclear mandatory elements, with what to ask (%s)', (lang) => {
    const r = report(GAPS);
    const x = explain(r, lang);
    render(<Checklist item={item(r, lang)} lang={lang} />, host);
    const rows = [...host.querySelectorAll('li[data-element]')];
    expect(rows.map((li) => li.getAttribute('data-element'))).toEqual(r.completeness!.missing);
    expect(rows.map((li) => li.getAttribute('data-element'))).toEqual(['issuerCountry', 'workload', 'level', 'participationForm', 'qualityAssurance']);
    for (const li of rows) {
      const key = li.getAttribute('data-element') as keyof typeof GAPS;
      const ex = x.elements.find((e) => e.key === key)!;
      expect(li.getAttribute('data-state')).toBe(GAPS[key]);
      expect(li.textContent).toContain(ex.name);
      expect(li.textContent).toContain(ex.stateLabel);
      expect(li.textContent).toContain(ASKS[lang].elements[key]);
      if (GAPS[key] === 'unclear') expect(li.textContent).toContain(ASKS[lang].unclear);
      else expect(li.textContent).not.toContain(ASKS[lang].unclear);
    }
    expect(host.textContent).toContain(x.completeness!.text);
    expect(host.textContent).toContain(PAGE_STRINGS[lang].whatToAsk);
    // Optional elements are never asked for, nor present ones.
    expect(host.querySelector('li[data-element="grade"]')).toBeNull();
    expect(host.querySelector('li[data-element="title"]')).toBeNull();
  });

  it('says so when every mandatory element is stated, and when nothing else needs fixing', () => {
    render(<Checklist item={item(report({}), 'en')} lang="en" />, host);
    expect(host.querySelector('li[data-element]')).toBeNull();
    expect(host.textContent).toContain(PAGE_STRINGS.en.allElementsStated);
    expect(host.textContent).toContain(PAGE_STRINGS.en.nothingToFix);
  });

  it('asks for the name when the credential identifies the learner only by an identifier', () => {
    const r = report({}, { credential: { name: 'ML', issuer: { name: 'Université Exemple' }, subject: { id: 'did:key:z6MkLearner' } } });
    r.elements.learnerIdentification = { state: 'present', value: 'did:key:z6MkLearner', from: 'credentialSubject.id' };
    expect(checklistOf(item(r, 'en'), 'en').problems.map((p) => p.key)).toEqual(['nameNotStated']);
  });

  it('does not ask for the name twice when learner identification is already listed as missing', () => {
    const r = report({ learnerIdentification: 'missing' }, { credential: { issuer: { name: 'U' }, subject: {} } });
    const list = checklistOf(item(r, 'en'), 'en');
    expect(list.elements.map((e) => e.key)).toEqual(['learnerIdentification']);
    expect(list.problems.map((p) => p.key)).not.toContain('nameNotStated');
  });

  it.each(['en', 'de'] as const)('lists the other problems to fix (%s)', (lang) => {
    const r = report(
      {},
      {
        verdict: 'unverifiable',
        checks: [
          { id: 'proof', status: 'error', code: 'key-not-found', effect: 'unverifiable', message: 'did:web:univ.example: HTTP 404.' },
          { id: 'expiry', status: 'skip', message: 'No validUntil.' },
          { id: 'status', status: 'skip', message: 'The issuer publishes no revocation status for this credential.' },
        ],
        trust: { level: 'unknown', signals: [{ id: 'not-listed', status: 'neutral', message: 'Not on any list consulted.' }] },
        recipient: { state: 'mismatch', detail: 'The credential names "A. Martin".' },
      },
    );
    const x = explain(r, lang);
    render(<Checklist item={item(r, lang)} lang={lang} />, host);
    const keys = [...host.querySelectorAll('li[data-problem]')].map((li) => li.getAttribute('data-problem'));
    expect(keys).toEqual(['keyUnverifiable', 'noStatus', 'recipientMismatch', 'issuerUnknown']);
    for (const k of keys) expect(host.textContent).toContain(ASKS[lang].problems[k as keyof (typeof ASKS)['en']['problems']]);
    expect(host.textContent).toContain(x.checks.find((c) => c.id === 'proof')!.text);
    expect(host.textContent).toContain(x.trust.meaning);
  });

  it('names expiry, withdrawal and a missing signature', () => {
    const expired = report({}, { verdict: 'expired', checks: [{ id: 'expiry', status: 'fail', code: 'expired', effect: 'expired', message: 'validUntil passed.' }, { id: 'status', status: 'pass', message: 'ok' }] });
    expect(checklistOf(item(expired, 'en'), 'en').problems.map((p) => p.key)).toEqual(['expired']);
    const revoked = report({}, { verdict: 'revoked', checks: [{ id: 'status', status: 'fail', code: 'revoked', effect: 'revoked', message: 'Revoked.' }] });
    expect(checklistOf(item(revoked, 'en'), 'en').problems.map((p) => p.key)).toEqual(['revoked']);
    const unsigned = report({}, { verdict: 'invalid', checks: [{ id: 'proof', status: 'fail', code: 'no-proof', effect: 'invalid', message: 'No proof.' }], trust: { level: 'unknown', signals: [] } });
    expect(checklistOf(item(unsigned, 'en'), 'en').problems.map((p) => p.key)).toEqual(['noSignature']);
    const unreadableStatus = report({}, { verdict: 'unverifiable', checks: [{ id: 'status', status: 'error', code: 'bad-status-list', effect: 'unverifiable', message: 'Bad list.' }] });
    expect(checklistOf(item(unreadableStatus, 'en'), 'en').problems.map((p) => p.key)).toEqual(['statusUnreadable']);
  });

  it('tells a learner what to do when the credential could not be read, and renders nothing while checking', () => {
    const failed: FailedItem = { state: 'error', url: 'https://univ.example/c/1', code: 'not-a-credential', message: 'The page is HTML, not a credential.', checkedAt: '2026-03-01T00:00:00Z' };
    render(<Checklist item={failed} lang="fr" />, host);
    expect(host.querySelector('li[data-problem="fetchFailed"]')!.textContent).toContain(ASKS.fr.problems.fetchFailed);
    expect(host.textContent).toContain(failed.message);
    render(<Checklist item={{ state: 'pending', url: 'https://univ.example/c/1' }} lang="en" />, host);
    expect(host.innerHTML).toBe('');
  });

  it('every language has an ask for every mandatory element and problem', () => {
    for (const lang of ['en', 'de', 'fr', 'es'] as const) {
      for (const k of MANDATORY_ELEMENTS) expect(ASKS[lang].elements[k], `${lang} ${k}`).toBeTruthy();
      for (const [k, v] of Object.entries(ASKS[lang].problems)) expect(v, `${lang} ${k}`).toBeTruthy();
      if (lang !== 'en') expect(ASKS[lang].elements.workload).not.toBe(ASKS.en.elements.workload);
    }
  });
});
