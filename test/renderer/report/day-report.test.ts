import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DayReport } from '../../../src/shared/domain/reports';
import DayReportView from '../../../src/renderer/src/views/report/DayReportView.vue';
import { useDeskStore } from '../../../src/renderer/src/stores/desk';
import { createFakeApi, deferred, fail, installFakeApi, ok, sampleSettings, type FakeApi } from '../support/fake-api';

function report(patch: Partial<DayReport> = {}): DayReport {
  return {
    locationId: 1,
    locationTitle: 'SoHo',
    locationAddress: '112 Spring St',
    timezoneName: 'America/New_York',
    date: '2026-11-22',
    staffId: null,
    staffName: null,
    currency: 'USD',
    stats: {
      clients: 4,
      records: 5,
      visitRecords: 5,
      nonVisitRecords: 0,
      services: 7,
      servicesPaid: 600,
      goods: 1,
      goodsPaid: 20,
      certificates: 0,
      certificatesPaid: 0,
      memberships: 0,
      membershipsPaid: 0,
    },
    accounts: [
      { title: 'Cash', amount: 205 },
      { title: 'Card', amount: 469 },
    ],
    discounts: [{ title: 'Discounts', amount: 11 }],
    totals: { accounts: 674, discount: 41 },
    visits: [
      {
        at: '2026-11-22T09:30:00-05:00',
        clientId: 3,
        clientName: 'Michael Johnson',
        clientPhone: null,
        masters: [
          {
            masterId: 9,
            masterName: 'Sofia Alvarez',
            operations: [
              {
                kind: 'service',
                title: 'Haircut & blow-dry',
                firstCost: 110,
                discount: 5,
                resultCost: 105,
                payments: [],
              },
            ],
          },
        ],
        total: 105,
        discount: 5,
        paid: 105,
      },
    ],
    fetchedAt: '2026-11-22T23:02:00.000Z',
    fromCache: false,
    printedBy: 'Anna',
    ...patch,
  } as DayReport;
}

describe('Day report screen', () => {
  let api: FakeApi;
  beforeEach(() => setActivePinia(createPinia()));

  async function mountWith(result: ReturnType<typeof ok> | ReturnType<typeof fail>) {
    api = installFakeApi(
      createFakeApi({
        settings: { get: async () => ok(sampleSettings()) },
        reports: { html: async () => result as never },
      }),
    );
    useDeskStore().locationId = 1;
    const w = mount(DayReportView);
    await flushPromises();
    return w;
  }

  it('shows the summary, accounts and visits, and the same HTML in the preview', async () => {
    const w = await mountWith(ok({ html: '<html><body>REPORT-DOC</body></html>', report: report() }));
    expect(w.text()).toContain('$674');
    expect(w.text()).toContain('Card');
    expect(w.text()).toContain('Michael Johnson');
    expect(w.find('iframe').attributes('srcdoc')).toContain('REPORT-DOC');
    expect(w.find('iframe').attributes('sandbox')).toBe('');
  });

  it('marks a cached report with when it was fetched', async () => {
    const w = await mountWith(ok({ html: '', report: report({ fromCache: true }) }));
    expect(w.text()).toMatch(/From cache, fetched \d{1,2}:\d{2}/);
  });

  it('says No sales on an empty day and shows OFFLINE errors in words', async () => {
    const empty = await mountWith(ok({ html: '', report: report({ visits: [] }) }));
    expect(empty.text()).toContain('No sales on this day');
    const offline = await mountWith(fail('OFFLINE', 'No connection, and this day was never fetched on this desk.'));
    expect(offline.text()).toContain('never fetched on this desk');
  });

  it('prints with the chosen paper', async () => {
    const w = await mountWith(ok({ html: '', report: report() }));
    await w
      .findAll('button')
      .find((b) => b.text() === '80 mm receipt')!
      .trigger('click');
    await flushPromises();
    await w
      .findAll('button')
      .find((b) => b.text() === 'Print')!
      .trigger('click');
    await flushPromises();
    expect(api.reports.print).toHaveBeenCalledWith(
      expect.objectContaining({ locationId: 1, paper: 'receipt80', silent: false }),
    );
    expect(api.settings.desk).toHaveBeenCalledWith({ paper: 'receipt80' });
  });

  it('a slow earlier answer does not replace the newer paper’s preview', async () => {
    const slow = deferred<{ html: string; report: DayReport }>();
    const calls: string[] = [];
    api = installFakeApi(
      createFakeApi({
        settings: { get: async () => ok(sampleSettings()) },
        reports: {
          html: (async (args: { paper: string }) => {
            calls.push(args.paper);
            if (calls.length === 2) return slow.promise; // the receipt request hangs
            return ok({ html: `DOC-${args.paper}`, report: report() });
          }) as never,
        },
      }),
    );
    useDeskStore().locationId = 1;
    const w = mount(DayReportView);
    await flushPromises();
    await w
      .findAll('button')
      .find((b) => b.text() === '80 mm receipt')!
      .trigger('click');
    await flushPromises();
    await w
      .findAll('button')
      .find((b) => b.text() === 'A4')!
      .trigger('click');
    await flushPromises();
    slow.resolve(ok({ html: 'DOC-receipt80', report: report() }));
    await flushPromises();
    expect(calls).toEqual(['a4', 'receipt80', 'a4']);
    expect(w.find('iframe').attributes('srcdoc')).toBe('DOC-a4');
  });
});
