import type { LockReason } from '../../shared/domain/desk';

/** The part of Electron's powerMonitor the shared desk uses (injectable, so it is tested without Electron). */
export interface PowerEvents {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  getSystemIdleTime(): number;
}

/**
 * Locks the shared desk when the PC is locked or goes to sleep: whoever wakes it must give a PIN.
 * Electron documents 'lock-screen' on macOS and Windows only and 'suspend' everywhere (power-monitor.md);
 * on Linux the idle lock covers what 'lock-screen' would. powerMonitor may only be used after `ready`,
 * which is why this is called from start().
 */
export function lockOnSystemEvents(power: PowerEvents, lock: (reason: LockReason) => void): void {
  power.on('lock-screen', () => lock('os-lock'));
  power.on('suspend', () => lock('suspend'));
}

/** Seconds since the last keyboard or mouse input anywhere on the PC (Electron's getSystemIdleTime). */
export function systemIdleSeconds(power: PowerEvents): () => number {
  return () => power.getSystemIdleTime();
}
