import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { RECORDS_MIGRATIONS } from '../../../src/main/store/migrations';
import { openStores } from '../../../src/main/store/stores';
import { CatalogOutboxRepo } from '../../../src/main/store/outbox/catalog-outbox-repo';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 017_outbox_catalog (records)', () => {
  it('a records file at version 15 with queued photos reaches the latest version and keeps them; the catalogue outbox works', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manage-migration-'));
    dirs.push(dir);
    // The first start makes both files; then the records file is put back to 15 with a photo queued.
    openStores({ dir, log: silentLogger(), now: () => new Date() }).db.close();
    const recordsFile = join(dir, 'front-desk-records.sqlite');
    rmSync(recordsFile);
    const old = new Database(recordsFile);
    for (const m of RECORDS_MIGRATIONS.filter((x) => x.version <= 15)) m.up(old);
    old.pragma('user_version = 15');
    old
      .prepare(
        `INSERT INTO outbox (kind, location_id, staff_id, state, attempts, next_attempt_at, created_at)
         VALUES ('upload-photo', 1, 2, 'pending', 0, 0, 0)`,
      )
      .run();
    old.close();

    const { db } = openStores({ dir, log: silentLogger(), now: () => new Date() });
    expect(db.prepare('PRAGMA records.user_version').get()).toEqual({ user_version: RECORDS_MIGRATIONS.at(-1)?.version });
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    const repo = new CatalogOutboxRepo(db);
    const owner = { env: 'demo', userId: 1, name: 'Anna' };
    const id = repo.put({
      kind: 'create-category',
      locationId: 1,
      apiId: 'fd-1',
      title: 'Brows',
      body: { title: 'Brows', staffIds: [] },
      owner,
      now: 1,
    });
    expect(repo.list(1)).toMatchObject([{ id, state: 'pending', title: 'Brows', queuedBy: 'Anna' }]);
    // api_id is the idempotency key: a second row with it cannot exist.
    expect(() =>
      repo.put({ kind: 'create-category', locationId: 1, apiId: 'fd-1', title: 'Brows', body: {}, owner, now: 2 }),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
