import { afterEach, describe, expect, it } from 'vitest';
import type { DayReport, ReportVisit } from '../../../src/shared/domain/reports';
import type { ZSource } from '../../../src/main/services/cashup';
import { moneyFormat } from '../../../src/main/print/money';
import { LOCALE_SETTING } from '../../../src/main/services/catalog';
import { toMilli } from '../../../src/shared/domain/cashup-math';
import { dayTakings } from '../../../src/shared/domain/day-figures';
import { seedDayReport } from '../print/seed-report';
import { almatyCount, almatyReport, DAY, FakeZ, LOC, setupCashup, type CashupSetup } from './helpers';

// The cash-up's loose ends after the Day report's fixes (issue 19 §3.10–11, 21 §5, 25 §15).
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

async function counted(s: CashupSetup) {
  const view = await s.h['cashup.open'](key);
  return s.h['cashup.save']({
    ...key,
    version: view.current.version,
    input: { ...almatyCount(view.current.input), note: 'Short 500 ₸: change given twice' },
  });
}

/** Altegio's own total is 1 000 ₸ below the accounts' sum (9 996 543 ₸). */
const differing = () => almatyReport({ totals: { accounts: 9_995_543, discount: 12_345.803 } });
const tenge = moneyFormat('₸', 'Asia/Almaty');

describe('one takings total on the Day report and the cash-up (issue 19 §3.10)', () => {
  it("the cash-up checks against the Day report's total for the seed's Z report, whose two totals differ", async () => {
    const report = seedDayReport();
    expect(dayTakings(report).difference).not.toBe(0);
    const s = make({ z: new FakeZ({ ...report, visits: [], outsideDay: 0 }) });
    const view = await s.h['cashup.open']({ locationId: report.locationId, date: report.date });
    expect(view.figures.total.expected).toBe(toMilli(dayTakings(report).total));
  });

  it('the printout totals the accounts, as the Day report does, and says in words that Altegio differs', async () => {
    const s = make({ z: new FakeZ(differing()) });
    await counted(s);
    for (const paper of ['a4', 'receipt80'] as const) {
      const { html } = await s.h['cashup.html']({ ...key, paper });
      const totalRow = (m: number) => new RegExp(`Total takings</(td|span)><(td|span) class="num">${tenge(m)}<`);
      expect(html).toMatch(totalRow(9_996_543));
      expect(html).not.toMatch(totalRow(9_995_543));
      expect(html).toContain(
        `Altegio’s own total for the day is ${tenge(9_995_543)}; the accounts above add up to ${tenge(9_996_543)} (${tenge(1_000)} more).`,
      );
    }
    const ru = (await s.h['cashup.html']({ ...key, paper: 'a4', locale: 'ru' })).html;
    expect(ru).toContain(`Собственный итог Altegio за день — ${tenge(9_995_543)}`);
  });

  it('no sentence when the two totals agree', async () => {
    const s = make();
    await counted(s);
    const { html } = await s.h['cashup.html']({ ...key, paper: 'a4' });
    expect(html).not.toContain('takings-differ');
  });
});

function visitAt(at: string): ReportVisit {
  return { at, clientId: 1, clientName: 'Aigerim', clientPhone: null, masters: [], total: 100, discount: 0, paid: 100 };
}

describe('a Z report for another day is not used for the cash-up (issue 19 §3.11)', () => {
  const wrong = () => almatyReport({ visits: [visitAt('2026-03-24T10:00:00'), visitAt('2026-03-24T11:30:00')] });

  it('opening refuses it with a reason the screen can put in words, and writes nothing', async () => {
    const s = make({ z: new FakeZ(wrong()) });
    await expect(s.h['cashup.open'](key)).rejects.toMatchObject({
      code: 'UPSTREAM',
      details: { reason: 'wrongDay', date: DAY, outsideDay: 2 },
    });
    expect(s.cashup.service.history(LOC, 30).rows).toEqual([]);
  });

  it('the flag the Day report set is trusted, and a draft already started is not refreshed with it', async () => {
    const s = make();
    await counted(s);
    s.z.report = { ...almatyReport({ accounts: [{ title: 'Наличные', amount: 1 }] }), outsideDay: 3 };
    await expect(s.h['cashup.open'](key)).rejects.toMatchObject({ details: { reason: 'wrongDay' } });
    expect(s.cashup.service.existing(key).z.accounts[0]!.amount).toBe(3_456_789_000);
  });

  it('a locked day still opens as printed; its correction keeps the figures it had', async () => {
    const s = make();
    await counted(s);
    await s.h['cashup.print']({ ...key, paper: 'a4' });
    s.z.report = { ...wrong(), accounts: [{ title: 'Наличные', amount: 1 }] };
    expect((await s.h['cashup.open'](key)).current.status).toBe('locked');
    const next = await s.h['cashup.correct']({ ...key, reason: 'Recount' });
    expect(next.current.version).toBe(2);
    expect(next.current.z.accounts[0]!.amount).toBe(3_456_789_000);
  });
});

