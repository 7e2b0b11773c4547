import type { CropRect } from '../../../../shared/domain/photos';

/** Where the square viewport sits over the upright picture, in the picture's own pixels. */
export function cropFor(
  natural: { width: number; height: number },
  zoom: number,
  offset: { x: number; y: number },
): CropRect {
  const side = Math.min(natural.width, natural.height);
  const size = Math.max(1, Math.round(side / zoom));
  const maxLeft = natural.width - size;
  const maxTop = natural.height - size;
  const left = Math.round(Math.min(Math.max(0, maxLeft / 2 + offset.x), maxLeft));
  const top = Math.round(Math.min(Math.max(0, maxTop / 2 + offset.y), maxTop));
  return { left, top, size };
}

/** JPEG or PNG by the first bytes, as main checks it; anything else is refused before it crosses IPC. */
export function looksLikePhoto(head: Uint8Array): 'jpeg' | 'png' | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  return null;
}
