import { describe, expect, it } from 'vitest';
import { processPhoto } from '../../../src/main/services/photos/process';
import { cameraJpeg, gif, heicHeader, hugePngHeader, inspect, pixelAt, png, transparentPng, webp } from './images';

describe('processPhoto', () => {
  it('rotates by EXIF, shrinks to ≤ 1024 px and drops every bit of metadata', async () => {
    const input = await cameraJpeg(1600, 1200);
    const before = await inspect(input);
    expect(before.orientation).toBe(6);
    expect(before.exif).toBe(true);
    expect(input.toString('latin1')).toContain('PhoneMaker');
    // The GPS IFD pointer (tag 0x8825, little-endian) is in the input's EXIF.
    expect(input.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const { jpeg, width, height } = await processPhoto(input);
    const after = await inspect(jpeg);
    expect(after.loader).toBe('jpegload_buffer');
    // Orientation 6 = rotate 90° clockwise: the landscape pixels become a portrait picture…
    expect([width, height]).toEqual([768, 1024]);
    expect([after.width, after.height]).toEqual([768, 1024]);
    // …and the dark block that was top-left is now top-right.
    expect((await pixelAt(jpeg, 700, 20))[0]).toBeLessThan(60);
    expect((await pixelAt(jpeg, 20, 20))[0]).toBeGreaterThan(150);
    expect(after.orientation).toBeUndefined();
    expect(after.exif).toBe(false);
    expect(after.xmp).toBe(false);
    expect(after.iptc).toBe(false);
    expect(after.icc).toBe(false);
    expect(after.bands).toBe(3);
    const text = jpeg.toString('latin1');
    for (const needle of ['Exif', 'PhoneMaker', 'Phone 15', 'SN-12345', 'ICC_PROFILE'])
      expect(text).not.toContain(needle);
  });

  it('crops a square in the upright picture', async () => {
    const { width, height } = await processPhoto(await cameraJpeg(1600, 1200), {
      crop: { left: 100, top: 300, size: 600 },
    });
    expect([width, height]).toEqual([600, 600]);
    // A crop past the edge is pulled back inside instead of failing.
    const edge = await processPhoto(await cameraJpeg(1600, 1200), { crop: { left: 1100, top: 1500, size: 500 } });
    expect([edge.width, edge.height]).toEqual([500, 500]);
    // The crop is in upright pixels: top-right of the upright picture holds the dark block.
    const corner = await processPhoto(await cameraJpeg(1600, 1200), { crop: { left: 900, top: 0, size: 300 } });
    expect((await pixelAt(corner.jpeg, 150, 150))[0]).toBeLessThan(60);
  });

  it('shrinks a big camera original to 1024 px on the long side (shrink-on-load keeps the crop exact)', async () => {
    const big = await processPhoto(await cameraJpeg(6000, 4000, { orientation: 1 }));
    expect([big.width, big.height]).toEqual([1024, 683]);
    const crop = await processPhoto(await cameraJpeg(6000, 4000, { orientation: 1 }), {
      crop: { left: 0, top: 0, size: 1500 },
    });
    expect([crop.width, crop.height]).toEqual([1024, 1024]);
    // The dark block covers 1500 × 1000 of the top-left: the bottom of this crop is outside it.
    expect((await pixelAt(crop.jpeg, 500, 300))[0]).toBeLessThan(60);
    expect((await pixelAt(crop.jpeg, 500, 1000))[0]).toBeGreaterThan(150);
  });

  it('accepts PNG and re-encodes it as JPEG', async () => {
    const { jpeg } = await processPhoto(await png(300, 400));
    expect((await inspect(jpeg)).loader).toBe('jpegload_buffer');
  });

  it('flattens a transparent PNG on white, not black', async () => {
    const { jpeg } = await processPhoto(await transparentPng(300, 300));
    const [r, g, b] = await pixelAt(jpeg, 150, 150);
    expect([r, g, b].every((c) => c! > 245)).toBe(true);
  });

  it('accepts WebP', async () => {
    const { jpeg, width, height } = await processPhoto(await webp(400, 300));
    expect([width, height]).toEqual([400, 300]);
    expect((await inspect(jpeg)).loader).toBe('jpegload_buffer');
  });

  it('accepts a camera original over the old 20 MB limit', async () => {
    // Noise does not compress: a 30 MB JPEG like a high-end camera's.
    const input = await cameraJpeg(5000, 4000, { orientation: 1, noise: true });
    const padded = Buffer.concat([
      input.subarray(0, input.length - 2),
      Buffer.alloc(Math.max(0, 21 * 1024 * 1024 - input.length)),
      input.subarray(input.length - 2),
    ]);
    expect(padded.byteLength).toBeGreaterThan(20 * 1024 * 1024);
    const { width, height } = await processPhoto(padded);
    expect([width, height]).toEqual([1024, 819]);
  }, 30_000);

  const refused: [string, () => Promise<Uint8Array>, RegExp, string][] = [
    [
      'a text file renamed .jpg',
      async () => Buffer.from('hello, this is not a photo at all'),
      /JPEG, PNG or WebP/,
      'format',
    ],
    ['a truncated JPEG', async () => (await cameraJpeg(800, 600)).subarray(0, 4000), /damaged|incomplete/, 'corrupt'],
    [
      'a truncated upright JPEG (streamed)',
      async () => (await cameraJpeg(800, 600, { orientation: 1 })).subarray(0, 4000),
      /damaged|incomplete/,
      'corrupt',
    ],
    ['a truncated PNG', async () => (await png(800, 600)).subarray(0, 3000), /damaged|incomplete/, 'corrupt'],
    [
      'a 65 MB file',
      async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(65 * 1024 * 1024)]),
      /over 60 MB/,
      'too-large',
    ],
    [
      'a 20 000 × 20 000 PNG (checked from the header, never decoded)',
      async () => hugePngHeader(20_000, 20_000),
      /400 megapixels.*up to 100 megapixels/,
      'too-large',
    ],
    ['a 100 × 100 image', () => png(100, 100), /100 × 100.*200 × 200/, 'too-small'],
    ['a HEIC file', async () => heicHeader(), /iPhone HEIC photos can’t be read.*JPEG/, 'format'],
    ['a GIF', () => gif(300, 300), /GIF/, 'format'],
  ];
  it.each(refused)('refuses %s with a clear message', async (_name, make, message, reason) => {
    await expect(processPhoto(await make())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(message),
      details: { reason },
    });
  });

  it('gives HEIC and GIF their own sentences (not the WebP one)', async () => {
    const heic = await processPhoto(heicHeader()).catch((e: Error) => e.message);
    const gifMsg = await processPhoto(await gif(300, 300)).catch((e: Error) => e.message);
    expect(heic).not.toEqual(gifMsg);
    expect(heic).not.toMatch(/WebP/);
  });
});
