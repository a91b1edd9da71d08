/**
 * Typed request/response over runtime messaging. Page-side code calls `ask('verify-link', {...})`;
 * the background registers one handler per request type with `answer`.
 */
import { browser } from 'wxt/browser';
import type { Message, RequestType, Requests } from './protocol.js';

/** An error the background sent back instead of an answer. */
export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

type Envelope<R> = { ok: true; value: R } | { ok: false; code: string; message: string };

/** Sends one request to the background and waits for its answer. */
export async function ask<T extends RequestType>(type: T, req: Requests[T]['req']): Promise<Requests[T]['res']> {
  const reply = (await browser.runtime.sendMessage({ ...req, type })) as Envelope<Requests[T]['res']> | undefined;
  if (!reply) throw new BackgroundError('no-answer', 'The CredLens background did not answer.');
  if (!reply.ok) throw new BackgroundError(reply.code, reply.message);
  return reply.value;
}

/** The sender of a request, as far as handlers need it. */
export interface Sender {
  tabId?: number;
  /** The URL of the page or frame that sent the request. */
  url?: string;
}

/** Handlers, one per request type. */
export type Handlers = { [T in RequestType]: (req: Message<T>, sender: Sender) => Promise<Requests[T]['res']> };

/** Wires `handlers` to runtime messages; messages of unknown type are left for other listeners. */
export function answer(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: { tab?: { id?: number }; url?: string }) => {
    if (!raw || typeof raw !== 'object' || typeof (raw as { type?: unknown }).type !== 'string') return undefined;
    const type = (raw as { type: string }).type as RequestType;
    const handler = handlers[type] as ((req: unknown, s: Sender) => Promise<unknown>) | undefined;
    if (!handler) return undefined;
    return handler(raw, { tabId: sender.tab?.id, url: sender.url }).then(
      (value) => ({ ok: true, value }),
      (e: unknown) => ({ ok: false, code: (e as { code?: string })?.code ?? 'internal', message: (e as Error)?.message ?? String(e) }),
    );
  });
}
