/**
 * The credentials the demo issuer publishes: built at startup (after the port is known, since
 * did:web identifiers carry it), signed with the issuers' real keys, and described as
 * `DemoCredential`s with the verdict CredLens must give.
 *
 * Vocabulary rules followed throughout: JSON-LD credentials use only contexts CredLens bundles
 * (VC 2.0, OB 3.0.3, the OB 3.0 extensions context) and only terms those contexts define, since the
 * verifier canonicalizes in JSON-LD safe mode. In particular the 1EdTech assessment and
 * accreditation extensions are not in the bundled contexts, so the assessment (type, supervision,
 * identity verification) is stated in `criteria.narrative`, `achievement.description` and OB 3.0
 * `Evidence` entries, and the issuer's accreditation in the Profile's `description` and
 * `otherIdentifier` (IdentifierEntry) plus a signed `EndorsementCredential` from the QA agency.
 *
 * Identifiers are deterministic: credential ids are urn:uuid values derived from the slug, dates
 * are fixed (except the vendor certificate's expiry, kept in the future), so every run with the
 * same keys and port produces byte-identical documents.
 */
import { gzipSync } from 'fflate';
import { bundledContextUrls } from '../../sdk/contexts/index.js';
import { sha256 } from '../../sdk/crypto/sha256.js';
import { DEMO_PERSON, type DemoCredential } from '../types.js';
import { badgePng, badgeSvg, type BadgeStyle } from './art.js';
import { bakePng, bakeSvg } from './bake.js';
import { makeIssuers, type DemoIssuer, type DemoIssuers } from './issuers.js';
import type { DemoKeys } from './keys.js';
import { MEDIA, Resources, esc, page, pathOf } from './resources.js';
import { signJcs, signOb2Assertion, signRdfc, signVcJwt, type Json } from './sign.js';
import { buildTrustList, type TrustList } from './trust.js';

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Defines `1EdTechRevocationList` (and the other 1EdTech VC extension types). Bundled. */
export const OB3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
/** The European Digital Credentials (ELM 3) application-profile context. Not bundled: see the ELM credential. */
export const ELM_CONTEXT = 'http://data.europa.eu/snb/model/context/edc-ap';

/** Everything one run of the demo issuer publishes. */
export interface DemoBuild {
  origin: string;
  credentials: DemoCredential[];
  resources: Resources;
  issuers: DemoIssuers;
  trustList: TrustList;
  /** Documents that are not credentials a recruiter meets but are worth checking on their own. */
  extras: {
    /** The QA agency's EndorsementCredential embedded in the university micro-credential, also served alone. */
    endorsementUrl: string;
    /** The university's BitstringStatusListCredential. */
    statusListUrl: string;
  };
}

