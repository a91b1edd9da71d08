/**
 * One parsed copy of the UI's styles for every shadow root CredLens adds to a page (a profile gets
 * dozens of badges). Constructable stylesheets where the browser has them in content scripts;
 * a <style> element otherwise.
 */
import { STYLES } from '../ui/styles.js';

let shared: CSSStyleSheet | null | undefined;

/** Gives `root` the UI styles plus `extra` rules (host-specific). */
export function applyStyles(root: ShadowRoot, extra = ''): void {
  // Firefox's content scripts see page objects through Xray wrappers, where a sheet built in the
  // script's world may not be adopted by a page's shadow root: a <style> element there.
  if (shared === undefined) shared = import.meta.env.FIREFOX ? null : constructed();
  if (shared) {
    try {
      root.adoptedStyleSheets = extra ? [extraSheet(extra), shared] : [shared];
      return;
    } catch {
      // adoptedStyleSheets refused (some content-script worlds): fall back below
    }
  }
  const style = document.createElement('style');
  style.textContent = extra + STYLES;
  root.prepend(style);
}

// The host-specific rules, parsed once per distinct text like the UI's own (every badge passes the same).
const extras = new Map<string, CSSStyleSheet>();

function extraSheet(rules: string): CSSStyleSheet {
  let sheet = extras.get(rules);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    extras.set(rules, sheet);
  }
  return sheet;
}

function constructed(): CSSStyleSheet | null {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    return sheet;
  } catch {
    return null; // no constructable stylesheets here
  }
}
