// @vitest-environment happy-dom
/**
 * The details card and the inline mark: every verdict (and the three kinds of "valid" a recruiter
 * must tell apart), failed and pending items, in English and German, with explanations from the
 * SDK's real `explain()`; credential text stays text; only http(s) URLs become links.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verify } from '../../../sdk/index.js';
import { explain } from '../../../sdk/explain/index.js';
import type { Lang } from '../../../sdk/explain/types.js';
import { MANDATORY_ELEMENTS, OPTIONAL_ELEMENTS, type Check, type Element, type Report } from '../../../sdk/report/types.js';
import type { FailedItem, Item, PageSummary, PendingItem, VerifiedItem } from '../../../extension/lib/protocol.js';
import { Card, formatDate, safeHref, valueText } from '../../../extension/lib/ui/Card.js';
import { List } from '../../../extension/lib/ui/List.js';
import { Mark, markInfo } from '../../../extension/lib/ui/Mark.js';
import { STRINGS } from '../../../extension/lib/ui/strings.js';
import { newKey, signJcs } from '../../helpers/sign.js';

const XSS = '<img src=x onerror=alert(1)>';
const URL_1 = 'https://academy.example/credentials/dpo-2025-0042';

// ---- fixtures: realistic Reports, explained by the SDK ----------------------------------------

const PRESENT: Record<string, Element> = {
  learnerIdentification: { state: 'present', value: 'Amélie Nováková', from: 'credentialSubject.name' },
  title: { state: 'present', value: 'Data Protection Officer (Micro-credential)', from: 'credentialSubject.achievement.name' },
  issuerCountry: { state: 'present', value: 'DE', from: 'issuer.address.addressCountry' },
  awardingBody: { state: 'present', value: { name: 'Example Academy', id: 'did:web:academy.example', url: 'https://academy.example/' }, from: 'issuer.name' },
  dateOfIssue: { state: 'present', value: '2025-03-01T00:00:00Z', from: 'validFrom' },
  learningOutcomes: { state: 'present', value: [{ name: 'Apply the GDPR to processing activities', url: 'http://data.europa.eu/esco/skill/abc' }], from: 'credentialSubject.achievement.alignment' },
  workload: { state: 'present', value: { credits: 5, unit: 'ECTS' }, from: 'credentialSubject.achievement.creditsAvailable' },
  level: { state: 'present', value: [{ framework: 'EQF', level: '6', url: 'http://data.europa.eu/snb/eqf/6' }], from: 'credentialSubject.achievement.alignment[1]' },
  assessmentType: { state: 'present', value: [{ assessmentType: 'Exam', name: 'Written examination' }], from: 'credentialSubject.achievement.resultDescription[0].assessmentType' },
  participationForm: { state: 'missing' },
  qualityAssurance: { state: 'present', value: [{ kind: 'accreditation', body: 'Akkreditierungsrat', statement: 'System accreditation' }], from: 'issuer.accreditations' },
  prerequisites: { state: 'missing' },
  supervisionAndIdentity: { state: 'unclear', value: 'The exam is proctored online with an ID check.', from: 'credentialSubject.achievement.criteria.narrative' },
  grade: { state: 'present', value: [{ name: 'Final grade', value: '1.3' }], from: 'credentialSubject.result[0].value' },
  integration: { state: 'missing' },
  furtherInformation: { state: 'missing' },
};

function completeness(elements: Record<string, Element>): Report['completeness'] {
  const missing = MANDATORY_ELEMENTS.filter((k) => elements[k]?.state !== 'present');
  return { mandatoryPresent: MANDATORY_ELEMENTS.length - missing.length, mandatoryTotal: MANDATORY_ELEMENTS.length, missing };
}

const PASSING: Check[] = [
  { id: 'format', status: 'pass', message: 'Open Badges 3.0 credential (JSON-LD).' },
  { id: 'context', status: 'pass', message: 'Contexts are the bundled OB 3.0 and VC 2.0 contexts.' },
  { id: 'structure', status: 'pass', message: 'The credential has the required structure.' },
  { id: 'proof', status: 'pass', message: 'eddsa-rdfc-2022 proof verified.' },
  { id: 'issuer-binding', status: 'pass', message: 'did:web:academy.example controls the verification method.' },
  { id: 'issuance', status: 'pass', message: 'validFrom 2025-03-01T00:00:00Z is in the past.' },
  { id: 'expiry', status: 'pass', message: 'validUntil 2028-03-01T00:00:00Z is in the future.' },
  { id: 'status', status: 'pass', message: 'Not revoked (BitstringStatusList https://academy.example/status/1, index 42).' },
];

function validReport(): Report {
  return {
    verdict: 'valid',
    format: 'ob3-json',
    checks: PASSING.map((c) => ({ ...c })),
    credential: {
      id: 'urn:uuid:0f6e4d2c-6a4b-4c1e-9d3e-000000000042',
      name: 'Data Protection Officer (Micro-credential)',
      issuer: { id: 'did:web:academy.example', name: 'Example Academy', url: 'https://academy.example/' },
      subject: { name: 'Amélie Nováková', id: 'did:example:amelie' },
      issued: '2025-03-01T00:00:00Z',
      expires: '2028-03-01T00:00:00Z',
      achievement: { name: 'Data Protection Officer', type: 'Certificate', description: 'Twelve-week course with a supervised written exam.' },
    },
    trust: {
      level: 'recognised',
      signals: [
        { id: 'listed', status: 'positive', source: 'CredLens test list', message: 'did:web:academy.example is listed in "CredLens test list".' },
        { id: 'accreditation', status: 'positive', source: 'DEQAR', message: 'Accredited by Akkreditierungsrat until 2030-01-01.' },
      ],
    },
    elements: structuredClone(PRESENT),
    assessment: {
      kind: 'assessed',
      evidence: ['credentialSubject.achievement.resultDescription[0]: the 1EdTech Assessment extension describes the assessment (Exam).'],
      identityVerification: 'supervised-online-id',
    },
    completeness: completeness(PRESENT),
    recipient: { state: 'match', detail: 'The name "Amélie Nováková" matches credentialSubject.name.' },
    source: URL_1,
  };
}

function withCheck(r: Report, check: Check): Report {
  const checks = r.checks.filter((c) => c.id !== check.id);
  checks.push(check);
  return { ...r, checks };
}

const NOT_ASSESSED = { level: 'unknown' as const, signals: [{ id: 'not-assessed', status: 'neutral' as const, message: 'The credential failed verification; trust was not assessed.' }] };

/** Every verdict, and the three kinds of valid. */
const CASES: Record<string, () => Report> = {
  'valid-recognised': validReport,
  'valid-unknown': () => ({
    ...validReport(),
    trust: { level: 'unknown', signals: [{ id: 'not-listed', status: 'neutral', message: 'did:web:academy.example is on none of the 1 trust sources consulted.' }] },
  }),
  'valid-mismatch': () => ({ ...validReport(), recipient: { state: 'mismatch', detail: 'The credential names "Jan Novák", not "Amélie Nováková".' } }),
  invalid: () => ({
    ...withCheck(validReport(), { id: 'proof', status: 'fail', code: 'bad-signature', effect: 'invalid', message: 'The eddsa-rdfc-2022 signature does not verify.' }),
    verdict: 'invalid',
    trust: NOT_ASSESSED,
  }),
  revoked: () => ({
    ...withCheck(validReport(), { id: 'status', status: 'fail', code: 'revoked', effect: 'revoked', message: 'Revoked: bit 42 of https://academy.example/status/1 is set.' }),
    verdict: 'revoked',
  }),
  expired: () => ({
    ...withCheck(validReport(), { id: 'expiry', status: 'fail', code: 'expired', effect: 'expired', message: 'validUntil 2024-03-01T00:00:00Z has passed.' }),
    verdict: 'expired',
    credential: { ...validReport().credential, expires: '2024-03-01T00:00:00Z' },
  }),
  'not-yet-valid': () => ({
    ...withCheck(validReport(), { id: 'issuance', status: 'fail', code: 'not-yet-valid', effect: 'not-yet-valid', message: 'validFrom 2031-01-01T00:00:00Z is in the future.' }),
    verdict: 'not-yet-valid',
    credential: { ...validReport().credential, issued: '2031-01-01T00:00:00Z' },
  }),
  unverifiable: () => ({
    ...withCheck(validReport(), { id: 'proof', status: 'error', code: 'key-not-found', effect: 'unverifiable', message: 'did:web:academy.example could not be resolved: HTTP 404.' }),
    verdict: 'unverifiable',
  }),
};