/** A urn:uuid derived from a name (RFC 9562 version 8 layout over SHA-256): stable across runs. */
export function uuidFor(name: string): string {
  const h = sha256(`credlens-demo:${name}`);
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = Buffer.from(h.subarray(0, 16)).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** OB 2.0 / OB 3.0 identity hash: `sha256$` + hex(SHA-256(identity + salt)). */
export function identityHash(identity: string, salt: string): string {
  return 'sha256$' + Buffer.from(sha256(identity + salt)).toString('hex');
}

function saltFor(name: string): string {
  return Buffer.from(sha256(`salt:${name}`)).toString('hex').slice(0, 16);
}

const day = (iso: string) => iso.slice(0, 10);

/** Builds every credential, document and image of the demo for `origin` = http://localhost:<port>. */
export async function buildDemo(origin: string, port: number, keys: DemoKeys): Promise<DemoBuild> {
  const bundled = new Set(bundledContextUrls());
  for (const c of [VC_V2, OB3_CONTEXT, OB3_EXTENSIONS_CONTEXT]) {
    if (!bundled.has(c)) throw new Error(`The demo issuer needs the bundled context ${c}, which CredLens no longer bundles.`);
  }

  const res = new Resources();
  const issuers = makeIssuers(origin, port, keys, res);
  const { university: uni, qaAgency, vendor, webinar, firstAid, bootcamp, unknown, elm, ob2Hosted, ob2Signed, learnerDid } = issuers;
  const credentials: DemoCredential[] = [];

  // ---- shared helpers -----------------------------------------------------------------------

  const ownerEmail = (slug: string): Json => ({
    type: 'IdentityObject',
    identityHash: identityHash(DEMO_PERSON.email, saltFor(slug)),
    identityType: 'emailAddress',
    hashed: true,
    salt: saltFor(slug),
  });

  /** An achievement image (plain PNG, not baked), served at /images/<name>.png. */
  const image = (name: string, style: BadgeStyle, caption: string): Json => {
    const path = `/images/${name}.png`;
    if (!res.get(path)) res.bytes(path, badgePng(style), MEDIA.png);
    return { id: `${origin}${path}`, type: 'Image', caption };
  };

  const credentialUrl = (slug: string, ext = '') => `${origin}/credentials/${slug}${ext}`;

  /** Publishes a JSON-LD credential at /credentials/<slug>. */
  const publish = (slug: string, doc: Json): string => {
    const url = credentialUrl(slug);
    res.json(pathOf(url), doc, MEDIA.vc);
    return url;
  };

  const signWith = async (issuer: DemoIssuer, doc: Json, created: string) => signRdfc(doc, issuer.signer!, created);

  // ---- the university's status list (Bitstring Status List v1.0) -----------------------------

  const statusListUrl = `${origin}/status/1`;
  const STATUS_BITS = 131_072; // the specification's minimum length (16 KiB)
  const revokedIndexes = new Set<number>();
  const statusEntry = (index: number): Json => ({
    id: `${statusListUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: statusListUrl,
  });

  // ---- 1. University micro-credential: OB 3.0, eddsa-rdfc-2022, did:web, endorsed, status list ----

  const uniStyle: BadgeStyle = { base: '#1d4ed8', accent: '#f59e0b', glyph: 'star' };
  const laAchievementId = `${uni.url}achievements/learning-analytics`;
  const endorsement = await signRdfc(
    {
      '@context': [VC_V2, OB3_CONTEXT],
      id: uuidFor('endorsement-qaa-ar-learning-analytics'),
      type: ['VerifiableCredential', 'EndorsementCredential'],
      name: 'QAA-AR programme review: Learning Analytics and Educational Data Mining (micro-credential)',
      issuer: qaAgency.profile,
      validFrom: '2025-01-20T00:00:00Z',
      credentialSubject: {
        id: laAchievementId,
        type: ['EndorsementSubject'],
        endorsementComment:
          'Reviewed under the QAA-AR micro-credential review procedure (2024 edition) on 9 January 2025. The intended learning outcomes ' +
          'match EQF level 6; the stated workload of 5 ECTS is plausible; assessment is supervised, with identity verification, and ' +
          'aligned with the outcomes. Endorsed without conditions until the next institutional audit.',
      },
    },
    qaAgency.signer!,
    '2025-01-20T09:30:00Z',
  );
  const endorsementUrl = `${origin}/endorsements/qaa-ar-learning-analytics`;
  res.json(pathOf(endorsementUrl), endorsement, MEDIA.vc);

  const uniLa = {
    '@context': [VC_V2, OB3_CONTEXT],
    id: uuidFor('uni-learning-analytics'),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Learning Analytics and Educational Data Mining (Micro-credential, 5 ECTS)',
    description: 'University micro-credential, 5 ECTS at EQF level 6, awarded after a supervised examination with identity verification.',
    issuer: uni.profile,
    validFrom: '2025-07-15T09:00:00Z',
    awardedDate: '2025-07-15T09:00:00Z',
    credentialStatus: statusEntry(7),
    credentialSubject: {
      id: learnerDid,
      type: ['AchievementSubject'],
      name: DEMO_PERSON.name,
      identifier: [ownerEmail('uni-learning-analytics')],
      activityStartDate: '2025-03-03T00:00:00Z',
      activityEndDate: '2025-06-27T00:00:00Z',
      creditsEarned: 5,
      result: [{ type: ['Result'], resultDescription: `${laAchievementId}#final-grade`, value: 'Gut (2)' }],
      achievement: {
        id: laAchievementId,
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Learning Analytics and Educational Data Mining',
        humanCode: 'THD-LLL-LA-501',
        description:
          'University micro-credential of the Centre for Lifelong Learning, Technische Hochschule Donaustadt. Workload: 5 ECTS credits ' +
          '(125 hours: 36 hours of blended seminars, 89 hours of guided project work and self-study). Level: EQF level 6. Delivered ' +
          'blended: weekly online seminars and two on-campus days in Vienna. Assessment: a supervised on-site written examination ' +
          '(120 minutes) with identity verification against an official photo ID, and a graded analytics project report. ' +
          "Prerequisites: a bachelor's degree or three years of relevant professional experience, and introductory statistics. " +
          'Stackable: recognised as the elective module "Learning Analytics" (5 ECTS) of the MA programme Educational Technology. ' +
          'Quality assurance: internal QA of an institutionally accredited university (QAA-AR), programme reviewed and endorsed by QAA-AR.',
        criteria: {
          narrative:
            '## Learning outcomes\n' +
            'On successful completion, learners are able to:\n' +
            '1. design a learning-analytics study for a course, including indicators, data sources and safeguards (GDPR, informed consent);\n' +
            '2. clean, join and explore learning-management-system log data with R;\n' +
            '3. build and validate simple predictive models of student success, and explain their limits and biases;\n' +
            '4. report results to teaching staff through dashboards and written recommendations.\n\n' +
            '## Assessment\n' +
            '- Supervised written examination, 120 minutes, on site at the Vienna campus (27 June 2025). The candidate\'s identity was ' +
            'verified against an official photo ID (passport or national identity card) before the examination. Weight 60 %.\n' +
            '- Analytics project report on an anonymised course data set, graded against a published rubric by two examiners. Weight 40 %.\n\n' +
            'Pass mark: at least "Genügend (4)" on the Austrian five-point scale in both parts.',
        },
        creditsAvailable: 5,
        fieldOfStudy: 'Education science; statistics (ISCED-F 0111, 0542)',
        inLanguage: 'en',
        version: '2025',
        tag: ['learning analytics', 'educational data mining', 'R', 'micro-credential', 'ECTS'],
        image: image('uni-learning-analytics', uniStyle, 'Learning Analytics micro-credential badge'),
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'EQF level 6',
            targetDescription:
              'European Qualifications Framework level 6: advanced knowledge of a field of work or study, involving a critical ' +
              'understanding of theories and principles (bachelor level).',
            targetFramework: 'European Qualifications Framework (EQF)',
            targetCode: '6',
            targetUrl: 'http://data.europa.eu/snb/eqf/6',
          },
          escoSkill('perform data mining', 'b7e0b1c3-1f0a-4b4e-9f58-3c1a2c5d6e01'),
          escoSkill('use statistical analysis techniques', '6e2b5a4d-9c3f-4e1b-8a7d-0f4c2b1e9d02'),
          escoSkill('apply data protection principles', '2c9d8e7f-5a4b-4c3d-9e1f-7b6a5c4d3e03'),
        ],
        resultDescription: [
          {
            id: `${laAchievementId}#final-grade`,
            type: ['ResultDescription'],
            name: 'Final grade (Austrian five-point scale)',
            resultType: 'LetterGrade',
            allowedValue: ['Sehr gut (1)', 'Gut (2)', 'Befriedigend (3)', 'Genügend (4)', 'Nicht genügend (5)'],
            requiredValue: 'Genügend (4)',
          },
        ],
        endorsement: [endorsement],
      },
    },
    evidence: [
      {
        type: ['Evidence'],
        name: 'Supervised written examination with identity verification',
        description:
          'On-site invigilated written examination, 120 minutes, Vienna campus, 27 June 2025. The invigilator checked the candidate\'s ' +
          'identity against an official photo ID before the examination began.',
        genre: 'Supervised assessment (on site, identity verified)',
        audience: 'Employers and admission offices',
      },
      {
        type: ['Evidence'],
        name: 'Analytics project report',
        description: 'Project report on an anonymised course data set, graded against the published rubric by two examiners.',
        genre: 'Project report',
      },
    ],
  };
  const uniLaSigned = await signWith(uni, uniLa, '2025-07-15T09:00:00Z');
  const uniLaUrl = publish('uni-learning-analytics', uniLaSigned);
  const uniLaPng = bakePng(badgePng(uniStyle), 'openbadgecredential', JSON.stringify(uniLaSigned));
  res.bytes('/credentials/uni-learning-analytics.png', uniLaPng, MEDIA.png);
  credentials.push({
    slug: 'uni-learning-analytics',
    title: 'Learning Analytics and Educational Data Mining (Micro-credential, 5 ECTS)',
    issuerName: uni.name,
    format: 'OB3 eddsa-rdfc-2022',
    url: uniLaUrl,
    imageUrl: credentialUrl('uni-learning-analytics', '.png'),
    issued: day(uniLa.validFrom),
    expect: 'valid',
    note: 'University micro-credential: ECTS, EQF level, learning outcomes, supervised exam with ID check, accreditation, QA-agency endorsement, status list.',
  });

  // ---- 2. Participation-only webinar badge: OB 3.0, eddsa-jcs-2022, did:key ------------------

  const webinarStyle: BadgeStyle = { base: '#0f766e', accent: '#e11d48', glyph: 'ring' };
  const webinarCred = signJcs(
    {
      '@context': [VC_V2, OB3_CONTEXT],
      id: uuidFor('webinar-genai-assessment'),
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Webinar: Generative AI and Assessment Integrity (participation)',
      issuer: webinar.profile,
      validFrom: '2025-04-09T08:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        name: DEMO_PERSON.name,
        identifier: [ownerEmail('webinar-genai-assessment')],
        activityStartDate: '2025-04-08T15:00:00Z',
        activityEndDate: '2025-04-08T16:30:00Z',
        achievement: {
          id: `${webinar.url}events/2025-04-08-genai-assessment-integrity`,
          type: ['Achievement'],
          achievementType: 'Badge',
          name: 'Generative AI and Assessment Integrity — live webinar',
          description:
            'Attendance at a 90-minute live webinar for university teachers on designing assessments that remain valid when students ' +
            'use generative AI. Participation only: there is no test, assignment or assessment of learning.',
          criteria: {
            narrative:
              'Registered for the live session of 8 April 2025 and attended at least 72 of its 90 minutes, as recorded in the ' +
              "platform's session log. No assessment.",
          },
          inLanguage: 'en',
          tag: ['webinar', 'participation', 'generative AI', 'assessment'],
          image: image('webinar-genai-assessment', webinarStyle, 'LearnLoop Live attendance badge'),
        },
      },
    },
    webinar.signer!,
    '2025-04-09T08:00:00Z',
  );
  credentials.push({
    slug: 'webinar-genai-assessment',
    title: 'Webinar: Generative AI and Assessment Integrity',
    issuerName: webinar.name,
    format: 'OB3 eddsa-jcs-2022',
    url: publish('webinar-genai-assessment', webinarCred),
    issued: '2025-04-09',
    expect: 'valid',
    note: 'Participation-only badge (attendance, no assessment), signed by a did:key platform.',
  });

  // ---- 3. Vendor certification with an expiry date: VC-JWT, ES256, kid = did:web DID URL -----

  const vendorFrom = '2025-10-14T16:20:00Z';
  // Three-year validity as the vendor states it, but never in the past for whoever runs the demo.
  const vendorUntilYear = Math.max(2028, new Date().getUTCFullYear() + 2);
  const vendorUntil = `${vendorUntilYear}-10-14T23:59:59Z`;
  const vendorAchievementId = `${vendor.url}certifications/data-engineer-associate`;
  const vendorCred: Json = {
    '@context': [VC_V2, OB3_CONTEXT],
    id: uuidFor('vendor-data-engineer'),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Nimbus Certified Data Engineer – Associate',
    issuer: vendor.profile,
    validFrom: vendorFrom,
    validUntil: vendorUntil,
    credentialSubject: {
      id: learnerDid,
      type: ['AchievementSubject'],
      name: DEMO_PERSON.name,
      identifier: [ownerEmail('vendor-data-engineer')],
      licenseNumber: 'NDS-CDE-A-2025-118842',
      result: [{ type: ['Result'], resultDescription: `${vendorAchievementId}#score`, value: '812' }],
      achievement: {
        id: vendorAchievementId,
        type: ['Achievement'],
        achievementType: 'Certification',
        name: 'Nimbus Certified Data Engineer – Associate',
        humanCode: 'NDS-CDE-A',
        description:
          'Vendor certification for designing, building and operating batch and streaming data pipelines on the Nimbus cloud data ' +
          'platform. Valid for three years from the exam date; renewal by a shorter recertification exam.',
        criteria: {
          narrative:
            'Pass the 130-minute certification exam (65 scenario questions; scaled pass score 720 of 1000). Exams are proctored, ' +
            'online with webcam and ID check or at an authorised test centre.',
        },
        resultDescription: [
          { id: `${vendorAchievementId}#score`, type: ['ResultDescription'], name: 'Scaled exam score', resultType: 'ScaledScore', valueMin: '100', valueMax: '1000', requiredValue: '720' },
        ],
        image: image('vendor-data-engineer', { base: '#334155', accent: '#38bdf8', glyph: 'check' }, 'Nimbus certification badge'),
      },
    },
  };
  const vendorJwt = signVcJwt(vendorCred, { alg: 'ES256', kid: vendor.kid, privateKey: keys.vendorEs256.privateKey });
  res.text('/credentials/vendor-data-engineer.jwt', vendorJwt, MEDIA.vcJwt);
  credentials.push({
    slug: 'vendor-data-engineer',
    title: 'Nimbus Certified Data Engineer – Associate',
    issuerName: vendor.name,
    format: 'VC-JWT ES256',
    url: credentialUrl('vendor-data-engineer', '.jwt'),
    issued: day(vendorFrom),
    expires: day(vendorUntil),
    expect: 'valid',
    note: `Vendor certification as a JWT, valid until ${day(vendorUntil)}; key published in the vendor's did:web document.`,
  });

  // ---- 4. + 5. and the revoked hosted one: Open Badges 2.0 ---------------------------------

  credentials.push(...ob2Credentials(origin, issuers, res, keys));

  // ---- 6. The ones that must not pass as valid, and the ones that pass with a caveat ----------

  // 6a. Revoked through the university's Bitstring Status List.
  const rdmStyle: BadgeStyle = { base: '#1e3a8a', accent: '#a3e635', glyph: 'book' };
  const rdm = await signWith(uni, uniCourse({
    slug: 'uni-research-data-revoked',
    name: 'Research Data Management (Micro-credential, 3 ECTS)',
    achievement: 'research-data-management',
    humanCode: 'THD-LLL-RDM-302',
    credits: 3,
    description:
      'Micro-credential, 3 ECTS at EQF level 6: planning, documenting, storing and sharing research data (FAIR principles, data ' +
      'management plans). Assessed by a graded data management plan.',
    narrative: 'Submit a data management plan for a real research project; graded against the FAIR rubric by one examiner.',
    validFrom: '2024-02-09T10:00:00Z',
    status: 42,
    style: rdmStyle,
  }), '2024-02-09T10:00:00Z');
  revokedIndexes.add(42);
  credentials.push({
    slug: 'uni-research-data-revoked',
    title: 'Research Data Management (Micro-credential, 3 ECTS)',
    issuerName: uni.name,
    format: 'OB3 eddsa-rdfc-2022 + BitstringStatusList',
    url: publish('uni-research-data-revoked', rdm),
    issued: '2024-02-09',
    expect: 'revoked',
    note: "Revoked by the university: its bit is set in the signed Bitstring Status List at /status/1.",
  });

  // 6b. Revoked through a 1EdTech Revocation List. `1EdTechRevocationList` is defined by the bundled
  // OB 3.0 extensions context, so the credential names that context and can be RDFC-signed.
  const bootcampId = uuidFor('bootcamp-fullstack-revoked');
  const revocationListUrl = `${origin}/revocations/codefjord.json`;
  const bootcampCred = await signWith(bootcamp, {
    '@context': [VC_V2, OB3_CONTEXT, OB3_EXTENSIONS_CONTEXT],
    id: bootcampId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Full-Stack JavaScript Developer (Bootcamp Graduate)',
    issuer: bootcamp.profile,
    validFrom: '2024-09-27T12:00:00Z',
    credentialStatus: { id: revocationListUrl, type: '1EdTechRevocationList' },
    credentialSubject: {
      id: learnerDid,
      type: ['AchievementSubject'],
      name: DEMO_PERSON.name,
      identifier: [ownerEmail('bootcamp-fullstack-revoked')],
      achievement: {
        id: `${bootcamp.url}programmes/full-stack-javascript`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Full-Stack JavaScript Developer',
        description: '12-week full-time bootcamp (480 hours): TypeScript, Node.js, React, SQL, testing and deployment, with an assessed capstone project.',
        criteria: { narrative: 'Complete all 12 weekly projects and pass the capstone project review (code review and live demo before two instructors).' },
        image: image('bootcamp-fullstack', { base: '#0e7490', accent: '#fbbf24', glyph: 'check' }, 'CodeFjord graduate badge'),
      },
    },
  }, '2024-09-27T12:00:00Z');
  res.json(pathOf(revocationListUrl), {
    id: revocationListUrl,
    issuer: bootcamp.id,
    revokedCredentials: [
      { id: bootcampId, revocationReason: 'Withdrawn on 3 November 2025: the capstone project was found to be copied from another cohort.' },
      { id: uuidFor('bootcamp-other-revoked-2023'), revocationReason: 'Issued in error.' },
    ],
  }, MEDIA.json);
  credentials.push({
    slug: 'bootcamp-fullstack-revoked',
    title: 'Full-Stack JavaScript Developer (Bootcamp Graduate)',
    issuerName: bootcamp.name,
    format: 'OB3 eddsa-rdfc-2022 + 1EdTechRevocationList',
    url: publish('bootcamp-fullstack-revoked', bootcampCred),
    issued: '2024-09-27',
    expect: 'revoked',
    note: "Revoked through the issuer's 1EdTech Revocation List (a plain JSON list naming the credential id).",
  });

  // 6c. Expired: validUntil in the past.
  const firstAidCred = await signWith(firstAid, {
    '@context': [VC_V2, OB3_CONTEXT],
    id: uuidFor('first-aid-expired'),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Workplace First Aider (16-hour course)',
    issuer: firstAid.profile,
    validFrom: '2021-05-08T14:00:00Z',
    validUntil: '2023-05-08T23:59:59Z',
    credentialSubject: {
      id: learnerDid,
      type: ['AchievementSubject'],
      name: DEMO_PERSON.name,
      identifier: [ownerEmail('first-aid-expired')],
      achievement: {
        id: `${firstAid.url}courses/workplace-first-aider-16h`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Workplace First Aider (16 hours)',
        description: '16-hour first aid course for designated workplace first aiders, with practical assessment (CPR, recovery position, bleeding control). Valid for two years; a refresher course renews it.',
        criteria: { narrative: 'Attend all 16 hours and pass the practical assessment scenarios observed by the trainer.' },
        image: image('first-aid', { base: '#b91c1c', accent: '#fde68a', glyph: 'cross' }, 'First aider badge'),
      },
    },
  }, '2021-05-08T14:00:00Z');
  credentials.push({
    slug: 'first-aid-expired',
    title: 'Workplace First Aider (16-hour course)',
    issuerName: firstAid.name,
    format: 'OB3 eddsa-rdfc-2022',
    url: publish('first-aid-expired', firstAidCred),
    issued: '2021-05-08',
    expires: '2023-05-08',
    expect: 'expired',
    note: 'Genuine, but its validity ended in May 2023 (validUntil in the past).',
  });

  // 6d. Tampered: signed by the university, then the grade was "improved" after signing.
  const statsStyle: BadgeStyle = { base: '#4338ca', accent: '#f472b6', glyph: 'star' };
  const statsSigned = await signWith(uni, uniCourse({
    slug: 'tampered-statistics',
    name: 'Applied Statistics for the Social Sciences (Micro-credential, 4 ECTS)',
    achievement: 'applied-statistics',
    humanCode: 'THD-LLL-STAT-401',
    credits: 4,
    description:
      'Micro-credential, 4 ECTS at EQF level 6: regression, ANOVA and survey data analysis in R. Assessed by a supervised on-site ' +
      'written examination with identity verification.',
    narrative: 'Supervised written examination (90 minutes) on site, identity verified against an official photo ID; pass mark Genügend (4).',
    validFrom: '2024-07-05T09:00:00Z',
    status: 1203,
    style: statsStyle,
    grade: 'Befriedigend (3)',
  }), '2024-07-05T09:00:00Z');
  const tampered = structuredClone(statsSigned) as { credentialSubject: { result: { value: string }[] } } & Json;
  tampered.credentialSubject.result[0]!.value = 'Sehr gut (1)';
  credentials.push({
    slug: 'tampered-statistics',
    title: 'Applied Statistics for the Social Sciences (Micro-credential, 4 ECTS)',
    issuerName: uni.name,
    format: 'OB3 eddsa-rdfc-2022 (edited after signing)',
    url: publish('tampered-statistics', tampered),
    issued: '2024-07-05',
    expect: 'invalid',
    note: 'The grade was changed from "Befriedigend (3)" to "Sehr gut (1)" after the university signed it: the signature no longer matches.',
  });

  // 6e. From an issuer on no trust list: a sound signature, an issuer nobody vouches for.
  const unknownCred = await signWith(unknown, {
    '@context': [VC_V2, OB3_CONTEXT],
    id: uuidFor('unknown-issuer-ai-strategist'),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Certified AI Transformation Strategist',
    issuer: unknown.profile,
    validFrom: '2025-08-30T11:00:00Z',
    credentialSubject: {
      id: learnerDid,
      type: ['AchievementSubject'],
      name: DEMO_PERSON.name,
      identifier: [ownerEmail('unknown-issuer-ai-strategist')],
      achievement: {
        id: `${unknown.url}certificates/ai-transformation-strategist`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Certified AI Transformation Strategist',
        description: 'Self-paced online programme (about 6 hours of video) on AI strategy for managers, with an online multiple-choice quiz.',
        criteria: { narrative: 'Watch all modules and score at least 70 % in the unsupervised online quiz (unlimited attempts).' },
        image: image('unknown-ai-strategist', { base: '#a16207', accent: '#1f2937', glyph: 'star' }, 'AI strategist certificate badge'),
      },
    },
  }, '2025-08-30T11:00:00Z');
  credentials.push({
    slug: 'unknown-issuer-ai-strategist',
    title: 'Certified AI Transformation Strategist',
    issuerName: unknown.name,
    format: 'OB3 eddsa-rdfc-2022',
    url: publish('unknown-issuer-ai-strategist', unknownCred),
    issued: '2025-08-30',
    expect: 'valid',
    note: 'Intact and signed by its issuer, but the issuer is on no trust list: trust "unknown" is shown beside the verdict.',
  });

  // 6f. Issued to someone else: valid, but the recipient is not the profile owner.
  const other = { name: 'Jana Horváthová', email: 'jana.horvathova@example.net' };
  const pythonSigned = await signWith(uni, uniCourse({
    slug: 'other-person-python',
    name: 'Python for Data Analysis (Micro-credential, 3 ECTS)',
    achievement: 'python-data-analysis',
    humanCode: 'THD-LLL-PY-303',
    credits: 3,
    description:
      'Micro-credential, 3 ECTS at EQF level 5: data wrangling and visualisation with Python (pandas, matplotlib). Assessed by a ' +
      'supervised online programming exam with identity verification.',
    narrative: 'Supervised online programming exam (2 hours, remote proctoring with webcam and photo-ID check); pass mark Genügend (4).',
    validFrom: '2025-02-14T09:00:00Z',
    status: 3111,
    style: { base: '#15803d', accent: '#facc15', glyph: 'check' },
    subject: {
      type: ['AchievementSubject'],
      name: other.name,
      identifier: [{ type: 'IdentityObject', identityHash: identityHash(other.email, saltFor('other-person-python')), identityType: 'emailAddress', hashed: true, salt: saltFor('other-person-python') }],
    },
  }), '2025-02-14T09:00:00Z');
  credentials.push({
    slug: 'other-person-python',
    title: 'Python for Data Analysis (Micro-credential, 3 ECTS)',
    issuerName: uni.name,
    format: 'OB3 eddsa-rdfc-2022',
    url: publish('other-person-python', pythonSigned),
    issued: '2025-02-14',
    expect: 'valid',
    note: `Genuine, but awarded to ${other.name} (name and hashed e-mail of someone else), not to the profile owner.`,
  });

  // ---- 7. Europass-style ELM credential --------------------------------------------------------

  credentials.push(elmCredential(origin, issuers, res));

  // ---- the status list, signed once every index is known ---------------------------------------

  const bits = new Uint8Array(STATUS_BITS / 8);
  for (const i of revokedIndexes) bits[i >> 3]! |= 0x80 >> (i & 7);
  const encodedList = 'u' + Buffer.from(gzipSync(bits, { level: 9, mtime: 0 })).toString('base64url');
  const statusList = await signRdfc({
    '@context': [VC_V2],
    id: statusListUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: uni.id,
    validFrom: '2025-11-05T00:00:00Z',
    credentialSubject: { id: `${statusListUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  }, uni.signer!, '2025-11-05T00:00:00Z');
  res.json(pathOf(statusListUrl), statusList, MEDIA.vc);

  const trustList = buildTrustList(issuers);
  res.json('/trust/list.json', trustList, MEDIA.json);
  res.text('/', indexPage(origin, credentials), MEDIA.html);

  return { origin, credentials, resources: res, issuers, trustList, extras: { endorsementUrl, statusListUrl } };

  // ---- helpers that need the closure ---------------------------------------------------------

  /** A university micro-credential of the usual shape (used for the revoked, tampered and other-person ones). */
  function uniCourse(o: {
    slug: string; name: string; achievement: string; humanCode: string; credits: number; description: string; narrative: string;
    validFrom: string; status: number; style: BadgeStyle; grade?: string; subject?: Json;
  }): Json {
    const achievementId = `${uni.url}achievements/${o.achievement}`;
    const subject: Json = o.subject ?? { id: learnerDid, type: ['AchievementSubject'], name: DEMO_PERSON.name, identifier: [ownerEmail(o.slug)] };
    return {
      '@context': [VC_V2, OB3_CONTEXT],
      id: uuidFor(o.slug),
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: o.name,
      issuer: uni.profile,
      validFrom: o.validFrom,
      awardedDate: o.validFrom,
      credentialStatus: statusEntry(o.status),
      credentialSubject: {
        ...subject,
        creditsEarned: o.credits,
        result: [{ type: ['Result'], resultDescription: `${achievementId}#final-grade`, value: o.grade ?? 'Gut (2)' }],
        achievement: {
          id: achievementId,
          type: ['Achievement'],
          achievementType: 'MicroCredential',
          name: o.name.replace(/ \(Micro-credential.*\)$/, ''),
          humanCode: o.humanCode,
          description: o.description,
          criteria: { narrative: o.narrative },
          creditsAvailable: o.credits,
          inLanguage: 'en',
          image: image(o.slug, o.style, `${o.name} badge`),
          resultDescription: [{
            id: `${achievementId}#final-grade`,
            type: ['ResultDescription'],
            name: 'Final grade (Austrian five-point scale)',
            resultType: 'LetterGrade',
            allowedValue: ['Sehr gut (1)', 'Gut (2)', 'Befriedigend (3)', 'Genügend (4)', 'Nicht genügend (5)'],
            requiredValue: 'Genügend (4)',
          }],
        },
      },
    };
  }
}

