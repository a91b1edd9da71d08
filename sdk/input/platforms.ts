/**
 * Platform pages. Links on profiles and CVs mostly point at a platform's public HTML page; this
 * maps each known page shape to the machine-readable URLs behind it, or, where a platform publishes
 * nothing verifiable, to advice a recruiter can act on. Pure URL arithmetic: nothing is fetched.
 *
 * Sources, per platform (see the report in the change note for how sure each one is):
 * - Credly: OBI 2.0 assertion `api.credly.com/v1/obi/v2/badge_assertions/<id>` (Credly OBI
 *   endpoints; the Acclaim-era example in 1EdTech/openbadges-validator-core#33 shows the badge page
 *   and the assertion sharing one id). OB 3.0 ids `www.credly.com/api/v1/obi/v3/open_badge_credentials/<id>`
 *   as seen in real Credly credentials (openwallet-foundation-labs/learner-credential-wallet#649).
 * - Badgr / Canvas Credentials / Parchment Digital Badges: public JSON view `/public/assertions/<id>`
 *   (badgr-server `apps/issuer/public_api_urls.py`: optional `.json` suffix, `?v=2_0`, JSON unless
 *   the Accept header asks for text/html); regional API hosts from developerdocs.instructure.com
 *   ("Environments": api.badgr.io, api.eu/au/ca/sg.badgr.io, api.badges.parchment.com/eu/au/ca/sg).
 * - Accredible: every documented API endpoint needs an API key (accredible/api-documentation
 *   openapi.json), and the OBI assertion id is not the credential.net id, so nothing to fetch.
 * - Open Badge Factory: `openbadgefactory.com/v1/assertion/<40 hex>` with `.json` / `.html` forms,
 *   as they appear in published profiles.
 * - Europass (EDC viewer): share links `.../digital-credentials/viewer/#/shareview/<hash>`; the viewer
 *   downloads the original with `<viewer>/api/v1/sharelinks/<hash>/credential` and the presentation
 *   with `.../presentation` (EDCI viewer source, environment.prod.ts and diploma-toolbar component).
 * - Coursera, edX, Microsoft Learn, LinkedIn Learning: no public verifiable format; page shapes as
 *   they appear in published profiles and portfolios.
 */
import type { PlatformMatch } from './types.js';
import { unwrapRedirect } from './redirect.js';

export { unwrapRedirect } from './redirect.js';

/** Accept header for platform JSON endpoints. */
export const JSON_ACCEPT = 'application/ld+json, application/json;q=0.9';

interface Link {
  url: URL;
  host: string;
  segments: string[];
}

type Rule = (l: Link) => PlatformMatch | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Recognises a platform page (after unwrapping redirect wrappers) and says where its
 * machine-readable data is, or what a person can do instead. Undefined for any other URL.
 */
export function resolvePlatform(url: string): PlatformMatch | undefined {
  let u: URL;
  try {
    u = new URL(unwrapRedirect(url.trim()));
  } catch {
    return undefined;
  }
  return resolvePlatformUrl(u);
}

/** `resolvePlatform` for a URL already parsed and unwrapped (saves parsing it again). */
export function resolvePlatformUrl(u: URL): PlatformMatch | undefined {
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  // Most links are on no platform: one lookup rules them out before any rule runs.
  const rules = RULES_BY_DOMAIN.get(host.slice(host.lastIndexOf('.', host.lastIndexOf('.') - 1) + 1));
  if (rules === undefined) return undefined;
  const link: Link = { url: u, host, segments: u.pathname.split('/').filter((s) => s !== '') };
  for (const rule of rules) {
    const m = rule(link);
    if (m) return m;
  }
  return undefined;
}

const credly: Rule = ({ host, segments: s }) => {
  if (!/^(?:www\.)?(?:credly|youracclaim)\.com$/.test(host)) return undefined;
  let id: string | undefined;
  // /badges/<uuid>, /badges/<uuid>/public_url (also /embed, /linked_in_profile ...)
  if (s[0] === 'badges' && s.length <= 3 && UUID.test(s[1] ?? '')) id = s[1];
  // the earner's own view: /earner/earned/badge/<uuid>
  else if (s[0] === 'earner' && s[1] === 'earned' && s[2] === 'badge' && s.length <= 5 && UUID.test(s[3] ?? '')) id = s[3];
  if (!id) return undefined;
  id = id.toLowerCase();
  return {
    platform: 'Credly',
    verifiable: true,
    candidates: [
      `https://api.credly.com/v1/obi/v2/badge_assertions/${id}`,
      `https://www.credly.com/api/v1/obi/v3/open_badge_credentials/${id}`,
    ],
    accept: JSON_ACCEPT,
    page: `https://www.credly.com/badges/${id}`,
  };
};

