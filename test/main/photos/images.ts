import { vips, withImages } from '../../../src/main/services/photos/vips';

/** Test pictures made with the app's own wasm libvips (no native image library anywhere). */

type Entry = { tag: number; type: 2 | 3 | 4 | 5; values: string | number[] };

/** A little-endian TIFF/EXIF block: IFD0 (Make, Model, Orientation) → Exif IFD (serial) and GPS IFD. */
function exifBlock(orientation: number): Buffer {
  const ifd0: Entry[] = [
    { tag: 0x010f, type: 2, values: 'PhoneMaker' },
    { tag: 0x0110, type: 2, values: 'Phone 15' },
    { tag: 0x0112, type: 3, values: [orientation] },
    { tag: 0x8298, type: 2, values: 'someone' },
  ];
  const exif: Entry[] = [{ tag: 0xa431, type: 2, values: 'SN-12345' }];
  const gps: Entry[] = [
    { tag: 0x0001, type: 2, values: 'N' },
    { tag: 0x0002, type: 5, values: [55, 1, 45, 1, 0, 1] },
    { tag: 0x0003, type: 2, values: 'E' },
    { tag: 0x0004, type: 5, values: [37, 1, 37, 1, 0, 1] },
  ];
  const size = (e: Entry) =>
    e.type === 2 ? (e.values as string).length + 1 : e.type === 3 ? 2 * e.values.length : 4 * e.values.length;
  const ifdLen = (n: number) => 2 + n * 12 + 4;
  const buf = Buffer.alloc(1024);
  buf.write('II', 0, 'ascii');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(8, 4);
  // Layout: IFD0 (+2 pointer entries), Exif IFD, GPS IFD, then all out-of-line values.
  const at0 = 8;
  const atExif = at0 + ifdLen(ifd0.length + 2);
  const atGps = atExif + ifdLen(exif.length);
  let data = atGps + ifdLen(gps.length);
  const all0: Entry[] = [
    ...ifd0,
    { tag: 0x8769, type: 4 as const, values: [atExif] },
    { tag: 0x8825, type: 4 as const, values: [atGps] },
  ].sort((a, b) => a.tag - b.tag);
  const writeIfd = (at: number, entries: Entry[]) => {
    buf.writeUInt16LE(entries.length, at);
    entries.forEach((e, i) => {
      const p = at + 2 + i * 12;
      const n = e.type === 2 ? (e.values as string).length + 1 : e.type === 5 ? e.values.length / 2 : e.values.length;
      buf.writeUInt16LE(e.tag, p);
      buf.writeUInt16LE(e.type, p + 2);
      buf.writeUInt32LE(n, p + 4);
      const target = size(e) <= 4 ? p + 8 : data;
      if (e.type === 2) buf.write(`${e.values as string}\0`, target, 'latin1');
      else if (e.type === 3) (e.values as number[]).forEach((x, j) => buf.writeUInt16LE(x, target + 2 * j));
      else (e.values as number[]).forEach((x, j) => buf.writeUInt32LE(x, target + 4 * j));
      if (size(e) > 4) {
        buf.writeUInt32LE(data, p + 8);
        data += size(e) + (size(e) % 2);
      }
    });
    buf.writeUInt32LE(0, at + 2 + entries.length * 12);
  };
  writeIfd(at0, all0);
  writeIfd(atExif, exif);
  writeIfd(atGps, gps);
  return buf.subarray(0, data);
}

/** Puts an APP1 "Exif" segment right after the JPEG's SOI marker. */
export function withExif(jpeg: Uint8Array, orientation: number): Buffer {
  const tiff = exifBlock(orientation);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([Buffer.from(jpeg.subarray(0, 2)), seg, payload, Buffer.from(jpeg.subarray(2))]);
}

/** Solid colour with a dark top-left quarter block, so orientation and crops are visible in pixels. */
async function marked(width: number, height: number, bands: 3 | 4, alpha = 255) {
  const v = await vips();
  return {
    v,
    make: () => {
      const rgb = [200, 120, 90];
      const base = v.Image.black(width, height, { bands }).add(bands === 4 ? [...rgb, alpha] : rgb);
      const block = v.Image.black(Math.round(width / 4), Math.round(height / 4), { bands }).add(
        bands === 4 ? [0x12, 0x34, 0x56, 255] : [0x12, 0x34, 0x56],
      );
      const out = base.insert(block, 0, 0).cast('uchar').copy({ interpretation: 'srgb' });
      base.delete();
      block.delete();
      return out;
    },
  };
}

