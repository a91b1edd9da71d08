/**
 * Badge art drawn in code: a coloured shield with a border, a ribbon band and a simple emblem, as a
 * 96×96 RGBA PNG (anti-aliased by 4×4 supersampling) and as an SVG with the badge's name on it.
 * No image files are shipped with the demo.
 */
import { encodePng } from './bake.js';

/** The emblem on a badge. */
export type Glyph = 'star' | 'check' | 'cross' | 'ring' | 'book';

/** Colours and emblem of one badge design. */
export interface BadgeStyle {
  /** Main colour, `#rrggbb`. */
  base: string;
  /** Ribbon colour, `#rrggbb`. */
  accent: string;
  glyph: Glyph;
}

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`bad colour ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

// Shield geometry in a 96-unit square.
const CX = 48;
const TOP = 6;
const SHOULDER = 50;
const BOTTOM = 91;
const HALF = 39;
const CORNER = 11;

/** True when (x, y) lies inside the shield shrunk by `inset` units. */
function inShield(x: number, y: number, inset: number): boolean {
  const top = TOP + inset;
  const bottom = BOTTOM - inset * 1.6;
  if (y < top || y > bottom) return false;
  let half = HALF - inset;
  if (y > SHOULDER) {
    const t = (y - SHOULDER) / (bottom - SHOULDER);
    half *= Math.pow(Math.cos((t * Math.PI) / 2), 0.75);
  }
  const dx = Math.abs(x - CX);
  if (dx > half) return false;
  // Rounded top corners.
  const r = Math.max(2, CORNER - inset / 2);
  const ccx = HALF - inset - r;
  const ccy = top + r;
  if (y < ccy && dx > ccx) return (dx - ccx) ** 2 + (y - ccy) ** 2 <= r * r;
  return true;
}

function inPolygon(x: number, y: number, pts: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentDistance(x: number, y: number, a: [number, number], b: [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

const GLYPH_CY = 33;

function starPoints(cx: number, cy: number, outer: number, inner: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return pts;
}

const STAR = starPoints(CX, GLYPH_CY + 1, 17, 7);
const CHECK: [number, number][] = [[34, 33], [44, 43], [63, 22]];

function inGlyph(glyph: Glyph, x: number, y: number): boolean {
  switch (glyph) {
    case 'star':
      return inPolygon(x, y, STAR);
    case 'check':
      return segmentDistance(x, y, CHECK[0]!, CHECK[1]!) <= 4.2 || segmentDistance(x, y, CHECK[1]!, CHECK[2]!) <= 4.2;
    case 'cross':
      return (Math.abs(x - CX) <= 5 && Math.abs(y - GLYPH_CY) <= 16) || (Math.abs(y - GLYPH_CY) <= 5 && Math.abs(x - CX) <= 16);
    case 'ring': {
      const d = Math.hypot(x - CX, y - GLYPH_CY);
      return (d <= 16 && d >= 10.5) || d <= 5;
    }
    case 'book': {
      // An open book: two pages meeting at a spine, slightly tilted.
      const left = inPolygon(x, y, [[30, 22], [47, 26], [47, 46], [30, 42]]);
      const right = inPolygon(x, y, [[49, 26], [66, 22], [66, 42], [49, 46]]);
      return left || right;
    }
  }
}

/** Colour of the top layer at (x, y), or undefined outside the badge. */
function sample(style: BadgeStyle, x: number, y: number): Rgb | undefined {
  if (!inShield(x, y, 0)) return undefined;
  const base = rgb(style.base);
  const border = mix(base, BLACK, 0.35);
  if (!inShield(x, y, 4.5)) return border;
  if (inShield(x, y, 4.5) && !inShield(x, y, 6)) return mix(base, WHITE, 0.55); // thin inner rim
  if (y >= 57 && y <= 68) {
    const accent = rgb(style.accent);
    return y <= 58.5 || y >= 66.5 ? mix(accent, BLACK, 0.25) : accent;
  }
  if (inGlyph(style.glyph, x, y)) return [255, 253, 240];
  // Vertical gradient: lighter at the top.
  const t = Math.max(0, Math.min(1, (y - TOP) / (BOTTOM - TOP)));
  return mix(mix(base, WHITE, 0.3), mix(base, BLACK, 0.12), t);
}

/** Draws the badge as straight-alpha RGBA pixels, `size`×`size`. */
export function drawBadge(style: BadgeStyle, size = 96): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const SS = 4;
  const scale = 96 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample(style, (px + (sx + 0.5) / SS) * scale, (py + (sy + 0.5) / SS) * scale);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          n++;
        }
      }
      const o = (py * size + px) * 4;
      if (n === 0) continue;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = Math.round((n / (SS * SS)) * 255);
    }
  }
  return out;
}

/** The badge as a PNG file (not yet baked). */
export function badgePng(style: BadgeStyle, size = 96): Uint8Array {
  return encodePng(drawBadge(style, size), size, size);
}

function hex(c: Rgb): string {
  return '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function glyphSvg(glyph: Glyph): string {
  const fill = 'fill="#fffdf0"';
  switch (glyph) {
    case 'star':
      return `<polygon ${fill} points="${STAR.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ')}"/>`;
    case 'check':
      return `<polyline fill="none" stroke="#fffdf0" stroke-width="8.4" stroke-linecap="round" stroke-linejoin="round" points="${CHECK.map((p) => p.join(',')).join(' ')}"/>`;
    case 'cross':
      return `<path ${fill} d="M43 17h10v11h11v10H53v11H43V38H32V28h11z"/>`;
    case 'ring':
      return `<circle cx="${CX}" cy="${GLYPH_CY}" r="13.25" fill="none" stroke="#fffdf0" stroke-width="5.5"/><circle cx="${CX}" cy="${GLYPH_CY}" r="5" ${fill}/>`;
    case 'book':
      return `<path ${fill} d="M30 22l17 4v20l-17-4zM49 26l17-4v20l-17 4z"/>`;
  }
}

/**
 * The badge as SVG (viewBox 0 0 96 112): the shield, its emblem, and the badge name in small type
 * under it, so the image says what it is. `lines` are at most two short lines of text.
 */
export function badgeSvg(style: BadgeStyle, title: string, lines: string[] = []): string {
  const base = rgb(style.base);
  const accent = rgb(style.accent);
  // The shield outline as a path: rounded top corners, straight sides to the shoulder, curved to the point.
  const path = `M${CX - HALF + CORNER} ${TOP}H${CX + HALF - CORNER}Q${CX + HALF} ${TOP} ${CX + HALF} ${TOP + CORNER}V${SHOULDER}C${CX + HALF} ${SHOULDER + 24} ${CX + 14} ${BOTTOM - 8} ${CX} ${BOTTOM}C${CX - 14} ${BOTTOM - 8} ${CX - HALF} ${SHOULDER + 24} ${CX - HALF} ${SHOULDER}V${TOP + CORNER}Q${CX - HALF} ${TOP} ${CX - HALF + CORNER} ${TOP}Z`;
  const text = lines
    .slice(0, 2)
    .map((l, i) => `<text x="48" y="${101 + i * 8}" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="6.2" fill="#1f2933">${xmlText(l)}</text>`)
    .join('\n  ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="192" height="224" viewBox="0 0 96 112" role="img" aria-label="${xmlText(title).replace(/"/g, '&quot;')}">
  <title>${xmlText(title)}</title>
  <defs>
    <linearGradient id="fill" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hex(mix(base, WHITE, 0.3))}"/>
      <stop offset="1" stop-color="${hex(mix(base, BLACK, 0.12))}"/>
    </linearGradient>
    <clipPath id="shield"><path d="${path}"/></clipPath>
  </defs>
  <path d="${path}" fill="url(#fill)" stroke="${hex(mix(base, BLACK, 0.35))}" stroke-width="5"/>
  <g clip-path="url(#shield)">
    <rect x="0" y="57" width="96" height="11" fill="${hex(accent)}"/>
    <rect x="0" y="57" width="96" height="1.5" fill="${hex(mix(accent, BLACK, 0.25))}"/>
    <rect x="0" y="66.5" width="96" height="1.5" fill="${hex(mix(accent, BLACK, 0.25))}"/>
  </g>
  ${glyphSvg(style.glyph)}
  ${text}
</svg>
`;
}
