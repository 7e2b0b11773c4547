import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { openDatabase } from '../../../src/main/store/db';
import { StartupError } from '../../../src/main/store/startup-error';

function freshFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'open-db-'));
  return { dir, file: join(dir, 'front-desk.sqlite') };
}

/** A healthy, migrated cache with a desk setting, one queued photo and one cached report. */
function healthy(file: string): void {
  const { db } = openDatabase({ file, log: silentLogger() });
  db.prepare(`INSERT INTO settings (key, value) VALUES ('desk.printer', '"Front counter"')`).run();
  db.prepare(
    `INSERT INTO outbox (kind, location_id, subject_id, payload, file_name, next_attempt_at, created_at)
     VALUES ('upload-photo', 1, 7, x'ffd8ffe0', 'a.jpg', 0, 0)`,
  ).run();
  db.prepare(
    `INSERT INTO day_reports (location_id, date, staff_id, schema, body, fetched_at) VALUES (1, '2026-03-01', 0, 1, '{}', 'x')`,
  ).run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const corruptFiles = (dir: string) => readdirSync(dir).filter((f) => f.includes('.corrupt-'));

describe('opening the cache never moves a healthy file aside', () => {
  it('a native module that is missing is its own error, and the data file is untouched', () => {
    const { dir, file } = freshFile();
    healthy(file);
    const before = readFileSync(file);
    let err: unknown;
    try {
      openDatabase({ file, log: silentLogger(), nativeBinding: join(dir, 'nowhere', 'better_sqlite3.node') });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StartupError);
    expect((err as StartupError).reason).toBe('native-binding');
    expect((err as StartupError).message).toMatch(/database module.*Reinstall Front Desk/);
    expect(corruptFiles(dir)).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a native module built for another runtime (not loadable) is the same clear error', () => {
    const { dir, file } = freshFile();
    healthy(file);
    const wrongAbi = join(dir, 'better_sqlite3.node');
    writeFileSync(wrongAbi, Buffer.from('\x7fELF this is not a module for this runtime'));
    expect(() => openDatabase({ file, log: silentLogger(), nativeBinding: wrongAbi })).toThrow(StartupError);
    expect(corruptFiles(dir)).toEqual([]);
  });

  it('a file another process holds exclusively is "locked": file kept, nothing moved', () => {
    const { dir, file } = freshFile();
    healthy(file);
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.prepare(`UPDATE settings SET value = value`).run();
    try {
      let err: unknown;
      try {
        openDatabase({ file, log: silentLogger(), busyTimeoutMs: 50 });
      } catch (e) {
        err = e;
      }
      expect((err as StartupError).reason).toBe('locked');
      expect((err as StartupError).code).toBe('STORAGE');
      expect(corruptFiles(dir)).toEqual([]);
    } finally {
      holder.close();
    }
    const again = openDatabase({ file, log: silentLogger() });
    expect(again.db.prepare(`SELECT value FROM settings WHERE key = 'desk.printer'`).pluck().get()).toBe('"Front counter"');
    again.db.close();
  });

  it('runs with synchronous=FULL so a reported commit survives a power cut', () => {
    const { file } = freshFile();
    const { db } = openDatabase({ file, log: silentLogger() });
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});

describe('a damaged file (one file, every migration)', () => {
  it('is moved aside and what can still be read (settings, outbox, reports) is copied into the new one', () => {
    const { file } = freshFile();
    healthy(file);
    // Fill the catalogue so its pages come last, then damage only those pages.
    const db = new Database(file);
    db.prepare(
      `INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES (1, 'x', 'UTC', 'USD', 'x')`,
    ).run();
    const ins = db.prepare(
      `INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration) VALUES (?, 1, ?, 1, ?, 1, 1, 60)`,
    );
    db.transaction(() => {
      for (let i = 1; i <= 3000; i++) ins.run(i, i, `service ${i} `.repeat(5));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    const page = 4096;
    bytes.fill(0x5a, bytes.length - 40 * page, bytes.length - 5 * page);
    writeFileSync(file, bytes);

    const opened = openDatabase({ file, log: silentLogger() });
    expect(opened.movedAside).toMatch(/\.corrupt-/);
    expect(existsSync(opened.movedAside!)).toBe(true);
    const kept = Object.fromEntries(opened.rebuilt!.tables.map((t) => [t.table, t.saved]));
    expect([kept['settings'], kept['outbox'], kept['day_reports']]).toEqual([1, 1, 1]);
    expect(opened.db.prepare(`SELECT value FROM settings WHERE key = 'desk.printer'`).pluck().get()).toBe('"Front counter"');
    expect(opened.db.prepare(`SELECT subject_id FROM outbox`).pluck().all()).toEqual([7]);
    // Every table is salvaged table by table; the catalogue's damaged pages are the only loss, and it says so.
    expect(opened.rebuilt!.tables.find((t) => t.table === 'services')?.complete).toBe(false);
    expect(opened.rebuilt!.tables.find((t) => t.table === 'settings')?.complete).toBe(true);
    opened.db.close();
  });

  it('that is not a database at all is replaced (nothing to salvage) and says so', () => {
    const { file } = freshFile();
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    const opened = openDatabase({ file, log: silentLogger() });
    expect(opened.rebuilt!.tables.every((t) => t.saved === 0 && !t.complete)).toBe(true);
    opened.db.close();
  });
});
