/**
 * The one stylesheet of CredLens's UI, used inside the badge's and the card's shadow roots
 * (`:host`) and on the extension pages (`:root`). System fonts only, no external assets.
 * Every text/background pair meets WCAG AA (4.5:1) in the light and the dark scheme; the mark
 * brings its own background and border, so it reads the same on white and on dark host pages;
 * everything interactive gets a 3px focus outline. It does not reset `:host` (the host element's
 * own rule decides its display), so a shadow root should give its host `all:initial` first.
 */
/** The stylesheet text: put it in a <style> element (textContent) in a shadow root or an extension page. */
export const STYLES = `
:host,:root,.cl-root{
  --cl-bg:#ffffff;--cl-fg:#1b1b1b;--cl-muted:#4a4a4a;--cl-line:#c9ccd1;--cl-soft:#f3f4f6;
  --cl-link:#0b57d0;--cl-focus:#0b57d0;--cl-on-link:#ffffff;
  --cl-ok-fg:#0a5a24;--cl-ok-bg:#e2f3e7;--cl-ok-line:#6fb884;
  --cl-warn-fg:#6a4300;--cl-warn-bg:#fff2d4;--cl-warn-line:#d9a53c;
  --cl-bad-fg:#9a1b1b;--cl-bad-bg:#fde7e7;--cl-bad-line:#df8c8c;
  --cl-info-fg:#293845;--cl-info-bg:#e9eef3;--cl-info-line:#9fb0bf;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  color:var(--cl-fg);
}
@media (prefers-color-scheme:dark){
  :host,:root,.cl-root{
    --cl-bg:#1f2023;--cl-fg:#f1f1f1;--cl-muted:#c3c6cb;--cl-line:#4a4d52;--cl-soft:#2a2c30;
    --cl-link:#8ab4f8;--cl-focus:#8ab4f8;--cl-on-link:#1f2023;
    --cl-ok-fg:#b4ecc3;--cl-ok-bg:#12361d;--cl-ok-line:#3f8a55;
    --cl-warn-fg:#ffdc8f;--cl-warn-bg:#3b2a00;--cl-warn-line:#9a7424;
    --cl-bad-fg:#ffc0c0;--cl-bad-bg:#4a1515;--cl-bad-line:#a55151;
    --cl-info-fg:#d6dde4;--cl-info-bg:#2a3138;--cl-info-line:#5d6b78;
  }
}
:root{background:var(--cl-bg);color-scheme:light dark}
body{margin:0}
*{box-sizing:border-box}
h1,h2,h3{margin:0 0 6px;line-height:1.25;color:var(--cl-fg)}
h1{font-size:20px}
h2{font-size:16px}
h3{font-size:13px;text-transform:uppercase;letter-spacing:.03em;color:var(--cl-muted)}
p{margin:0 0 6px}
ul,ol{margin:0 0 6px;padding-left:20px}
li{margin:2px 0}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
a{color:var(--cl-link);text-decoration:underline}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,[tabindex]:focus-visible{
  outline:3px solid var(--cl-focus);outline-offset:2px;border-radius:3px}
.cl-sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.cl-muted{color:var(--cl-muted)}
.cl-small{font-size:12px}

.cl-mark{display:inline-flex;align-items:center;gap:4px;vertical-align:middle;max-width:100%;
  padding:1px 7px 1px 5px;border:1px solid;border-radius:10px;
  font:600 12px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;white-space:nowrap;
  letter-spacing:normal;text-transform:none;text-decoration:none}
.cl-mark-icon{font-weight:700;min-width:1em;text-align:center}
.cl-mark-text{overflow:hidden;text-overflow:ellipsis}
.cl-mark-button{all:unset;display:inline-flex;cursor:pointer;border-radius:10px;max-width:100%}
.cl-mark-button:hover{background:none}
.cl-mark-button:hover .cl-mark{filter:brightness(.96)}
.cl-mark-button:focus-visible{outline:3px solid var(--cl-focus);outline-offset:2px}
.cl-tone-ok{color:var(--cl-ok-fg);background:var(--cl-ok-bg);border-color:var(--cl-ok-line)}
.cl-tone-warn{color:var(--cl-warn-fg);background:var(--cl-warn-bg);border-color:var(--cl-warn-line)}
.cl-tone-bad{color:var(--cl-bad-fg);background:var(--cl-bad-bg);border-color:var(--cl-bad-line)}
.cl-tone-info{color:var(--cl-info-fg);background:var(--cl-info-bg);border-color:var(--cl-info-line)}
@media (prefers-reduced-motion:no-preference){.cl-mark[data-state=pending] .cl-mark-icon{animation:cl-pulse 1.2s ease-in-out infinite}}
@keyframes cl-pulse{50%{opacity:.35}}

.cl-card{display:block;background:var(--cl-bg);color:var(--cl-fg);border:1px solid var(--cl-line);border-radius:8px;
  padding:12px 14px;max-width:640px;text-align:left;white-space:normal;overflow-wrap:anywhere;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.cl-popover{display:block;overflow:auto;max-height:70vh;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.28)}
.cl-popover .cl-card{max-width:none}
.cl-card-head{display:flex;align-items:flex-start;gap:8px;margin-bottom:6px}
.cl-card-head h2{flex:1;margin:0}
.cl-section{border-top:1px solid var(--cl-line);padding-top:8px;margin-top:8px}
.cl-verdict{border:1px solid;border-left-width:4px;padding:6px 10px;border-radius:4px;margin:8px 0}
.cl-verdict p:last-child{margin-bottom:0}
.cl-facts{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:2px 10px;margin:0 0 6px}
.cl-facts dt{color:var(--cl-muted)}
.cl-facts dd{margin:0;overflow-wrap:anywhere}
.cl-pill{display:inline-block;padding:0 6px;border-radius:8px;border:1px solid;font-size:12px;font-weight:600;margin-right:2px;white-space:nowrap}
.cl-els{list-style:none;padding-left:0}
.cl-els li{display:flex;gap:6px;align-items:baseline}
.cl-els .cl-pill{flex:none}
.cl-asks li,.cl-problems li{margin:6px 0}
details{margin:4px 0}
summary{cursor:pointer;color:var(--cl-link)}

button{font:inherit;font-size:13px;cursor:pointer;color:var(--cl-fg);background:var(--cl-soft);
  border:1px solid var(--cl-muted);border-radius:6px;padding:4px 10px;line-height:1.4}
button:hover{background:var(--cl-line)}
button[disabled]{cursor:default;opacity:.6}
button.cl-primary{background:var(--cl-link);color:var(--cl-on-link);border-color:var(--cl-link)}
button.cl-close{background:none;border:none;font-size:20px;line-height:1;padding:0 6px;color:var(--cl-muted)}
input,select,textarea{font:inherit;color:var(--cl-fg);background:var(--cl-bg);border:1px solid var(--cl-muted);border-radius:6px;padding:4px 6px}
input[type=checkbox],input[type=file]{border:none;padding:0}
.cl-page{max-width:780px;margin:0 auto;padding:16px}
.cl-panel{padding:10px}
.cl-popup{width:420px;max-height:580px;overflow:auto;padding:10px}
.cl-toolbar{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:8px 0}
.cl-counts{display:flex;flex-wrap:wrap;gap:4px 12px;margin:0 0 6px;padding:0;list-style:none}
.cl-list{list-style:none;margin:0;padding:0}
.cl-item{border:1px solid var(--cl-line);border-radius:8px;padding:8px 10px;margin:6px 0}
.cl-item-title{font-weight:600;margin:0 0 2px;overflow-wrap:anywhere}
.cl-item-meta{color:var(--cl-muted);font-size:12px;margin:4px 0}
.cl-item .cl-card{border:none;padding:8px 0 0;max-width:none}
.cl-row{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:baseline;margin:6px 0}
.cl-form label,.cl-field{display:block;margin:8px 0}
.cl-field>label,.cl-label{display:block;font-weight:600;margin-bottom:2px}
.cl-field input[type=text],.cl-field textarea{width:100%;padding:6px 8px}
.cl-field textarea{min-height:96px;resize:vertical;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.cl-drop{border:2px dashed var(--cl-muted);border-radius:8px;padding:14px;margin:8px 0}
.cl-drop[data-over=true]{border-color:var(--cl-link);background:var(--cl-soft)}
.cl-error{color:var(--cl-bad-fg);background:var(--cl-bad-bg);border:1px solid var(--cl-bad-line);border-radius:6px;padding:6px 10px}
.cl-status{min-height:1.45em}
.cl-results{display:grid;gap:12px;margin-top:12px}
progress{width:100%}
`;

