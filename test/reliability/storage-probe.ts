import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/main/core/logger';
import { openDatabase } from '../../src/main/store/db';
import { StartupError } from '../../src/main/store/startup-error';
import { createHeadlessPrintPort } from '../../src/main/print/headless-port';
import { createServices } from '../../src/main/services/container';
import { memoryKeychain } from '../e2e/bridge/memory-keychain';
import type { Row } from './table';

const FILE = 'front-desk.sqlite';

/** A cache with one desk setting, one queued photo, one cached report, and a catalogue after them. */
function healthy(dir: string, opts: { checkpoint: boolean } = { checkpoint: true }): void {
  mkdirSync(dir, { recursive: true });
  const { db } = openDatabase({ file: join(dir, FILE), log: silentLogger() });
  db.prepare(`INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES (1, 'x', 'UTC', 'USD', 'x')`).run();
  const ins = db.prepare(`INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration) VALUES (?, 1, ?, 1, ?, 1, 1, 60)`);
  db.transaction(() => {
    for (let i = 1; i <= 2000; i++) ins.run(i, i, `service ${i} `.repeat(5));
  })();
  db.prepare(`INSERT INTO settings (key, value) VALUES ('desk.printer', '"Front counter"')`).run();
  db.prepare(`INSERT INTO outbox (kind, location_id, staff_id, payload, file_name, next_attempt_at, created_at) VALUES ('upload-photo', 1, 7, x'ffd8ffe0', 'a.jpg', 0, 0)`).run();
  db.prepare(`INSERT INTO day_reports (location_id, date, staff_id, schema, body, fetched_at) VALUES (1, '2026-03-01', 0, 1, '{}', 'x')`).run();
  if (opts.checkpoint) db.pragma('wal_checkpoint(TRUNCATE)');
  // Leave the WAL in place when asked: close() would checkpoint it into the main file.
  if (opts.checkpoint) db.close();
  else {
    db.pragma('wal_autocheckpoint = 0');
    db.prepare(`UPDATE settings SET value = '"Back office"' WHERE key = 'desk.printer'`).run();
    copyWithWal(dir);
    db.close();
  }
}

/** Snapshot of the db and its WAL as they are on disk now, before close() checkpoints them. */
function copyWithWal(dir: string): void {
  for (const suffix of ['', '-wal']) {
    if (existsSync(join(dir, FILE + suffix))) copyFileSync(join(dir, FILE + suffix), join(dir, `snap${suffix}`));
  }
}

function restoreSnapshot(dir: string): void {
  for (const suffix of ['', '-wal']) {
    if (existsSync(join(dir, `snap${suffix}`))) copyFileSync(join(dir, `snap${suffix}`), join(dir, FILE + suffix));
  }
  for (const f of [FILE + '-shm']) if (existsSync(join(dir, f))) writeFileSync(join(dir, f), '');
}

interface Outcome {
  started: boolean;
  said: string;
  kept: { settings: number; outbox: number; reports: number; printer: string | null };
  movedAside: boolean;
  reason?: string;
}

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
      movedAside: movedAside(),
    };
  } catch (e) {
    const reason = e instanceof StartupError ? e.reason : 'UNTYPED';
    return {
      started: false,
      said: `refused (${reason}): ${(e as Error).message.slice(0, 60)} [${String((e as { details?: { cause?: string } }).details?.cause ?? (e as Error).message).slice(0, 80)}]`,
      kept: { settings: -1, outbox: -1, reports: -1, printer: null },
      movedAside: movedAside(),
      reason,
    };
  }
}

function keptText(o: Outcome): string {
  return o.started
    ? `; kept settings=${o.kept.settings} outbox=${o.kept.outbox} reports=${o.kept.reports} printer=${o.kept.printer ?? '-'}`
    : '';
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

export async function storageProbe(): Promise<Row[]> {
  const rows: Row[] = [];
  const row = (name: string, o: Outcome, pass: boolean) => rows.push({ probe: 'damaged storage', case: name, result: o.said + keptText(o), pass });
  const fresh = () => mkdtempSync(join(tmpdir(), 'fd-storage-'));

  {
    const dir = fresh();
    writeFileSync(join(dir, FILE), Buffer.alloc(8192, 0x41));
    const o = await start(dir);
    row('garbage file', o, o.started && o.movedAside && o.said.startsWith('rebuilt'));
  }
  {
    const dir = fresh();
    healthy(dir);
    const size = readFileSync(join(dir, FILE)).length;
    truncateSync(join(dir, FILE), Math.floor(size * 0.6));
    const o = await start(dir);
    // Truncation cuts the schema's own pages: nothing can be read back, so the person must be told.
    row('truncated db (60%)', o, o.started && o.movedAside && o.said.startsWith('rebuilt'));
  }
  {
    const dir = fresh();
    writeFileSync(join(dir, FILE), '');
    const o = await start(dir);
    row('0-byte db', o, o.started && !o.movedAside);
  }
  {
    const dir = fresh();
    healthy(dir, { checkpoint: false });
    restoreSnapshot(dir);
    appendFileSync(join(dir, FILE + '-wal'), Buffer.alloc(10_000, 0x5a));
    const o = await start(dir);
    row('garbage appended to WAL', o, o.started && o.kept.printer === 'Back office');
  }
  {
    const dir = fresh();
    healthy(dir, { checkpoint: false });
    restoreSnapshot(dir);
    const wal = readFileSync(join(dir, FILE + '-wal'));
    wal.fill(0x5a, wal.length - 2000); // the last commit's frame is garbage
    writeFileSync(join(dir, FILE + '-wal'), wal);
    const o = await start(dir);
    // The damaged frame fails its checksum, so SQLite stops before it: that commit is lost, the rest is kept.
    row('last WAL frame overwritten', o, o.started && o.kept.printer !== null && o.kept.outbox === 1);
  }
  {
    const dir = fresh();
    healthy(dir);
    const before = readFileSync(join(dir, FILE));
    const holder = new Database(join(dir, FILE));
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.prepare(`UPDATE settings SET value = value`).run();
    const o = await start(dir);
    holder.close();
    row('locked by another process', o, !o.started && o.reason === 'locked' && !o.movedAside && readFileSync(join(dir, FILE)).length === before.length);
  }
  {
    const dir = fresh();
    healthy(dir);
    const o = await start(dir, join(dir, 'missing', 'better_sqlite3.node'));
    row('native binding missing', o, !o.started && o.reason === 'native-binding' && !o.movedAside);
  }
  {
    const m = mounted('8m');
    if (!m) rows.push({ probe: 'damaged storage', case: 'read-only folder', result: 'not run: mount not allowed', pass: true });
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
    const m = mounted('2m');
    if (!m) rows.push({ probe: 'damaged storage', case: 'full disk at start', result: 'not run: mount not allowed', pass: true });
    else {
      try {
        mkdirSync(join(m.dir, 'data'));
        healthy(join(m.dir, 'data'));
        // A healthy file written by an older version: the new migration must write, and the disk is full.
        const db = new Database(join(m.dir, 'data', FILE));
        db.pragma('user_version = 3');
        db.exec('DROP TABLE outbox');
        db.close();
        try {
          writeFileSync(join(m.dir, 'filler'), Buffer.alloc(4 * 1024 * 1024));
        } catch {
          // ENOSPC: the disk is full now, as wanted.
        }
        const o = await start(join(m.dir, 'data'));
        row('full disk at start (tmpfs 2 MB)', o, !o.started && o.reason === 'disk-full' && !o.movedAside);
      } finally {
        m.umount();
      }
    }
  }
  return rows;
}
