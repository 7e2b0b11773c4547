import type { OutboxItem } from '../../shared/domain/photos';
import type { SyncProgress } from '../../shared/domain/catalog';

/** Work that a restart would cut short: a print job, a photo upload, a catalogue sync. */
export type Activity = 'print' | 'upload' | 'sync';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Updates are on only in a packaged app with a feed URL baked in at build time
 * (MAIN_VITE_UPDATE_URL); a dev run or a build without a feed never touches the network for them.
 */
export function updatesEnabled(opts: { feedUrl: string | undefined | null; isPackaged: boolean }): {
  enabled: boolean;
  reason: string;
} {
  if (!opts.isPackaged) return { enabled: false, reason: 'not a packaged app' };
  const url = opts.feedUrl?.trim();
  if (!url) return { enabled: false, reason: 'no update feed URL was set at build time' };
  try {
    const u = new URL(url);
    // electron-updater verifies the installer's signature/sha512 from the feed; plain http would
    // let anyone on the salon's Wi-Fi swap the feed itself.
    if (u.protocol !== 'https:') return { enabled: false, reason: 'the update feed URL must be https' };
  } catch {
    return { enabled: false, reason: 'the update feed URL is not a URL' };
  }
  return { enabled: true, reason: 'ok' };
}

/**
 * Tracks what is running, fed from the services' events and the print port, and decides whether
 * the quiet "Restart to update" may be shown. A restart never happens while anything is busy.
 */
export class UpdatePolicy {
  private prints = 0;
  private syncing = new Set<number>();
  private uploading = false;
  private readyVersion: string | null = null;
  private listeners = new Set<(s: { version: string; canRestart: boolean }) => void>();

  /** A print or PDF starts; call the returned function when it ends, however it ends. */
  beginPrint(): () => void {
    this.prints++;
    this.emit();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.prints--;
      this.emit();
    };
  }

  onSyncProgress(p: SyncProgress): void {
    if (p.step === 'done' || p.step === 'failed') this.syncing.delete(p.locationId);
    else this.syncing.add(p.locationId);
    this.emit();
  }

  onOutbox(items: readonly OutboxItem[]): void {
    this.uploading = items.some((i) => i.state === 'sending');
    this.emit();
  }

  busy(): Activity[] {
    const out: Activity[] = [];
    if (this.prints > 0) out.push('print');
    if (this.uploading) out.push('upload');
    if (this.syncing.size > 0) out.push('sync');
    return out;
  }

  downloaded(version: string): void {
    this.readyVersion = version;
    this.emit();
  }

  /** The downloaded update and whether a restart is allowed now; null before any download. */
  status(): { version: string; canRestart: boolean } | null {
    return this.readyVersion ? { version: this.readyVersion, canRestart: this.mayRestart() } : null;
  }

  /** The renderer's button asks; the answer is re-checked here, not trusted from the page. */
  mayRestart(): boolean {
    return this.readyVersion !== null && this.busy().length === 0;
  }

  /** Called with the state whenever it may have changed, once an update is downloaded. */
  subscribe(fn: (s: { version: string; canRestart: boolean }) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private last: string | null = null;
  private emit(): void {
    if (!this.readyVersion) return;
    const state = { version: this.readyVersion, canRestart: this.mayRestart() };
    const key = JSON.stringify(state);
    if (key === this.last) return;
    this.last = key;
    for (const fn of this.listeners) fn(state);
  }
}
