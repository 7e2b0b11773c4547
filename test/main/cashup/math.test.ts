import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CashupInput, CashupZ } from '../../../src/shared/domain/cashup';
import { COUNTED_CURRENCIES, denominationsOf, pieceKey } from '../../../src/shared/domain/cashup-denominations';
import {
  cashupFigures,
  drawerCount,
  emptyInput,
  guessCashAccount,
  parseAmount,
  toMilli,
} from '../../../src/shared/domain/cashup-math';
import { zOf } from '../../../src/main/services/cashup';
import { almatyCount, almatyReport } from './helpers';

function z(accounts: { title: string; amount: number }[], currency = '₸'): CashupZ {
  return {
    locationTitle: 'X',
    locationAddress: null,
    timezoneName: 'UTC',
    currency,
    accounts,
    discounts: [],
    totals: { accounts: accounts.reduce((s, a) => s + a.amount, 0), discount: 0 },
    fetchedAt: '2026-03-23T00:00:00Z',
    fromCache: false,
  };
}

describe('money in milli', () => {
  it('holds Z report amounts exactly, three-decimal discounts included', () => {
    expect(toMilli(12_345.678)).toBe(12_345_678);
    expect(toMilli(0.125)).toBe(125);
    expect(toMilli(0.1 + 0.2)).toBe(300); // float noise is rounded away, not carried
    expect(toMilli(3_456_789.99)).toBe(3_456_789_990);
    expect(toMilli(-0.0001)).toBe(0);
    expect(Object.is(toMilli(-0.0001), -0)).toBe(false);
    expect(() => toMilli(1e16)).toThrow(RangeError);
  });

  it('keeps the KZT day of millions exact, and the RUB kopecks', () => {
    const zk = zOf(almatyReport());
    expect(zk.totals.discount).toBe(12_345_803);
    expect(zk.discounts.map((d) => d.amount)).toEqual([12_345_678, 125]);
    expect(zk.discounts[0]!.amount + zk.discounts[1]!.amount).toBe(zk.totals.discount);
    // Summing the same kind of amounts as floats drifts; in milli it does not.
    const parts = [1_234_567.891, 2_345_678.912, 0.111, 0.222, 0.333];
    expect(parts.reduce((s, x) => s + x, 0)).not.toBe(3_580_247.469);
    expect(parts.map(toMilli).reduce((s, x) => s + x, 0)).toBe(3_580_247_469);
    expect(toMilli(1.005)).toBe(1005); // 1.005 * 1000 is 1004.999… in floats

    const rub = z(
      [
        { title: 'Наличные', amount: toMilli(1_234_567.89) },
        { title: 'Карта', amount: toMilli(8_765_432.11) },
      ],
      'RUB',
    );
    const f = cashupFigures(
      rub,
      {
        ...emptyInput(rub, { countCurrency: null, openingFloat: 0 }),
        cashTyped: toMilli(1_234_567.9),
        typed: { Карта: toMilli(8_765_432.1) },
      },
      0,
    );
    expect(f.total.expected).toBe(10_000_000_000);
    expect(f.lines.map((l) => l.variance)).toEqual([10, -10]);
    expect(f.total.variance).toBe(0);
  });

  it('reads what a receptionist types, in either notation', () => {
    expect(parseAmount('1 234,50')).toBe(1_234_500);
    expect(parseAmount('1,234.50')).toBe(1_234_500);
    expect(parseAmount('1.234,5')).toBe(1_234_500);
    expect(parseAmount('3 456 789')).toBe(3_456_789_000);
    expect(parseAmount('1,500')).toBe(1_500_000);
    expect(parseAmount('0,500')).toBe(500);
    expect(parseAmount('12.5')).toBe(12_500);
    expect(parseAmount('-20')).toBe(-20_000);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('12a')).toBeNull();
    expect(parseAmount('1.2345')).toBeNull();
  });
});

