import type { ReportVisit } from '../../../../shared/domain/reports';
import { sumAmounts } from '../../../../shared/format/amounts';

export interface PaidWith {
  type: string;
  loyalty: boolean;
  amount: number;
}

/**
 * How one visit was paid, summed over its operations: "Card $79, Cash $20, Gold Card (loyalty) $20".
 * Same split as the printed report (money and loyalty write-offs apart), in first-seen order.
 */
export function paidWith(visit: ReportVisit): PaidWith[] {
  const out = new Map<string, PaidWith>();
  const add = (type: string, loyalty: boolean, amount: number) => {
    if (amount === 0) return;
    const key = `${loyalty ? 'L' : 'A'}|${type}`;
    const line = out.get(key);
    if (line) line.amount = sumAmounts([line.amount, amount]);
    else out.set(key, { type, loyalty, amount });
  };
  for (const m of visit.masters) {
    for (const o of m.operations) {
      for (const p of o.payments) {
        add(p.paymentType, false, p.accountsAmount);
        add(p.paymentType, true, p.loyaltyAmount);
      }
    }
  }
  return [...out.values()];
}
