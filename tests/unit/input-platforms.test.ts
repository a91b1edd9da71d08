import { describe, expect, it } from 'vitest';
import { resolvePlatform, unwrapRedirect } from '../../sdk/input/platforms.js';

const UUID = '2d83d54d-0155-4d3a-8548-f3fdb00390d1';
const CREDLY = {
  platform: 'Credly',
  verifiable: true,
  candidates: [
    `https://api.credly.com/v1/obi/v2/badge_assertions/${UUID}`,
    `https://www.credly.com/api/v1/obi/v3/open_badge_credentials/${UUID}`,
  ],
  page: `https://www.credly.com/badges/${UUID}`,
};
const enc = encodeURIComponent;

describe('resolvePlatform: Credly', () => {
  it.each([
    `https://www.credly.com/badges/${UUID}`,
    `https://credly.com/badges/${UUID}`,
    `https://www.credly.com/badges/${UUID}/`,
    `https://www.credly.com/badges/${UUID}/public_url`,
    `https://www.credly.com/badges/${UUID}/linked_in_profile?trk=x#top`,
    `https://WWW.CREDLY.COM/badges/${UUID.toUpperCase()}`,
    `https://www.credly.com./badges/${UUID}`,
    `http://www.credly.com/badges/${UUID}`,
    `https://www.credly.com/earner/earned/badge/${UUID}`,
    `https://www.youracclaim.com/badges/${UUID}`,
    `https://www.linkedin.com/redir/redirect?url=${enc(`https://www.credly.com/badges/${UUID}/public_url`)}&urlhash=abc`,
    `https://www.linkedin.com/safety/go?url=${enc(`https://www.credly.com/badges/${UUID}`)}&trk=flagship`,
  ])('%s', (url) => {
    expect(resolvePlatform(url)).toMatchObject(CREDLY);
  });

  it.each([
    'https://www.credly.com/badges/not-a-uuid',
    `https://www.credly.com/users/someone/badges`,
    `https://www.credly.com/org/ibm/badge/${UUID}`,
    `https://evilcredly.com/badges/${UUID}`,
    `https://www.credly.com.evil.example/badges/${UUID}`,
  ])('not Credly: %s', (url) => {
    expect(resolvePlatform(url)).toBeUndefined();
  });
});

describe('resolvePlatform: Badgr / Canvas Credentials / Parchment', () => {
  const ID = 'ZwxV7sqTTqa-r_vK51VsdA';
  it.each([
    [`https://badgr.com/public/assertions/${ID}`, 'api.badgr.io'],
    [`https://www.badgr.com/public/assertions/${ID}?identity__email=a%40b.c`, 'api.badgr.io'],
    [`https://badgr.io/public/assertions/${ID}/`, 'api.badgr.io'],
    [`https://api.badgr.io/public/assertions/${ID}`, 'api.badgr.io'],
    [`https://api.badgr.io/public/assertions/${ID}.json?v=2_0`, 'api.badgr.io'],
    [`https://eu.badgr.com/public/assertions/${ID}`, 'api.eu.badgr.io'],
    [`https://api.eu.badgr.io/public/assertions/${ID}`, 'api.eu.badgr.io'],
    [`https://au.badgr.com/public/assertions/${ID}`, 'api.au.badgr.io'],
    [`https://ca.badgr.com/public/assertions/${ID}`, 'api.ca.badgr.io'],
    [`https://sg.badgr.com/public/assertions/${ID}`, 'api.sg.badgr.io'],
    [`https://test.badgr.com/public/assertions/${ID}`, 'api.test.badgr.com'],
    [`https://badges.parchment.com/public/assertions/${ID}`, 'api.badges.parchment.com'],
    [`https://api.badges.parchment.eu/public/assertions/${ID}`, 'api.badges.parchment.eu'],
  ])('%s → %s', (url, api) => {
    const m = resolvePlatform(url);
    expect(m).toMatchObject({
      verifiable: true,
      candidates: [`https://${api}/public/assertions/${ID}`, `https://${api}/public/assertions/${ID}.json?v=2_0`],
    });
    expect(m?.platform).toMatch(api.includes('parchment') ? /Parchment/ : /Canvas Credentials/);
  });

  it('accepts older uuid entity ids', () => {
    const m = resolvePlatform(`https://badgr.io/public/assertions/1c6de3ea-b91e-4ce8-b735-ca9504faafe5`);
    expect(m?.verifiable).toBe(true);
  });

  it.each([`https://badgr.com/public/badges/${ID}`, `https://badgr.com/public/assertions/${ID}/image`, `https://badgr.com/backpack/earned`])(
    'not an assertion: %s',
    (url) => expect(resolvePlatform(url)).toBeUndefined(),
  );
});

