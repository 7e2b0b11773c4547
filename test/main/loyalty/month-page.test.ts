import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAltegioClient } from '../../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import type { PrintPort } from '../../../src/main/print/port';
import { createLoyaltyDomain, type LoyaltyDomain } from '../../../src/main/services/loyalty';
import { ReportCache, type FetchedReport } from '../../../src/main/store/reports';
import { makeTestContext, type TestContext } from '../../support/context';

const NY = 410001;
const ANNA = DEMO_USERS[0]!;
const DESK = DEMO_USERS.find((u) => u.role === 'receptionist')!;
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** "Month at a glance": the desk's day reports for takings, the loyalty figures for who comes back. */
describe('Month at a glance (A4)', () => {
  let demo: DemoServer;
  let t: TestContext;
  let domain: LoyaltyDomain;
  let user: (typeof DEMO_USERS)[number];
  const printed: { html: string; paper: string }[] = [];
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => new Date('2026-03-18T14:00:00Z') });
  });
  afterAll(() => demo.close());
  beforeEach(() => {
    user = ANNA;
    printed.length = 0;
    t = makeTestContext({
      altegio: createAltegioClient({
        baseUrl: demo.url,
        vendor: 'altegio',
        credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: user.userToken }),
      }),
    });
    t.clock.set(new Date('2026-03-18T14:00:00Z'));
    const print: PrintPort = {
      printers: async () => [],
      print: async (html, o) => (printed.push({ html, paper: o.paper }), true),
      savePdf: async () => '/tmp/month.pdf',
    };
    domain = createLoyaltyDomain(t.ctx, {
      location: () => ({ id: NY, title: 'SoHo', timezoneName: 'America/New_York' }),
      members: async () => [],
      userId: () => user.id,
      print,
    });
    // Two day reports on this desk this month, one last month (not counted).
    const cache = new ReportCache(t.ctx.db);
    const report = (date: string, accounts: number) =>
      ({ locationId: NY, date, staffId: null, currency: 'USD', totals: { accounts, discount: 0 } }) as FetchedReport;
    cache.put(report('2026-03-02', 1200.25), '2026-03-02T23:00:00Z');
    cache.put(report('2026-03-03', 800), '2026-03-03T23:00:00Z');
    cache.put(report('2026-02-27', 999), '2026-02-27T23:00:00Z');
  });
  afterEach(() => t.close());

  it('in English: takings from the desk’s day reports, visits, new vs returning, who keeps clients', async () => {
    const { html } = await domain.handlers['loyalty.monthHtml']({ locationId: NY, month: 'month', locale: 'en' });
    const text = plain(html);
    expect(text).toContain('Month at a glance · March 2026');
    expect(text).toContain('$2,000.25');
    expect(text).toContain('from the day reports on this desk: 2 of 18 days');
    expect(text).toContain('Who keeps clients');
    expect(text).toMatch(/<div class="label">Visits<\/div><div class="value">\d+<\/div>/);
    expect(text).toContain('A percentage is shown only from 10 clients up.');
    expect(text).toContain('Sunday, March 1, 2026');
  });

  it('in Russian: the words and dates are Russian, the money stays New York’s', async () => {
    const { html } = await domain.handlers['loyalty.monthHtml']({ locationId: NY, month: 'lastMonth', locale: 'ru' });
    const text = plain(html);
    expect(text).toContain('Месяц одним взглядом · февраль 2026');
    expect(text).toContain('Кто удерживает клиентов');
    // Only the February report counts for last month.
    expect(text).toContain('$999.00');
    expect(text).toContain('1 из 28 дней');
    expect(text).not.toContain('Who keeps clients');
  });

  it('prints on A4', async () => {
    expect(await domain.handlers['loyalty.printMonth']({ locationId: NY, month: 'month' })).toEqual({ printed: true });
    expect(printed[0]!.paper).toBe('a4');
    expect(await domain.handlers['loyalty.saveMonthPdf']({ locationId: NY, month: 'month' })).toEqual({
      path: '/tmp/month.pdf',
    });
  });

  it('without analytics rights there is no page, with a sentence', async () => {
    user = DESK;
    await expect(domain.handlers['loyalty.monthHtml']({ locationId: NY, month: 'month' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
