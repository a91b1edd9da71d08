/**
 * What the end-to-end tests (Chromium and Firefox) expect of the badges on the demo profile, read
 * from each browser in its own way.
 */
import { expect } from 'vitest';
import type { DemoCredential } from '../../demo/types.js';

/** A badge as read from the page: the credential it is next to and its verdict. */
export interface BadgeSeen {
  url: string;
  verdict: string;
}

/** Every demo credential has a badge with the verdict the demo expects, and nothing else got one. */
export function expectDemoVerdicts(badges: readonly BadgeSeen[], credentials: readonly DemoCredential[]): void {
  const urls = new Set(badges.map((b) => b.url));
  for (const c of credentials) {
    expect(urls.has(c.url), c.slug).toBe(true);
    for (const b of badges.filter((x) => x.url === c.url)) expect(b.verdict, c.slug).toBe(c.expect);
  }
  // Nothing else on the profile (company pages, GitHub, "Show all") got a badge.
  expect([...urls].every((u) => credentials.some((c) => c.url === u))).toBe(true);
}
