import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../src/shared/errors';
import type { AltegioApi } from '../../src/main/altegio/types';
import { EventBus } from '../../src/main/core/events';
import { silentLogger, type Logger } from '../../src/main/core/logger';
import type { AppContext, Connectivity } from '../../src/main/services/context';
import type { Db } from '../../src/main/store/db';
import { openStores } from '../../src/main/store/stores';
import { SettingsRepo } from '../../src/main/store/settings-repo';
import type { EventMap, EventName } from '../../src/shared/contract';

/** Connectivity whose state the test sets; `reports` records what services reported. */
export class StubConnectivity implements Connectivity {
  readonly reports: boolean[] = [];
  constructor(public online = true) {}
  report(online: boolean): void {
    this.reports.push(online);
    this.online = online;
  }
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private t = new Date('2026-03-23T14:00:00Z')) {}
  now = (): Date => new Date(this.t);
  set(d: Date | string): void {
    this.t = new Date(d);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface TestContextOptions {
  /** The signed-in user's client; absent means nobody is signed in (AUTH_REQUIRED). */
  altegio?: AltegioApi | (() => Promise<AltegioApi>);
  online?: boolean;
  /** Reuse a folder (e.g. to reopen the same database); a fresh temp folder otherwise. */
  dir?: string;
  log?: Logger;
  userName?: string | null;
  /** The signed-in Altegio user id (default 1); "signed in" means an Altegio client is set. */
  userId?: number;
}

export interface TestContext {
  ctx: AppContext;
  dir: string;
  db: Db;
  clock: TestClock;
  connectivity: StubConnectivity;
  /** Every event emitted, in order. */
  events: { name: EventName; payload: EventMap[EventName] }[];
  /** Swap the signed-in client (or sign out with null). */
  setAltegio(api: AltegioApi | null): void;
  /** Closes the database; removes the folder unless `keep`. */
  close(opts?: { keep?: boolean }): void;
}

/** A complete AppContext on a temp folder: the real two SQLite stores, silent log, real EventBus. */
export function makeTestContext(opts: TestContextOptions = {}): TestContext {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'front-desk-ctx-'));
  const paths = { userData: dir, media: join(dir, 'media'), logs: join(dir, 'logs') };
  for (const p of Object.values(paths)) mkdirSync(p, { recursive: true });
  const log = opts.log ?? silentLogger();
  const clock = new TestClock();
  // The app's own two files: the cache, with the records attached (plain table names reach both).
  const { db } = openStores({ dir, log, now: clock.now });
  const events = new EventBus();
  const seen: TestContext['events'] = [];
  events.onAny((name, payload) => seen.push({ name, payload }));
  const connectivity = new StubConnectivity(opts.online ?? true);
  let client: (() => Promise<AltegioApi>) | null =
    opts.altegio === undefined ? null : typeof opts.altegio === 'function' ? opts.altegio : wrap(opts.altegio);
  const ctx: AppContext = {
    paths,
    db,
    log,
    events,
    settings: new SettingsRepo(db),
    connectivity,
    altegio: async () => {
      if (!client) throw new AppError('AUTH_REQUIRED', 'Sign in to continue.');
      return client();
    },
    currentUserName: () => opts.userName ?? 'Test Receptionist',
    currentUser: () =>
      client ? { env: 'demo', userId: opts.userId ?? 1, name: opts.userName ?? 'Test Receptionist' } : null,
    mediaUrl: (rel) => `app-media://media/${rel}`,
    now: clock.now,
  };
  return {
    ctx,
    dir,
    db,
    clock,
    connectivity,
    events: seen,
    setAltegio(api) {
      client = api ? wrap(api) : null;
    },
    close({ keep = false } = {}) {
      if (db.open) db.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function wrap(api: AltegioApi): () => Promise<AltegioApi> {
  return () => Promise.resolve(api);
}
