import { getHttpOperationsFromSpec } from '@stoplight/prism-cli/dist/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../src/main/altegio';
import { ACCEPT } from '../../src/main/altegio/transport';
import { serviceImageOf } from '../../src/main/altegio/schemas';
import type { AltegioApi } from '../../src/main/altegio/types';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../support/demo';
import {
  demoFieldExcused,
  exampleExcused,
  routeExcused,
  templateMatches,
  unusedResponseExceptions,
} from './exceptions';
import { solid } from '../main/photos/images';
import { DESCRIPTION, startPrism, type Prism } from './prism';
import { startRecorder, type Exchange, type Recorder } from './recorder';
import { undocumentedFields, type Schema } from './undocumented';

/**
 * The demo server behind Prism's proxy: every answer it gives the client is checked against the
 * response schema of its operation (Prism's validator), and may carry no field the operation does
 * not document (outside exceptions.json). Request checks are the client suite's job, so Prism
 * forwards every request here.
 */
interface Operation {
  method: string;
  path: string;
  responses: { code: string; contents?: { mediaType: string; schema?: Schema }[] }[];
}

let demo: DemoServer;
let prism: Prism;
let recorder: Recorder;
let api: AltegioApi;
let operations: Operation[];
const USER = DEMO_USERS[0]!;
const NY = 410001;
const PARIS = 410003;

beforeAll(async () => {
  demo = await startDemoServer({ now: () => new Date('2026-03-18T15:00:00Z') });
  [prism, operations] = await Promise.all([
    startPrism({ mode: 'proxy', upstream: demo.url, validateRequest: false }),
    getHttpOperationsFromSpec(DESCRIPTION) as Promise<Operation[]>,
  ]);
  recorder = await startRecorder(prism.url);
  api = createAltegioClient({
    baseUrl: recorder.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: USER.userToken }),
    limiter: new RateLimiter({ perSecond: 1_000, perMinute: 100_000 }),
    sleep: async () => undefined,
    retries: 0,
    max429Retries: 0,
  });
}, 90_000);

afterAll(async () => {
  await recorder?.close();
  await prism?.close();
  await demo?.close();
});

/** The description's operation for a request: of the templates that match, the most literal one. */
function operationOf(method: string, path: string): Operation | null {
  const literal = (t: string) => t.split('/').filter((s) => s && !s.startsWith('{')).length;
  return (
    operations
      .filter((o) => o.method.toUpperCase() === method && templateMatches(o.path, path))
      .sort((a, b) => literal(b.path) - literal(a.path))[0] ?? null
  );
}

function schemaOf(op: Operation, status: number): Schema | undefined {
  const r = op.responses.find((x) => x.code === String(status)) ?? op.responses.find((x) => x.code === 'default');
  return r?.contents?.find((c) => c.mediaType.includes('json'))?.schema;
}

function problems(e: Exchange): string[] {
  const op = operationOf(e.method, e.path);
  if (!op) return routeExcused(e.method, e.path) ? [] : [`${e.method} ${e.path}: not an operation of the description`];
  const id = `${op.method.toUpperCase()} ${op.path}`;
  const out = e.violations
    .filter((v) => v.location?.[0] === 'response' && !exampleExcused(e.method, e.path, v))
    .map((v) => `${id} ${e.status}: ${v.location?.join('.')} ${v.code}: ${v.message}`);
  let body: unknown = null;
  try {
    body = JSON.parse(e.body);
  } catch {
    return out;
  }
  for (const f of undocumentedFields(schemaOf(op, e.status), body)) {
    if (!demoFieldExcused(id, f.replace(/^data(\[\])?\./, '')))
      out.push(`${id} ${e.status}: sends undocumented field ${f}`);
  }
  return out;
}

const Q = { from: '2026-03-01', to: '2026-03-18' };
const firstService = () => demo.dataset.locations.find((l) => l.company.id === NY)!.services[0]!.id;
const direct = () =>
  createAltegioClient({
    baseUrl: demo.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: USER.userToken }),
    limiter: new RateLimiter({ perSecond: 1_000, perMinute: 100_000 }),
    retries: 0,
  });
