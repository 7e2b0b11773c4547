import type { DayReport, ReportOperation, ReportVisit } from '../../../src/shared/domain/reports';

const FIRST = ['Anna', 'Maria', 'Олена', 'José', 'Aigerim', 'Sophie', 'Liam', 'Zoë', 'Noah', 'Dilnaz'];
const LAST = ['Smith', 'Kowalska', 'Петренко', 'García', 'Nurlanovna', 'Müller', "O'Brien", 'Ito', 'Brown', 'Sato'];
const MASTERS = ['Robert Brown', 'Denis Ivanov', 'Zoe Lee', 'Aliya Serikova'];
const SERVICES = [
  'Highlighting from 9 strands',
  "Men's haircut",
  'Balayage',
  'Manicure with gel polish',
  'Стрижка женская',
];
const GOODS = ['Spray For Hair', 'Argan oil shampoo 250 ml', 'Nail care kit'];
const PAY = ['Cash', 'Cards', 'Card: Gold Card', 'Location account'];

/** Deterministic pseudo-random numbers, so a failing render is reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

function op(
  kind: ReportOperation['kind'],
  title: string,
  price: number,
  discount: number,
  loyalty: boolean,
  pay: string,
): ReportOperation {
  const result = cents(price - discount);
  return {
    kind,
    title,
    firstCost: price,
    discount,
    resultCost: result,
    payments: loyalty
      ? [
          { accountsAmount: cents(result - 100), loyaltyAmount: 0, paymentType: pay },
          { accountsAmount: 0, loyaltyAmount: 100, paymentType: 'Card: Gold Card' },
        ]
      : [{ accountsAmount: result, loyaltyAmount: 0, paymentType: pay }],
  };
}

/** A busy day: `visits` client visits between 09:00 and 21:00 with services, goods and other operations. */
export function makeDayReport(opts: { visits: number; currency?: string; seed?: number }): DayReport {
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const visits: ReportVisit[] = [];
  for (let i = 0; i < opts.visits; i++) {
    const minutes = 9 * 60 + Math.floor((i / Math.max(1, opts.visits)) * 12 * 60);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    const operations: ReportOperation[] = [
      op(
        'service',
        pick(SERVICES),
        1000 + Math.floor(rand() * 90) * 50,
        rand() < 0.3 ? 150 : 0,
        rand() < 0.2,
        pick(PAY),
      ),
    ];
    if (rand() < 0.4)
      operations.push(op('good', pick(GOODS), cents(10 + rand() * 40), rand() < 0.5 ? 2.25 : 0, false, pick(PAY)));
    if (rand() < 0.15) operations.push(op('other', 'Other operations', 347, 0, false, 'Cash'));
    const masters = [{ masterId: 1 + (i % MASTERS.length), masterName: MASTERS[i % MASTERS.length]!, operations }];
    const total = cents(operations.reduce((s, o) => s + o.resultCost, 0));
    const discount = cents(operations.reduce((s, o) => s + o.discount, 0));
    const paid = cents(
      operations.reduce((s, o) => s + o.payments.reduce((p, x) => p + x.accountsAmount + x.loyaltyAmount, 0), 0),
    );
    visits.push({
      at: `2026-03-23T${hh}:${mm}:00-04:00`,
      clientId: i % 17 === 0 ? 0 : 5000 + i,
      clientName: i % 17 === 0 ? '' : `${pick(FIRST)} ${pick(LAST)}`,
      clientPhone: i % 3 === 0 ? null : `+1315555${String(1000 + i).slice(-4)}`,
      masters,
      total,
      discount,
      paid,
    });
  }
  const sum = (f: (v: ReportVisit) => number) => cents(visits.reduce((s, v) => s + f(v), 0));
  return {
    locationId: 37532,
    locationTitle: 'James Smith LLC',
    locationAddress: 'New York, 787 Jackson Drive',
    timezoneName: 'America/New_York',
    date: '2026-03-23',
    staffId: null,
    staffName: null,
    currency: opts.currency ?? 'USD',
    stats: {
      clients: visits.length,
      records: visits.length + 2,
      visitRecords: visits.length,
      nonVisitRecords: 2,
      services: visits.length,
      servicesPaid: sum((v) => v.masters[0]!.operations[0]!.resultCost),
      goods: 12,
      goodsPaid: 412.5,
      certificates: 1,
      certificatesPaid: 9876,
      memberships: 2,
      membershipsPaid: 3000,
    },
    accounts: [
      { title: 'Cash', amount: cents(sum((v) => v.paid) * 0.4) },
      { title: 'Cards', amount: cents(sum((v) => v.paid) * 0.6) },
      { title: 'Location account', amount: 0 },
    ],
    discounts: [
      { title: 'Promotion Discount', amount: sum((v) => v.discount) },
      { title: 'Written off bonuses', amount: 800 },
    ],
    totals: { accounts: sum((v) => v.paid), discount: cents(sum((v) => v.discount) + 800) },
    visits,
    fetchedAt: '2026-03-24T01:05:00.000Z',
    fromCache: false,
    printedBy: 'Anna Receptionist',
  };
}
