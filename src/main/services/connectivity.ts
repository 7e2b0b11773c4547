import type { EventBus } from '../core/events';
import type { Connectivity } from './context';

/** While offline, probes back off from the base interval up to this many times it. */
const MAX_BACKOFF_FACTOR = 8;
/** While online, a quiet probe every this many base intervals notices a dropped line before anyone acts. */
const ONLINE_FACTOR = 4;

/**
 * `navigator.onLine` lies behind VPNs, so the truth comes from real requests: a network failure
 * flips to offline at once, any HTTP answer to online. A cheap Altegio call (through the shared
 * client, so it waits for the rate limiter) probes in the background — now and then while online,
 * with backoff while offline. The OS's online/offline events are hints: "offline" is believed at
 * once (the OS is right about a pulled cable), "online" only triggers a probe.
 */
export class ConnectivityMonitor implements Connectivity {
  private state = true;
  private timer: NodeJS.Timeout | null = null;
  private probing = false;
  private probe: (() => Promise<unknown>) | null = null;
  /** True while other requests are under way (a sync): they report the line, so no probe is sent. */
  private busy: () => boolean = () => false;
  private baseMs = 15_000;
  private failures = 0;

  constructor(
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get online(): boolean {
    return this.state;
  }

  report(online: boolean): void {
    if (online === this.state) return;
    this.state = online;
    this.failures = 0;
    this.events.emit('connectivity', { online, checkedAt: this.now().toISOString() });
    this.schedule();
  }

  /** Runs `probe` in the background: every ONLINE_FACTOR × intervalMs online, backing off from intervalMs offline. */
  startProbing(probe: () => Promise<unknown>, intervalMs = 15_000, busy: () => boolean = () => false): void {
    this.busy = busy;
    this.stopProbing();
    this.probe = probe;
    this.baseMs = intervalMs;
    this.failures = 0;
    this.schedule();
  }

  stopProbing(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.probe = null;
  }

  /** The OS says the network went away or came back (renderer `offline`/`online` events). */
  hint(online: boolean): void {
    if (!online) this.report(false);
    else if (!this.state) void this.probeNow();
  }

  /** How long until the next probe, from the current state. */
  nextDelayMs(): number {
    if (this.state) return this.baseMs * ONLINE_FACTOR;
    return this.baseMs * Math.min(MAX_BACKOFF_FACTOR, 2 ** this.failures);
  }

  private schedule(): void {
    if (!this.probe) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.probeNow(), this.nextDelayMs());
    this.timer.unref();
  }

  private async probeNow(): Promise<void> {
    if (!this.probe || this.probing) return;
    if (this.busy()) return this.schedule();
    this.probing = true;
    const wasOnline = this.state;
    try {
      await this.probe();
      this.report(true);
    } catch {
      // The client has already reported a network failure; other errors (no user signed in,
      // Altegio refusing) say nothing about the line.
      if (!this.state && !wasOnline) this.failures++;
    } finally {
      this.probing = false;
      this.schedule();
    }
  }
}