/**
 * An alignment to an ESCO skill. The ESCO URIs follow ESCO's form (http://data.europa.eu/esco/skill/<uuid>)
 * with UUIDs invented for the demo, like every organisation in it.
 */
function escoSkill(label: string, uuid: string): Json {
  return {
    type: ['Alignment'],
    targetType: 'ceasn:Competency',
    targetName: label,
    targetFramework: 'ESCO (European Skills, Competences, Qualifications and Occupations)',
    targetCode: uuid,
    targetUrl: `http://data.europa.eu/esco/skill/${uuid}`,
  };
}

// ---- Open Badges 2.0 ------------------------------------------------------------------------------

function ob2Credentials(origin: string, issuers: DemoIssuers, res: Resources, keys: DemoKeys): DemoCredential[] {
  const { ob2Hosted: ndl, ob2Signed: vdpo } = issuers;
  const out: DemoCredential[] = [];
  const recipient = (slug: string): Json => ({ type: 'email', hashed: true, salt: saltFor(slug), identity: identityHash(DEMO_PERSON.email, saltFor(slug)) });

  // Netzwerk Digitale Lehre: hosted verification.
  res.json(pathOf(ndl.id), {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: ndl.id,
    name: ndl.name,
    url: ndl.url,
    email: 'badges@digitale-lehre.example',
    telephone: '+4930555012345',
    description: 'Professional association of educators in higher and adult education. Awards portfolio-assessed educator badges; reviewers are trained and calibrated every year.',
  });

  const dpStyle: BadgeStyle = { base: '#7c2d12', accent: '#84cc16', glyph: 'book' };
  const dpBadgeId = `${origin}/ob2/badges/digital-pedagogy-practitioner`;
  const dpImage = `${origin}/ob2/images/digital-pedagogy-practitioner.png`;
  res.bytes(pathOf(dpImage), badgePng(dpStyle), MEDIA.png);
  res.json(pathOf(dpBadgeId), {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: dpBadgeId,
    name: 'Digital Pedagogy Practitioner',
    description:
      'Educator micro-credential for designing, running and evaluating technology-enhanced teaching. Assessed by portfolio: three ' +
      'documented teaching artefacts and a reflective commentary (about 2,000 words), reviewed by a trained reviewer against the ' +
      'published rubric (DigCompEdu areas 2–5). Notional workload about 60 hours.',
    image: dpImage,
    criteria: {
      narrative:
        'Submit a teaching portfolio with (1) a course or session design using digital tools, (2) evidence from running it with ' +
        'learners, and (3) an evaluation with learner feedback, plus a reflective commentary. A trained NDL reviewer assesses it ' +
        'against the five rubric criteria; all five must be met. Reviewers take part in a yearly calibration round.',
    },
    issuer: ndl.id,
    alignment: [
      {
        targetName: 'DigCompEdu 2.2 Creating and modifying digital resources',
        targetUrl: 'https://joint-research-centre.ec.europa.eu/digcompedu_en',
        targetFramework: 'European Framework for the Digital Competence of Educators (DigCompEdu)',
        targetCode: '2.2',
      },
      {
        targetName: 'DigCompEdu 3.1 Teaching',
        targetUrl: 'https://joint-research-centre.ec.europa.eu/digcompedu_en',
        targetFramework: 'European Framework for the Digital Competence of Educators (DigCompEdu)',
        targetCode: '3.1',
      },
    ],
    tags: ['digital pedagogy', 'portfolio assessment', 'DigCompEdu', 'educator'],
  });

  const dpAssertionId = `${origin}/ob2/assertions/educator-digital-pedagogy`;
  const dpBaked = `${origin}/ob2/assertions/educator-digital-pedagogy.png`;
  const dpEvidence = `${origin}/ob2/evidence/educator-digital-pedagogy`;
  const dpAssertion = {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: dpAssertionId,
    recipient: recipient('educator-digital-pedagogy'),
    badge: dpBadgeId,
    verification: { type: 'hosted' },
    issuedOn: '2025-09-12T10:00:00+02:00',
    image: dpBaked,
    narrative: 'Portfolio reviewed on 2 September 2025; all five rubric criteria met, two of them at the "exemplary" level.',
    evidence: [
      {
        id: dpEvidence,
        name: 'Teaching portfolio (three artefacts and a reflective commentary)',
        description: 'Flipped-classroom redesign of a first-year statistics course, with learning-analytics dashboard and learner feedback.',
        narrative: 'Assessed by a trained NDL reviewer (reviewer pool 2025, calibration round 2025/1) against rubric version 2.1.',
        genre: 'Portfolio',
      },
    ],
  };
  res.json(pathOf(dpAssertionId), dpAssertion);
  res.bytes(pathOf(dpBaked), bakePng(badgePng(dpStyle), 'openbadges', JSON.stringify(dpAssertion)), MEDIA.png);
  res.text(pathOf(dpEvidence), page('Teaching portfolio — Digital Pedagogy Practitioner', `<h1>Teaching portfolio</h1>
<p>Evidence for the badge <a href="${esc(dpBadgeId)}">Digital Pedagogy Practitioner</a>: a flipped-classroom redesign of a first-year
statistics course, with a learning-analytics dashboard and learner feedback, and a reflective commentary.</p>
<p>Assessed by a trained reviewer of Netzwerk Digitale Lehre against rubric version 2.1.</p>`), MEDIA.html);
  out.push({
    slug: 'educator-digital-pedagogy',
    title: 'Digital Pedagogy Practitioner',
    issuerName: ndl.name,
    format: 'OB2 hosted + baked PNG',
    url: dpAssertionId,
    imageUrl: dpBaked,
    issued: '2025-09-12',
    expect: 'valid',
    note: 'Educator micro-credential assessed by portfolio and a trained reviewer; hosted Open Badges 2.0 with a hashed e-mail recipient.',
  });

  // A hosted badge the issuer withdrew: its address answers 410 Gone.
  const blBadgeId = `${origin}/ob2/badges/blended-learning-designer`;
  const blImage = `${origin}/ob2/images/blended-learning-designer.png`;
  res.bytes(pathOf(blImage), badgePng({ base: '#6d28d9', accent: '#22d3ee', glyph: 'ring' }), MEDIA.png);
  res.json(pathOf(blBadgeId), {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: blBadgeId,
    name: 'Blended Learning Designer',
    description: 'Educator badge for designing blended courses; assessed by portfolio and a trained reviewer.',
    image: blImage,
    criteria: { narrative: 'Submit a blended course design with a rationale and an evaluation plan; assessed by a trained NDL reviewer.' },
    issuer: ndl.id,
  });
  const blAssertionId = `${origin}/ob2/assertions/educator-blended-learning`;
  res.json(pathOf(blAssertionId), {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: blAssertionId,
    revoked: true,
    revocationReason: 'Awarded in error: the portfolio had not completed review.',
  }, MEDIA.jsonld, 410);
  out.push({
    slug: 'educator-blended-learning-revoked',
    title: 'Blended Learning Designer',
    issuerName: ndl.name,
    format: 'OB2 hosted (HTTP 410)',
    url: blAssertionId,
    issued: '2024-11-20',
    expect: 'revoked',
    note: 'A hosted Open Badges 2.0 award the issuer withdrew: its address answers "410 Gone".',
  });

  // Verband Datenschutzpraxis Österreich: signed verification (RS256), key and revocation list on its profile.
  const keyUrl = `${vdpo.id}/keys/2025`;
  const revocationsUrl = `${vdpo.id}/revocations`;
  res.json(pathOf(vdpo.id), {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: vdpo.id,
    name: vdpo.name,
    url: vdpo.url,
    email: 'zertifizierung@datenschutzpraxis.example',
    description: 'Association of data protection practitioners in Austria. Awards examined GDPR certificates as signed Open Badges.',
    publicKey: keyUrl,
    revocationList: revocationsUrl,
  });
  res.json(pathOf(keyUrl), { '@context': OB2_CONTEXT, type: 'CryptographicKey', id: keyUrl, owner: vdpo.id, publicKeyPem: keys.ob2Rsa.publicKeyPem });
  res.json(pathOf(revocationsUrl), {
    '@context': OB2_CONTEXT,
    type: 'RevocationList',
    id: revocationsUrl,
    issuer: vdpo.id,
    revokedAssertions: [{ id: uuidFor('vdpo-withdrawn-2024-17'), revocationReason: "Withdrawn at the holder's request." }],
  });
  const gdprStyle: BadgeStyle = { base: '#1e40af', accent: '#e5e7eb', glyph: 'check' };
  const gdprBadgeId = `${origin}/ob2/badges/gdpr-practitioner-foundation`;
  const gdprImage = `${origin}/ob2/images/gdpr-practitioner-foundation.png`;
  res.bytes(pathOf(gdprImage), badgePng(gdprStyle), MEDIA.png);
  res.json(pathOf(gdprBadgeId), {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: gdprBadgeId,
    name: 'GDPR Practitioner – Foundation',
    description:
      'Certificate of the Verband Datenschutzpraxis Österreich: applying the GDPR and the Austrian Data Protection Act in ' +
      'organisations (lawful bases, records of processing, data protection impact assessments, data subject requests). ' +
      'Two-day course (16 hours) and a supervised 60-minute written examination.',
    image: gdprImage,
    criteria: { narrative: 'Attend the two-day course and pass the supervised written examination (60 minutes, pass mark 65 %), identity checked at the exam venue.' },
    issuer: vdpo.id,
    tags: ['GDPR', 'data protection', 'DSG'],
  });
  const svgUrl = `${origin}/ob2/signed/gdpr-practitioner.svg`;
  const jwsUrl = `${origin}/ob2/signed/gdpr-practitioner.jws`;
  const signedAssertion = {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: uuidFor('ob2-signed-gdpr-practitioner'),
    recipient: recipient('ob2-signed-gdpr-practitioner'),
    badge: gdprBadgeId,
    verification: { type: 'SignedBadge', creator: keyUrl },
    issuedOn: '2025-05-22T14:30:00+02:00',
    image: svgUrl,
  };
  const jws = signOb2Assertion(signedAssertion, keys.ob2Rsa.privateKey);
  res.text(pathOf(jwsUrl), jws, MEDIA.jose);
  const svg = bakeSvg(badgeSvg(gdprStyle, 'GDPR Practitioner – Foundation', ['GDPR Practitioner', 'Foundation · VDPÖ']), { kind: 'ob2-signed', jws });
  res.text(pathOf(svgUrl), svg, MEDIA.svg);
  out.push({
    slug: 'ob2-signed-gdpr-practitioner',
    title: 'GDPR Practitioner – Foundation',
    issuerName: vdpo.name,
    format: 'OB2 signed RS256 + baked SVG',
    url: jwsUrl,
    imageUrl: svgUrl,
    issued: '2025-05-22',
    expect: 'valid',
    note: "Signed Open Badges 2.0 (RS256 JWS) baked into an SVG; key and revocation list published on the issuer's profile.",
  });
  return out;
}

