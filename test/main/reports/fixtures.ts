import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zReportSchema } from '../../../src/main/altegio/schemas';
import type { Company, ZReport } from '../../../src/main/altegio/types';

/**
 * Altegio's example bodies, copied from the team's shared fixtures: z_report.json (seed 003),
 * z_report_empty.json (live: z_data is [] and the currency a symbol), error_403_license.json.
 */
const BODIES = join(dirname(fileURLToPath(import.meta.url)), 'bodies');

export function fixtureJson(name: string): { data: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(BODIES, name), 'utf8')) as { data: Record<string, unknown> };
}

/** What the real Altegio client makes of a z_report body (its own schema, not a copy of it). */
export function zReportFromBody(body: { data: Record<string, unknown> }): ZReport {
  return zReportSchema.parse(body.data);
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
