import { afterEach, describe, expect, it } from 'vitest';
import type { AltegioApi, ZReport } from '../../../src/main/altegio/types';
import { DayReportService } from '../../../src/main/services/reports';
import { contract } from '../../../src/shared/contract';
import { SEED_REPORT } from './fixtures';
import { LOC, setup, type ReportsSetup } from './setup';

const DAY = '2026-03-23';
const made: ReportsSetup[] = [];
afterEach(() => {
  for (const s of made.splice(0)) s.t.close();
});

/** A desk whose Altegio answers z-reports only when the test opens the gate. */
async function hangingDesk(opts: { withCopy: boolean }) {
  const s = setup({ days: { [DAY]: SEED_REPORT() } });
  made.push(s);
  if (opts.withCopy) await s.reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const real = s.altegio;
  const hanging = Object.create(real) as AltegioApi;
  hanging.zReport = async (...args: Parameters<AltegioApi['zReport']>): Promise<ZReport> => {
    await gate;
    return real.zReport(...args);
  };
  s.t.setAltegio(hanging);
  const service = new DayReportService(s.t.ctx, { getLocation: () => s.catalogue.get(LOC) ?? null }, { copyWaitMs: 50, budgetMs: 300 });
  return { s, service, open };
}

describe('a day report when Altegio hangs', () => {
  it('shows the cached copy at once and refreshes it behind', async () => {
    const { s, service, open } = await hangingDesk({ withCopy: true });
    // The gate is still closed: had the service waited for Altegio, this would never resolve.
    const shown = await service.dayEnd({ locationId: LOC, date: DAY });
    expect(shown.fromCache).toBe(true);
    s.t.clock.advance(60_000);
    open();
    await expect.poll(() => s.t.events.some((e) => e.name === 'report-refreshed')).toBe(true);
    expect(service.cache.get({ locationId: LOC, date: DAY, staffId: null })?.fetchedAt).toBe(s.t.clock.now().toISOString());
  });

  it('without a copy gives up after the time budget with OFFLINE', async () => {
    const { service, open } = await hangingDesk({ withCopy: false });
    await expect(service.dayEnd({ locationId: LOC, date: DAY })).rejects.toMatchObject({ code: 'OFFLINE' });
    open();
  });
});

describe('what counts as "no connection"', () => {
  it('a bug (not a network failure) is not answered with the cached copy', async () => {
    const s = setup({ days: { [DAY]: SEED_REPORT() } });
    made.push(s);
    await s.reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    s.altegio.failOn('zReport', new TypeError("Cannot read properties of undefined (reading 'x')"));
    await expect(s.reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY })).rejects.toBeInstanceOf(TypeError);
  });
});

describe('report dates are real dates', () => {
  const args = (date: string) => contract['reports.dayEnd'].args.safeParse({ locationId: 1, date }).success;
  it('refuses 2026-02-30, 2026-13-01 and 2026-04-31', () => {
    expect(args('2026-02-30')).toBe(false);
    expect(args('2026-13-01')).toBe(false);
    expect(args('2026-04-31')).toBe(false);
  });
  it('accepts 2024-02-29 and 2026-12-31', () => {
    expect(args('2024-02-29')).toBe(true);
    expect(args('2026-12-31')).toBe(true);
  });
});
