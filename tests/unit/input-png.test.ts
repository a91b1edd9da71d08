import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCompactJws } from '../../sdk/input/jwt.js';
import { extractFromPng, isPng, MAX_PNG_BYTES } from '../../sdk/input/png.js';
import { isObject, parseJson } from '../../sdk/util/json.js';
import { codeOf } from '../helpers/errors.js';

const CONFORMANCE = new URL('../../../shared/conformance/', import.meta.url);

// ---- a tiny PNG encoder, independent of the code under test (bitwise CRC, not table-driven) ----

function crcBitwise(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const u32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0);
  return b;
};

function chunk(type: string, data: Uint8Array): Uint8Array {
  const td = cat(latin1(type), data);
  return cat(u32(data.length), td, u32(crcBitwise(td)));
}

const SIG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR = chunk('IHDR', cat(u32(1), u32(1), new Uint8Array([8, 0, 0, 0, 0])));
const IDAT = chunk('IDAT', new Uint8Array(deflateSync(Buffer.from([0, 0]))));
const IEND = chunk('IEND', new Uint8Array(0));

function itxt(keyword: string, text: string | Uint8Array, opts: { compress?: boolean; flag?: number; method?: number } = {}): Uint8Array {
  const body = typeof text === 'string' ? utf8(text) : text;
  const payload = opts.compress ? new Uint8Array(deflateSync(Buffer.from(body))) : body;
  const flag = opts.flag ?? (opts.compress ? 1 : 0);
  return chunk('iTXt', cat(latin1(keyword), new Uint8Array([0, flag, opts.method ?? 0]), latin1('en'), new Uint8Array([0]), new Uint8Array([0]), payload));
}
const flip = (b: Uint8Array, at: number) => {
  b[at] = b[at]! ^ 0x01;
};
const text = (keyword: string, t: string) => chunk('tEXt', cat(latin1(keyword), new Uint8Array([0]), latin1(t)));
const png = (...extra: Uint8Array[]) => cat(SIG, IHDR, ...extra, IDAT, IEND);


const OB3_JSON = ' {"@context":["https://www.w3.org/ns/credentials/v2"],"name":"Caf\u00e9 \u2713 Ã©"}\n';
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln';

