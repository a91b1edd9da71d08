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

/** The code of a `verify-link` asked with `auto` while auto-scan is switched off. */
export const AUTO_SCAN_OFF = 'auto-scan-off';

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
  /**
   * True for CredLens's own pages (side panel, popup, settings, learner, CV reader). Content
   * scripts run inside web pages' processes and get only what a page needs: verifying its own
   * links and its own tab's list.
   */
  fromExtension: boolean;
}

/** Handlers, one per request type. */
export type Handlers = { [T in RequestType]: (req: Message<T>, sender: Sender) => Promise<Requests[T]['res']> };

/**
 * Wires `handlers` to runtime messages; messages of unknown type are left for other listeners.
 * Answers through `sendResponse` (returning a promise from the listener needs Chrome 144+).
 */
export function answer(handlers: Handlers): void {
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string; tab?: { id?: number }; url?: string }, sendResponse: (r: unknown) => void) => {
    if (!raw || typeof raw !== 'object' || typeof (raw as { type?: unknown }).type !== 'string') return undefined;
    const type = (raw as { type: string }).type;
    if (!Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as RequestType] as (req: unknown, s: Sender) => Promise<unknown>;
    const fromExtension = sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(ownPages);
    handler(raw, { tabId: sender.tab?.id, url: sender.url, fromExtension }).then(
      (value) => sendResponse({ ok: true, value }),
      (e: unknown) => sendResponse({ ok: false, code: (e as { code?: string })?.code ?? 'internal', message: (e as Error)?.message ?? String(e) }),
    );
    return true;
  });
}
