/** Shapes shared by the demo issuer, the demo pages and the demo runner. */
import type { Verdict } from '../sdk/report/types.js';

/** One credential the demo issuer publishes, as the pages link to it. */
export interface DemoCredential {
  /** Stable short name, used in URLs and file names: 'uni-data-literacy', 'webinar', ... */
  slug: string;
  /** What a profile or CV shows as the title. */
  title: string;
  /** The issuing organisation as shown on a profile ("Universität Beispielstadt"). */
  issuerName: string;
  /** Format label for the demo table: 'OB3 eddsa-rdfc-2022', 'VC-JWT ES256', 'OB2 hosted + baked PNG', ... */
  format: string;
  /** The link a recruiter meets on the profile / CV (absolute URL on the demo issuer). */
  url: string;
  /** Baked image URL, when the credential is also published as a badge image. */
  imageUrl?: string;
  /** Issue date, YYYY-MM-DD, as a profile would show it ("Issued Mar 2025"). */
  issued: string;
  /** Expiry date if any. */
  expires?: string;
  /** The verdict CredLens must give (the demo's own test asserts it). */
  expect: Verdict;
  /** One line for people: what this credential demonstrates in the demo. */
  note: string;
}

/** Who the demo profile and CV belong to. */
export const DEMO_PERSON = {
  name: 'Dr. Amélie Nováková-Schmidt',
  headline: 'Data & Learning Analytics Lead · EdTech',
  location: 'Vienna, Austria',
  email: 'amelie.novakova@example.org',
} as const;
