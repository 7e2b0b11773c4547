import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { openDatabase } from '../../../src/main/store/db';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { NY, sampleSalon } from '../../support/sample-salon';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

describe('a corrupt cache at start', () => {
  it('is moved aside, a fresh cache comes up, and the next sync refills it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-corrupt-'));
    const file = join(dir, 'front-desk.sqlite');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xa5)]));

    const opened = openDatabase({ file, log: silentLogger(), migrations: MIGRATIONS });
    expect(opened.movedAside).toMatch(/front-desk\.sqlite\.corrupt-/);
    expect(existsSync(opened.movedAside!)).toBe(true);
    expect(opened.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    opened.db.close();

    const t = makeTestContext({ dir, altegio: new FakeAltegio(sampleSalon()) });
    open.push(t);
    const catalog = createCatalogDomain(t.ctx);
    expect(await catalog.handlers['catalog.locations'](undefined)).toEqual({ items: [], syncedAt: null });
    await catalog.syncAll();
    expect(
      (await catalog.handlers['catalog.search']({ locationId: NY, query: 'balay', limit: 50, offset: 0 })).total,
    ).toBe(1);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('also recovers from a database whose catalogue pages are damaged', async () => {
    const t = makeTestContext({ altegio: new FakeAltegio(sampleSalon()) });
    await createCatalogDomain(t.ctx).syncAll();
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    t.close({ keep: true });
    const file = join(t.dir, 'front-desk.sqlite');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 2); // every page after the second: b-trees are garbage, the header is fine
    writeFileSync(file, bytes);

    const again = makeTestContext({ dir: t.dir, altegio: new FakeAltegio(sampleSalon()) });
    open.push(again);
    expect(readdirSync(t.dir).some((f) => f.includes('.corrupt-'))).toBe(true);
    const catalog = createCatalogDomain(again.ctx);
    expect((await catalog.handlers['catalog.locations'](undefined)).items).toEqual([]);
    await catalog.syncAll();
    expect((await catalog.handlers['catalog.locations'](undefined)).items).toHaveLength(2);
  });
});
