import { extname, resolve, sep } from 'node:path';

/**
 * The renderer is served from a privileged custom scheme, not file://. Trust is then a plain origin
 * comparison: on Windows a file:// frame URL never equalled pathToFileURL(index).href (drive-letter
 * case, %-encoding), so every IPC call was refused. No file path ever takes part in trust.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'front-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * "scheme://host" of a URL. WHATWG `URL.origin` is "null" for non-special schemes such as app:,
 * so it cannot be used to compare custom-scheme origins.
 */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (!u.host) return null;
    return `${u.protocol}//${u.host}`.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Maps an app://front-desk/… request to a file inside the renderer folder, or null: another host,
 * a path that escapes the folder (.., encoded separators, NUL), or a file type we do not serve.
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): { file: string; type: string } | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path === '/') path = '/index.html';
  const root = resolve(rendererRoot);
  const file = resolve(root, '.' + sep + path.replace(/^\/+/, ''));
  if (!file.startsWith(root + sep)) return null;
  const type = TYPES[extname(file).toLowerCase()];
  return type ? { file, type } : null;
}

export interface AppFileHandlerDeps {
  /** The built renderer folder (out/renderer), inside app.asar when packaged. */
  root: string;
  /** Sent on every response: a real header, so frame-ancestors (ignored in a <meta>) applies. */
  csp: string;
  /** fs.readFile under Electron reads inside app.asar too. */
  read: (file: string) => Promise<Uint8Array>;
}

/** The app:// request handler, free of Electron so it is tested in Node. */
export function createAppFileHandler(deps: AppFileHandlerDeps): (request: Request) => Promise<Response> {
  const headers = (type: string) => ({
    'content-type': type,
    'content-security-policy': deps.csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const hit = resolveAppFile(deps.root, request.url);
    if (!hit) return new Response(null, { status: 404 });
    try {
      const body = await deps.read(hit.file);
      return new Response(request.method === 'HEAD' ? null : (body as ConstructorParameters<typeof Response>[0]), {
        status: 200,
        headers: headers(hit.type),
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}
