import sharp from 'sharp';
import type { DemoDataset, DemoStaffMember, PhotoVersion } from './types';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]!.toLocaleUpperCase())
    .join('');
}

function portraitSvg(m: DemoStaffMember, width: number, height: number): string {
  const size = Math.round(Math.min(width, height) * 0.42);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="${m.color}"/>
<circle cx="50%" cy="112%" r="${Math.round(width * 0.55)}" fill="#ffffff" fill-opacity="0.18"/>
<text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="bold" font-size="${size}" fill="#ffffff">${escapeXml(initials(m.name))}</text>
</svg>`;
}

const SILHOUETTE = (w: number, h: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<rect width="100%" height="100%" fill="#e3e5e8"/>
<circle cx="50%" cy="40%" r="${Math.round(w * 0.2)}" fill="#b9bec5"/>
<ellipse cx="50%" cy="100%" rx="${Math.round(w * 0.38)}" ry="${Math.round(h * 0.3)}" fill="#b9bec5"/>
</svg>`;

/**
 * Draws the seed team's portraits (initials on a colour, real JPEG bytes via sharp) and Altegio's
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
      return sharp(Buffer.from(SILHOUETTE(w, h)))
        .png()
        .toBuffer()
        .then((bytes) => ({ bytes, type: 'image/png' }));
    }
    for (const l of this.dataset().locations) {
      for (const m of l.staff) {
        const version =
          m.photo && (Object.keys(m.photo.paths) as PhotoVersion[]).find((v) => m.photo!.paths[v] === path);
        if (!m.photo || !version) continue;
        const { width, height } = m.photo.sizes[version];
        return sharp(Buffer.from(portraitSvg(m, width, height)))
          .jpeg({ quality: 85 })
          .toBuffer()
          .then((bytes) => ({ bytes, type: 'image/jpeg' }));
      }
    }
    return null;
  }
}
