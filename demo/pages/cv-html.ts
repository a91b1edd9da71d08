/**
 * A one-page HTML CV, as candidates publish on personal sites or paste into ATS portals: header,
 * profile, experience, education, a "Certifications" section whose titles link to the credentials
 * with plain hrefs (the address is also written out, as people do for print), skills, languages.
 */
import { DEMO_PERSON, type DemoCredential } from '../types.js';
import { cvModel, period, type CvOptions } from './cv-content.js';
import { SYSTEM_FONTS, escapeHtml, safeHref, type DemoPerson } from './html.js';

/** Options for the HTML CV. */
export type CvHtmlOptions = CvOptions;

/** Renders the CV as a standalone HTML document. */
export function renderCvHtml(person: DemoPerson = DEMO_PERSON, credentials: DemoCredential[] = [], opts: CvHtmlOptions = {}): string {
  const m = cvModel(person, credentials, opts);
  const contact = [
    `<span>${escapeHtml(person.location)}</span>`,
    `<a href="${safeHref(`mailto:${person.email}`)}">${escapeHtml(person.email)}</a>`,
    ...(m.profileUrl ? [`<a href="${safeHref(m.profileUrl)}">${escapeHtml(m.profileUrl.replace(/^https?:\/\/(www\.)?/, ''))}</a>`] : []),
  ].join('<span class="sep" aria-hidden="true">·</span>');
  const jobs = m.jobs
    .map(
      (j) => `<article class="entry">
        <header><h3>${escapeHtml(j.role)}</h3><span class="when">${escapeHtml(period(j.from, j.to))}</span></header>
        <p class="where">${escapeHtml(j.org)} · ${escapeHtml(j.place)}</p>
        <ul>${j.bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>
      </article>`,
    )
    .join('\n');
  const schools = m.schools
    .map(
      (s) => `<article class="entry">
        <header><h3>${escapeHtml(s.degree)}</h3><span class="when">${escapeHtml(`${s.from} – ${s.to}`)}</span></header>
        <p class="where">${escapeHtml(s.school)} · ${escapeHtml(s.detail)}</p>
      </article>`,
    )
    .join('\n');
  const certs = m.certifications
    .map(
      (c) => `<li class="cert">
        <header><a class="cert-title" href="${safeHref(c.url)}">${escapeHtml(c.title)}</a><span class="when">${escapeHtml(c.issued)}</span></header>
        <p class="where">${escapeHtml(c.issuer)} · ${escapeHtml(c.dates)}</p>
        <p class="url">${escapeHtml(c.url)}</p>
      </li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(person.name)} – CV</title>
<meta name="author" content="${escapeHtml(person.name)}">
<style>
@page{size:A4;margin:14mm 16mm}
*{box-sizing:border-box}
body{margin:0;background:#e9ecef;color:#1f2933;font-family:${SYSTEM_FONTS};font-size:13.5px;line-height:1.45}
.page{max-width:820px;margin:32px auto;background:#fff;padding:44px 56px 48px;box-shadow:0 2px 14px rgba(15,30,50,.12);border-top:6px solid #0b4f8a}
h1{font-size:30px;margin:0;letter-spacing:-.3px;color:#0b2540}
.headline{font-size:16px;color:#3e5368;margin-top:2px}
.contact{margin-top:10px;color:#52606d;font-size:13px;display:flex;flex-wrap:wrap;gap:4px 0}
.contact a{color:#0b4f8a;text-decoration:none}
.sep{margin:0 8px;color:#9aa5b1}
h2{font-size:12.5px;text-transform:uppercase;letter-spacing:1.4px;color:#0b4f8a;margin:26px 0 10px;padding-bottom:5px;border-bottom:1.5px solid #d5dde5}
.entry,.cert{margin:0 0 12px}
.entry header,.cert header{display:flex;justify-content:space-between;gap:16px;align-items:baseline}
h3{font-size:14.5px;margin:0;color:#102a43}
.when{color:#627d98;font-size:12.5px;white-space:nowrap}
.where{margin:1px 0 0;color:#52606d}
.entry ul{margin:5px 0 0;padding-left:18px}
.entry li{margin:2px 0}
.certs{list-style:none;margin:0;padding:0}
.cert-title{font-weight:600;color:#0b4f8a;text-decoration:none;font-size:14.5px}
.cert-title:hover{text-decoration:underline}
.url{margin:1px 0 0;font-size:11.5px;color:#7b8794;word-break:break-all;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.tags{display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:0;list-style:none}
.tags li{background:#eef4fa;color:#243b53;border-radius:12px;padding:2px 10px;font-size:12.5px}
.two{display:grid;grid-template-columns:1fr 1fr;gap:0 32px}
@media print{body{background:#fff}.page{box-shadow:none;margin:0;padding:0;border-top:0;max-width:none}}
@media (max-width:640px){.page{padding:28px 22px;margin:0}.two{grid-template-columns:1fr}}
</style>
</head>
<body>
<div class="page">
<header>
  <h1>${escapeHtml(person.name)}</h1>
  <div class="headline">${escapeHtml(person.headline)}</div>
  <div class="contact">${contact}</div>
</header>
<section><h2>Profile</h2><p>${escapeHtml(m.summary)}</p></section>
<section><h2>Experience</h2>
${jobs}
</section>
<section><h2>Education</h2>
${schools}
</section>
<section id="certifications"><h2>Certifications</h2>
<ul class="certs">
${certs}
</ul>
</section>
<div class="two">
<section><h2>Skills</h2><ul class="tags">${m.skills.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></section>
<section><h2>Languages</h2><ul class="tags">${m.languages.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></section>
</div>
</div>
</body>
</html>
`;
}
