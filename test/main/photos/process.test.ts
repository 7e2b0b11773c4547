import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPhoto } from '../../../src/main/services/photos/process';
import { cameraJpeg, heicHeader, png } from './images';

describe('processPhoto', () => {
  it('rotates by EXIF, shrinks to ≤ 1024 px and drops every bit of metadata', async () => {
    const input = await cameraJpeg(1600, 1200);
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.toString('latin1')).toContain('PhoneMaker');
    // The GPS IFD pointer (tag 0x8825, little-endian) is in the input's EXIF.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const { jpeg, width, height } = await processPhoto(input);
    const after = await sharp(jpeg).metadata();
    expect(after.format).toBe('jpeg');
    // Orientation 6 = rotate 90°: the landscape pixels become a portrait picture.
    expect([width, height]).toEqual([768, 1024]);
    expect([after.width, after.height]).toEqual([768, 1024]);
    expect(after.orientation).toBeUndefined();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    const text = jpeg.toString('latin1');
    for (const needle of ['Exif', 'PhoneMaker', 'Phone 15']) expect(text).not.toContain(needle);
  });

  it('crops a square in the upright picture', async () => {
    const { width, height } = await processPhoto(await cameraJpeg(1600, 1200), {
      crop: { left: 100, top: 300, size: 600 },
    });
    expect([width, height]).toEqual([600, 600]);
    // A crop past the edge is pulled back inside instead of failing.
    const edge = await processPhoto(await cameraJpeg(1600, 1200), { crop: { left: 1100, top: 1500, size: 500 } });
    expect([edge.width, edge.height]).toEqual([500, 500]);
  });

  it('accepts PNG and re-encodes it as JPEG', async () => {
    const { jpeg } = await processPhoto(await png(300, 400));
    expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
  });

  const refused: [string, () => Promise<Uint8Array>, RegExp, string][] = [
    ['a text file renamed .jpg', async () => Buffer.from('hello, this is not a photo at all'), /JPEG or PNG/, 'format'],
    ['a truncated JPEG', async () => (await cameraJpeg(800, 600)).subarray(0, 4000), /damaged|incomplete/, 'corrupt'],
    [
      'a 25 MB file',
      async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(25 * 1024 * 1024)]),
      /20 MB/,
      'too-large',
    ],
    ['a 100 × 100 image', () => png(100, 100), /100 × 100.*200 × 200/, 'too-small'],
    ['a HEIC file', async () => heicHeader(), /HEIC.*JPEG or PNG/, 'format'],
  ];
  it.each(refused)('refuses %s with a clear message', async (_name, make, message, reason) => {
    await expect(processPhoto(await make())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(message),
      details: { reason },
    });
  });
});
