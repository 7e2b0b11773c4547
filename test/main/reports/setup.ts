import type { ZReport } from '../../../src/main/altegio/types';
import type { PrintPort } from '../../../src/main/print/port';
import type { ReportLocation } from '../../../src/main/services/reports';
import { createReportsDomain, type ReportsDomain } from '../../../src/main/services/reports';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { seedCompany } from './fixtures';

export const LOC = 37532;

/** The catalogue's row for the fixture location (as CatalogRepo.getLocation returns it, trimmed). */
export const NEW_YORK: ReportLocation = {
  id: LOC,
  title: 'James Smith LLC',
  address: 'New York, 787 Jackson Drive',
  timezoneName: 'America/New_York',
  currency: '$',
};

/** A PrintPort that records every document it was given. */
export class RecordingPrintPort implements PrintPort {
  readonly printed: { html: string; opts: Parameters<PrintPort['print']>[1] }[] = [];
  readonly saved: { html: string; opts: Parameters<PrintPort['savePdf']>[1] }[] = [];
  answer = true;
  savePath: string | null = '/home/desk/Documents/report.pdf';
  async printers() {
    return [
      { name: 'TM-T20', displayName: 'Epson TM-T20', isDefault: false },
      { name: 'Office', displayName: 'Office laser', isDefault: true },
    ];
  }
  async print(html: string, opts: Parameters<PrintPort['print']>[1]) {
    this.printed.push({ html, opts });
    return this.answer;
  }
  async savePdf(html: string, opts: Parameters<PrintPort['savePdf']>[1]) {
    this.saved.push({ html, opts });
    return this.savePath;
  }
}

export interface ReportsSetup {
  t: TestContext;
  altegio: FakeAltegio;
  reports: ReportsDomain;
  port: RecordingPrintPort;
  catalogue: Map<number, ReportLocation>;
}

/** A reports domain on a fresh temp folder, a fake Altegio with the given days, the location in the catalogue. */
export function setup(
  opts: { days?: Record<string, ZReport>; inCatalogue?: boolean; dir?: string } = {},
): ReportsSetup {
  const altegio = new FakeAltegio({
    locations: [
      {
        company: seedCompany(),
        categories: [],
        services: [],
        staff: [],
        zReports: opts.days ?? {},
      },
    ],
  });
  const t = makeTestContext({ altegio, ...(opts.dir ? { dir: opts.dir } : {}) });
  const catalogue = new Map<number, ReportLocation>(opts.inCatalogue === false ? [] : [[LOC, NEW_YORK]]);
  const port = new RecordingPrintPort();
  const reports = createReportsDomain(t.ctx, {
    locations: { getLocation: (id) => catalogue.get(id) ?? null },
    print: port,
  });
  return { t, altegio, reports, port, catalogue };
}
