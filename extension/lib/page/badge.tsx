/**
 * The inline verdict next to a credential link: a `<credlens-badge>` element (the test contract in
 * shared/DESIGN.md) whose UI lives in its own shadow root, so the host page's styles cannot reach
 * it and it cannot disturb the page. Clicking it opens the details card.
 */
import { render } from 'preact';
import type { Item, UiLang } from '../protocol.js';
import { Mark } from '../ui/Mark.js';
import { applyStyles } from './sheet.js';
import { markOwn } from '../detect/own.js';
import { BADGE_TAG } from '../detect/selectors.js';
import { isCardOpenFor, openCard } from './card-layer.js';

// The badge sits inline after the link, untouched by the page's CSS.
const HOST_RULES = ':host{all:initial;display:inline-flex;vertical-align:middle;margin-inline-start:6px}';


/** One badge and the item it shows. */
export interface Badge {
  readonly el: HTMLElement;
  /** Shows a new state (pending → verdict); sets the stable data- attributes too. */
  update(item: Item): void;
}

/**
 * Creates a badge right after `anchor`. Custom elements cannot be defined from content scripts
 * (no `customElements` in the isolated world), but an undefined element with a valid custom name
 * may still host a shadow root, which is all the badge needs.
 */
export function createBadge(anchor: Element, item: Item, lang: () => UiLang): Badge {
  const el = document.createElement(BADGE_TAG);
  markOwn(el);
  el.setAttribute('data-credential-url', item.url);
  const root = el.attachShadow({ mode: 'open' });
  applyStyles(root, HOST_RULES);
  const mount = document.createElement('span');
  root.append(mount);
  let current = item;
  const draw = () =>
    render(
      <button type="button" class="cl-mark-button" aria-haspopup="dialog" aria-expanded={isCardOpenFor(el)} onClick={() => openCard(el, current, lang())}>
        <Mark item={current} lang={lang()} />
      </button>,
      mount,
    );
  const badge: Badge = {
    el,
    update(next) {
      current = next;
      setStateAttributes(el, next);
      draw();
    },
  };
  setStateAttributes(el, item);
  draw();
  anchor.insertAdjacentElement('afterend', el);
  return badge;
}

/** The stable attributes e2e tests and other tools read: verdict, trust, recipient, assessment. */
export function setStateAttributes(el: HTMLElement, item: Item): void {
  const verdict = item.state === 'done' ? item.report.verdict : item.state;
  el.setAttribute('data-verdict', verdict);
  const set = (name: string, value: string | undefined) => (value ? el.setAttribute(name, value) : el.removeAttribute(name));
  const report = item.state === 'done' ? item.report : undefined;
  set('data-trust', report?.trust.level);
  set('data-recipient', report?.recipient?.state);
  set('data-assessment', report?.assessment?.kind);
  set('data-error', item.state === 'error' ? item.code : undefined);
}
