/**
 * What the demo person's CV and profile say, once, so the profile, the HTML, PDF and DOCX CVs
 * tell the same (invented) story. Every organisation here is made up.
 */
import type { DemoCredential } from '../types.js';
import { type DemoPerson, issuedLine, monthYear, slugify } from './html.js';

export interface CvJob {
  role: string;
  org: string;
  place: string;
  from: string;
  to: string;
  kind: string;
  bullets: string[];
}

export interface CvSchool {
  degree: string;
  school: string;
  from: string;
  to: string;
  detail: string;
}

export interface CvCertification {
  title: string;
  issuer: string;
  /** "Issued Mar 2025 · Expires Mar 2027" */
  dates: string;
  issued: string;
  url: string;
  imageUrl?: string;
}

export interface CvModel {
  person: DemoPerson;
  /** The person's (LinkedIn-style) profile URL, shown in the CV header; not a credential. */
  profileUrl?: string;
  summary: string;
  jobs: CvJob[];
  schools: CvSchool[];
  certifications: CvCertification[];
  skills: string[];
  languages: string[];
}

/** Options every CV generator takes. */
export interface CvOptions {
  /** Profile link in the CV header (default: a LinkedIn profile URL for the person; '' for none). */
  profileUrl?: string;
  /** The instant expiry wording is computed against ("Expired" vs "Expires"); default: none. */
  now?: Date;
}

export const SUMMARY =
  'Learning-analytics lead who turns assessment and learning data into decisions universities can defend. ' +
  'Ten years across research, public education data and EdTech; runs the credential programme behind ' +
  'twelve stackable micro-credentials and cares that each one says what was assessed, how, and by whom.';

export const JOBS: CvJob[] = [
  {
    role: 'Data & Learning Analytics Lead',
    org: 'Lernwerk EdTech GmbH',
    place: 'Vienna, Austria',
    from: '2022-01',
    to: 'Present',
    kind: 'Full-time',
    bullets: [
      'Leads a team of six data engineers and learning scientists serving 40 partner universities.',
      'Introduced Open Badges 3.0 credentials for twelve micro-credential programmes (ECTS, EQF level, assessment type).',
      'Cut time-to-insight for course teams from weeks to a day with a governed analytics layer (GDPR by design).',
    ],
  },
  {
    role: 'Senior Data Analyst',
    org: 'Institut für Bildungsdaten (IBD)',
    place: 'Graz, Austria',
    from: '2018-03',
    to: '2021-12',
    kind: 'Full-time',
    bullets: [
      'Built the national dropout early-warning model used by 19 higher-education institutions.',
      'Wrote the institute’s data-quality standard for learning-record exchange.',
    ],
  },
  {
    role: 'Research Assistant, Learning Sciences',
    org: 'Universität Beispielstadt',
    place: 'Beispielstadt, Austria',
    from: '2015-10',
    to: '2018-02',
    kind: 'Part-time',
    bullets: ['Designed and analysed a 3-year study on formative feedback in large online courses.'],
  },
];

export const SCHOOLS: CvSchool[] = [
  {
    degree: 'Doctor of Natural Sciences (Dr. rer. nat.), Educational Data Science',
    school: 'Universität Beispielstadt',
    from: '2015',
    to: '2019',
    detail: 'Thesis: Evidence of learning in stackable micro-credentials.',
  },
  {
    degree: 'MSc Statistics',
    school: 'Masaryk-Kolleg Brno',
    from: '2013',
    to: '2015',
    detail: 'Graduated with distinction.',
  },
];

export const SKILLS = ['Learning analytics', 'Python', 'R', 'SQL', 'Open Badges & Verifiable Credentials', 'Psychometrics', 'Data governance (GDPR)', 'Team leadership'];
export const LANGUAGES = ['Czech (native)', 'German (C2)', 'English (C1)', 'French (B1)'];

/** "2022-01" → "Jan 2022"; "Present" stays. */
export function period(from: string, to: string): string {
  const f = /^\d{4}-\d{2}/.test(from) ? monthYear(from) : from;
  const t = /^\d{4}-\d{2}/.test(to) ? monthYear(to) : to;
  return `${f} – ${t}`;
}

/** The default profile URL shown in a CV header. */
export function defaultProfileUrl(person: DemoPerson): string {
  return `https://www.linkedin.com/in/${slugify(person.name)}`;
}

/** A URL as browsers and extractors will see it (URL.href), or as given when it does not parse. */
function normalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** Builds the CV content for a person and their credentials. */
export function cvModel(person: DemoPerson, credentials: DemoCredential[], opts: CvOptions = {}): CvModel {
  const profileUrl = opts.profileUrl === undefined ? defaultProfileUrl(person) : opts.profileUrl;
  return {
    person,
    ...(profileUrl ? { profileUrl } : {}),
    summary: SUMMARY,
    jobs: JOBS,
    schools: SCHOOLS,
    certifications: credentials.map((c) => ({
      title: c.title,
      issuer: c.issuerName,
      dates: issuedLine(c, opts.now),
      issued: monthYear(c.issued),
      url: normalUrl(c.url),
      ...(c.imageUrl ? { imageUrl: c.imageUrl } : {}),
    })),
    skills: SKILLS,
    languages: LANGUAGES,
  };
}
