import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import type { DayReport } from '../../../src/shared/domain/reports';
import { EMPTY_REPORT, SEED_REPORT } from './fixtures';
import { LOC, setup, type ReportsSetup } from './setup';

const open: ReportsSetup[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.t.close();
});

function make(opts: Parameters<typeof setup>[0] = {}): ReportsSetup {
  const s = setup(opts);
  open.push(s);
  return s;
}

const DAY = '2026-03-23';

describe('reports.dayEnd', () => {
  it("parses the seed report into the typed model, with the catalogue's location and who prints", async () => {
    const { t, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    const r = await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    expect(r).toMatchObject<Partial<DayReport>>({
      locationId: LOC,
      locationTitle: 'James Smith LLC',
      locationAddress: 'New York, 787 Jackson Drive',
      timezoneName: 'America/New_York',
      date: DAY,
      staffId: null,
      staffName: null,
      currency: 'USD',
      fetchedAt: t.clock.now().toISOString(),
      fromCache: false,
      printedBy: 'Test Receptionist',
    });
    expect(r.stats).toEqual({
      clients: 7,
      records: 14,
      visitRecords: 13,
      nonVisitRecords: 1,
      services: 14,
      servicesPaid: 10255,
      goods: 4,
      goodsPaid: 12452.18,
      certificates: 1,
      certificatesPaid: 9876,
      memberships: 0,
      membershipsPaid: 0,
    });
    expect(r.accounts).toEqual([
      { title: 'Cards', amount: 6987 },
      { title: 'Cash', amount: 54321.13 },
      { title: 'Location account', amount: 12531 },
    ]);
    expect(r.discounts.map((d) => d.title)).toEqual(['Advance Discount', 'Written off bonuses', 'Promotion Discount']);
    // Altegio's own totals, even where they do not add up (they do not in the documented example).
    expect(r.totals).toEqual({ accounts: 2657.13, discount: 1241.875 });
    expect(r.visits).toHaveLength(1);
    const v = r.visits[0]!;
    // z_data key 1481101200 = 2016-12-07 09:00 UTC = 04:00 in New York
    expect(v.at).toBe('2016-12-07T04:00:00-05:00');
    expect(v).toMatchObject({ clientId: 11223344, clientName: 'John Smith', clientPhone: '+13155550175' });
    expect(v.masters).toHaveLength(1);
    expect(v.masters[0]!.masterName).toBe('Robert Brown');
    expect(v.masters[0]!.operations.map((o) => [o.kind, o.title, o.firstCost, o.discount, o.resultCost])).toEqual([
      ['service', 'Highlighting from 9 strands', 3500, 0, 3500],
      ['good', 'Spray For Hair', 15, 2.25, 12.75],
      ['other', 'Other operations', 347, 0, 347],
    ]);
    expect(v.masters[0]!.operations[0]!.payments).toEqual([
      { accountsAmount: 0, loyaltyAmount: 700, paymentType: 'Card: Gold Card' },
      { accountsAmount: 0, loyaltyAmount: 100, paymentType: 'Card: Gold Card' },
      { accountsAmount: 0, loyaltyAmount: 1, paymentType: 'Card: Bonus card' },
    ]);
    expect(v.total).toBe(3859.75);
    expect(v.discount).toBe(2.25);
    expect(v.paid).toBe(1160.75); // 801 loyalty + 12.75 cash + 347 cash
  });

  it('gives an empty day as a report with no visits, zero takings per account and the symbol currency', async () => {
    const { reports } = make({ days: { [DAY]: EMPTY_REPORT() } });
    const r = await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    expect(r.visits).toEqual([]);
    expect(r.currency).toBe('₸');
    expect(r.accounts.map((a) => a.amount)).toEqual([0, 0, 0]);
    expect(r.discounts).toEqual([]);
    expect(r.stats.clients).toBe(0);
  });

  it("asks for the location's own day at 23:30 there, when the PC's clock is already on the next day", async () => {
    const { t, altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    // 23:30 EDT on 23 March = 03:30 UTC on 24 March (a PC in Berlin or on UTC says the 24th)
    t.clock.set('2026-03-24T03:30:00Z');
    const r = await reports.handlers['reports.dayEnd']({ locationId: LOC });
    expect(r.date).toBe(DAY);
    expect(altegio.calls.filter((c) => c.method === 'zReport').map((c) => c.args)).toEqual([[LOC, DAY, undefined]]);
  });

  it('passes the team member filter through and names the member', async () => {
    const { altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    const r = await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY, staffId: 321123 });
    expect(altegio.calls.find((c) => c.method === 'zReport')?.args).toEqual([LOC, DAY, 321123]);
    expect(r).toMatchObject({ staffId: 321123, staffName: 'Robert Brown' });
  });

  it('fetches the location from Altegio when the catalogue has not synced it', async () => {
    const { altegio, reports } = make({ days: { [DAY]: SEED_REPORT() }, inCatalogue: false });
    const r = await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    expect(altegio.count('company')).toBe(1);
    expect(r).toMatchObject({ locationTitle: 'James Smith LLC', timezoneName: 'America/New_York' });
  });
});

describe('reports.dayEnd offline', () => {
  it('returns the cached copy, marked with when it was fetched, when Altegio cannot be reached', async () => {
    const { t, altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    const fetchedAt = t.clock.now().toISOString();
    const online = await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });

    t.clock.advance(2 * 3_600_000);
    altegio.failOn('zReport', new AppError('OFFLINE', 'No connection to Altegio.'));
    const copy = await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    expect(copy.fromCache).toBe(true);
    expect(copy.fetchedAt).toBe(fetchedAt);
    const { fromCache: _a, ...rest } = copy;
    const { fromCache: _b, ...original } = online;
    expect(rest).toEqual(original);
  });

  it('answers from the copy without asking Altegio when the desk already knows it is offline', async () => {
    const { t, altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    await reports.handlers['reports.dayEnd']({ locationId: LOC });
    t.connectivity.online = false;
    const before = altegio.count('zReport');
    const copy = await reports.handlers['reports.dayEnd']({ locationId: LOC });
    expect(copy.fromCache).toBe(true);
    expect(altegio.count('zReport')).toBe(before);
  });

  it.each([
    ['UPSTREAM', new AppError('UPSTREAM', 'Altegio answered with an error (500).')],
    ['RATE_LIMITED', new AppError('RATE_LIMITED', 'Too many requests.')],
    ['a raw network error', new TypeError('fetch failed')],
  ])('falls back to the copy on %s', async (_name, error) => {
    const { altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    altegio.failOn('zReport', error);
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY })).resolves.toMatchObject({
      fromCache: true,
    });
  });

  it('says clearly that the day was never fetched on this desk when offline with no copy', async () => {
    const { altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    altegio.failOn('zReport', new AppError('OFFLINE', 'No connection to Altegio.'));
    const err = await Promise.resolve()
      .then(() => reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('OFFLINE');
    expect((err as AppError).message).toMatch(/no connection/i);
    expect((err as AppError).message).toMatch(/never fetched on this desk/);
  });

  it('turns a raw network failure without a copy into the same OFFLINE sentence', async () => {
    const { altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    altegio.failOn('zReport', new TypeError('fetch failed'));
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY })).rejects.toMatchObject({
      code: 'OFFLINE',
    });
  });

  it("keeps Altegio's UPSTREAM error when there is no copy (the connection is fine, Altegio is not)", async () => {
    const { altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    altegio.failOn('zReport', new AppError('UPSTREAM', 'Altegio answered with an error (500).'));
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY })).rejects.toMatchObject({
      code: 'UPSTREAM',
      message: 'Altegio answered with an error (500).',
    });
  });

  it("finds the offline copy of 'today' for a location the catalogue lacks, by the timezone the copy recorded", async () => {
    const { t, altegio, reports } = make({ days: { [DAY]: SEED_REPORT() }, inCatalogue: false });
    t.clock.set('2026-03-24T03:30:00Z'); // still the 23rd in New York
    await reports.handlers['reports.dayEnd']({ locationId: LOC });
    altegio.failOn('company', new AppError('OFFLINE', 'No connection to Altegio.'));
    altegio.failOn('zReport', new AppError('OFFLINE', 'No connection to Altegio.'));
    const copy = await reports.handlers['reports.dayEnd']({ locationId: LOC });
    expect(copy).toMatchObject({ fromCache: true, date: DAY });
  });

  it('keeps copies per team member: the whole-location copy does not answer for one member', async () => {
    const { altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    altegio.failOn('zReport', new AppError('OFFLINE', 'No connection to Altegio.'));
    await expect(
      reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY, staffId: 321123 }),
    ).rejects.toMatchObject({ code: 'OFFLINE' });
  });

  it('survives a restart: the copy is in SQLite', async () => {
    const first = make({ days: { [DAY]: SEED_REPORT() } });
    await first.reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    first.t.close({ keep: true });
    const again = make({ days: {}, dir: first.t.dir });
    again.altegio.failOn('zReport', new AppError('OFFLINE', 'No connection to Altegio.'));
    const copy = await again.reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    expect(copy.fromCache).toBe(true);
    expect(copy.visits[0]?.clientName).toBe('John Smith');
  });
});

describe('reports.dayEnd errors that are answers', () => {
  it("passes FORBIDDEN through with Altegio's message, even when a copy exists", async () => {
    const { altegio, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    await reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY });
    const message = 'It is necessary to renew the license in the branch with id: 37532';
    altegio.failOn('zReport', new AppError('FORBIDDEN', message));
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message,
    });
  });

  it('lets a bug in building the report surface instead of passing it off as a lost connection', async () => {
    const broken = SEED_REPORT();
    (broken.entries[0] as { masters: unknown }).masters = null;
    const { reports } = make({ days: { [DAY]: broken } });
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY })).rejects.toBeInstanceOf(TypeError);
  });

  it('passes AUTH_REQUIRED through when nobody is signed in', async () => {
    const { t, reports } = make({ days: { [DAY]: SEED_REPORT() } });
    t.setAltegio(null);
    await expect(reports.handlers['reports.dayEnd']({ locationId: LOC, date: DAY })).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
    });
  });
});
