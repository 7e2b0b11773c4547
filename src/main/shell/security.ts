import type { Session, WebContents } from 'electron';
import { isAllowedExternal } from '../services/app/handlers';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: app-media:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'self' blob: data:",
  "frame-ancestors 'none'",
].join('; ');

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
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    safeOpen(url);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications, geolocation… for anyone; and the CSP as a header too. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}
