// @vitest-environment happy-dom
/**
 * Content-side detection (extension/lib/detect): credential links in LinkedIn-like pages written by
 * hand (tests/fixtures/linkedin/), in the demo's profile renderers, and in small hostile snippets;
 * the profile owner; which pages are scanned; handled anchors and our own badges skipped; no
 * layout-forcing reads and no class names read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderProfile, renderProfileClassic } from '../../../demo/pages/profile.js';
import { DEMO_PERSON, type DemoCredential } from '../../../demo/types.js';
import { findCredentialLinks, isHandled, isLinkedInScanPage, markHandled, markOwn, profileOwner, type DetectedLink } from '../../../extension/lib/detect/index.js';

// A path, not a URL object: happy-dom replaces the global URL, which node:fs does not accept.
const FIXTURES = join(fileURLToPath(import.meta.url), '../../../fixtures/linkedin');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
});

/** A document at `url` holding `html` (scripts off). */
function load(html: string, url: string): { doc: Document; win: Window } {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  windows.push(win);
  win.document.write(html);
  return { doc: win.document as unknown as Document, win };
}

function fixture(name: string, url: string): Document {
  return load(read(name), url).doc;
}

/** A document whose body is `body`. */
function page(body: string, url = 'https://www.linkedin.com/in/jane-doe-1a2b3c/'): Document {
  return load(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`, url).doc;
}

const pairs = (links: DetectedLink[]) => links.map((l) => [l.url, l.text]);
const urls = (links: DetectedLink[]) => links.map((l) => l.url);
/**
 * Scans `doc` both ways, titles now and titles later (the content script's first pass), checks
 * that they agree link for link and title for title, and answers the first.
 */
const scan = (doc: Document) => {
  const later = findCredentialLinks(doc, doc.URL, { titles: false });
  const now = findCredentialLinks(doc, doc.URL);
  expect(later.map((l) => [l.anchor, l.url, l.text ?? l.readTitle?.()])).toEqual(now.map((l) => [l.anchor, l.url, l.text]));
  expect(now.every((l) => l.readTitle === undefined)).toBe(true);
  return now;
};

/** An anchor's textContent, white space collapsed (LinkedIn's doubled copies stay doubled). */
const label = (a: Element) => (a.textContent ?? '').replace(/\s+/g, ' ').trim();

const CLASSIC_URL = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const OBFUSCATED_URL = 'https://www.linkedin.com/in/zoe-angstrom-okafor/';
const DETAILS_URL = 'https://www.linkedin.com/in/jane-doe-1a2b3c/details/certifications/';
const FEATURED_URL = 'https://www.linkedin.com/in/sam-taylor-99/';

const CREDLY_JANE = 'https://www.credly.com/badges/0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b/public_url';
const JANE_CERTS: [string, string][] = [
  [CREDLY_JANE, 'AWS Certified Solutions Architect – Associate'],
  ['https://badgr.com/public/assertions/Xq3LmN8vTzK2pW', 'Open Data Fundamentals'],
  // not a known platform shape: found by its "Show credential" text alone
  ['https://bcert.me/sxyzpqkl', 'Certified ScrumMaster® (CSM)'],
  ['https://www.freecodecamp.org/certification/janedoe/responsive-web-design', 'Responsive Web Design'],
];

describe('fixtures', () => {
  it('classic: ids and pvs- classes, wrapped "Show credential" links; one link per certification', () => {
    const doc = fixture('classic.html', CLASSIC_URL);
    // the hint the old layout offers exists, but detection does not need it (see the obfuscated fixture)
    expect(doc.querySelector('#licenses_and_certifications')).not.toBeNull();
    const found = scan(doc);
    expect(pairs(found)).toEqual(JANE_CERTS);
    // a first pass leaves the titles of "Show credential" buttons for later
    const later = findCredentialLinks(doc, doc.URL, { titles: false });
    expect(later.map((l) => [l.text, typeof l.readTitle])).toEqual(JANE_CERTS.map(() => [undefined, 'function']));
    // the certification with a title link and a button to the same URL gets its badge on the button
    for (const l of found) expect(label(l.anchor)).toMatch(/^Show credential\b/);
    expect(found[0]!.anchor.getAttribute('href')).toMatch(/^https:\/\/www\.linkedin\.com\/redir\/redirect\?url=https%3A%2F%2Fwww%2Ecredly%2Ecom/);
  });

  it('obfuscated: hashed classes only, doubled text, icon buttons, relative and safety/go links, placeholders', () => {
    const doc = fixture('obfuscated.html', OBFUSCATED_URL);
    expect(doc.querySelector('[id*="licenses"], [id*="certifications"]')).toBeNull();
    // the fixture keeps its promise: every class name is an opaque token, and placeholders are there
    const classes = [...doc.querySelectorAll('[class]')].flatMap((e) => e.getAttribute('class')!.split(/\s+/));
    expect(classes.length).toBeGreaterThan(100);
    for (const c of classes) expect(c).toMatch(/^[A-Za-z][A-Za-z0-9]{5,9}(?:__[a-z]\d)?$/);
    expect(doc.querySelectorAll('[aria-busy="true"]').length).toBeGreaterThan(0);
    const found = scan(doc);
    expect(pairs(found)).toEqual([
      ['https://www.credential.net/10293847', 'Google Cloud Certified – Professional Data Engineer'],
      ['https://europa.eu/europass/digital-credentials/viewer/#/shareview/5f2c9a7e41b34d0c', 'Data Steward (EQF level 5)'],
      ['https://www.credly.com/badges/7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e', 'Certified Kubernetes Administrator (CKA)'],
      // a relative LinkedIn Learning link, resolved against the page
      ['https://www.linkedin.com/learning/certificates/8f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c', 'Learning Python'],
      ['https://badges.uni-graz.example/a/7HkQ2', 'Microcredential in Learning Analytics'],
    ]);
    for (const l of found) expect(label(l.anchor)).toBe('Show credentialShow credential');
    // the javascript: target behind a wrapper, the href-less and "#" placeholders and the SVG link are not links
    expect(doc.querySelectorAll('a').length).toBeGreaterThan(found.length + 15);
  });

  it('details/certifications: every platform shape, wrapped and direct', () => {
    const doc = fixture('details-certifications.html', DETAILS_URL);
    expect(pairs(scan(doc))).toEqual([
      ...JANE_CERTS,
      ['https://www.coursera.org/account/accomplishments/verify/ABCD1234EFGH', 'Machine Learning'],
      ['https://credentials.edx.org/credentials/0123456789abcdef0123456789abcdef/', 'MicroMasters® Program in Statistics and Data Science'],
      ['https://learn.microsoft.com/api/credentials/share/en-us/JaneDoe-4821/9F3A1C7B2E8D4F60?sharingId=B1C2D3E4F5A6B7C8', 'Microsoft Certified: Azure Data Scientist Associate'],
      ['https://openbadgefactory.com/v1/assertion/0123456789abcdef0123456789abcdef01234567.html', 'Digital Facilitator'],
    ]);
  });

  it('featured and feed: direct and wrapped Credly links; the same URL in Featured and certifications gives two links', () => {
    const doc = fixture('featured-and-feed.html', FEATURED_URL);
    const found = scan(doc);
    const F1 = 'https://www.credly.com/badges/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    expect(pairs(found)).toEqual([
      [F1, 'AWS Certified Cloud Practitioner'],
      // a post with the bare URL and a preview card to the same badge: one badge, on the card, with its title
      ['https://www.credly.com/badges/9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', 'AWS Certified Solutions Architect – Professional was issued by Amazon Web Services Training and Certification to Sam Taylor.'],
      ['https://www.credly.com/badges/e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f', "See Sam's Credly badge"],
      [F1, 'AWS Certified Cloud Practitioner'],
    ]);
    expect(found[0]!.anchor).not.toBe(found[3]!.anchor);
    expect(found[0]!.anchor.getAttribute('href')).toBe(F1); // Featured links directly
    expect(found[1]!.anchor.getAttribute('href')).toContain('/redir/redirect?url=');
    expect(found[3]!.anchor.getAttribute('href')).toContain('/redir/redirect?url=');
  });

  it('noise in the fixtures is present and never detected', () => {
    const noise = [
      /github\.com/, /youtube\.com|youtu\.be/, /lnkd\.in/, /janedoe\.dev|samtaylor\.cloud/, /\/company\//, /\/in\/(?:max-mustermann|ana-lopez|jonas-weber|priya-raman)/,
      /hashtag|HASH_TAG/, /details\/certifications/, /\/search\/results\//, /\/feed\/update\//, /recent-activity/,
    ];
    const all = [
      fixture('classic.html', CLASSIC_URL),
      fixture('obfuscated.html', OBFUSCATED_URL),
      fixture('details-certifications.html', DETAILS_URL),
      fixture('featured-and-feed.html', FEATURED_URL),
    ];
    const seen = new Set<RegExp>();
    for (const doc of all) {
      const found = new Set(scan(doc).map((l) => l.anchor));
      for (const a of doc.querySelectorAll('a[href]')) {
        const href = decodeURIComponent(a.getAttribute('href')!);
        for (const n of noise) {
          if (!n.test(href)) continue;
          seen.add(n);
          expect(found.has(a as HTMLAnchorElement), href).toBe(false);
        }
      }
    }
    expect([...seen].length).toBe(noise.length);
  });

  it('owner: the top card h1, the link back to the profile on /details/, never an aside, dialog or other person', () => {
    expect(profileOwner(fixture('classic.html', CLASSIC_URL))).toBe('Jane Doe');
    expect(profileOwner(fixture('classic.html', `${CLASSIC_URL}overlay/contact-info/`))).toBe('Jane Doe');
    // the activity sub-page of the same markup has no link back with a name: nobody is guessed
    expect(profileOwner(fixture('classic.html', `${CLASSIC_URL}recent-activity/all/`))).toBeUndefined();
    // the messaging overlay's h1 and "People also viewed" h1 come earlier or later; the svg title is skipped
    expect(profileOwner(fixture('obfuscated.html', OBFUSCATED_URL))).toBe('Zoë Ångström-Okafor');
    expect(profileOwner(fixture('details-certifications.html', DETAILS_URL))).toBe('Jane Doe');
    expect(profileOwner(fixture('featured-and-feed.html', FEATURED_URL))).toBe('Sam Taylor');
  });

  it('owner: undefined off profiles and off LinkedIn; the document title as a last resort', () => {
    const html = read('featured-and-feed.html');
    expect(profileOwner(load(html, 'https://www.linkedin.com/feed/').doc)).toBeUndefined();
    expect(profileOwner(load(html, 'https://www.linkedin.com/company/skyline-cloud/').doc)).toBeUndefined();
    expect(profileOwner(load(html, 'https://evil.example/in/sam-taylor-99/').doc)).toBeUndefined();
    // no top card h1: "(3) Name | LinkedIn"
    const noH1 = load('<!DOCTYPE html><html><head><title>(3) Jane Doe | LinkedIn</title></head><body><main><h2>About</h2></main><aside><h1>Max Mustermann</h1></aside></body></html>', CLASSIC_URL).doc;
    expect(profileOwner(noH1)).toBe('Jane Doe');
    // a details page without a link back names no one (its title is not trusted)
    const bare = load('<!DOCTYPE html><html><head><title>Licenses | Jane Doe | LinkedIn</title></head><body><main><h1>Licenses &amp; certifications</h1></main></body></html>', DETAILS_URL).doc;
    expect(profileOwner(bare)).toBeUndefined();
  });

  it('scan pages: profiles, their details, feed and posts on LinkedIn (and the demo on loopback)', () => {
    for (const u of [
      'https://www.linkedin.com/in/jane-doe-1a2b3c/',
      'https://www.linkedin.com/in/jane-doe-1a2b3c',
      'https://de.linkedin.com/in/jane-doe-1a2b3c/?originalSubdomain=at',
      'https://www.linkedin.com/in/jane-doe-1a2b3c/details/certifications/',
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/feed/update/urn:li:activity:7212345678901234567/',
      'https://www.linkedin.com/posts/sam-taylor-99_aws-badges-activity-7212345678901234567-AbCd',
      'http://127.0.0.1:45678/in/amelie-novakova-schmidt/',
    ]) {
      expect(isLinkedInScanPage(u), u).toBe(true);
    }
    for (const u of [
      'https://www.linkedin.com/',
      'https://www.linkedin.com/company/skyline-cloud/',
      'https://www.linkedin.com/jobs/view/123/',
      'https://www.linkedin.com/messaging/',
      'https://www.linkedin.com/infeed/',
      'https://linkedin.com.evil.example/in/jane/',
      'https://evil.example/in/jane/',
      'https://www.credly.com/badges/0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b',
      'file:///in/jane/',
      'not a url',
    ]) {
      expect(isLinkedInScanPage(u), u).toBe(false);
    }
  });
});

describe('redirect wrappers and link text', () => {
  const CREDLY = 'https://www.credly.com/badges/0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b';
  const enc = encodeURIComponent;

  it('unwraps redir/redirect (absolute and relative), safety/go and nested wrappers', () => {
    const nested = `https://www.linkedin.com/redir/redirect?url=${enc(`https://www.google.com/url?q=${enc(CREDLY)}&sa=D`)}&urlhash=AbCd`;
    const doc = page(`<ul>
      <li><a href="https://www.linkedin.com/redir/redirect?url=${enc(CREDLY)}&amp;urlhash=AbCd&amp;trk=x">a</a></li>
      <li><a href="/redir/redirect?url=${enc(CREDLY)}&amp;urlhash=AbCd">b</a></li>
      <li><a href="https://www.linkedin.com/safety/go?url=${enc(CREDLY)}&amp;trk=y">c</a></li>
      <li><a href="${nested.replace(/&/g, '&amp;')}">d</a></li>
      <li><a href="https://www.linkedin.com/redir/redirect?url=${enc('https://www.credly.com/badges/x')}.json">e</a></li>
      <li><a href="https://www.linkedin.com/redir/redirect?url=${enc('https://files.example/me/2024.json').replace(/\./g, '%2E')}&amp;urlhash=Q">f</a></li>
      <li><a href="https://www.linkedin.com/redir/redirect?url=${enc(enc('https://wallet.example/vc/77'))}">g</a></li>
    </ul>`);
    expect(urls(scan(doc))).toEqual([CREDLY, CREDLY, CREDLY, CREDLY, 'https://www.credly.com/badges/x.json', 'https://files.example/me/2024.json']);
    // (g) is encoded twice, so its target is not a URL: not unwrapped, not a credential
  });

  it('does not detect wrappers with a malformed, missing, non-web or LinkedIn target', () => {
    const doc = page(`<ul>
      <li><span>Bad 1</span><a href="https://www.linkedin.com/redir/redirect?url=not%20a%20url&amp;urlhash=AbCd">Show credential</a></li>
      <li><span>Bad 2</span><a href="https://www.linkedin.com/redir/redirect?urlhash=AbCd">Show credential</a></li>
      <li><span>Bad 3</span><a href="https://www.linkedin.com/redir/redirect?url=javascript%3Aalert(1)">Show credential</a></li>
      <li><span>Bad 4</span><a href="https://www.linkedin.com/redir/redirect?url=%E0%A4%A&amp;urlhash=x">Show credential</a></li>
      <li><span>Bad 5</span><a href="https://www.linkedin.com/redir/redirect?url=${enc('https://www.linkedin.com/in/someone/')}">Show credential</a></li>
      <li><span>Bad 6</span><a href="https://www.linkedin.com/safety/go?url=${enc('ftp://files.example/cert.json')}">Show credential</a></li>
      <li><span>Bad 7</span><a href="https://www.linkedin.com/redir/redirect?url=${enc('https://user:pw@badges.example/b/1')}">Show credential</a></li>
    </ul>`);
    expect(scan(doc)).toEqual([]);
  });

  it('finds "Show credential" in several LinkedIn UI languages, by text or accessible name, only off LinkedIn', () => {
    const doc = page(`<ul>
      <li><b>Zertifikat A</b><a href="https://proof.example/a">Nachweis anzeigen</a></li>
      <li><b>Titre B</b><a href="https://proof.example/b"> Afficher la certification <svg aria-hidden="true"><title>ouvrir</title></svg></a></li>
      <li><b>Credencial C</b><a href="https://proof.example/c"><span aria-hidden="true">Mostrar credencial</span><span>Mostrar credencial</span></a></li>
      <li><b>Title D</b><a href="https://proof.example/d" aria-label="Show credential for Title D"><svg aria-hidden="true"></svg></a></li>
      <li><b>Title E</b><a href="https://proof.example/e">Show credential ↗</a></li>
      <li><b>Internal</b><a href="https://www.linkedin.com/in/jane/overlay/">Show credential</a></li>
      <li><b>Relative internal</b><a href="/in/jane/overlay/">Show credential</a></li>
      <li><b>Not a phrase</b><a href="https://proof.example/f">Show credentials and more</a></li>
      <li><b>Company site</b><a href="https://northwind.example/">Northwind Analytics</a></li>
      <li><b>Mail</b><a href="mailto:proof@example.org">Show credential</a></li>
    </ul>`);
    expect(pairs(scan(doc))).toEqual([
      ['https://proof.example/a', 'Zertifikat A'],
      ['https://proof.example/b', 'Titre B'],
      ['https://proof.example/c', 'Credencial C'],
      ['https://proof.example/d', 'Title D'],
      ['https://proof.example/e', 'Title E'],
    ]);
  });

  it('resolves relative links against the base URL on other sites (manual scans)', () => {
    const doc = page('<ul><li><b>My proof</b><a href="/proof/42">Show credential</a></li><li><a href="assertions/7">x</a></li></ul>', 'https://portfolio.example/me/');
    expect(pairs(scan(doc))).toEqual([
      ['https://portfolio.example/proof/42', 'My proof'],
      ['https://portfolio.example/me/assertions/7', 'x'],
    ]);
  });

  it('titles: the entity title, never the phrase, a bare URL, a logo or a "Link" label', () => {
    const doc = page(`
      <ul><li><div role="img" aria-label="Acme logo">AC</div><div><span aria-hidden="true">Real Title</span><span>Real Title</span></div>
        <ul><li><a href="https://proof.example/1"><span aria-hidden="true">Show credential</span><span>Show credential</span></a></li></ul></li></ul>
      <div><p>Look: <a href="${CREDLY}">${CREDLY}</a></p></div>
      <div><h3>Card heading</h3><div><a href="https://proof.example/2">Show credential</a></div></div>
      <ul><li><a href="${CREDLY}/public_url"><span>Link</span><span>Featured Title</span><span>credly.com</span></a></li></ul>
      <p><a href="https://proof.example/3">Show credential</a></p>`);
    expect(pairs(scan(doc))).toEqual([
      ['https://proof.example/1', 'Real Title'],
      [CREDLY, undefined],
      ['https://proof.example/2', 'Card heading'],
      [`${CREDLY}/public_url`, 'Featured Title'],
      ['https://proof.example/3', undefined],
    ]);
    expect(scan(doc).filter((l) => l.text === undefined).every((l) => !('text' in l))).toBe(true);
  });

  it('ignores SVG <a> elements, in-page anchors and non-web schemes', () => {
    const doc = page(`<svg><a href="${CREDLY}"><text>svg</text></a></svg>
      <a href="#${CREDLY}">hash</a><a href="javascript:void('${CREDLY}')">js</a><a href="data:text/html,${CREDLY}">data</a><a href="">empty</a><a>none</a>`);
    expect(scan(doc)).toEqual([]);
  });
});

