import { afterEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../support/context';
import { AppError } from '../../../src/shared/errors';
import { almatyCount, almatyReport, DAY, FakeZ, LOC, setupCashup, type CashupSetup } from './helpers';

const open: CashupSetup[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.t.close();
});
function make(opts: Parameters<typeof setupCashup>[0] = {}): CashupSetup {
  const s = setupCashup(opts);
  open.push(s);
  return s;
}
const key = { locationId: LOC, date: DAY };

/** Opens the day and saves the full Almaty count. */
async function counted(s: CashupSetup, note = 'Short 500 ₸: change given twice to one client') {
  const view = await s.h['cashup.open'](key);
  return s.h['cashup.save']({
    ...key,
    version: view.current.version,
    input: { ...almatyCount(view.current.input), note },
  });
}

describe('opening a day', () => {
  it('starts a draft from the Z report: expected per account in exact milli, KZT counted by notes', async () => {
    const s = make();
    const view = await s.h['cashup.open'](key);
    expect(view.current).toMatchObject({ version: 1, status: 'draft', countedBy: 'Test Receptionist', reason: null });
    expect(view.current.z.accounts).toEqual([
      { title: 'Наличные', amount: 3_456_789_000 },
      { title: 'Kaspi терминал', amount: 6_539_754_000 },
    ]);
    expect(view.current.z.totals.discount).toBe(12_345_803);
    expect(view.current.input.countCurrency).toBe('KZT'); // "₸" names exactly one currency
    expect(view.current.input.cashAccount).toBe('Наличные');
    expect(view.denominations[0]).toEqual({ value: 20_000_000, kind: 'note' });
    expect(view.figures.missing).toEqual(['Наличные', 'Kaspi терминал']);
  });

  it('"$" is ambiguous: the total is typed until the desk picks USD, and the next day remembers it', async () => {
    const s = make({ z: new FakeZ(almatyReport({ currency: '$' })) });
    const first = await s.h['cashup.open'](key);
    expect(first.current.input.countCurrency).toBeNull();
    expect(first.denominations).toEqual([]);
    await s.h['cashup.save']({
      ...key,
      version: 1,
      input: { ...first.current.input, countCurrency: 'USD', openingFloat: 200_000 },
    });
    const next = await s.h['cashup.open']({ locationId: LOC, date: '2026-03-24' });
    expect(next.current.input.countCurrency).toBe('USD');
    expect(next.current.input.openingFloat).toBe(200_000);
  });

  it('refreshes a draft with the newest Z figures, keeping what was counted', async () => {
    const s = make();
    await counted(s);
    s.z.report = almatyReport({
      accounts: [
        { title: 'Наличные', amount: 3_457_289 },
        { title: 'Kaspi терминал', amount: 6_539_754 },
      ],
    });
    const view = await s.h['cashup.open'](key);
    expect(view.current.input.pieces['note:20000000']).toBe(175);
    expect(view.figures.drawer.variance).toBe(-1_000_000);
  });

  it('rejects a count that names an account or currency the day does not have', async () => {
    const s = make();
    const view = await s.h['cashup.open'](key);
    expect(() =>
      s.h['cashup.save']({ ...key, version: 1, input: { ...view.current.input, cashAccount: 'Wallet' } }),
    ).toThrow(/not a payment account/);
    expect(() =>
      s.h['cashup.save']({ ...key, version: 1, input: { ...view.current.input, countCurrency: 'CHF' } }),
    ).toThrow(AppError);
  });
});

describe('printing locks, corrections version', () => {
  it('will not print a count with an unexplained difference or uncounted accounts', async () => {
    const s = make();
    await s.h['cashup.open'](key);
    await expect(s.h['cashup.print']({ ...key, paper: 'a4' })).rejects.toThrow(/Count "Наличные", "Kaspi терминал"/);
    await counted(s, '');
    await expect(s.h['cashup.print']({ ...key, paper: 'a4' })).rejects.toThrow(/write a note/);
    expect(s.port.printed).toHaveLength(0);
  });

  it('a cancelled print dialog leaves the draft open; a print locks it', async () => {
    const s = make();
    await counted(s);
    s.port.answer = false;
    const cancelled = await s.h['cashup.print']({ ...key, paper: 'receipt58' });
    expect(cancelled.view.current.status).toBe('draft');
    s.port.answer = true;
    s.t.clock.set('2026-03-23T16:05:00Z');
    const done = await s.h['cashup.print']({ ...key, paper: 'receipt58' });
    expect(done.view.current).toMatchObject({
      status: 'locked',
      lockedAt: '2026-03-23T16:05:00.000Z',
      lockedHow: 'print',
    });
    expect(s.port.printed.at(-1)!.opts.paper).toBe('receipt58');
    expect(s.port.printed.at(-1)!.html).toContain('Locked');
    expect(s.port.printed.at(-1)!.html).not.toContain('DRAFT');
  });

  it('a locked version cannot be saved through the service, nor changed or deleted in SQL', async () => {
    const s = make();
    const draft = await counted(s);
    await s.h['cashup.savePdf']({ ...key, paper: 'a4' });
    expect(() =>
      s.h['cashup.save']({ ...key, version: 1, input: { ...draft.current.input, note: 'changed' } }),
    ).toThrow(/locked/);
    expect(() => s.t.db.prepare("UPDATE cashups SET input = '{}' WHERE version = 1").run()).toThrow(/locked/);
    expect(() => s.t.db.prepare('DELETE FROM cashups').run()).toThrow(/locked/);
    expect(s.cashup.service.existing(key).input.note).toContain('Short 500');
  });

  it('a correction is a new draft version with its reason; history keeps every version', async () => {
    const s = make();
    await counted(s);
    await s.h['cashup.print']({ ...key, paper: 'a4' });
    await expect(s.h['cashup.correct']({ ...key, reason: 'Found 500 ₸ under the drawer tray' })).resolves.toMatchObject(
      {
        current: { version: 2, status: 'draft', reason: 'Found 500 ₸ under the drawer tray' },
      },
    );
    const v2 = s.cashup.service.existing(key);
    expect(v2.input.pieces['note:20000000']).toBe(175); // starts from the locked count
    const fixed = await s.h['cashup.save']({
      ...key,
      version: 2,
      input: { ...v2.input, pieces: { ...v2.input.pieces, 'note:500000': 1 } },
    });
    expect(fixed.figures.total.variance).toBe(0);
    expect(() => s.h['cashup.save']({ ...key, version: 1, input: v2.input })).toThrow(/locked/);
    const printed = await s.h['cashup.print']({ ...key, paper: 'a4' });
    expect(printed.view.versions.map((v) => [v.version, v.status, v.variance])).toEqual([
      [1, 'locked', -500_000],
      [2, 'locked', 0],
    ]);
    expect(s.port.printed.at(-1)!.html).toContain('Correction of version 1. Reason: Found 500 ₸ under the drawer tray');
    // Reprinting a locked version changes nothing.
    await s.h['cashup.print']({ ...key, paper: 'a4' });
    expect(s.cashup.service.repo.versions(key)).toHaveLength(2);
  });
});

