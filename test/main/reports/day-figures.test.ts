import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/main/print/report-html';
import { toDayReport } from '../../../src/main/services/reports';
import { moneyFormat } from '../../../src/shared/format/money';
import { dayTakings, usableForCashup, visitsOutsideDay } from '../../../src/shared/domain/day-figures';
import { SEED_REPORT } from './fixtures';
import { NEW_YORK } from './setup';

describe('the day’s figures, one definition for screen, paper and cash-up (issue 19 §3.10–11)', () => {
  it('takings are the accounts’ sum; Altegio’s own total and the difference are kept to be explained', () => {
    const r = toDayReport(SEED_REPORT(), NEW_YORK, { date: '2016-12-07', staffId: null });
    const sum = r.accounts.reduce((s, a) => s + Math.round(a.amount * 100), 0) / 100;
    const k = dayTakings(r);
    expect(k.total).toBe(sum);
    expect(k.altegioTotal).toBe(2657.13);
    expect(k.difference).toBe(Math.round((sum - 2657.13) * 100) / 100);
    expect(
      dayTakings({
        accounts: [
          { title: 'Cash', amount: 0.1 },
          { title: 'Card', amount: 0.2 },
        ],
        totals: { accounts: 0.3, discount: 0 },
      }).difference,
    ).toBe(0);
  });

  it('a report asked for one day whose visits are on another is flagged and not usable for the cash-up', () => {
    // The seed's one visit is at 2016-12-07 04:00 in New York.
    const right = toDayReport(SEED_REPORT(), NEW_YORK, { date: '2016-12-07', staffId: null });
    expect(right.outsideDay).toBe(0);
    expect(usableForCashup(right)).toBe(true);
    const wrong = toDayReport(SEED_REPORT(), NEW_YORK, { date: '2016-12-06', staffId: null });
    expect(wrong.outsideDay).toBe(1);
    expect(usableForCashup(wrong)).toBe(false);
    // A report cached before the flag existed is judged from its visits.
    const { outsideDay: _gone, ...old } = wrong;
    expect(visitsOutsideDay(old)).toBe(1);
    expect(usableForCashup(old)).toBe(false);
  });

  it('the paper’s takings total is the same one the screen shows', () => {
    const r = toDayReport(SEED_REPORT(), NEW_YORK, { date: '2016-12-07', staffId: null });
    const html = renderReportHtml(
      { ...r, fetchedAt: '2016-12-07T20:00:00Z', fromCache: false, printedBy: null },
      { paper: 'a4', locale: 'en' },
    );
    const total = /class="total grand"><td>[^<]*<\/td><td class="num">([^<]*)</.exec(html)?.[1];
    expect(total).toBe(moneyFormat(r.currency, r.timezoneName)(dayTakings(r).total));
    expect(dayTakings(r).total).not.toBe(r.totals.accounts); // the seed's two totals do differ
  });
});
