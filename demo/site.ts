/**
 * The demo's "web": the pages a recruiter, an HR system and a learner use (profile, CVs, learner
 * page), served on their own loopback origin, apart from the issuer, as on the real web.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeCvDocx } from './pages/cv-docx.js';
import { renderCvHtml } from './pages/cv-html.js';
import { makeCvPdf } from './pages/cv-pdf.js';
import { renderIndex } from './pages/index.js';
import { renderLearnerPage } from './pages/learner.js';
import { renderProfile } from './pages/profile.js';
import { DEMO_PERSON, type DemoCredential } from './types.js';

/** A running pages server. */
export interface Site {
  origin: string;
  /** Page paths, for people and for the runner. */
  pages: { profile: string; cvHtml: string; cvPdf: string; cvDocx: string; learner: string; index: string };
  close(): Promise<void>;
}

/** Starts the pages server on `port` (0 = any free port). */
export async function startSite(credentials: DemoCredential[], opts: { port?: number; host?: string; issuerOrigin: string }): Promise<Site> {
  const pdf = makeCvPdf(DEMO_PERSON, credentials);
  const docx = makeCvDocx(DEMO_PERSON, credentials);
  const routes: Record<string, () => { type: string; body: string | Uint8Array; headers?: Record<string, string> }> = {
    '/': () => ({ type: 'text/html; charset=utf-8', body: renderIndex(opts.issuerOrigin, credentials) }),
    '/in/amelie-novakova-schmidt/': () => ({ type: 'text/html; charset=utf-8', body: renderProfile(DEMO_PERSON, credentials) }),
    '/cv/amelie-novakova-schmidt.html': () => ({ type: 'text/html; charset=utf-8', body: renderCvHtml(DEMO_PERSON, credentials) }),
    '/cv/amelie-novakova-schmidt.pdf': () => ({ type: 'application/pdf', body: pdf }),
    '/cv/amelie-novakova-schmidt.docx': () => ({ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: docx, headers: { 'content-disposition': 'inline; filename="amelie-novakova-schmidt.docx"' } }),
    '/learner/': () => ({ type: 'text/html; charset=utf-8', body: renderLearnerPage(DEMO_PERSON, credentials) }),
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[path];
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const { type, body, headers } = route();
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    pages: {
      index: `${origin}/`,
      profile: `${origin}/in/amelie-novakova-schmidt/`,
      cvHtml: `${origin}/cv/amelie-novakova-schmidt.html`,
      cvPdf: `${origin}/cv/amelie-novakova-schmidt.pdf`,
      cvDocx: `${origin}/cv/amelie-novakova-schmidt.docx`,
      learner: `${origin}/learner/`,
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