/** Badgr-family host → its public API host. */
function badgrApi(host: string): { api: string; platform: string } | undefined {
  let m: RegExpExecArray | null;
  if (/^(?:www\.|api\.)?badgr\.(?:com|io)$/.test(host)) return { api: 'api.badgr.io', platform: 'Canvas Credentials (Badgr)' };
  if ((m = /^(?:api\.)?(eu|au|ca|sg)\.badgr\.(?:com|io)$/.exec(host))) return { api: `api.${m[1]}.badgr.io`, platform: 'Canvas Credentials (Badgr)' };
  if ((m = /^(?:api\.)?(demo|test)\.badgr\.com$/.exec(host))) return { api: `api.${m[1]}.badgr.com`, platform: 'Canvas Credentials (Badgr)' };
  if ((m = /^(?:api\.)?(demo\.|test\.)?badges\.parchment\.(com|eu|au|ca|sg)$/.exec(host))) {
    return { api: `api.${m[1] ?? ''}badges.parchment.${m[2]}`, platform: 'Parchment Digital Badges' };
  }
  return undefined;
}

const badgr: Rule = ({ host, segments: s }) => {
  const b = badgrApi(host);
  if (!b || s.length !== 3 || s[0] !== 'public' || s[1] !== 'assertions') return undefined;
  const id = s[2]!.replace(/\.json$/, '');
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(id)) return undefined;
  const base = `https://${b.api}/public/assertions/${id}`;
  return { platform: b.platform, verifiable: true, candidates: [base, `${base}.json?v=2_0`], accept: JSON_ACCEPT, page: base };
};

const accredible: Rule = ({ host, segments: s }) => {
  if (!/^(?:www\.|eu\.)?credential\.net$/.test(host)) return undefined;
  const id = s[0];
  if (s.length !== 1 || !id || !(/^\d{4,12}$/.test(id) || UUID.test(id))) return undefined;
  return {
    platform: 'Accredible',
    verifiable: false,
    advice:
      'Accredible does not publish this credential in a machine-verifiable form. Open the credential page, use its "Verify Credential" button, and check that the name, the issuing organisation and the dates match the CV.',
    page: `https://www.credential.net/${id}`,
  };
};

const openBadgeFactory: Rule = ({ host, segments: s }) => {
  if (!/^(?:www\.)?openbadgefactory\.com$/.test(host) || s.length !== 3 || s[0] !== 'v1' || s[1] !== 'assertion') return undefined;
  const m = /^([0-9a-f]{40})(?:\.json|\.html)?$/i.exec(s[2]!);
  if (!m) return undefined;
  const hex = m[1]!.toLowerCase();
  return {
    platform: 'Open Badge Factory',
    verifiable: true,
    candidates: [`https://openbadgefactory.com/v1/assertion/${hex}.json`],
    accept: JSON_ACCEPT,
    page: `https://openbadgefactory.com/v1/assertion/${hex}.html`,
  };
};

const europass: Rule = ({ url, host, segments: s }) => {
  if (!/^(?:www\.)?(?:europass\.)?europa\.eu$/.test(host)) return undefined;
  const v = s.findIndex((seg, k) => seg === 'digital-credentials' && s[k + 1] === 'viewer');
  if (v < 0) return undefined;
  const base = `${url.origin}/${s.slice(0, v + 2).join('/')}`;
  const route = url.hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter((x) => x !== '');
  if (route[0] === 'shareview' && /^[A-Za-z0-9_-]{6,200}$/.test(route[1] ?? '')) {
    const hash = route[1]!;
    return {
      platform: 'Europass',
      verifiable: true,
      candidates: [`${base}/api/v1/sharelinks/${hash}/credential`, `${base}/api/v1/sharelinks/${hash}/presentation`],
      accept: 'application/ld+json, application/json;q=0.9, application/octet-stream;q=0.5',
      page: `${base}/#/shareview/${hash}`,
    };
  }
  return {
    platform: 'Europass',
    verifiable: false,
    advice:
      'This Europass viewer link is not a share link, so only its owner can open the credential. Ask the candidate for a Europass share link or for the credential file itself.',
    page: url.href,
  };
};

const coursera: Rule = ({ host, segments: s }) => {
  if (!/^(?:www\.)?coursera\.org$/.test(host)) return undefined;
  const ID = /^[A-Za-z0-9]{6,32}$/;
  let kind: 'course' | 'specialization' | 'professional-cert' | undefined;
  let id: string | undefined;
  const typed = (k: string | undefined) => (k === 'specialization' || k === 'professional-cert' ? k : undefined);
  if (s[0] === 'verify') {
    // /verify/<ID>, /verify/specialization/<ID>, /verify/professional-cert/<ID>
    kind = typed(s[1]) ?? 'course';
    id = kind === 'course' ? s[1] : s[2];
    if (s.length !== (kind === 'course' ? 2 : 3)) id = undefined;
  } else if (s[0] === 'account' && s[1] === 'accomplishments') {
    // /account/accomplishments/{verify|certificate|specialization|professional-cert}[/certificate]/<ID>
    const rest = s.slice(2);
    kind = typed(rest[0]) ?? (rest[0] === 'verify' || rest[0] === 'certificate' ? 'course' : undefined);
    const tail = rest[1] === 'certificate' ? rest.slice(2) : rest.slice(1);
    if (kind && tail.length === 1) id = tail[0];
  }
  if (!kind || !id || !ID.test(id)) return undefined;
  const path = kind === 'course' ? `verify/${id}` : `verify/${kind}/${id}`;
  return {
    platform: 'Coursera',
    verifiable: false,
    advice:
      "Coursera certificates are not published in a machine-verifiable form. Open Coursera's verification page and check that the learner's name, the course and the completion date match the CV.",
    page: `https://www.coursera.org/${path}`,
  };
};

