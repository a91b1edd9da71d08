/** The documents the demo issuer serves, by URL path: built once at startup, then served as they are. */

/** One served document. */
export interface Resource {
  /** HTTP status (default 200). */
  status?: number;
  /** Content-Type header value. */
  type: string;
  body: string | Uint8Array;
}

/** Media types the issuer answers with. */
export const MEDIA = {
  vc: 'application/vc+ld+json',
  jsonld: 'application/ld+json',
  json: 'application/json',
  did: 'application/did+ld+json',
  vcJwt: 'application/vc+jwt',
  jose: 'application/jose',
  png: 'image/png',
  svg: 'image/svg+xml',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

/** A path → document table. Paths are absolute URL paths (`/issuers/x/did.json`). */
export class Resources {
  readonly map = new Map<string, Resource>();

  add(path: string, resource: Resource): void {
    if (!path.startsWith('/') || path.includes('..') || path.includes('//')) throw new Error(`bad resource path ${path}`);
    if (this.map.has(path)) throw new Error(`two documents at ${path}`);
    this.map.set(path, resource);
  }

  json(path: string, doc: unknown, type: string = MEDIA.jsonld, status?: number): void {
    this.add(path, { type, body: JSON.stringify(doc, null, 2) + '\n', ...(status ? { status } : {}) });
  }

  text(path: string, body: string, type: string): void {
    this.add(path, { type, body });
  }

  bytes(path: string, body: Uint8Array, type: string): void {
    this.add(path, { type, body });
  }

  get(path: string): Resource | undefined {
    return this.map.get(path);
  }
}

/** The path of an absolute URL on the demo origin. */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}

/** Escapes text for HTML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A small, plain HTML page. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2933}code{font-size:.85em;word-break:break-all}
table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}</style></head>
<body>
${body}
</body>
</html>
`;
}