describe('handled anchors and our own badges', () => {
  it('skips handled anchors without touching the host DOM; a handled button also covers its title link', () => {
    const doc = fixture('classic.html', CLASSIC_URL);
    const before = doc.documentElement.outerHTML;
    const first = scan(doc);
    expect(first).toHaveLength(4);
    expect(isHandled(first[0]!.anchor)).toBe(false);
    markHandled(first[0]!.anchor);
    markHandled(first[2]!.anchor);
    expect(isHandled(first[0]!.anchor)).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
    // the Credly title link of the first certification is not offered on its own now
    expect(pairs(scan(doc))).toEqual([JANE_CERTS[1], JANE_CERTS[3]]);
    for (const l of first) markHandled(l.anchor);
    expect(scan(doc)).toEqual([]);
  });

  it('checks links a page wraps in its own <credlens-badge>, and a badge of ours next to a link changes nothing', () => {
    const doc = page(`<ul><li><b>T</b><a id="x" href="https://www.credly.com/badges/0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b">Show credential</a></li></ul>
      <credlens-badge data-verdict="valid"><a id="y" href="https://badges.example/b/1">Show credential</a></credlens-badge>`);
    // A fake "valid" badge written by the page must not hide its link from checking.
    const found = scan(doc);
    expect(found.map((l) => l.anchor.id)).toEqual(['x', 'y']);
    const badge = doc.createElement('credlens-badge');
    markOwn(badge);
    found[0]!.anchor.after(badge);
    expect(scan(doc).map((l) => l.anchor.id)).toEqual(['x', 'y']);
  });

  it('rescans give the same answer, and follow an href that changed', () => {
    const doc = fixture('obfuscated.html', OBFUSCATED_URL);
    const a = scan(doc);
    expect(pairs(scan(doc))).toEqual(pairs(a));
    a[0]!.anchor.setAttribute('href', 'https://www.credly.com/badges/11111111-2222-4333-8444-555555555555');
    expect(scan(doc)[0]!.url).toBe('https://www.credly.com/badges/11111111-2222-4333-8444-555555555555');
    a[0]!.anchor.setAttribute('href', 'https://www.linkedin.com/company/google-cloud/');
    expect(scan(doc)).toHaveLength(a.length - 1);
  });

  it('scans a subtree when given one', () => {
    const doc = fixture('featured-and-feed.html', FEATURED_URL);
    const featured = doc.querySelector('main section:nth-of-type(2)')!;
    expect(urls(findCredentialLinks(featured, doc.URL))).toEqual(['https://www.credly.com/badges/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f']);
  });
});

