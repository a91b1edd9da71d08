/**
 * The learner's page: what the person sees in their (invented) learning wallet and shares — each
 * credential with its share link, a copy button, the baked badge image to download when there is
 * one, and LinkedIn's "Add to profile" link; plus a call to action to preview how an employer sees
 * the badge with the CredLens extension's learner preview.
 */
import { DEMO_PERSON, type DemoCredential } from '../types.js';
import { SYSTEM_FONTS, colourFor, credentialId, escapeHtml, initials, isHttpUrl, issuedLine, safeHref, type DemoPerson } from './html.js';

/** Options for the learner page. */
export interface LearnerOptions {
  /** The instant "Expires" / "Expired" is computed against (default: none). */
  now?: Date;
}

/** LinkedIn's documented "Add to profile" link for certifications, prefilled from the credential. */
export function addToProfileUrl(c: DemoCredential): string {
  const p = new URLSearchParams({ startTask: 'CERTIFICATION_NAME', name: c.title, organizationName: c.issuerName });
  const issued = /^(\d{4})-(\d{2})/.exec(c.issued);
  if (issued) {
    p.set('issueYear', issued[1]!);
    p.set('issueMonth', String(Number(issued[2])));
  }
  const expires = c.expires ? /^(\d{4})-(\d{2})/.exec(c.expires) : null;
  if (expires) {
    p.set('expirationYear', expires[1]!);
    p.set('expirationMonth', String(Number(expires[2])));
  }
  p.set('certUrl', c.url);
  const id = credentialId(c.url);
  if (id) p.set('certId', id);
  return `https://www.linkedin.com/profile/add?${p.toString()}`;
}