/** A real camera-like JPEG: landscape pixels, EXIF orientation 6, GPS position and a camera serial. */
export async function cameraJpeg(width = 1600, height = 1200, opts: { orientation?: number; noise?: boolean } = {}) {
  const { v, make } = await marked(width, height, 3);
  const plain = await withImages((keep) => {
    let img = keep(make());
    if (opts.noise) img = keep(img.add(keep(v.Image.gaussnoise(width, height, { sigma: 40, mean: 0 }))).cast('uchar'));
    return Buffer.from(img.jpegsaveBuffer({ Q: 90, keep: 'none' }));
  });
  return withExif(plain, opts.orientation ?? 6);
}

export async function png(width: number, height: number): Promise<Buffer> {
  const { make } = await marked(width, height, 4);
  return withImages((keep) => Buffer.from(keep(make()).pngsaveBuffer()));
}

/** A PNG whose every pixel is fully transparent. */
export async function transparentPng(width: number, height: number): Promise<Buffer> {
  const v = await vips();
  return withImages((keep) =>
    Buffer.from(
      keep(keep(v.Image.black(width, height, { bands: 4 })).copy({ interpretation: 'srgb' })).pngsaveBuffer(),
    ),
  );
}

export async function webp(width: number, height: number): Promise<Buffer> {
  const { make } = await marked(width, height, 3);
  return withImages((keep) => Buffer.from(keep(make()).webpsaveBuffer({ Q: 90 })));
}

export async function gif(width: number, height: number): Promise<Buffer> {
  const { make } = await marked(width, height, 3);
  return withImages((keep) => Buffer.from(keep(make()).gifsaveBuffer()));
}

/** What a test needs to know about an encoded picture. */
export async function inspect(bytes: Uint8Array) {
  const v = await vips();
  return withImages((keep) => {
    const img = keep(v.Image.newFromBuffer(bytes));
    const has = (f: string) => img.getTypeof(f) !== 0;
    return {
      loader: img.getString('vips-loader'),
      width: img.width,
      height: img.height,
      bands: img.bands,
      interpretation: img.interpretation as unknown as string,
      orientation: has('orientation') ? img.getInt('orientation') : undefined,
      exif: has('exif-data'),
      xmp: has('xmp-data'),
      iptc: has('iptc-data'),
      icc: has('icc-profile-data'),
    };
  });
}

/** Pixel at (x, y) of an encoded picture. */
export async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<number[]> {
  const v = await vips();
  return withImages((keep) => keep(v.Image.newFromBuffer(bytes)).getpoint(x, y));
}

/** The first bytes of an iPhone HEIC file: an ISO-BMFF ftyp box with the heic brand. */
export function heicHeader(): Buffer {
  const box = Buffer.alloc(64);
  box.writeUInt32BE(24, 0);
  box.write('ftypheic', 4, 'ascii');
  box.writeUInt32BE(0, 12);
  box.write('mif1heic', 16, 'ascii');
  return box;
}

/** A valid PNG header claiming huge dimensions, with no pixel data behind it (a decompression bomb's shape). */
export function hugePngHeader(width: number, height: number): Buffer {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(2, 9);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(16)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A plain one-colour picture (for tests that only need real image bytes). */
export async function solid(width: number, height: number, format: 'jpeg' | 'png', rgba = [0x33, 0x66, 0x99, 255]) {
  const v = await vips();
  return withImages((keep) => {
    const bands = format === 'png' ? 4 : 3;
    const img = keep(keep(keep(v.Image.black(width, height, { bands })).add(rgba.slice(0, bands))).cast('uchar'));
    const out = keep(img.copy({ interpretation: 'srgb' }));
    return Buffer.from(format === 'png' ? out.pngsaveBuffer() : out.jpegsaveBuffer());
  });
}

/** 'jpeg' | 'png' | … as libvips reads it. */
export async function formatOf(bytes: Uint8Array): Promise<string> {
  return (await inspect(bytes)).loader.replace(/load.*$/, '');
}
