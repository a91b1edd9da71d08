/**
 * From a link to a verdict: platform pages, redirect wrappers, content negotiation, alternate links and
 * embedded JSON-LD, each against an injected fetch that serves responses of the recorded shapes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../sdk/index.js';
import { dbIssue, makeIssuer, openBadge } from '../helpers/issuers.js';

const NOW = '2026-03-01T00:00:00Z';
const UUID = '0f1e2d3c-4b5a-4697-8877-665544332211';
let badge: Record<string, unknown>;

beforeAll(async () => {
  const issuer = await makeIssuer(new Uint8Array(32).fill(9));
  badge = await dbIssue(openBadge(issuer.did, 42), 'eddsa-rdfc-2022', issuer);
});

type Route = (req: { url: string; accept: string }) => Response | undefined;
function site(routes: Record<string, Route>) {
  const log: string[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    log.push(url);
    const accept = new Headers(init?.headers).get('accept') ?? '';
    return routes[url]?.({ url, accept }) ?? new Response('not found', { status: 404 });
  };
  return { fetch, log };
}
const json = (v: unknown, type = 'application/json') => new Response(JSON.stringify(v), { headers: { 'content-type': type } });
const html = (s: string) => new Response(s, { headers: { 'content-type': 'text/html; charset=utf-8' } });

describe('links to credentials', () => {
  it('a Credly badge page resolves to its machine-readable credential', async () => {
    const { fetch, log } = site({ [`https://www.credly.com/api/v1/obi/v3/open_badge_credentials/${UUID}`]: () => json(badge, 'application/ld+json') });
    const r = await verify(`https://www.credly.com/badges/${UUID}/public_url`, { fetch, now: NOW });
    expect(r.verdict).toBe('valid');
    expect(r.platform?.name).toBe('Credly');
    expect(log[0]).toBe(`https://api.credly.com/v1/obi/v2/badge_assertions/${UUID}`);
  });

  it('a LinkedIn redirect wrapper is unwrapped first', async () => {
    const { fetch } = site({ [`https://www.credly.com/api/v1/obi/v3/open_badge_credentials/${UUID}`]: () => json(badge) });
    const wrapped = `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(`https://www.credly.com/badges/${UUID}`)}&urlhash=abc`;
    expect((await verify(wrapped, { fetch, now: NOW })).verdict).toBe('valid');
  });

  it('a platform with nothing verifiable says so, with advice, and fetches nothing', async () => {
    const { fetch, log } = site({});
    const r = await verify('https://www.coursera.org/verify/ABCDEF123456', { fetch, now: NOW });
    expect(r.verdict).toBe('unverifiable');
    expect(r.platform?.name).toBe('Coursera');
    expect(r.checks[0]).toMatchObject({ id: 'platform', status: 'unsupported', code: 'platform-unverifiable' });
    expect(r.checks[0]!.message.length).toBeGreaterThan(40);
    expect(log).toEqual([]);
  });

  it('any other page: content negotiation returns JSON-LD', async () => {
    const { fetch } = site({ 'https://badges.example.org/b/42': ({ accept }) => (accept.includes('application/ld+json') ? json(badge, 'application/ld+json') : html('<p>badge</p>')) });
    expect((await verify('https://badges.example.org/b/42', { fetch, now: NOW })).verdict).toBe('valid');
  });

  it('any other page: <link rel="alternate"> to the credential', async () => {
    const { fetch } = site({
      'https://badges.example.org/b/43': () => html('<html><head><link rel="alternate" type="application/ld+json" href="/b/43.json"></head><body>Badge</body></html>'),
      'https://badges.example.org/b/43.json': () => json(badge),
    });
    expect((await verify('https://badges.example.org/b/43', { fetch, now: NOW })).verdict).toBe('valid');
  });

  it('any other page: embedded JSON-LD credential', async () => {
    const page = `<html><head><script type="application/ld+json">${JSON.stringify(badge)}</script></head><body>Badge</body></html>`;
    const { fetch } = site({ 'https://badges.example.org/b/44': () => html(page) });
    expect((await verify('https://badges.example.org/b/44', { fetch, now: NOW })).verdict).toBe('valid');
  });

  it('a page with nothing machine-readable is reported as not a credential', async () => {
    const { fetch } = site({ 'https://example.org/about': () => html('<html><body>Hello</body></html>') });
    const r = await verify('https://example.org/about', { fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(r.checks[0]).toMatchObject({ id: 'format', code: 'no-credential' });
  });

  it('an unreachable credential is unverifiable, not invalid', async () => {
    const { fetch } = site({});
    const r = await verify('https://gone.example.org/badge.json', { fetch, now: NOW });
    expect(r.verdict).toBe('unverifiable');
    expect(r.checks[0]).toMatchObject({ id: 'fetch', code: 'http-status' });
  });
});

describe('every known platform', () => {
  const verifiable = [
    ['Credly', `https://www.credly.com/badges/${UUID}`],
    ['Canvas Credentials (Badgr)', 'https://badgr.com/public/assertions/AbCdEf123456'],
    ['Open Badge Factory', 'https://openbadgefactory.com/v1/assertion/0123456789abcdef0123456789abcdef01234567'],
    ['Europass', 'https://europa.eu/europass/digital-credentials/viewer/#/shareview/0123456789abcdef'],
  ] as const;
  it.each(verifiable)('%s: the first machine-readable candidate that answers is verified', async (name, page) => {
    const { resolvePlatform } = await import('../../sdk/input/platforms.js');
    const match = resolvePlatform(page);
    expect(match?.platform).toBe(name);
    if (!match?.verifiable) throw new Error('expected a verifiable platform');
    const last = match.candidates[match.candidates.length - 1]!;
    const { fetch, log } = site({ [last]: () => json(badge) });
    const r = await verify(page, { fetch, now: NOW });
    expect(r.verdict).toBe('valid');
    expect(r.platform?.name).toBe(name);
    expect(log).toEqual(match.candidates);
  });

  it.each([
    ['Accredible', 'https://www.credential.net/10203040'],
    ['edX', 'https://credentials.edx.org/credentials/0123456789abcdef0123456789abcdef'],
    ['Microsoft Learn', 'https://learn.microsoft.com/api/credentials/share/en-us/JaneDoe-1234/ABCDEF0123456789?sharingId=1234'],
    ['LinkedIn Learning', 'https://www.linkedin.com/learning/certificates/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'],
  ])('%s: unverifiable, with advice, nothing fetched', async (name, page) => {
    const { fetch, log } = site({});
    const r = await verify(page, { fetch, now: NOW });
    expect(r.verdict).toBe('unverifiable');
    expect(r.platform?.name).toBe(name);
    expect(log).toEqual([]);
  });
});