describe('saved cash-up files are named in the desk language, safe for every OS (issue 25 §15)', () => {
  it('a Russian desk saves "Сверка кассы …" and exports "Сверки кассы …", without characters Windows refuses', async () => {
    const s = make({ z: new FakeZ(almatyReport({ locationTitle: 'Beauty: Абая/10 "A"' })) });
    s.t.ctx.settings.set(LOCALE_SETTING, 'ru');
    await counted(s);
    await s.h['cashup.savePdf']({ ...key, paper: 'a4' });
    expect(s.port.saved.at(-1)!.opts.suggestedName).toBe('Сверка кассы Beauty Абая 10 A 2026-03-23 Версия 1.pdf');
    const { fileName } = await s.h['cashup.exportCsv']({ locationId: LOC, from: '2026-03-01', to: '2026-03-31' });
    expect(fileName).toBe('Сверки кассы Beauty Абая 10 A с 2026-03-01 по 2026-03-31.csv');
  });

  it("the language asked for by the print beats the desk's saved one", async () => {
    const s = make();
    await counted(s);
    await s.h['cashup.savePdf']({ ...key, paper: 'a4', locale: 'es' });
    expect(s.port.saved.at(-1)!.opts.suggestedName).toMatch(/^Arqueo de caja .* Versión 1\.pdf$/);
  });
});

/** A Z source that holds its answer until the test lets it go, as a slow Altegio does. */
class HeldZ implements ZSource {
  private waiting: (() => void)[] = [];
  held = false;
  constructor(private readonly inner: FakeZ) {}
  async dayEnd(q: { locationId: number; date?: string | undefined }): Promise<DayReport> {
    if (this.held) await new Promise<void>((r) => this.waiting.push(r));
    return this.inner.dayEnd(q);
  }
  async waitUntilAsked(n = 1): Promise<void> {
    while (this.waiting.length < n) await new Promise((r) => setTimeout(r, 1));
  }
  letGo(): void {
    for (const r of this.waiting.splice(0)) r();
  }
}

describe('who counted is the person who started, not whoever unlocks meanwhile (issue 21 §5)', () => {
  function switchable(s: CashupSetup): (name: string) => void {
    let who = 'Anna';
    (s.t.ctx as { currentUserName: () => string | null }).currentUserName = () => who;
    return (name) => (who = name);
  }

  it('a day opened by Anna while Léa unlocks before Altegio answers is counted by Anna', async () => {
    const held = new HeldZ(new FakeZ());
    const s = make({ z: held as unknown as FakeZ });
    const switchTo = switchable(s);
    held.held = true;
    const opening = s.h['cashup.open'](key);
    await held.waitUntilAsked();
    switchTo('Léa');
    held.letGo();
    expect((await opening).current.countedBy).toBe('Anna');
  });

  it("Anna's draft refreshed on open, and her correction, stay hers when Léa unlocks meanwhile", async () => {
    const held = new HeldZ(new FakeZ());
    const s = make({ z: held as unknown as FakeZ });
    const switchTo = switchable(s);
    await counted(s);
    held.held = true;
    const both = Promise.all([s.h['cashup.open'](key), s.h['cashup.open'](key)]);
    await held.waitUntilAsked(2);
    switchTo('Léa');
    held.letGo();
    await both;
    expect(s.cashup.service.existing(key).countedBy).toBe('Anna');

    switchTo('Anna');
    await s.h['cashup.print']({ ...key, paper: 'a4' });
    const correcting = s.h['cashup.correct']({ ...key, reason: 'Recount' });
    await held.waitUntilAsked();
    switchTo('Léa');
    held.letGo();
    expect((await correcting).current).toMatchObject({ version: 2, countedBy: 'Anna' });
  });
});
