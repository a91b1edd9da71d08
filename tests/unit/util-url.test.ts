import { describe, expect, it } from 'vitest';
import { httpUrl } from '../../sdk/util/url.js';

describe('httpUrl', () => {
  it('answers http(s) URLs with a host, parsed, relative ones against a base', () => {
    expect(httpUrl('https://badges.example.org/b/1')?.href).toBe('https://badges.example.org/b/1');
    expect(httpUrl('HTTP://Example.ORG')?.href).toBe('http://example.org/');
    expect(httpUrl('/in/jane/', 'https://www.linkedin.com/feed/')?.href).toBe('https://www.linkedin.com/in/jane/');
  });

  it('refuses other schemes, malformed text, relative text without a base and non-strings', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.example', 'ftp://x.example/', 'file:///etc/passwd', 'http//x', '', '/in/jane/', 42, null, undefined, { href: 'https://x.example' }]) {
      expect(httpUrl(bad), String(bad)).toBeUndefined();
    }
    expect(httpUrl('javascript:alert(1)', 'https://x.example/')).toBeUndefined();
  });
});
