import type { Lane } from '../altegio/rate-limiter';
import type { AltegioApi } from '../altegio/types';
import type { EventBus } from '../core/events';
import type { Logger } from '../core/logger';
import type { Db } from '../store/db';
import type { SettingsRepo } from '../store/settings-repo';

/** Where the app keeps its files. Tests give each case its own temporary folder. */
export interface AppPaths {
  userData: string;
  /** Cached staff photos, served read-only to the renderer (app-media:// in Electron, /media in the bridge). */
  media: string;
  logs: string;
}

/** Tells whether Altegio is reachable; "offline" is trusted at once, "online" is confirmed by a real call. */
export interface Connectivity {
  readonly online: boolean;
  /** Call after any request: a network failure flips to offline, a response flips to online. */
  report(online: boolean): void;
  /** The OS's online/offline event: offline is believed, online is checked with a probe. */
  hint?(online: boolean): void;
}

/** The shared things every service gets. Built once by the container. */
export interface AppContext {
  paths: AppPaths;
  db: Db;
  log: Logger;
  events: EventBus;
  settings: SettingsRepo;
  connectivity: Connectivity;
  /**
   * The Altegio client for the current environment and signed-in user.
   * Throws AUTH_REQUIRED when nobody is signed in, NOT_CONFIGURED without a partner token.
   * `lane: 'urgent'` for requests a receptionist is waiting for: they go before a sync's queued ones.
   */
  altegio(opts?: { lane?: Lane }): Promise<AltegioApi>;
  /** The signed-in user's display name, for "printed by". */
  currentUserName(): string | null;
  /** Who is signed in (Altegio user ids are per environment); null when nobody is. */
  currentUser(): { env: string; userId: number; name: string } | null;
  /** Turns a file under paths.media (e.g. "staff/1/2-ab12.jpg") into a URL the renderer can show. */
  mediaUrl(relativePath: string): string;
  now(): Date;
}

/** A feature's slice of the IPC surface plus its lifecycle hooks; the container merges them. */
export interface Domain<C extends import('../../shared/contract').Channel> {
  handlers: Pick<import('../../shared/contract').Handlers, C>;
  /** Called when a user signs in (true) or the session ends (false). */
  onSession?(active: boolean): void;
  /** Stop timers, close handles. */
  close?(): void | Promise<void>;
}
