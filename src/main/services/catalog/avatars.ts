import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AltegioApi } from '../../altegio/types';
import type { Logger } from '../../core/logger';
import { ACCEPTED_FORMATS, sniffImage } from '../../../shared/domain/photo-format';

/** Our own cache files: "<id>-<hash>.jpg". Anything else in the folder is not ours to delete. */
const OWN_FILE = /^\d+-[0-9a-f]{10}\.jpg$/;
const PARALLEL = 3;

/** A picture to keep: the team member's or service's id, and Altegio's URL. */
export interface AvatarWanted {
  id: number;
  url: string;
}

/** Team members' photos under 'staff', services' photos under 'services' (the photo editor writes there too). */
export type MediaDir = 'staff' | 'services';

export function avatarRelativePath(locationId: number, id: number, url: string, dir: MediaDir = 'staff'): string {
  const hash = createHash('sha1').update(url).digest('hex').slice(0, 10);
  return `${dir}/${locationId}/${id}-${hash}.jpg`;
}

/**
 * Keeps copies of team members' (or services') photos under paths.media so they show offline and without a remote
 * origin in the CSP. The file name carries a hash of Altegio's URL: an unchanged URL is not fetched
 * again, a new photo gets a new name (so no stale image from a cache).
 */
export class AvatarCache {
  constructor(
    private readonly mediaRoot: string,
    private readonly log: Logger,
    private readonly dir: MediaDir = 'staff',
  ) {}

  /**
   * Returns id → relative path of the cached copy. A failed download is not fatal: the member or
   * service keeps the copy it had (`previous`), or shows no photo.
   */
  async fetch(
    api: AltegioApi,
    locationId: number,
    wanted: readonly AvatarWanted[],
    previous: ReadonlyMap<number, string | null>,
  ): Promise<Map<number, string | null>> {
    const result = new Map<number, string | null>();
    const todo: AvatarWanted[] = [];
    for (const w of wanted) {
      const rel = avatarRelativePath(locationId, w.id, w.url, this.dir);
      if (existsSync(join(this.mediaRoot, rel))) result.set(w.id, rel);
      else todo.push(w);
    }
    if (todo.length > 0) mkdirSync(join(this.mediaRoot, this.dir, String(locationId)), { recursive: true });
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const w = todo[next++]!;
        result.set(w.id, await this.download(api, locationId, w, previous.get(w.id) ?? null));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, todo.length) }, worker));
    return result;
  }

  /** Deletes our files in the location's folder that nothing points at any more. */
  prune(locationId: number, keep: ReadonlySet<string>): void {
    const dir = join(this.mediaRoot, this.dir, String(locationId));
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (OWN_FILE.test(name) && !keep.has(`${this.dir}/${locationId}/${name}`)) rmSync(join(dir, name), { force: true });
    }
  }

  private async download(
    api: AltegioApi,
    locationId: number,
    w: AvatarWanted,
    fallback: string | null,
  ): Promise<string | null> {
    const rel = avatarRelativePath(locationId, w.id, w.url, this.dir);
    const file = join(this.mediaRoot, rel);
    try {
      const bytes = await api.download(w.url);
      if (bytes.byteLength === 0) throw new Error('empty body');
      // A proxy, captive portal or CDN error page may answer 200 with HTML: the file name is the URL's
      // hash, so a wrong body cached once would stay forever. Only picture bytes are kept.
      const kind = sniffImage(bytes);
      if (!ACCEPTED_FORMATS.has(kind)) throw new Error(`not a picture (${kind}, ${bytes.byteLength} bytes)`);
      // Written aside then renamed: a crash never leaves a half image under the final name.
      const tmp = `${file}.part`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
      return rel;
    } catch (e) {
      this.log.warn({ err: e, locationId, id: w.id, dir: this.dir }, 'photo not cached; keeping the previous one');
      return fallback !== null && existsSync(join(this.mediaRoot, fallback)) ? fallback : null;
    }
  }
}
