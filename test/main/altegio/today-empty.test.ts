import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../support/demo';
import type { FaultMode } from '../../support/demo/faults';
import type { AltegioApi } from '../../../src/main/altegio/types';
import { analyticsOverallSchema, nextSlotSchema } from '../../../src/main/altegio/today-schemas';
import { requireData } from '../../../src/main/altegio/require-data';
import { NY, signedInClient } from './helpers';

/** Issue 19 §2.7: a 2xx without the data is an upstream error, never a fresh empty copy. */
describe('Today endpoints: a 2xx answer without data is UPSTREAM', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => new Date('2026-03-18T14:00:00Z') });
  });
  afterAll(() => demo.close());
  beforeEach(() => demo.faults.clear());

  const q = { from: '2026-03-18', to: '2026-03-18' };
  const calls: [string, string, (api: AltegioApi) => Promise<unknown>][] = [
    ['schedule', '/staff/schedule', (api) => api.schedule(NY, q)],
    ['next slot', 'forBooking', (api) => api.nextSlot(NY)],
    ['analytics', '/analytics/overall?', (api) => api.analyticsOverall(NY, q)],
    ['daily chart', '/charts/income_daily', (api) => api.dailyChart(NY, 'income_daily', q)],
    ['share chart', '/charts/record_source', (api) => api.shareChart(NY, 'record_source', q)],
    ['tips', `/tips/${NY}/settings`, (api) => api.tipsSettings(NY)],
  ];
  const modes: FaultMode[] = ['dataNull', 'emptyBody', 'noContent', 'emptyList'];

  for (const [name, match, call] of calls) {
    it(`${name}: data:null, empty body, 204 and [] are refused`, async () => {
      const { api } = signedInClient(demo);
      for (const mode of modes) {
        demo.faults.set({ mode, match, times: 1 });
        await expect(call(api), `${name} ${mode}`).rejects.toMatchObject({ code: 'UPSTREAM' });
      }
      await expect(call(api)).resolves.toBeTruthy();
    });
  }

  it('{} is no data either (PHP sends an empty object for nothing)', () => {
    expect(requireData(analyticsOverallSchema).safeParse({}).success).toBe(false);
    expect(requireData(nextSlotSchema).safeParse({}).success).toBe(false);
    expect(requireData(nextSlotSchema).safeParse({ id: 1, next_slot: null }).success).toBe(true);
  });
});
