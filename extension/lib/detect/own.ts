/**
 * The elements CredLens itself put into the page (badges, the card layer). Recognised by identity,
 * never by tag name: a page can write its own `<credlens-badge>`, and a link it wraps in one must
 * still be checked, and its mutations still seen.
 */
const own = new WeakSet<Node>();

/** Records `el` as CredLens's own (call right after creating it). */
export function markOwn(el: Element): void {
  own.add(el);
}

/** True for an element CredLens created. */
export function isOwn(n: Node | null): boolean {
  return n !== null && own.has(n);
}
