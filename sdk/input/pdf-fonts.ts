/**
 * Which font each content stream's `Tf` names (PDF 32000-1:2008, 7.8.3 and 9.6–9.7): a page's
 * /Resources, its own or inherited from its /Pages ancestors (7.7.3.4), their /Font dictionary,
 * and for each font a decoder (pdf-cmap.ts): its ToUnicode map, else a predefined CMap's encoding,
 * else its simple encoding. Fonts and resources shared by many pages are read once.
 */
import {
  codeSplitter,
  parseCodeSpaces,
  parseToUnicode,
  predefinedCMapDecoder,
  simpleFontDecoder,
  toUnicodeDecoder,
  type CodeLength,
  type FontDecoder,
} from './pdf-cmap.js';
import { dictEntries, dictEntry, nameValue, numbersIn, refNumber, refNumbers, unescapeName } from './pdf-syntax.js';
import { countSpaces, type FontLookup, type TextFont } from './pdf-text.js';

/** Access to a PDF's objects by number. */
export interface PdfObjects {
  /** The text of object `num`'s value (a dictionary `<< … >>`, an array, a number ...), or undefined. */
  value(num: number): string | undefined;
  /** Object `num`'s stream data with its filter undone (FlateDecode or none), a byte per character, at most `max` bytes. */
  stream(num: number, max: number): string | undefined;
}

/** A page as far as its text goes. */
export interface PageText {
  /** Its content streams, in order (read as one stream, 7.7.3.3). */
  contents: number[];
  /** The fonts its resources name. */
  fonts: FontLookup | undefined;
  /** Its /Resources value (own or inherited), for the form XObjects it draws. */
  resources: string | undefined;
  /** Its MediaBox [x1 y1 x2 y2] (own or inherited), or [] when it has none that can be read. */
  view: number[];
}

/** Largest ToUnicode or encoding CMap read (bytes). */
export const MAX_CMAP_BYTES = 1 << 20;
/** Most fonts read in one PDF; text in any further font is read a byte per character. */
export const MAX_FONTS = 512;
/** Deepest /Parent chain followed for inherited resources. */
const MAX_PARENTS = 32;
/** Most content streams taken from one page. */
const MAX_CONTENTS = 1024;
/** Most fonts, or form XObjects, one resource dictionary names. */
const MAX_NAMES = 1024;
/** Most /Differences entries read (a simple font has 256 codes). */
const MAX_DIFFERENCES = 256;

/** The fonts of one PDF. */
export class DocumentFonts {
  private readonly fonts = new Map<string, TextFont | null>();
  private readonly lookups = new Map<string, FontLookup | undefined>();
  private readonly widths = new Map<string, Widths>();
  private readonly xobjectNames = new Map<string, Map<string, number>>();

  constructor(private readonly objects: PdfObjects) {}

  /** A page's content streams, fonts and resources. */
  page(pageDict: string): PageText {
    const resources = this.inherited(pageDict, 'Resources');
    const box = this.resolve(this.inherited(pageDict, 'MediaBox'));
    const view = box === undefined ? [] : numbersIn(box, 4);
    return { contents: this.contents(dictEntry(pageDict, 'Contents')), fonts: this.forResources(resources), resources, view: view.length === 4 && view.every(Number.isFinite) ? view : [] };
  }

  /** The XObjects a /Resources value names, by name (object numbers: forms and images alike). */
  xobjects(resources: string | undefined): Map<string, number> {
    const cacheKey = resources?.trim() ?? '';
    const known = this.xobjectNames.get(cacheKey);
    if (known) return known;
    const out = new Map<string, number>();
    this.xobjectNames.set(cacheKey, out); // filled below; a form drawn again and again reads its resources once
    const dict = this.resolve(resources);
    const xobjects = dict === undefined ? undefined : this.resolve(dictEntry(dict, 'XObject'));
    if (xobjects === undefined) return out;
    for (const [name, value] of dictEntries(xobjects)) {
      const num = refNumber(value);
      if (num !== undefined) out.set(name, num);
      if (out.size >= MAX_NAMES) break;
    }
    return out;
  }

  /** A page attribute, its own or inherited from its /Pages ancestors (7.7.3.4). */
  private inherited(pageDict: string, key: string): string | undefined {
    let value = dictEntry(pageDict, key);
    let node: string | undefined = pageDict;
    for (let depth = 0; value === undefined && node !== undefined && depth < MAX_PARENTS; depth++) {
      const parent = refNumber(dictEntry(node, 'Parent'));
      node = parent === undefined ? undefined : this.objects.value(parent);
      value = node === undefined ? undefined : dictEntry(node, key);
    }
    return value;
  }

