import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/db';
import { MIGRATIONS } from '../../../src/main/store/migrations';
import { m003Reports } from '../../../src/main/store/migrations/003_reports';
import { ReportCache, type FetchedReport } from '../../../src/main/store/reports';
import { toDayReport } from '../../../src/main/services/reports';
import { makeTestContext, type TestContext } from '../../support/context';
import { SEED_REPORT } from './fixtures';
import { NEW_YORK } from './setup';
import Database from 'better-sqlite3';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function report(date: string, staffId: number | null = null): FetchedReport {
  return toDayReport(SEED_REPORT(), NEW_YORK, { date, staffId });
}

describe('migration 003 (reports)', () => {
  it('is listed after the catalogue and creates day_reports keyed by location, day and member', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.indexOf(3)).toBe(versions.indexOf(2) + 1);
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    const cols = db
      .prepare<[], { name: string; pk: number }>("SELECT name, pk FROM pragma_table_info('day_reports')")
      .all();
    expect(cols.map((c) => c.name)).toEqual(['location_id', 'date', 'staff_id', 'schema', 'body', 'fetched_at']);
    expect(cols.filter((c) => c.pk > 0).map((c) => c.name)).toEqual(['location_id', 'date', 'staff_id']);
    expect(m003Reports.name).toBe('reports');
    db.close();
  });
});

describe('ReportCache', () => {
  function cache(): ReportCache {
    const t = makeTestContext();
    open.push(t);
    return new ReportCache(t.db);
  }

  it('keeps one copy per location, day and member; a newer fetch replaces it', () => {
    const c = cache();
    c.put(report('2026-03-23'), '2026-03-23T20:00:00.000Z');
    c.put(report('2026-03-23', 321123), '2026-03-23T20:01:00.000Z');
    c.put({ ...report('2026-03-23'), locationTitle: 'Renamed' }, '2026-03-23T21:00:00.000Z');
    expect(c.get({ locationId: 37532, date: '2026-03-23', staffId: null })).toMatchObject({
      fetchedAt: '2026-03-23T21:00:00.000Z',
      report: { locationTitle: 'Renamed' },
    });
    expect(c.get({ locationId: 37532, date: '2026-03-23', staffId: 321123 })?.fetchedAt).toBe(
      '2026-03-23T20:01:00.000Z',
    );
    expect(c.get({ locationId: 37532, date: '2026-03-22', staffId: null })).toBeNull();
  });

  it('drops copies fetched before the cutoff and remembers the last timezone', () => {
    const c = cache();
    c.put(report('2026-01-02'), '2026-01-02T20:00:00.000Z');
    c.put(report('2026-03-23'), '2026-03-23T20:00:00.000Z');
    expect(c.prune('2026-02-01T00:00:00.000Z')).toBe(1);
    expect(c.get({ locationId: 37532, date: '2026-01-02', staffId: null })).toBeNull();
    expect(c.lastTimezone(37532)).toBe('America/New_York');
    expect(c.lastTimezone(1)).toBeNull();
  });
});
