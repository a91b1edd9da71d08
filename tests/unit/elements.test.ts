/**
 * The elements stage (sdk/elements/): EU standard elements, completeness, assessed vs
 * participation-only and recipient matching for every credential the demo issuer publishes
 * (fetched from the running issuer over loopback: JSON-LD as served, the VC-JWT's payload, the
 * OB 2.0 Assertion / BadgeClass / issuer graph), plus synthetic credentials for the structured
 * sources the demo does not use (1EdTech Assessment and Issuer Accreditation extensions, OB 2.0
 * extensions, ELM 3 `provenBy`, QF-EHEA / NQF alignments) and hostile input.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIssuer, type RunningIssuer } from '../../demo/issuer/server.js';
import { DEMO_PERSON } from '../../demo/types.js';
import { parseCompactJws } from '../../sdk/input/jwt.js';
import { classifyAssessment, completeness, elementsStage, extractElements, matchRecipient, type ElementsInput } from '../../sdk/elements/index.js';
import { MANDATORY_ELEMENTS, OPTIONAL_ELEMENTS, type Element } from '../../sdk/report/types.js';

type Json = Record<string, any>;
let keysDir: string;
let issuer: RunningIssuer;
const inputs = new Map<string, ElementsInput>();
/** Every document a credential's input was built from, for the "never invented" check. */
const sources = new Map<string, unknown[]>();

async function getJson(url: string): Promise<Json> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as Json;
}

/** The input the orchestrator passes for a demo credential, built from what the issuer serves. */
async function load(slug: string, url: string): Promise<void> {
  const res = await fetch(url);
  if (res.status === 410) {
    inputs.set(slug, { format: 'ob2-hosted' });
    sources.set(slug, []);
    return;
  }
  const text = await res.text();
  if (/\.(jwt|jws)$/.test(url)) {
    const payload = parseCompactJws(text.trim()).payload as Json;
    if (payload.recipient) {
      const badge = await getJson(payload.badge);
      const iss = await getJson(badge.issuer);
      inputs.set(slug, { format: 'ob2-signed', json: payload, ob2: { assertion: payload, badge, issuer: iss } });
      sources.set(slug, [payload, badge, iss]);
    } else {
      const vc = (payload.vc ?? payload) as Json;
      inputs.set(slug, { format: 'ob3-jwt', json: vc });
      sources.set(slug, [vc]);
    }
    return;
  }
  const json = JSON.parse(text) as Json;
  if (json['@context'] === 'https://w3id.org/openbadges/v2') {
    const badge = await getJson(json.badge);
    const iss = await getJson(badge.issuer);
    inputs.set(slug, { format: 'ob2-hosted', json, ob2: { assertion: json, badge, issuer: iss } });
    sources.set(slug, [json, badge, iss]);
    return;
  }
  inputs.set(slug, { format: (json.type as string[]).includes('EuropeanDigitalCredential') ? 'elm' : 'ob3-json', json });
  sources.set(slug, [json]);
}

beforeAll(async () => {
  keysDir = mkdtempSync(join(tmpdir(), 'credlens-elements-keys-'));
  issuer = await startIssuer({ port: 0, keysDir });
  for (const c of issuer.credentials) await load(c.slug, c.url);
}, 90_000);

afterAll(async () => {
  await issuer?.close();
  if (keysDir) rmSync(keysDir, { recursive: true, force: true });
});

const input = (slug: string): ElementsInput => {
  const i = inputs.get(slug);
  if (!i) throw new Error(`no demo credential ${slug}`);
  return i;
};
const elementsOf = (slug: string) => extractElements(input(slug));
const states = (el: Record<string, Element>) => Object.fromEntries(Object.entries(el).map(([k, v]) => [k, v.state]));

/** String leaves of a value, skipping CredLens's own labels (kind, unit, framework). */
function strings(v: unknown, key = ''): string[] {
  if (typeof v === 'string') return ['kind', 'unit', 'framework'].includes(key) ? [] : [v];
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, key));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, k));
  return [];
}
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

// ---- every demo credential ------------------------------------------------------------------

