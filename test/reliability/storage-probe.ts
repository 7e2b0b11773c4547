import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/main/core/logger';
import type { AppStatus } from '../../src/shared/domain/app-status';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { StartupError } from '../../src/main/store/startup-error';
import { AuditRepo } from '../../src/main/store/desk/audit-repo';
import { CACHE_FILE, openStores, RECORDS_FILE, type StoresRebuilt } from '../../src/main/store/stores';
import { createHeadlessPrintPort } from '../../src/main/print/headless-port';
import { createServices } from '../../src/main/container';
import { memoryKeychain } from '../e2e/bridge/memory-keychain';
import { skippedRow, type Row } from './table';

const FILE = CACHE_FILE;

/**
 * A desk as the app leaves it: the cache with a catalogue (2,000 services, so it spans many pages) and a
 * cached report; the records with a desk setting, a queued photo, a printed (locked) cash-up, a desk user
 * with a PIN hash and 3 wrong PINs, and 50 audit entries. `keepWal` leaves the records' last commit in its WAL.
 */
function healthy(dir: string, opts: { keepWal?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  const { db } = openStores({ dir, log: silentLogger() });
  db.prepare(`INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES (1, 'x', 'UTC', 'USD', 'x')`).run();
  const ins = db.prepare(`INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration) VALUES (?, 1, ?, 1, ?, 1, 1, 60)`);
  db.transaction(() => {
    for (let i = 1; i <= 2000; i++) ins.run(i, i, `service ${i} `.repeat(5));
  })();
  db.prepare(`INSERT INTO day_reports (location_id, date, staff_id, schema, body, fetched_at) VALUES (1, '2026-03-01', 0, 1, '{}', 'x')`).run();
  db.prepare(`INSERT INTO settings (key, value) VALUES ('desk.printer', '"Front counter"')`).run();
  db.prepare(`INSERT INTO outbox (kind, location_id, subject_id, payload, file_name, next_attempt_at, created_at) VALUES ('upload-photo', 1, 7, x'ffd8ffe0', 'a.jpg', 0, 0)`).run();
  db.prepare(
    `INSERT INTO cashups (location_id, date, version, status, input, z, expected, created_at, updated_at, locked_at, locked_how)
     VALUES (1, '2026-03-01', 1, 'locked', '{}', '{}', 100, 'x', 'x', 'x', 'print')`,
  ).run();
  db.prepare(`INSERT INTO desk_users (environment, user_id, name, pin_hash, pin_failures, added_at, last_active_at) VALUES ('demo', 1, 'Anna', 'scrypt$x', 3, 0, 0)`).run();
  // Through the repository: the audit list is hash-chained and append-only (migration 015).
  const audit = new AuditRepo(db);
  const base = Date.now();
  for (let i = 0; i < 50; i++)
    audit.add({ at: base + i, environment: 'demo', userId: null, userName: null, action: 'print', detail: `day report ${i}` });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('records.wal_checkpoint(TRUNCATE)');
  if (!opts.keepWal) {
    db.close();
    return;
  }
  // Leave the WAL in place: close() would checkpoint it into the main file.
  db.pragma('records.wal_autocheckpoint = 0');
  db.prepare(`UPDATE settings SET value = '"Back office"' WHERE key = 'desk.printer'`).run();
  copyWithWal(dir, RECORDS_FILE);
  db.close();
}

/** Snapshot of a file and its WAL as they are on disk now, before close() checkpoints them. */
function copyWithWal(dir: string, file: string): void {
  for (const suffix of ['', '-wal']) {
    if (existsSync(join(dir, file + suffix))) copyFileSync(join(dir, file + suffix), join(dir, `snap${suffix}`));
  }
}

function restoreSnapshot(dir: string, file: string): void {
  for (const suffix of ['', '-wal']) {
    if (existsSync(join(dir, `snap${suffix}`))) copyFileSync(join(dir, `snap${suffix}`), join(dir, file + suffix));
  }
  for (const f of [file + '-shm']) if (existsSync(join(dir, f))) writeFileSync(join(dir, f), '');
}

/** Overwrites one leaf page of `table` in a closed file, as a failing disk sector would. */
function damagePage(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const size = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).pluck().all(table) as number[];
  db.close();
  const page = pages[Math.floor(pages.length / 2)]!;
  const bytes = readFileSync(file);
  bytes.fill(0x5a, (page - 1) * size, page * size);
  writeFileSync(file, bytes);
}

