import { sniffImage } from '../../../../shared/domain/photo-format';
import type { CropRect } from '../../../../shared/domain/photos';

export interface Size {
  width: number;
  height: number;
}
export interface Offset {
  x: number;
  y: number;
}

/** Main refuses a crop smaller than this (and a picture whose sides are). */
export const MIN_SIDE = 200;
const MAX_ZOOM = 4;

/** Where the square viewport sits over the upright picture, in the picture's own pixels. */
export function cropFor(natural: Size, zoom: number, offset: Offset): CropRect {
  const side = Math.min(natural.width, natural.height);
  const size = Math.max(1, Math.round(side / zoom));
  const maxLeft = natural.width - size;
  const maxTop = natural.height - size;
  const left = Math.round(Math.min(Math.max(0, maxLeft / 2 + offset.x), maxLeft));
  const top = Math.round(Math.min(Math.max(0, maxTop / 2 + offset.y), maxTop));
  return { left, top, size };
}

/**
 * The offset that `cropFor` actually used. Dragging past an edge must not pile up unseen offset,
 * or the square would not move back until the pointer had travelled all of it.
 */
export function clampOffset(natural: Size, zoom: number, offset: Offset): Offset {
  const c = cropFor(natural, zoom, offset);
  return { x: c.left - (natural.width - c.size) / 2, y: c.top - (natural.height - c.size) / 2 };
}

/** Zooming in stops where the crop would shrink below what main accepts. */
export function maxZoom(natural: Size): number {
  const side = Math.min(natural.width, natural.height);
  return Math.max(1, Math.min(MAX_ZOOM, Math.floor((side / MIN_SIDE) * 100) / 100));
}

/** How many first bytes of a file the checks below need. */
export const HEAD_BYTES = 16;

/**
 * JPEG, PNG or WebP by the first bytes, with the very function main uses, so both accept and refuse
 * the same files; anything else is refused before it crosses IPC.
 */
export function looksLikePhoto(head: Uint8Array): 'jpeg' | 'png' | 'webp' | null {
  const kind = sniffImage(head);
  return kind === 'jpeg' || kind === 'png' || kind === 'webp' ? kind : null;
}

/** iPhone HEIC gets its own sentence: the fix (export as JPEG) is specific. */
export const looksLikeHeic = (head: Uint8Array): boolean => sniffImage(head) === 'heic';

/**
 * The picture's size as it is shown: upright, after its EXIF orientation, which is the space main
 * crops in (main applies the EXIF rotation before the crop). Decodes the file; throws when it cannot.
 */
export async function uprightSize(file: Blob): Promise<Size> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    return { width: bitmap.width, height: bitmap.height };
  } finally {
    bitmap.close();
  }
}
