import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { ALMATY, NY, sampleSalon } from '../../support/sample-salon';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function setup() {
  const api = new FakeAltegio(sampleSalon());
  const t = makeTestContext({ altegio: api });
  open.push(t);
  return { t, api, catalog: createCatalogDomain(t.ctx) };
}

const runEvents = (t: TestContext) => t.events.filter((e) => e.name === 'sync-run').map((e) => e.payload);

describe('sync run start/end events', () => {
  it('a run that fails before any location (GET /companies) still announces its end, with the reason', async () => {
    const { t, api, catalog } = setup();
    api.fail((m) => (m === 'myCompanies' ? new AppError('UPSTREAM', 'Altegio is having trouble.') : undefined));
    await expect(catalog.syncAll()).rejects.toMatchObject({ code: 'UPSTREAM' });
    expect(t.events.filter((e) => e.name === 'sync-progress')).toEqual([]);
    expect(runEvents(t)).toEqual([
      { running: true, error: null },
      { running: false, error: { code: 'UPSTREAM', message: 'Altegio is having trouble.', locationTitle: null } },
    ]);
    const status = await catalog.handlers['sync.status'](undefined);
    expect(status).toMatchObject({ running: false, lastRunError: { code: 'UPSTREAM' } });
  });

  it('a location whose first sync failed is listed, with why, so the desk can retry it', async () => {
    const { t, api, catalog } = setup();
    api.fail((m, args) =>
      m === 'staff' && args[0] === ALMATY ? new AppError('FORBIDDEN', 'Access denied.') : undefined,
    );
    await catalog.syncAll();
    expect(runEvents(t).at(-1)).toEqual({
      running: false,
      error: { code: 'FORBIDDEN', message: 'Access denied.', locationTitle: expect.any(String) },
    });
    const listed = await catalog.handlers['catalog.locations'](undefined);
    expect(listed.items.map((l) => [l.id, l.syncedAt === null, l.syncError?.code ?? null])).toEqual([
      [NY, false, null],
      [ALMATY, true, 'FORBIDDEN'],
    ]);
  });

  it('a clean run ends with no error', async () => {
    const { t, catalog } = setup();
    await catalog.syncAll();
    expect(runEvents(t)).toEqual([
      { running: true, error: null },
      { running: false, error: null },
    ]);
  });
});
