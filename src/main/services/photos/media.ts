import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UploadedImage } from '../../altegio/types';

/**
 * Writes the processed photo where the app-media protocol serves it; the name changes with the content.
 * `dir` is the subject's folder ('staff' or 'services'), the one the sync caches the same pictures in.
 */
export function savePhoto(mediaRoot: string, dir: string, locationId: number, id: number, jpeg: Buffer): string {
  const hash = createHash('sha1').update(jpeg).digest('hex').slice(0, 10);
  const rel = `${dir}/${locationId}/${id}-${hash}.jpg`;
  const file = join(mediaRoot, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, jpeg);
  return rel;
}

/** The largest version Altegio made of the upload, for the next sync to compare with. */
export function bestRemoteUrl(img: UploadedImage): string | null {
  const order = ['origin', 'norm', 'basic', 'sm'];
  for (const v of order) if (img.images[v]?.path) return img.images[v]!.path;
  return Object.values(img.images)[0]?.path ?? null;
}