const CALLS: [string, (a: AltegioApi) => Promise<unknown>][] = [
  ['auth', (a) => a.auth(USER.login, USER.password)],
  ['myCompanies', (a) => a.myCompanies()],
  ['company', (a) => a.company(NY)],
  ['company (unknown location)', (a) => a.company(999)],
  ['serviceCategories', (a) => a.serviceCategories(NY)],
  ['services', (a) => a.services(PARIS)],
  ['staff', (a) => a.staff(NY)],
  ['license', (a) => a.license(NY)],
  ['zReport', (a) => a.zReport(NY, '2026-03-17')],
  ['validatePhone', (a) => a.validatePhone('+12125550141')],
  ['tipsSettings', (a) => a.tipsSettings(NY)],
  ['setTipsEnabled', async (a) => a.setTipsEnabled(NY, (await a.tipsSettings(NY))[0]!.id, false)],
  ['setTipsEnabled (on)', async (a) => a.setTipsEnabled(NY, (await a.tipsSettings(NY))[0]!.id, true)],
  ['schedule', (a) => a.schedule(NY, { from: '2026-03-18', to: '2026-03-18' })],
  ['nextSlot', (a) => a.nextSlot(NY)],
  ['analyticsOverall', (a) => a.analyticsOverall(NY, Q)],
  ['dailyChart', (a) => a.dailyChart(NY, 'income_daily', Q)],
  ['shareChart', (a) => a.shareChart(NY, 'record_source', Q)],
  ['loyaltyPrograms', (a) => a.loyaltyPrograms(NY)],
  [
    'loyaltyVisits',
    async (a) => a.loyaltyVisits(NY, { ...Q, programIds: (await a.loyaltyPrograms(NY)).map((p) => p.id) }),
  ],
  [
    'loyaltyStaff',
    async (a) => a.loyaltyStaff(NY, { ...Q, programIds: (await a.loyaltyPrograms(NY)).map((p) => p.id) }),
  ],
  // Manager mode (issue 22)
  ['catalogRights', (a) => a.catalogRights(NY)],
  ['createCategory', (a) => a.createCategory(NY, { title: 'Brows', api_id: 'fd-contract-1', weight: 3, staff: [] })],
  [
    'createService',
    async (a) =>
      a.createService(NY, {
        title: 'Gloss',
        category_id: (await a.serviceCategories(NY))[0]!.id,
        price_min: 40,
        price_max: 60,
        duration: 3600,
        technical_break_duration: 600,
        comment: '',
        active: 1,
        api_id: 'fd-contract-2',
        staff: [{ id: (await a.staff(NY))[0]!.id, seance_length: 2700 }],
      }),
  ],
  // The location card (issue 22 §3): GET /company/{id} + GET /companies?id=, then PUT /company/{id}.
  ['locationCopy', (a) => a.locationCopy(NY)],
  [
    'updateLocation',
    async (a) => {
      const copy = await a.locationCopy(NY);
      await a.updateLocation(NY, { ...copy.rest, title: copy.fields.title, phones: ['12125550141'] });
    },
  ],
  ['categoryRefs', (a) => a.categoryRefs(NY)],
  ['serviceRefs', (a) => a.serviceRefs(NY)],
  // The online booking poster (issue 22 §6): forms, and a location without any.
  ['bookforms', (a) => a.bookforms(NY)],
  ['bookforms (no form)', (a) => a.bookforms(PARIS)],
  ['serviceCopy', async (a) => a.serviceCopy(NY, (await a.services(NY))[0]!.id)],
  [
    'updateService',
    async (a) => {
      const s = (await a.services(NY))[0]!;
      const c = await a.serviceCopy(NY, s.id);
      return a.updateService(NY, s.id, {
        title: s.title,
        category_id: s.categoryId,
        price_min: s.priceMin + 5,
        price_max: s.priceMax + 5,
        duration: s.durationSec,
        technical_break_duration: 600,
        discount: 0,
        comment: '',
        weight: s.weight,
        active: 1,
        staff: (c['staff'] as { id: number; seance_length: number }[]).map((x) => ({
          id: x.id,
          seance_length: x.seance_length,
        })),
      });
    },
  ],
  ['deleteService', async (a) => a.deleteService(NY, (await a.services(NY)).at(-1)!.id)],
  ['deleteService (already gone)', (a) => a.deleteService(NY, 999_999)],
  // Service photos (issue 22 §5): bound to the service, then shown by its answers, then removed.
  // The upload itself goes to the demo directly: Prism's proxy does not forward a multipart body intact
  // (the client suite checks that request against the description).
  [
    'serviceCopy (with a photo)',
    async (a) => {
      await direct().uploadServicePhoto({
        locationId: NY,
        serviceId: firstService(),
        jpeg: new Uint8Array(await solid(300, 200, 'jpeg')),
        fileName: 'a.jpg',
      });
      return serviceImageOf(await a.serviceCopy(NY, firstService()));
    },
  ],
  ['services (one with a photo)', (a) => a.services(NY)],
  [
    'deleteImage (service)',
    async (a) =>
      a.deleteImage({
        entity: 'service',
        imageGroupId: serviceImageOf(await a.serviceCopy(NY, firstService()))!.imageGroupId,
      }),
  ],
];

describe('the demo server against Altegio’s description (Prism proxy)', () => {
  for (const [name, call] of CALLS) {
    it(`${name}: every answer matches its schema and documents every field`, async () => {
      const from = recorder.exchanges.length;
      await call(api).catch(() => undefined);
      const seen = recorder.exchanges.slice(from);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.flatMap(problems)).toEqual([]);
    });
  }

  it('PATCH /services/{location_id}/{service_id} (served for completeness; the desk sends PUT): its answer matches', async () => {
    const s = (await api.services(NY))[0]!;
    const from = recorder.exchanges.length;
    const res = await fetch(`${recorder.url}/services/${NY}/${s.id}`, {
      method: 'PATCH',
      headers: {
        Accept: ACCEPT.altegio,
        'Content-Type': 'application/json',
        Authorization: `Bearer ${DEMO_PARTNER_TOKEN}, User ${USER.userToken}`,
      },
      body: JSON.stringify({
        title: s.title,
        category_id: s.categoryId,
        price_min: s.priceMin,
        price_max: s.priceMax + 1,
      }),
    });
    expect(res.status).toBe(200);
    const seen = recorder.exchanges.slice(from);
    expect(seen.map((e) => e.method)).toEqual(['PATCH']);
    expect(seen.flatMap(problems)).toEqual([]);
  });

  it('GET /company/{id} carries no currency_short_title (the description documents none there)', async () => {
    const from = recorder.exchanges.length;
    await api.company(NY);
    const [e] = recorder.exchanges.slice(from);
    expect(JSON.parse(e!.body)).toMatchObject({ success: true });
    expect(JSON.parse(e!.body).data).not.toHaveProperty('currency_short_title');
  });

  it('every responseSchema exception owned by the demo is still needed', () => {
    expect(unusedResponseExceptions(recorder.exchanges, 'demo')).toEqual([]);
  });
});
