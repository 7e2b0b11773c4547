import type { ZSource } from '../../../src/main/services/cashup';
import { createCashupDomain, type CashupDomain } from '../../../src/main/services/cashup';
import type { CashupInput } from '../../../src/shared/domain/cashup';
import type { DayReport } from '../../../src/shared/domain/reports';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { RecordingPrintPort } from '../reports/setup';

export const LOC = 202;
export const DAY = '2026-03-23';

/** A Z report of an Almaty salon's big day: millions of tenge and a three-decimal discount. */
export function almatyReport(patch: Partial<DayReport> = {}): DayReport {
  return {
    locationId: LOC,
    locationTitle: 'Front Desk Beauty — Алматы',
    locationAddress: 'Алматы, пр. Абая 10',
    timezoneName: 'Asia/Almaty',
    date: DAY,
    staffId: null,
    staffName: null,
    currency: '₸',
    stats: {
      clients: 120,
      records: 130,
      visitRecords: 128,
      nonVisitRecords: 2,
      services: 140,
      servicesPaid: 9_876_543,
      goods: 10,
      goodsPaid: 120_000,
      certificates: 0,
      certificatesPaid: 0,
      memberships: 0,
      membershipsPaid: 0,
    },
    accounts: [
      { title: 'Наличные', amount: 3_456_789 },
      { title: 'Kaspi терминал', amount: 6_539_754 },
    ],
    discounts: [
      { title: 'Скидки', amount: 12_345.678 },
      { title: 'Loyalty', amount: 0.125 },
    ],
    totals: { accounts: 9_996_543, discount: 12_345.803 },
    visits: [],
    fetchedAt: '2026-03-23T15:30:00.000Z',
    fromCache: false,
    printedBy: 'Test Receptionist',
    ...patch,
  };
}

/** A ZSource the test steers: the next report, or the next failure. */
export class FakeZ implements ZSource {
  calls = 0;
  failure: Error | null = null;
  constructor(public report: DayReport = almatyReport()) {}
  async dayEnd(q: { locationId: number; date?: string | undefined }): Promise<DayReport> {
    this.calls++;
    if (this.failure) throw this.failure;
    return { ...this.report, date: q.date ?? this.report.date };
  }
  goOffline(): void {
    this.failure = new AppError('OFFLINE', 'No connection to Altegio.');
  }
}

export interface CashupSetup {
  t: TestContext;
  z: FakeZ;
  port: RecordingPrintPort;
  cashup: CashupDomain;
  h: CashupDomain['handlers'];
}

export function setupCashup(opts: { dir?: string; z?: FakeZ } = {}): CashupSetup {
  const t = makeTestContext(opts.dir ? { dir: opts.dir } : {});
  const z = opts.z ?? new FakeZ();
  const port = new RecordingPrintPort();
  const cashup = createCashupDomain(t.ctx, { reports: z, print: port });
  return { t, z, port, cashup, h: cashup.handlers };
}

/** A full count of the Almaty day that is 500 ₸ short in the drawer and exact on the terminal. */
export function almatyCount(base: CashupInput): CashupInput {
  return {
    ...base,
    countCurrency: 'KZT',
    cashAccount: 'Наличные',
    openingFloat: 50_000_000, // 50 000 ₸
    // 3 456 789 + 50 000 float + 20 000 paid in − 15 000 paid out = 3 511 789 expected; counted 3 511 289
    pieces: {
      'note:20000000': 175,
      'note:10000000': 1,
      'note:1000000': 1,
      'coin:200000': 1,
      'coin:50000': 1,
      'coin:20000': 1,
      'coin:10000': 1,
      'coin:5000': 1,
      'coin:2000': 2,
    },
    typed: { 'Kaspi терминал': 6_539_754_000 },
    movements: [
      { kind: 'in', amount: 20_000_000, reason: 'Change bought at the bank' },
      { kind: 'out', amount: 15_000_000, reason: 'Tip payout, Aigerim' },
    ],
  };
}