describe('no layout reads, no class names', () => {
  it('never calls innerText, getComputedStyle, getBoundingClientRect or reads class names', () => {
    const { doc, win } = load(read('obfuscated.html'), OBFUSCATED_URL);
    // the page window's own DOM classes (the happy-dom import named Window shadows the DOM type)
    const w = win as unknown as { HTMLElement: typeof HTMLElement; Element: typeof Element; getComputedStyle: typeof getComputedStyle };
    const spies = [
      vi.spyOn(w.HTMLElement.prototype, 'innerText', 'get'),
      vi.spyOn(w.Element.prototype, 'getBoundingClientRect'),
      vi.spyOn(w.Element.prototype, 'getClientRects'),
      vi.spyOn(w, 'getComputedStyle'),
      vi.spyOn(w.Element.prototype, 'className', 'get'),
      vi.spyOn(w.Element.prototype, 'classList', 'get'),
      vi.spyOn(w.HTMLElement.prototype, 'offsetWidth', 'get'),
    ];
    const getAttribute = vi.spyOn(w.Element.prototype, 'getAttribute');
    expect(scan(doc)).toHaveLength(5);
    expect(profileOwner(doc)).toBe('Zoë Ångström-Okafor');
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    expect(getAttribute.mock.calls.filter((c) => c[0] === 'class')).toEqual([]);
    vi.restoreAllMocks();
  });
});