describe('resolvePlatform: Open Badge Factory', () => {
  const HEX = '1ad0ca0b37b55d3def2a09fc01d2167bac8e28dd';
  it.each([
    `https://openbadgefactory.com/v1/assertion/${HEX}`,
    `https://openbadgefactory.com/v1/assertion/${HEX}.html`,
    `https://openbadgefactory.com/v1/assertion/${HEX}.json`,
    `https://www.openbadgefactory.com/v1/assertion/${HEX.toUpperCase()}/`,
  ])('%s', (url) => {
    expect(resolvePlatform(url)).toMatchObject({
      platform: 'Open Badge Factory',
      verifiable: true,
      candidates: [`https://openbadgefactory.com/v1/assertion/${HEX}.json`],
    });
  });
  it('refuses a short id', () => expect(resolvePlatform('https://openbadgefactory.com/v1/assertion/abc.json')).toBeUndefined());
});

describe('resolvePlatform: Europass', () => {
  const HASH = '9c2b7e1f-2f0a-4d1e-8a57-6a5f3c1d2e4b';
  it.each([
    `https://europa.eu/europass/digital-credentials/viewer/#/shareview/${HASH}`,
    `https://europa.eu/europass/digital-credentials/viewer/#/shareview/${HASH}?lang=fr`,
    `https://europa.eu/europass/digital-credentials/viewer#/shareview/${HASH}/`,
  ])('share link %s', (url) => {
    expect(resolvePlatform(url)).toMatchObject({
      platform: 'Europass',
      verifiable: true,
      candidates: [
        `https://europa.eu/europass/digital-credentials/viewer/api/v1/sharelinks/${HASH}/credential`,
        `https://europa.eu/europass/digital-credentials/viewer/api/v1/sharelinks/${HASH}/presentation`,
      ],
    });
  });
  it('a viewer link that is not a share link gets advice', () => {
    const m = resolvePlatform('https://europa.eu/europass/digital-credentials/viewer/#/view/123/456');
    expect(m).toMatchObject({ platform: 'Europass', verifiable: false });
    expect(m && !m.verifiable && m.advice).toMatch(/share link/);
  });
  it('other Europass pages are not credentials', () => {
    expect(resolvePlatform('https://europa.eu/europass/en/create-europass-cv')).toBeUndefined();
  });
});

