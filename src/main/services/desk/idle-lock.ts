/**
 * Locks the desk after N minutes without input. The idle time comes from the OS (Electron's
 * `powerMonitor.getSystemIdleTime()`, seconds since the last keyboard or mouse input anywhere), so a
 * receptionist typing in another program is not locked out of Front Desk mid-sentence; the browser bridge
 * and tests pass their own source. Polling every 15 s keeps the lock within 15 s of the setting without a
 * timer per keystroke.
 */
export interface IdleLockDeps {
  idleSeconds(): number;
  /** Minutes of idle before locking; 0 turns auto-lock off. Read at every tick so a new setting applies at once. */
  minutes(): number;
  isLocked(): boolean;
  lock(reason: 'idle'): void;
  pollMs?: number;
}

export class IdleLock {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: IdleLockDeps) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.deps.pollMs ?? 15_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  tick(): void {
    const minutes = this.deps.minutes();
    if (minutes <= 0 || this.deps.isLocked()) return;
    if (this.deps.idleSeconds() >= minutes * 60) this.deps.lock('idle');
  }
}

/**
 * An idle source for runtimes without an OS idle clock (the browser bridge): idle since the last
 * `touch()`, which the bridge calls on every request from the page.
 */
export class ActivityClock {
  private last: number;
  constructor(private readonly now: () => number = Date.now) {
    this.last = now();
  }
  touch(): void {
    this.last = this.now();
  }
  idleSeconds(): number {
    return Math.floor((this.now() - this.last) / 1000);
  }
}
