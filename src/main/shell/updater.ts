// electron-updater is CommonJS and defines autoUpdater with a getter, which Node's ESM loader
// cannot see as a named export: `import { autoUpdater }` fails at start in the ESM main bundle.
// https://www.electron.build/auto-update#usage (ESM note)
import electronUpdater from 'electron-updater';
import type { Logger } from '../core/logger';
import { DAY_MS, updatesEnabled, type UpdatePolicy } from './update-policy';

/**
 * electron-updater against a generic HTTPS feed (latest.yml & co. published by `npm run dist`).
 * Checks at start and once a day, downloads in the background, and only installs when the
 * receptionist presses "Restart to update" while nothing is printing, uploading or syncing.
 * https://www.electron.build/auto-update
 */
export function startUpdater(deps: {
  feedUrl: string | undefined;
  isPackaged: boolean;
  policy: UpdatePolicy;
  log: Logger;
}): { restart: () => { restarting: boolean } } {
  const off = { restart: () => ({ restarting: false }) };
  const gate = updatesEnabled({ feedUrl: deps.feedUrl, isPackaged: deps.isPackaged });
  if (!gate.enabled) {
    deps.log.info({ reason: gate.reason }, 'updates: off');
    return off;
  }
  // Read only now: the getter picks the platform's updater and needs a packaged app.
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = {
    info: (m: unknown) => deps.log.info({ updater: String(m) }),
    warn: (m: unknown) => deps.log.warn({ updater: String(m) }),
    error: (m: unknown) => deps.log.error({ updater: String(m) }),
    debug: () => undefined,
  };
  autoUpdater.setFeedURL({ provider: 'generic', url: deps.feedUrl!.trim() });
  autoUpdater.autoDownload = true;
  // Our quit path ends in app.exit() after cleanup (lifecycle.ts), which Electron does not follow
  // with the usual quit events; install only through quitAndInstall, never as a side effect.
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.on('update-downloaded', (info) => {
    deps.log.info({ version: info.version }, 'updates: downloaded');
    deps.policy.downloaded(info.version);
  });
  autoUpdater.on('error', (e) => deps.log.warn({ err: e.message }, 'updates: check failed'));
  const check = () =>
    void autoUpdater.checkForUpdates().catch((e: Error) => deps.log.warn({ err: e.message }, 'updates: check failed'));
  check();
  setInterval(check, DAY_MS).unref();
  return {
    restart: () => {
      if (!deps.policy.mayRestart()) return { restarting: false };
      // Closes the windows and quits; our will-quit cleanup still runs (lifecycle.ts).
      setImmediate(() => autoUpdater.quitAndInstall(false, true));
      return { restarting: true };
    },
  };
}
