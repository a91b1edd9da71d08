/**
 * Which font each content stream's `Tf` names (PDF 32000-1:2008, 7.8.3 and 9.6–9.7): a page's
 * /Resources, its own or inherited from its /Pages ancestors (7.7.3.4), their /Font dictionary,
 * and for each font a decoder (pdf-cmap.ts): its ToUnicode map, else a predefined CMap's encoding,
 * else a byte per character for simple fonts. Fonts and resources shared by many pages are read once.
 */
import { latin1Text, parseToUnicode, predefinedCMapDecoder, toUnicodeDecoder, type FontDecoder } from './pdf-cmap.js';
import { dictEntries, dictEntry, nameValue, refNumber, refNumbers } from './pdf-syntax.js';
import type { FontLookup } from './pdf-text.js';

/** Access to a PDF's objects by number. */
export interface PdfObjects {
  /** The text of object `num`'s value (a dictionary `<< … >>`, an array, a number ...), or undefined. */
  value(num: number): string | undefined;
  /** Object `num`'s stream data with its filter undone (FlateDecode or none), a byte per character, at most `max` bytes. */
  stream(num: number, max: number): string | undefined;
}

/** Largest ToUnicode CMap read (bytes). */
export const MAX_CMAP_BYTES = 1 << 20;
/** Most fonts read in one PDF; text in any further font is read a byte per character. */
export const MAX_FONTS = 512;
/** Deepest /Parent chain followed for inherited resources. */
const MAX_PARENTS = 32;
/** Most content streams taken from one page. */
const MAX_CONTENTS = 1024;
/** Most fonts one resource dictionary names. */
const MAX_FONT_NAMES = 1024;

/** The fonts of one PDF. */
export class DocumentFonts {
  private readonly fonts = new Map<number, FontDecoder | null>();
  private readonly lookups = new Map<string, FontLookup | undefined>();

  constructor(private readonly objects: PdfObjects) {}

  /** A page's content streams (object numbers, in order) and the fonts its resources name. */
  page(pageDict: string): { contents: number[]; fonts: FontLookup | undefined } {
    let resources = dictEntry(pageDict, 'Resources');
    let node: string | undefined = pageDict;
    for (let depth = 0; resources === undefined && node !== undefined && depth < MAX_PARENTS; depth++) {
      const parent = refNumber(dictEntry(node, 'Parent'));
      node = parent === undefined ? undefined : this.objects.value(parent);
      resources = node === undefined ? undefined : dictEntry(node, 'Resources');
    }
    return { contents: this.contents(dictEntry(pageDict, 'Contents')), fonts: this.forResources(resources) };
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
      const byName = new Map<string, number>();
      for (const [name, value] of dictEntries(fontDict)) {
        const num = refNumber(value);
        if (num !== undefined) byName.set(name, num);
        if (byName.size >= MAX_FONT_NAMES) break;
      }
      if (byName.size > 0) lookup = (name) => {
        const num = byName.get(name);
        return num === undefined ? undefined : this.font(num);
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

  /** Font object `num`'s decoder; undefined for a font that is not read (then strings are read a byte per character). */
  private font(num: number): FontDecoder | undefined {
    const known = this.fonts.get(num);
    if (known !== undefined) return known ?? undefined;
    if (this.fonts.size >= MAX_FONTS) return undefined;
    const decoder = this.readFont(num);
    this.fonts.set(num, decoder ?? null);
    return decoder;
  }

  private readFont(num: number): FontDecoder | undefined {
    const dict = this.objects.value(num);
    if (dict === undefined) return undefined;
    const type0 = nameValue(dictEntry(dict, 'Subtype')) === 'Type0';
    const toUnicode = refNumber(dictEntry(dict, 'ToUnicode'));
    if (toUnicode !== undefined) {
      const cmap = this.objects.stream(toUnicode, MAX_CMAP_BYTES);
      const map = cmap === undefined ? undefined : parseToUnicode(cmap);
      if (map) return toUnicodeDecoder(map, type0 ? 2 : 1);
    }
    if (!type0) return latin1Text;
    const encoding = nameValue(dictEntry(dict, 'Encoding'));
    // Identity-H/V (and embedded CMaps) without a ToUnicode map: the codes are glyph ids, not text.
    return (encoding === undefined ? undefined : predefinedCMapDecoder(encoding)) ?? NO_TEXT;
  }
}

/** The decoder of a font whose codes cannot be read as text. */
const NO_TEXT: FontDecoder = () => '';
