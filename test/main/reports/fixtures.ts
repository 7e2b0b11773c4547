import { readFileSync } from 'node:fs';
import type { Company, ZOperation, ZReport } from '../../../src/main/altegio/types';

/** The shared Altegio example bodies (seed 003 and a live empty day). */
export const FIXTURES = '/work/shared/fixtures/altegio';

export function fixtureJson(name: string): { data: Record<string, unknown> } {
  return JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as { data: Record<string, unknown> };
}

type Raw = Record<string, unknown>;

function op(o: Raw): ZOperation {
  return {
    title: String(o['item_title']),
    firstCost: Number(o['first_cost']),
    discount: Number(o['discount']),
    resultCost: Number(o['result_cost']),
    transactions: (o['transactions'] as Raw[]).map((t) => ({
      accountsAmount: Number(t['accounts_amount']),
      loyaltyAmount: Number(t['loyalty_amount']),
      paymentType: String(t['payment_type']),
    })),
  };
}

/**
 * What the Altegio client hands over for a z_report body, for unit tests with a fake client.
 * (The real client's parsing is tested against the demo server in its own suite and in ours.)
 */
export function zReportFromBody(body: { data: Record<string, unknown> }): ZReport {
  const d = body.data;
  const paids = d['paids'] as { accounts: Raw[]; discount: Raw[]; total: Raw };
  const zData = Array.isArray(d['z_data']) ? {} : (d['z_data'] as Record<string, Raw[]>);
  return {
    stats: d['stats'] as Record<string, number>,
    accounts: paids.accounts.map((a) => ({ title: String(a['title']), amount: Number(a['amount']) })),
    discounts: paids.discount.map((a) => ({ title: String(a['title']), amount: Number(a['amount']) })),
    totals: { accounts: Number(paids.total['accounts']), discount: Number(paids.total['discount']) },
    entries: Object.entries(zData).flatMap(([ts, clients]) =>
      clients.map((c) => ({
        timestamp: Number(ts),
        clientId: Number(c['client_id']),
        clientName: String(c['client_name']),
        clientPhone: (c['client_phone'] as string) || null,
        clientEmail: (c['client_email'] as string) || null,
        masters: (c['masters'] as Raw[]).map((m) => ({
          masterId: Number(m['master_id']),
          masterName: String(m['master_name']),
          services: (m['service'] as Raw[]).map(op),
          goods: (m['good'] as Raw[]).map(op),
          others: m['others'] && !Array.isArray(m['others']) ? op(m['others'] as Raw) : null,
        })),
      })),
    ),
    currency: String(d['currency']),
  };
}

export const SEED_REPORT = (): ZReport => zReportFromBody(fixtureJson('z_report.json'));
export const EMPTY_REPORT = (): ZReport => zReportFromBody(fixtureJson('z_report_empty.json'));

/** Fixture company.json's location, normalised. */
export function seedCompany(over: Partial<Company> = {}): Company {
  return {
    id: 37532,
    title: 'James Smith LLC',
    address: 'New York, 787 Jackson Drive',
    city: 'New York',
    phones: [],
    email: null,
    site: 'james-smith-company.com',
    timezoneName: 'America/New_York',
    currencyShortTitle: '$',
    schedule: null,
    logo: null,
    ...over,
  };
}
