/**
 * The invented issuers of the demo, their identifiers and the DID documents that publish their keys.
 *
 * - The host's own DID, `did:web:localhost%3A<port>` (document at `/.well-known/did.json`), belongs
 *   to the vendor Nimbus Data Systems: it publishes the P-256 key of its VC-JWT certifications.
 * - Path-based did:web issuers, `did:web:localhost%3A<port>:issuers:<slug>` (document at
 *   `/issuers/<slug>/did.json`): one Multikey (Ed25519, `publicKeyMultibase`) listed under
 *   assertionMethod, controlled by the DID itself.
 * - One did:key issuer (the webinar platform), whose key is its identifier.
 * - Two Open Badges 2.0 issuers, identified by http URLs on the demo host (their profiles are part
 *   of the OB 2.0 graph, see credentials.ts).
 */
import { didKeyOf, type DemoKeys, type Ed25519KeyName } from './keys.js';
import { MEDIA, Resources, esc, page } from './resources.js';
import type { DiSigner, Json } from './sign.js';

/** What kind of organisation an issuer is (the trust list uses the same words). */
export type IssuerKind = 'university' | 'professional-body' | 'company' | 'platform' | 'qa-agency';

/** One invented issuer. */
export interface DemoIssuer {
  /** Short name used in paths: `th-donaustadt`. */
  slug: string;
  /** DID (OB3 / VC issuers) or profile URL (OB2 issuers). */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  country: string;
  locality: string;
  /** Homepage on the demo host. */
  url: string;
  kind: IssuerKind;
  /** One sentence for people (issuer page, trust list). */
  about: string;
  /** Data Integrity signer (Ed25519 issuers only). */
  signer?: DiSigner;
  /** The OB 3.0 Profile object credentials embed as `issuer` (VC issuers only). */
  profile?: Json;
}

/** Every issuer of the demo, by role. */
export interface DemoIssuers {
  hostDid: string;
  university: DemoIssuer;
  qaAgency: DemoIssuer;
  vendor: DemoIssuer & { kid: string };
  webinar: DemoIssuer;
  firstAid: DemoIssuer;
  bootcamp: DemoIssuer;
  unknown: DemoIssuer;
  elm: DemoIssuer;
  ob2Hosted: DemoIssuer;
  ob2Signed: DemoIssuer;
  /** The demo person's wallet DID (did:key): the subject id of her OB3 / VC credentials. */
  learnerDid: string;
}

const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
// JsonWebKey verification methods (W3C Controlled Identifiers 1.0). CredLens reads DID documents as
// JSON, not JSON-LD, so this context need not be bundled.
const JWK_CONTEXT = 'https://w3id.org/security/jwk/v1';

/** `did:web:localhost%3A<port>`: the demo host's own DID. */
export function hostDidOf(port: number): string {
  return `did:web:localhost%3A${port}`;
}

interface Spec {
  slug: string;
  /** The Ed25519 key that signs its Data Integrity proofs (path-based did:web issuers). */
  key?: Ed25519KeyName;
  name: string;
  countryCode: string;
  country: string;
  locality: string;
  postalCode: string;
  street: string;
  email: string;
  phone?: string;
  kind: IssuerKind;
  about: string;
  /** Extra members of the OB 3.0 Profile (description, otherIdentifier, ...). */
  extra?: Json;
}