function done(report: Report, lang: Lang, url = URL_1): VerifiedItem {
  return { state: 'done', url, text: 'Show credential', report, explained: explain(report, lang), checkedAt: '2026-03-01T09:30:00Z' };
}

const failed: FailedItem = {
  state: 'error',
  url: 'https://www.credly.com/badges/5d7e0f8a-1111-2222-3333-444455556666',
  text: 'AWS Certified Solutions Architect',
  code: 'network',
  message: 'www.credly.com did not answer within 10 seconds.',
  checkedAt: '2026-03-01T09:30:00Z',
};
const pending: PendingItem = { state: 'pending', url: URL_1, text: 'Data Protection Officer' };

// ---- rendering --------------------------------------------------------------------------------

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function show(node: preact.ComponentChild): HTMLElement {
  render(node, host);
  return host;
}

const LANGS_TESTED: Lang[] = ['en', 'de'];

describe('Card: every verdict, in English and German', () => {
  for (const lang of LANGS_TESTED) {
    for (const [name, make] of Object.entries(CASES)) {
      it(`${name} (${lang})`, () => {
        const report = make();
        const item = done(report, lang);
        const x = item.explained;
        const el = show(<Card item={item} lang={lang} />);
        const text = el.textContent ?? '';
        const s = STRINGS[lang];

        // Verdict and why, in the reader's language.
        expect(el.querySelector('article')!.getAttribute('data-verdict')).toBe(report.verdict);
        expect(text).toContain(x.verdict.headline);
        expect(text).toContain(x.verdict.meaning);
        expect(text).toContain(report.credential.achievement!.description!);
        for (const c of x.checks.filter((c) => c.status === 'fail' || c.status === 'error')) expect(text).toContain(c.text);

        // Issuer, trust and every signal with its source.
        expect(text).toContain('Example Academy');
        expect(text).toContain('did:web:academy.example');
        expect(text).toContain(x.trust.label);
        for (const sig of x.trust.signals) {
          expect(text).toContain(sig.text);
          if (sig.source) expect(text).toContain(sig.source);
        }
        const website = [...el.querySelectorAll('a')].find((a) => a.textContent === 'https://academy.example/')!;
        expect(website.getAttribute('href')).toBe('https://academy.example/');
        expect(website.getAttribute('target')).toBe('_blank');
        expect(website.getAttribute('rel')).toBe('noopener noreferrer');

        // Dates and withdrawal.
        expect(text).toContain(formatDate(report.credential.issued, lang)!);
        expect(text).toContain(formatDate(report.credential.expires, lang)!);
        expect(text).toContain(x.checks.find((c) => c.id === 'status')!.text);

        // Whose it is, what was assessed, the EU elements.
        expect(text).toContain(x.recipient!.label);
        expect(text).toContain(x.recipient!.meaning);
        expect(text).toContain(x.assessment!.label);
        expect(text).toContain(x.assessment!.identityVerification!.label);
        expect(text).toContain(x.completeness!.text);
        expect(el.querySelectorAll('li[data-element]').length).toBe(MANDATORY_ELEMENTS.length + OPTIONAL_ELEMENTS.length);
        expect(el.querySelector('li[data-element="participationForm"]')!.getAttribute('data-state')).toBe('missing');
        expect(text).toContain('5 ECTS');
        expect(text).toContain('EQF 6');
        expect(text).toContain('Akkreditierungsrat');

        // The credential link.
        const open = [...el.querySelectorAll('a')].find((a) => a.textContent === s.openCredential)!;
        expect(open.getAttribute('href')).toBe(URL_1);
        expect(open.getAttribute('rel')).toBe('noopener noreferrer');
      });
    }
  }

  it('uses German texts in German', () => {
    const el = show(<Card item={done(validReport(), 'de')} lang="de" />);
    expect(el.textContent).toContain('Echt und gültig');
    expect(el.textContent).toContain(STRINGS.de.issuerHeading);
    expect(el.textContent).toContain('Lernergebnisse');
    expect(el.textContent).not.toContain('Genuine and current');
  });

  it('shows the platform page when the link pointed at one', () => {
    const r = { ...validReport(), platform: { name: 'Credly', page: 'https://www.credly.com/badges/5d7e0f8a-1111-2222-3333-444455556666' } };
    const el = show(<Card item={done(r, 'en')} lang="en" />);
    const a = [...el.querySelectorAll('a')].find((x) => x.textContent === 'Open on Credly')!;
    expect(a.getAttribute('href')).toBe(r.platform.page);
  });

  it('shows no employer view when nothing was read', () => {
    const r: Report = {
      verdict: 'invalid',
      format: 'unknown',
      checks: [{ id: 'format', status: 'fail', code: 'no-credential', effect: 'invalid', message: 'No credential found.' }],
      credential: { issuer: {}, subject: {} },
      trust: NOT_ASSESSED,
      elements: {},
    };
    const el = show(<Card item={done(r, 'en')} lang="en" />);
    expect(el.textContent).toContain('Not genuine');
    expect(el.textContent).toContain('No digital credential was found in what was given.');
    expect(el.querySelector('li[data-element]')).toBeNull();
    expect(el.textContent).not.toContain(STRINGS.en.elementsHeading);
  });

  it('has a close button when asked', () => {
    let closed = 0;
    const el = show(<Card item={done(validReport(), 'en')} lang="en" onClose={() => closed++} />);
    const button = el.querySelector('button[aria-label="Close"]') as HTMLButtonElement;
    button.click();
    expect(closed).toBe(1);
  });
});

