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

/** JPEG or PNG by the first bytes, as main checks it; anything else is refused before it crosses IPC. */
export function looksLikePhoto(head: Uint8Array): 'jpeg' | 'png' | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  return null;
}

/**
 * The picture's size as it is shown: upright, after its EXIF orientation, which is the space main
 * crops in (sharp's rotate() runs before extract()). Decodes the file; throws when it cannot.
 */
export async function uprightSize(file: Blob): Promise<Size> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    return { width: bitmap.width, height: bitmap.height };
  } finally {
    bitmap.close();
  }
}
