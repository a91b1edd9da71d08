/**
 * A LinkedIn-like profile page, the page a recruiter looks at. The markup follows LinkedIn's own
 * profile DOM (as saved from real profiles in 2024/2025): `<section>` cards with an `<h2>` heading,
 * list items built from a `data-view-name="profile-component-entity"` block (logo link, bold
 * title, issuer, a light "Issued … · Expires …" caption and "Credential ID …"), text doubled into an
 * `aria-hidden` span and a visually hidden span, and a "Show credential" button link with
 * `aria-label="Show credential for <title>"`; outbound links are wrapped as
 * `https://www.linkedin.com/redir/redirect?url=<encoded>&urlhash=…&trk=…`.
 *
 * Two layouts:
 * - `renderProfile`: the newer one. Every class name is an opaque hash (seeded, so tests can vary
 *   them), no section ids: detection has to work from link targets and text. The certifications
 *   section is lazy: a skeleton first, the real section inserted by a small inline script after a
 *   short delay or on the first scroll (so the extension's MutationObserver path runs).
 * - `renderProfileClassic`: the older one, with `#licenses_and_certifications` style anchors and
 *   `pvs-` / `artdeco-` classes beside the hashed ones, rendered statically (for unit tests).
 *
 * No external assets, no inline event handlers; every credential value is escaped.
 */
import { DEMO_PERSON, type DemoCredential } from '../types.js';
import { JOBS, LANGUAGES, SCHOOLS, SKILLS, SUMMARY, period } from './cv-content.js';
import {
  SYSTEM_FONTS,
  colourFor,
  credentialId,
  escapeHtml,
  initials,
  issuedLine,
  linkedinRedirect,
  rng,
  safeHref,
  slugify,
  type DemoPerson,
} from './html.js';

/** Options for the profile pages. */
export interface ProfileOptions {
  /** Load the certifications section lazily (default true for `renderProfile`, false for the classic one). */
  lazy?: boolean;
  /** Delay before the lazy section appears without scrolling, in ms (default 800; a negative value waits for a scroll). */
  lazyDelayMs?: number;
  /** Wrap outbound links in LinkedIn's `/redir/redirect?url=` (default true). */
  wrapLinks?: boolean;
  /** Also link each certification's title block to the credential, as LinkedIn does (default true). */
  titleLinks?: boolean;
  /** Slugs of credentials shown in Featured (default: the first credential). Featured links are not wrapped. */
  featured?: string[];
  /** Seed for the hashed class names (default 'credlens'). */
  classSeed?: string;
  /** The instant "Expires" / "Expired" is computed against (default: none, always "Expires"). */
  now?: Date;
  /** The public profile path shown in the side rail (default /in/<slug of the name>). */
  profilePath?: string;
}

type Layout = 'hashed' | 'classic';

/** The newer LinkedIn profile layout: hashed classes only, lazily loaded certifications. */
export function renderProfile(person: DemoPerson = DEMO_PERSON, credentials: DemoCredential[] = [], opts: ProfileOptions = {}): string {
  return render(person, credentials, { lazy: true, ...opts }, 'hashed');
}

/** The older layout with `id` anchors (`#licenses_and_certifications`) and `pvs-` classes, static by default. */
export function renderProfileClassic(person: DemoPerson = DEMO_PERSON, credentials: DemoCredential[] = [], opts: ProfileOptions = {}): string {
  return render(person, credentials, { lazy: false, ...opts }, 'classic');
}

/* ------------------------------------------------------------------------------------------ */

/** LinkedIn's own class names for the classic layout, by role. */
const CLASSIC: Record<string, string> = {
  card: 'artdeco-card pv-profile-card break-words mt2',
  topCard: 'artdeco-card pv-top-card',
  anchor: 'pv-profile-card__anchor',
  header: 'pvs-header__container',
  h2: 'pvs-header__title text-heading-large',
  listOuter: 'pvs-list__outer-container',
  list: 'pvs-list',
  item: 'artdeco-list__item pvs-list__paged-list-item',
  entity: 'pvs-entity pvs-entity--padded',
  logoLink: 'optional-action-target-wrapper display-flex',
  entityLink: 'optional-action-target-wrapper display-flex flex-column full-width',
  entityBox: 'display-flex flex-column full-width',
  bold: 'display-flex align-items-center mr1 t-bold',
  t14: 't-14 t-normal',
  light: 't-14 t-normal t-black--light',
  caption: 'pvs-entity__caption-wrapper',
  sub: 'pvs-entity__sub-components',
  action: 'pv-action pv-action__padding',
  btn: 'optional-action-target-wrapper artdeco-button artdeco-button--secondary artdeco-button--standard artdeco-button--2 artdeco-button--muted',
  btnText: 'pvs-navigation__text',
  vh: 'visually-hidden',
  h1: 'text-heading-xlarge inline t-24 v-align-middle break-words',
  headline: 'text-body-medium break-words',
  location: 'text-body-small inline t-black--light break-words',
  logo: 'ivm-view-attr__img-wrapper',
};

