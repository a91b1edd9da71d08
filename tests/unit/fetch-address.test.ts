import { describe, expect, it } from 'vitest';
import { isBlockedHost, isLoopbackHost, parseIPv6 } from '../../sdk/fetch/address.js';
import { checkUrl } from '../../sdk/fetch/index.js';

const host = (u: string) => new URL(u).hostname;

describe('private-network rules', () => {
  it.each([
    'http://127.0.0.1/', 'http://127.255.0.9/', 'http://10.1.2.3/', 'http://172.16.0.1/', 'http://172.31.255.255/',
    'http://192.168.1.1/', 'http://169.254.169.254/', 'http://100.64.0.1/', 'http://0.0.0.0/', 'http://224.0.0.1/',
    'http://2130706433/', 'http://0x7f000001/', 'http://0177.0.0.1/', 'http://127.1/',
    'http://[::1]/', 'http://[::]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:a9fe:a9fe]/', 'http://[fe80::1]/',
    'http://[fc00::1]/', 'http://[fd00:ec2::254]/', 'http://[64:ff9b::a9fe:a9fe]/', 'http://[2002:7f00:1::]/',
    'http://[::ffff:0:7f00:1]/', 'http://[2001:0:4136:e378::1]/', 'http://192.0.2.10/', 'http://203.0.113.5/',
    'http://localhost/', 'http://api.localhost/', 'http://metadata.google.internal/', 'http://printer.local/', 'http://intranet/',
  ])('%s is blocked', (u) => {
    expect(isBlockedHost(host(u))).toBe(true);
  });

  it.each(['https://credly.com/', 'https://8.8.8.8/', 'https://[2606:4700::1111]/', 'https://172.32.0.1/', 'https://[::ffff:8.8.8.8]/', 'https://100.128.0.1/'])('%s is allowed', (u) => {
    expect(isBlockedHost(host(u))).toBe(false);
  });

  it('parses IPv6 forms', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIPv6('1::2::3')).toBeUndefined();
  });

  it('knows loopback names', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('example.org')).toBe(false);
  });

  it('checks schemes and credentials in URLs', () => {
    const o = { allowPrivateNetwork: false, allowHttpLocalhost: false };
    expect(() => checkUrl('file:///etc/passwd', o)).toThrow(expect.objectContaining({ code: 'bad-url' }));
    expect(() => checkUrl('https://user:pw@example.org/', o)).toThrow(expect.objectContaining({ code: 'bad-url' }));
    expect(() => checkUrl('not a url', o)).toThrow(expect.objectContaining({ code: 'bad-url' }));
    expect(() => checkUrl('http://example.org/did.json', o, true)).toThrow(expect.objectContaining({ code: 'bad-url' }));
    expect(checkUrl('http://localhost:3000/did.json', { allowPrivateNetwork: true, allowHttpLocalhost: true }, true).port).toBe('3000');
  });
});