describe('drafts survive a crash', () => {
  it('a saved draft is there after the database is reopened without a clean close', async () => {
    const s = make();
    await counted(s);
    const dir = s.t.dir;
    // No close(): a crash leaves the WAL as it is. A second connection opens the same file, as a restart does.
    const again = makeTestContext({ dir });
    try {
      const { createCashupDomain } = await import('../../../src/main/services/cashup');
      const z = new FakeZ();
      z.goOffline();
      const reopened = createCashupDomain(again.ctx, { reports: z, print: s.port });
      const view = await reopened.handlers['cashup.open'](key);
      expect(view.current.status).toBe('draft');
      expect(view.current.input.note).toContain('Short 500');
      expect(view.figures.drawer.variance).toBe(-500_000);
      expect(view.current.z.fromCache).toBe(true); // no Z report reachable: the figures it kept
    } finally {
      again.close({ keep: true });
    }
  });
});

describe('offline', () => {
  it('a day never opened and no report on the desk is an OFFLINE error in words', async () => {
    const s = make();
    s.z.goOffline();
    await expect(s.h['cashup.open'](key)).rejects.toMatchObject({ code: 'OFFLINE' });
  });

  it("the Day report's cached copy is used and the printout says so", async () => {
    const s = make({ z: new FakeZ(almatyReport({ fromCache: true, fetchedAt: '2026-03-23T12:00:00.000Z' })) });
    await counted(s);
    const { html } = await s.h['cashup.html']({ ...key, paper: 'a4' });
    expect(html).toContain('Offline: Altegio could not be reached; checked against the copy fetched at');
    expect(html).toContain('copy fetched at Mar 23, 2026, 5:00 PM'); // the fetch time on Almaty's clock (UTC+5)
  });
});

describe('history and CSV', () => {
  it('lists the newest version of the last 30 days with their difference', async () => {
    const s = make();
    // 32 counted days up to the desk's today (opening a day alone writes nothing).
    for (let d = 0; d < 32; d++) {
      const date = new Date(Date.UTC(2026, 2, 23 - d)).toISOString().slice(0, 10);
      const v = await s.h['cashup.open']({ locationId: LOC, date });
      await s.h['cashup.save']({ locationId: LOC, date, version: 1, input: { ...v.current.input, openingFloat: 1000 } });
    }
    const { rows, currency, timezoneName } = await s.h['cashup.history']({ locationId: LOC });
    expect(rows).toHaveLength(30);
    expect(rows[0]!.date).toBe('2026-03-23');
    expect(rows.at(-1)!.date).toBe('2026-02-22');
    expect(currency).toBe('₸');
    expect(timezoneName).toBe('Asia/Almaty'); // the screen formats the amounts in Kazakhstan's conventions
    expect(rows[0]).toMatchObject({ status: 'draft', expected: 9_996_543_000, variance: null });
  });

  it('exports every version of a range, amounts exact, typed text defused', async () => {
    const s = make();
    await counted(s, '=HYPERLINK("x") short, see "tray"');
    await s.h['cashup.print']({ ...key, paper: 'a4' });
    await s.h['cashup.correct']({ ...key, reason: 'Recount' });
    const { csv, fileName } = await s.h['cashup.exportCsv']({ locationId: LOC, from: '2026-03-01', to: '2026-03-31' });
    expect(fileName).toBe('Cash-ups Front Desk Beauty — Алматы 2026-03-01 to 2026-03-31.csv');
    const lines = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[1]).toContain(',Наличные,3456789.00,3456289.00,-500.00,50000.00,20000.00,15000.00,');
    expect(lines[3]).toContain(',TOTAL,9996543.00,9996043.00,-500.00,');
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"") short, see ""tray"""`);
    expect(lines[4]).toMatch(/^2026-03-23,2,draft,,/);
    expect(() => s.h['cashup.exportCsv']({ locationId: LOC, from: '2026-03-31', to: '2026-03-01' })).toThrow(AppError);
  });
});