const edx: Rule = ({ host, segments: s }) => {
  const credentials = host === 'credentials.edx.org' && s[0] === 'credentials';
  const courses = host === 'courses.edx.org' && s[0] === 'certificates';
  if (!(credentials || courses) || s.length !== 2 || !/^[0-9a-f]{32}$/i.test(s[1]!)) return undefined;
  return {
    platform: 'edX',
    verifiable: false,
    advice:
      'edX certificates are not published in a machine-verifiable form. Open the certificate on the edX site and check that the name, the course and the date match the CV.',
    page: `https://${host}/${s[0]}/${s[1]!.toLowerCase()}/`,
  };
};

const microsoftLearn: Rule = ({ url, host, segments: s }) => {
  if (host !== 'learn.microsoft.com') return undefined;
  const LOCALE = /^[a-z]{2}(?:-[a-z]{2,4})?$/i;
  const ID = /^[A-Za-z0-9-]{4,64}$/;
  let transcript = false;
  if (s[0] === 'api' && s[1] === 'credentials' && s[2] === 'share') {
    // /api/credentials/share/<locale>/<user>/<ID>?sharingId=<ID>
    if (s.length !== 6 || !LOCALE.test(s[3]!) || !ID.test(s[5]!)) return undefined;
  } else {
    // /[<locale>/]users/<user>/{credentials|transcript}/<ID>
    const rest = LOCALE.test(s[0] ?? '') && s[1] === 'users' ? s.slice(1) : s;
    if (rest.length !== 4 || rest[0] !== 'users' || !(rest[2] === 'credentials' || rest[2] === 'transcript') || !ID.test(rest[3]!)) {
      return undefined;
    }
    transcript = rest[2] === 'transcript';
  }
  return {
    platform: 'Microsoft Learn',
    verifiable: false,
    advice: transcript
      ? 'This is a Microsoft Learn transcript. Microsoft does not publish it in a machine-verifiable form; open it on Microsoft Learn (Microsoft\'s own record) and check the name and the certifications listed, with their dates.'
      : "Microsoft does not publish this certification in a machine-verifiable form. Open it on Microsoft Learn (Microsoft's own record) and check the name, the certification and its dates, and that it is shown as active rather than expired.",
    page: url.href,
  };
};

const linkedInLearning: Rule = ({ host, segments: s }) => {
  if (!/^(?:[a-z]{2,3}\.|www\.)?linkedin\.com$/.test(host)) return undefined;
  if (s.length !== 3 || s[0] !== 'learning' || s[1] !== 'certificates' || !/^[A-Za-z0-9_-]{6,128}$/.test(s[2]!)) return undefined;
  return {
    platform: 'LinkedIn Learning',
    verifiable: false,
    advice:
      'LinkedIn Learning certificates record course completion only and carry no verifiable data. Open the certificate on LinkedIn, check the name and the course, and treat it as completed training, not an assessed qualification.',
    page: `https://www.linkedin.com/learning/certificates/${s[2]}`,
  };
};

/**
 * The rules, each with the registrable domains (last two labels) of every host it accepts. A link
 * is tested only by the rules of its own domain; a rule's host test must stay within its domains
 * (each rule's example URLs in tests/unit/input-platforms.test.ts would fail otherwise).
 */
const RULES: readonly { domains: readonly string[]; rule: Rule }[] = [
  { domains: ['credly.com', 'youracclaim.com'], rule: credly },
  { domains: ['badgr.com', 'badgr.io', 'parchment.com', 'parchment.eu', 'parchment.au', 'parchment.ca', 'parchment.sg'], rule: badgr },
  { domains: ['credential.net'], rule: accredible },
  { domains: ['openbadgefactory.com'], rule: openBadgeFactory },
  { domains: ['europa.eu'], rule: europass },
  { domains: ['coursera.org'], rule: coursera },
  { domains: ['edx.org'], rule: edx },
  { domains: ['microsoft.com'], rule: microsoftLearn },
  { domains: ['linkedin.com'], rule: linkedInLearning },
];

const RULES_BY_DOMAIN = new Map<string, Rule[]>();
for (const { domains, rule } of RULES) for (const d of domains) RULES_BY_DOMAIN.set(d, [...(RULES_BY_DOMAIN.get(d) ?? []), rule]);