/** Expected element states per demo credential (P present, U unclear, M missing), mandatory elements in Annex I order. */
const EXPECTED: Record<string, { mandatory: string; optional: string; present: number }> = {
  //                                  lt ti co ab da lo wl lv as pf qa     pr sv gr in fi
  'uni-learning-analytics':       { mandatory: 'PPPPPPPPUUP', optional: 'UUPUP', present: 9 },
  'webinar-genai-assessment':     { mandatory: 'PPPPPMUMUUM', optional: 'MMMMP', present: 5 },
  'vendor-data-engineer':         { mandatory: 'PPPPPMMMUMM', optional: 'MUPMP', present: 5 },
  'educator-digital-pedagogy':    { mandatory: 'PPMPPPUMUMM', optional: 'MMMMP', present: 5 },
  'educator-blended-learning-revoked': { mandatory: 'MMMMMMMMMMM', optional: 'MMMMM', present: 0 },
  'ob2-signed-gdpr-practitioner': { mandatory: 'PPUPPMUMUMM', optional: 'MUMMP', present: 4 },
  'uni-research-data-revoked':    { mandatory: 'PPPPPMPUUMU', optional: 'MMPMP', present: 6 },
  'bootcamp-fullstack-revoked':   { mandatory: 'PPPPPMUMUMM', optional: 'MMMMP', present: 5 },
  'first-aid-expired':            { mandatory: 'PPPPPMUMUMM', optional: 'MUMMP', present: 5 },
  'tampered-statistics':          { mandatory: 'PPPPPMPUUMU', optional: 'MUPMP', present: 6 },
  'unknown-issuer-ai-strategist': { mandatory: 'PPPPPMUMUUM', optional: 'MUMMP', present: 5 },
  'other-person-python':          { mandatory: 'PPPPPMPUUMU', optional: 'MUPMP', present: 6 },
  'elm-learning-analytics':       { mandatory: 'PPPPPPPPPPP', optional: 'PPPPP', present: 11 },
};
const LETTER = { present: 'P', unclear: 'U', missing: 'M' } as const;

