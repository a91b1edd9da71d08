/** Small HTTP helpers for the server: JSON responses, JSON errors, bounded body reading. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers on every response: JSON and YAML only, never cached, never sniffed as something else. */
const COMMON_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** An HTTP-level error: status, a stable code (a CredLensError code where one applies) and a sentence. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Sends `body` as JSON. A body that cannot be serialised becomes a 500 `internal` error. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    status = 500;
    text = JSON.stringify({ error: { code: 'internal', message: 'The result could not be serialised.' } });
  }
  send(res, status, 'application/json; charset=utf-8', text, headers);
}

/** Sends `{ error: { code, message } }`. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

export function send(res: ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'content-type': contentType, 'content-length': String(body.length) });
  res.end(body);
}

/** True for `application/json` and `application/<anything>+json`, parameters (charset) ignored. */
export function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

/**
 * Reads the request body, at most `limit` bytes. Beyond the limit it stops keeping the bytes and
 * rejects with 413 at once; the rest of the body is read and dropped so the client can see the
 * answer, and the connection is cut when the client keeps sending far more than the limit.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length'];
    const hardCap = Math.max(limit * 8, 8 * 1024 * 1024);
    const tooLarge = (): HttpError => new HttpError(413, 'too-large', `The request body is larger than the limit of ${limit} bytes.`);
    if (declared !== undefined && Number(declared) > limit) {
      // Known up front: answer at once; drop what follows, or close when it is far too much to drain.
      if (Number(declared) > hardCap) reject(new HttpError(413, 'too-large', tooLarge().message, { connection: 'close' }));
      else reject(tooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > hardCap) req.socket.destroy();
        return;
      }
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', (e) => reject(new HttpError(400, 'bad-input', `The request body could not be read: ${e.message}`)));
    req.on('aborted', () => reject(new HttpError(400, 'bad-input', 'The client closed the connection before the body was complete.')));
  });
}
