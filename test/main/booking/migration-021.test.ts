import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { BookingFormsCache } from '../../../src/main/store/booking/booking-forms-cache';
import { CACHE_MIGRATIONS } from '../../../src/main/store/migrations';
import { openStores } from '../../../src/main/store/stores';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 021_booking_forms (cache)', () => {
  it('a cache file at 16 with a Today copy reaches 21 and keeps them; forms are stored per location', () => {
    const dir = mkdtempSync(join(tmpdir(), 'booking-migration-21-'));
    dirs.push(dir);
    openStores({ dir, log: silentLogger(), now: () => new Date() }).db.close();
    const cacheFile = join(dir, 'front-desk.sqlite');
    rmSync(cacheFile);
    const old = new Database(cacheFile);
    for (const m of CACHE_MIGRATIONS.filter((x) => x.version <= 16)) m.up(old);
    old.pragma('user_version = 16');
    old
      .prepare(
        "INSERT INTO today_cache (location_id, part, day, user_id, schema, body, fetched_at) VALUES (1, 'tips', '', 0, 1, '[]', 'x')",
      )
      .run();
    old.close();

    const { db } = openStores({ dir, log: silentLogger(), now: () => new Date() });
    // 21 and every cache migration after it.
    expect(db.pragma('user_version', { simple: true })).toBe(CACHE_MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT count(*) AS n FROM today_cache').get()).toEqual({ n: 1 });
    const cache = new BookingFormsCache(db);
    const form = { id: 5, title: 'Main', isDefault: true, url: 'https://n5.alteg.io/' };
    cache.put(1, [form], '2026-03-18T10:00:00.000Z');
    cache.put(2, [], '2026-03-18T10:00:00.000Z');
    expect(cache.get(1)).toEqual({ forms: [form], fetchedAt: '2026-03-18T10:00:00.000Z' });
    expect(cache.get(2)).toEqual({ forms: [], fetchedAt: '2026-03-18T10:00:00.000Z' });
    expect(cache.get(3)).toBeNull();
    // An older answer does not replace a newer copy; a newer one does.
    cache.put(1, [], '2026-03-18T09:00:00.000Z');
    expect(cache.get(1)!.forms).toEqual([form]);
    cache.put(1, [], '2026-03-18T11:00:00.000Z');
    expect(cache.get(1)).toEqual({ forms: [], fetchedAt: '2026-03-18T11:00:00.000Z' });
    // A damaged row is as good as none.
    db.prepare("UPDATE booking_forms_cache SET body = '{oops' WHERE location_id = 2").run();
    expect(cache.get(2)).toBeNull();
    db.close();
  });
});