interface Outcome {
  started: boolean;
  said: string;
  kept: { settings: number; outbox: number; reports: number; cashups: number; deskUsers: number; pinFailures: number; audit: number; printer: string | null };
  /** Per records table, rows kept and whether any were lost, when the records were salvaged. */
  salvaged: string | null;
  rebuilt: AppStatus['storageRebuilt'];
  movedAside: boolean;
  reason?: string;
}

const NOTHING = { settings: -1, outbox: -1, reports: -1, cashups: -1, deskUsers: -1, pinFailures: -1, audit: -1, printer: null };

async function start(dir: string, nativeBinding?: string): Promise<Outcome> {
  const movedAside = () => readdirSync(dir).some((f) => f.includes('.corrupt-'));
  try {
    const services = await createServices({
      userData: dir,
      keychainBackend: memoryKeychain(),
      log: silentLogger(),
      nativeBinding,
      mediaUrl: (p) => p,
      print: createHeadlessPrintPort({ folder: join(dir, 'prints') }),
      info: () => ({ name: 'Front Desk', version: 'probe', platform: process.platform, runtime: 'node', versions: { node: process.versions.node, electron: null, chrome: null } }),
    });
    const status = await services.handlers['app.status'](undefined);
    const db = services.ctx.db;
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    const kept = {
      settings: count('settings'),
      outbox: count('outbox'),
      reports: count('day_reports'),
      cashups: count(`cashups WHERE status = 'locked'`),
      deskUsers: count('desk_users'),
      pinFailures: (db.prepare('SELECT coalesce(sum(pin_failures), 0) FROM desk_users').pluck().get() as number),
      audit: count('audit_log'),
      printer: services.ctx.settings.get<string | null>('desk.printer', null),
    };
    await services.close();
    const r = status.storageRebuilt;
    return {
      started: true,
      said: r
        ? `rebuilt (${[r.cache ? 'cache' : '', r.records ? 'records' : ''].filter(Boolean).join('+')}), told: ${r.records ? (r.records.lost.length ? `lost ${r.records.lost.join('/')}` : 'all records saved') : 'records untouched'}`
        : 'started normally',
      kept,
      salvaged: salvageText(services.rebuilt),
      rebuilt: r,
      movedAside: movedAside(),
    };
  } catch (e) {
    const reason = e instanceof StartupError ? e.reason : 'UNTYPED';
    return {
      started: false,
      said: `refused (${reason}): ${(e as Error).message.slice(0, 60)} [${String((e as { details?: { cause?: string } }).details?.cause ?? (e as Error).message).slice(0, 80)}]`,
      kept: NOTHING,
      salvaged: null,
      rebuilt: null,
      movedAside: movedAside(),
      reason,
    };
  }
}

function keptText(o: Outcome): string {
  const k = o.kept;
  return o.started
    ? `; kept settings=${k.settings} outbox=${k.outbox} reports=${k.reports} locked cash-ups=${k.cashups} desk users=${k.deskUsers} (wrong PINs ${k.pinFailures}) audit=${k.audit} printer=${k.printer ?? '-'}`
    : '';
}

function salvageText(r: StoresRebuilt | null): string | null {
  return r?.records ? r.records.tables.map((t) => `${t.table} ${t.saved}${t.complete ? '' : ' (rows lost)'}`).join(', ') : null;
}

function mounted(size: string): { dir: string; umount: () => void; remountRo: () => void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'fd-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return {
    dir,
    umount: () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }),
    remountRo: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' }),
  };
}

/** Every records row the healthy desk had is there again. */
const recordsIntact = (o: Outcome) =>
  o.started && o.kept.settings === 1 && o.kept.outbox === 1 && o.kept.cashups === 1 && o.kept.deskUsers === 1 && o.kept.pinFailures === 3 && o.kept.audit === 50;

