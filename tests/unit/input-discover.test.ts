import { describe, expect, it } from 'vitest';
import { discoverFromHtml, looksLikeCredential } from '../../sdk/input/discover.js';

const OB3 = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:issuer.example', type: ['Profile'], name: 'Example U' },
  credentialSubject: { type: ['AchievementSubject'], achievement: { name: 'Teamwork' } },
};
const OB2 = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://issuer.example/a/1' };
const SCHEMA_ORG = {
  '@context': 'https://schema.org',
  '@type': 'EducationalOccupationalCredential',
  name: 'Certificate in Something',
};

const page = (head: string, body = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Badge</title>${head}</head><body>${body}</body></html>`;

describe('discoverFromHtml: alternates', () => {
  it('finds alternate links of credential media types and resolves them', () => {
    const html = page(`
      <link rel="stylesheet" href="/app.css">
      <link rel="alternate" type="application/ld+json" href="/public/assertions/abc.json?v=2_0&amp;x=1">
      <LINK REL="Alternate" TYPE="application/vc+jwt; charset=utf-8" HREF='https://cdn.example/c.jwt'>
      <link rel="alternate" type="application/rss+xml" href="/feed.xml">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link type="application/json" rel="preload alternate" href=data.json>
      <link rel="alternate" type="application/json" href="javascript:alert(1)">
      <link rel="alternate" type="application/ld+json" href="/public/assertions/abc.json?v=2_0&x=1">`);
    expect(discoverFromHtml(html, 'https://badges.example/public/assertions/abc').alternates).toEqual([
      'https://badges.example/public/assertions/abc.json?v=2_0&x=1',
      'https://cdn.example/c.jwt',
      'https://badges.example/public/assertions/data.json',
    ]);
  });

  it('honours <base href>', () => {
    const html = page('<base href="https://other.example/x/"><link rel="alternate" type="application/vc+ld+json" href="cred.json">');
    expect(discoverFromHtml(html, 'https://page.example/a/b').alternates).toEqual(['https://other.example/x/cred.json']);
  });

  it('ignores links inside comments and scripts', () => {
    const html = page(
      '<!-- <link rel="alternate" type="application/json" href="/commented.json"> -->' +
        '<script>document.write(\'<link rel="alternate" type="application/json" href="/scripted.json">\')</script>',
    );
    expect(discoverFromHtml(html, 'https://p.example/').alternates).toEqual([]);
  });
});

describe('discoverFromHtml: embedded JSON-LD', () => {
  it('returns embedded blocks that look like credentials, and skips schema.org and broken JSON', () => {
    const html = page(
      `<script type="application/ld+json">${JSON.stringify(SCHEMA_ORG)}</script>` +
        `<script type="application/ld+json">{ "broken": </script>`,
      `<SCRIPT TYPE="application/ld+json; charset=utf-8">\n${JSON.stringify(OB3)}\n</SCRIPT>` +
        `<script type="application/ld+json">${JSON.stringify([OB2, { '@context': 'x', type: 'Thing' }])}</script>` +
        `<script>var x = ${JSON.stringify(OB3)};</script>`,
    );
    const r = discoverFromHtml(html, 'https://p.example/');
    expect(r.embedded).toEqual([OB3, OB2]);
    expect(r.alternates).toEqual([]);
  });

  it('accepts "</script >" with a space, and survives an unclosed script', () => {
    const html = page('', `<script type="application/ld+json">${JSON.stringify(OB3)}</script ><p>after</p><script type="application/ld+json">{"a":`);
    expect(discoverFromHtml(html, 'https://p.example/').embedded).toEqual([OB3]);
  });

  it('is bounded: deep JSON is skipped, huge pages are cut', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const html = page(`<script type="application/ld+json">${deep}</script>`);
    expect(discoverFromHtml(html, 'https://p.example/').embedded).toEqual([]);
    const big = 'x'.repeat(11 * 1024 * 1024) + '<link rel="alternate" type="application/json" href="/late.json">';
    expect(discoverFromHtml(big, 'https://p.example/').alternates).toEqual([]);
  });

  it('handles a page modelled on a badge platform page', () => {
    const html = `<!doctype html>
<html><head>
<meta property="og:title" content="Teamwork was issued by Example U to Jane Doe.">
<meta property="og:url" content="https://badges.example/public/assertions/ZwxV7sqTTqa-r_vK51VsdA">
<link rel="alternate" type="application/json+oembed" href="https://api.badges.example/public/oembed?format=json&amp;url=x">
<link rel="alternate" type="application/ld+json" href="https://api.badges.example/public/assertions/ZwxV7sqTTqa-r_vK51VsdA">
</head><body><div id="root"></div><script src="/main.js" defer></script></body></html>`;
    expect(discoverFromHtml(html, 'https://badges.example/public/assertions/ZwxV7sqTTqa-r_vK51VsdA')).toEqual({
      alternates: ['https://api.badges.example/public/assertions/ZwxV7sqTTqa-r_vK51VsdA'],
      embedded: [],
    });
  });
});

describe('discoverFromHtml: hostile pages stay linear', () => {
  it.each([
    ['"<a" repeated', '<a'.repeat(300_000)],
    ['"<a x=\'" repeated', "<a x='".repeat(100_000)],
    ['"&" without ";"', `<link rel="alternate" type="application/json" href="${'&'.repeat(500_000)}">`],
    ['open comments', '<!--'.repeat(200_000)],
    ['unclosed scripts', '<script type="application/ld+json">{'.repeat(50_000)],
  ])('%s', (_name, html) => {
    const t0 = performance.now();
    discoverFromHtml(html, 'https://p.example/');
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});

describe('looksLikeCredential', () => {
  it('needs @context and a credential or OB 2.0 assertion type', () => {
    expect(looksLikeCredential(OB3)).toBe(true);
    expect(looksLikeCredential(OB2)).toBe(true);
    expect(looksLikeCredential({ type: ['VerifiableCredential'] })).toBe(false);
    expect(looksLikeCredential({ '@context': 'https://schema.org', type: 'Assertion' })).toBe(false);
    expect(looksLikeCredential(SCHEMA_ORG)).toBe(false);
    expect(looksLikeCredential('x')).toBe(false);
  });
});
