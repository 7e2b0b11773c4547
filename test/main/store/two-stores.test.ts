import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { storageNotice } from '../../../src/main/services/app/storage-notice';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { hashPin, verifyPin } from '../../../src/main/services/desk/pin-hash';
import { AuditRepo } from '../../../src/main/store/desk/audit-repo';
import { DeskUsersRepo } from '../../../src/main/store/desk/desk-users-repo';
import { CACHE_MIGRATIONS, MIGRATIONS, RECORDS_MIGRATIONS } from '../../../src/main/store/migrations';
import { CACHE_FILE, openStores, RECORDS_FILE, type Stores } from '../../../src/main/store/stores';
import { createCashupDomain } from '../../../src/main/services/cashup';
import { makeTestContext } from '../../support/context';
import { almatyCount, DAY, FakeZ, LOC } from '../cashup/helpers';
import { RecordingPrintPort } from '../reports/setup';
import { FakeAltegio } from '../../support/fake-altegio';
import { NY, sampleSalon } from '../../support/sample-salon';

const log = silentLogger();
const opened: Stores[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) if (s.db.open) s.db.close();
});
function open(dir: string, extra: Partial<Parameters<typeof openStores>[0]> = {}): Stores {
  const s = openStores({ dir, log, ...extra });
  opened.push(s);
  return s;
}
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `stores-${name}-`));
const tablesOf = (db: Database.Database, schema = 'main') =>
  db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];

/** Overwrites one b-tree page of `table` in a closed database file (dbstat says which). */
function damagePageOf(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).pluck().all(table) as number[];
  db.close();
  expect(pages.length).toBeGreaterThan(2);
  const page = pages[Math.floor(pages.length / 2)]!;
  const bytes = readFileSync(file);
  bytes.fill(0x5a, (page - 1) * pageSize, page * pageSize);
  writeFileSync(file, bytes);
  return page;
}

/** A desk after a day's work: synced catalogue, a printed (locked) cash-up, two desk users with PINs, an audit list. */
async function workedDay(dir: string) {
  const t = makeTestContext({ dir, altegio: new FakeAltegio(sampleSalon()) });
  await createCatalogDomain(t.ctx).syncAll();
  // A catalogue the size of a real chain's, so the services table spans many pages.
  const ins = t.db.prepare(
    `INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration) VALUES (?, ?, ?, 1, ?, 1, 1, 60)`,
  );
  t.db.transaction(() => {
    for (let i = 1; i <= 2000; i++) ins.run(NY * 2 ** 20 + 100_000 + i, NY, 900_000 + i, `extra service ${i} `.repeat(4));
  })();
  const s = { t, h: createCashupDomain(t.ctx, { reports: new FakeZ(), print: new RecordingPrintPort() }).handlers };
  const view = await s.h['cashup.open']({ locationId: LOC, date: DAY });
  await s.h['cashup.save']({
    locationId: LOC,
    date: DAY,
    version: view.current.version,
    input: { ...almatyCount(view.current.input), note: 'Short 500 ₸: change given twice' },
  });
  const printed = await s.h['cashup.print']({ locationId: LOC, date: DAY, paper: 'a4' });
  expect(printed.view.current.status).toBe('locked');
  const users = new DeskUsersRepo(s.t.db);
  users.upsertSignedIn('demo', { userId: 1, name: 'Anna', login: 'anna@x', avatar: null }, 1);
  users.upsertSignedIn('demo', { userId: 2, name: 'Léa', login: 'lea@x', avatar: null }, 2);
  users.setPinHash('demo', 1, await hashPin('1111', { N: 1024, r: 8, p: 1, keyLength: 32, saltLength: 16 }));
  users.setPinHash('demo', 2, await hashPin('2222', { N: 1024, r: 8, p: 1, keyLength: 32, saltLength: 16 }));
  users.recordAttempt('demo', 2, { failures: 3, lastFailureAt: 99, lockedOut: false });
  const audit = new AuditRepo(s.t.db);
  for (let i = 0; i < 5; i++) audit.add({ at: i, environment: 'demo', userId: 1, userName: 'Anna', action: 'print', detail: `report ${i}` });
  s.t.db.pragma('wal_checkpoint(TRUNCATE)');
  s.t.db.pragma('records.wal_checkpoint(TRUNCATE)');
  s.t.close({ keep: true });
}