export async function storageProbe(): Promise<Row[]> {
  const rows: Row[] = [];
  const row = (name: string, o: Outcome, pass: boolean) => rows.push({ probe: 'damaged storage', case: name, result: o.said + keptText(o), pass });
  const fresh = () => mkdtempSync(join(tmpdir(), 'fd-storage-'));

  {
    const dir = fresh();
    healthy(dir);
    damagePage(join(dir, CACHE_FILE), 'services');
    const o = await start(dir);
    // Issue 21.3: this lost the cash-ups, desk users and audit list when both lived in one file.
    row('damaged page in the catalogue services table', o, o.movedAside && o.rebuilt?.cache === true && o.rebuilt.records === null && recordsIntact(o));
  }
  {
    const dir = fresh();
    healthy(dir);
    writeFileSync(join(dir, FILE), Buffer.alloc(8192, 0x41));
    const o = await start(dir);
    row('cache file is garbage', o, o.movedAside && o.rebuilt?.cache === true && recordsIntact(o));
  }
  {
    const dir = fresh();
    healthy(dir);
    const size = readFileSync(join(dir, FILE)).length;
    truncateSync(join(dir, FILE), Math.floor(size * 0.6));
    const o = await start(dir);
    row('cache truncated (60%)', o, o.movedAside && o.rebuilt?.cache === true && recordsIntact(o));
  }
  {
    const dir = fresh();
    healthy(dir);
    writeFileSync(join(dir, FILE), '');
    const o = await start(dir);
    // SQLite treats a 0-byte file as a new, empty database: nothing to move aside, the records are untouched.
    row('cache is 0 bytes', o, !o.movedAside && recordsIntact(o));
  }
  {
    // The salvage check: a damaged page in the audit list of the records file; every table listed with what survived.
    const dir = fresh();
    healthy(dir);
    const r = new Database(join(dir, RECORDS_FILE));
    // Through the repository: the audit list is hash-chained and append-only (migration 015).
    const audit = new AuditRepo(r);
    const base = Date.now() + 1000; // after the rows healthy() wrote
    r.transaction(() => {
      for (let i = 0; i < 3000; i++)
        audit.add({ at: base + i, environment: 'demo', userId: null, userName: null, action: 'print', detail: `entry ${i} `.repeat(4) });
    })();
    r.pragma('wal_checkpoint(TRUNCATE)');
    r.close();
    damagePage(join(dir, RECORDS_FILE), 'audit_log');
    const o = await start(dir);
    const told = o.rebuilt?.records?.lost ?? [];
    rows.push({
      probe: 'salvage',
      case: 'damaged page in the records audit list',
      result: `${o.salvaged ?? 'no salvage'}; told lost: ${told.join(', ') || 'nothing'}`,
      pass: o.started && o.kept.cashups === 1 && o.kept.deskUsers === 1 && o.kept.pinFailures === 3 && told.join() === 'audit' && o.rebuilt?.cache === false,
    });
  }
  {
    const dir = fresh();
    healthy(dir);
    writeFileSync(join(dir, RECORDS_FILE), Buffer.alloc(8192, 0x41));
    const o = await start(dir);
    const told = o.rebuilt?.records?.lost ?? [];
    rows.push({
      probe: 'salvage',
      case: 'records file is garbage',
      result: `${o.salvaged ?? 'no salvage'}; told lost: ${told.join(', ') || 'nothing'}`,
      pass: o.started && ['audit', 'cashups', 'desk-users', 'outbox', 'settings'].every((k) => told.includes(k as never)),
    });
  }
  {
    // An install from before the split: one file with everything, its records moved out at the first start.
    const dir = fresh();
    const db = new Database(join(dir, FILE));
    db.transaction(() => {
      for (const m of MIGRATIONS.filter((x) => x.version <= 12)) m.up(db);
      db.pragma('user_version = 12');
    })();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('desk.printer', '"Front counter"')`).run();
    db.prepare(`INSERT INTO outbox (kind, location_id, staff_id, next_attempt_at, created_at) VALUES ('remove-photo', 1, 7, 0, 0)`).run();
    db.prepare(`INSERT INTO cashups (location_id, date, version, status, input, z, expected, created_at, updated_at, locked_at, locked_how) VALUES (1, '2026-03-01', 1, 'locked', '{}', '{}', 100, 'x', 'x', 'x', 'print')`).run();
    db.prepare(`INSERT INTO desk_users (environment, user_id, name, pin_hash, pin_failures, added_at, last_active_at) VALUES ('demo', 1, 'Anna', 'scrypt$x', 3, 0, 0)`).run();
    for (let i = 0; i < 50; i++) db.prepare(`INSERT INTO audit_log (at, environment, action) VALUES (?, 'demo', 'print')`).run(i);
    db.close();
    const o = await start(dir);
    const second = await start(dir);
    row('single-file install, started twice', second, o.rebuilt === null && recordsIntact(o) && recordsIntact(second));
  }
  {
    const dir = fresh();
    healthy(dir, { keepWal: true });
    restoreSnapshot(dir, RECORDS_FILE);
    appendFileSync(join(dir, RECORDS_FILE + '-wal'), Buffer.alloc(10_000, 0x5a));
    const o = await start(dir);
    row('garbage appended to the records WAL', o, o.started && o.kept.printer === 'Back office');
  }
  {
    const dir = fresh();
    healthy(dir, { keepWal: true });
    restoreSnapshot(dir, RECORDS_FILE);
    const wal = readFileSync(join(dir, RECORDS_FILE + '-wal'));
    wal.fill(0x5a, wal.length - 2000); // the last commit's frame is garbage
    writeFileSync(join(dir, RECORDS_FILE + '-wal'), wal);
    const o = await start(dir);
    // The damaged frame fails its checksum, so SQLite stops before it: that commit is lost, the rest is kept.
    row('last records WAL frame overwritten', o, o.started && o.kept.printer === 'Front counter' && o.kept.outbox === 1);
  }
  for (const file of [CACHE_FILE, RECORDS_FILE]) {
    const dir = fresh();
    healthy(dir);
    const before = readFileSync(join(dir, file));
    const holder = new Database(join(dir, file));
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const o = await start(dir);
    holder.exec('ROLLBACK');
    holder.close();
    row(`${file} locked by another process`, o, !o.started && o.reason === 'locked' && !o.movedAside && readFileSync(join(dir, file)).equals(before));
  }
  {
    const dir = fresh();
    healthy(dir);
    const o = await start(dir, join(dir, 'missing', 'better_sqlite3.node'));
    row('native binding missing', o, !o.started && o.reason === 'native-binding' && !o.movedAside);
  }
  {
    const m = mounted('8m');
    if (!m) rows.push(skippedRow('damaged storage', 'read-only folder', 'mounting a tmpfs is not allowed here (needs root)'));
    else {
      try {
        healthy(m.dir);
        m.remountRo();
        const o = await start(m.dir);
        row('read-only folder (tmpfs ro)', o, !o.started && o.reason === 'read-only' && !o.movedAside);
      } finally {
        m.umount();
      }
    }
  }
  {
    const m = mounted('4m');
    if (!m) rows.push(skippedRow('damaged storage', 'full disk at start', 'mounting a tmpfs is not allowed here (needs root)'));
    else {
      try {
        mkdirSync(join(m.dir, 'data'));
        healthy(join(m.dir, 'data'));
        // Both files healthy, then the disk fills up. No migration has to run: what fails is SQLite
        // sizing the cache's WAL index (front-desk.sqlite-shm) before its first read, answered as a
        // plain I/O error (SQLITE_IOERR_SHMSIZE). startupFailure then asks the folder (statfs: under
        // 1 MB free) and names it disk-full. The row checks that sentence, and that nothing was moved.
        try {
          writeFileSync(join(m.dir, 'filler'), Buffer.alloc(8 * 1024 * 1024));
        } catch {
          // ENOSPC: the disk is full now, as wanted.
        }
        const o = await start(join(m.dir, 'data'));
        row('full disk at start (tmpfs 4 MB)', o, !o.started && o.reason === 'disk-full' && !o.movedAside);
      } finally {
        m.umount();
      }
    }
  }
  return rows;
}
