import type { Session, WebContents } from 'electron';
import { isAllowedExternal } from '../services/app/handlers';

/**
 * The page's policy, sent as a response header by the app:// handler (and onHeadersReceived for the
 * dev server); src/renderer/index.html carries the same text in a <meta> for the browser bridge
 * (a test keeps the two equal). frame-ancestors only works as a header.
 *
 * - frame-src 'none': the report preview is an <iframe sandbox srcdoc>, and about:srcdoc is not
 *   subject to frame-src (checked in Chromium); nothing else is framed, so no data:/blob: frames.
 * - style-src keeps 'unsafe-inline' because a srcdoc document inherits its parent's policy: the
 *   self-contained report's <style> (its text varies with the location and day, so no hash) would
 *   be blocked in the preview. Vue itself needs none of it in the build (its :style bindings go
 *   through CSSOM, which CSP does not govern). Removing it means serving the preview from its own
 *   app:// URL with its own header.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: app-media:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
export const CSP = contentSecurityPolicy();

/** Subframes may only show inline documents (the report preview's srcdoc), never load a URL. */
const INLINE_FRAME = /^about:(srcdoc|blank)$/;

/**
 * Navigation and new windows are refused; an allow-listed https link (Altegio's own sites) goes
 * to the OS browser instead. One safe-open function for both paths.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  deps: { isAppUrl: (url: string) => boolean; openExternal: (url: string) => void },
): void {
  const safeOpen = (url: string) => {
    if (isAllowedExternal(url)) deps.openExternal(url);
  };
  contents.on('will-navigate', (event, url) => {
    if (deps.isAppUrl(url)) return;
    event.preventDefault();
    safeOpen(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (deps.isAppUrl(url)) return;
    event.preventDefault();
  });
  // will-navigate fires for the main frame only; a subframe's navigation is seen here.
  // https://www.electronjs.org/docs/latest/api/web-contents#event-will-frame-navigate
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return;
    if (INLINE_FRAME.test(event.url)) return;
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    safeOpen(url);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications, geolocation… for anyone; and the CSP as a header too. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}
