/**
 * Writes tests/fixtures/linkedin/profile-5000.html: a LinkedIn-like profile page of about 5000
 * elements (the size of a real profile with its activity feed, skills, recommendations and side
 * panels), with 20 certifications. The benchmark scans this saved page. Run once after changing it:
 *   npx tsx tools/make-profile-5000.ts
 */
import { writeFileSync } from 'node:fs';
import { renderProfile } from '../demo/pages/profile.js';
import { DEMO_PERSON, type DemoCredential } from '../demo/types.js';

const hosts = [
  (i: number) => `https://www.credly.com/badges/${uuid(i)}/public_url`,
  (i: number) => `https://badges.tu-example.eu/credentials/mc-${i}.json`,
  (i: number) => `https://api.badgr.io/public/assertions/a${i}Xk2Lm9`,
  (i: number) => `https://openbadgefactory.com/v1/assertion/${'0123456789abcdef'.repeat(3).slice(i % 8, i % 8 + 40)}`,
  (i: number) => `https://www.coursera.org/verify/AB${i}CD${i}EF`,
];

function uuid(i: number): string {
  const h = (n: number) => ((i * 2654435761 + n * 40503) >>> 0).toString(16).padStart(8, '0');
  return `${h(1)}-${h(2).slice(0, 4)}-4${h(3).slice(0, 3)}-a${h(4).slice(0, 3)}-${h(5)}${h(6).slice(0, 4)}`;
}

const credentials: DemoCredential[] = Array.from({ length: 20 }, (_, i) => ({
  slug: `cert-${i}`,
  title: `Certification ${i + 1}: ${['Data Engineering', 'Learning Analytics', 'Cloud Practitioner', 'Project Management', 'Statistics'][i % 5]}`,
  issuerName: ['Credly Issuer', 'Technische Universität Beispiel', 'Badgr Academy', 'OBF Institute', 'Coursera Partner'][i % 5]!,
  format: 'OB3',
  url: hosts[i % hosts.length]!(i),
  issued: `2025-0${(i % 9) + 1}-01`,
  expect: 'valid',
  note: '',
}));

// The sections a real profile carries besides certifications, in LinkedIn-like markup.
function activity(n: number): string {
  const posts = Array.from({ length: n }, (_, i) => `
  <li class="pZq${i % 7}x feed-k${i}"><div class="u${i}a"><div class="act-hdr"><a href="https://www.linkedin.com/in/person-${i}/" class="xk2"><img alt="" width="48" height="48"><span aria-hidden="true">Person ${i}</span><span class="vh8">Person ${i}</span></a><span class="t7">${i + 1}w · <svg width="16" height="16"><use href="#globe"></use></svg></span></div>
  <div class="body3"><span dir="ltr">Thoughts on skills-based hiring, part ${i}. <a href="https://www.linkedin.com/feed/hashtag/?keywords=skills">#skills</a> <a href="https://www.linkedin.com/feed/hashtag/?keywords=hiring">#hiring</a> <a href="https://www.linkedin.com/company/acme-${i}/">Acme ${i}</a> <a href="https://lnkd.in/e${i}xYz">lnkd.in/e${i}xYz</a></span></div>
  <div class="media"><a href="https://blog.example.com/posts/${i}"><img alt="" width="400" height="200"><span>Blog post ${i}</span><span>blog.example.com</span></a></div>
  <ul class="soc"><li><button aria-label="Like"><svg width="16" height="16"></svg><span>Like</span></button></li><li><button aria-label="Comment"><svg width="16" height="16"></svg><span>Comment</span></button></li><li><button aria-label="Repost"><svg width="16" height="16"></svg><span>Repost</span></button></li><li><button aria-label="Send"><svg width="16" height="16"></svg><span>Send</span></button></li></ul>
  <div class="cnt"><span>${i * 3} reactions</span> · <span>${i} comments</span></div></div></li>`).join('');
  return `<section class="artdeco-card q9z"><div class="hd"><h2><span aria-hidden="true">Activity</span><span class="vh8">Activity</span></h2></div><ul>${posts}</ul></section>`;
}

function skills(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `<li class="s${i % 5}k"><div><a href="https://www.linkedin.com/in/amelie/details/skills/urn:li:fsd_skill:${i}/"><span aria-hidden="true">Skill ${i}</span><span class="vh8">Skill ${i}</span></a></div><div><span>${i % 40} endorsements</span><ul><li><img alt="" width="24" height="24"></li><li><img alt="" width="24" height="24"></li></ul></div></li>`).join('');
  return `<section class="artdeco-card"><h2>Skills</h2><ul>${items}</ul></section>`;
}

function peopleAlsoViewed(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `<li><a href="https://www.linkedin.com/in/viewer-${i}/"><img alt="" width="56" height="56"><div><span aria-hidden="true">Viewer ${i}</span><span class="vh8">Viewer ${i}</span></div><div><span>Role ${i} at Company ${i}</span></div></a><button aria-label="Connect with Viewer ${i}"><svg width="16" height="16"></svg><span>Connect</span></button></li>`).join('');
  return `<aside class="scaffold-layout__aside"><section><h2>People also viewed</h2><ul>${items}</ul></section></aside>`;
}

let html = renderProfile(DEMO_PERSON, credentials, { lazy: false });
const extra = activity(62) + skills(84) + peopleAlsoViewed(62);
html = html.replace('</main>', `${extra}</main>`);
const elements = (html.match(/<[a-z][^>]*>/gi) ?? []).length;
writeFileSync(new URL('../tests/fixtures/linkedin/profile-5000.html', import.meta.url), html);
console.log(`profile-5000.html: ${elements} elements, ${html.length} bytes, ${credentials.length} certifications`);