describe('Mark', () => {
  it.each(LANGS_TESTED)('never shows a green tick for an unknown issuer or someone else\'s credential (%s)', (lang) => {
    const s = STRINGS[lang];
    const marks = Object.fromEntries(Object.entries(CASES).map(([k, make]) => [k, markInfo(done(make(), lang), lang)]));
    expect(marks['valid-recognised']).toMatchObject({ tone: 'ok', icon: '✓', text: s.markRecognised, state: 'valid-recognised' });
    expect(marks['valid-unknown']).toMatchObject({ tone: 'warn', text: s.markUnknownIssuer, state: 'valid-unknown' });
    expect(marks['valid-mismatch']).toMatchObject({ tone: 'bad', text: s.markMismatch, state: 'valid-mismatch' });
    for (const k of Object.keys(CASES).filter((k) => k !== 'valid-recognised')) expect(marks[k]!.icon, k).not.toBe('✓');
    for (const k of ['invalid', 'revoked']) expect(marks[k]!.tone).toBe('bad');
    for (const k of ['expired', 'not-yet-valid', 'unverifiable']) expect(marks[k]!.tone).toBe('warn');
    // The full meaning is the accessible name.
    const el = show(<Mark item={done(CASES['valid-mismatch']!(), lang)} lang={lang} />);
    const mark = el.querySelector('.cl-mark')!;
    expect(mark.getAttribute('role')).toBe('img');
    expect(mark.getAttribute('aria-label')).toContain(s.markMismatch);
    expect(mark.getAttribute('aria-label')).toContain(explain(CASES['valid-mismatch']!(), lang).recipient!.meaning);
  });

  it('shows known issuers as genuine with a tick, distrusted ones as a problem', () => {
    const known = markInfo(done({ ...validReport(), trust: { level: 'known', signals: [] } }, 'en'), 'en');
    expect(known).toMatchObject({ tone: 'ok', icon: '✓', text: STRINGS.en.markKnown });
    const distrusted = markInfo(done({ ...validReport(), trust: { level: 'distrusted', signals: [] } }, 'en'), 'en');
    expect(distrusted).toMatchObject({ tone: 'bad', text: STRINGS.en.markDistrusted });
  });

  it('shows checking and could-not-check states', () => {
    expect(markInfo(pending, 'de')).toMatchObject({ tone: 'info', text: 'Wird geprüft…', state: 'pending' });
    const m = markInfo(failed, 'en');
    expect(m).toMatchObject({ tone: 'info', text: STRINGS.en.couldNotRead, state: 'error' });
    expect(m.label).toContain(failed.message);
  });
});