interface Ctx {
  layout: Layout;
  /** Class attribute value for a role. */
  c: (role: string) => string;
  /** CSS selector for a role. */
  s: (role: string) => string;
  nextId: () => string;
  wrap: (url: string, trk?: string) => string;
  now: Date | undefined;
}

function makeCtx(layout: Layout, opts: ProfileOptions): Ctx {
  const seed = opts.classSeed ?? 'credlens';
  const cache = new Map<string, string>();
  const hashed = (role: string): string => {
    let h = cache.get(role);
    if (h === undefined) {
      const r = rng(`${seed}:${role}`);
      const len = 26 + Math.floor(r() * 14);
      h = '';
      for (let i = 0; i < len; i++) h += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(r() * 52)];
      cache.set(role, h);
    }
    return h;
  };
  let id = 30 + Math.floor(rng(seed)() * 40);
  const wrapLinks = opts.wrapLinks ?? true;
  return {
    layout,
    c: (role) => (layout === 'classic' && CLASSIC[role] ? `${CLASSIC[role]} ${hashed(role)}` : hashed(role)),
    s: (role) => `.${hashed(role)}`,
    nextId: () => `ember${id++}`,
    wrap: (url, trk) => (wrapLinks ? linkedinRedirect(url, trk) : url),
    now: opts.now,
  };
}