describe('elements of every demo credential', () => {
  it('covers every credential the demo publishes', () => {
    expect(new Set(issuer.credentials.map((c) => c.slug))).toEqual(new Set(Object.keys(EXPECTED)));
  });

  it.each(Object.keys(EXPECTED))('%s: element states and completeness', (slug) => {
    const el = elementsOf(slug);
    expect(Object.keys(el).sort()).toEqual([...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS].sort());
    const got = {
      mandatory: MANDATORY_ELEMENTS.map((k) => LETTER[el[k].state]).join(''),
      optional: OPTIONAL_ELEMENTS.map((k) => LETTER[el[k].state]).join(''),
    };
    expect(got, JSON.stringify(states(el))).toEqual({ mandatory: EXPECTED[slug]!.mandatory, optional: EXPECTED[slug]!.optional });
    const c = completeness(el);
    expect(c.mandatoryTotal).toBe(11);
    expect(c.mandatoryPresent).toBe(EXPECTED[slug]!.present);
    expect(c.missing).toEqual(MANDATORY_ELEMENTS.filter((k) => el[k].state !== 'present'));
  });

  it.each(Object.keys(EXPECTED))('%s: values are copied from the credential, never invented', (slug) => {
    const el = elementsOf(slug);
    const corpus = collapse(strings(sources.get(slug)).join('\n'));
    for (const [key, e] of Object.entries(el)) {
      if (e.state === 'missing') {
        expect(e.value, key).toBeUndefined();
        expect(e.from, key).toBeUndefined();
        continue;
      }
      expect(e.from, key).toMatch(/^[A-Za-z@]/);
      expect(e.value, key).not.toBeUndefined();
      for (const s of strings(e.value)) {
        for (const piece of collapse(s).replace(/…$/, '').split(/(?<=[.!?;])\s+/)) {
          expect(corpus.includes(piece) || corpus.toLowerCase().includes(piece.toLowerCase()), `${slug} ${key}: "${piece}"`).toBe(true);
        }
      }
    }
  });

  it('ELM: every mandatory element present, from the ELM fields', () => {
    const el = elementsOf('elm-learning-analytics');
    expect(completeness(el)).toEqual({ mandatoryPresent: 11, mandatoryTotal: 11, missing: [] });
    expect(el.learnerIdentification.value).toBe(DEMO_PERSON.name);
    expect(el.title.value).toBe('Learning Analytics for Higher Education');
    expect(el.issuerCountry).toMatchObject({ value: 'Czechia', from: expect.stringMatching(/awardingBody.*countryCode$/) });
    expect(el.awardingBody.value).toMatchObject({ name: 'College of Digital Studies' });
    expect(el.dateOfIssue).toMatchObject({ value: '2025-06-30T10:00:00Z', from: expect.stringMatching(/awardedBy\.awardingDate$/) });
    expect(el.learningOutcomes.value).toHaveLength(4);
    expect(el.workload.value).toMatchObject({ credits: '4', unit: 'ECTS', volumeOfLearning: 'PT100H' });
    expect(el.level.value).toEqual([expect.objectContaining({ framework: 'EQF', level: '7' })]);
    expect(el.assessmentType.value).toBe('Written report and oral examination');
    expect(el.participationForm.value).toBe('Blended (online and on site)');
    expect(el.qualityAssurance.value).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'note' }), expect.objectContaining({ kind: 'accreditation', body: expect.stringMatching(/National Accreditation Bureau/) })]));
    expect(el.prerequisites.value).toMatch(/bachelor's degree/);
    expect(el.supervisionAndIdentity.value).toBe('Supervised online, with identity verification');
    expect(el.grade.value).toMatch(/výborně/);
    expect(el.integration.value).toMatch(/^Stackable/);
  });

  it('university OB 3.0: structured ECTS, EQF level, ESCO outcomes, QA-agency endorsement, grade', () => {
    const el = elementsOf('uni-learning-analytics');
    expect(el.workload).toEqual({ state: 'present', value: { credits: 5, unit: 'ECTS' }, from: 'credentialSubject.achievement.creditsAvailable' });
    expect(el.level).toMatchObject({ state: 'present', value: [{ framework: 'EQF', level: '6', url: 'http://data.europa.eu/snb/eqf/6' }] });
    expect((el.learningOutcomes.value as { url: string }[]).every((o) => o.url.startsWith('http://data.europa.eu/esco/skill/'))).toBe(true);
    expect(el.qualityAssurance).toMatchObject({ state: 'present', from: 'credentialSubject.achievement.endorsement[0]', value: [{ kind: 'endorsement', body: 'Qualitätsagentur Alpenraum (QAA-AR)' }] });
    expect(el.grade.value).toEqual([{ name: 'Final grade (Austrian five-point scale)', value: 'Gut (2)' }]);
    expect(el.issuerCountry.value).toBe('Austria');
    expect(el.dateOfIssue).toEqual({ state: 'present', value: '2025-07-15T09:00:00Z', from: 'awardedDate' });
    // text-derived, so unclear, with the text as value
    expect(el.assessmentType).toMatchObject({ state: 'unclear', from: 'credentialSubject.achievement.criteria.narrative' });
    expect(el.assessmentType.value).toMatch(/Supervised written examination/);
    expect(el.participationForm.value).toMatch(/^Delivered blended/);
  });

  it('webinar: participation-only, little stated', () => {
    const el = elementsOf('webinar-genai-assessment');
    expect(el.level.state).toBe('missing');
    expect(el.qualityAssurance.state).toBe('missing');
    expect(el.learningOutcomes.state).toBe('missing');
    expect(el.assessmentType.state).not.toBe('present');
    expect(el.grade.state).toBe('missing');
  });

  it('OB 2.0: alignment to a competence framework as outcomes, issuedOn, hashed recipient', () => {
    const el = elementsOf('educator-digital-pedagogy');
    expect(el.learningOutcomes).toMatchObject({ state: 'present', from: 'badge.alignment' });
    expect(el.dateOfIssue).toEqual({ state: 'present', value: '2025-09-12T10:00:00+02:00', from: 'assertion.issuedOn' });
    expect(el.learnerIdentification).toMatchObject({ state: 'present', value: { type: 'email', hashed: true } });
    expect(el.workload).toEqual({ state: 'unclear', value: 'Notional workload about 60 hours.', from: 'badge.description' });
    const gdpr = elementsOf('ob2-signed-gdpr-practitioner');
    expect(gdpr.issuerCountry).toEqual({ state: 'unclear', value: 'Association of data protection practitioners in Austria.', from: 'issuer.description' });
  });
});

/** Expected classification per demo credential. */
const ASSESSMENT: Record<string, { kind: string; id?: string }> = {
  'uni-learning-analytics': { kind: 'assessed', id: 'supervised-onsite-id' },
  'webinar-genai-assessment': { kind: 'participation' },
  'vendor-data-engineer': { kind: 'assessed' },
  'educator-digital-pedagogy': { kind: 'assessed' },
  'educator-blended-learning-revoked': { kind: 'unknown' },
  'ob2-signed-gdpr-practitioner': { kind: 'assessed', id: 'supervised-onsite-id' },
  'uni-research-data-revoked': { kind: 'assessed' },
  'bootcamp-fullstack-revoked': { kind: 'assessed' },
  'first-aid-expired': { kind: 'assessed' },
  'tampered-statistics': { kind: 'assessed', id: 'supervised-onsite-id' },
  'unknown-issuer-ai-strategist': { kind: 'assessed', id: 'unsupervised-no-id' },
  'other-person-python': { kind: 'assessed', id: 'supervised-online-id' },
  'elm-learning-analytics': { kind: 'assessed', id: 'supervised-online-id' },
};

