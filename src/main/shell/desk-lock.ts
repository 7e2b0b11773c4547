import type { LockReason } from '../../shared/domain/desk';

/** The part of Electron's powerMonitor the shared desk uses (injectable, so it is tested without Electron). */
export interface PowerEvents {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  getSystemIdleTime(): number;
  getSystemIdleState(idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown';
}

/**
 * Locks the shared desk when the PC is locked or goes to sleep: whoever wakes it must give a PIN.
 * Electron documents 'lock-screen' on macOS and Windows only and 'suspend' everywhere
 * (https://www.electronjs.org/docs/latest/api/power-monitor). On Linux the screen lock is seen by
 * polling getSystemIdleState(), whose 'locked' is "available on supported systems only", so the
 * idle lock (IdleClock) still covers a desktop that reports neither. powerMonitor may only be used
 * after `ready`, which is why this is called from start(). Returns a stop function.
 */
export function lockOnSystemEvents(
  power: PowerEvents,
  lock: (reason: LockReason) => void,
  opts: { pollMs?: number } = {},
): () => void {
  power.on('lock-screen', () => lock('os-lock'));
  power.on('suspend', () => lock('suspend'));
  let wasLocked = false;
  const timer = setInterval(() => {
    const locked = power.getSystemIdleState(60) === 'locked';
    if (locked && !wasLocked) lock('os-lock');
    wasLocked = locked;
  }, opts.pollMs ?? 15_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
