/**
 * `raw` (resolved against `base` when given) as a parsed http(s) URL with a host, or undefined for
 * anything else: other schemes (javascript:, data:, mailto:), malformed text, non-strings. The one
 * test behind every "is this a web address?" question in CredLens.
 */
export function httpUrl(raw: unknown, base?: string | URL): URL | undefined {
  if (typeof raw !== 'string') return undefined;
  let u: URL;
  try {
    u = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return undefined;
  }
  return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' ? u : undefined;
}
