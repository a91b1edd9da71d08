/**
 * Every assumption the content side makes about host pages (LinkedIn and the demo pages that
 * mimic it), in one place. When LinkedIn changes its markup or wording, this is the file to edit.
 *
 * Rule of the house: detection never reads class names (LinkedIn's are hashed and change between
 * builds). It works from link targets, link text, element names and ARIA roles, which LinkedIn
 * keeps stable because screen readers and search engines depend on them.
 */

/** Our own inline badge (DESIGN.md, "Extension test contract"). Anything inside it is ours, never the host's. */
export const BADGE_TAG = 'credlens-badge';

/** Every link on the page, in one query: anchors without an href are LinkedIn's lazy placeholders and cannot be credentials yet. */
export const ANCHOR_SELECTOR = 'a[href]';

/**
 * On LinkedIn pages: the anchors worth looking at. LinkedIn's own links (relative, or absolute on
 * www.linkedin.com) are never credentials except its redirect wrappers and LinkedIn Learning
 * certificates, so the browser's selector engine drops them natively. A profile carries hundreds
 * of internal links; this is most of what keeps a first scan within its time budget.
 */
export const LINKEDIN_PAGE_ANCHOR_SELECTOR = [
  'a[href]:not([href^="/"]):not([href^="#"]):not([href^="https://www.linkedin.com/"]):not([href^="http://www.linkedin.com/"])',
  'a[href^="//"]',
  'a[href*="/redir/redirect"]',
  'a[href*="/safety/go"]',
  'a[href*="/learning/certificates/"]',
].join(', ');

/** Namespace of HTML anchors: `a[href]` also matches SVG `<a>` elements, whose `href` is not a string. */
export const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Cheap substring test run on the raw href before any URL parsing. It must be a superset of what
 * `isCredentialLink` (sdk/input/links.ts) and `resolvePlatform` (sdk/input/platforms.ts) accept:
 * credential-named path segments and hosts (credential, badge, assertion, certificate/certification,
 * certs, achievement, diploma, micro-credential, verify/verification, vc, ob2/ob3/obi), platform page
 * shapes (Coursera `/account/accomplishments/`, Microsoft Learn `/transcript/`), and credential files
 * (.json, .jsonld, .jwt, .jws). Anything that fails it can still be found by its text ("Show credential").
 */