describe('assessment classification of every demo credential', () => {
  it.each(Object.keys(ASSESSMENT))('%s', (slug) => {
    const a = classifyAssessment(input(slug), elementsOf(slug));
    expect(a.kind, JSON.stringify(a, null, 1)).toBe(ASSESSMENT[slug]!.kind);
    expect(a.identityVerification, JSON.stringify(a, null, 1)).toBe(ASSESSMENT[slug]!.id);
    expect(a.evidence.length).toBeGreaterThan(0);
    // computing the elements itself gives the same answer
    expect(classifyAssessment(input(slug))).toEqual(a);
  });

  it('names the fields and marks text-derived evidence', () => {
    const uni = classifyAssessment(input('uni-learning-analytics'));
    expect(uni.evidence[0]).toMatch(/^credentialSubject\.result\[0\]\.value: a grade/);
    expect(uni.evidence.some((e) => /^Identity verification \(text-derived, credentialSubject\.achievement\.criteria\.narrative\)/.test(e))).toBe(true);
    const webinar = classifyAssessment(input('webinar-genai-assessment'));
    expect(webinar.evidence.join('\n')).toMatch(/text-derived.*No assessment/);
    const elm = classifyAssessment(input('elm-learning-analytics'));
    expect(elm.evidence.join('\n')).toMatch(/idVerification.*\(structured\)/);
    const vendor = classifyAssessment(input('vendor-data-engineer'));
    expect(vendor.evidence.join('\n')).toMatch(/level not determined: .*both online and on-site/);
  });
});

describe('recipient of every demo credential', () => {
  it.each(Object.keys(EXPECTED).filter((s) => s !== 'educator-blended-learning-revoked'))('%s', (slug) => {
    const r = matchRecipient(input(slug), { name: DEMO_PERSON.name, email: DEMO_PERSON.email });
    expect(r.state, r.detail).toBe(slug === 'other-person-python' ? 'mismatch' : 'match');
  });

  it('matches by e-mail alone wherever the credential carries one', () => {
    for (const slug of Object.keys(EXPECTED)) {
      if (slug === 'educator-blended-learning-revoked') continue;
      const r = matchRecipient(input(slug), { email: DEMO_PERSON.email.toUpperCase() });
      expect(r.state, `${slug}: ${r.detail}`).toBe(slug === 'other-person-python' ? 'mismatch' : 'match');
    }
  });

  it('recognises the other person by name', () => {
    expect(matchRecipient(input('other-person-python'), { name: 'Jana Horvathova' }).state).toBe('match');
    expect(matchRecipient(input('other-person-python'), { name: 'Jana Horváthová', email: 'jana.horvathova@example.net' }).detail).toMatch(/hashed e-mail/);
  });
});

// ---- synthetic credentials: structured sources the demo does not use ------------------------------

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
function ob3(achievement: Json, extra: Json = {}, subject: Json = {}): ElementsInput {
  return {
    format: 'ob3-json',
    json: {
      '@context': [VC2, OB3],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://issuer.example/', type: ['Profile'], name: 'Example Academy' },
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { type: ['AchievementSubject'], id: 'did:example:learner', achievement: { id: 'https://issuer.example/a/1', type: ['Achievement'], name: 'Example', criteria: { narrative: 'Do it.' }, description: 'An example.', ...achievement }, ...subject },
      ...extra,
    },
  };
}

