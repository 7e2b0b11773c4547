import type { EventBus } from '../core/events';
import type { Connectivity } from './context';

/**
 * `navigator.onLine` lies behind VPNs, so the truth comes from real requests: a network failure
 * flips to offline at once; while offline, a cheap Altegio call is tried now and then to confirm
 * we are back.
 */
export class ConnectivityMonitor implements Connectivity {
  private state = true;
  private timer: NodeJS.Timeout | null = null;
  private probing = false;

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
    this.events.emit('connectivity', { online, checkedAt: this.now().toISOString() });
  }

  /** While offline, runs `probe` every `intervalMs`; a probe that resolves means online again. */
  startProbing(probe: () => Promise<unknown>, intervalMs = 15_000): void {
    this.stopProbing();
    this.timer = setInterval(() => {
      if (this.state || this.probing) return;
      this.probing = true;
      probe()
        .then(() => this.report(true))
        .catch(() => undefined)
        .finally(() => (this.probing = false));
    }, intervalMs);
    this.timer.unref();
  }

  stopProbing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
