import sharp from 'sharp';
import type { CropRect } from '../../../shared/domain/photos';
import { MAX_PHOTO_BYTES } from '../../../shared/contract/schemas';
import { AppError } from '../../../shared/errors';
import { sniffImage } from './detect';

export const MIN_SIDE = 200;
export const MAX_SIDE = 1024;
const FORMATS = 'Front Desk accepts JPEG or PNG photos.';

const reject = (reason: 'format' | 'corrupt' | 'too-large' | 'too-small', message: string) =>
  new AppError('INVALID_INPUT', message, { reason });

function checkFormat(bytes: Uint8Array): void {
  switch (sniffImage(bytes)) {
    case 'jpeg':
    case 'png':
      return;
    case 'heic':
      throw reject(
        'format',
        `This is a HEIC photo (the iPhone format). ${FORMATS} On the iPhone choose Settings → Camera → Formats → "Most Compatible", or export the photo as JPEG.`,
      );
    case 'gif':
    case 'webp':
      throw reject('format', `This is a ${sniffImage(bytes).toUpperCase()} image. ${FORMATS}`);
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

/**
 * Makes a staff photo safe to send: real type checked, EXIF orientation applied, cropped,
 * at most 1024 px, re-encoded as sRGB JPEG with every piece of metadata (EXIF, GPS, camera
 * serials, XMP, IPTC, ICC) left behind.
 */
export async function processPhoto(
  bytes: Uint8Array,
  opts: { crop?: CropRect | undefined } = {},
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw reject('too-large', 'This photo is over 20 MB. Choose a smaller one.');
  checkFormat(bytes);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw reject('corrupt', `This photo is damaged and cannot be read. ${FORMATS}`);
  }
  const upright = meta.autoOrient ?? { width: meta.width ?? 0, height: meta.height ?? 0 };
  if (upright.width < MIN_SIDE || upright.height < MIN_SIDE) {
    throw reject(
      'too-small',
      `This photo is ${upright.width} × ${upright.height} pixels; it needs at least ${MIN_SIDE} × ${MIN_SIDE}.`,
    );
  }
  // Order matters in sharp: rotate first, so the crop is in the upright picture's pixels.
  let pipeline = sharp(bytes, { failOn: 'truncated' }).rotate();
  if (opts.crop) {
    const c = clampCrop(opts.crop, upright.width, upright.height);
    pipeline = pipeline.extract({ left: c.left, top: c.top, width: c.size, height: c.size });
  }
  try {
    const { data, info } = await pipeline
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch {
    throw reject('corrupt', `This photo is damaged or incomplete (perhaps it did not finish copying). ${FORMATS}`);
  }
}