// ---- Europass-style ELM credential ----------------------------------------------------------------

/**
 * The EU micro-credential with every standard element of Council Recommendation 2022/C 243/02,
 * Annex I, in the structure of the European Learning Model (ELM 3 / European Digital Credentials).
 *
 * Choice: the credential uses ELM's own vocabulary and its real context URL
 * (http://data.europa.eu/snb/model/context/edc-ap), and is signed with eddsa-jcs-2022. JCS hashes
 * the JSON itself, so no JSON-LD context has to be loaded to sign or verify it; CredLens does not
 * bundle the ELM contexts, so an RDFC proof could not be checked (and expressing ELM through
 * OB 3.0 terms would lose the elements ELM names explicitly: supervision and identity
 * verification, form of participation, quality assurance, stackability). The type includes
 * `EuropeanDigitalCredential`, so CredLens reports the format as `elm`.
 *
 * Concept values from EU vocabularies whose identifiers are well known (EQF levels, ISCED-F,
 * countries, languages) use the official IRIs; the others use `urn:credlens-demo:concept:` IRIs
 * with the EU concept scheme named in `inScheme`, rather than guessing official codes.
 */
function elmCredential(origin: string, issuers: DemoIssuers, res: Resources): DemoCredential {
  const { elm, learnerDid } = issuers;
  let n = 0;
  const urn = (what: string) => uuidFor(`elm:${what}:${n++}`);
  const scheme = (id: string) => ({ id, type: 'ConceptScheme' });
  const concept = (id: string, inScheme: string, en: string, extra: Json = {}): Json => ({ id, type: 'Concept', inScheme: scheme(inScheme), prefLabel: { en }, ...extra });
  const demoConcept = (vocab: string, code: string, en: string): Json =>
    concept(`urn:credlens-demo:concept:${vocab}:${code}`, `http://data.europa.eu/snb/${vocab}/25831c2`, en);
  const czechia = concept('http://publications.europa.eu/resource/authority/country/CZE', 'http://publications.europa.eu/resource/authority/country', 'Czechia');
  const english = concept('http://publications.europa.eu/resource/authority/language/ENG', 'http://publications.europa.eu/resource/authority/language', 'English');
  const blended = demoConcept('learning-assessment', 'blended', 'Blended (online and on site)');
  const note = (en: string, noteType?: Json): Json => ({ id: urn('note'), type: 'Note', ...(noteType ? { noteType } : {}), noteLiteral: { en } });

  const awardingBody = {
    id: elm.id,
    type: 'Organisation',
    legalName: { cs: 'Vysoká škola digitálních studií', en: 'College of Digital Studies' },
    location: [{ id: urn('location'), type: 'Location', address: [{ id: urn('address'), type: 'Address', countryCode: czechia, fullAddress: note('Údolní 53, 602 00 Brno, Czechia') }] }],
    homepage: [{ id: urn('web'), type: 'WebResource', contentURL: elm.url }],
    contactPoint: [{ id: urn('contact'), type: 'ContactPoint', emailAddress: [{ id: 'mailto:mikrocertifikaty@vsds.example', type: 'Mailbox' }] }],
    registration: { id: urn('legal-id'), type: 'LegalIdentifier', notation: '70883999', spatial: czechia },
    accreditation: [{
      id: urn('accreditation'),
      type: 'Accreditation',
      dcType: demoConcept('accreditation', 'institutional', 'Institutional accreditation'),
      title: { en: 'Institutional accreditation for study programmes in Education and Informatics' },
      organisation: {
        id: 'urn:credlens-demo:organisation:nau',
        type: 'Organisation',
        legalName: { cs: 'Národní akreditační úřad pro vysoké školství', en: 'National Accreditation Bureau for Higher Education (NAÚ)' },
        location: [{ id: urn('location'), type: 'Location', address: [{ id: urn('address'), type: 'Address', countryCode: czechia }] }],
      },
      decision: demoConcept('accreditation-decision', 'positive', 'Positive decision'),
      issued: '2022-09-01T00:00:00Z',
      expiryDate: '2032-08-31T23:59:59Z',
      report: { id: urn('web'), type: 'WebResource', contentURL: `${elm.url}accreditation` },
    }],
  };

  const awardingDate = '2025-06-30T10:00:00Z';
  const awardingProcess = { id: urn('awarding'), type: 'AwardingProcess', awardingBody: [awardingBody], awardingDate, location: { id: urn('location'), type: 'Location', address: [{ id: urn('address'), type: 'Address', countryCode: czechia }] } };

  const outcome = (en: string, skill: string, uuid: string): Json => ({
    id: urn('outcome'),
    type: 'LearningOutcome',
    title: { en },
    relatedESCOSkill: [concept(`http://data.europa.eu/esco/skill/${uuid}`, 'http://data.europa.eu/esco/concept-scheme/skills', skill)],
  });

  const specification = {
    id: urn('spec'),
    type: 'LearningAchievementSpecification',
    title: { en: 'Learning Analytics for Higher Education', cs: 'Learning analytics ve vysokoškolském vzdělávání' },
    description: { en: 'Micro-credential (4 ECTS, EQF level 7) for university teachers, learning designers and institutional researchers.' },
    learningOutcome: [
      outcome('Select and justify learning-analytics indicators for a study programme, taking data protection and ethics into account.', 'apply data protection principles', '2c9d8e7f-5a4b-4c3d-9e1f-7b6a5c4d3e03'),
      outcome('Analyse learning-management-system data with reproducible scripts and interpret the results critically.', 'perform data mining', 'b7e0b1c3-1f0a-4b4e-9f58-3c1a2c5d6e01'),
      outcome('Evaluate predictive models of student success for accuracy, fairness and usefulness to teachers.', 'use statistical analysis techniques', '6e2b5a4d-9c3f-4e1b-8a7d-0f4c2b1e9d02'),
      outcome('Present analytics findings and recommendations to academic decision makers.', 'present reports', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c04'),
    ],
    volumeOfLearning: 'PT100H',
    creditPoint: [{ id: urn('credit'), type: 'CreditPoint', framework: demoConcept('education-credit', 'ects', 'European Credit Transfer and Accumulation System (ECTS)'), point: '4' }],
    eqfLevel: concept('http://data.europa.eu/snb/eqf/7', 'http://data.europa.eu/snb/eqf/25831c2', 'Level 7'),
    educationSubject: [concept('http://data.europa.eu/snb/isced-f/0111', 'http://data.europa.eu/snb/isced-f/25831c2', 'Education science')],
    mode: [blended],
    learningSetting: demoConcept('learning-setting', 'formal', 'Formal learning'),
    language: [english],
    entryRequirement: note("A bachelor's degree (EQF level 6) in any field and introductory statistics; or three years of teaching experience in higher education."),
    targetGroup: [demoConcept('target-group', 'higher-education-staff', 'Higher education teachers and learning designers')],
    homepage: [{ id: urn('web'), type: 'WebResource', contentURL: `${elm.url}microcredentials/learning-analytics` }],
    additionalNote: [
      note(
        'Stackable: recognised in full as the elective course "Learning Analytics" (4 ECTS) of the Master programme Educational ' +
          'Technology at the awarding institution; can be combined with two further micro-credentials into a Certificate of Advanced Studies.',
        demoConcept('note-type', 'integration-stackability', 'Integration and stackability options'),
      ),
      note(
        'Internal quality assurance of an institution accredited by the National Accreditation Bureau for Higher Education (NAÚ); ' +
          'the micro-credential is part of the institution\'s accredited programme portfolio and is reviewed every year.',
        demoConcept('note-type', 'quality-assurance', 'Type of quality assurance'),
      ),
    ],
  };

  const assessment = {
    id: urn('assessment'),
    type: 'LearningAssessment',
    title: { en: 'Case-study report and online oral examination' },
    awardedBy: awardingProcess,
    grade: note('A — výborně (excellent)'),
    idVerification: demoConcept('supervision-verification', 'supervised-online-id', 'Supervised online, with identity verification'),
    issued: '2025-06-23T12:00:00Z',
    specifiedBy: {
      id: urn('assessment-spec'),
      type: 'LearningAssessmentSpecification',
      title: { en: 'Written case-study report (60 %) and oral defence (40 %)' },
      dcType: demoConcept('assessment', 'written-and-oral', 'Written report and oral examination'),
      mode: [demoConcept('learning-assessment', 'online', 'Online')],
      language: [english],
    },
  };

  const achievement = {
    id: urn('achievement'),
    type: 'LearningAchievement',
    title: { en: 'Learning Analytics for Higher Education' },
    awardedBy: awardingProcess,
    wasDerivedFrom: [assessment],
    wasInfluencedBy: [{
      id: urn('activity'),
      type: 'LearningActivity',
      title: { en: 'Learning Analytics for Higher Education (summer semester 2025)' },
      temporal: { id: urn('period'), type: 'PeriodOfTime', startDate: '2025-02-17T00:00:00Z', endDate: '2025-06-13T00:00:00Z' },
      specifiedBy: { id: urn('activity-spec'), type: 'LearningActivitySpecification', title: { en: 'Blended course: 8 online seminars and 2 on-campus workshops in Brno' }, mode: [blended], volumeOfLearning: 'PT100H', language: [english] },
    }],
    specifiedBy: specification,
  };

  const doc = {
    '@context': [VC_V2, ELM_CONTEXT],
    id: uuidFor('elm-learning-analytics'),
    type: ['VerifiableCredential', 'VerifiableAttestation', 'EuropeanDigitalCredential'],
    credentialSchema: [{ id: 'http://data.europa.eu/snb/model/ap/edc-generic-full', type: 'ShaclValidator2017' }],
    credentialProfiles: [demoConcept('credential', 'micro-credential', 'Micro-credential')],
    // VC 2.0's own `name` / `description` (on the credential and its issuer), beside ELM's title and legalName.
    name: 'Micro-credential: Learning Analytics for Higher Education',
    description: 'European Digital Credential (micro-credential, 4 ECTS, EQF level 7) with all standard elements of Council Recommendation 2022/C 243/02.',
    issuer: { ...awardingBody, name: elm.name },
    validFrom: awardingDate,
    issued: awardingDate,
    credentialSubject: {
      id: learnerDid,
      type: 'Person',
      givenName: { en: 'Amélie' },
      familyName: { en: 'Nováková-Schmidt' },
      fullName: { en: DEMO_PERSON.name },
      contactPoint: [{ id: urn('contact'), type: 'ContactPoint', emailAddress: [{ id: `mailto:${DEMO_PERSON.email}`, type: 'Mailbox' }] }],
      hasClaim: [achievement],
    },
    displayParameter: {
      id: urn('display'),
      type: 'DisplayParameter',
      title: { en: 'Micro-credential: Learning Analytics for Higher Education' },
      primaryLanguage: english,
      language: [english],
    },
  };
  const signed = signJcs(doc, elm.signer!, awardingDate);
  const url = `${origin}/credentials/elm-learning-analytics`;
  res.json(pathOf(url), signed, MEDIA.vc);
  return {
    slug: 'elm-learning-analytics',
    title: 'Micro-credential: Learning Analytics for Higher Education (4 ECTS)',
    issuerName: elm.name,
    format: 'Europass ELM eddsa-jcs-2022',
    url,
    issued: day(awardingDate),
    expect: 'valid',
    note: 'Europass-style (ELM) credential carrying every EU micro-credential standard element explicitly.',
  };
}

function indexPage(origin: string, credentials: DemoCredential[]): string {
  const rows = credentials
    .map((c) => `<tr><td><a href="${esc(c.url)}">${esc(c.title)}</a>${c.imageUrl ? ` · <a href="${esc(c.imageUrl)}">image</a>` : ''}</td><td>${esc(c.issuerName)}</td><td>${esc(c.format)}</td><td>${esc(c.expect)}</td></tr>`)
    .join('\n');
  return page('CredLens demo issuer', `<h1>CredLens demo issuer</h1>
<p>Invented organisations publishing real, signed credentials on <code>${esc(origin)}</code>.
Trust list: <a href="/trust/list.json">/trust/list.json</a> · host DID document: <a href="/.well-known/did.json">/.well-known/did.json</a>
· status list: <a href="/status/1">/status/1</a></p>
<table>
<tr><th>Credential</th><th>Issuer</th><th>Format</th><th>Expected verdict</th></tr>
${rows}
</table>`);
}
