/**
 * Inflation with a hard cap on output. fflate's one-shot functions decode a whole stream at once
 * (a 200 KB deflate bomb becomes 200 MB before anyone can look), so compressed input is fed to
 * fflate's streaming decoder in small pieces and decoding stops as soon as the cap is reached.
 * One input piece can expand at most ~1032× (deflate's limit), so memory stays near the cap.
 */
import { Inflate, Unzlib } from 'fflate';
import { concatBytes } from '../util/bytes.js';

/** Compressed bytes handed to the decoder at a time. */
const PIECE = 4096;

/** What came out: the bytes (at most the cap), and whether the stream was cut or broken. */
export interface Inflated {
  bytes: Uint8Array;
  /** True when the output reached the cap and decoding stopped. */
  capped: boolean;
  /** True when the data was not valid deflate (the bytes decoded before the error are kept). */
  broken: boolean;
}

/**
 * Inflates zlib-wrapped (RFC 1950) or raw (RFC 1951) deflate data, keeping at most `maxOut` bytes.
 * `format: 'auto'` looks at the first two bytes for a zlib header. Never throws.
 */
export function inflateCapped(data: Uint8Array, maxOut: number, format: 'zlib' | 'raw' | 'auto' = 'auto'): Inflated {
  const zlib = format === 'zlib' || (format === 'auto' && hasZlibHeader(data));
  const chunks: Uint8Array[] = [];
  let total = 0;
  let capped = false;
  let broken = false;
  const onData = (chunk: Uint8Array) => {
    if (capped) return;
    const room = maxOut - total;
    if (chunk.length >= room) {
      if (room > 0) chunks.push(chunk.slice(0, room));
      total = maxOut;
      capped = true;
      return;
    }
    chunks.push(chunk.slice());
    total += chunk.length;
  };
  const decoder = zlib ? new Unzlib(onData) : new Inflate(onData);
  try {
    for (let i = 0; i < data.length && !capped; i += PIECE) {
      const end = Math.min(i + PIECE, data.length);
      decoder.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) broken = true;
  } catch {
    broken = true;
  }
  return { bytes: concatBytes(chunks, total), capped, broken };
}

function hasZlibHeader(d: Uint8Array): boolean {
  if (d.length < 2) return false;
  const cmf = d[0]!;
  const flg = d[1]!;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}


