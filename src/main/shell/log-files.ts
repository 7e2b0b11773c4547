import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import pino from 'pino';

export interface RotationOptions {
  /** Rotate once the live file reaches this size. */
  maxBytes?: number;
  /** Old files kept: front-desk.1.log … front-desk.N.log. */
  keep?: number;
}

const rotated = (file: string, n: number) => file.replace(/(\.log)?$/, `.${n}.log`);

/** Moves file → file.1.log → … → file.keep.log (the oldest is dropped) when file is too big. */
export function rotateIfLarge(file: string, opts: RotationOptions = {}): boolean {
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const keep = Math.max(1, opts.keep ?? 3);
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return false;
  }
  if (size < maxBytes) return false;
  rmSync(rotated(file, keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (existsSync(rotated(file, n))) renameSync(rotated(file, n), rotated(file, n + 1));
  }
  renameSync(file, rotated(file, 1));
  return true;
}

/**
 * A pino destination whose file rotates by size: at open, and on a timer (a desk PC may run the
 * app for weeks). After a rotation the stream reopens the path, so writing goes to a new file.
 */
export function rotatingDestination(file: string, opts: RotationOptions & { checkEveryMs?: number } = {}) {
  rotateIfLarge(file, opts);
  const dest = pino.destination({ dest: file, mkdir: true, sync: true });
  const timer = setInterval(
    () => {
      try {
        if (rotateIfLarge(file, opts)) dest.reopen();
      } catch {
        /* a locked file (Windows antivirus) rotates next time */
      }
    },
    opts.checkEveryMs ?? 10 * 60 * 1000,
  );
  timer.unref();
  return { dest, stop: () => clearInterval(timer) };
}
