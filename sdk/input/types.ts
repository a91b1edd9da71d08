/** Shapes the input stage hands to the rest of the pipeline. */

/** A credential found inside a baked badge image. `text` is exactly what was baked. */
export interface BakedPayload {
  /** `ob3` for the `openbadgecredential` keyword / OB 3.0 namespace, `ob2` for `openbadges`. */
  kind: 'ob3' | 'ob2';
  /** The baked text: JSON, a compact JWS/JWT, or (OB 2.0 legacy and hosted) a URL. */
  text: string;
  /** Where it was found: a PNG iTXt or tEXt chunk, an SVG element's content or its `verify` attribute. */
  container: 'png-itxt' | 'png-text' | 'svg-content' | 'svg-verify';
  /**
   * SVG only: the element's `verify` attribute when the payload came from the element content
   * (OB 2.0 hosted badges carry the assertion URL there, next to the JSON).
   */
  verify?: string;
}

/** What `classifyInput` recognised. */
export type RawInput =
  | { kind: 'url'; url: string }
  | { kind: 'json'; value: Record<string, unknown>; text?: string }
  | { kind: 'jwt'; jws: string }
  | { kind: 'png'; bytes: Uint8Array }
  | { kind: 'svg'; text: string };

/** A public platform page that points at machine-readable credential data. */
export interface VerifiablePlatform {
  /** Display name, e.g. "Credly". */
  platform: string;
  verifiable: true;
  /** Machine-readable URLs to try, best first. */
  candidates: string[];
  /** Accept header to send with each candidate. */
  accept?: string;
  /** The canonical human page for this credential. */
  page: string;
}

/** A platform page with nothing machine-verifiable behind it. */
export interface UnverifiablePlatform {
  platform: string;
  verifiable: false;
  /** One or two sentences for a recruiter: what they can do instead. */
  advice: string;
  /** The page to open (the platform's own record or verification page). */
  page: string;
}

/** What `resolvePlatform` knows about a link. */
export type PlatformMatch = VerifiablePlatform | UnverifiablePlatform;
