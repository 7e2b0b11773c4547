import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { CACHE_MIGRATIONS } from '../../../src/main/store/migrations';
import { openStores } from '../../../src/main/store/stores';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 023_service_breaks (cache)', () => {
  it('a cache at 21 keeps its services; their break reads as not known until the next sync', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breaks-migration-23-'));
    dirs.push(dir);
    openStores({ dir, log: silentLogger(), now: () => new Date() }).db.close();
    const cacheFile = join(dir, 'front-desk.sqlite');
    rmSync(cacheFile);
    const old = new Database(cacheFile);
    for (const m of CACHE_MIGRATIONS.filter((x) => x.version <= 21)) m.up(old);
    old.pragma('user_version = 21');
    old
      .prepare(
        "INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES (1, 'SoHo', 'America/New_York', 'USD', 'x')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration) VALUES (1, 1, 7, 1, 'Balayage', 1, 2, 3600)",
      )
      .run();
    old.close();

    const { db } = openStores({ dir, log: silentLogger(), now: () => new Date() });
    expect(db.pragma('user_version', { simple: true })).toBe(CACHE_MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT title, technical_break, technical_break_known FROM services').get()).toEqual({
      title: 'Balayage',
      technical_break: null,
      technical_break_known: 0,
    });
    db.close();
  });
});
