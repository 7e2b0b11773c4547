import { describe, expect, it } from 'vitest';
import {
  clampOffset,
  cropFor,
  looksLikeHeic,
  looksLikePhoto,
  maxZoom,
} from '../../../src/renderer/src/components/photo/crop';

describe('photo crop maths', () => {
  it('centres the largest square at zoom 1', () => {
    expect(cropFor({ width: 1200, height: 900 }, 1, { x: 0, y: 0 })).toEqual({ left: 150, top: 0, size: 900 });
  });
  it('shrinks the square when zooming and keeps it inside the picture when dragged far', () => {
    expect(cropFor({ width: 1200, height: 900 }, 2, { x: 0, y: 0 })).toEqual({ left: 375, top: 225, size: 450 });
    expect(cropFor({ width: 1200, height: 900 }, 2, { x: 5000, y: -5000 })).toEqual({ left: 750, top: 0, size: 450 });
  });
  it('recognises JPEG, PNG and WebP by their bytes, HEIC apart, nothing else', () => {
    expect(looksLikePhoto(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(looksLikePhoto(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(looksLikePhoto(new TextEncoder().encode('RIFF\x10\0\0\0WEBPVP8 '))).toBe('webp');
    expect(looksLikePhoto(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(looksLikePhoto(new TextEncoder().encode('hello'))).toBeNull();
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic')]);
    expect(looksLikePhoto(heic)).toBeNull();
    expect(looksLikeHeic(heic)).toBe(true);
  });
  it('forgets offset dragged past an edge, so the square moves back at once', () => {
    const natural = { width: 1200, height: 900 };
    const far = clampOffset(natural, 2, { x: 5000, y: -5000 });
    expect(far).toEqual({ x: 375, y: -225 });
    expect(cropFor(natural, 2, { x: far.x - 10, y: far.y })).toEqual({ left: 740, top: 0, size: 450 });
  });
  it('zooms in only as far as a 200-pixel crop, and at most 4×', () => {
    expect(maxZoom({ width: 4000, height: 3000 })).toBe(4);
    expect(maxZoom({ width: 300, height: 500 })).toBe(1.5);
    expect(maxZoom({ width: 200, height: 200 })).toBe(1);
  });
});
