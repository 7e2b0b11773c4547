import { AppError } from '../../shared/errors';
import { startupFailure } from '../store/db';
import { storageFault } from '../store/sqlite-errors';
import { StartupError } from '../store/startup-error';

export const NATIVE_BINDING_PACKAGED =
  'Front Desk is not installed correctly: one of its parts cannot run on this computer. Please ask whoever looks after this computer to install Front Desk again with the installer made for it (on a Mac: the Apple silicon or the Intel version, whichever this Mac has). Your data was not touched.';

/**
 * The dialog sentence for a failed start. createServices turns failures while opening the database
 * into StartupError, but a write lock held longer than SQLite's 5 s busy timeout (a backup tool)
 * can surface later in start-up as a bare SqliteError "database is locked", or as the runtime
 * STORAGE error: both get the same sentence as a locked file at open (issue 20, item 12).
 */
export function startFailureMessage(e: unknown, dbFile: string, opts: { isPackaged: boolean }): string {
  // The store's sentence also tells developers which npm script rebuilds the module; a receptionist
  // can do nothing with that (issue 20, item 13).
  if (e instanceof StartupError && e.reason === 'native-binding' && opts.isPackaged) return NATIVE_BINDING_PACKAGED;
  if (e instanceof StartupError) return e.message;
  const fault = e instanceof AppError && e.code === 'STORAGE' ? e.details?.['fault'] : storageFault(e);
  if (fault === 'locked' || fault === 'read-only' || fault === 'disk-full')
    return new StartupError(fault, dbFile, e).message;
  if (storageFault(e)) return startupFailure(e, dbFile).message;
  return e instanceof Error ? e.message : String(e);
}
