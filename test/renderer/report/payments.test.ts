import { describe, expect, it } from 'vitest';
import { paidWith } from '../../../src/renderer/src/views/report/payments';
import type { ReportOperation, ReportVisit } from '../../../src/shared/domain/reports';

const op = (payments: ReportOperation['payments']): ReportOperation => ({
  kind: 'service',
  title: 'x',
  firstCost: 0,
  discount: 0,
  resultCost: 0,
  payments,
});
const visit = (...masters: ReportOperation[][]): ReportVisit => ({
  at: '2026-11-22T10:00:00+00:00',
  clientId: 1,
  clientName: 'A',
  clientPhone: null,
  masters: masters.map((operations, i) => ({ masterId: i + 1, masterName: `M${i}`, operations })),
  total: 0,
  discount: 0,
  paid: 0,
});

describe('how a visit was paid', () => {
  it('sums each payment type over every operation, loyalty write-offs apart, in first-seen order', () => {
    const v = visit(
      [op([{ paymentType: 'Card', accountsAmount: 10.1, loyaltyAmount: 0 }])],
      [
        op([
          { paymentType: 'Cash', accountsAmount: 5, loyaltyAmount: 0 },
          { paymentType: 'Card', accountsAmount: 20.2, loyaltyAmount: 3 },
        ]),
      ],
    );
    expect(paidWith(v)).toEqual([
      { type: 'Card', loyalty: false, amount: 30.3 },
      { type: 'Cash', loyalty: false, amount: 5 },
      { type: 'Card', loyalty: true, amount: 3 },
    ]);
  });
  it('leaves out zero amounts, so an unpaid visit has no lines', () => {
    expect(paidWith(visit([op([{ paymentType: 'Cash', accountsAmount: 0, loyaltyAmount: 0 }])]))).toEqual([]);
  });
});