describe('OB 3.0 structured sources', () => {
  it('the 1EdTech Assessment extension makes the assessment type present and the credential assessed', () => {
    const i = ob3({
      resultDescription: [{ id: 'urn:rd:1', type: ['ResultDescription', 'AssessmentResultDescription'], name: 'Final project', resultType: 'LetterGrade', assessmentType: 'Artifact', assessmentOutput: 'Written responses', hasGroupParticipation: false, hasGroupEvaluation: false, evaluationMethod: 'Rubric' }],
    });
    const el = extractElements(i);
    expect(el.assessmentType).toEqual({ state: 'present', value: [{ assessmentType: 'Artifact', assessmentOutput: 'Written responses', name: 'Final project' }], from: 'credentialSubject.achievement.resultDescription[0].assessmentType' });
    const a = classifyAssessment(i, el);
    expect(a.kind).toBe('assessed');
    expect(a.evidence[0]).toMatch(/Assessment extension.*Artifact/);
  });

  it('the Issuer Accreditation extension makes quality assurance present', () => {
    const i = ob3({}, {
      issuer: {
        id: 'https://issuer.example/', type: ['Profile', 'IssuerAccreditationProfile'], name: 'Example College',
        accreditations: [{ type: ['Profile', 'AccreditationProfile'], name: 'Northwest Accrediting Commission', contactInstructions: 'Write to us', accreditationDate: '2010-09-01', url: 'https://accreditor.example/' }],
      },
    });
    expect(extractElements(i).qualityAssurance).toEqual({
      state: 'present',
      value: [{ kind: 'accreditation', body: 'Northwest Accrediting Commission', date: '2010-09-01', url: 'https://accreditor.example/' }],
      from: 'issuer.accreditations[0]',
    });
  });

  it('an endorsement by a body that is not a QA body is unclear, not present', () => {
    const endorsement = { type: ['VerifiableCredential', 'EndorsementCredential'], name: 'Thumbs up', issuer: { id: 'did:example:fan', name: 'A Fan Club' }, validFrom: '2025-01-01T00:00:00Z', credentialSubject: { id: 'https://issuer.example/a/1', type: ['EndorsementSubject'], endorsementComment: 'We like it.' } };
    expect(extractElements(ob3({ endorsement: [endorsement] })).qualityAssurance.state).toBe('unclear');
  });

  it('credits without a stated unit are unclear; with ECTS stated, present', () => {
    expect(extractElements(ob3({ creditsAvailable: 3 })).workload).toEqual({ state: 'unclear', value: { credits: 3 }, from: 'credentialSubject.achievement.creditsAvailable' });
    expect(extractElements(ob3({ creditsAvailable: 3, tag: ['ECTS'] })).workload.state).toBe('present');
    expect(extractElements(ob3({ creditsAvailable: 3, description: 'Worth 3 ECTS.' })).workload.value).toEqual({ credits: 3, unit: 'ECTS' });
    expect(extractElements(ob3({ creditsAvailable: 3, description: 'Worth 6 ECTS.' })).workload.state).toBe('unclear');
    expect(extractElements(ob3({}, {}, { creditsEarned: 2.5 })).workload).toMatchObject({ state: 'unclear', from: 'credentialSubject.creditsEarned' });
  });

  it('recognises EQF by URI, NQF and QF-EHEA frameworks; other alignments are outcomes', () => {
    const levels = extractElements(ob3({
      alignment: [
        { type: ['Alignment'], targetName: 'Level 5', targetUrl: 'http://data.europa.eu/snb/eqf/5' },
        { type: ['Alignment'], targetName: 'DQR Niveau 6', targetFramework: 'Deutscher Qualifikationsrahmen (DQR)', targetCode: '6', targetUrl: 'https://dqr.example/6' },
        { type: ['Alignment'], targetName: 'Second cycle', targetFramework: 'QF-EHEA', targetUrl: 'https://ehea.example/2' },
        { type: ['Alignment'], targetName: 'manage budgets', targetFramework: 'ESCO', targetUrl: 'http://data.europa.eu/esco/skill/123' },
        { type: ['Alignment'], targetName: 'Some credential', targetType: 'ceterms:Credential', targetUrl: 'https://ce.example/1' },
      ],
    }));
    expect(levels.level.value).toEqual([
      { framework: 'EQF', level: '5', name: 'Level 5', url: 'http://data.europa.eu/snb/eqf/5' },
      { framework: 'NQF', level: '6', name: 'DQR Niveau 6', url: 'https://dqr.example/6', frameworkName: 'Deutscher Qualifikationsrahmen (DQR)' },
      { framework: 'QF-EHEA', name: 'Second cycle', url: 'https://ehea.example/2', frameworkName: 'QF-EHEA' },
    ]);
    expect(levels.learningOutcomes.value).toEqual([{ name: 'manage budgets', url: 'http://data.europa.eu/esco/skill/123', framework: 'ESCO' }]);
  });

  it('a level named only in text is unclear', () => {
    expect(extractElements(ob3({ description: 'A short course at EQF level 4.' })).level).toEqual({ state: 'unclear', value: 'A short course at EQF level 4.', from: 'credentialSubject.achievement.description' });
  });

  it('an issuer given only by id: awarding body unclear, country missing', () => {
    const el = extractElements(ob3({}, { issuer: 'did:example:issuer' }));
    expect(el.awardingBody).toEqual({ state: 'unclear', value: { id: 'did:example:issuer' }, from: 'issuer' });
    expect(el.issuerCountry.state).toBe('missing');
  });

  it('VC 1.1 issuanceDate and a subject known only by a hashed identifier', () => {
    const i = ob3({}, { issuanceDate: '2020-02-02T00:00:00Z', validFrom: undefined }, { id: undefined, identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: 'sha256$' + 'a'.repeat(64) }] });
    const el = extractElements(i);
    expect(el.dateOfIssue).toEqual({ state: 'present', value: '2020-02-02T00:00:00Z', from: 'issuanceDate' });
    expect(el.learnerIdentification).toMatchObject({ state: 'present', from: 'credentialSubject.identifier[0]', value: { identityType: 'emailAddress', hashed: true } });
  });

  it('achievementType alone decides nothing; completion or attendance types say participation', () => {
    expect(classifyAssessment(ob3({ achievementType: 'Course', criteria: { narrative: 'Enrol in the course.' } })).kind).toBe('unknown');
    expect(classifyAssessment(ob3({ achievementType: 'Certificate', criteria: { narrative: 'Be awesome.' } })).evidence[0]).toMatch(/"Certificate" does not say on its own/);
    expect(classifyAssessment(ob3({ achievementType: 'CertificateOfCompletion' })).kind).toBe('participation');
    expect(classifyAssessment(ob3({ achievementType: 'Assessment' })).kind).toBe('assessed');
  });

  it('text about an assessment that is not part of this credential does not make it assessed', () => {
    expect(classifyAssessment(ob3({ description: 'A webinar that prepares you for the certification exam.', criteria: { narrative: 'Join the session.' } })).kind).toBe('participation');
    expect(classifyAssessment(ob3({ description: 'Designing assessments that stay valid.', criteria: { narrative: 'There is no exam.' } })).kind).toBe('participation');
    expect(classifyAssessment(ob3({ criteria: { narrative: 'Passed the final exam with distinction.' } })).kind).toBe('assessed');
  });

  it('a recorded result makes the credential assessed even when the text says nothing', () => {
    const i = ob3({ resultDescription: [{ id: 'urn:rd', type: ['ResultDescription'], name: 'Score', resultType: 'Percent' }] }, {}, { result: [{ type: ['Result'], resultDescription: 'urn:rd', value: '87' }] });
    const el = extractElements(i);
    expect(el.grade).toEqual({ state: 'present', value: [{ name: 'Score', value: '87' }], from: 'credentialSubject.result[0].value' });
    expect(classifyAssessment(i, el).kind).toBe('assessed');
  });

  it('supervision stated in text: each EU level, and silence when not precise', () => {
    const level = (narrative: string) => classifyAssessment(ob3({ criteria: { narrative } })).identityVerification;
    expect(level('Pass an unsupervised online test.')).toBe('unsupervised-no-id');
    expect(level('Pass a supervised exam; no identity check is made.')).toBe('supervised-no-id');
    expect(level('Pass the proctored online exam with webcam and photo ID check.')).toBe('supervised-online-id');
    expect(level('Pass the invigilated written exam at the exam venue. Candidates show an official photo ID.')).toBe('supervised-onsite-id');
    expect(level('Pass the supervised written exam.')).toBeUndefined();
    expect(level('Attend the webinar. No assessment.')).toBeUndefined();
  });

  it('the related achievements of OB 3.0 count only as unclear integration data', () => {
    const el = extractElements(ob3({ related: [{ id: 'https://issuer.example/a/1-de', type: ['Related'], inLanguage: 'de' }] }));
    expect(el.integration).toEqual({ state: 'unclear', value: [{ id: 'https://issuer.example/a/1-de', inLanguage: 'de' }], from: 'credentialSubject.achievement.related' });
  });
});

