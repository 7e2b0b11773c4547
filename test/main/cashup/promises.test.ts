import { afterEach, describe, expect, it } from 'vitest';
import type { PrintPort } from '../../../src/main/print/port';
import { createCashupDomain } from '../../../src/main/services/cashup';
import type { CashupInput } from '../../../src/shared/domain/cashup';
import { AppError } from '../../../src/shared/errors';
import { cashupInput } from '../../../src/shared/contract/cashup';
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

async function counted(s: CashupSetup, note = 'Short 500 ₸: change given twice') {
  const view = await s.h['cashup.open'](key);
  return s.h['cashup.save']({ ...key, version: view.current.version, input: { ...almatyCount(view.current.input), note } });
}

/** A print port whose dialog stays open until the test closes it. */
class SlowPort implements PrintPort {
  printed: string[] = [];
  private release: ((ok: boolean) => void)[] = [];
  async printers() {
    return [];
  }
  print(html: string): Promise<boolean> {
    this.printed.push(html);
    return new Promise((r) => this.release.push(r));
  }
  savePdf(html: string): Promise<string | null> {
    this.printed.push(html);
    return new Promise((r) => this.release.push((ok) => r(ok ? '/tmp/x.pdf' : null)));
  }
  finish(ok = true): void {
    for (const r of this.release.splice(0)) r(ok);
  }
}

describe('print ∥ save: the paper and the record agree (issue 21 item 4)', () => {
  for (const [channel, label] of [
    ['cashup.print', 'print'],
    ['cashup.savePdf', 'PDF'],
  ] as const) {
    it(`a save that arrives while the ${label} is on its way is refused in words, and the printed version is locked as printed`, async () => {
      const s = make();
      const draft = await counted(s);
      const port = new SlowPort();
      const domain = createCashupDomain(s.t.ctx, { reports: s.z, print: port });
      const h = domain.handlers;
      for (let trial = 0; trial < 3; trial++) {
        const day = { locationId: LOC, date: `2026-03-1${trial}` };
        const v = await h['cashup.open'](day);
        await h['cashup.save']({ ...day, version: v.current.version, input: { ...almatyCount(v.current.input), note: 'printed note' } });
        const printing = h[channel]({ ...day, paper: 'a4' });
        const saves = await Promise.allSettled([
          Promise.resolve().then(() =>
            h['cashup.save']({ ...day, version: 1, input: { ...almatyCount(draft.current.input), note: 'later note' } }),
          ),
        ]);
        port.finish(true);
        const done = await printing;
        expect(saves[0]!.status).toBe('rejected');
        const err = (saves[0] as PromiseRejectedResult).reason as AppError;
        expect(err).toBeInstanceOf(AppError);
        expect(err.code).toBe('INVALID_INPUT');
        expect(err.message).toMatch(/being printed/);
        const stored = domain.service.existing(day);
        expect(done.view.current).toMatchObject({ version: 1, status: 'locked' });
        expect(stored.status).toBe('locked');
        expect(stored.input.note).toBe('printed note');
        expect(port.printed.at(-1)).toContain('printed note');
        // After the paper, a save is refused with the sentence that says how to change it.
        expect(() =>
          h['cashup.save']({ ...day, version: 1, input: { ...stored.input, note: 'after' } }),
        ).toThrow(/Make a correction/);
      }
    });
  }

  it('a cancelled print leaves the draft open for the next save', async () => {
    const s = make();
    await counted(s);
    const port = new SlowPort();
    const domain = createCashupDomain(s.t.ctx, { reports: s.z, print: port });
    const printing = domain.handlers['cashup.print']({ ...key, paper: 'a4' });
    await expect(Promise.resolve().then(() => domain.handlers['cashup.print']({ ...key, paper: 'a4' }))).rejects.toThrow(
      /being printed/,
    );
    port.finish(false);
    expect((await printing).printed).toBe(false);
    const v = domain.service.existing(key);
    const saved = (await domain.handlers['cashup.save']({ ...key, version: 1, input: { ...v.input, note: 'recounted' } }))
      .current;
    expect(saved.input.note).toBe('recounted');
  });
});

