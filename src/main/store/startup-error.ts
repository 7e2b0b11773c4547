import { AppError } from '../../shared/errors';

/** Why the local database could not be opened; each has its own sentence and fix. */
export type StartupReason = 'native-binding' | 'locked' | 'read-only' | 'disk-full' | 'unavailable';

const SENTENCES: Record<StartupReason, string> = {
  'native-binding':
    'Front Desk could not load its database module (it was built for another version of the app). Reinstall Front Desk, or in a development copy run `npm run native:electron`. Your data was not touched.',
  locked:
    'The Front Desk data file is in use by another program (another copy of Front Desk or a backup tool). Close it and start Front Desk again. Your data was not touched.',
  'read-only':
    'Front Desk cannot write to its data folder (it is read-only or access is denied). Ask whoever looks after this computer to give this user write access, then start again. Your data was not touched.',
  'disk-full':
    'The disk is full, so Front Desk cannot save its data. Free some space on this computer and start Front Desk again. Your data was not touched.',
  unavailable:
    'Front Desk could not open its data file. Restart the computer and try again; if it keeps happening, call support. Your data was not touched.',
};

/**
 * Thrown by createServices when the app must not start half-alive: the shell shows `message` in a
 * dialog and quits. `reason` says which of the cases it is; the data file is never moved for these.
 */
export class StartupError extends AppError {
  readonly reason: StartupReason;

  constructor(reason: StartupReason, file: string, cause?: unknown, sentence?: string) {
    super('STORAGE', sentence ?? SENTENCES[reason], { reason, file, cause: describe(cause) });
    this.name = 'StartupError';
    this.reason = reason;
  }
}

function describe(cause: unknown): string | undefined {
  if (cause === undefined) return undefined;
  const e = cause as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? `${e.code}: ` : '';
  return `${code}${typeof e.message === 'string' ? e.message : String(cause)}`.slice(0, 500);
}

export function isStartupError(e: unknown): e is StartupError {
  return e instanceof StartupError;
}
