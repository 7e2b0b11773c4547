import { afterEach, describe, expect, it } from 'vitest';
import { serviceSchema } from '../../../src/main/altegio/schemas';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { NY, sampleSalon } from '../../support/sample-salon';

/** Issue 22 §2: the technical break from Altegio's service list, kept in the cache for the offline edit form. */
describe('each service’s technical break', () => {
  const base = { id: 7, category_id: 1, title: 'Balayage', price_min: 1, price_max: 2, duration: 3600 };

  it('reads technical_break_duration as services_list_response documents it: seconds, null for the default, absent for "not said"', () => {
    expect(serviceSchema.parse({ ...base, technical_break_duration: 900 }).technicalBreakSec).toBe(900);
    expect(serviceSchema.parse({ ...base, technical_break_duration: '600' }).technicalBreakSec).toBe(600);
    expect(serviceSchema.parse({ ...base, technical_break_duration: null }).technicalBreakSec).toBeNull();
    expect(serviceSchema.parse(base)).not.toHaveProperty('technicalBreakSec');
    // Unreadable is the location's default, never a failed sync.
    expect(serviceSchema.parse({ ...base, technical_break_duration: 'soon' }).technicalBreakSec).toBeNull();
  });

  let t: TestContext | null = null;
  afterEach(() => {
    t?.close();
    t = null;
  });

  it('the sync keeps it with whether Altegio said it, and a later sync replaces it', async () => {
    const data = sampleSalon();
    const services = data.locations.find((l) => l.company.id === NY)!.services;
    services[0]!.technicalBreakSec = 600;
    services[1]!.technicalBreakSec = null;
    const fake = new FakeAltegio(data);
    t = makeTestContext({ altegio: fake });
    const catalog = createCatalogDomain(t.ctx, {});
    const rows = () =>
      t!.db
        .prepare<
          [number, number, number, number],
          { id: number; technical_break: number | null; technical_break_known: number }
        >(
          'SELECT id, technical_break, technical_break_known FROM services WHERE location_id = ? AND id IN (?, ?, ?) ORDER BY id',
        )
        .all(NY, services[0]!.id, services[1]!.id, services[2]!.id);
    await catalog.syncAll();
    const byId = (id: number) => rows().find((r) => r.id === id);
    expect(byId(services[0]!.id)).toMatchObject({ technical_break: 600, technical_break_known: 1 });
    expect(byId(services[1]!.id)).toMatchObject({ technical_break: null, technical_break_known: 1 });
    expect(byId(services[2]!.id)).toMatchObject({ technical_break: null, technical_break_known: 0 });

    services[0]!.technicalBreakSec = 1200;
    t.clock.advance(3_600_000);
    await catalog.syncAll();
    expect(byId(services[0]!.id)).toMatchObject({ technical_break: 1200, technical_break_known: 1 });
    catalog.close?.();
  });
});