function render(person: DemoPerson, credentials: DemoCredential[], opts: ProfileOptions, layout: Layout): string {
  const x = makeCtx(layout, opts);
  const { c } = x;
  const slug = slugify(person.name);
  const profilePath = opts.profilePath ?? `/in/${slug}/`;
  const featuredSlugs = opts.featured ?? (credentials[0] ? [credentials[0].slug] : []);
  const featured = featuredSlugs.map((s) => credentials.find((cr) => cr.slug === s)).filter((cr): cr is DemoCredential => cr !== undefined);
  const lazy = opts.lazy ?? false;
  const delay = opts.lazyDelayMs ?? 800;
  const certs = certificationsSection(x, credentials, opts.titleLinks ?? true, profilePath);
  let certBlock: string;
  let script = '';
  if (lazy) {
    const slotId = x.nextId();
    const tplId = x.nextId();
    certBlock = `
      <div id="${slotId}" class="${c('card')} ${c('skeleton')}" aria-busy="true" aria-label="Loading section">
        <div class="${c('skelLine')} ${c('skelWide')}"></div>
        <div class="${c('skelRow')}"><div class="${c('skelLogo')}"></div><div class="${c('skelCol')}"><div class="${c('skelLine')}"></div><div class="${c('skelLine')} ${c('skelShort')}"></div></div></div>
        <div class="${c('skelRow')}"><div class="${c('skelLogo')}"></div><div class="${c('skelCol')}"><div class="${c('skelLine')}"></div><div class="${c('skelLine')} ${c('skelShort')}"></div></div></div>
      </div>
      <template id="${tplId}">${certs}</template>`;
    script = lazyScript(slotId, tplId, delay);
  } else {
    certBlock = certs;
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>(3) ${escapeHtml(person.name)} | LinkedIn</title>
<meta name="description" content="${escapeHtml(`${person.headline} · ${person.location}`)}">
<style>${css(x)}</style>
</head>
<body class="${c('body')}">
${navBar(x, person)}
<div class="${c('app')}">
<main class="${c('main')}" id="${x.nextId()}" aria-label="${escapeHtml(`${person.name}'s profile`)}">
${topCard(x, person)}
${aboutSection(x)}
${featuredSection(x, featured)}
${experienceSection(x)}
${educationSection(x)}
${certBlock}
${skillsSection(x)}
${languagesSection(x)}
</main>
${sideRail(x, profilePath)}
</div>
<footer class="${c('footer')}"><span>About</span><span>Accessibility</span><span>Privacy &amp; Terms</span><span>Ad Choices</span><span>Help Center</span><span class="${c('footerBrand')}">Linked<b>in</b>-like demo page · CredLens · not affiliated with LinkedIn</span></footer>
${script}
</body>
</html>
`;
}

/** The inline loader: inserts the template's section after `delay` ms or on the first scroll, whichever comes first. */
function lazyScript(slotId: string, tplId: string, delay: number): string {
  const timer = delay >= 0 ? `window.setTimeout(load, ${Math.floor(delay)});` : '';
  return `<script>
(function () {
  var done = false;
  function load() {
    if (done) return;
    var slot = document.getElementById(${JSON.stringify(slotId)});
    var tpl = document.getElementById(${JSON.stringify(tplId)});
    if (!slot || !tpl) return;
    done = true;
    window.removeEventListener('scroll', load);
    slot.replaceWith(tpl.content.cloneNode(true));
  }
  window.addEventListener('scroll', load, { passive: true });
  ${timer}
})();
</script>`;
}

/** Text as LinkedIn writes it: once for sight (aria-hidden), once for screen readers. */
function dup(x: Ctx, text: string, captionRole?: string): string {
  const e = escapeHtml(text);
  const cls = captionRole ? ` class="${x.c(captionRole)}"` : '';
  return `<span${cls} aria-hidden="true">${e}</span><span class="${x.c('vh')}">${e}</span>`;
}

function sectionStart(x: Ctx, anchorId: string, title: string): string {
  const anchor = x.layout === 'classic' ? `<div id="${anchorId}" class="${x.c('anchor')}"></div>` : '';
  return `<section class="${x.c('card')}" tabindex="-1" data-view-name="profile-card">
  ${anchor}
  <div class="${x.c('header')}"><h2 class="${x.c('h2')}">${dup(x, title)}</h2></div>`;
}

function logo(x: Ctx, name: string, href: string | undefined): string {
  const box = `<div class="${x.c('logo')}" style="background:${colourFor(name)}" role="img" aria-label="${escapeHtml(`${name} logo`)}">${escapeHtml(initials(name))}</div>`;
  return href ? `<a class="${x.c('logoLink')}" href="${safeHref(href)}" target="_self" data-field="entity_image">${box}</a>` : box;
}

function companyUrl(name: string): string {
  return `https://www.linkedin.com/company/${slugify(name) || 'company'}/`;
}

function navBar(x: Ctx, person: DemoPerson): string {
  const { c } = x;
  const item = (label: string, icon: string, active = false) =>
    `<li class="${c('navItem')}${active ? ` ${c('navActive')}` : ''}"><span class="${c('navIcon')}" aria-hidden="true">${icon}</span><span class="${c('navLabel')}">${label}</span></li>`;
  return `<header class="${c('nav')}">
  <div class="${c('navInner')}">
    <span class="${c('brand')}" aria-label="LinkedIn-like demo">in</span>
    <label class="${c('search')}"><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M10 10l4 4" stroke="currentColor" stroke-width="1.6"/></svg><input type="search" placeholder="Search" aria-label="Search"></label>
    <ul class="${c('navList')}">
      ${item('Home', ICONS.home)}
      ${item('My Network', ICONS.network)}
      ${item('Jobs', ICONS.jobs)}
      ${item('Messaging', ICONS.chat)}
      ${item('Notifications', ICONS.bell)}
      <li class="${c('navItem')} ${c('navActive')}"><span class="${c('navMe')}" aria-hidden="true">${escapeHtml(initials(person.name))}</span><span class="${c('navLabel')}">Me ▾</span></li>
    </ul>
  </div>
</header>`;
}

const ICONS = {
  home: '<svg width="24" height="24" viewBox="0 0 24 24"><path d="M12 3l9 8h-3v9h-4v-6h-4v6H6v-9H3z" fill="currentColor"/></svg>',
  network: '<svg width="24" height="24" viewBox="0 0 24 24"><circle cx="9" cy="8" r="3.5" fill="currentColor"/><circle cx="17" cy="9" r="2.5" fill="currentColor"/><path d="M2 20c0-4 3-6 7-6s7 2 7 6zM15 20c0-2-.6-3.5-1.7-4.6 3.6-.6 7.7.6 7.7 4.6z" fill="currentColor"/></svg>',
  jobs: '<svg width="24" height="24" viewBox="0 0 24 24"><path d="M9 5V3.5h6V5h5a1 1 0 011 1v4H3V6a1 1 0 011-1zm2 0h2V4.5h-2zM3 12h7v2h4v-2h7v7a1 1 0 01-1 1H4a1 1 0 01-1-1z" fill="currentColor"/></svg>',
  chat: '<svg width="24" height="24" viewBox="0 0 24 24"><path d="M4 4h16a1 1 0 011 1v11a1 1 0 01-1 1H9l-5 4v-4H4a1 1 0 01-1-1V5a1 1 0 011-1z" fill="currentColor"/></svg>',
  bell: '<svg width="24" height="24" viewBox="0 0 24 24"><path d="M12 3a6 6 0 016 6v5l2 3H4l2-3V9a6 6 0 016-6zm-2.5 15h5a2.5 2.5 0 01-5 0z" fill="currentColor"/></svg>',
  external: '<svg role="none" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16"><path d="M9 2h5v5h-1.5V4.6L7.1 10 6 8.9l5.4-5.4H9zM3 4h4v1.5H4.5v6h6V9H12v4H3z" fill="currentColor"/></svg>',
  badge: '<svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true"><circle cx="20" cy="16" r="11" fill="#0a66c2"/><path d="M13 25l-3 11 10-5 10 5-3-11" fill="#378fe9"/><path d="M15 16l4 4 7-8" stroke="#fff" stroke-width="2.5" fill="none"/></svg>',
};

function topCard(x: Ctx, person: DemoPerson): string {
  const { c } = x;
  const current = JOBS[0]!;
  const school = SCHOOLS[0]!;
  return `<section class="${c('topCard')}" data-member-id="${800000000 + (Math.floor(rng(person.name)() * 1e8))}">
  <div class="${c('banner')}" role="img" aria-label="Background image"></div>
  <div class="${c('topBody')}">
    <div class="${c('photo')}" role="img" aria-label="${escapeHtml(person.name)}">${escapeHtml(initials(person.name))}</div>
    <div class="${c('topRow')}">
      <div class="${c('topMain')}">
        <h1 class="${c('h1')}">${escapeHtml(person.name)}</h1>
        <div class="${c('headline')}">${escapeHtml(person.headline)}</div>
        <div class="${c('topMeta')}"><span class="${c('location')}">${escapeHtml(person.location)}</span> · <a class="${c('inlineLink')}" href="#contact-info" id="top-card-text-details-contact-info">Contact info</a></div>
        <div class="${c('topMeta')}"><span class="${c('connections')}">500+ connections</span></div>
        <div class="${c('actions')}">
          <button type="button" class="${c('btnPrimary')}">Connect</button>
          <button type="button" class="${c('btnSecondary')}">Message</button>
          <button type="button" class="${c('btnMuted')}">More</button>
        </div>
      </div>
      <ul class="${c('topOrgs')}" aria-label="Current position and education">
        <li>${logo(x, current.org, undefined)}<span>${escapeHtml(current.org)}</span></li>
        <li>${logo(x, school.school, undefined)}<span>${escapeHtml(school.school)}</span></li>
      </ul>
    </div>
  </div>
</section>`;
}

function aboutSection(x: Ctx): string {
  return `${sectionStart(x, 'about', 'About')}
  <div class="${x.c('about')}">${dup(x, SUMMARY)}</div>
</section>`;
}

function featuredSection(x: Ctx, featured: DemoCredential[]): string {
  const { c } = x;
  const cards = featured
    .map(
      (cr) => `<li class="${c('featItem')}">
      <a class="${c('featCard')}" href="${safeHref(cr.url)}" target="_blank" rel="noopener noreferrer">
        <div class="${c('featThumb')}">${ICONS.badge}</div>
        <div class="${c('featBody')}">
          <span class="${c('featKind')}">Link</span>
          <span class="${c('featTitle')}">${escapeHtml(cr.title)}</span>
          <span class="${c('featSub')}">${escapeHtml(hostOf(cr.url))}</span>
        </div>
      </a>
    </li>`,
    )
    .join('\n');
  const post = `<li class="${c('featItem')}">
      <div class="${c('featCard')}">
        <div class="${c('featThumb')} ${c('featPost')}" aria-hidden="true">“</div>
        <div class="${c('featBody')}">
          <span class="${c('featKind')}">Post</span>
          <span class="${c('featTitle')}">What a micro-credential should tell an employer: five fields we now publish with every badge.</span>
          <span class="${c('featSub')}">142 reactions · 31 comments</span>
        </div>
      </div>
    </li>`;
  return `${sectionStart(x, 'featured', 'Featured')}
  <ul class="${c('featList')}">
    ${cards}
    ${post}
  </ul>
</section>`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function experienceSection(x: Ctx): string {
  const { c } = x;
  const items = JOBS.map(
    (j) => `<li class="${c('item')}">
      <div class="${c('entity')}" data-view-name="profile-component-entity">
        ${logo(x, j.org, companyUrl(j.org))}
        <div class="${c('entityBox')}">
          <div class="${c('bold')}">${dup(x, j.role)}</div>
          <span class="${c('t14')}">${dup(x, `${j.org} · ${j.kind}`)}</span>
          <span class="${c('light')}">${dup(x, period(j.from, j.to), 'caption')}</span>
          <span class="${c('light')}">${dup(x, j.place)}</span>
          <ul class="${c('bullets')}">${j.bullets.map((b) => `<li>${dup(x, b)}</li>`).join('')}</ul>
        </div>
      </div>
    </li>`,
  ).join('\n');
  return `${sectionStart(x, 'experience', 'Experience')}
  <div class="${c('listOuter')}"><ul class="${c('list')}">
    ${items}
  </ul></div>
</section>`;
}

function educationSection(x: Ctx): string {
  const { c } = x;
  const items = SCHOOLS.map(
    (s) => `<li class="${c('item')}">
      <div class="${c('entity')}" data-view-name="profile-component-entity">
        ${logo(x, s.school, companyUrl(s.school))}
        <div class="${c('entityBox')}">
          <div class="${c('bold')}">${dup(x, s.school)}</div>
          <span class="${c('t14')}">${dup(x, s.degree)}</span>
          <span class="${c('light')}">${dup(x, `${s.from} – ${s.to}`, 'caption')}</span>
          <span class="${c('t14')} ${c('detail')}">${dup(x, s.detail)}</span>
        </div>
      </div>
    </li>`,
  ).join('\n');
  return `${sectionStart(x, 'education', 'Education')}
  <div class="${c('listOuter')}"><ul class="${c('list')}">
    ${items}
  </ul></div>
</section>`;
}

function certificationsSection(x: Ctx, credentials: DemoCredential[], titleLinks: boolean, profilePath: string): string {
  const { c } = x;
  const detailsBase = `https://www.linkedin.com${profilePath.endsWith('/') ? profilePath : profilePath + '/'}`;
  const items = credentials
    .map((cr) => {
      const href = safeHref(x.wrap(cr.url, 'public_profile_certification-title'));
      const button = safeHref(x.wrap(cr.url, 'public_profile_see-credential'));
      const id = credentialId(cr.url);
      const text = `<div class="${c('bold')} ${c('hoverLink')}">${dup(x, cr.title)}</div>
            <span class="${c('t14')}">${dup(x, cr.issuerName)}</span>
            <span class="${c('light')}">${dup(x, issuedLine(cr, x.now), 'caption')}</span>
            ${id ? `<span class="${c('light')}">${dup(x, `Credential ID ${id}`)}</span>` : ''}`;
      const block = titleLinks
        ? `<a class="${c('entityLink')}" target="_blank" rel="noopener noreferrer" href="${href}" data-field="entity_title_licenses_and_certifications">
            ${text}
          </a>`
        : `<div class="${c('entityBox')}">
            ${text}
          </div>`;
      return `<li class="${c('item')}">
      <div class="${c('entity')}" data-view-name="profile-component-entity">
        ${logo(x, cr.issuerName, companyUrl(cr.issuerName))}
        <div class="${c('entityCol')}">
          ${block}
          <div class="${c('sub')}"><ul class="${c('subList')}"><li>
            <div class="${c('action')}">
              <a class="${c('btn')}" target="_blank" rel="noopener noreferrer" aria-label="${escapeHtml(`Show credential for ${cr.title}`)}" href="${button}">
                <span class="${c('btnText')}">Show credential</span>${ICONS.external}
              </a>
            </div>
          </li></ul></div>
        </div>
      </div>
    </li>`;
    })
    .join('\n');
  return `${sectionStart(x, 'licenses_and_certifications', 'Licenses & certifications')}
  <div class="${c('listOuter')}"><ul class="${c('list')}">
    ${items}
  </ul></div>
  ${credentials.length > 3 ? `<a class="${c('footerLink')}" href="${escapeHtml(`${detailsBase}details/certifications/`)}">Show all ${credentials.length} licenses &amp; certifications →</a>` : ''}
</section>`;
}

function skillsSection(x: Ctx): string {
  const { c } = x;
  const items = SKILLS.slice(0, 4)
    .map((s, i) => `<li class="${c('item')}"><div class="${c('bold')}">${dup(x, s)}</div><span class="${c('light')}">${dup(x, `${[23, 17, 12, 9][i] ?? 3} endorsements`)}</span></li>`)
    .join('\n');
  return `${sectionStart(x, 'skills', 'Skills')}
  <div class="${c('listOuter')}"><ul class="${c('list')}">${items}</ul></div>
</section>`;
}

function languagesSection(x: Ctx): string {
  const { c } = x;
  const items = LANGUAGES.map((l) => {
    const [name, level] = l.replace(')', '').split(' (');
    return `<li class="${c('item')}"><div class="${c('bold')}">${dup(x, name ?? l)}</div><span class="${c('light')}">${dup(x, level === 'native' ? 'Native or bilingual proficiency' : `Professional proficiency (${level ?? ''})`)}</span></li>`;
  }).join('\n');
  return `${sectionStart(x, 'languages', 'Languages')}
  <div class="${c('listOuter')}"><ul class="${c('list')}">${items}</ul></div>
</section>`;
}

function sideRail(x: Ctx, profilePath: string): string {
  const { c } = x;
  const people = [
    ['Jonas Weidinger', 'Head of Talent Acquisition at Lernwerk EdTech'],
    ['Marta Kowalczyk', 'Learning Designer · Micro-credentials'],
    ['Tomáš Horák', 'Data Engineer at Institut für Bildungsdaten'],
  ] as const;
  return `<aside class="${c('rail')}" aria-label="Side panel">
  <section class="${c('railCard')}">
    <h2 class="${c('railH')}">Profile language</h2><p class="${c('railP')}">English</p>
    <hr class="${c('railHr')}">
    <h2 class="${c('railH')}">Public profile &amp; URL</h2><p class="${c('railP')}">www.linkedin.com${escapeHtml(profilePath)}</p>
  </section>
  <section class="${c('railCard')}">
    <h2 class="${c('railH')}">People also viewed</h2>
    <ul class="${c('railList')}">
      ${people
        .map(
          ([n, h]) => `<li class="${c('railPerson')}"><div class="${c('railAvatar')}" style="background:${colourFor(n)}" aria-hidden="true">${escapeHtml(initials(n))}</div>
        <div><div class="${c('railName')}">${escapeHtml(n)} <span class="${c('railDeg')}">· 2nd</span></div><div class="${c('railHeadline')}">${escapeHtml(h)}</div>
        <button type="button" class="${c('btnMuted')} ${c('btnSmall')}">+ Connect</button></div></li>`,
        )
        .join('\n')}
    </ul>
  </section>
</aside>`;
}

function css(x: Ctx): string {
  const s = x.s;
  const blue = '#0a66c2';
  const text = 'rgba(0,0,0,.9)';
  const muted = 'rgba(0,0,0,.6)';
  return `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f4f2ee;color:${text};font-family:${SYSTEM_FONTS};font-size:14px;line-height:1.42857}
a{color:inherit;text-decoration:none}
button{font-family:inherit}
ul{list-style:none;margin:0;padding:0}
${s('vh')}{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(1px,1px,1px,1px);white-space:nowrap;border:0;padding:0;margin:-1px}
${s('nav')}{position:sticky;top:0;z-index:10;background:#fff;border-bottom:1px solid rgba(0,0,0,.08);height:52px}
${s('navInner')}{max-width:1128px;margin:0 auto;height:52px;display:flex;align-items:center;gap:8px;padding:0 12px}
${s('brand')}{display:inline-flex;align-items:center;justify-content:center;width:34px;height:34px;border-radius:4px;background:${blue};color:#fff;font-weight:700;font-size:22px;letter-spacing:-1px;font-family:Arial,Helvetica,sans-serif}
${s('search')}{display:flex;align-items:center;gap:8px;background:#edf3f8;border-radius:4px;height:34px;width:280px;padding:0 10px;color:${muted}}
${s('search')} input{border:0;background:transparent;font:inherit;outline:none;width:100%}
${s('navList')}{display:flex;margin-left:auto;height:52px}
${s('navItem')}{display:flex;flex-direction:column;align-items:center;justify-content:center;min-width:80px;color:${muted};font-size:12px;border-bottom:2px solid transparent}
${s('navActive')}{color:${text};border-bottom-color:${text}}
${s('navIcon')}{height:24px}
${s('navMe')}{width:24px;height:24px;border-radius:50%;background:#56687a;color:#fff;font-size:10px;display:flex;align-items:center;justify-content:center}
${s('app')}{max-width:1128px;margin:24px auto;display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:24px;padding:0 12px}
${s('main')}{min-width:0}
${s('card')},${s('topCard')},${s('railCard')}{background:#fff;border-radius:8px;box-shadow:0 0 0 1px rgb(140 140 140 / 20%);margin-bottom:8px;position:relative}
${s('card')}{padding:20px 24px 12px}
${s('header')}{margin-bottom:4px}
${s('h2')}{font-size:20px;font-weight:600;margin:0;line-height:1.4}
${s('banner')}{height:200px;border-radius:8px 8px 0 0;background:linear-gradient(120deg,#a0b4b7 0%,#5f8a9b 45%,#2e5e7e 100%)}
${s('topBody')}{padding:0 24px 24px;position:relative}
${s('photo')}{width:152px;height:152px;border-radius:50%;border:4px solid #fff;margin-top:-112px;background:linear-gradient(145deg,#c37d92,#6e4a7e);color:#fff;display:flex;align-items:center;justify-content:center;font-size:52px;font-weight:600;letter-spacing:1px}
${s('topRow')}{display:flex;gap:24px;margin-top:12px}
${s('topMain')}{flex:1;min-width:0}
${s('h1')}{font-size:24px;font-weight:600;line-height:1.25;margin:0}
${s('headline')}{font-size:16px;margin-top:2px}
${s('topMeta')}{color:${muted};margin-top:8px}
${s('location')}{color:${muted}}
${s('inlineLink')}{color:${blue};font-weight:600}
${s('inlineLink')}:hover{text-decoration:underline}
${s('connections')}{color:${blue};font-weight:600}
${s('actions')}{display:flex;gap:8px;margin-top:12px;flex-wrap:wrap}
${s('btnPrimary')},${s('btnSecondary')},${s('btnMuted')}{border-radius:24px;padding:6px 16px;font-size:16px;font-weight:600;line-height:20px;cursor:pointer}
${s('btnPrimary')}{background:${blue};color:#fff;border:1px solid ${blue}}
${s('btnPrimary')}:hover{background:#004182}
${s('btnSecondary')}{background:#fff;color:${blue};border:1px solid ${blue}}
${s('btnMuted')}{background:#fff;color:${muted};border:1px solid ${muted}}
${s('btnSmall')}{font-size:14px;padding:4px 14px;margin-top:8px}
${s('topOrgs')}{width:232px;display:flex;flex-direction:column;gap:12px;font-size:14px;font-weight:600;padding-top:4px}
${s('topOrgs')} li{display:flex;align-items:center;gap:8px}
${s('topOrgs')} ${s('logo')}{width:32px;height:32px;font-size:12px}
${s('about')}{font-size:14px;white-space:pre-line}
${s('listOuter')}{margin:0 -24px}
${s('item')}{padding:12px 24px 8px;position:relative}
${s('item')}+${s('item')}::before{content:"";position:absolute;left:96px;right:24px;top:0;border-top:1px solid #e8e8e8}
${s('entity')}{display:flex;gap:12px;align-items:flex-start}
${s('logo')}{width:48px;height:48px;flex:none;border-radius:4px;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;font-size:16px;letter-spacing:.5px}
${s('logoLink')}{display:flex;flex:none}
${s('entityCol')},${s('entityBox')}{display:flex;flex-direction:column;flex:1;min-width:0}
${s('entityLink')}{display:flex;flex-direction:column}
${s('entityLink')}:hover ${s('hoverLink')}{color:${blue};text-decoration:underline}
${s('bold')}{font-weight:600;font-size:14px}
${s('t14')}{font-size:14px}
${s('light')}{font-size:14px;color:${muted}}
${s('detail')}{margin-top:4px}
${s('bullets')}{margin-top:6px;padding-left:16px;list-style:disc}
${s('bullets')} li{margin:2px 0}
${s('sub')}{margin-top:8px}
${s('btn')}{display:inline-flex;align-items:center;gap:6px;border:1px solid ${muted};color:${muted};border-radius:16px;padding:5px 16px;font-size:16px;font-weight:600;line-height:20px}
${s('btn')}:hover{background:rgba(0,0,0,.08);box-shadow:inset 0 0 0 1px ${muted};color:${text}}
${s('footerLink')}{display:block;border-top:1px solid #e8e8e8;margin:8px -24px -12px;padding:10px;text-align:center;color:${muted};font-weight:600;font-size:16px}
${s('featList')}{display:flex;gap:8px;overflow:hidden;padding:8px 0 12px}
${s('featItem')}{flex:0 0 calc(50% - 4px)}
${s('featCard')}{display:flex;gap:12px;border:1px solid #e0dfdc;border-radius:8px;padding:12px;height:100%;align-items:flex-start}
a${s('featCard')}:hover{box-shadow:0 0 0 1px #8c8c8c}
${s('featThumb')}{width:64px;height:64px;flex:none;border-radius:4px;background:#eef3f8;display:flex;align-items:center;justify-content:center}
${s('featPost')}{font-size:40px;color:#915907;background:#fcf3e3;font-family:Georgia,serif}
${s('featBody')}{display:flex;flex-direction:column;min-width:0}
${s('featKind')}{font-size:12px;color:${muted}}
${s('featTitle')}{font-weight:600;font-size:14px;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
${s('featSub')}{font-size:12px;color:${muted}}
${s('skeleton')}{padding:24px;min-height:220px}
${s('skelRow')}{display:flex;gap:12px;margin-top:20px}
${s('skelCol')}{flex:1}
${s('skelLogo')}{width:48px;height:48px;border-radius:4px}
${s('skelLine')}{height:12px;border-radius:6px;margin-bottom:10px;width:70%}
${s('skelWide')}{width:45%;height:18px}
${s('skelShort')}{width:40%}
${s('skelLine')},${s('skelLogo')}{background:linear-gradient(90deg,#eceae6 25%,#f6f5f2 50%,#eceae6 75%);background-size:400% 100%;animation:${x.s('skeleton').slice(1)}-shimmer 1.2s ease-in-out infinite}
@keyframes ${x.s('skeleton').slice(1)}-shimmer{0%{background-position:100% 0}100%{background-position:0 0}}
${s('rail')}{min-width:0}
${s('railCard')}{padding:16px}
${s('railH')}{font-size:16px;font-weight:600;margin:0}
${s('railP')}{margin:2px 0 0;color:${muted}}
${s('railHr')}{border:0;border-top:1px solid #e8e8e8;margin:12px 0}
${s('railList')} li{display:flex;gap:8px;padding:12px 0;border-bottom:1px solid #e8e8e8}
${s('railList')} li:last-child{border-bottom:0}
${s('railAvatar')}{width:48px;height:48px;border-radius:50%;flex:none;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:600}
${s('railName')}{font-weight:600}
${s('railDeg')}{font-weight:400;color:${muted}}
${s('railHeadline')}{font-size:12px;color:${muted}}
${s('footer')}{max-width:1128px;margin:16px auto 40px;padding:0 12px;display:flex;flex-wrap:wrap;gap:8px 16px;justify-content:center;font-size:12px;color:${muted}}
${s('footerBrand')}{flex-basis:100%;text-align:center}
${s('footerBrand')} b{color:${blue}}
@media (max-width: 900px){${s('app')}{grid-template-columns:minmax(0,1fr)}${s('rail')}{display:none}${s('topOrgs')}{display:none}${s('search')}{width:160px}${s('navLabel')}{display:none}${s('navItem')}{min-width:48px}}
`;
}
