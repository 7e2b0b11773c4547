import { flushPromises, mount as mountVue, RouterLinkStub, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import DayReportView from '../../../src/renderer/src/views/report/DayReportView.vue';
import { useDeskStore } from '../../../src/renderer/src/stores/desk';
import type { Api } from '../../../src/shared/contract';
import type { DayReport, PrinterInfo } from '../../../src/shared/domain/reports';
import type { Paper } from '../../../src/shared/domain/session';
import type { Result } from '../../../src/shared/errors';
import {
  createFakeApi,
  deferred,
  fail,
  installFakeApi,
  ok,
  sampleSettings,
  sampleStaff,
  type FakeApi,
  type FakeApiOverrides,
} from '../support/fake-api';

/** The screen on its own, without the router: its Cash-up link is a plain stub (no "Failed to resolve RouterLink"). */
const mount = (c: typeof DayReportView) => mountVue(c, { global: { stubs: { RouterLink: RouterLinkStub } } });

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
                payments: [{ paymentType: 'Card', accountsAmount: 105, loyaltyAmount: 0 }],
              },
            ],
          },
        ],
        total: 105,
        discount: 5,
        paid: 105,
      },
      {
        at: '2026-11-22T14:15:00-05:00',
        clientId: 0,
        clientName: '',
        clientPhone: null,
        masters: [
          {
            masterId: 4,
            masterName: 'Daniel Brooks',
            operations: [
              {
                kind: 'service',
                title: 'Head massage',
                firstCost: 50,
                discount: 0,
                resultCost: 50,
                payments: [
                  { paymentType: 'Cash', accountsAmount: 30, loyaltyAmount: 0 },
                  { paymentType: 'Gold Card', accountsAmount: 0, loyaltyAmount: 20 },
                ],
              },
            ],
          },
          {
            masterId: 5,
            masterName: 'Olivia Bennett',
            operations: [
              {
                kind: 'good',
                title: 'Shampoo',
                firstCost: 20,
                discount: 0,
                resultCost: 20,
                payments: [{ paymentType: 'Cash', accountsAmount: 20, loyaltyAmount: 0 }],
              },
            ],
          },
        ],
        total: 70,
        discount: 0,
        paid: 70,
      },
    ],
    fetchedAt: '2026-11-22T23:02:00.000Z',
    fromCache: false,
    printedBy: 'Anna',
    ...patch,
  } as DayReport;
}

const printers: PrinterInfo[] = [
  { name: 'EPSON_TM_T20', displayName: 'EPSON TM-T20 (receipts)', isDefault: false },
  { name: 'Office_A4', displayName: 'Office A4', isDefault: true },
];

