import { APP_ORIGIN, originOf } from './app-files';

/**
 * The app's own page: app://front-desk in production, the electron-vite dev server in development.
 * Trust is origin equality; anything else — a navigated-away page, a foreign site — is untrusted
 * (subframes are refused earlier, in ipc.ts).
 */
export function createTrustedUrlCheck(opts: { devServerUrl?: string | undefined } = {}) {
  const trusted = new Set([APP_ORIGIN]);
  const dev = originOf(opts.devServerUrl);
  if (dev) trusted.add(dev);
  return (url: string | null): boolean => {
    const origin = originOf(url);
    return origin !== null && trusted.has(origin);
  };
}