describe('Card: failed and pending items', () => {
  it.each(LANGS_TESTED)('says what went wrong and what to do (%s)', (lang) => {
    const el = show(<Card item={failed} lang={lang} />);
    const text = el.textContent ?? '';
    expect(el.querySelector('article')!.getAttribute('data-state')).toBe('error');
    expect(text).toContain(failed.text!);
    expect(text).toContain(failed.message);
    expect(text).toContain('network');
    expect(text).toContain(STRINGS[lang].adviceNetwork);
    expect(el.querySelector('a')!.getAttribute('href')).toBe(failed.url);
  });

  it('gives specific advice for refused private addresses and non-credentials', () => {
    expect(show(<Card item={{ ...failed, code: 'blocked-address' }} lang="en" />).textContent).toContain(STRINGS.en.adviceBlocked);
    expect(show(<Card item={{ ...failed, code: 'not-a-credential' }} lang="en" />).textContent).toContain(STRINGS.en.adviceNotCredential);
    expect(show(<Card item={{ ...failed, code: 'something-new' }} lang="en" />).textContent).toContain(STRINGS.en.adviceGeneric);
  });

  it.each(LANGS_TESTED)('shows a checking state (%s)', (lang) => {
    const el = show(<Card item={pending} lang={lang} />);
    expect(el.querySelector('article')!.getAttribute('aria-busy')).toBe('true');
    expect(el.querySelector('[role=status]')!.textContent).toBe(STRINGS[lang].checkingLong);
    expect(el.querySelector('.cl-mark')!.getAttribute('data-state')).toBe('pending');
  });
});

