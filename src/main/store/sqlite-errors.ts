import { accessSync, constants, statfsSync } from 'node:fs';
import { AppError } from '../../shared/errors';

/** What an error from SQLite or the file system means for the data file. */
export type StorageFault = 'corrupt' | 'locked' | 'read-only' | 'disk-full' | 'io';

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Only SQLITE_CORRUPT and SQLITE_NOTADB (and a failed integrity check) say the file itself is bad;
 * every other fault is about the place it lives in, and moving the file would lose healthy data.
 */
export function storageFault(e: unknown): StorageFault | null {
  if (e instanceof CorruptionDetected) return 'corrupt';
  const code = codeOf(e);
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'corrupt';
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'locked';
  if (/^SQLITE_(READONLY|PERM|AUTH)/.test(code) || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return 'read-only';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (/^SQLITE_(CANTOPEN|IOERR)/.test(code) || code === 'EIO') return 'io';
  return null;
}

/** quick_check answered something other than "ok". */
export class CorruptionDetected extends Error {
  constructor(detail: string) {
    super(`integrity check failed: ${detail.slice(0, 300)}`);
    this.name = 'CorruptionDetected';
  }
}

const RUNTIME_SENTENCES: Partial<Record<StorageFault, string>> = {
  'disk-full': 'The disk is full, so Front Desk could not save. Free some space on this computer and try again.',
  'read-only': 'Front Desk cannot write to its data folder. Ask whoever looks after this computer to check its access rights.',
  locked: 'The Front Desk data file is busy. Please try again in a moment.',
  corrupt: 'The Front Desk data file is damaged. Restart Front Desk; it will rebuild what it can.',
  io: 'Front Desk could not read or write its data file. Please try again; if it keeps happening, restart the computer.',
};

/** A storage failure while running (sync, outbox) as the STORAGE error users see; null when it is not one. */
export function storageAppError(e: unknown): AppError | null {
  const fault = storageFault(e);
  if (!fault) return null;
  return new AppError('STORAGE', RUNTIME_SENTENCES[fault]!, { fault, cause: codeOf(e) || undefined });
}

/** Below this much free space the disk counts as full (SQLite needs room for its WAL and shared memory). */
const LOW_SPACE_BYTES = 1024 * 1024;

/**
 * Asks the file system what a vague failure (SQLITE_IOERR_*, ENOENT from mkdir) really was: a
 * read-only or full disk. Null when neither explains it.
 */
export function folderFault(dir: string): 'read-only' | 'disk-full' | null {
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  }
  try {
    const s = statfsSync(dir);
    if (s.bavail * s.bsize < LOW_SPACE_BYTES) return 'disk-full';
  } catch {
    // statfs is missing on some platforms: no answer.
  }
  return null;
}