/** Renders the learner page. */
export function renderLearnerPage(person: DemoPerson = DEMO_PERSON, credentials: DemoCredential[] = [], opts: LearnerOptions = {}): string {
  const cards = credentials
    .map((c, k) => {
      const inputId = `share-${k}`;
      const image = c.imageUrl && isHttpUrl(c.imageUrl)
        ? `<a class="btn" href="${safeHref(c.imageUrl)}" download>Download badge image</a>`
        : '';
      return `<li class="card">
      <div class="medal" style="--c:${colourFor(c.issuerName)}" aria-hidden="true"><span>${escapeHtml(initials(c.issuerName))}</span></div>
      <div class="body">
        <h3>${escapeHtml(c.title)}</h3>
        <p class="issuer">${escapeHtml(c.issuerName)}</p>
        <p class="meta">${escapeHtml(issuedLine(c, opts.now))} · <span class="fmt">${escapeHtml(c.format)}</span></p>
        <label class="share" for="${inputId}">Share link</label>
        <div class="row">
          <input id="${inputId}" type="text" readonly value="${escapeHtml(c.url)}">
          <button type="button" class="btn" data-copy="${escapeHtml(c.url)}">Copy link</button>
        </div>
        <div class="row actions">
          <a class="btn primary" href="${safeHref(c.url)}" target="_blank" rel="noopener">Open credential</a>
          ${image}
          <a class="btn" href="${safeHref(addToProfileUrl(c))}" target="_blank" rel="noopener">Add to LinkedIn profile</a>
        </div>
      </div>
    </li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>My credentials – ${escapeHtml(person.name)}</title>
<style>
*{box-sizing:border-box}
body{margin:0;font-family:${SYSTEM_FONTS};background:#f5f7fb;color:#1b2430;font-size:15px;line-height:1.5}
header.top{background:#14213d;color:#fff;padding:18px 0}
.wrap{max-width:980px;margin:0 auto;padding:0 20px}
.top .wrap{display:flex;align-items:center;gap:14px}
.logo{font-weight:700;letter-spacing:.3px;font-size:18px}
.logo b{color:#fca311}
.who{margin-left:auto;display:flex;align-items:center;gap:10px;font-size:14px}
.avatar{width:36px;height:36px;border-radius:50%;background:linear-gradient(145deg,#c37d92,#6e4a7e);display:flex;align-items:center;justify-content:center;font-weight:600}
h1{font-size:26px;margin:28px 0 4px}
.lead{color:#4a5566;margin:0 0 20px}
.cta{background:#fff;border:1px solid #dbe3ee;border-left:5px solid #fca311;border-radius:10px;padding:16px 20px;margin:0 0 24px}
.cta h2{font-size:17px;margin:0 0 4px}
.cta p{margin:0;color:#3b4656}
.cta ol{margin:8px 0 0;padding-left:20px;color:#3b4656}
.cards{list-style:none;margin:0 0 40px;padding:0;display:grid;gap:14px}
.card{background:#fff;border:1px solid #dbe3ee;border-radius:12px;padding:18px 20px;display:flex;gap:18px}
.medal{flex:none;width:72px;height:72px;border-radius:50%;background:radial-gradient(circle at 35% 30%,#fff6 0 18%,transparent 19%),var(--c);display:flex;align-items:center;justify-content:center;color:#fff;font-weight:700;font-size:20px;box-shadow:0 0 0 4px #fff,0 0 0 6px var(--c)}
.body{flex:1;min-width:0}
h3{margin:0;font-size:17px}
.issuer{margin:0;color:#334155;font-weight:500}
.meta{margin:2px 0 10px;color:#64748b;font-size:13.5px}
.fmt{background:#eef2f7;border-radius:10px;padding:1px 8px;font-size:12px;color:#475569}
.share{font-size:12px;color:#64748b;text-transform:uppercase;letter-spacing:.6px}
.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.row input{flex:1;min-width:240px;font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:7px 10px;border:1px solid #cbd5e1;border-radius:6px;background:#f8fafc;color:#334155}
.actions{margin-top:10px}
.btn{display:inline-block;border:1px solid #94a3b8;background:#fff;color:#1e293b;border-radius:6px;padding:6px 12px;font-size:14px;text-decoration:none;cursor:pointer;font-family:inherit}
.btn:hover{background:#f1f5f9}
.btn.primary{background:#14213d;border-color:#14213d;color:#fff}
.btn.done{border-color:#16a34a;color:#166534}
footer{color:#64748b;font-size:13px;padding:0 0 40px}
</style>
</head>
<body>
<header class="top"><div class="wrap"><span class="logo">Learning<b>Wallet</b> <small>(demo)</small></span>
<span class="who"><span class="avatar" aria-hidden="true">${escapeHtml(initials(person.name))}</span>${escapeHtml(person.name)}</span></div></header>
<main class="wrap">
<h1>My credentials</h1>
<p class="lead">${credentials.length} credential${credentials.length === 1 ? '' : 's'} earned. Share a link on your profile or CV; employers can check each one themselves.</p>
<section class="cta" aria-labelledby="cta-h">
  <h2 id="cta-h">How does my badge look to an employer?</h2>
  <p>Recruiters using the CredLens browser extension see a verdict next to every credential link: whether it is intact and current, who issued it, and what it certifies (assessment, workload, level, quality assurance).</p>
  <ol>
    <li>Open the CredLens extension and choose <strong>Learner preview</strong>.</li>
    <li>Paste a share link from below, or drop your downloaded badge image or credential file.</li>
    <li>See the card a recruiter sees, and the checklist of what to ask your issuer to add.</li>
  </ol>
</section>
<ul class="cards">
${cards}
</ul>
</main>
<footer class="wrap">Demo learner page generated by CredLens. Every organisation and credential on it is invented.</footer>
<script>
document.addEventListener('click', function (e) {
  var t = e.target;
  var button = t && t.closest ? t.closest('[data-copy]') : null;
  if (!button) return;
  var text = button.getAttribute('data-copy') || '';
  var done = function () { button.textContent = 'Copied'; button.classList.add('done'); };
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () {});
});
</script>
</body>
</html>
`;
}