describe('OB 2.0 structured sources', () => {
  const badge = (extra: Json): ElementsInput => ({
    format: 'ob2-hosted',
    ob2: {
      assertion: { type: 'Assertion', id: 'https://x/a', recipient: { type: 'email', hashed: false, identity: 'a@b.c' }, issuedOn: '2024-03-01', badge: 'https://x/b' },
      badge: { type: 'BadgeClass', id: 'https://x/b', name: 'B', description: 'd', criteria: 'https://x/criteria', issuer: 'https://x/i', ...extra },
      issuer: { type: 'Issuer', id: 'https://x/i', name: 'X', url: 'https://x/' },
    },
  });

  it('reads the ECTS, EQF and learning-outcome extensions (Edubadges) as present', () => {
    const el = extractElements(badge({
      'extensions:ECTSExtension': { type: ['Extension', 'extensions:ECTSExtension'], ECTS: 2.5 },
      'extensions:EQFExtension': { type: ['Extension', 'extensions:EQFExtension'], EQF: 7 },
      'extensions:LearningOutcomeExtension': { type: ['Extension', 'extensions:LearningOutcomeExtension'], LearningOutcome: 'Can model buildings in BIM software.' },
    }));
    expect(el.workload).toEqual({ state: 'present', value: { credits: 2.5, unit: 'ECTS' }, from: 'badge.extensions:ECTSExtension.ECTS' });
    expect(el.level).toEqual({ state: 'present', value: [{ framework: 'EQF', level: '7' }], from: 'badge.extensions:EQFExtension.EQF' });
    expect(el.learningOutcomes.state).toBe('present');
    expect(el.furtherInformation.value).toMatchObject({ criteriaUrl: 'https://x/criteria' });
  });

  it('reads the 1EdTech Assessment extension', () => {
    const i = badge({ 'extensions:assessmentExtension': { type: ['Extension', 'extensions:AssessmentExtension'], description: 'An exam.', assessments: [{ type: 'Exam', description: 'A 60-minute exam.', assessmentOutput: 'Answers', hasGroupParticipation: false, hasGroupEvaluation: false }] } });
    const el = extractElements(i);
    expect(el.assessmentType).toMatchObject({ state: 'present', from: 'badge.extensions:assessmentExtension.assessments', value: [{ assessmentType: 'Exam' }] });
    expect(classifyAssessment(i, el).kind).toBe('assessed');
  });

  it('reads an issuer accreditation extension and an embedded assertion graph', () => {
    const i = badge({});
    i.ob2!.issuer = { ...i.ob2!.issuer, 'extensions:IssuerAccreditation': { type: ['Extension', 'extensions:IssuerAccreditation'], name: 'Higher Learning Commission', accreditationDate: '2009-07-31' } };
    expect(extractElements(i).qualityAssurance).toMatchObject({ state: 'present', value: [{ kind: 'accreditation', body: 'Higher Learning Commission' }] });
    const embedded: ElementsInput = { format: 'ob2-signed', json: { type: 'Assertion', recipient: { type: 'email', identity: 'a@b.c' }, issuedOn: '2024-01-01', badge: { type: 'BadgeClass', name: 'Embedded', issuer: { type: 'Profile', id: 'https://x/i', name: 'Embedded Issuer' } } } };
    const el = extractElements(embedded);
    expect(el.title.value).toBe('Embedded');
    expect(el.awardingBody.value).toMatchObject({ name: 'Embedded Issuer' });
  });
});

