import { explain, type Lang } from '../explain/index.js';
import type { Check, Report } from '../report/types.js';

const MARK: Record<Check['status'], string> = { pass: '✓', fail: '✗', warn: '!', skip: '-', unsupported: '?', error: '?' };
const SIGNAL: Record<string, string> = { positive: '+', negative: '✗', neutral: '·' };

/**
 * Human-readable report: the verdict first, what the credential says, one line per check, then the
 * employer view (trust signals, what was assessed, EU elements, recipient), in plain language.
 */
export function formatReport(r: Report, lang: Lang = 'en'): string {
  const x = explain(r, lang);
  const lines = [`${r.verdict.toUpperCase()}  ${r.credential.name ?? '(unnamed credential)'}`, `  ${x.verdict.meaning}`];
  const issuer = r.credential.issuer.name ?? r.credential.issuer.id;
  if (issuer) lines.push(`  issuer:   ${issuer}${r.credential.issuer.name && r.credential.issuer.id ? ` (${r.credential.issuer.id})` : ''}`);
  const subject = r.credential.subject.name ?? r.credential.subject.id;
  if (subject) lines.push(`  earner:   ${subject}`);
  if (r.credential.issued) lines.push(`  issued:   ${r.credential.issued}`);
  if (r.credential.expires) lines.push(`  expires:  ${r.credential.expires}`);
  lines.push(`  format:   ${r.format}${r.platform ? ` (via ${r.platform.name})` : ''}`, '');
  for (const c of r.checks) lines.push(`  ${MARK[c.status]} ${c.id.padEnd(15)} ${c.message}`);

  if (r.format === 'unknown') return lines.join('\n') + '\n'; // nothing was read: no employer view
  lines.push('', `  ${x.trust.label}: ${x.trust.meaning}`);
  for (const s of x.trust.signals) lines.push(`    ${SIGNAL[s.status] ?? '·'} ${s.detail}`);
  if (x.assessment) {
    lines.push('', `  ${x.assessment.label}: ${x.assessment.meaning}`);
    if (x.assessment.identityVerification) lines.push(`    ${x.assessment.identityVerification.label}: ${x.assessment.identityVerification.meaning}`);
  }
  if (x.completeness) {
    lines.push('', `  ${x.completeness.text}`);
    for (const e of x.elements.filter((el) => el.mandatory)) lines.push(`    ${e.state === 'present' ? '✓' : e.state === 'unclear' ? '~' : '✗'} ${e.name}: ${e.stateLabel}`);
  }
  if (x.recipient) lines.push('', `  ${x.recipient.label}: ${x.recipient.detail}`);
  return lines.join('\n') + '\n';
}