/** Builds the issuers for a demo served at `origin` (http://localhost:<port>) and adds their DID documents to `res`. */
export function makeIssuers(origin: string, port: number, keys: DemoKeys, res: Resources): DemoIssuers {
  const hostDid = hostDidOf(port);

  const pathIssuer = (s: Spec): DemoIssuer => {
    const did = `${hostDid}:issuers:${s.slug}`;
    const vm = `${did}#key-1`;
    const key = keys.ed25519[s.key!];
    res.json(`/issuers/${s.slug}/did.json`, {
      '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
      id: did,
      verificationMethod: [{ id: vm, type: 'Multikey', controller: did, publicKeyMultibase: key.multibase }],
      authentication: [vm],
      assertionMethod: [vm],
    }, MEDIA.did);
    return issuerOf(s, did, `${origin}/issuers/${s.slug}/`, { privateKey: key.privateKey, verificationMethod: vm });
  };

  const university = pathIssuer({
    slug: 'th-donaustadt',
    key: 'university',
    name: 'Technische Hochschule Donaustadt',
    countryCode: 'AT',
    country: 'Austria',
    locality: 'Wien',
    postalCode: '1220',
    street: 'Hochschulplatz 1',
    email: 'microcredentials@th-donaustadt.example',
    phone: '+43 1 2345 6700',
    kind: 'university',
    about: 'Public university of applied sciences in Vienna; institutionally accredited by Qualitätsagentur Alpenraum (QAA-AR).',
    extra: {
      description:
        'Public university of applied sciences in Vienna, Austria (founded 1994). Institutionally accredited by Qualitätsagentur Alpenraum ' +
        '(QAA-AR), audit decision QAA-AR/IA/2023/017 of 14 March 2023, valid until 13 March 2030; listed in DEQAR. ' +
        'Micro-credentials are issued by its Centre for Lifelong Learning under the quality assurance of the institution.',
      otherIdentifier: [
        { type: ['IdentifierEntry'], identifier: 'DEQARINST0999', identifierType: 'identifier' },
        { type: ['IdentifierEntry'], identifier: 'A WIEN77', identifierType: 'ext:ErasmusCode' },
      ],
    },
  });

  const qaAgency = pathIssuer({
    slug: 'qaa-ar',
    key: 'qa-agency',
    name: 'Qualitätsagentur Alpenraum (QAA-AR)',
    countryCode: 'AT',
    country: 'Austria',
    locality: 'Graz',
    postalCode: '8010',
    street: 'Qualitätsgasse 4',
    email: 'office@qaa-ar.example',
    kind: 'qa-agency',
    about: 'Independent quality assurance and accreditation agency for higher education; registered in EQAR.',
    extra: {
      description:
        'Independent agency for quality assurance and accreditation in higher education, registered in the European Quality Assurance ' +
        'Register for Higher Education (EQAR) and working to the ESG 2015. Reviews institutions and their micro-credential portfolios.',
      otherIdentifier: [{ type: ['IdentifierEntry'], identifier: 'EQAR-A-0999', identifierType: 'identifier' }],
    },
  });

  const firstAid = pathIssuer({
    slug: 'erste-hilfe-akademie',
    key: 'first-aid',
    name: 'Erste-Hilfe-Akademie Wien',
    countryCode: 'AT',
    country: 'Austria',
    locality: 'Wien',
    postalCode: '1030',
    street: 'Rettungsweg 12',
    email: 'kurse@erste-hilfe-akademie.example',
    kind: 'professional-body',
    about: 'Training provider for workplace first aid, recognised under the Austrian workplace safety regulations.',
    extra: { description: 'Training provider for workplace first aid (16-hour courses with practical assessment), refresher courses every two years.' },
  });

  const bootcamp = pathIssuer({
    slug: 'codefjord',
    key: 'bootcamp',
    name: 'CodeFjord Academy AS',
    countryCode: 'NO',
    country: 'Norway',
    locality: 'Bergen',
    postalCode: '5003',
    street: 'Bryggen 9',
    email: 'graduates@codefjord.example',
    kind: 'company',
    about: 'Private coding bootcamp; publishes a 1EdTech revocation list for the credentials it awards.',
    extra: { description: '12-week full-time coding bootcamps (full-stack JavaScript, data engineering), with an assessed capstone project.' },
  });

  const unknown = pathIssuer({
    slug: 'gidl',
    key: 'unknown',
    name: 'Global Institute for Digital Leadership',
    countryCode: 'GB',
    country: 'United Kingdom',
    locality: 'London',
    postalCode: 'EC1V 2NX',
    street: '71-75 Shelton Street',
    email: 'certificates@gidl.example',
    kind: 'company',
    about: 'Online certification provider; on no trust list the demo knows.',
    extra: { description: 'Online executive certificates in digital transformation and AI strategy.' },
  });

  const elm = pathIssuer({
    slug: 'vsds-brno',
    key: 'elm',
    name: 'Vysoká škola digitálních studií',
    countryCode: 'CZ',
    country: 'Czechia',
    locality: 'Brno',
    postalCode: '602 00',
    street: 'Údolní 53',
    email: 'mikrocertifikaty@vsds.example',
    kind: 'university',
    about: 'Private higher education institution in Brno; institutional accreditation by the Czech National Accreditation Bureau (NAÚ).',
  });

  // The webinar platform signs with a did:key: the key is the identifier, nothing is published.
  const webinarKey = keys.ed25519.webinar;
  const webinarDid = didKeyOf(webinarKey);
  const webinar = issuerOf(
    {
      slug: 'learnloop',
      key: 'webinar',
      name: 'LearnLoop Live',
      countryCode: 'IE',
      country: 'Ireland',
      locality: 'Dublin',
      postalCode: 'D02 X285',
      street: '1 Grand Canal Quay',
      email: 'badges@learnloop.example',
      kind: 'platform',
      about: 'Webinar and live-event platform; awards participation badges to registered attendees.',
      extra: { description: 'Webinar platform for educators; badges record attendance, not assessed learning.' },
    },
    webinarDid,
    `${origin}/issuers/learnloop/`,
    { privateKey: webinarKey.privateKey, verificationMethod: `${webinarDid}#${webinarKey.multibase}` },
  );

  // The vendor lives at the host's own did:web, with a P-256 key for its JWT certifications.
  const kid = `${hostDid}#es256-2025`;
  res.json('/.well-known/did.json', {
    '@context': [DID_CONTEXT, JWK_CONTEXT],
    id: hostDid,
    verificationMethod: [{ id: kid, type: 'JsonWebKey', controller: hostDid, publicKeyJwk: keys.vendorEs256.jwk }],
    assertionMethod: [kid],
  }, MEDIA.did);
  const vendor = {
    ...issuerOf(
      {
        slug: 'nimbus',
        name: 'Nimbus Data Systems, Inc.',
        countryCode: 'US',
        country: 'United States',
        locality: 'Seattle, WA',
        postalCode: '98104',
        street: '400 Pine Ledge Avenue',
        email: 'certification@nimbus-data.example',
        kind: 'company',
        about: 'Cloud data platform vendor; runs a proctored certification programme for its products.',
        extra: { description: 'Cloud data platform vendor. Certifications are earned in proctored exams (online or at test centres) and expire after three years.' },
      },
      hostDid,
      `${origin}/issuers/nimbus/`,
      undefined,
    ),
    kid,
  };

  const ob2Hosted: DemoIssuer = {
    slug: 'ndl',
    id: `${origin}/ob2/issuers/ndl`,
    name: 'Netzwerk Digitale Lehre e.V.',
    countryCode: 'DE',
    country: 'Germany',
    locality: 'Berlin',
    url: `${origin}/issuers/ndl/`,
    kind: 'professional-body',
    about: 'Professional association of university and school educators; portfolio-assessed educator badges (Open Badges 2.0, hosted).',
  };
  const ob2Signed: DemoIssuer = {
    slug: 'vdpo',
    id: `${origin}/ob2/issuers/vdpo`,
    name: 'Verband Datenschutzpraxis Österreich',
    countryCode: 'AT',
    country: 'Austria',
    locality: 'Linz',
    url: `${origin}/issuers/vdpo/`,
    kind: 'professional-body',
    about: 'Association of data protection practitioners; examined GDPR certificates (Open Badges 2.0, signed).',
  };

  const all = [university, qaAgency, vendor, webinar, firstAid, bootcamp, unknown, elm, ob2Hosted, ob2Signed];
  for (const i of all) res.text(new URL(i.url).pathname, issuerPage(i), MEDIA.html);

  return {
    hostDid,
    university,
    qaAgency,
    vendor,
    webinar,
    firstAid,
    bootcamp,
    unknown,
    elm,
    ob2Hosted,
    ob2Signed,
    learnerDid: didKeyOf(keys.ed25519.learner),
  };
}

