import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAltegioClient, RateLimiter } from '../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, type DemoServer, type FaultMode } from '../support/demo';
import { createCatalogDomain } from '../../src/main/services/catalog';
import { createReportsDomain } from '../../src/main/services/reports';
import { makeTestContext } from '../support/context';
import type { Row } from './table';

const ENDPOINTS: { name: string; match: RegExp }[] = [
  { name: 'GET /companies', match: /\/companies\?/ },
  { name: 'GET /company/{id}', match: /\/company\/\d+$/ },
  { name: 'GET /service_categories', match: /\/service_categories/ },
  { name: 'GET /services', match: /\/company\/\d+\/services(\?|$)/ },
  { name: 'GET /staff/{id}', match: /\/staff\/\d+$/ },
  { name: 'GET /z_report', match: /\/z_report\// },
];

export const QUICK_FAULTS: FaultMode[] = ['http500', 'malformedJson', 'dataNull', 'noContent', 'emptyList'];
export const ALL_FAULTS: FaultMode[] = ['http500', 'html502', 'malformedJson', 'successFalse', 'wrongType', 'dataNull', 'emptyBody', 'noContent', 'emptyList', 'unauthorized', 'rate429'];

const DAY = '2026-03-20';

/** Each endpoint × fault against a synced desk: the code the person sees, and whether the cache stayed as it was. */
export async function upstreamProbe(demo: DemoServer, faults: FaultMode[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const endpoint of ENDPOINTS) {
    const t = makeTestContext();
    try {
      t.setAltegio(
        createAltegioClient({
          baseUrl: demo.url,
          vendor: 'altegio',
          credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: DEMO_USERS[0]!.userToken }),
          retries: 1,
          sleep: async () => undefined,
          limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
        }),
      );
      const catalog = createCatalogDomain(t.ctx);
      const reports = createReportsDomain(t.ctx, {
        locations: { getLocation: (id) => catalog.repo.getLocation(id) ?? null },
        print: { print: async () => true, savePdf: async () => null, printers: async () => [] },
      });
      await catalog.syncAll();
      const locationId = catalog.repo.listLocations()[0]!.id;
      await reports.handlers['reports.dayEnd']({ locationId, date: DAY });
      const fingerprint = () => {
        const h = createHash('sha1');
        // Content only: a sync that succeeds moves synced_at, which is not a change of the catalogue.
        for (const query of [
          'SELECT id, title, address, phones, timezone_name, currency FROM locations ORDER BY 1',
          'SELECT * FROM service_categories ORDER BY 1, 2',
          'SELECT * FROM services ORDER BY 1, 2',
          'SELECT * FROM staff ORDER BY 1, 2',
          'SELECT * FROM service_staff ORDER BY 1, 2, 3',
          'SELECT location_id, date, staff_id, body FROM day_reports ORDER BY 1, 2, 3',
        ]) {
          h.update(JSON.stringify(t.db.prepare(query).raw().all()));
        }
        try {
          h.update(readdirSync(join(t.ctx.paths.media), { recursive: true }).sort().join('\n'));
        } catch {
          // no media yet
        }
        return h.digest('hex');
      };
      const before = fingerprint();
      for (const mode of faults) {
        demo.faults.set({ mode, match: endpoint.match });
        let code: string;
        try {
          if (endpoint.name === 'GET /z_report') {
            const r = await reports.handlers['reports.dayEnd']({ locationId, date: DAY });
            code = r.fromCache ? 'copy shown' : 'fresh';
          } else if (endpoint.name === 'GET /companies') {
            const states = await catalog.handlers['sync.run'](undefined);
            const missing = catalog.sync.missingLocations.length;
            code = missing ? `kept, asks to confirm (${missing})` : (states.find((s) => s.lastError)?.lastError?.code ?? 'ok');
          } else {
            const [state] = await catalog.handlers['sync.run']({ locationId });
            code = state?.lastError && state.lastErrorAt === t.ctx.now().toISOString() ? state.lastError.code : 'ok';
          }
        } catch (e) {
          code = (e as { code?: string }).code ?? `threw ${(e as Error).name}`;
        } finally {
          demo.faults.clear();
        }
        const unchanged = fingerprint() === before;
        rows.push({ probe: 'upstream faults', case: `${endpoint.name} × ${mode}`, result: `user sees ${code}; cache ${unchanged ? 'unchanged' : 'CHANGED'}`, pass: unchanged && !code.startsWith('threw') && code !== 'INTERNAL' });
        t.clock.advance(1_000); // a fresh timestamp per case so each error is told apart
      }
    } finally {
      t.close();
    }
  }
  return rows;
}