describe('bounds (issue 21 item 7)', () => {
  const MAX = Number.MAX_SAFE_INTEGER;
  async function base(s: CashupSetup): Promise<CashupInput> {
    return (await s.h['cashup.open'](key)).current.input;
  }
  function refused(fn: () => unknown): AppError {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('INVALID_INPUT');
      return e as AppError;
    }
    throw new Error('accepted');
  }

  it('the maximal float is refused in words, not INTERNAL', async () => {
    const s = make();
    const input = await base(s);
    const e = refused(() => s.h['cashup.save']({ ...key, version: 1, input: { ...input, openingFloat: MAX } }));
    expect(e.message).toMatch(/drawer/);
  });

  it('200 maximal paid-in lines are refused in words, not INTERNAL', async () => {
    const s = make();
    const input = await base(s);
    const movements = Array.from({ length: 200 }, () => ({ kind: 'in' as const, amount: MAX, reason: 'x' }));
    refused(() => s.h['cashup.save']({ ...key, version: 1, input: { ...input, movements } }));
  });

  it('amounts that each fit but sum past a drawer are refused (no sum loses a thousandth)', async () => {
    const s = make();
    const input = await base(s);
    const movements = Array.from({ length: 200 }, () => ({ kind: 'in' as const, amount: 1e13, reason: 'x' }));
    refused(() => s.h['cashup.save']({ ...key, version: 1, input: { ...input, movements } }));
    refused(() =>
      s.h['cashup.save']({
        ...key,
        version: 1,
        input: { ...input, openingFloat: 1e13, movements: [{ kind: 'in', amount: 1, reason: 'change' }] },
      }),
    );
  });

  it('only the chosen currency’s notes and coins are accepted: 20,000 junk keys are refused', async () => {
    const s = make();
    const input = await base(s);
    const junk: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) junk[`coin:${i}`] = 1;
    expect(cashupInput.safeParse({ ...input, pieces: junk }).success).toBe(false);
    refused(() => s.h['cashup.save']({ ...key, version: 1, input: { ...input, pieces: { 'coin:7': 1 } } }));
    refused(() => s.h['cashup.save']({ ...key, version: 1, input: { ...input, pieces: { 'note:100000': 1 } } })); // a $100 note in KZT
    refused(() =>
      s.h['cashup.save']({ ...key, version: 1, input: { ...input, countCurrency: null, pieces: { 'note:20000000': 1 } } }),
    );
    refused(() => s.h['cashup.save']({ ...key, version: 1, input: { ...input, typed: { Wallet: 1000 } } }));
    const ok = await s.h['cashup.save']({ ...key, version: 1, input: { ...input, pieces: { 'note:20000000': 3 } } });
    expect(ok.figures.drawer.counted).toBe(60_000_000);
  });
});

describe('opening a day writes nothing (issue 25 item 5)', () => {
  it('open creates no row; the first change saves version 1', async () => {
    const s = make();
    const view = await s.h['cashup.open'](key);
    expect(view.current).toMatchObject({ version: 1, status: 'draft' });
    expect(s.cashup.service.repo.versions(key)).toHaveLength(0);
    expect((await s.h['cashup.history']({ locationId: LOC })).rows).toHaveLength(0);
    expect((await s.h['cashup.html']({ ...key, paper: 'a4' })).html).toContain('DRAFT');
    await s.h['cashup.setThreshold']({ ...key, threshold: 1000 });
    expect(s.cashup.service.repo.versions(key)).toHaveLength(0);
    await s.h['cashup.save']({ ...key, version: 1, input: { ...view.current.input, openingFloat: 5000 } });
    expect(s.cashup.service.repo.versions(key)).toHaveLength(1);
    expect((await s.h['cashup.history']({ locationId: LOC })).rows).toHaveLength(1);
  });

  it('a future day can be looked at but not counted, and never shows in history or CSV', async () => {
    const s = make(); // the test clock says 2026-03-23 in Almaty
    const future = { locationId: LOC, date: '2026-03-25' };
    const view = await s.h['cashup.open'](future);
    expect(() => s.h['cashup.save']({ ...future, version: 1, input: { ...view.current.input, openingFloat: 1000 } })).toThrow(
      /not come yet/,
    );
    expect((await s.h['cashup.history']({ locationId: LOC })).rows).toHaveLength(0);
    const { csv } = await s.h['cashup.exportCsv']({ locationId: LOC, from: '2026-03-01', to: '2026-03-31' });
    expect(csv.replace(/^\ufeff/, '').trimEnd().split('\r\n')).toHaveLength(1);
  });
});

describe('future drafts an older desk wrote (issue 25 item 5)', () => {
  it('stay out of the history and the CSV', async () => {
    const s = make();
    await counted(s);
    const v = s.cashup.service.existing(key);
    // What opening 25 March wrote before this fix: a draft row for a day that has not come yet.
    s.cashup.service.repo.insertDraft(
      { locationId: LOC, date: '2026-03-25' },
      { input: v.input, z: v.z, countedBy: null, reason: null, totals: { expected: 0, counted: null, variance: null }, now: 'x' },
    );
    const { rows } = await s.h['cashup.history']({ locationId: LOC });
    expect(rows.map((r) => r.date)).toEqual([DAY]);
    const { csv } = await s.h['cashup.exportCsv']({ locationId: LOC, from: '2026-03-01', to: '2026-03-31' });
    expect(csv).not.toContain('2026-03-25');
    expect(csv).toContain(DAY);
  });
});