describe('Card: hostile credential text', () => {
  function hostile(): Report {
    const r = validReport();
    r.credential = {
      ...r.credential,
      name: XSS,
      issuer: { id: 'javascript:alert(1)', name: `${XSS} Academy`, url: 'javascript:alert(document.cookie)' },
      subject: { name: XSS },
      achievement: { name: XSS, description: XSS },
    };
    r.elements = { ...r.elements, title: { state: 'present', value: XSS, from: 'name' }, level: { state: 'present', value: [{ framework: 'EQF', level: XSS }], from: 'x' } };
    r.trust = { level: 'known', signals: [{ id: 'listed', status: 'positive', source: XSS, message: XSS }] };
    r.recipient = { state: 'unknown', detail: XSS };
    r.assessment = { kind: 'assessed', evidence: [XSS] };
    r.platform = { name: XSS, page: 'javascript:alert(2)' };
    return r;
  }

  it.each(LANGS_TESTED)('renders markup in a credential as text and creates no element from it (%s)', (lang) => {
    const item: Item = { ...done(hostile(), lang), text: XSS };
    const el = show(<Card item={item} lang={lang} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('[onerror]')).toBeNull();
    expect(el.querySelector('h2')!.textContent).toBe(XSS);
    expect(el.textContent).toContain(`${XSS} Academy`);
    expect(el.querySelector('.cl-about')!.textContent).toBe(XSS);
    expect(el.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('never makes a link of a javascript: URL', () => {
    const el = show(<Card item={done(hostile(), 'en', 'javascript:alert(3)')} lang="en" />);
    const hrefs = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
    expect(hrefs.some((h) => h.includes('javascript'))).toBe(false);
    // The issuer's stated website is still shown, as text.
    expect(el.textContent).toContain('javascript:alert(document.cookie)');
    expect(el.textContent).not.toContain('Open on');
  });

  it('renders a real verify() report of a hostile, validly signed credential safely', async () => {
    const key = newKey();
    const did = `did:key:${key.multibase}`;
    const cred = signJcs(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: 'urn:uuid:7d3c1e2a-0000-4000-8000-00000000x55'.replace('x', '0'),
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: XSS,
        issuer: { id: did, type: ['Profile'], name: `${XSS} Institute`, url: 'javascript:alert(1)' },
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: {
          type: ['AchievementSubject'],
          name: XSS,
          achievement: { id: 'https://example.org/a/1', type: ['Achievement'], name: XSS, description: XSS, criteria: { narrative: XSS } },
        },
      },
      key,
      `${did}#${key.multibase}`,
    );
    const report = await verify(cred, { now: '2026-03-01T00:00:00Z' });
    for (const lang of LANGS_TESTED) {
      const el = show(<Card item={done(report, lang)} lang={lang} />);
      expect(el.querySelector('img')).toBeNull();
      expect(el.querySelector('h2')!.textContent).toBe(XSS);
      expect([...el.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href') ?? ''))).toBe(true);
      expect(el.textContent).toContain(explain(report, lang).verdict.headline);
    }
  });
});

describe('helpers', () => {
  it('safeHref accepts only absolute http(s) URLs', () => {
    expect(safeHref('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '/relative', 'did:web:example.org', '', undefined, 42]) {
      expect(safeHref(bad), String(bad)).toBeUndefined();
    }
  });

  it('valueText renders stated values and never invents', () => {
    expect(valueText('Amélie')).toBe('Amélie');
    expect(valueText(5)).toBe('5');
    expect(valueText({ credits: 5, unit: 'ECTS' })).toBe('5 ECTS');
    expect(valueText({ hours: 40 })).toBe('40 h');
    expect(valueText([{ framework: 'EQF', level: '6' }, { framework: 'NQF', level: '6', name: 'DQR 6' }])).toBe('EQF 6; NQF 6 · DQR 6');
    expect(valueText([{ kind: 'accreditation', body: 'Akkreditierungsrat', statement: 'System accreditation' }])).toBe('Akkreditierungsrat · System accreditation');
    expect(valueText({ givenName: 'Amélie', familyName: 'Nováková' })).toBe('Amélie Nováková');
    expect(valueText({ name: 'Example Academy', id: 'did:web:academy.example', url: 'https://academy.example/' })).toBe('Example Academy');
    expect(valueText({ id: 'did:web:academy.example' })).toBe('did:web:academy.example');
    expect(valueText({})).toBe('');
    expect(valueText(null)).toBe('');
    expect(valueText('x'.repeat(1000)).length).toBeLessThanOrEqual(240);
  });
});

describe('List', () => {
  it('counts, summarises each credential in one line, and expands to the card', () => {
    const summary: PageSummary = {
      tabId: 7,
      pageUrl: 'https://www.linkedin.com/in/amelie',
      owner: 'Amélie Nováková',
      items: [done(validReport(), 'en'), done(CASES.revoked!(), 'en', 'https://academy.example/credentials/2'), failed, { ...pending, url: 'https://academy.example/credentials/3' }],
    };
    let scans = 0;
    const el = show(<List summary={summary} lang="en" onScan={() => scans++} />);
    const text = el.textContent ?? '';
    expect(text).toContain('4 credentials');
    expect(text).toContain('1 genuine');
    expect(text).toContain('2 with problems');
    expect(text).toContain('1 being checked');
    expect(text).toContain('EU elements 10/11');
    expect(el.querySelectorAll('li.cl-item').length).toBe(4);
    expect(el.querySelector('article')).toBeNull();

    const buttons = [...el.querySelectorAll('button')];
    act(() => buttons.find((b) => b.textContent === 'Scan this page')!.click());
    expect(scans).toBe(1);
    const details = buttons.find((b) => b.textContent === 'Details')!;
    act(() => details.click());
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(el.querySelector('article')!.getAttribute('data-verdict')).toBe('valid');
  });
});
