import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, createAppFileHandler } from './app-files';
import { MEDIA_SCHEME } from './media-protocol';
import { contentSecurityPolicy } from './security';

/**
 * Must run before `app.ready`, and only once: a second registerSchemesAsPrivileged call replaces
 * the first (https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes).
 * `standard` gives app:// a real origin (relative URLs, localStorage); `secure` makes it a secure
 * context for ES modules; `supportFetchAPI` lets Vite's module preload fetch its chunks.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

/** Serves out/renderer at app://front-desk/ with the CSP as a response header (after `ready`). */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(
    APP_SCHEME,
    createAppFileHandler({ root: rendererRoot, csp: contentSecurityPolicy(), read: (f) => readFile(f) }),
  );
}