describe('resolvePlatform: platforms without verifiable data', () => {
  it.each([
    ['https://www.credential.net/10000005', 'Accredible', 'https://www.credential.net/10000005'],
    ['https://credential.net/10000005/', 'Accredible', 'https://www.credential.net/10000005'],
    ['https://www.credential.net/b0634c8b-e7b6-4d1c-a4c7-c2d31f9024e2#acc.r3NJjRvY', 'Accredible', 'https://www.credential.net/b0634c8b-e7b6-4d1c-a4c7-c2d31f9024e2'],
    ['https://www.coursera.org/verify/LBUFQRNR2VWA', 'Coursera', 'https://www.coursera.org/verify/LBUFQRNR2VWA'],
    ['https://coursera.org/verify/specialization/YL7UHT3T6MXB/', 'Coursera', 'https://www.coursera.org/verify/specialization/YL7UHT3T6MXB'],
    ['https://www.coursera.org/verify/professional-cert/5TTMZHDGUV8E', 'Coursera', 'https://www.coursera.org/verify/professional-cert/5TTMZHDGUV8E'],
    [
      'https://www.coursera.org/account/accomplishments/verify/K8J67ALK86QU?utm_source%3Dandroid%26utm_medium%3Dcertificate',
      'Coursera',
      'https://www.coursera.org/verify/K8J67ALK86QU',
    ],
    ['https://www.coursera.org/account/accomplishments/certificate/K8J67ALK86QU', 'Coursera', 'https://www.coursera.org/verify/K8J67ALK86QU'],
    [
      'https://www.coursera.org/account/accomplishments/specialization/certificate/LG34VEWDKJKZ',
      'Coursera',
      'https://www.coursera.org/verify/specialization/LG34VEWDKJKZ',
    ],
    [
      'https://www.coursera.org/account/accomplishments/professional-cert/5TTMZHDGUV8E?utm_source=link',
      'Coursera',
      'https://www.coursera.org/verify/professional-cert/5TTMZHDGUV8E',
    ],
    [
      'https://credentials.edx.org/credentials/35a6225738e248c182c1ef87b86f2802/',
      'edX',
      'https://credentials.edx.org/credentials/35a6225738e248c182c1ef87b86f2802/',
    ],
    [
      'https://courses.edx.org/certificates/35A6225738E248C182C1EF87B86F2802',
      'edX',
      'https://courses.edx.org/certificates/35a6225738e248c182c1ef87b86f2802/',
    ],
    [
      'https://learn.microsoft.com/api/credentials/share/en-us/KalyankumarKonduru-6196/11B558E0617BEED4?sharingId=D70107F385967651',
      'Microsoft Learn',
      'https://learn.microsoft.com/api/credentials/share/en-us/KalyankumarKonduru-6196/11B558E0617BEED4?sharingId=D70107F385967651',
    ],
    [
      'https://learn.microsoft.com/en-us/users/joemonjohnson-5555/credentials/f7f30c5bf0f8de6b',
      'Microsoft Learn',
      'https://learn.microsoft.com/en-us/users/joemonjohnson-5555/credentials/f7f30c5bf0f8de6b',
    ],
    [
      'https://learn.microsoft.com/users/joemonjohnson-5555/transcript/d8yjji2zo2gm2p/',
      'Microsoft Learn',
      'https://learn.microsoft.com/users/joemonjohnson-5555/transcript/d8yjji2zo2gm2p/',
    ],
    [
      'https://www.linkedin.com/learning/certificates/3e4c6f1e0c5b7a9d2f8e1b6a4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d?trk=share',
      'LinkedIn Learning',
      'https://www.linkedin.com/learning/certificates/3e4c6f1e0c5b7a9d2f8e1b6a4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d',
    ],
  ])('%s → %s (advice)', (url, platform, page) => {
    const m = resolvePlatform(url);
    expect(m).toMatchObject({ platform, verifiable: false, page });
    expect(m && !m.verifiable && m.advice.length).toBeGreaterThan(40);
  });

  it.each([
    'https://learn.microsoft.com/en-us/credentials/certifications/azure-security-engineer/',
    'https://learn.microsoft.com/en-us/credentials/certifications/resources/study-guides/az-104',
    'https://www.coursera.org/learn/machine-learning',
    'https://www.coursera.org/specializations/python',
    'https://www.credential.net/profile/someone',
    'https://www.linkedin.com/in/someone/',
    'https://www.linkedin.com/learning/python-essential-training',
    'https://example.org/badges/123',
    'not a url',
    'mailto:someone@example.org',
  ])('not a credential page: %s', (url) => {
    expect(resolvePlatform(url)).toBeUndefined();
  });
});

describe('unwrapRedirect', () => {
  const target = `https://www.credly.com/badges/${UUID}/public_url?a=1&b=2`;
  it.each([
    `https://www.linkedin.com/redir/redirect?url=${enc(target)}&urlhash=JQ8a&trk=public_profile`,
    `https://linkedin.com/redir/redirect/?url=${enc(target)}`,
    `https://de.linkedin.com/redir/redirect?url=${enc(target)}`,
    `https://www.linkedin.com/safety/go?url=${enc(target)}&trk=flagship-messaging-web`,
    `https://www.google.com/url?q=${enc(target)}&sa=D&source=editors&ust=1&usg=AOv`,
    `https://eur01.safelinks.protection.outlook.com/?url=${enc(target)}&data=05%7C01&reserved=0`,
    // nested: a Google-wrapped LinkedIn redirect
    `https://www.google.com/url?q=${enc(`https://www.linkedin.com/redir/redirect?url=${enc(target)}`)}`,
  ])('%s', (url) => {
    expect(unwrapRedirect(url)).toBe(target);
  });

  it.each([
    target,
    'https://www.linkedin.com/redir/redirect?url=javascript%3Aalert(1)',
    'https://www.linkedin.com/redir/redirect?urlhash=x',
    'https://www.linkedin.com/in/someone/?url=https%3A%2F%2Fexample.org',
    'https://evil.example/redir/redirect?url=https%3A%2F%2Fexample.org',
    'not a url',
  ])('leaves %s alone', (url) => {
    expect(unwrapRedirect(url)).toBe(url);
  });
});
