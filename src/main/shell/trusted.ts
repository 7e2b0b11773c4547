import { pathToFileURL } from 'node:url';

/**
 * The app's own page: the built index.html (file://) in production, the electron-vite dev server
 * in development. Anything else — a navigated-away page, a subframe, a foreign site — is untrusted.
 */
export function createTrustedUrlCheck(opts: { rendererIndexFile: string; devServerUrl?: string | undefined }) {
  const indexUrl = pathToFileURL(opts.rendererIndexFile).href;
  const devOrigin = opts.devServerUrl ? new URL(opts.devServerUrl).origin : null;
  return (url: string | null): boolean => {
    if (!url) return false;
    if (url === indexUrl || url.startsWith(indexUrl + '#') || url.startsWith(indexUrl + '?')) return true;
    if (devOrigin) {
      try {
        return new URL(url).origin === devOrigin;
      } catch {
        return false;
      }
    }
    return false;
  };
}