describe('ELM 3 structure (provenBy, influencedBy)', () => {
  const concept = (id: string, en: string) => ({ id, type: 'Concept', prefLabel: { en } });
  const elm: ElementsInput = {
    format: 'elm',
    json: {
      type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
      issuer: { id: 'urn:org:1', type: 'Organisation', legalName: { en: 'Example Institute' }, location: { type: 'Location', address: { type: 'Address', countryCode: concept('http://publications.europa.eu/resource/authority/country/IRL', 'Ireland') } } },
      validFrom: '2023-01-01T00:00:00Z',
      credentialProfiles: concept('urn:profile:generic', 'Generic'),
      credentialSubject: {
        id: 'urn:person:1', type: 'Person', fullName: { en: 'Ana Andromeda' },
        hasClaim: {
          id: 'urn:la:1', type: 'LearningAchievement', title: { en: 'Credential building' },
          provenBy: { id: 'urn:as:1', type: 'LearningAssessment', title: { en: 'Artefact assessment' }, grade: { type: 'Note', noteLiteral: { en: 'Pass' } }, idVerification: concept('urn:sv:1', 'Unsupervised without ID Verification') },
          influencedBy: { id: 'urn:act:1', type: 'LearningActivity', specifiedBy: { id: 'urn:actspec:1', type: 'LearningActivitySpecification', mode: concept('urn:mode:1', 'Online'), volumeOfLearning: 'PT20H' } },
          specifiedBy: { id: 'urn:spec:1', type: 'LearningAchievementSpecification', nqfLevel: concept('urn:nqf:6', 'NFQ Level 6'), creditPoint: { type: 'CreditPoint', framework: concept('urn:ects', 'European Credit Transfer System'), point: '2' }, learningOutcome: [{ type: 'LearningOutcome', title: { en: 'Build credentials' }, relatedESCOSkill: [concept('http://data.europa.eu/esco/skill/x', 'develop digital content')] }] },
        },
      },
    },
  };

  it('reads the elements where ELM 3 puts them', () => {
    const el = extractElements(elm);
    expect(el.issuerCountry).toEqual({ state: 'present', value: 'Ireland', from: 'issuer.location.address.countryCode' });
    expect(el.awardingBody.value).toMatchObject({ name: 'Example Institute' });
    expect(el.dateOfIssue).toEqual({ state: 'present', value: '2023-01-01T00:00:00Z', from: 'validFrom' });
    expect(el.level.value).toEqual([{ framework: 'NQF', level: '6', name: 'NFQ Level 6', url: 'urn:nqf:6' }]);
    expect(el.workload.value).toEqual({ credits: '2', unit: 'ECTS', framework: 'European Credit Transfer System' });
    expect(el.participationForm).toEqual({ state: 'present', value: 'Online', from: 'credentialSubject.hasClaim.influencedBy.specifiedBy.mode' });
    expect(el.assessmentType).toEqual({ state: 'present', value: 'Artefact assessment', from: 'credentialSubject.hasClaim.provenBy.title' });
    expect(el.grade.value).toBe('Pass');
    expect(el.learningOutcomes.value).toEqual([{ name: 'Build credentials', skills: ['develop digital content'] }]);
    expect(el.qualityAssurance.state).toBe('missing');
  });

  it('classifies from the structured assessment and identity verification', () => {
    const a = classifyAssessment(elm);
    expect(a.kind).toBe('assessed');
    expect(a.identityVerification).toBe('unsupervised-no-id');
  });

  it('a certificate of participation without an assessment is participation', () => {
    const json = structuredClone(elm.json!) as Json;
    json.credentialProfiles = concept('urn:profile:cop', 'Certificate of participation');
    delete json.credentialSubject.hasClaim.provenBy;
    const a = classifyAssessment({ format: 'elm', json });
    expect(a.kind).toBe('participation');
    expect(a.evidence[0]).toMatch(/credentialProfiles: "Certificate of participation"/);
  });
});

