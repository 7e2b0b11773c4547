import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { createHeadlessPrintPort } from '../../../src/main/print/headless-port';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { createReportsDomain, type ReportsDomain } from '../../../src/main/services/reports';
import { makeTestContext, type TestContext } from '../../support/context';

/**
 * The report service wired as in the app — real client, catalogue synced from the demo server,
 * headless print port — against the demo Altegio server on 127.0.0.1.
 */

const NY = 410001;
const ALMATY = 410002;
/** 23:30 on 23 March in New York; already 24 March in UTC, Berlin and Almaty. */
const NOW = new Date('2026-03-24T03:30:00Z');
const ANNA = DEMO_USERS[0]!;

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ now: () => NOW });
});
afterAll(() => demo.close());

const open: TestContext[] = [];
afterEach(async () => {
  demo.faults.clear();
  await demo.restart().catch(() => undefined); // a test may have stopped it
  for (const t of open.splice(0)) t.close();
});

async function desk(): Promise<{ t: TestContext; reports: ReportsDomain }> {
  const api = createAltegioClient({
    baseUrl: demo.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: ANNA.userToken }),
    retries: 0,
    timeoutMs: 3_000,
    // The local server needs no pacing; Altegio's 5 per second would make each catalogue sync take seconds.
    limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
  });
  const t = makeTestContext({ altegio: api, userName: ANNA.name });
  open.push(t);
  t.clock.set(NOW);
  const catalog = createCatalogDomain(t.ctx);
  await catalog.syncAll();
  const reports = createReportsDomain(t.ctx, {
    locations: catalog.repo,
    print: createHeadlessPrintPort({ folder: join(t.dir, 'prints'), now: t.clock.now }),
  });
  return { t, reports };
}

const sentDates = () =>
  demo.received.requests
    .filter((r) => r.path.includes('/reports/z_report/'))
    .map((r) => new URL(r.path, 'http://x').searchParams.get('start_date'));

describe('day-end report against the demo server', () => {
  it("fetches the location's today (23 March at 23:30 New York time) as dd.mm.yyyy and types it", async () => {
    const { reports } = await desk();
    const before = sentDates().length;
    const r = await reports.handlers['reports.dayEnd']({ locationId: NY });
    expect(sentDates().slice(before)).toEqual(['23.03.2026']);
    expect(r).toMatchObject({
      locationTitle: 'Front Desk Beauty — SoHo',
      locationAddress: '112 Spring Street, New York, NY 10012',
      date: '2026-03-23',
      currency: 'USD',
      fromCache: false,
      printedBy: 'Anna Reception',
    });
    expect(r.visits.length).toBeGreaterThan(0);
    for (const v of r.visits) {
      expect(v.at.startsWith('2026-03-23T')).toBe(true);
      expect(v.at.endsWith('-04:00')).toBe(true); // EDT
      expect(v.masters.length).toBeGreaterThan(0);
    }
    expect(r.accounts.map((a) => a.title)).toEqual(['Cash', 'Card']);
    expect(r.stats.clients).toBeGreaterThan(0);
    expect(r.stats.services).toBe(
      r.visits.flatMap((v) => v.masters.flatMap((m) => m.operations.filter((o) => o.kind === 'service'))).length,
    );
  });

  it("uses Almaty's own day (already the 24th there) and its symbol currency", async () => {
    const { reports } = await desk();
    const r = await reports.handlers['reports.html']({ locationId: ALMATY, paper: 'receipt80' });
    expect(r.report.date).toBe('2026-03-24');
    expect(r.report.currency).toBe('₸');
    expect(r.html).toContain('\u00a0₸');
  });

  it('prints a closed day (six days back) as "No sales on this day"', async () => {
    const { t, reports } = await desk();
    const printed = await reports.handlers['reports.print']({ locationId: NY, date: '2026-03-17', paper: 'a4' });
    expect(printed).toEqual({ printed: true });
    const files = readdirSync(join(t.dir, 'prints'));
    expect(files).toHaveLength(1);
    const html = readFileSync(join(t.dir, 'prints', files[0]!), 'utf8');
    expect(html).toContain('No sales on this day');
    expect(html).toContain('Front Desk Beauty — SoHo');
  });

  it('passes the licence message through as FORBIDDEN', async () => {
    const { reports } = await desk();
    demo.faults.set({ mode: 'forbiddenLicense', match: '/reports/z_report/' });
    await expect(reports.handlers['reports.dayEnd']({ locationId: NY, date: '2026-03-23' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `It is necessary to renew the license in the branch with id: ${NY}`,
    });
  });

  it('reprints the fetched copy while the server is down or failing, and refetches when it is back', async () => {
    const { t, reports } = await desk();
    const first = await reports.handlers['reports.dayEnd']({ locationId: NY, date: '2026-03-22' });

    demo.faults.set({ mode: 'http500', match: '/reports/z_report/' });
    t.clock.advance(60_000);
    const during500 = await reports.handlers['reports.dayEnd']({ locationId: NY, date: '2026-03-22' });
    expect(during500).toMatchObject({ fromCache: true, fetchedAt: first.fetchedAt });
    demo.faults.clear();

    await demo.stop();
    const offline = await reports.handlers['reports.savePdf']({
      locationId: NY,
      date: '2026-03-22',
      paper: 'receipt80',
    });
    expect(readFileSync(offline.path!, 'utf8')).toContain('Offline copy.');
    await expect(reports.handlers['reports.dayEnd']({ locationId: NY, date: '2026-03-21' })).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringMatching(/never fetched on this desk/),
    });

    await demo.restart();
    t.connectivity.online = true;
    t.clock.advance(60_000);
    const again = await reports.handlers['reports.dayEnd']({ locationId: NY, date: '2026-03-22' });
    expect(again.fromCache).toBe(false);
    expect(again.fetchedAt).toBe(t.clock.now().toISOString());
    expect(again.visits).toEqual(first.visits);
  });
});
