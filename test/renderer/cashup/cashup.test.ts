import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAVE_DELAY_MS } from '../../../src/renderer/src/stores/cashup';
import type {
  CashupHistoryRow,
  CashupInput,
  CashupVersion,
  CashupView,
  CashupZ,
} from '../../../src/shared/domain/cashup';
import { COUNTED_CURRENCIES, denominationsOf } from '../../../src/shared/domain/cashup-denominations';
import { cashupFigures } from '../../../src/shared/domain/cashup-math';
import { createFakeApi, fail, ok, sampleLocation, sampleSettings, sampleUser, type FakeApi } from '../support/fake-api';
import { mountApp, type MountedApp } from '../support/mount-app';

const Z: CashupZ = {
  locationTitle: 'SoHo',
  locationAddress: null,
  timezoneName: 'America/New_York',
  currency: 'USD',
  accounts: [
    { title: 'Cash', amount: 205_000 },
    { title: 'Card', amount: 469_500 },
  ],
  discounts: [],
  totals: { accounts: 674_500, discount: 0 },
  fetchedAt: '2026-11-22T23:02:00.000Z',
  fromCache: false,
};

function version(input: Partial<CashupInput> = {}, patch: Partial<CashupVersion> = {}): CashupVersion {
  return {
    locationId: 1,
    date: '2026-11-22',
    version: 1,
    status: 'draft',
    input: {
      countCurrency: 'USD',
      cashAccount: 'Cash',
      openingFloat: 100_000,
      pieces: {},
      cashTyped: null,
      typed: {},
      movements: [],
      note: '',
      ...input,
    },
    z: Z,
    countedBy: 'Anna Reception',
    reason: null,
    createdAt: '2026-11-22T23:00:00.000Z',
    updatedAt: '2026-11-22T23:00:00.000Z',
    lockedAt: null,
    lockedHow: null,
    ...patch,
  };
}

function viewOf(v: CashupVersion): CashupView {
  const figures = cashupFigures(v.z, v.input, 0);
  return {
    current: v,
    figures,
    versions: [
      {
        version: v.version,
        status: v.status,
        reason: v.reason,
        lockedAt: v.lockedAt,
        variance: figures.total.variance,
        countedBy: v.countedBy,
      },
    ],
    threshold: 0,
    denominations: [...denominationsOf(v.input.countCurrency)],
    currencies: [...COUNTED_CURRENCIES],
  };
}

let app: MountedApp | null = null;
afterEach(async () => {
  app?.unmount();
  app = null;
  vi.useRealTimers();
  const { setLanguage } = await import('../../../src/renderer/src/i18n');
  setLanguage('en');
});

async function open(
  v: CashupVersion,
  history: { rows: CashupHistoryRow[]; currency: string; timezoneName: string | null } = {
    rows: [],
    currency: '',
    timezoneName: null,
  },
): Promise<{ app: MountedApp; api: FakeApi }> {
  const api = createFakeApi({
    session: { current: async () => ok(sampleUser) },
    settings: { get: async () => ok(sampleSettings({ desk: { locationId: 1, paper: 'receipt58', printer: null } })) },
    catalog: { locations: async () => ok({ items: [sampleLocation({ id: 1 })], syncedAt: null }) },
    cashup: {
      open: async () => ok(viewOf(v)),
      save: async (a) => ok(viewOf({ ...v, input: a.input })),
      print: async () =>
        ok({
          printed: true,
          view: viewOf({ ...v, status: 'locked', lockedAt: '2026-11-22T23:30:00.000Z', lockedHow: 'print' }),
        }),
      html: async (a) => ok({ html: `<html><body>CASHUP-${a.paper}</body></html>` }),
      history: async () => ok(history),
    },
  });
  app = await mountApp({ api, at: '/cashup?date=2026-11-22' });
  await flushPromises();
  return { app, api };
}

const find = (a: MountedApp, sel: string) => a.wrapper.find(sel);