  /** The font lookup for a /Resources value (a dictionary, or a reference to one). */
  forResources(resources: string | undefined): FontLookup | undefined {
    if (resources === undefined) return undefined;
    const cacheKey = resources.trim();
    if (this.lookups.has(cacheKey)) return this.lookups.get(cacheKey);
    const dict = this.resolve(resources);
    const fontDict = dict === undefined ? undefined : this.resolve(dictEntry(dict, 'Font'));
    let lookup: FontLookup | undefined;
    if (fontDict !== undefined) {
      // A font by reference (as nearly every producer writes it), or written inline.
      const byName = new Map<string, string>();
      for (const [name, value] of dictEntries(fontDict)) {
        byName.set(name, value.trim());
        if (byName.size >= MAX_NAMES) break;
      }
      if (byName.size > 0) lookup = (name) => {
        const value = byName.get(name);
        return value === undefined ? undefined : this.font(value);
      };
    }
    this.lookups.set(cacheKey, lookup);
    return lookup;
  }

  /** Content stream numbers from a /Contents value: one reference, an array, or a reference to an array. */
  private contents(value: string | undefined): number[] {
    if (value === undefined) return [];
    const one = refNumber(value);
    if (one !== undefined) {
      const target = this.objects.value(one);
      return target !== undefined && target.trimStart().startsWith('[') ? refNumbers(target, MAX_CONTENTS) : [one];
    }
    return value.trimStart().startsWith('[') ? refNumbers(value, MAX_CONTENTS) : [];
  }

  /** A value, or the value of the object it refers to. */
  private resolve(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const num = refNumber(value);
    return num === undefined ? value : this.objects.value(num);
  }

  /** The decoder of a font (a reference, or an inline dictionary); undefined when it is not read (then strings are read a byte per character). */
  private font(value: string): TextFont | undefined {
    const known = this.fonts.get(value);
    if (known !== undefined) return known ?? undefined;
    if (this.fonts.size >= MAX_FONTS) return undefined;
    let decoder: TextFont | undefined;
    try {
      const dict = this.resolve(value);
      decoder = dict === undefined || !dict.trimStart().startsWith('<<') ? undefined : this.readFont(dict);
    } catch {
      decoder = undefined; // a font this reader cannot make sense of: its text is read a byte per character
    }
    this.fonts.set(value, decoder ?? null);
    return decoder;
  }

  private readFont(dict: string): TextFont | undefined {
    const type0 = nameValue(dictEntry(dict, 'Subtype')) === 'Type0';
    const encoding = dictEntry(dict, 'Encoding');
    const length: CodeLength = type0 ? this.codeLength(encoding, 2) : 1;
    const widths = type0 ? this.cidWidths(dict) : this.simpleWidths(dict);
    const split = codeSplitter(length);
    const advance = (bytes: string) => {
      let width = 0;
      let codes = 0;
      split(bytes, (code) => {
        width += widths.of(code);
        codes++;
      });
      // Word spacing applies to the single-byte code 32 only (9.3.3).
      return { width, codes, spaces: length === 1 ? countSpaces(bytes) : 0 };
    };
    const text = this.fontText(dict, type0, encoding);
    return widths.estimated ? { text, advance, estimated: true } : { text, advance };
  }

  /** The text of a font's strings: its ToUnicode map, else its encoding. */
  private fontText(dict: string, type0: boolean, encoding: string | undefined): FontDecoder {
    const toUnicode = refNumber(dictEntry(dict, 'ToUnicode'));
    if (toUnicode !== undefined) {
      const cmap = this.objects.stream(toUnicode, MAX_CMAP_BYTES);
      const map = cmap === undefined ? undefined : parseToUnicode(cmap);
      // Codes are as long as the font's encoding says (9.10.3), whatever the map's own code space.
      if (map) return toUnicodeDecoder(map, type0 ? this.codeLength(encoding, map.spaces.length > 0 ? map.spaces : 2) : 1);
    }
    if (!type0) return simpleFontDecoder(this.differences(encoding));
    const name = nameValue(encoding);
    // Identity-H/V (and embedded CMaps) without a ToUnicode map: the codes are glyph ids, not text.
    return (name === undefined ? undefined : predefinedCMapDecoder(name)) ?? NO_TEXT;
  }

  /** A simple font's widths (9.6.2.1): /FirstChar and /Widths; the standard 14 fonts carry none (half an em is assumed). */
  private simpleWidths(dict: string): Widths {
    const first = Number(this.resolve(dictEntry(dict, 'FirstChar')) ?? NaN);
    const list = this.resolve(dictEntry(dict, 'Widths'));
    const descriptor = this.resolve(dictEntry(dict, 'FontDescriptor'));
    const missing = Number((descriptor === undefined ? undefined : this.resolve(dictEntry(descriptor, 'MissingWidth'))) ?? NaN);
    if (!Number.isInteger(first) || list === undefined) return { of: () => (Number.isFinite(missing) ? missing : 500), estimated: !Number.isFinite(missing) };
    const values = numbersIn(list, 256);
    const fallback = Number.isFinite(missing) ? missing : 0;
    return { of: (code) => values[code - first] ?? fallback };
  }

