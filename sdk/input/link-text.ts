/**
 * Link text as documents show it, cleaned for display. Its own module, free of the URL rules, so
 * the extension's content scripts can read titles without bundling those rules.
 */

/** Longest link text kept (characters); `cleanLinkText` clips to it. */
export const MAX_LINK_TEXT = 300;

/** Collapses white space and trims link text; undefined when nothing is left. */
export function cleanLinkText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  if (t === '') return undefined;
  return t.length > MAX_LINK_TEXT ? t.slice(0, MAX_LINK_TEXT - 1) + '…' : t;
}