function issuerOf(s: Spec, id: string, url: string, signer: DiSigner | undefined): DemoIssuer {
  const profile: Json = {
    id,
    type: ['Profile'],
    name: s.name,
    url,
    email: s.email,
    ...(s.phone ? { phone: s.phone } : {}),
    address: {
      type: ['Address'],
      addressCountry: s.country,
      addressCountryCode: s.countryCode,
      addressLocality: s.locality,
      postalCode: s.postalCode,
      streetAddress: s.street,
    },
    ...s.extra,
  };
  return {
    slug: s.slug,
    id,
    name: s.name,
    countryCode: s.countryCode,
    country: s.country,
    locality: s.locality,
    url,
    kind: s.kind,
    about: s.about,
    ...(signer ? { signer } : {}),
    profile,
  };
}

function issuerPage(i: DemoIssuer): string {
  return page(i.name, `<h1>${esc(i.name)}</h1>
<p>${esc(i.about)}</p>
<table>
<tr><th>Identifier</th><td><code>${esc(i.id)}</code></td></tr>
<tr><th>Country</th><td>${esc(i.country)} (${esc(i.countryCode)}), ${esc(i.locality)}</td></tr>
<tr><th>Kind</th><td>${esc(i.kind)}</td></tr>
</table>
<p><small>An invented organisation of the CredLens demo.</small></p>`);
}
