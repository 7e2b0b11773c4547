import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { openableMediaFile } from '../core/media-path';

export const MEDIA_SCHEME = 'app-media';

// Registered as privileged together with app:// in app-protocol.ts (one call only).

/**
 * Serves cached staff photos read-only from the media folder, so they show offline and the CSP
 * never has to allow Altegio's image hosts.
 */
export function handleMediaProtocol(mediaRoot: string): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const url = new URL(request.url);
    const hit = await openableMediaFile(mediaRoot, url.pathname);
    if (!hit) return new Response(null, { status: 404 });
    const res = await net.fetch(pathToFileURL(hit.file).href).catch(() => null);
    if (!res || !res.ok) return new Response(null, { status: 404 });
    return new Response(res.body, { headers: { 'content-type': hit.type, 'cache-control': 'no-cache' } });
  });
}

export const mediaUrl = (relativePath: string) =>
  `${MEDIA_SCHEME}://media/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
