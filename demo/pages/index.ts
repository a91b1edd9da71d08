/**
 * The demo's start page: the pages (profile, CVs, learner page), the issuer, and every credential
 * with the verdict CredLens must give it. Also re-exports every page generator.
 */
import { DEMO_PERSON, type DemoCredential } from '../types.js';
import { SYSTEM_FONTS, escapeHtml, isHttpUrl, safeHref, slugify, type DemoPerson } from './html.js';

export { escapeHtml, linkedinRedirect, type DemoPerson } from './html.js';
export { renderProfile, renderProfileClassic, type ProfileOptions } from './profile.js';
export { renderCvHtml, type CvHtmlOptions } from './cv-html.js';
export { makeCvPdf, type CvPdfOptions } from './cv-pdf.js';
export { makeCvDocx, type CvDocxOptions } from './cv-docx.js';
export { renderLearnerPage, addToProfileUrl, type LearnerOptions } from './learner.js';

/** Where the pages live on the pages server (paths, or absolute URLs). */
export interface DemoPagePaths {
  profile: string;
  cvHtml: string;
  cvPdf: string;
  cvDocx: string;
  learner: string;
}

/** The paths the demo's pages server (demo/site.ts) uses for a person. */
export function demoPagePaths(person: DemoPerson = DEMO_PERSON): DemoPagePaths {
  const slug = slugify(person.name);
  return {
    profile: `/in/${slug}/`,
    cvHtml: `/cv/${slug}.html`,
    cvPdf: `/cv/${slug}.pdf`,
    cvDocx: `/cv/${slug}.docx`,
    learner: '/learner/',
  };
}

/** Options for the start page. */
export interface IndexOptions {
  person?: DemoPerson;
  pages?: DemoPagePaths;
  /** The pages server's origin, for complete command examples (default: a placeholder). */
  siteOrigin?: string;
}

const VERDICT_COLOURS: Record<string, [string, string]> = {
  valid: ['#e6f4ea', '#137333'],
  invalid: ['#fce8e6', '#a50e0e'],
  revoked: ['#fce8e6', '#a50e0e'],
  expired: ['#fef7e0', '#8a5a00'],
  'not-yet-valid': ['#fef7e0', '#8a5a00'],
  unverifiable: ['#eceff1', '#37474f'],
};

/** Renders the start page. `origin` is the demo issuer's origin (http://127.0.0.1:port). */
export function renderIndex(origin: string, credentials: DemoCredential[] = [], opts: IndexOptions = {}): string {
  const person = opts.person ?? DEMO_PERSON;
  const p = opts.pages ?? demoPagePaths(person);
  const issuer = isHttpUrl(origin) ? new URL(origin).origin : '';
  const page = (href: string, title: string, what: string) =>
    `<li><a href="${escapeHtml(href)}">${escapeHtml(title)}</a><span>${escapeHtml(what)}</span></li>`;
  const rows = credentials
    .map((c) => {
      const [bg, fg] = VERDICT_COLOURS[c.expect] ?? ['#eceff1', '#37474f'];
      return `<tr>
      <td><a href="${safeHref(c.url)}">${escapeHtml(c.title)}</a><div class="sub">${escapeHtml(c.issuerName)}</div></td>
      <td>${escapeHtml(c.format)}</td>
      <td><span class="pill" style="background:${bg};color:${fg}">${escapeHtml(c.expect)}</span></td>
      <td class="note">${escapeHtml(c.note)}</td>
    </tr>`;
    })
    .join('\n');
  const issuerLinks = issuer
    ? `<ul class="pages">
      ${page(`${issuer}/`, issuer, 'the demo issuer (keys, credentials, status lists)')}
      ${page(`${issuer}/.well-known/did.json`, 'did:web document', 'the issuer’s published keys')}
      ${page(`${issuer}/trust/list.json`, 'Trust list', 'a registry file CredLens can load')}
    </ul>`
    : '<p>The issuer is not running.</p>';
  const firstUrl = credentials[0]?.url ?? `${issuer}/…`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CredLens demo</title>
<style>
*{box-sizing:border-box}
body{margin:0;font-family:${SYSTEM_FONTS};color:#1b2430;background:#f6f8fb;line-height:1.5}
.wrap{max-width:1040px;margin:0 auto;padding:28px 20px 48px}
h1{margin:0;font-size:30px}
h1 span{color:#0a66c2}
.lead{color:#4a5566;margin:6px 0 24px;max-width:760px}
h2{font-size:18px;margin:28px 0 10px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:20px}
.box{background:#fff;border:1px solid #dde4ee;border-radius:10px;padding:14px 18px}
.box h2{margin-top:0}
.pages{list-style:none;margin:0;padding:0}
.pages li{padding:6px 0;border-bottom:1px solid #eef2f7;display:flex;flex-direction:column}
.pages li:last-child{border-bottom:0}
.pages a{color:#0a66c2;font-weight:600;text-decoration:none}
.pages a:hover{text-decoration:underline}
.pages span{color:#5b6675;font-size:13.5px}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #dde4ee;border-radius:10px;overflow:hidden}
th,td{text-align:left;padding:9px 12px;border-bottom:1px solid #eef2f7;vertical-align:top;font-size:14px}
th{background:#f0f4f9;font-size:12.5px;text-transform:uppercase;letter-spacing:.5px;color:#4a5566}
td a{color:#0a66c2;font-weight:600;text-decoration:none}
.sub{color:#5b6675;font-size:13px}
.pill{display:inline-block;border-radius:12px;padding:1px 10px;font-weight:600;font-size:12.5px;white-space:nowrap}
.note{color:#3b4656}
code{background:#eef2f7;border-radius:4px;padding:1px 5px;font-size:13px;word-break:break-all}
pre{background:#14213d;color:#e8edf5;border-radius:8px;padding:12px 14px;overflow:auto;font-size:13px}
@media (max-width:760px){.grid{grid-template-columns:1fr}}
</style>
</head>
<body>
<div class="wrap">
<h1>Cred<span>Lens</span> demo</h1>
<p class="lead">A small, real world to try CredLens in: a local issuer with real keys and signed credentials, and the pages where recruiters meet them — a LinkedIn-like profile of ${escapeHtml(person.name)}, CVs in HTML, PDF and Word, and the learner’s own page.</p>
<div class="grid">
  <section class="box"><h2>Pages</h2>
    <ul class="pages">
      ${page(p.profile, 'LinkedIn-like profile', '“Licenses & certifications” with “Show credential” links (wrapped, lazily loaded)')}
      ${page(p.cvHtml, 'CV (HTML)', 'a one-page CV with a Certifications section')}
      ${page(p.cvPdf, 'CV (PDF)', 'link annotations in a compressed PDF')}
      ${page(p.cvDocx, 'CV (Word)', 'hyperlinks in a .docx')}
      ${page(p.learner, 'Learner page', 'what the learner sees and shares')}
    </ul>
  </section>
  <section class="box"><h2>Issuer</h2>${issuerLinks}</section>
</div>
<h2>Credentials (${credentials.length})</h2>
<table>
<thead><tr><th>Credential</th><th>Format</th><th>Expected verdict</th><th>What it shows</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Try it from the command line</h2>
<pre>npx credlens verify ${escapeHtml(firstUrl)} --allow-private-network --allow-http-localhost
npx credlens scan ${escapeHtml(opts.siteOrigin && isHttpUrl(opts.siteOrigin) ? new URL(p.cvPdf, opts.siteOrigin).href : `<this site>${p.cvPdf}`)} --allow-private-network --allow-http-localhost</pre>
</div>
</body>
</html>
`;
}