describe('variance arithmetic', () => {
  it('the Almaty day: 500 ₸ short in the drawer, the terminal exact', () => {
    const zk = zOf(almatyReport());
    const f = cashupFigures(zk, almatyCount(emptyInput(zk, { countCurrency: 'KZT', openingFloat: 0 })), 0);
    expect(f.drawer.expected).toBe(3_511_789_000);
    expect(f.drawer.counted).toBe(3_511_289_000);
    expect(f.drawer.variance).toBe(-500_000);
    expect(f.lines.map((l) => [l.title, l.variance])).toEqual([
      ['Наличные', -500_000],
      ['Kaspi терминал', 0],
    ]);
    expect(f.total).toEqual({ expected: 9_996_543_000, counted: 9_996_043_000, variance: -500_000 });
    expect(f.noteRequired).toBe(true);
  });

  const amount = fc.integer({ min: 0, max: 50_000_000_000_000 }); // up to 50 billion units, in milli
  const accounts = fc.uniqueArray(fc.record({ title: fc.string({ minLength: 1, maxLength: 12 }), amount }), {
    minLength: 1,
    maxLength: 6,
    selector: (a) => a.title,
  });

  it('total variance is counted minus expected, and the sum of the lines, for any count (exact, checked with BigInt)', () => {
    fc.assert(
      fc.property(
        accounts,
        fc.nat({ max: 5 }),
        fc.constantFrom(...COUNTED_CURRENCIES, null),
        fc.array(fc.nat({ max: 5000 }), { minLength: 20, maxLength: 20 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom('in' as const, 'out' as const),
            amount: fc.integer({ min: 0, max: 1e12 }),
            reason: fc.constant('r'),
          }),
          { maxLength: 4 },
        ),
        fc.array(fc.option(amount, { nil: null }), { minLength: 6, maxLength: 6 }),
        (accs, cashIndex, currency, counts, float, movements, typed) => {
          const zz = z(accs);
          const cashAccount = accs[cashIndex]?.title ?? null;
          const table = denominationsOf(currency);
          const input: CashupInput = {
            countCurrency: currency,
            cashAccount,
            openingFloat: float,
            pieces: Object.fromEntries(table.map((d, i) => [pieceKey(d), counts[i]!])),
            cashTyped: table.length === 0 ? counts[0]! * 1000 : null,
            typed: Object.fromEntries(accs.map((a, i) => [a.title, typed[i] ?? null])),
            movements,
            note: '',
          };
          const f = cashupFigures(zz, input, 0);
          const big = (n: number) => BigInt(n);
          const drawer =
            table.length === 0
              ? big(counts[0]!) * 1000n
              : table.reduce((s, d, i) => s + big(d.value) * big(counts[i]!), 0n);
          expect(big(drawerCount(input)!)).toBe(drawer);
          const ins = movements.filter((m) => m.kind === 'in').reduce((s, m) => s + big(m.amount), 0n);
          const outs = movements.filter((m) => m.kind === 'out').reduce((s, m) => s + big(m.amount), 0n);
          const cashExpected = big(accs.find((a) => a.title === cashAccount)?.amount ?? 0);
          expect(big(f.drawer.variance!)).toBe(drawer - (big(float) + cashExpected + ins - outs));
          expect(big(f.total.expected)).toBe(accs.reduce((s, a) => s + big(a.amount), 0n));
          if (f.missing.length === 0) {
            expect(f.total.variance).toBe(f.total.counted! - f.total.expected);
            expect(big(f.total.variance!)).toBe(f.lines.reduce((s, l) => s + big(l.variance!), 0n));
          } else {
            expect(f.total.variance).toBeNull();
          }
          for (const v of [f.total.expected, f.drawer.variance, f.total.variance]) {
            if (v !== null) expect(Number.isSafeInteger(v)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('one more piece in the drawer moves the difference by exactly its value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COUNTED_CURRENCIES),
        fc.nat({ max: 20 }),
        fc.nat({ max: 100_000 }),
        (cur, i, n) => {
          const table = denominationsOf(cur);
          const d = table[i % table.length]!;
          const zz = z([{ title: 'Cash', amount: 123_456_789 }]);
          const base: CashupInput = {
            ...emptyInput(zz, { countCurrency: cur, openingFloat: 0 }),
            pieces: { [pieceKey(d)]: n },
          };
          const more: CashupInput = { ...base, pieces: { [pieceKey(d)]: n + 1 } };
          expect(cashupFigures(zz, more, 0).drawer.variance! - cashupFigures(zz, base, 0).drawer.variance!).toBe(
            d.value,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('asks for a note only above the threshold, either way', () => {
    const zz = z([{ title: 'Cash', amount: 100_000 }]);
    const input = (typedCash: number, note = ''): CashupInput => ({
      ...emptyInput(zz, { countCurrency: null, openingFloat: 0 }),
      cashTyped: typedCash,
      note,
    });
    expect(cashupFigures(zz, input(101_000), 1000).noteRequired).toBe(false); // exactly at the threshold
    expect(cashupFigures(zz, input(101_001), 1000).noteRequired).toBe(true);
    expect(cashupFigures(zz, input(98_999), 1000).noteRequired).toBe(true);
    expect(cashupFigures(zz, input(98_999, 'Gave change twice'), 1000).noteRequired).toBe(false);
    expect(cashupFigures(zz, input(98_999, '   '), 1000).noteRequired).toBe(true);
  });

  it('a Z report without cash sales still has a drawer line to count', () => {
    const zz = z([{ title: 'Card', amount: 5000 }]);
    const f = cashupFigures(
      zz,
      { ...emptyInput(zz, { countCurrency: null, openingFloat: 10_000 }), cashTyped: 10_000, typed: { Card: 5000 } },
      0,
    );
    expect(f.lines[0]).toMatchObject({ title: '', cash: true, expected: 0, counted: 0, variance: 0 });
    expect(f.total.variance).toBe(0);
  });
});

describe('denominations', () => {
  it.each(['USD', 'EUR', 'RUB', 'UAH', 'KZT', 'BRL', 'MXN', 'GBP'])(
    '%s has notes and coins, largest first, distinct keys',
    (cur) => {
      const table = denominationsOf(cur);
      expect(table.some((d) => d.kind === 'note')).toBe(true);
      expect(table.some((d) => d.kind === 'coin')).toBe(true);
      const notes = table.filter((d) => d.kind === 'note').map((d) => d.value);
      const coins = table.filter((d) => d.kind === 'coin').map((d) => d.value);
      expect(notes).toEqual([...notes].sort((a, b) => b - a));
      expect(coins).toEqual([...coins].sort((a, b) => b - a));
      expect(new Set(table.map(pieceKey)).size).toBe(table.length);
      for (const d of table) expect(Number.isSafeInteger(d.value) && d.value > 0).toBe(true);
    },
  );

  it('knows the tenge and rouble notes a drawer holds, and the cent coins', () => {
    expect(
      denominationsOf('KZT')
        .filter((d) => d.kind === 'note')
        .map((d) => d.value / 1000),
    ).toEqual([20000, 10000, 5000, 2000, 1000, 500, 200]);
    expect(denominationsOf('RUB')[0]!.value).toBe(5_000_000);
    expect(denominationsOf('usd').at(-1)).toEqual({ value: 10, kind: 'coin' });
  });

  it('other currencies fall back to typing the total', () => {
    expect(denominationsOf('CHF')).toEqual([]);
    expect(denominationsOf(null)).toEqual([]);
    const zz = z([{ title: 'Cash', amount: 1000 }], 'CHF');
    const input = {
      ...emptyInput(zz, { countCurrency: null, openingFloat: 0 }),
      pieces: { 'note:1000': 5 },
      cashTyped: 1000,
    };
    expect(drawerCount(input)).toBe(1000); // pieces of an unknown table are ignored
  });

  it('guesses the cash account from its title in the desk languages', () => {
    expect(guessCashAccount(['Card', 'Cash'])).toBe('Cash');
    expect(guessCashAccount(['Карта', 'Наличные'])).toBe('Наличные');
    expect(guessCashAccount(['Готівка', 'Картка'])).toBe('Готівка');
    expect(guessCashAccount(['Card', 'Transfer'])).toBeNull();
  });
});

describe('real drawers (issue 19 item 15)', () => {
  it('a rouble day with kopecks balances: 10 and 50 kopeck coins (and 1, 5) are counted', () => {
    const zz = z([{ title: 'Наличные', amount: toMilli(1234.65) }], 'RUB');
    const stacked: Record<string, number> = {};
    let left = zz.accounts[0]!.amount;
    for (const d of denominationsOf('RUB')) {
      const n = Math.floor(left / d.value);
      if (n > 0) stacked[pieceKey(d)] = n;
      left -= n * d.value;
    }
    expect(left).toBe(0);
    expect(stacked['coin:500']).toBe(1);
    expect(stacked['coin:100']).toBe(1);
    const input = { ...emptyInput(zz, { countCurrency: 'RUB', openingFloat: 0 }), pieces: stacked };
    const f = cashupFigures(zz, input, 0);
    expect(f.drawer.variance).toBe(0);
    expect(f.noteRequired).toBe(false);
    expect(denominationsOf('RUB').map((d) => `${d.kind}:${d.value / 1000}`)).toEqual(
      expect.arrayContaining(['coin:0.5', 'coin:0.1', 'coin:0.05', 'coin:0.01', 'note:5', 'note:10']),
    );
  });

  it('MXN has its 10¢, 20¢ (and 5¢) coins; KZT its 200 ₸ note; BRL its 1 centavo', () => {
    const coinsOf = (c: string) => denominationsOf(c).filter((d) => d.kind === 'coin').map((d) => d.value / 1000);
    expect(coinsOf('MXN')).toEqual([20, 10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05]);
    expect(denominationsOf('KZT').filter((d) => d.kind === 'note').map((d) => d.value / 1000)).toContain(200);
    expect(coinsOf('BRL')).toContain(0.01);
  });

  it('UAH cash takings are rounded to 0.50 ₴ by law, and the rounding is a figure of its own', () => {
    const cases: [number, number][] = [
      [100.24, 100],
      [100.25, 100.5],
      [100.49, 100.5],
      [100.51, 100.5],
      [100.74, 100.5],
      [100.75, 101],
      [100.5, 100.5],
    ];
    for (const [amount, rounded] of cases) {
      const zz = { ...z([{ title: 'Готівка', amount: toMilli(amount) }, { title: 'Картка', amount: toMilli(10.37) }], '₴'), timezoneName: 'Europe/Kyiv' };
      const input = { ...emptyInput(zz, { countCurrency: 'UAH', openingFloat: 0 }), cashTyped: toMilli(rounded) };
      const f = cashupFigures(zz, { ...input, countCurrency: null }, 0);
      expect(f.drawer.takings, String(amount)).toBe(toMilli(rounded));
      expect(f.drawer.rounding, String(amount)).toBe(toMilli(rounded) - toMilli(amount));
      expect(f.drawer.roundedTo).toBe(500);
      expect(f.drawer.variance, String(amount)).toBe(0);
      expect(f.lines[0]!.variance).toBe(0);
      // The card is paid to the kopiyka: not rounded.
      expect(f.lines[1]!.expected).toBe(10_370);
    }
  });

  it('other currencies are not rounded', () => {
    const zz = z([{ title: 'Cash', amount: toMilli(100.37) }], 'USD');
    const f = cashupFigures(zz, emptyInput(zz, { countCurrency: 'USD', openingFloat: 0 }), 0);
    expect(f.drawer).toMatchObject({ takings: 100_370, rounding: 0, roundedTo: null });
  });
});