describe('opening the day while it prints (issue 21 item 4)', () => {
  it('does not refresh the draft under the print, so the printed version still locks', async () => {
    const s = make();
    await counted(s);
    const port = new SlowPort();
    const domain = createCashupDomain(s.t.ctx, { reports: s.z, print: port });
    const printing = domain.handlers['cashup.print']({ ...key, paper: 'a4' });
    s.t.clock.advance(1000);
    s.z.report = almatyReport({ accounts: [{ title: 'Наличные', amount: 1 }, { title: 'Kaspi терминал', amount: 2 }] });
    await domain.handlers['cashup.open'](key);
    port.finish(true);
    expect((await printing).view.current.status).toBe('locked');
    expect(domain.service.existing(key).z.accounts[0]!.amount).toBe(3_456_789_000);
  });
});

describe('a correction starts from a clean note (issue 25 item 4)', () => {
  it('version 2 does not carry version 1’s note', async () => {
    const s = make();
    await counted(s, 'Short 500 ₸');
    await s.h['cashup.print']({ ...key, paper: 'a4' });
    const v2 = await s.h['cashup.correct']({ ...key, reason: 'Found 500 ₸ under the tray' });
    expect(v2.current.input.note).toBe('');
    const fixed = await s.h['cashup.save']({
      ...key,
      version: 2,
      input: { ...v2.current.input, pieces: { ...v2.current.input.pieces, 'note:500000': 1 } },
    });
    expect(fixed.figures.total.variance).toBe(0);
    expect(fixed.figures.noteRequired).toBe(false);
    await s.h['cashup.print']({ ...key, paper: 'a4' });
    expect(s.port.printed.at(-1)!.html).not.toContain('Short 500 ₸');
  });
});

describe('the cash account and the currency (issue 19 items 16, 17)', () => {
  for (const title of ['Основная касса', 'Каса', 'Caixa', 'Efectivo', 'Готівка', 'Наличные', 'Cash drawer', 'Dinheiro']) {
    it(`"${title}" is recognised as the drawer, not the card terminal`, async () => {
      const s = make({
        z: new FakeZ(
          almatyReport({
            accounts: [
              { title: 'Безналичный расчёт', amount: 100 },
              { title: 'Kaspi терминал', amount: 200 },
              { title, amount: 300 },
            ],
          }),
        ),
      });
      expect((await s.h['cashup.open'](key)).current.input.cashAccount).toBe(title);
    });
  }

  it('no recognisable title: the desk is asked once and the choice is remembered for the location', async () => {
    const s = make({
      z: new FakeZ(almatyReport({ accounts: [{ title: 'Сейф', amount: 100 }, { title: 'Kaspi', amount: 200 }] })),
    });
    const first = await s.h['cashup.open'](key);
    expect(first.current.input.cashAccount).toBeNull();
    await s.h['cashup.save']({ ...key, version: 1, input: { ...first.current.input, cashAccount: 'Сейф' } });
    const next = await s.h['cashup.open']({ locationId: LOC, date: '2026-03-20' });
    expect(next.current.input.cashAccount).toBe('Сейф');
    const other = await s.h['cashup.open']({ locationId: LOC + 1, date: '2026-03-20' });
    expect(other.current.input.cashAccount).toBeNull();
  });

  it('"$" is read with the location’s country: USD in New York, MXN in Mexico City, notes counted', async () => {
    const ny = make({ z: new FakeZ(almatyReport({ currency: '$', timezoneName: 'America/New_York' })) });
    const v = await ny.h['cashup.open'](key);
    expect(v.current.input.countCurrency).toBe('USD');
    expect(v.denominations[0]).toEqual({ value: 100_000, kind: 'note' });
    expect(v.currencies).toEqual(['USD']);
    const mx = make({ z: new FakeZ(almatyReport({ currency: '$', timezoneName: 'America/Mexico_City' })) });
    expect((await mx.h['cashup.open'](key)).current.input.countCurrency).toBe('MXN');
  });

  it('tenge notes are never counted under a New York Z report (issue 25 item 2)', async () => {
    const s = make({ z: new FakeZ(almatyReport({ currency: '$', timezoneName: 'America/New_York' })) });
    const v = await s.h['cashup.open'](key);
    expect(() => s.h['cashup.save']({ ...key, version: 1, input: { ...v.current.input, countCurrency: 'KZT' } })).toThrow(
      /USD/,
    );
  });
});