describe('Cash up screen', () => {
  it('opens the day from the route, with the desk paper, and shows expected per account', async () => {
    const { app, api } = await open(version());
    expect(api.cashup.open).toHaveBeenCalledWith({ locationId: 1, date: '2026-11-22' });
    expect(api.cashup.html).toHaveBeenCalledWith({ locationId: 1, date: '2026-11-22', paper: 'receipt58' });
    expect(find(app, '[data-test="line-Cash"]').text()).toContain('$205.00');
    expect(find(app, '[data-test="line-Card"]').text()).toContain('$469.50');
    expect(find(app, '[data-test="total-variance"]').text()).toBe('Not counted');
    expect(find(app, '[data-test="z-stamp"]').text()).toMatch(/Checked against the Z report fetched/);
  });

  it('counting notes updates the difference at once and saves once typing pauses', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { app, api } = await open(version());
    // $100 float + $205 cash takings = $305 expected: three $100 notes and one $1 coin is $4 short.
    // The New York location's dollars: the one money formatter, cents included, in labels as in amounts.
    await find(app, 'input[aria-label="Number of $100.00 notes"]').setValue('3');
    await find(app, 'input[aria-label="Number of $1.00 coins"]').setValue('1');
    expect(find(app, '[data-test="drawer-counted"]').text()).toBe('$301.00');
    expect(find(app, '[data-test="drawer-variance"]').text()).toBe('−$4.00 short');
    expect(find(app, '[data-test="drawer-variance"]').classes()).toContain('short');
    expect(find(app, '[data-test="note-required"]').exists()).toBe(true);
    expect(api.cashup.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    await flushPromises();
    expect(api.cashup.save).toHaveBeenCalledTimes(1);
    expect(api.cashup.save.mock.calls[0]![0].input.pieces).toEqual({ 'note:100000': 3, 'coin:1000': 1 });
    expect(find(app, '[data-test="saving"]').text()).toBe('Saved on this desk');
  });

  it('typing the card batch in local notation shows over and short with words', async () => {
    const { app } = await open(version({ pieces: { 'note:100000': 3, 'note:5000': 1 } }));
    await find(app, 'input[aria-label="Counted for Card"]').setValue('469,75');
    expect(find(app, '[data-test="line-Card"]').text()).toContain('+$0.25 over');
    expect(find(app, '[data-test="total-variance"]').text()).toBe('+$0.25 over');
  });

  it('print writes the pending change first, then shows the cash-up locked and read-only', async () => {
    const { app, api } = await open(version());
    await find(app, 'input[aria-label="Number of $100.00 notes"]').setValue('3');
    const print = app.wrapper.findAll('button').find((b) => b.text() === 'Print and lock')!;
    await print.trigger('click');
    await flushPromises();
    expect(api.cashup.save).toHaveBeenCalledTimes(1);
    expect(api.cashup.save.mock.invocationCallOrder[0]!).toBeLessThan(api.cashup.print.mock.invocationCallOrder[0]!);
    expect(api.cashup.print).toHaveBeenCalledWith({ locationId: 1, date: '2026-11-22', paper: 'receipt58' });
    expect(find(app, '[data-test="status"]').text()).toMatch(/Version 1 locked at/);
    expect(find(app, 'input[aria-label="Number of $100.00 notes"]').attributes('disabled')).toBeDefined();
    expect(app.wrapper.findAll('button').some((b) => b.text() === 'Correct this cash-up')).toBe(true);
  });

  it('paid in and paid out of nothing read "$0.00", never "−$0.00" (issue 25 item 8)', async () => {
    const { app } = await open(version());
    expect(find(app, '[data-test="paid-out"]').text()).toBe('$0.00');
    expect(find(app, '[data-test="paid-in"]').text()).toBe('$0.00');
  });

  it('says where paid-in and paid-out are typed that Altegio’s cash operations are already counted (issue 19 item 18)', async () => {
    const { app } = await open(version());
    expect(find(app, '[data-test="movements-hint"]').text()).toMatch(/already inside the cash takings/);
  });

  it('asks which account is the drawer when no title says cash (issue 19 item 16)', async () => {
    const { app } = await open(version({ cashAccount: null }));
    expect(find(app, '[data-test="pick-cash-account"]').text()).toMatch(/Pick it once/);
    const { app: guessed } = await (async () => {
      app.unmount();
      return open(version());
    })();
    expect(find(guessed, '[data-test="pick-cash-account"]').exists()).toBe(false);
  });

  it('tenge notes read in tenge when the Z report’s "$" names no currency (issue 25 item 2)', async () => {
    const almaty: CashupZ = { ...Z, timezoneName: 'Asia/Almaty', currency: '$', locationTitle: 'Almaty' };
    const { app } = await open(version({ countCurrency: 'KZT' }, { z: almaty }));
    const labels = app.wrapper.findAll('.piece .value').map((l) => l.text());
    expect(labels[0]!.replace(/[\u00a0\u202f]/g, ' ')).toBe('20 000 ₸');
    expect(labels.some((l) => l.includes('$'))).toBe(false);
  });

  it('shows the UAH legal rounding of the cash takings as its own line (issue 19 item 15)', async () => {
    const kyiv: CashupZ = {
      ...Z,
      timezoneName: 'Europe/Kyiv',
      currency: '₴',
      accounts: [
        { title: 'Cash', amount: 205_240 },
        { title: 'Card', amount: 469_500 },
      ],
    };
    const { app } = await open(version({ countCurrency: 'UAH' }, { z: kyiv }));
    expect(find(app, '[data-test="cash-rounding"]').text().replace(/[\u00a0\u202f]/g, ' ')).toBe('−0,24 ₴');
    expect(app.wrapper.text()).toContain('Cash rounding (to 0,50');
  });

  it('nothing can be typed while the count is printing (issue 21 item 4)', async () => {
    const { app, api } = await open(version());
    let release: () => void = () => undefined;
    api.cashup.print.mockImplementation(
      () =>
        new Promise((resolve) => {
          release = () =>
            resolve(
              ok({
                printed: true,
                view: viewOf({ ...version(), status: 'locked', lockedAt: '2026-11-22T23:30:00.000Z', lockedHow: 'print' }),
              }),
            );
        }),
    );
    const notes = () => find(app, 'input[aria-label="Number of $100.00 notes"]');
    expect(notes().attributes('disabled')).toBeUndefined();
    await app.wrapper.findAll('button').find((b) => b.text() === 'Print and lock')!.trigger('click');
    await flushPromises();
    expect(notes().attributes('disabled')).toBeDefined();
    expect(find(app, 'section[aria-label="Note"] textarea').attributes('disabled')).toBeDefined();
    release();
    await flushPromises();
    expect(notes().attributes('disabled')).toBeDefined(); // locked now
    expect(api.cashup.save).not.toHaveBeenCalled();
  });

  it('a difference of a thousandth reads "−$0.001 short", never "−$0.00 short" (issue 25 item 8)', async () => {
    // The Z report's cash is $205.001 (Altegio sends three decimals); the drawer holds $305.00.
    const z: CashupZ = { ...Z, accounts: [{ title: 'Cash', amount: 205_001 }, { title: 'Card', amount: 469_500 }] };
    const { app } = await open(version({ pieces: { 'note:100000': 3, 'note:5000': 1 } }, { z }));
    expect(find(app, '[data-test="drawer-variance"]').text()).toBe('−$0.001 short');
  });

  it('writes money in the location’s conventions, on the count and in the history, as the printout does', async () => {
    // A Paris salon: euros read "205,00 €" there, whatever the desk's language ("€205.00" would be English).
    const paris: CashupZ = { ...Z, timezoneName: 'Europe/Paris', currency: '€', locationTitle: 'Paris' };
    const row: CashupHistoryRow = {
      date: '2026-11-21',
      version: 1,
      status: 'locked',
      expected: 1_234_500,
      counted: 1_234_000,
      variance: -500,
      countedBy: 'Anna Reception',
      lockedAt: '2026-11-21T19:00:00.000Z',
    };
    const { app } = await open(version({ countCurrency: 'EUR' }, { z: paris }), {
      rows: [row],
      currency: '€',
      timezoneName: 'Europe/Paris',
    });
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(find(app, '[data-test="line-Cash"]').text())).toContain('205,00 €');
    expect(plain(find(app, '[data-test="line-Card"]').text())).toContain('469,50 €');
    expect(find(app, 'input[aria-label="Number of 100,00\u00a0€ notes"]').exists()).toBe(true);
    const history = plain(find(app, '.history tbody').text());
    expect(history).toContain('1 234,50 €');
    expect(history).toContain('−0,50 € short');
  });

  it("says in words when Altegio's own day total differs from the accounts' sum, as the Day report does (issue 19 item 10)", async () => {
    const { app } = await open(version({}, { z: { ...Z, totals: { accounts: 657_130, discount: 0 } } }));
    expect(find(app, 'tfoot').text()).toContain('$674.50');
    expect(find(app, '[data-test="takings-differ"]').text()).toBe(
      'Altegio’s own total for the day is $657.13; the accounts above add up to $674.50 ($17.37 more). The desk and the cash-up use the accounts’ sum.',
    );
    app.unmount();
    const same = await open(version());
    expect(find(same.app, '[data-test="takings-differ"]').exists()).toBe(false);
  });

  it('a Z report for another day is refused with a sentence in the desk language (issue 19 item 11)', async () => {
    const api = createFakeApi({
      session: { current: async () => ok(sampleUser) },
      settings: {
        get: async () =>
          ok(sampleSettings({ desk: { locationId: 1, paper: 'receipt58', printer: null, language: 'es' } })),
      },
      catalog: { locations: async () => ok({ items: [sampleLocation({ id: 1 })], syncedAt: null }) },
      cashup: {
        open: async () =>
          fail('UPSTREAM', 'Altegio sent visits from another day for 2026-11-22.', {
            reason: 'wrongDay',
            date: '2026-11-22',
            outsideDay: 3,
          }),
        history: async () => ok({ rows: [], currency: '', timezoneName: null }),
      },
    });
    app = await mountApp({ api, at: '/cashup?date=2026-11-22' });
    await flushPromises();
    const text = app.wrapper.text();
    expect(text).toContain('Altegio envió visitas de otro día para el');
    expect(text).toContain('noviembre');
    expect(text).not.toContain('Altegio sent visits');
  });
});
