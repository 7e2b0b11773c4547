import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { gateWhileLocked, isOpenWhileLocked } from '../../../src/main/services/desk/lock-gate';
import { openDatabase } from '../../../src/main/store/db';
import { LoyaltyCache } from '../../../src/main/store/loyalty/loyalty-cache';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import type { Handlers } from '../../../src/shared/contract';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 016_loyalty', () => {
  it('a database at version 14 with Today copies reaches 16 and keeps them; copies are per user and period', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-migration-'));
    dirs.push(dir);
    const file = join(dir, 'front-desk.sqlite');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 14)) m.up(old);
    old.pragma('user_version = 14');
    old
      .prepare(
        "INSERT INTO today_cache (location_id, part, day, user_id, schema, body, fetched_at) VALUES (1, 'numbers', '2026-03-23', 7, 1, '{}', 'x')",
      )
      .run();
    old.close();

    const { db } = openDatabase({ file, log: silentLogger() });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(16);
    expect(db.prepare('SELECT count(*) AS n FROM today_cache').get()).toEqual({ n: 1 });
    const cache = new LoyaltyCache(db);
    const key = { locationId: 1, part: 'visits' as const, period: '2026-03-01|2026-03-18', programs: '', userId: 7 };
    cache.put(key, { a: 1 }, '2026-03-18T10:00:00Z');
    expect(cache.get(key)).toEqual({ body: { a: 1 }, fetchedAt: '2026-03-18T10:00:00Z' });
    expect(cache.get({ ...key, userId: 8 })).toBeNull();
    expect(cache.get({ ...key, programs: '4100011' })).toBeNull();
    expect(cache.get({ ...key, period: '2026-02-01|2026-02-18' })).toBeNull();
    expect(cache.prune('2026-03-19T00:00:00Z')).toBe(1);
    db.close();
  });
});

describe('the loyalty channel on a locked desk', () => {
  it('is refused while locked and answers once unlocked', async () => {
    expect(isOpenWhileLocked('loyalty.get')).toBe(false);
    let locked = true;
    const gated = gateWhileLocked({ 'loyalty.get': async () => 'figures' } as unknown as Handlers, {
      isLocked: () => locked,
      epoch: () => String(locked),
      signedIn: () => true,
      mayUse: () => true,
    });
    const call = () => (gated['loyalty.get'] as (a: unknown) => Promise<unknown>)({ locationId: 1, period: 'month' });
    await expect(call()).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    locked = false;
    await expect(call()).resolves.toBe('figures');
  });
});