describe('two stores: a damaged cache never touches the records', () => {
  it('a damaged page in the catalogue services table keeps the locked cash-up, the desk users (PIN hashes, wrong-PIN counts) and the audit list', async () => {
    const dir = tmp('cache-page');
    await workedDay(dir);
    const recordsBefore = readFileSync(join(dir, RECORDS_FILE));
    damagePageOf(join(dir, CACHE_FILE), 'services');

    const s = open(dir);
    expect(s.rebuilt).toEqual({ cache: { movedAside: expect.stringContaining('.corrupt-') }, records: null });
    expect(s.startedAfterRebuild).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${RECORDS_FILE}.corrupt`))).toEqual([]);
    expect(readFileSync(join(dir, RECORDS_FILE)).equals(recordsBefore)).toBe(true);

    expect(s.db.prepare('SELECT count(*) FROM services').pluck().get()).toBe(0); // comes back with the next sync
    const cashup = s.db.prepare(`SELECT status, locked_how FROM cashups WHERE location_id = ? AND date = ?`).all(LOC, DAY);
    expect(cashup).toEqual([{ status: 'locked', locked_how: 'print' }]);
    const users = new DeskUsersRepo(s.db).list('demo').sort((a, b) => a.userId - b.userId);
    expect(users.map((u) => [u.userId, u.pinFailures])).toEqual([
      [1, 0],
      [2, 3],
    ]);
    expect(await verifyPin('2222', users[1]!.pinHash!)).toBe(true);
    expect(new AuditRepo(s.db).recent('demo').map((e) => e.detail)).toEqual(['report 4', 'report 3', 'report 2', 'report 1', 'report 0']);
    expect(storageNotice(s.rebuilt)).toEqual({ cache: true, records: null });
  });

  it('the two schemas never share a table name (plain names reach the right file) and every migration is in one list', () => {
    const s = open(tmp('schemas'));
    const cache = tablesOf(s.db);
    const records = tablesOf(s.db, 'records');
    expect(cache).toContain('services');
    expect(records).toEqual(expect.arrayContaining(['settings', 'outbox', 'cashups', 'desk_users', 'audit_log']));
    expect(cache.filter((t) => records.includes(t))).toEqual([]);
    const versions = [...CACHE_MIGRATIONS, ...RECORDS_MIGRATIONS].map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    const files = readdirSync(join(__dirname, '../../../src/main/store/migrations')).filter((f) => /^\d{3}_.*\.ts$/.test(f));
    expect(files.map((f) => Number(f.slice(0, 3))).sort((a, b) => a - b)).toEqual([...versions].sort((a, b) => a - b));
    expect(s.db.pragma('user_version', { simple: true })).toBe(Math.max(...CACHE_MIGRATIONS.map((m) => m.version)));
    expect(s.db.pragma('records.user_version', { simple: true })).toBe(Math.max(...RECORDS_MIGRATIONS.map((m) => m.version)));
  });
});

/** A single-file install as the previous version left it: every migration up to 12 in front-desk.sqlite. */
function legacyInstall(dir: string): void {
  const db = new Database(join(dir, CACHE_FILE));
  db.pragma('journal_mode = WAL');
  const run = db.transaction(() => {
    for (const m of MIGRATIONS.filter((x) => x.version <= 12)) m.up(db);
    db.pragma('user_version = 12');
  });
  run();
  db.prepare(`INSERT INTO settings (key, value) VALUES ('desk.printer', '"Front counter"')`).run();
  db.prepare(`INSERT INTO outbox (kind, location_id, staff_id, next_attempt_at, created_at) VALUES ('remove-photo', 1, 7, 0, 0)`).run();
  db.prepare(
    `INSERT INTO cashups (location_id, date, version, status, input, z, expected, created_at, updated_at, locked_at, locked_how)
     VALUES (1, '2026-03-01', 1, 'locked', '{}', '{}', 100, 'x', 'x', 'x', 'print')`,
  ).run();
  db.prepare(
    `INSERT INTO desk_users (environment, user_id, name, pin_hash, pin_failures, added_at, last_active_at) VALUES ('demo', 1, 'Anna', 'scrypt$h', 4, 0, 0)`,
  ).run();
  for (let i = 0; i < 3; i++) db.prepare(`INSERT INTO audit_log (at, environment, action) VALUES (?, 'demo', 'print')`).run(i);
  db.prepare(`INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES (1, 'x', 'UTC', 'USD', 'x')`).run();
  db.prepare(`INSERT INTO day_reports (location_id, date, staff_id, schema, body, fetched_at) VALUES (1, '2026-03-01', 0, 1, '{}', 'x')`).run();
  db.close();
}

function expectLegacyRecordsOnce(s: Stores): void {
  const count = (t: string) => s.db.prepare(`SELECT count(*) FROM records.${t}`).pluck().get();
  expect([count('settings'), count('outbox'), count('cashups'), count('desk_users'), count('audit_log')]).toEqual([1, 1, 1, 1, 3]);
  expect(s.db.prepare(`SELECT pin_failures FROM desk_users`).pluck().get()).toBe(4);
  expect(s.db.prepare(`SELECT status FROM cashups`).pluck().get()).toBe('locked');
  // Still locked in the new file: the triggers came with the records migrations.
  expect(() => s.db.prepare(`UPDATE cashups SET reason = 'x'`).run()).toThrow();
  expect(tablesOf(s.db).filter((t) => ['settings', 'outbox', 'cashups', 'desk_users', 'audit_log'].includes(t))).toEqual([]);
  expect(s.db.prepare('SELECT count(*) FROM locations').pluck().get()).toBe(1); // the cache stays where it was
  expect(s.db.prepare('SELECT count(*) FROM day_reports').pluck().get()).toBe(1);
  expect(s.db.pragma('records.user_version', { simple: true })).toBe(Math.max(...RECORDS_MIGRATIONS.map((m) => m.version)));
}

describe('an install with the single data file', () => {
  it('moves its records into the records file once, and says nothing was rebuilt', () => {
    const dir = tmp('legacy');
    legacyInstall(dir);
    const s = open(dir);
    expect(s.rebuilt).toBeNull();
    expect(s.startedAfterRebuild).toBe(false);
    expectLegacyRecordsOnce(s);
    s.db.close();
    expectLegacyRecordsOnce(open(dir));
  });

  for (const step of ['built', 'renamed', 'dropped'] as const) {
    it(`a crash after the "${step}" step loses nothing and copies nothing twice on the next start`, () => {
      const dir = tmp(`legacy-${step}`);
      legacyInstall(dir);
      expect(() =>
        open(dir, {
          onLegacyStep: (at) => {
            if (at === step) throw new Error(`crash after ${at}`);
          },
        }),
      ).toThrow();
      const s = open(dir);
      expectLegacyRecordsOnce(s);
      expect(existsSync(join(dir, `${RECORDS_FILE}.moving`))).toBe(false);
    });
  }

  it('a damaged single file: the readable records are moved out and the notice names what was lost', () => {
    const dir = tmp('legacy-damaged');
    legacyInstall(dir);
    const db = new Database(join(dir, CACHE_FILE));
    db.prepare(`INSERT INTO audit_log (at, environment, action, detail) VALUES (?, 'demo', 'print', ?)`);
    const ins = db.prepare(`INSERT INTO audit_log (at, environment, action, detail) VALUES (?, 'demo', 'print', ?)`);
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) ins.run(i, `entry ${i} `.repeat(4));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    damagePageOf(join(dir, CACHE_FILE), 'audit_log');

    const s = open(dir);
    expect(s.rebuilt?.cache).not.toBeNull();
    const byTable = Object.fromEntries(s.rebuilt!.records!.tables.map((t) => [t.table, t]));
    expect(byTable['cashups']).toEqual({ table: 'cashups', saved: 1, complete: true });
    expect(byTable['desk_users']).toEqual({ table: 'desk_users', saved: 1, complete: true });
    expect(byTable['audit_log']!.complete).toBe(false);
    expect(byTable['audit_log']!.saved).toBeGreaterThan(0);
    expect(storageNotice(s.rebuilt)).toMatchObject({ cache: true, records: { lost: ['audit'] } });
  });
});

describe('a damaged records file', () => {
  it('is salvaged table by table; the notice names what could not be saved and the cache is untouched', async () => {
    const dir = tmp('records-page');
    await workedDay(dir);
    const r = new Database(join(dir, RECORDS_FILE));
    // Through the repository: the audit list is hash-chained and append-only (migration 015).
    const audit = new AuditRepo(r);
    const base = Date.now();
    r.transaction(() => {
      for (let i = 0; i < 3000; i++)
        audit.add({ at: base + i, environment: 'demo', userId: null, userName: null, action: 'print', detail: `entry ${i} `.repeat(4) });
    })();
    r.pragma('wal_checkpoint(TRUNCATE)');
    r.close();
    const cacheBefore = readFileSync(join(dir, CACHE_FILE));
    damagePageOf(join(dir, RECORDS_FILE), 'audit_log');

    const s = open(dir);
    expect(s.rebuilt?.cache).toBeNull();
    expect(s.startedAfterRebuild).toBe(true);
    const tables = s.rebuilt!.records!.tables;
    expect(tables.map((t) => t.table).sort()).toEqual(tablesOf(s.db, 'records').sort());
    const byTable = Object.fromEntries(tables.map((t) => [t.table, t]));
    expect(byTable['cashups']).toMatchObject({ saved: 1, complete: true });
    expect(byTable['desk_users']).toMatchObject({ saved: 2, complete: true });
    expect(byTable['audit_log']!.complete).toBe(false);
    expect(byTable['audit_log']!.saved).toBeLessThan(3005);
    expect(storageNotice(s.rebuilt)).toEqual({
      cache: false,
      records: expect.objectContaining({ lost: ['audit'] }),
    });
    expect(s.db.prepare('SELECT count(*) FROM services').pluck().get()).toBeGreaterThan(0);
    expect(readFileSync(join(dir, CACHE_FILE)).equals(cacheBefore)).toBe(true);
  });

  it('that is not a database at all: every records table is named as lost', () => {
    const dir = tmp('records-garbage');
    open(dir).db.close();
    writeFileSync(join(dir, RECORDS_FILE), Buffer.alloc(8192, 0x41));
    const s = open(dir);
    expect(s.rebuilt!.records!.tables.every((t) => !t.complete && t.saved === 0)).toBe(true);
    expect(storageNotice(s.rebuilt)!.records!.lost.sort()).toEqual(['audit', 'cashups', 'desk-users', 'outbox', 'settings']);
  });
});

describe('the rebuild reaches the app', () => {
  it('a start after a cache rebuild says so through app.status, and hands startedAfterRebuild to the desk', async () => {
    const { createServices } = await import('../../../src/main/container');
    const { createHeadlessPrintPort } = await import('../../../src/main/print/headless-port');
    const { memoryKeychain } = await import('../../e2e/bridge/memory-keychain');
    const dir = tmp('wiring');
    open(dir).db.close();
    writeFileSync(join(dir, CACHE_FILE), Buffer.alloc(8192, 0x41));
    const services = await createServices({
      userData: dir,
      keychainBackend: memoryKeychain(),
      log,
      mediaUrl: (p) => p,
      print: createHeadlessPrintPort({ folder: join(dir, 'prints') }),
      info: () => ({ name: 'Front Desk', version: 't', platform: process.platform, runtime: 'node', versions: { node: process.versions.node, electron: null, chrome: null } }),
    });
    try {
      expect(await services.handlers['app.status'](undefined)).toEqual({ storageRebuilt: { cache: true, records: null } });
      expect(services.rebuilt?.cache?.movedAside).toContain('.corrupt-');
      // The desk engineer's rule reads this flag (issue 21.3: a start after any rebuild is locked while desk users exist).
      expect((Reflect.get(services.desk, 'deps') as { startedAfterRebuild?: boolean }).startedAfterRebuild).toBe(true);
    } finally {
      await services.close();
    }
  });
});
