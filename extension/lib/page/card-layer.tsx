/**
 * The details card, opened from a badge. It lives in one layer at the end of <body> (its own shadow
 * root, fixed position) rather than inside the badge, because profile lists clip their overflow.
 */
import { render } from 'preact';
import { markOwn } from '../detect/own.js';
import type { Item, UiLang } from '../protocol.js';
import { Card } from '../ui/Card.js';
import { applyStyles } from './sheet.js';

/** The layer's element name; detection and the observer ignore it. */
export const CARD_TAG = 'credlens-card';

let layer: { host: HTMLElement; mount: HTMLElement } | undefined;
let openFor: HTMLElement | undefined;
let listening = false;

/** True while the card is open for `badge`. */
export function isCardOpenFor(badge: HTMLElement): boolean {
  return openFor === badge;
}

/** Opens the card for `badge`'s item next to it (a second click on the same badge closes it). */
export function openCard(badge: HTMLElement, item: Item, lang: UiLang): void {
  if (openFor === badge) return closeCard();
  const { host, mount } = ensureLayer();
  openFor = badge;
  const r = badge.getBoundingClientRect();
  const width = Math.min(420, window.innerWidth - 16);
  const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
  const below = r.bottom + 6;
  const top = below + 320 < window.innerHeight || r.top < window.innerHeight / 2 ? below : Math.max(8, r.top - 6 - Math.min(560, window.innerHeight - 16));
  host.style.cssText = `all:initial;position:fixed;z-index:2147483647;left:${left}px;top:${top}px;width:${width}px`;
  render(
    <div class="cl-popover" role="dialog" aria-modal="false" aria-label={`CredLens: ${titleOf(item)}`} style={{ maxHeight: `${Math.max(200, window.innerHeight - top - 8)}px` }}>
      <Card item={item} lang={lang} onClose={closeCard} />
    </div>,
    mount,
  );
  (mount.querySelector('button, a[href]') as HTMLElement | null)?.focus();
}

/** Closes the card, returning focus to the badge that opened it. */
export function closeCard(): void {
  if (!layer) return;
  render(null, layer.mount);
  layer.host.style.display = 'none';
  const back = openFor;
  openFor = undefined;
  back?.shadowRoot?.querySelector('button')?.focus();
}

function ensureLayer(): { host: HTMLElement; mount: HTMLElement } {
  if (layer && layer.host.isConnected) return layer;
  const host = document.createElement(CARD_TAG);
  markOwn(host);
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root);
  const mount = document.createElement('div');
  root.append(mount);
  (document.body ?? document.documentElement).append(host);
  layer = { host, mount };
  // Registered once; they read the current layer, which the page may have removed and we re-created.
  if (!listening) {
    listening = true;
    document.addEventListener('keydown', (e) => e.key === 'Escape' && openFor && closeCard());
    document.addEventListener('click', (e) => {
      if (!openFor || !layer) return;
      const path = e.composedPath();
      if (!path.includes(layer.host) && !path.includes(openFor)) closeCard();
    });
  }
  return layer;
}

/** What the dialog is about, for screen readers: the credential's name, else the link's title or URL. */
function titleOf(item: Item): string {
  return (item.state === 'done' ? (item.report.credential.achievement?.name ?? item.report.credential.name) : undefined) ?? item.text ?? item.url;
}
