/**
 * Which hosts a verifier must not reach on a stranger's say-so. A CV can name any URL; without these
 * checks it could make the verifier probe the recruiter's intranet or a cloud metadata service.
 * Works on the host as the WHATWG URL parser leaves it, which already turns decimal, hex and octal
 * IPv4 forms (http://2130706433/, http://0x7f.1/) into dotted quads.
 */

/** Parses a dotted-quad IPv4 address; undefined for anything else. */
export function parseIPv4(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : undefined;
}

/** True for IPv4 addresses that are not public unicast (loopback, private, link-local, CGNAT, multicast, reserved). */
export function isBlockedIPv4(p: readonly number[]): boolean {
  const [a = 0, b = 0, c = 0] = p;
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 192 && b === 0 && c === 2) || // documentation ranges
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  );
}

/** Expands an IPv6 literal (without brackets) to eight 16-bit groups; undefined if it is not one. */
export function parseIPv6(host: string): number[] | undefined {
  let h = host.toLowerCase();
  const zone = h.indexOf('%');
  if (zone >= 0) h = h.slice(0, zone);
  if (!/^[0-9a-f:.]+$/.test(h) || !h.includes(':')) return undefined;
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (v4) {
    const q = parseIPv4(v4[1]!);
    if (!q) return undefined;
    h = h.slice(0, -v4[1]!.length) + ((q[0]! << 8) | q[1]!).toString(16) + ':' + ((q[2]! << 8) | q[3]!).toString(16);
  }
  const halves = h.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const out = groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return out.some(Number.isNaN) ? undefined : out;
}

/** True for IPv6 addresses that are not public unicast, including IPv4 addresses embedded in them. */
export function isBlockedIPv6(g: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = [g6 >> 8, g6 & 255, g7 >> 8, g7 & 255];
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && (g5 === 0xffff || g5 === 0)) {
    // ::, ::1, IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible form (::a.b.c.d).
    if (g5 === 0 && g6 === 0 && g7 <= 1) return true;
    return isBlockedIPv4(embedded);
  }
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return isBlockedIPv4(embedded); // ::ffff:0:a.b.c.d (SIIT)
  if (g0 === 0x64 && g1 === 0xff9b) return true; // NAT64 (well-known and local-use): reaches IPv4 space through a translator
  if (g0 === 0x2001 && g1 === 0) return true; // Teredo tunnels can carry any IPv4 address
  if (g0 === 0x2002) return isBlockedIPv4([g1 >> 8, g1 & 255, g2 >> 8, g2 & 255]); // 6to4
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique local (includes fd00:ec2::254, the AWS metadata address)
    (g0 & 0xffc0) === 0xfe80 || // link-local
    (g0 & 0xffc0) === 0xfec0 || // site-local (deprecated)
    (g0 & 0xff00) === 0xff00 || // multicast
    (g0 === 0x2001 && g1 === 0x0db8) // documentation
  );
}

const BLOCKED_NAMES = /(^|\.)(localhost|local|internal|home\.arpa|localdomain)$/i;

/** True when `hostname` (as in `new URL(u).hostname`) must not be fetched without the private-network opt-in. */
export function isBlockedHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '') return true;
  const v4 = parseIPv4(host);
  if (v4) return isBlockedIPv4(v4);
  const v6 = parseIPv6(host);
  if (v6) return isBlockedIPv6(v6);
  return BLOCKED_NAMES.test(host) || !host.includes('.');
}

/** True for localhost names and loopback literals (the demo's issuer lives there). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (/^(.+\.)?localhost$/i.test(host)) return true;
  const v4 = parseIPv4(host);
  if (v4) return v4[0] === 127;
  const v6 = parseIPv6(host);
  return !!v6 && v6.slice(0, 7).every((x) => x === 0) && v6[7] === 1;
}
