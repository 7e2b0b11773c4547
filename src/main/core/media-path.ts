import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

/**
 * Maps a media URL path ("staff/1/2-ab.jpg") to a file inside the media folder, or null when it
 * would escape the folder or is not an image we serve. Shared by the app-media:// protocol and the bridge.
 */
export function resolveMediaFile(mediaRoot: string, urlPath: string): { file: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = resolve(mediaRoot);
  const file = resolve(root, '.' + sep + decoded.replace(/^\/+/, ''));
  if (!file.startsWith(root + sep)) return null;
  const type = TYPES[extname(file).toLowerCase()];
  return type ? { file, type } : null;
}

/**
 * resolveMediaFile plus the file system's view: symlinks are followed and the real file must still
 * lie inside the real media folder, and be a regular file. What both servers of media must use.
 */
export async function openableMediaFile(
  mediaRoot: string,
  urlPath: string,
): Promise<{ file: string; type: string } | null> {
  const hit = resolveMediaFile(mediaRoot, urlPath);
  if (!hit) return null;
  try {
    const [root, file] = await Promise.all([realpath(mediaRoot), realpath(hit.file)]);
    if (!file.startsWith(root + sep)) return null;
    if (!(await stat(file)).isFile()) return null;
    return { file, type: hit.type };
  } catch {
    return null; // missing, or a dangling link
  }
}
