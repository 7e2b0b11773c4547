import type { AppStatus } from '../../../shared/domain/app-status';
import type { AppInfo } from '../../../shared/domain/session';
import type { Domain } from '../context';

/** External links the app may open in the OS browser; everything else is refused. */
export const EXTERNAL_ALLOW = [
  'https://alteg.io',
  'https://www.alteg.io',
  'https://developer.alteg.io',
  'https://yclients.com',
  'https://www.yclients.com',
];

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_ALLOW.some((allowed) => new URL(allowed).host === u.host);
  } catch {
    return false;
  }
}

export function createAppDomain(deps: {
  info: () => AppInfo;
  openExternal: (url: string) => Promise<void>;
  /** Beyond Altegio's sites: an https link the salon published on its location card (location domain). */
  salonLink?: (url: string) => boolean;
  now: () => Date;
  /** Supplied by the Electron shell's updater; elsewhere there is nothing to install. */
  restartToUpdate?: () => { restarting: boolean };
  updateStatus?: () => { version: string; canRestart: boolean } | null;
  status?: () => AppStatus;
}): Domain<'app.info' | 'app.status' | 'app.ping' | 'app.openExternal' | 'app.restartToUpdate' | 'app.updateStatus'> {
  return {
    handlers: {
      'app.info': () => deps.info(),
      'app.status': () => deps.status?.() ?? { storageRebuilt: null },
      'app.ping': (args) => ({ pong: true, echo: args?.echo ?? null, at: deps.now().toISOString() }),
      'app.openExternal': async ({ url }) => {
        if (!isAllowedExternal(url) && deps.salonLink?.(url) !== true) return { opened: false };
        await deps.openExternal(url);
        return { opened: true };
      },
      'app.restartToUpdate': () => deps.restartToUpdate?.() ?? { restarting: false },
      'app.updateStatus': () => deps.updateStatus?.() ?? null,
    },
  };
}
