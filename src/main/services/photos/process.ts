import type { CropRect } from '../../../shared/domain/photos';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, sniffImage } from '../../../shared/domain/photo-format';
import { AppError } from '../../../shared/errors';
import { vips, withImages, type VipsImage } from './vips';

export const MIN_SIDE = 200;
export const MAX_SIDE = 1024;
const FORMATS = 'Front Desk accepts JPEG, PNG or WebP photos.';
const MAX_MB = Math.round(MAX_PHOTO_BYTES / 1024 / 1024);
const WHITE = [255, 255, 255];

const reject = (reason: 'format' | 'corrupt' | 'too-large' | 'too-small', message: string) =>
  new AppError('INVALID_INPUT', message, { reason });

function checkFormat(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' {
  const kind = sniffImage(bytes);
  switch (kind) {
    case 'jpeg':
    case 'png':
    case 'webp':
      return kind;
    case 'heic':
      throw reject(
        'format',
        'iPhone HEIC photos can’t be read. Export the photo as JPEG, or on the iPhone choose Settings → Camera → Formats → "Most Compatible".',
      );
    case 'gif':
      throw reject('format', `This is a GIF image (often an animation). ${FORMATS}`);
    default:
      throw reject('format', `This file is not a photo Front Desk can read. ${FORMATS}`);
  }
}

function clampCrop(crop: CropRect, width: number, height: number): CropRect {
  const size = Math.min(Math.round(crop.size), width, height);
  if (size < MIN_SIDE)
    throw reject('too-small', `The cropped area is smaller than ${MIN_SIDE} × ${MIN_SIDE} pixels. Zoom out a little.`);
  const left = Math.min(Math.max(0, Math.round(crop.left)), width - size);
  const top = Math.min(Math.max(0, Math.round(crop.top)), height - size);
  return { left, top, size };
}

/** EXIF orientations 5–8 turn the picture a quarter: width and height swap. */
function orientation(img: VipsImage): number {
  return img.getTypeof('orientation') ? img.getInt('orientation') : 1;
}

/**
 * JPEG decodes at 1/2, 1/4 or 1/8 scale almost for free (DCT scaling). Pick the largest that
 * still leaves at least MAX_SIDE pixels across the area we keep, so quality is unchanged.
 */
function jpegShrink(areaSide: number): number {
  let shrink = 1;
  while (shrink < 8 && areaSide / (shrink * 2) >= MAX_SIDE) shrink *= 2;
  return shrink;
}

/**
 * Makes a staff photo safe to send: real type checked by bytes, size checked from the header before
 * decoding, EXIF orientation applied, cropped, at most 1024 px, transparency flattened on white,
 * re-encoded as sRGB JPEG with every piece of metadata (EXIF, GPS, camera serials, XMP, IPTC, ICC)
 * left behind.
 */
export async function processPhoto(
  bytes: Uint8Array,
  opts: { crop?: CropRect | undefined } = {},
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  if (bytes.byteLength > MAX_PHOTO_BYTES)
    throw reject('too-large', `This file is over ${MAX_MB} MB. Choose a smaller photo.`);
  const kind = checkFormat(bytes);
  const v = await vips();
  return withImages((keep) => {
    let header: VipsImage;
    try {
      // Reads the header only: no pixel is decoded yet.
      header = keep(v.Image.newFromBuffer(bytes));
    } catch {
      throw reject('corrupt', `This photo is damaged and cannot be read. ${FORMATS}`);
    }
    const { width, height } = header;
    if (width * height > MAX_PHOTO_PIXELS) {
      throw reject(
        'too-large',
        `This photo is ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); Front Desk reads photos up to ${MAX_PHOTO_PIXELS / 1e6} megapixels.`,
      );
    }
    const turned = orientation(header) >= 5;
    const upright = turned ? { width: height, height: width } : { width, height };
    if (upright.width < MIN_SIDE || upright.height < MIN_SIDE) {
      throw reject(
        'too-small',
        `This photo is ${upright.width} × ${upright.height} pixels; it needs at least ${MIN_SIDE} × ${MIN_SIDE}.`,
      );
    }
    const area = opts.crop
      ? clampCrop(opts.crop, upright.width, upright.height)
      : { left: 0, top: 0, width: upright.width, height: upright.height };
    const areaW = 'size' in area ? area.size : area.width;
    const areaH = 'size' in area ? area.size : area.height;

    try {
      const shrink = kind === 'jpeg' ? jpegShrink(Math.min(areaW, areaH)) : 1;
      let img = keep(
        v.Image.newFromBuffer(bytes, kind === 'jpeg' ? `[shrink=${shrink}]` : '', {
          // A file that did not finish copying is refused, not shown half grey.
          fail_on: 'truncated',
          // Upright pictures stream top to bottom through crop and resize: a 100 MP PNG is never
          // held whole in (never-shrinking) wasm memory. A rotation needs the whole picture.
          access: turned || orientation(header) > 1 ? 'random' : 'sequential',
        }),
      );
      // Rotate first, so the crop is in the upright picture's pixels (what the editor showed).
      img = keep(img.autorot());
      const fx = img.width / upright.width;
      const fy = img.height / upright.height;
      const l = Math.min(Math.floor(area.left * fx), img.width - 1);
      const t = Math.min(Math.floor(area.top * fy), img.height - 1);
      const w = Math.max(1, Math.min(Math.round(areaW * fx), img.width - l));
      const h = Math.max(1, Math.min(Math.round(areaH * fy), img.height - t));
      if (l !== 0 || t !== 0 || w !== img.width || h !== img.height) img = keep(img.extractArea(l, t, w, h));
      const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
      if (scale < 1) {
        img = keep(img.resize(scale));
        // Rounding in resize may leave 1025 px; never exceed the promise.
        if (img.width > MAX_SIDE || img.height > MAX_SIDE)
          img = keep(img.extractArea(0, 0, Math.min(img.width, MAX_SIDE), Math.min(img.height, MAX_SIDE)));
      }
      // Transparent pixels become white, as on a printed page (not black).
      if (img.hasAlpha()) img = keep(img.flatten({ background: WHITE }));
      // Pixels converted into sRGB through the embedded profile when there is one; the profile itself is not kept.
      if (img.getTypeof('icc-profile-data')) img = keep(img.iccTransform('srgb', { embedded: true }));
      img = keep(img.colourspace('srgb'));
      if (img.hasAlpha()) img = keep(img.flatten({ background: WHITE }));
      const jpeg = img.jpegsaveBuffer({ Q: 85, optimize_coding: true, keep: 'none' });
      return { jpeg: Buffer.from(jpeg), width: img.width, height: img.height };
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw reject('corrupt', `This photo is damaged or incomplete (perhaps it did not finish copying). ${FORMATS}`);
    }
  });
}