describe('extractFromPng', () => {
  it('reads an OB 3.0 iTXt chunk exactly, without trimming or normalising', () => {
    const r = extractFromPng(png(itxt('openbadgecredential', OB3_JSON)));
    expect(r).toEqual({ kind: 'ob3', text: OB3_JSON, container: 'png-itxt' });
  });

  it('reads an OB 2.0 iTXt chunk (signed JWS)', () => {
    expect(extractFromPng(png(itxt('openbadges', JWS)))).toEqual({ kind: 'ob2', text: JWS, container: 'png-itxt' });
  });

  it('reads a legacy tEXt chunk with the hosted assertion URL', () => {
    const r = extractFromPng(png(text('openbadges', 'https://example.org/assertion.json')));
    expect(r).toEqual({ kind: 'ob2', text: 'https://example.org/assertion.json', container: 'png-text' });
  });

  it('ignores unrelated text chunks and data after IEND', () => {
    const bytes = cat(png(text('Comment', 'hello'), itxt('XML:com.adobe.xmp', '<x/>'), itxt('openbadges', JWS)), latin1('trailing junk'));
    expect(extractFromPng(bytes).text).toBe(JWS);
  });

  it('prefers OB 3.0 over OB 2.0, and iTXt over legacy tEXt', () => {
    expect(extractFromPng(png(itxt('openbadges', JWS), itxt('openbadgecredential', OB3_JSON))).kind).toBe('ob3');
    expect(extractFromPng(png(text('openbadges', 'https://x.example/a'), itxt('openbadges', JWS))).container).toBe('png-itxt');
  });

  it('inflates a compressed iTXt chunk', () => {
    const r = extractFromPng(png(itxt('openbadgecredential', OB3_JSON, { compress: true })));
    expect(r.text).toBe(OB3_JSON);
  });

  it('refuses a compressed chunk that inflates past the cap (zip bomb)', () => {
    const bomb = png(itxt('openbadgecredential', new Uint8Array(20 * 1024 * 1024).fill(0x20), { compress: true }));
    expect(bomb.length).toBeLessThan(100_000);
    expect(codeOf(() => extractFromPng(bomb))).toBe('bad-png');
    expect(() => extractFromPng(bomb)).toThrow(/inflates to more than 8 MB/);
  });

  it('refuses compressed data with a broken zlib stream or checksum', () => {
    const z = new Uint8Array(deflateSync(Buffer.from(OB3_JSON)));
    flip(z, z.length - 1); // adler-32
    const body = cat(latin1('openbadgecredential'), new Uint8Array([0, 1, 0, 0, 0]), z);
    expect(codeOf(() => extractFromPng(png(chunk('iTXt', body))))).toBe('bad-png');
    expect(() => extractFromPng(png(chunk('iTXt', body)))).toThrow(/checksum/);
    const garbage = cat(latin1('openbadgecredential'), new Uint8Array([0, 1, 0, 0, 0]), latin1('not zlib at all'));
    expect(codeOf(() => extractFromPng(png(chunk('iTXt', garbage))))).toBe('bad-png');
    const cut = cat(latin1('openbadgecredential'), new Uint8Array([0, 1, 0, 0, 0]), z.subarray(0, z.length - 8));
    expect(codeOf(() => extractFromPng(png(chunk('iTXt', cut))))).toBe('bad-png');
  });

  it('refuses an invalid compression flag or method', () => {
    expect(codeOf(() => extractFromPng(png(itxt('openbadgecredential', OB3_JSON, { flag: 2 }))))).toBe('bad-png');
    expect(codeOf(() => extractFromPng(png(itxt('openbadgecredential', OB3_JSON, { method: 8 }))))).toBe('bad-png');
  });

  it('refuses text that is not UTF-8 in an iTXt badge chunk', () => {
    expect(codeOf(() => extractFromPng(png(itxt('openbadges', new Uint8Array([0x7b, 0xff, 0x7d])))))).toBe('bad-png');
  });

  it('refuses a wrong CRC in any chunk, not only the badge chunk', () => {
    const good = png(itxt('openbadges', JWS));
    const idatCrcAt = good.length - IEND.length - 1;
    const bad = good.slice();
    flip(bad, idatCrcAt);
    expect(() => extractFromPng(bad)).toThrow(/CRC/);
    const badBadge = good.slice();
    flip(badBadge, 8 + IHDR.length + 20); // a byte inside the iTXt data
    expect(codeOf(() => extractFromPng(badBadge))).toBe('bad-png');
  });

  it('refuses a chunk whose length runs past the end of the file', () => {
    const c = itxt('openbadges', JWS);
    const lying = c.slice();
    new DataView(lying.buffer).setUint32(0, 0x7ffffff0);
    expect(() => extractFromPng(png(lying))).toThrow(/past the end/);
  });

  it('refuses a truncated file and a file without IEND', () => {
    const good = png(itxt('openbadges', JWS));
    expect(codeOf(() => extractFromPng(good.subarray(0, good.length - 30)))).toBe('bad-png');
    expect(codeOf(() => extractFromPng(cat(SIG, IHDR, itxt('openbadges', JWS), IDAT)))).toBe('bad-png');
    expect(codeOf(() => extractFromPng(SIG))).toBe('bad-png');
  });

  it('refuses a missing signature, and IHDR not first', () => {
    expect(codeOf(() => extractFromPng(latin1('GIF89a not a png')))).toBe('bad-png');
    expect(codeOf(() => extractFromPng(cat(SIG, itxt('openbadges', JWS), IHDR, IDAT, IEND)))).toBe('bad-png');
  });

  it('refuses non-letter chunk types', () => {
    expect(codeOf(() => extractFromPng(png(chunk('a1b2', new Uint8Array(1)))))).toBe('bad-png');
  });

  it('says no-credential for a plain image, and for an empty badge chunk', () => {
    expect(codeOf(() => extractFromPng(png()))).toBe('no-credential');
    expect(codeOf(() => extractFromPng(png(text('Software', 'GIMP'))))).toBe('no-credential');
    expect(codeOf(() => extractFromPng(png(itxt('openbadges', ''))))).toBe('no-credential');
  });

  it('refuses two chunks with the same badge keyword (ambiguous)', () => {
    expect(codeOf(() => extractFromPng(png(itxt('openbadges', JWS), itxt('openbadges', 'other'))))).toBe('bad-png');
  });

  it('refuses files above the size cap before parsing', () => {
    expect(codeOf(() => extractFromPng(new Uint8Array(MAX_PNG_BYTES + 1)))).toBe('too-large');
  });

  it('isPng checks the signature only', () => {
    expect(isPng(png())).toBe(true);
    expect(isPng(SIG.subarray(0, 7))).toBe(false);
  });
});

describe('extractFromPng on the conformance baked PNGs', () => {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', CONFORMANCE), 'utf8')) as {
    id: string;
    file: string;
    format: string;
    payload?: { keyword?: string; encoding: string };
  }[];
  const cases = manifest.filter((c) => c.format === 'baked-png');

  it('has baked PNG cases', () => expect(cases.length).toBeGreaterThanOrEqual(4));

  for (const c of cases) {
    it(c.id, () => {
      const r = extractFromPng(new Uint8Array(readFileSync(new URL(c.file, CONFORMANCE))));
      expect(r.container).toBe('png-itxt');
      expect(r.kind).toBe(c.payload?.keyword === 'openbadgecredential' ? 'ob3' : 'ob2');
      if (/JWT|JWS/.test(c.payload!.encoding)) {
        const jws = parseCompactJws(r.text);
        expect(isObject(jws.payload)).toBe(true);
      } else {
        const v = parseJson(r.text);
        expect(isObject(v) && v['@context'] !== undefined).toBe(true);
      }
    });
  }
});