describe('demo profile pages', () => {
  const ORIGIN = 'http://127.0.0.1:45678';
  const CREDS: DemoCredential[] = [
    { slug: 'uni', title: 'Data Literacy Micro-credential', issuerName: 'Universität Beispielstadt', format: 'OB3 eddsa-rdfc-2022', url: `${ORIGIN}/credentials/uni`, issued: '2025-03-14', expect: 'valid', note: 'assessed' },
    { slug: 'hostile', title: '<img src=x onerror=alert(1)>', issuerName: '"><script>alert("x")</script>', format: 'OB3', url: `${ORIGIN}/credentials/hostile?a=1&b='x'`, issued: '2024-02-02', expect: 'invalid', note: 'tampered' },
    { slug: 'vendor', title: 'Certified Cloud Practitioner — Łódź 🎓 認定', issuerName: 'Nimbus Cloud Academy', format: 'VC-JWT ES256', url: `${ORIGIN}/credentials/vendor.jwt`, issued: '2024-06-01', expires: '2026-06-01', expect: 'expired', note: 'expires' },
    { slug: 'ob2', title: 'Evidence-based Teaching (OB2)', issuerName: 'Akademie Nord', format: 'OB2 hosted + baked PNG', url: `${ORIGIN}/ob2/assertions/ob2`, imageUrl: `${ORIGIN}/ob2/assertions/ob2/image.png`, issued: '2023-11-03', expect: 'revoked', note: 'revoked' },
    { slug: 'plain', title: 'Workshop Participation', issuerName: 'Lernwerk', format: 'OB3', url: `${ORIGIN}/p/ws-2024-77`, issued: '2024-09-09', expect: 'valid', note: 'only "Show credential" says this is one' },
  ];
  const PROFILE = `${ORIGIN}/in/amelie-novakova-schmidt/`;
  const href = (u: string) => new URL(u).href;
  // Featured (the first credential, linked directly), then every certification once
  const EXPECTED = [[href(CREDS[0]!.url), CREDS[0]!.title], ...CREDS.map((c) => [href(c.url), c.title])];

  it.each([
    ['renderProfile', () => renderProfile(DEMO_PERSON, CREDS, { lazy: false })],
    ['renderProfile, other class seed, direct links', () => renderProfile(DEMO_PERSON, CREDS, { lazy: false, classSeed: 'x', wrapLinks: false })],
    ['renderProfile, no title links', () => renderProfile(DEMO_PERSON, CREDS, { lazy: false, titleLinks: false })],
    ['renderProfileClassic', () => renderProfileClassic(DEMO_PERSON, CREDS)],
  ])('%s: every credential link, with its title; the owner', (_name, render) => {
    const { doc } = load(render(), PROFILE);
    const found = scan(doc);
    expect(pairs(found)).toEqual(EXPECTED);
    for (const l of found.slice(1)) expect(l.anchor.getAttribute('aria-label')).toBe(`Show credential for ${l.text}`);
    expect(profileOwner(doc)).toBe(DEMO_PERSON.name);
  });

  it('lazy renderProfile: nothing before the section arrives, everything after', () => {
    const { doc } = load(renderProfile(DEMO_PERSON, CREDS, { lazyDelayMs: -1 }), PROFILE);
    expect(urls(scan(doc))).toEqual([href(CREDS[0]!.url)]); // Featured only; the template is inert
    // what the page's loader script does
    const tpl = doc.querySelector('template')!;
    const slot = doc.querySelector('[aria-busy="true"]')!;
    slot.replaceWith(tpl.content.cloneNode(true));
    expect(pairs(scan(doc))).toEqual(EXPECTED);
  });
});
