/**
 * What a file really is, by its first bytes — never by its name. Shared by the renderer (refuses
 * before the bytes cross IPC) and main (refuses again), so both always agree.
 */
export type Sniffed = 'jpeg' | 'png' | 'webp' | 'heic' | 'gif' | 'unknown';

/** Formats main can decode and re-encode. */
export const ACCEPTED_FORMATS: ReadonlySet<Sniffed> = new Set(['jpeg', 'png', 'webp']);

/** Camera originals up to this size are accepted (a 100 MP RAW-derived JPEG is ~40–50 MB). */
export const MAX_PHOTO_BYTES = 60 * 1024 * 1024;
/** Width × height read from the header before any decoding: keeps a decompression bomb out of memory. */
export const MAX_PHOTO_PIXELS = 100_000_000;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export function sniffImage(b: Uint8Array): Sniffed {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a) return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (
    b.length >= 12 &&
    ascii(b, 4, 8) === 'ftyp' &&
    /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif)$/.test(ascii(b, 8, 12))
  )
    return 'heic';
  if (b.length >= 4 && ascii(b, 0, 4) === 'GIF8') return 'gif';
  return 'unknown';
}
