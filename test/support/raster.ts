import { readFile } from 'node:fs/promises';
import Vips from 'wasm-vips';

/**
 * Pictures as RGBA pixels for tests that read them back (QR codes), through the same wasm libvips the
 * app uses: no native image library anywhere, tests included. SVG needs libvips' resvg side module.
 */
type VipsModule = Awaited<ReturnType<typeof Vips>>;
let loading: Promise<VipsModule> | null = null;
const vips = () => (loading ??= Vips({ dynamicLibraries: ['vips-resvg.wasm'] }));

export interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

async function rgba(load: (v: VipsModule) => InstanceType<VipsModule['Image']>): Promise<Rgba> {
  const v = await vips();
  let im = load(v);
  // Flatten on white like paper, then back to 4 bands as jsQR wants.
  if (im.hasAlpha()) im = im.flatten({ background: [255, 255, 255] });
  if (im.bands === 1) im = im.bandjoin([im, im]);
  im = im.bandjoin(255);
  const bytes = im.writeToMemory();
  return { data: new Uint8ClampedArray(bytes.buffer, bytes.byteOffset, bytes.byteLength), width: im.width, height: im.height };
}

/** An SVG drawn `size` pixels wide, on white. */
export function rasterizeSvg(svg: string, size = 600): Promise<Rgba> {
  return rgba((v) => v.Image.thumbnailBuffer(new TextEncoder().encode(svg), size, { height: size }));
}

/** A PNG or JPEG file's pixels. */
export async function readPixels(file: string): Promise<Rgba> {
  const bytes = new Uint8Array(await readFile(file));
  return rgba((v) => v.Image.newFromBuffer(bytes));
}
