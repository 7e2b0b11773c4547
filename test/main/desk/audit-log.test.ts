import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { migrate, openDatabase, type Db } from '../../../src/main/store/db';
import { AUDIT_KEEP_DAYS, AuditRepo } from '../../../src/main/store/desk/audit-repo';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { startDemoServer } from '../../support/demo';
import { makeServices } from '../../support/services';

// Issue 21, item 6: the audit list can be neither flushed nor edited, and says so if it was.
const DAY = 86_400_000;
const NOW = Date.now();

function fresh(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  return openDatabase({ file: join(dir, 'front-desk.sqlite'), log: silentLogger() }).db;
}

const entry = (action: string, userId: number | null, at = NOW, detail: string | null = null) => ({
  at,
  environment: 'demo',
  userId,
  userName: userId === null ? null : `user ${userId}`,
  action,
  detail,
});

const count = (db: Db) => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('the audit list', () => {
  it('210 wrong PINs do not erase an earlier print, and one person’s burst is one row with a count', () => {
    const db = fresh();
    const audit = new AuditRepo(db);
    audit.add(entry('print', 1, NOW, 'day report · 2026-12-01'));
    for (let i = 0; i < 210; i++) audit.add(entry('pin-wrong', 2, NOW + i));
    expect(count(db)).toBe(2);
    const [wrong, print] = audit.recent('demo');
    expect(wrong).toMatchObject({ action: 'pin-wrong', count: 210, lastAt: NOW + 209 });
    expect(print).toMatchObject({ action: 'print', detail: 'day report · 2026-12-01' });
    expect(audit.check()).toEqual({ ok: true, rows: 2 });
  });

  it('is kept by age, not by count: 300 rows from alternating people all stay', () => {
    const db = fresh();
    const audit = new AuditRepo(db);
    audit.add(entry('print', 1));
    for (let i = 0; i < 300; i++) audit.add(entry('pin-wrong', 2 + (i % 2)));
    expect(count(db)).toBe(301);
    expect(audit.prune(NOW)).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'print'`).pluck().get()).toBe(1);
  });

  it('refuses UPDATE, DELETE and INSERT OR REPLACE from any SQL', () => {
    const db = fresh();
    const audit = new AuditRepo(db);
    audit.add(entry('print', 1));
    audit.add(entry('unlock', 2));
    expect(() => db.prepare(`UPDATE audit_log SET user_name = 'someone else' WHERE action = 'print'`).run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/older than/);
    expect(() => db.prepare(`DELETE FROM audit_log WHERE action = 'unlock'`).run()).toThrow(/older than/);
    const first = db.prepare('SELECT * FROM audit_log ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    expect(() =>
      db
        .prepare(
          `INSERT OR REPLACE INTO audit_log (id, at, environment, user_id, user_name, action, detail, count, prev_hash, hash)
           VALUES (@id, @at, @environment, 9, 'x', 'nothing', NULL, 1, @prev_hash, @hash)`,
        )
        .run(first),
    ).toThrow(/append-only|follow the last/);
    // Even the one update allowed (one more wrong PIN on the newest row) is refused on any other row.
    audit.add(entry('pin-wrong', 3));
    expect(() => db.prepare(`UPDATE audit_log SET count = count + 1 WHERE action = 'print'`).run()).toThrow(
      /append-only/,
    );
    expect(db.prepare('SELECT user_name FROM audit_log ORDER BY id').pluck().all()).toEqual([
      'user 1',
      'user 2',
      'user 3',
    ]);
    expect(audit.check()).toEqual({ ok: true, rows: 3 });
  });

  it('a check finds a row edited or removed behind the triggers’ back', () => {
    const db = fresh();
    const audit = new AuditRepo(db);
    for (const a of ['sign-in', 'print', 'pdf', 'lock']) audit.add(entry(a, 1));
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.prepare(`UPDATE audit_log SET user_name = 'Léa' WHERE action = 'print'`).run();
    const printId = db.prepare(`SELECT id FROM audit_log WHERE action = 'print'`).pluck().get();
    expect(audit.check()).toMatchObject({ ok: false, brokenAt: printId, reason: 'edited' });

    const db2 = fresh();
    const audit2 = new AuditRepo(db2);
    for (const a of ['sign-in', 'print', 'pdf', 'lock']) audit2.add(entry(a, 1));
    db2.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_pruned;');
    db2.prepare(`DELETE FROM audit_log WHERE action = 'print'`).run();
    const pdfId = db2.prepare(`SELECT id FROM audit_log WHERE action = 'pdf'`).pluck().get();
    expect(audit2.check()).toMatchObject({ ok: false, brokenAt: pdfId, reason: 'missing-or-moved' });
  });

  it(`prunes rows older than ${AUDIT_KEEP_DAYS} days oldest first, and the rest still verifies`, () => {
    const db = fresh();
    const audit = new AuditRepo(db);
    const old = NOW - (AUDIT_KEEP_DAYS + 30) * DAY;
    audit.add(entry('print', 1, old));
    audit.add(entry('pdf', 1, old + DAY));
    audit.add(entry('print', 2, NOW - 10 * DAY));
    audit.add(entry('lock', 2, NOW));
    expect(audit.prune(NOW)).toBe(2);
    expect(db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all()).toEqual(['print', 'lock']);
    expect(audit.check()).toEqual({ ok: true, rows: 2 });
    // The pruned boundary cannot be rewound or removed.
    expect(() => db.prepare('UPDATE audit_pruned SET last_id = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_pruned').run()).toThrow(/append-only/);
    // New rows still chain on.
    audit.add(entry('unlock', 1));
    expect(audit.check()).toEqual({ ok: true, rows: 3 });
  });

  it('migration 015 chains the rows an older version wrote, and they verify', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 15),
    );
    const ins = db.prepare(
      `INSERT INTO audit_log (at, environment, user_id, user_name, action, detail) VALUES (?, 'demo', 1, 'Anna', ?, NULL)`,
    );
    ins.run(NOW - 2000, 'sign-in');
    ins.run(NOW - 1000, 'print');
    migrate(db, MIGRATIONS);
    const audit = new AuditRepo(db);
    expect(audit.check()).toEqual({ ok: true, rows: 2 });
    audit.add(entry('lock', 1));
    expect(audit.check()).toEqual({ ok: true, rows: 3 });
    expect(() => db.prepare(`DELETE FROM audit_log WHERE action = 'print'`).run()).toThrow();
  });

  it('a start finds a row changed outside the app and adds the break to the list itself', async () => {
    const demo = await startDemoServer();
    let t = await makeServices({ altegioBaseUrl: demo.url });
    try {
      t.services.desk.record('print', 'day report · 2026-12-01', { userId: 1, name: 'Anna' });
      t.services.desk.record('lock', 'manual', { userId: 1, name: 'Anna' });
      const db = t.services.ctx.db;
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare(`UPDATE audit_log SET user_name = 'Léa' WHERE action = 'print'`).run();
      await t.services.close();
      t = await makeServices({ altegioBaseUrl: demo.url, userData: t.userData });
      await t.services.start();
      const rows = t.services.ctx.db
        .prepare(`SELECT action, detail FROM audit_log WHERE action = 'audit-broken'`)
        .all();
      expect(rows).toEqual([{ action: 'audit-broken', detail: expect.stringMatching(/^row \d+ \(edited\)$/) }]);
    } finally {
      await t.services.close();
      await demo.close();
    }
  });
});
