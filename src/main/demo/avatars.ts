import { encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import type { DemoDataset, PhotoVersion } from './types';

const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** Mixes a colour towards white: the figure stands out on the member's colour. */
const tint = (c: number[], by: number) => c.map((x) => Math.round(x + (255 - x) * by));

/**
 * A head-and-shoulders figure on a flat colour, as RGBA pixels: two filled discs. Drawn in plain
 * JS, not with the app's wasm libvips, so the demo's first sync does not load a 2 GiB-ceiling wasm
 * heap and its threads before any photo is processed (issue 20, item 10).
 */
function figure(width: number, height: number, background: number[], ink: number[]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  const discs = [
    { x: Math.round(width / 2), y: Math.round(height * 0.4), r: Math.round(width * 0.2) },
    { x: Math.round(width / 2), y: Math.round(height * 1.05), r: Math.round(width * 0.42) },
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = discs.some((d) => (x - d.x) ** 2 + (y - d.y) ** 2 <= d.r * d.r);
      const c = inside ? ink : background;
      const at = (y * width + x) * 4;
      data[at] = c[0]!;
      data[at + 1] = c[1]!;
      data[at + 2] = c[2]!;
      data[at + 3] = 255;
    }
  }
  return data;
}

function jpeg(width: number, height: number, background: number[], ink: number[]): Buffer {
  return encodeJpeg({ data: figure(width, height, background, ink), width, height }, 85).data;
}

function png(width: number, height: number, background: number[], ink: number[]): Buffer {
  const image = new PNG({ width, height, colorType: 2 });
  figure(width, height, background, ink).copy(image.data);
  return PNG.sync.write(image, { colorType: 2 });
}

/**
 * Draws the seed team's portraits (a figure on the member's colour, real JPEG bytes) and Altegio's
 * grey "no-master" PNGs, on first request; keeps them.
 */
export class AvatarStudio {
  private readonly cache = new Map<string, Promise<{ bytes: Buffer; type: string }>>();

  constructor(private readonly dataset: () => DemoDataset) {}

  /** Bytes for a server path, or null when no picture lives there. */
  render(path: string): Promise<{ bytes: Buffer; type: string }> | null {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const job = this.draw(path);
    if (!job) return null;
    this.cache.set(path, job);
    return job;
  }

  private draw(path: string): Promise<{ bytes: Buffer; type: string }> | null {
    if (path === '/images/no-master.png' || path === '/images/no-master-sm.png') {
      const [w, h] = path.endsWith('-sm.png') ? [100, 100] : [180, 220];
      return Promise.resolve({ bytes: png(w, h, rgb('#e3e5e8'), rgb('#b9bec5')), type: 'image/png' });
    }
    for (const l of this.dataset().locations) {
      for (const m of l.staff) {
        const version =
          m.photo && (Object.keys(m.photo.paths) as PhotoVersion[]).find((v) => m.photo!.paths[v] === path);
        if (!m.photo || !version) continue;
        const { width, height } = m.photo.sizes[version];
        const color = rgb(m.color);
        return Promise.resolve({ bytes: jpeg(width, height, color, tint(color, 0.35)), type: 'image/jpeg' });
      }
    }
    return null;
  }
}
