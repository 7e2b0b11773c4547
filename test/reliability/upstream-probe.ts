import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAltegioClient, RateLimiter } from '../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, type DemoServer, type FaultMode } from '../support/demo';
import { createCatalogDomain } from '../../src/main/services/catalog';
import { createReportsDomain } from '../../src/main/services/reports';
import { createTodayDomain } from '../../src/main/services/today';
import { makeTestContext } from '../support/context';
import type { Row } from './table';

/** `today`: the Today part (today_cache.part) the endpoint feeds; its case is a refresh of Today. */
const ENDPOINTS: { name: string; match: RegExp; today?: string }[] = [
  { name: 'GET /companies', match: /\/companies\?/ },
  { name: 'GET /company/{id}', match: /\/company\/\d+$/ },
  { name: 'GET /service_categories', match: /\/service_categories/ },
  { name: 'GET /services', match: /\/company\/\d+\/services(\?|$)/ },
  { name: 'GET /staff/{id}', match: /\/staff\/\d+$/ },
  { name: 'GET /z_report', match: /\/z_report\// },
  { name: 'Today: GET /company/{id}/staff/schedule', match: /\/staff\/schedule/, today: 'schedule' },
  { name: 'Today: GET /company/{id}/analytics/overall', match: /\/analytics\/overall(\?|$)/, today: 'numbers' },
  { name: 'Today: GET /company/{id}/analytics/overall/charts/*', match: /\/analytics\/overall\/charts\//, today: 'charts' },
  { name: 'Today: GET /tips/{id}/settings', match: /\/tips\/\d+\/settings/, today: 'tips' },
];

/** `hang`: the server never answers; the client's own timeout (short here) must end the wait with a typed code. */
export const QUICK_FAULTS: FaultMode[] = ['http500', 'malformedJson', 'dataNull', 'noContent', 'emptyList', 'hang'];
export const ALL_FAULTS: FaultMode[] = ['http500', 'html502', 'malformedJson', 'successFalse', 'wrongType', 'dataNull', 'emptyBody', 'noContent', 'emptyList', 'unauthorized', 'rate429', 'hang'];

const DAY = '2026-03-20';


/** Resolves once the demo server has had no new request for a while (long past the probe client's timeouts). */
async function quiet(demo: DemoServer): Promise<void> {
  let seen = -1;
  while (seen !== demo.received.requests.length) {
    seen = demo.received.requests.length;
    await new Promise((r) => setTimeout(r, 1200));
  }
}

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
          timeoutMs: 400,
          sleep: async () => undefined,
          limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
        }),
      );
      const catalog = createCatalogDomain(t.ctx);
      const reports = createReportsDomain(t.ctx, {
        locations: { getLocation: (id) => catalog.repo.getLocation(id) ?? null },
        print: { print: async () => true, savePdf: async () => null, printers: async () => [] },
      });
      const today = createTodayDomain(t.ctx, {
        location: (id) => catalog.repo.getLocation(id),
        members: async (id) => (await catalog.handlers['staff.list']({ locationId: id })).items,
        userId: () => DEMO_USERS[0]!.id,
        photoFile: () => null,
        print: { print: async () => true, savePdf: async () => null, printers: async () => [] },
      });
      await catalog.syncAll();
      const locationId = catalog.repo.listLocations()[0]!.id;
      await reports.handlers['reports.dayEnd']({ locationId, date: DAY });
      await today.handlers['today.get']({ locationId, refresh: true });
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
        // Today's copy of the faulted part: a failed refresh keeps the last good one and its fetch time
        // (the other parts refresh normally, so they are not compared).
        if (endpoint.today) {
          h.update(JSON.stringify(t.db.prepare('SELECT day, user_id, body, fetched_at FROM today_cache WHERE part = ? ORDER BY 1, 2').raw().all(endpoint.today)));
        }
        try {
          h.update(readdirSync(join(t.ctx.paths.media), { recursive: true }).sort().join('\n'));
        } catch {
          // no media yet
        }
        return h.digest('hex');
      };
      for (const mode of faults) {
        // Per case: one fault that wrongly changes the copy must not make every later case look guilty.
        const before = fingerprint();
        demo.faults.set({ mode, match: endpoint.match });
        let code: string;
        try {
          if (endpoint.today) {
            t.clock.advance(20 * 60_000); // every part is due again
            const view = await today.handlers['today.get']({ locationId, refresh: true });
            const part = { schedule: view.team, numbers: view.numbers, charts: view.charts, tips: view.tips }[endpoint.today]!;
            code = part.error ? part.error.code : part.stale ? 'copy shown, marked stale' : 'fresh';
            // Today answers from its copy when a part is slow and may go on fetching: let the server go
            // quiet (fault still on) so a late write is seen here, not after the fault is cleared.
            if (mode === 'hang') await quiet(demo);
          } else if (endpoint.name === 'GET /z_report') {
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
        // An empty list is a real answer for a list (nobody works today, no tip settings): it may replace the copy.
        const emptyIsAnswer = mode === 'emptyList' && (endpoint.today === 'schedule' || endpoint.today === 'tips');
        rows.push({
          probe: 'upstream faults',
          case: `${endpoint.name} × ${mode}`,
          result: `user sees ${code}; cache ${unchanged ? 'unchanged' : emptyIsAnswer ? 'replaced by the empty answer' : 'CHANGED'}`,
          pass: (unchanged || emptyIsAnswer) && !code.startsWith('threw') && code !== 'INTERNAL',
        });
        t.clock.advance(1_000); // a fresh timestamp per case so each error is told apart
      }
    } finally {
      t.close();
    }
  }
  return rows;
}
