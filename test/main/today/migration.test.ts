import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { openDatabase } from '../../../src/main/store/db';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { TodayCache } from '../../../src/main/store/today';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 008_today', () => {
  it('a database at version 4 with a cached report reaches 8 and keeps the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'today-migration-'));
    dirs.push(dir);
    const file = join(dir, 'front-desk.sqlite');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 4)) m.up(old);
    old.pragma('user_version = 4');
    old
      .prepare(
        "INSERT INTO day_reports (location_id, date, staff_id, schema, body, fetched_at) VALUES (1, '2026-03-23', 0, 1, '{}', 'x')",
      )
      .run();
    old.close();

    const { db } = openDatabase({ file, log: silentLogger() });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    expect(db.prepare('SELECT count(*) AS n FROM day_reports').get()).toEqual({ n: 1 });
    const cache = new TodayCache(db);
    const key = { locationId: 1, part: 'numbers' as const, day: '2026-03-23', userId: 7 };
    cache.put(key, { a: 1 }, '2026-03-23T10:00:00Z');
    expect(cache.get(key)).toEqual({ body: { a: 1 }, fetchedAt: '2026-03-23T10:00:00Z' });
    expect(cache.get({ ...key, userId: 8 })).toBeNull();
    expect(cache.prune('2026-03-24T00:00:00Z')).toBe(1);
    db.close();
  });
});
