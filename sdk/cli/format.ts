import type { Check, Report } from '../report/types.js';

const MARK: Record<Check['status'], string> = { pass: '✓', fail: '✗', warn: '!', skip: '-', unsupported: '?', error: '?' };

/** Human-readable report: the verdict first, then what the credential says, then one line per check. */
export function formatReport(r: Report): string {
  const lines = [`${r.verdict.toUpperCase()}  ${r.credential.name ?? '(unnamed credential)'}`];
  const issuer = r.credential.issuer.name ?? r.credential.issuer.id;
  if (issuer) lines.push(`  issuer:   ${issuer}${r.credential.issuer.name && r.credential.issuer.id ? ` (${r.credential.issuer.id})` : ''}`);
  const subject = r.credential.subject.name ?? r.credential.subject.id;
  if (subject) lines.push(`  earner:   ${subject}`);
  if (r.credential.issued) lines.push(`  issued:   ${r.credential.issued}`);
  if (r.credential.expires) lines.push(`  expires:  ${r.credential.expires}`);
  lines.push(`  format:   ${r.format}`);
  lines.push('');
  for (const c of r.checks) lines.push(`  ${MARK[c.status]} ${c.id.padEnd(15)} ${c.message}`);
  return lines.join('\n') + '\n';
}
