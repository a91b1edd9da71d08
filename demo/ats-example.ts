/**
 * An applicant-tracking system screening a candidate's CV with the CredLens SDK: find the credential
 * links in the CV, verify each, and print what a recruiter needs, signal by signal.
 *
 *   npm run demo:ats                       screens the demo candidate's PDF CV against the demo issuer
 *   npm run demo:ats -- path/to/cv.docx    screens any CV file (PDF, DOCX, HTML or text)
 *
 * The part an ATS would copy is `screenCv`; the rest starts the demo issuer so the example runs offline.
 */
import { readFile } from 'node:fs/promises';
import { verify, type Report } from '../sdk/index.js';
import { extractLinks, isCredentialLink } from '../sdk/input/cv.js';
import { startIssuer } from './issuer/server.js';
import { startSite } from './site.js';
import { DEMO_PERSON } from './types.js';

/** One screened credential, as an ATS would store it. */
export interface ScreenedCredential {
  link: string;
  verdict: Report['verdict'];
  title?: string;
  issuer?: string;
  trust: Report['trust']['level'];
  problems: string[];
}

/** Finds and verifies every credential link in a CV. `options` go to `verify` (e.g. allowPrivateNetwork). */
export async function screenCv(cv: Uint8Array, options: Parameters<typeof verify>[1] = {}): Promise<ScreenedCredential[]> {
  const links = extractLinks(cv).links.map((l) => l.url).filter(isCredentialLink);
  const results: ScreenedCredential[] = [];
  for (const link of links) {
    try {
      const r = await verify(link, options);
      results.push({
        link,
        verdict: r.verdict,
        title: r.credential.name,
        issuer: r.credential.issuer.name ?? r.credential.issuer.id,
        trust: r.trust.level,
        problems: r.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip').map((c) => `${c.id}: ${c.message}`),
      });
    } catch (e) {
      results.push({ link, verdict: 'unverifiable', trust: 'unknown', problems: [(e as Error).message] });
    }
  }
  return results;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  const issuer = await startIssuer({ port: 0 });
  const site = await startSite(issuer.credentials, { issuerOrigin: issuer.origin });
  try {
    const cv = file ? new Uint8Array(await readFile(file)) : new Uint8Array(await (await fetch(site.pages.cvPdf)).arrayBuffer());
    console.log(`Screening ${file ?? `the CV of ${DEMO_PERSON.name} (${site.pages.cvPdf})`}…\n`);
    const screened = await screenCv(cv, { allowPrivateNetwork: true, allowHttpLocalhost: true });
    for (const s of screened) {
      console.log(`${s.verdict.toUpperCase().padEnd(14)} ${s.title ?? '(unnamed)'} — ${s.issuer ?? 'unknown issuer'} [trust: ${s.trust}]`);
      for (const p of s.problems) console.log(`               · ${p}`);
    }
    const valid = screened.filter((s) => s.verdict === 'valid').length;
    console.log(`\n${valid} of ${screened.length} credentials verified.`);
  } finally {
    await Promise.allSettled([site.close(), issuer.close()]);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await main();
