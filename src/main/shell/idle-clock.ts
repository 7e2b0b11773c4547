/**
 * The idle time behind the desk's auto-lock, in Electron. Electron 41 (power-monitor.md):
 * - getSystemIdleTime(): seconds since the last input anywhere on the PC. Reported to stay 0 under
 *   Wayland, where Electron 38+ runs natively (issue 20, item 6), so it can silently never lock.
 * - getSystemIdleState(threshold): 'active' | 'idle' | 'locked' | 'unknown'; "'locked' is available
 *   on supported systems only".
 * - the 'lock-screen' event is documented for macOS and Windows only.
 * So: the OS clock while it is seen to move; the app's own input clock (keyboard via
 * `before-input-event`, mouse via `before-mouse-event`, both on webContents) when the app has been
 * left alone long enough that the OS clock must have moved, and did not. The choice is logged once.
 */
export interface IdlePower {
  getSystemIdleTime(): number;
  getSystemIdleState(idleThreshold: number): 'active' | 'idle' | 'locked' | 'unknown';
}

export type IdleSource = 'os' | 'app';

export interface IdleClockDeps {
  now?: () => number;
  /** Told once which clock is in use (and once more if the OS clock starts moving later). */
  onSource?: (source: IdleSource, why: string) => void;
  /** App-idle seconds after which an OS clock that never left 0 counts as broken. */
  probeSeconds?: number;
}

export class IdleClock {
  private lastInput: number;
  private source: IdleSource | null = null;
  private osMoved = false;
  private readonly now: () => number;
  private readonly probeSeconds: number;

  constructor(
    private readonly power: IdlePower,
    private readonly deps: IdleClockDeps = {},
  ) {
    this.now = deps.now ?? Date.now;
    this.lastInput = this.now();
    this.probeSeconds = deps.probeSeconds ?? 120;
  }

  /** Keyboard or mouse input reached the app's window. */
  touch(): void {
    this.lastInput = this.now();
  }

  /** Seconds since the app's window last had input. */
  appIdleSeconds(): number {
    return Math.max(0, Math.floor((this.now() - this.lastInput) / 1000));
  }

  /** The clock in use, or null while it is not known yet. */
  get using(): IdleSource | null {
    return this.source;
  }

  private use(source: IdleSource, why: string): void {
    if (this.source === source) return;
    this.source = source;
    this.deps.onSource?.(source, why);
  }

  idleSeconds(): number {
    const os = this.power.getSystemIdleTime();
    const app = this.appIdleSeconds();
    if (os > 0 && !this.osMoved) {
      this.osMoved = true;
      this.use('os', 'the system idle clock advances');
    }
    if (!this.osMoved && app >= this.probeSeconds) {
      this.use('app', `the system idle clock stayed at 0 for ${app} s without input to the app (Wayland?)`);
    }
    return this.source === 'app' ? app : os;
  }
}
