import { vips, withImages } from '../services/photos/vips';
import type { DemoDataset, PhotoVersion } from './types';

const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
/** Mixes a colour towards white: the figure stands out on the member's colour. */
const tint = (c: number[], by: number) => c.map((x) => Math.round(x + (255 - x) * by));

/**
 * A head-and-shoulders figure on a flat colour, drawn with the app's wasm libvips (no native image
 * library, no fonts — the wasm build has none, so no initials in the pixels).
 */
async function figure(
  width: number,
  height: number,
  background: number[],
  ink: number[],
  format: 'jpeg' | 'png',
): Promise<Buffer> {
  const v = await vips();
  return withImages((keep) => {
    const img = keep(keep(keep(v.Image.black(width, height, { bands: 3 })).add(background)).cast('uchar'));
    const canvas = keep(keep(img.copy({ interpretation: 'srgb' })).copyMemory());
    canvas.drawCircle(ink, Math.round(width / 2), Math.round(height * 0.4), Math.round(width * 0.2), { fill: true });
    canvas.drawCircle(ink, Math.round(width / 2), Math.round(height * 1.05), Math.round(width * 0.42), { fill: true });
    return Buffer.from(format === 'png' ? canvas.pngsaveBuffer() : canvas.jpegsaveBuffer({ Q: 85, keep: 'none' }));
  });
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
    const kept = job.catch((e: unknown) => {
      this.cache.delete(path);
      throw e;
    });
    this.cache.set(path, kept);
    return kept;
  }

  private draw(path: string): Promise<{ bytes: Buffer; type: string }> | null {
    if (path === '/images/no-master.png' || path === '/images/no-master-sm.png') {
      const [w, h] = path.endsWith('-sm.png') ? [100, 100] : [180, 220];
      return figure(w, h, rgb('#e3e5e8'), rgb('#b9bec5'), 'png').then((bytes) => ({ bytes, type: 'image/png' }));
    }
    for (const l of this.dataset().locations) {
      for (const m of l.staff) {
        const version =
          m.photo && (Object.keys(m.photo.paths) as PhotoVersion[]).find((v) => m.photo!.paths[v] === path);
        if (!m.photo || !version) continue;
        const { width, height } = m.photo.sizes[version];
        const color = rgb(m.color);
        return figure(width, height, color, tint(color, 0.35), 'jpeg').then((bytes) => ({
          bytes,
          type: 'image/jpeg',
        }));
      }
    }
    return null;
  }
}
