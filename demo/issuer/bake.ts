/**
 * Baking: putting a credential inside a badge image, as the Open Badges baking specifications
 * describe, in the forms CredLens reads (sdk/input/png.ts, sdk/input/svg.ts).
 *
 * - PNG: one uncompressed `iTXt` chunk before IEND, keyword `openbadgecredential` (OB 3.0: the
 *   credential JSON or compact JWT) or `openbadges` (OB 2.0: the assertion JSON or compact JWS),
 *   with an empty language tag and translated keyword, text in UTF-8, and a correct CRC-32.
 * - SVG: `<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="…">` for OB 2.0
 *   (a signed badge's JWS in `verify`, or a hosted assertion as the element's JSON body), and
 *   `<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">` with the
 *   credential in a CDATA body (or a JWT in `verify`) for OB 3.0; the element goes first inside `<svg>`.
 *
 * Also a minimal PNG encoder (RGBA, 8 bits, zlib via fflate) for the badge art of art.ts.
 */
import { zlibSync } from 'fflate';
import { concatBytes } from '../../sdk/util/bytes.js';

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

// CRC-32 (ISO-HDLC, polynomial 0xEDB88320), as PNG chunks use it. Written here rather than borrowed
// from the SDK so that the reader's CRC is checked against an independent writer.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC over type + data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  if (!/^[A-Za-z]{4}$/.test(type)) throw new Error(`bad PNG chunk type ${type}`);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes straight-alpha RGBA pixels (row-major, 4 bytes each) as a PNG (colour type 6, 8 bits). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer does not match the size');
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, adaptive filtering, no interlace
  // Every scanline with filter type 0 (None): simple, and the shapes compress well anyway.
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return concatBytes([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlibSync(raw, { level: 9 })), pngChunk('IEND', new Uint8Array(0))]);
}

/** The keywords of the two baking specifications. */
export type PngBadgeKeyword = 'openbadges' | 'openbadgecredential';

/**
 * Returns a copy of `png` with `text` baked in an iTXt chunk under `keyword`, placed just before
 * IEND. An existing badge chunk with the same keyword is replaced (a badge carries one).
 */
export function bakePng(png: Uint8Array, keyword: PngBadgeKeyword, text: string): Uint8Array {
  if (png.length < 8 || !PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const kept: Uint8Array[] = [png.subarray(0, 8)];
  const key = new TextEncoder().encode(keyword);
  // iTXt: keyword \0, compression flag 0, method 0, language tag "" \0, translated keyword "" \0, text.
  const itxt = pngChunk('iTXt', concatBytes([key, Uint8Array.of(0, 0, 0, 0, 0), new TextEncoder().encode(text)]));
  let at = 8;
  let ended = false;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > png.length) throw new Error('truncated PNG');
    const chunk = png.subarray(at, end);
    const data = png.subarray(at + 8, at + 8 + length);
    const sameBadge = (type === 'iTXt' || type === 'tEXt') && data.length > key.length && data[key.length] === 0 && key.every((b, i) => data[i] === b);
    if (type === 'IEND') {
      kept.push(itxt, chunk);
      ended = true;
      break;
    }
    if (!sameBadge) kept.push(chunk);
    at = end;
  }
  if (!ended) throw new Error('PNG without IEND');
  return concatBytes(kept);
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What to bake into an SVG. */
export type SvgBake =
  /** OB 2.0 signed badge: the compact JWS in `verify`, no body. */
  | { kind: 'ob2-signed'; jws: string }
  /** OB 2.0 hosted badge: the assertion JSON as the body, its URL in `verify`. */
  | { kind: 'ob2-hosted'; assertionJson: string; url: string }
  /** OB 3.0: the credential JSON as a CDATA body. */
  | { kind: 'ob3-json'; credentialJson: string }
  /** OB 3.0: a VC-JWT in `verify`. */
  | { kind: 'ob3-jwt'; jwt: string };

/** Bakes into SVG markup: the badge element becomes the first child of the root `<svg>`. */
export function bakeSvg(svg: string, bake: SvgBake): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('not an SVG document');
  let element: string;
  switch (bake.kind) {
    case 'ob2-signed':
      element = `<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="${xmlAttr(bake.jws)}"></openbadges:assertion>`;
      break;
    case 'ob2-hosted':
      element = `<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="${xmlAttr(bake.url)}">${cdata(bake.assertionJson)}</openbadges:assertion>`;
      break;
    case 'ob3-json':
      element = `<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">${cdata(bake.credentialJson)}</openbadges:credential>`;
      break;
    case 'ob3-jwt':
      element = `<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify="${xmlAttr(bake.jwt)}"></openbadges:credential>`;
      break;
  }
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}\n  ${element}${svg.slice(at)}`;
}

// A CDATA section cannot contain "]]>": split it across two sections where it occurs.
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