describe('elementsStage (what verify() calls)', () => {
  it('returns elements, completeness and assessment, and the recipient only when a candidate is given', () => {
    const i = input('uni-learning-analytics');
    const r = elementsStage(i);
    expect(r.elements).toEqual(extractElements(i));
    expect(r.completeness.mandatoryPresent).toBe(9);
    expect(r.assessment.kind).toBe('assessed');
    expect(r.recipient).toBeUndefined();
    expect(elementsStage(i, { email: DEMO_PERSON.email }).recipient?.state).toBe('match');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('robustness', () => {
  it('nothing to read: every element missing, completeness 0 of 11', () => {
    for (const i of [{ format: 'unknown' }, { format: 'ob3-json', json: {} }, { format: 'ob2-hosted' }, { format: 'elm', json: { type: 'EuropeanDigitalCredential' } }] as ElementsInput[]) {
      const el = extractElements(i);
      expect(Object.values(el).every((e) => e.state === 'missing')).toBe(true);
      expect(completeness(el).mandatoryPresent).toBe(0);
      expect(classifyAssessment(i).kind).toBe('unknown');
    }
  });

  it('hostile shapes do not throw', () => {
    const nasty: Json = {
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { name: { '@value': 7 }, address: [1, 2], accreditations: 'x', endorsement: [null, 5, 'not a url'], endorsementJwt: ['a.b.c', 9] },
      credentialSubject: [null, { achievement: { name: ['x', { '@value': 'y' }], alignment: [null, 'x', { targetUrl: 5 }], criteria: 'str', resultDescription: {}, related: 'x', tag: { a: 1 }, creditsAvailable: 'NaN' }, result: [{ value: {} }], identifier: 'x' }],
      evidence: { description: 'x'.repeat(200_000) },
      description: ('Pass the exam. ' + 'a'.repeat(50)).repeat(2000),
    };
    let deep: Json = {};
    for (let i = 0; i < 200; i++) deep = { hasClaim: deep, title: deep };
    for (const i of [{ format: 'ob3-json', json: nasty }, { format: 'elm', json: { type: 'EuropeanDigitalCredential', credentialSubject: deep } }, { format: 'ob2-signed', json: nasty, ob2: { badge: nasty, issuer: nasty } }] as ElementsInput[]) {
      expect(() => extractElements(i)).not.toThrow();
      expect(() => classifyAssessment(i)).not.toThrow();
      expect(() => matchRecipient(i, { name: 'A B', email: 'a@b.c' })).not.toThrow();
    }
  });

  it('completeness counts only present mandatory elements, in Annex I order', () => {
    expect(completeness({ title: { state: 'present' }, level: { state: 'unclear' } })).toEqual({
      mandatoryPresent: 1,
      mandatoryTotal: 11,
      missing: MANDATORY_ELEMENTS.filter((k) => k !== 'title'),
    });
  });
});