// The desk sits in its New York location: times carry no zone name (a test in i18n covers the other case).
beforeEach(() => {
  vi.stubEnv('TZ', 'America/New_York');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Day report screen', () => {
  let api: FakeApi;
  beforeEach(() => setActivePinia(createPinia()));

  type Html = { html: string; report: DayReport };
  async function open(opts: { html?: Api['reports']['html']; overrides?: FakeApiOverrides; paper?: Paper } = {}) {
    api = installFakeApi(
      createFakeApi({
        ...opts.overrides,
        settings: {
          get: async () => ok(sampleSettings({ desk: { locationId: 1, paper: opts.paper ?? 'a4', printer: null } })),
        },
        staff: {
          list: async () => ok({ items: [sampleStaff(9, { name: 'Sofia Alvarez' }), sampleStaff(4)], syncedAt: null }),
        },
        reports: {
          printers: async () => ok({ printers, deskPrinter: null, paper: 'a4' as const }),
          html: opts.html ?? (async () => ok({ html: '<html><body>REPORT-DOC</body></html>', report: report() })),
          ...opts.overrides?.reports,
        },
      }),
    );
    useDeskStore().locationId = 1;
    const w = mount(DayReportView);
    await flushPromises();
    return w;
  }
  const withResult = (r: Result<Html>) => open({ html: async () => r });
  const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text() === text)!;

  it('asks main for today (the location’s day), then shows the date it got', async () => {
    const w = await open();
    expect(api.reports.html).toHaveBeenCalledWith({ locationId: 1, paper: 'a4' });
    const input = w.find<HTMLInputElement>('input[type="date"]');
    expect(input.element.value).toBe('2026-11-22');
    expect(input.attributes('max')).toBe('2026-11-22');
  });

  it('shows the summary cards and takings per account', async () => {
    const w = await open();
    expect(w.find('[data-test="stat-takings"]').text()).toContain('$674.00');
    expect(w.text()).toContain('Clients4');
    expect(w.text()).toContain('Visits5'); // stats.visitRecords, as on paper
    expect(w.text()).toContain('7 / 1'); // services / goods
    const accounts = w.find('[data-test="accounts"]').text();
    expect(accounts).toContain('Cash$205.00');
    expect(accounts).toContain('Card$469.00');
    expect(accounts).toContain('Total$674.00');
  });

  it('the Visits card shows visit_records, not the number of client entries (issue 19 §3.9)', async () => {
    const r = report({ stats: { ...report().stats, clients: 1, records: 14, visitRecords: 13 } });
    const w = await open({ html: async () => ok({ html: '<html></html>', report: r }) });
    expect(w.get('[data-test="stat-visits"]').text()).toBe('Visits13');
  });

  it('one takings total: the accounts’ sum, as the cash-up expects; a different Altegio total is explained (issue 19 §3.10)', async () => {
    const r = report({ totals: { accounts: 600, discount: 41 } }); // accounts add up to 674
    const w = await open({ html: async () => ok({ html: '<html></html>', report: r }) });
    expect(w.get('[data-test="stat-takings"]').text()).toContain('$674.00');
    expect(w.get('[data-test="accounts"]').text()).toContain('Total$674.00');
    expect(w.get('[data-test="takings-differ"]').text()).toBe(
      'Altegio’s own total for the day is $600.00; the accounts above add up to $674.00 ($74.00 more). The desk and the cash-up use the accounts’ sum.',
    );
  });

  it('a report whose visits fall on another day is flagged as not for the cash-up (issue 19 §3.11)', async () => {
    const r = report({ date: '2026-11-21', outsideDay: 2 });
    const w = await open({ html: async () => ok({ html: '<html></html>', report: r }) });
    expect(w.get('[data-test="wrong-day"]').text()).toContain('cannot be used for the cash-up');
    const good = await open();
    expect(good.find('[data-test="wrong-day"]').exists()).toBe(false);
    expect(good.find('[data-test="takings-differ"]').exists()).toBe(false);
  });

  it('breaks the day down per visit: time, client, who, what, paid and how', async () => {
    const w = await open();
    const visits = w.findAll('[data-test="visit"]');
    expect(visits).toHaveLength(2);
    const first = visits[0]!.findAll('td').map((td) => td.text());
    // The desk language's clock (English: 9:30 AM), the currency's cents, like the printed page.
    expect(first).toEqual(['9:30 AM', 'Michael Johnson', 'Sofia Alvarez', 'Haircut & blow-dry', '$105.00', 'Card $105.00']);
    // Two team members in one visit: a row each; time, client, paid and how paid span both.
    const rows = visits[1]!.findAll('tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.findAll('td').map((td) => td.text())).toEqual([
      '2:15 PM',
      'Walk-in client',
      'Daniel Brooks',
      'Head massage',
      '$70.00',
      'Cash $50.00Gold Card (loyalty) $20.00',
    ]);
    expect(rows[1]!.findAll('td').map((td) => td.text())).toEqual(['Olivia Bennett', 'Shampoo']);
  });

  it('previews the exact document in a sandboxed frame, with the A4 page margins on screen', async () => {
    const doc = '<html><head><style>@page { size: A4 }</style></head><body>REPORT-DOC</body></html>';
    const w = await open({ paper: 'receipt80', html: async () => ok({ html: doc, report: report() }) });
    const frame = () => w.find('iframe');
    expect(frame().attributes('srcdoc')).toBe(doc);
    expect(frame().attributes('sandbox')).toBe('');
    expect(frame().attributes('title')).toBe('Print preview');
    await button(w, 'A4').trigger('click');
    await flushPromises();
    // @page margins do not apply on a screen; the preview adds the same ones for the screen only.
    expect(frame().attributes('srcdoc')).toBe(
      '<html><head><style>@page { size: A4 }</style><style>@media screen { body { padding: 14mm 12mm 16mm; } }</style></head><body>REPORT-DOC</body></html>',
    );
  });

  it('gives each new document a frame of its own (Chromium 152+ drops a second srcdoc set moments after the first)', async () => {
    let n = 0;
    const w = await open({ html: async () => ok({ html: `<html><body>DOC-${++n}</body></html>`, report: report() }) });
    const first = w.find('iframe').element;
    expect(first.getAttribute('srcdoc')).toContain('DOC-1');
    await w.find('select[aria-label="Team member"]').setValue('9');
    await flushPromises();
    const second = w.find('iframe').element;
    expect(second.getAttribute('srcdoc')).toContain('DOC-2');
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);
    expect(w.findAll('iframe')).toHaveLength(1);
    expect(second.getAttribute('sandbox')).toBe('');
    expect(second.getAttribute('title')).toBe('Print preview');
  });

  it('marks a cached report with the time it was fetched', async () => {
    // 22:02 UTC is 18:02 at the New York location (EDT), the clock the printed page uses too.
    const cached = await withResult(
      ok({ html: '', report: report({ fromCache: true, fetchedAt: '2025-03-14T22:02:00.000Z' }) }),
    );
    expect(cached.find('[data-test="cache-badge"]').text()).toBe('From cache, fetched Mar 14, 6:02 PM');
    const fresh = await withResult(ok({ html: '', report: report() }));
    expect(fresh.find('[data-test="cache-badge"]').exists()).toBe(false);
  });

  it('says No sales on an empty day, naming the member when filtered', async () => {
    const w = await withResult(ok({ html: '', report: report({ visits: [], accounts: [], discounts: [] }) }));
    expect(w.text()).toContain('No sales on this day');
    expect(w.text()).toContain('Nothing was paid at this location on this date.');
    await w.find('select[aria-label="Team member"]').setValue('9');
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-11-22', staffId: 9, paper: 'a4' });
    expect(w.text()).toContain('Nothing was paid for Sofia Alvarez on this date.');
  });

  it('offline with nothing cached, says so in main’s words and can try again', async () => {
    const w = await withResult(fail('OFFLINE', 'No connection, and this day was never fetched on this desk.'));
    expect(w.find('[role="alert"]').text()).toContain('never fetched on this desk');
    expect(w.find('iframe').exists()).toBe(false);
    await button(w, 'Try again').trigger('click');
    await flushPromises();
    expect(api.reports.html).toHaveBeenCalledTimes(2);
  });

  it('shows Altegio’s own sentence when the account may not see reports', async () => {
    const w = await withResult(fail('FORBIDDEN', 'No access to the Z-report for this location.'));
    expect(w.find('[role="alert"]').text()).toContain('No access to the Z-report for this location.');
  });

  it('loads another day when the date changes', async () => {
    const w = await open();
    await w.find('input[type="date"]').setValue('2026-11-20');
    await w.find('input[type="date"]').trigger('change');
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-11-20', paper: 'a4' });
  });

  it('keeps the chosen day and member when the screen is opened again, and starts over for another location', async () => {
    const w = await open();
    await w.find('input[type="date"]').setValue('2026-11-20');
    await w.find('input[type="date"]').trigger('change');
    await w.find('select[aria-label="Team member"]').setValue('9');
    await flushPromises();
    w.unmount();
    mount(DayReportView);
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-11-20', staffId: 9, paper: 'a4' });
    useDeskStore().locationId = 2;
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 2, paper: 'a4' });
  });

  it('starts on the desk’s remembered paper and remembers a new choice', async () => {
    const w = await open({ paper: 'receipt80' });
    expect(api.reports.html).toHaveBeenCalledWith({ locationId: 1, paper: 'receipt80' });
    expect(w.find('.preview').classes()).toContain('receipt80');
    await button(w, 'A4').trigger('click');
    await flushPromises();
    expect(api.settings.desk).toHaveBeenCalledWith({ paper: 'a4' });
    expect(api.reports.html).toHaveBeenLastCalledWith(expect.objectContaining({ paper: 'a4' }));
  });

  it('prints on the chosen paper and printer, without the dialog when asked', async () => {
    const w = await open();
    await button(w, '80 mm receipt').trigger('click');
    await flushPromises();
    expect(w.find<HTMLInputElement>('input[type="checkbox"]').element.disabled).toBe(true); // no printer chosen yet
    await w.find('select[aria-label="Printer"]').setValue('EPSON_TM_T20');
    await flushPromises();
    expect(api.settings.desk).toHaveBeenCalledWith({ printer: 'EPSON_TM_T20' });
    await w.find('input[type="checkbox"]').setValue(true);
    await button(w, 'Print').trigger('click');
    await flushPromises();
    expect(api.reports.print).toHaveBeenCalledWith({
      locationId: 1,
      date: '2026-11-22',
      paper: 'receipt80',
      printer: 'EPSON_TM_T20',
      silent: true,
    });
    expect(w.text()).toContain('Sent to the printer.');
  });

  it('says when printing was cancelled or failed, and where the PDF went', async () => {
    let printed = false;
    const w = await open({
      overrides: {
        reports: {
          print: async () => (printed ? fail('UPSTREAM', 'The printer is out of paper.') : ok({ printed })),
          savePdf: async () => ok({ path: '/home/desk/Day report 2026-11-22.pdf' }),
        },
      },
    });
    await button(w, 'Print').trigger('click');
    await flushPromises();
    expect(api.reports.print).toHaveBeenCalledWith({ locationId: 1, date: '2026-11-22', paper: 'a4', silent: false });
    expect(w.text()).toContain('Printing was cancelled.');
    printed = true;
    await button(w, 'Print').trigger('click');
    await flushPromises();
    expect(w.find('[role="alert"]').text()).toBe('The printer is out of paper.');
    await button(w, 'Save PDF').trigger('click');
    await flushPromises();
    expect(api.reports.savePdf).toHaveBeenCalledWith({ locationId: 1, date: '2026-11-22', paper: 'a4' });
    expect(w.text()).toContain('Saved as /home/desk/Day report 2026-11-22.pdf');
  });

  it('disables Print while a print is on its way', async () => {
    const slow = deferred<{ printed: boolean }>();
    const w = await open({ overrides: { reports: { print: () => slow.promise } } });
    await button(w, 'Print').trigger('click');
    expect(button(w, 'Printing…').attributes('disabled')).toBeDefined();
    expect(button(w, 'Save PDF').attributes('disabled')).toBeDefined();
    slow.resolve(ok({ printed: true }));
    await flushPromises();
    expect(button(w, 'Print').attributes('disabled')).toBeUndefined();
  });

  it('a slow earlier answer does not replace the newer paper’s preview', async () => {
    const slow = deferred<Html>();
    const calls: string[] = [];
    const w = await open({
      html: async (args) => {
        calls.push(args.paper);
        if (calls.length === 2) return slow.promise; // the receipt request hangs
        return ok({ html: `DOC-${args.paper}`, report: report() });
      },
    });
    await button(w, '80 mm receipt').trigger('click');
    await flushPromises();
    await button(w, 'A4').trigger('click');
    await flushPromises();
    slow.resolve(ok({ html: 'DOC-receipt80', report: report() }));
    await flushPromises();
    expect(calls).toEqual(['a4', 'receipt80', 'a4']);
    expect(w.find('iframe').attributes('srcdoc')).toMatch(/DOC-a4$/);
    expect(w.find('.preview').classes()).toContain('a4');
  });
  it('steps to the previous and next day, and jumps to yesterday; never past today', async () => {
    const w = await open();
    expect(w.get('[data-test="next-day"]').attributes('disabled')).toBeDefined();
    await w.get('[data-test="previous-day"]').trigger('click');
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-11-21', paper: 'a4' });
    await w.get('[data-test="previous-day"]').trigger('click');
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-11-20', paper: 'a4' });
    await w.get('[data-test="next-day"]').trigger('click');
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-11-21', paper: 'a4' });
    await w.get('[data-test="today"]').trigger('click');
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-11-22', paper: 'a4' });
    await w.get('[data-test="yesterday"]').trigger('click');
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-11-21', paper: 'a4' });
    expect(w.get('[data-test="yesterday"]').attributes('aria-pressed')).toBe('true');
  });

  it('crosses month ends on the calendar', async () => {
    const w = await open({ html: async () => ok({ html: '<html></html>', report: report({ date: '2026-03-01' }) }) });
    await w.get('[data-test="previous-day"]').trigger('click');
    await flushPromises();
    expect(api.reports.html).toHaveBeenLastCalledWith({ locationId: 1, date: '2026-02-28', paper: 'a4' });
  });

  it('says how many visits could not be read instead of leaving them out silently', async () => {
    const w = await open({ html: async () => ok({ html: '<html></html>', report: report({ unreadableVisits: 1 }) }) });
    expect(w.text()).toContain('1 visit could not be read and is not shown — check it in Altegio.');
    const none = await open();
    expect(none.text()).not.toContain('could not be read');
  });

  it('opens the A4 preview large enough to read (the real page width)', async () => {
    const w = await open();
    expect(w.get('.preview-box').attributes('style')).toContain('width: 375px');
    await w.get('[data-test="enlarge-preview"]').trigger('click');
    await flushPromises();
    const large = document.body.querySelector<HTMLElement>('[role="dialog"] .preview-box')!;
    expect(large.getAttribute('style')).toContain('width: 796px');
    expect(large.querySelector('iframe')!.getAttribute('style')).toContain('scale(1)');
    w.unmount();
  });

  it("formats client phones for the location's country", async () => {
    const base = report({ phoneCountry: 'US' });
    base.visits[0]!.clientPhone = '+19175551074';
    const w = await open({ html: async () => ok({ html: '<html></html>', report: base }) });
    expect(w.findAll('[data-test="visit"]')[0]!.text()).toContain('(917) 555-1074');
    expect(w.text()).not.toContain('+19175551074');
  });
  it('tells team members apart by position in the member filter', async () => {
    const w = await open();
    const options = w.findAll('select[aria-label="Team member"] option').map((o) => o.text());
    expect(options).toContain('Sofia Alvarez — Stylist');
  });
});
