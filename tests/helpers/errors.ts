import { isCredLensError } from '../../sdk/errors.js';

/** The CredLensError code `f` throws, undefined when it returns, or a note when it throws anything else. */
export function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isCredLensError(e) ? e.code : `not a CredLensError: ${String(e)}`;
  }
  return undefined;
}