export const HREF_KEYWORDS =
  /credential|badge|assert|certif|certs|achievement|diploma|verif|accomplish|transcript|\.json|\.jw[ts]|\/(?:vcs?|ob[i23])(?:[/?#.;]|$)/i;

/**
 * Absolute LinkedIn URLs (any subdomain: www., de., fr. ... public profiles use country subdomains).
 * Links to LinkedIn itself (profiles /in/x/, /company/x/, hashtags, "Show all 12 licenses &
 * certifications") are never credentials unless they are a redirect wrapper (below) or a LinkedIn
 * Learning certificate (LINKEDIN_CREDENTIAL_PATH).
 */
export const LINKEDIN_ABSOLUTE = /^(?:https?:)?\/\/(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#:]|$)/i;

/** Host names that are LinkedIn (after a URL is parsed). */
export const LINKEDIN_HOST = /(?:^|\.)linkedin\.com\.?$/i;

/**
 * LinkedIn's outbound-link wrappers: `/redir/redirect?url=<encoded>&urlhash=...` (profile links,
 * "Show credential") and `/safety/go?url=<encoded>` (the external-link interstitial, feed posts).
 * They may appear relative ("/redir/redirect?url=...") as well as absolute. The SDK unwraps them
 * (sdk/input/redirect.ts); this is only the cheap "might be a wrapper" test on the raw href.
 */
export const LINKEDIN_WRAPPER_PATH = /^(?:(?:https?:)?\/\/(?:[a-z0-9-]+\.)*linkedin\.com)?\/(?:redir\/redirect|safety\/go)\/?(?:[?#]|$)/i;

/**
 * The wrapped target in a LinkedIn wrapper's query (`url=`), read as a string to decide, before
 * parsing anything, whether the target can be a credential (the SDK does the real unwrapping).
 */
export const WRAPPER_TARGET_PARAM = /[?&]url=([^&#]*)/i;

/** A string that starts like an absolute web URL (what a wrapper's target must be to be unwrapped). */
export const WEB_URL_START = /^[\s\u0000-\u0020]*https?:\/\//i;

/**
 * The only LinkedIn pages that are credentials themselves: LinkedIn Learning certificates
 * (`/learning/certificates/<id>`, a known platform shape in sdk/input/platforms.ts). Every other link
 * to LinkedIn is skipped without parsing.
 */
export const LINKEDIN_CREDENTIAL_PATH = /^(?:(?:https?:)?\/\/(?:[a-z0-9-]+\.)*linkedin\.com)?\/learning\/certificates\//i;

/** An href that is absolute (http(s) or protocol-relative); anything else is relative to the page. */
export const ABSOLUTE_HREF = /^(?:https?:)?\/\//i;

/** hrefs that never lead to a web page: in-page anchors and non-web schemes. */
export const NON_WEB_HREF = /^(?:#|javascript:|mailto:|tel:|sms:|data:|blob:|about:)/i;

/**
 * Visible text of the "Show credential" button on a certification, lower case, white space
 * collapsed. These are LinkedIn UI strings as remembered for several UI languages: CHECK THEM
 * AGAINST THE LIVE SITE when LinkedIn's wording changes (the href rule still finds Credly, Badgr,
 * Accredible ... links whatever the language). A phrase only counts when the link leads off LinkedIn.
 */
export const SHOW_CREDENTIAL_PHRASES: ReadonlySet<string> = new Set([
  // English
  'show credential',
  'see credential',
  'view credential',
  // German
  'nachweis anzeigen',
  'zertifikat anzeigen',
  'referenz anzeigen',
  // French
  'afficher la certification',
  'voir le titre',
  'afficher le titre',
  'voir la certification',
  'afficher l’identifiant',
  "afficher l'identifiant",
  // Spanish and Portuguese
  'mostrar credencial',
  'ver credencial',
  'exibir credencial',
  // Italian
  'mostra credenziale',
  'visualizza credenziale',
  // Dutch
  'referentie weergeven',
  'certificaat weergeven',
]);

/**
 * Cheap prefilter for the phrases: any of them anywhere in a link's raw text (any case, any white
 * space). Built from SHOW_CREDENTIAL_PHRASES, so the two never disagree.
 */
export const SHOW_CREDENTIAL_SUBSTRING = new RegExp(
  [...SHOW_CREDENTIAL_PHRASES].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|'),
  'i',
);

/**
 * The accessible name LinkedIn gives the same button: "Show credential for <title>" (as in the demo
 * pages). Matched by prefix: the phrase, then the end or a space.
 */
export const SHOW_CREDENTIAL_ARIA_PREFIXES: readonly string[] = [...SHOW_CREDENTIAL_PHRASES];

/**
 * Short UI labels that are never a certification's title, lower case: the "Show credential"
 * phrases, the kind label on Featured cards ("Link", "Post", "Document" ...), and list controls.
 * LinkedIn UI strings, English; other languages fall through to the next text, which is harmless.
 */
export const GENERIC_LABELS: ReadonlySet<string> = new Set([
  ...SHOW_CREDENTIAL_PHRASES,
  'link',
  'post',
  'document',
  'media',
  'article',
  'newsletter',
  'image',
  'video',
  'credential',
  'show',
  'view',
  'verify',
  'see more',
  '…see more',
  '...see more',
  'more',
  'show more',
  'show less',
  'edit',
]);

/** "Show all 12 licenses & certifications", "See all ...": list controls, never titles. */
export const GENERIC_LABEL_PATTERN = /^(?:show|see|view) all\b/i;

/** Text that is a bare URL or host ("https://www.credly.com/badges/...", "www.credly.com"): a link, not a title. */
export const URL_LIKE_TEXT = /^(?:https?:\/\/|www\.)\S*$|^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;

/**
 * Elements whose text is not a title: icons (svg, and LinkedIn's initials-in-a-box logos, which carry
 * role="img"), scripts and styles, buttons ("Follow", "Connect"), and form controls.
 */
export const NON_TITLE_ELEMENTS: ReadonlySet<string> = new Set(['svg', 'script', 'style', 'noscript', 'template', 'button', 'select', 'textarea', 'img', 'picture', 'video', 'audio', 'canvas', BADGE_TAG]);

/**
 * ARIA roles whose text is not a title: image-like logos (initials in a box) and buttons rendered
 * as divs. Not role="presentation": layout wrappers carry it, with real text inside.
 */
export const NON_TITLE_ROLES: ReadonlySet<string> = new Set(['img', 'button']);

/**
 * The container of one certification / Featured item: a list item. LinkedIn renders every section
 * (certifications, Featured, the /details/certifications/ page) as `<ul>` of `<li>`, and nests a
 * second list for the sub-components ("Show credential", skills), so the walk goes up through
 * list items until one carries a title.
 */
export const ENTITY_TAG = 'li';

/** Where the walk from a link up to its entity stops: section-level elements hold many entities. */
export const ENTITY_BOUNDARY_TAGS: ReadonlySet<string> = new Set(['section', 'article', 'main', 'aside', 'nav', 'body', 'html']);

/** Headings: a title for a link that sits in a card without a list around it. */
export const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** How many list items the walk passes at most (entity li, then its sub-list li). */
export const MAX_ENTITY_LEVELS = 3;

/** Longest visible text treated as a possible "Show credential" phrase (a whole post is not a button). */
export const MAX_PHRASE_TEXT = 120;

/* ------------------------------------------------------------------------------------------ */
/* Pages                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * Hosts where LinkedIn-shaped pages are scanned automatically: linkedin.com (any subdomain) and,
 * for the demo and e2e builds only, loopback (the demo serves its profile at
 * http://127.0.0.1:<port>/in/<slug>/). Store builds never inject the content script on loopback
 * (wxt.config.ts), so accepting it here changes nothing for them.
 */
export const SCAN_HOSTS: readonly RegExp[] = [LINKEDIN_HOST, /^(?:localhost|127\.0\.0\.1|\[::1\])$/i];

/** A member profile and its sub-pages (/in/<id>/, /in/<id>/details/certifications/, ...). Group 1: the public id. */
export const PROFILE_PATH = /^\/in\/([^/?#]+)\/?/i;

/**
 * A profile page that shows the top card: the root (/in/<id>/) and the dialogs LinkedIn opens over
 * it (/in/<id>/overlay/contact-info/ ...), not the /details/ or /recent-activity/ sub-pages.
 */
export const PROFILE_TOP_CARD_PATH = /^\/in\/[^/?#]+\/?(?:overlay\/[^?#]*)?$/i;

/** The root of a profile itself (/in/<id>/): what a link back to the profile points to. */
export const PROFILE_ROOT_PATH = /^\/in\/[^/?#]+\/?$/i;

/** LinkedIn paths where detection runs on its own: profiles (with /details/...), the feed and single posts. */
export const SCAN_PATHS: readonly RegExp[] = [
  PROFILE_PATH,
  // the home feed and single updates: /feed/, /feed/update/urn:li:activity:.../
  /^\/feed(?:\/|$)/i,
  // a post's public page: /posts/<slug>
  /^\/posts\/[^/]+/i,
];

/**
 * Where the profile owner's name is: the top card's `<h1>` inside `<main>`. Headings in these
 * containers belong to other people ("People also viewed", messaging, dialogs) and are skipped.
 */
export const OWNER_HEADING = 'h1';
export const OWNER_MAIN = 'main, [role="main"]';
export const OWNER_EXCLUDED_CONTAINERS = 'aside, nav, footer, dialog, [role="dialog"], [role="complementary"], [role="navigation"], [aria-modal="true"]';

/** Links that may lead back to a profile (on /details/ pages the owner's name is such a link's text). */
export const PROFILE_LINK_SELECTOR = 'a[href*="/in/"]';

/** A document title like "(3) Jane Doe | LinkedIn": the unread counter and the site name are stripped. */
export const TITLE_COUNTER = /^\(\d+\+?\)\s*/;
export const TITLE_SEPARATOR = /\s+\|\s+/;
export const TITLE_SITE = /^linkedin$/i;

/** Longest text taken as a person's name (a heading longer than this is a sentence). */
export const MAX_NAME_LENGTH = 120;