  /** A CIDFont's widths (9.7.4.3): /W over /DW, by CID (the code, for Identity encodings); read once per descendant font. */
  private cidWidths(dict: string): Widths {
    const descendants = this.resolve(dictEntry(dict, 'DescendantFonts'));
    const first = descendants === undefined ? undefined : /^\s*\[\s*(.*)$/s.exec(descendants)?.[1];
    const key = first ?? '';
    const known = this.widths.get(key);
    if (known) return known;
    const cidFont = first === undefined ? undefined : this.resolve(first.trimStart().startsWith('<<') ? first.slice(0, first.lastIndexOf(']')) : first);
    const widths = cidFont === undefined ? { of: () => 1000 } : cidWidthTable(cidFont, (v) => this.resolve(v));
    if (this.widths.size < MAX_FONTS) this.widths.set(key, widths);
    return widths;
  }

  /** How a Type0 font's codes split: Identity and UCS-2 CMaps are two bytes; an embedded CMap says; else the ToUnicode map's code space. */
  private codeLength(encoding: string | undefined, fallback: CodeLength): CodeLength {
    const name = nameValue(encoding);
    if (name !== undefined) return /^Identity-[HV]$|-UCS2-|-UTF16-/.test(name) ? 2 : fallback;
    const num = refNumber(encoding);
    const cmap = num === undefined ? undefined : this.objects.stream(num, MAX_CMAP_BYTES);
    const spaces = cmap === undefined ? [] : parseCodeSpaces(cmap);
    return spaces.length > 0 ? spaces : 2;
  }

  /** A simple font's /Differences (code → glyph name), from an /Encoding dictionary given inline or by reference. */
  private differences(encoding: string | undefined): Map<number, string> {
    const out = new Map<number, string>();
    const dict = this.resolve(encoding);
    const list = dict === undefined || !dict.trimStart().startsWith('<<') ? undefined : this.resolve(dictEntry(dict, 'Differences'));
    if (list === undefined) return out;
    let code = -1;
    for (const m of list.matchAll(/(\d{1,3})|\/([^\s/<>[\]()%]*)/g)) {
      if (m[1] !== undefined) code = Number(m[1]);
      else if (code >= 0 && code <= 255) out.set(code++, unescapeName(m[2]!));
      if (out.size >= MAX_DIFFERENCES) break;
    }
    return out;
  }
}

/** Glyph widths by code, in thousandths of the font size. */
interface Widths {
  of(code: number): number;
  /** True when the font gives none (the standard 14 fonts): half an em is assumed. */
  estimated?: boolean;
}

/** Most widths listed, or ranges, read from one font's /W. */
const MAX_WIDTHS = 65536;

/** A /W array (`c [w1 w2 …]` lists widths from CID c; `c1 c2 w` gives c1…c2 one width) over /DW, as sorted ranges. */
function cidWidthTable(cidFont: string, resolve: (v: string | undefined) => string | undefined): Widths {
  const dw = Number(resolve(dictEntry(cidFont, 'DW')) ?? 1000);
  const fallback = Number.isFinite(dw) ? dw : 1000;
  const w = resolve(dictEntry(cidFont, 'W'));
  const ranges: { low: number; high: number; width: number | number[] }[] = [];
  if (w !== undefined) {
    const tokens = [...w.slice(w.indexOf('[') + 1, w.lastIndexOf(']')).matchAll(/\[([^\]]*)\]|(-?\d*\.?\d+)/g)];
    let listed = 0;
    for (let k = 0; k < tokens.length && ranges.length < MAX_WIDTHS && listed < MAX_WIDTHS; ) {
      const low = Number(tokens[k]![2]);
      const next = tokens[k + 1];
      if (!Number.isInteger(low) || low < 0) break;
      if (next?.[1] !== undefined) {
        const list = numbersIn(next[1], MAX_WIDTHS - listed);
        listed += list.length;
        if (list.length > 0) ranges.push({ low, high: low + list.length - 1, width: list });
        k += 2;
      } else if (next?.[2] !== undefined && tokens[k + 2]?.[2] !== undefined) {
        const high = Number(next[2]);
        const width = Number(tokens[k + 2]![2]);
        if (high >= low && Number.isFinite(width)) ranges.push({ low, high, width });
        k += 3;
      } else break;
    }
  }
  ranges.sort((a, b) => a.low - b.low);
  return {
    of: (code) => {
      let lo = 0;
      let hi = ranges.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = ranges[mid]!;
        if (code < r.low) hi = mid - 1;
        else if (code > r.high) lo = mid + 1;
        else return typeof r.width === 'number' ? r.width : (r.width[code - r.low] ?? fallback);
      }
      return fallback;
    },
  };
}

/** The decoder of a font whose codes cannot be read as text. */
const NO_TEXT: FontDecoder = () => '';
