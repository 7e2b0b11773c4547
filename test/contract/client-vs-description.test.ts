import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../src/main/altegio';
import type { AltegioApi } from '../../src/main/altegio/types';
import { EXCEPTIONS, exampleExcused, excused, rewriteForPrism, unusedResponseExceptions } from './exceptions';
import { ACCEPT } from '../../src/main/altegio/transport';
import { startPrism, type Prism } from './prism';
import { startRecorder, type Exchange, type Recorder } from './recorder';

/**
 * Every method of the Altegio client, sent to a server that implements Altegio's description
 * (Prism, `--errors`): no request violation outside exceptions.json, and the parser reads the
 * description's example answer.
 */
let prism: Prism;
let recorder: Recorder;
let api: AltegioApi;

beforeAll(async () => {
  prism = await startPrism({ mode: 'mock' });
  recorder = await startRecorder(prism.url, rewriteForPrism);
  api = createAltegioClient({
    baseUrl: recorder.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: 'partner-token', userToken: 'user-token' }),
    limiter: new RateLimiter({ perSecond: 1_000, perMinute: 100_000 }),
    sleep: async () => undefined,
    retries: 0,
    max429Retries: 0,
  });
}, 60_000);

afterAll(async () => {
  await recorder?.close();
  await prism?.close();
});

const L = 1050;
const Q = { from: '2026-03-01', to: '2026-03-18' };
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

/** One call per method (and per chart / direction where the method covers several operations). */
const CALLS: [string, (a: AltegioApi) => Promise<unknown>][] = [
  ['auth', (a) => a.auth('desk@example.com', 'secret')],
  ['myCompanies', (a) => a.myCompanies()],
  ['company', (a) => a.company(L)],
  ['serviceCategories', (a) => a.serviceCategories(L)],
  ['services', (a) => a.services(L)],
  ['servicesOfStaff', (a) => a.servicesOfStaff(L, 5006)],
  ['staff', (a) => a.staff(L)],
  ['license', (a) => a.license(L)],
  ['zReport', (a) => a.zReport(L, '2026-03-17')],
  ['zReport (one member)', (a) => a.zReport(L, '2026-03-17', 5006)],
  ['uploadStaffPhoto', (a) => a.uploadStaffPhoto({ staffId: 5006, jpeg: JPEG, fileName: 'a.jpg' })],
  ['deleteImage', (a) => a.deleteImage({ entity: 'master', imageGroupId: 123 })],
  [
    'uploadServicePhoto',
    (a) => a.uploadServicePhoto({ locationId: L, serviceId: 912001, jpeg: JPEG, fileName: 'a.jpg' }),
  ],
  ['deleteImage (service)', (a) => a.deleteImage({ entity: 'service', imageGroupId: 123 })],
  ['validatePhone', (a) => a.validatePhone('+13155550175')],
  ['tipsSettings', (a) => a.tipsSettings(L)],
  ['setTipsEnabled (on)', (a) => a.setTipsEnabled(L, 1, true)],
  ['setTipsEnabled (off)', (a) => a.setTipsEnabled(L, 1, false)],
  ['schedule', (a) => a.schedule(L, { from: '2026-03-18', to: '2026-03-18', staffIds: [5006, 8901] })],
  ['nextSlot', (a) => a.nextSlot(L)],
  ['analyticsOverall', (a) => a.analyticsOverall(L, Q)],
  ['analyticsOverall (one member)', (a) => a.analyticsOverall(L, { ...Q, staffId: 5006 })],
  ['dailyChart income_daily', (a) => a.dailyChart(L, 'income_daily', Q)],
  ['dailyChart records_daily', (a) => a.dailyChart(L, 'records_daily', Q)],
  ['dailyChart fullness_daily', (a) => a.dailyChart(L, 'fullness_daily', Q)],
  ['shareChart record_source', (a) => a.shareChart(L, 'record_source', Q)],
  ['shareChart record_status', (a) => a.shareChart(L, 'record_status', Q)],
  ['loyaltyPrograms', (a) => a.loyaltyPrograms(L)],
  ['loyaltyVisits', (a) => a.loyaltyVisits(L, { ...Q, programIds: [4100011] })],
  ['loyaltyStaff', (a) => a.loyaltyStaff(L, { ...Q, programIds: [4100011] })],
  // Manager mode (issue 22)
  ['catalogRights', (a) => a.catalogRights(L)],
  ['createCategory', (a) => a.createCategory(L, { title: 'Brows', api_id: 'fd-1', weight: 3, staff: [5006] })],
  [
    'createService',
    (a) =>
      a.createService(L, {
        title: 'Gloss',
        category_id: 83167,
        price_min: 40,
        price_max: 60,
        duration: 3600,
        technical_break_duration: null,
        comment: '',
        active: 1,
        api_id: 'fd-2',
        staff: [{ id: 5006, seance_length: 2700 }],
      }),
  ],
  // The location card (issue 22 §3)
  ['locationCopy', (a) => a.locationCopy(L)],
  [
    'updateLocation',
    (a) =>
      a.updateLocation(L, {
        title: 'James Smith LLC',
        country_id: 7,
        city_id: 181,
        city: 'New York',
        address: 'New York, 787 Jackson Drive',
        zip: '11435',
        phones: ['12125357710'],
        social: { instagram: 'instagram.com/james_smith_company/', facebook: '' },
        site: 'james-smith-company.com',
        coordinate_lat: 40.73061,
        coordinate_lon: -73.935242,
        description: '<p>The salon</p>',
        business_type_id: 1,
        short_descr: 'Beauty studio',
      }),
  ],
  ['categoryRefs', (a) => a.categoryRefs(L)],
  ['serviceRefs', (a) => a.serviceRefs(L)],
  // The online booking poster (issue 22 §6)
  ['bookforms', (a) => a.bookforms(L)],
  // The one read of a service (edits and photos); the id of the operation's example, whose answer is a list.
  ['serviceCopy', (a) => a.serviceCopy(L, 83169)],
  [
    'updateService',
    (a) =>
      a.updateService(L, 83169, {
        title: "Men's haircut",
        category_id: 83167,
        price_min: 45,
        price_max: 50,
        duration: 3600,
        technical_break_duration: 600,
        discount: 0,
        comment: '',
        weight: 6,
        active: 1,
        api_id: '00000000042',
        staff: [{ id: 5905, seance_length: 2700 }],
      }),
  ],
  ['deleteService', (a) => a.deleteService(L, 83169)],
];

/** Every violation Prism reported for these exchanges that exceptions.json does not excuse. */
function violations(ex: Exchange[]): string[] {
  return ex.flatMap((e) => {
    let body: { validation?: Exchange['violations'] } = {};
    try {
      body = JSON.parse(e.body) as typeof body;
    } catch {
      /* not Prism's problem document */
    }
    const found = [...e.violations, ...(e.status === 422 ? (body.validation ?? []) : [])];
    // No route for the method and path (404/405) or no acceptable media type (406) is a violation too.
    if (e.status === 404 || e.status === 405 || e.status === 406) {
      found.push({ location: ['route'], code: String(e.status), message: e.body.slice(0, 200) });
    }
    const open = found.filter((v) =>
      v.location?.[0] === 'response' ? !exampleExcused(e.method, e.path, v) : !excused(e.method, e.path, v),
    );
    return open.map((v) => `${e.method} ${e.path} → ${v.location?.join('.')} ${v.code}: ${v.message}`);
  });
}

describe('the Altegio client against Altegio’s description (Prism --errors)', () => {
  it('covers every method of the client (or says why not)', () => {
    const client = createAltegioClient({
      baseUrl: 'http://127.0.0.1:9',
      vendor: 'altegio',
      credentials: () => ({ partnerToken: 'p', userToken: null }),
    });
    const covered = new Set(CALLS.map(([name]) => name.split(' ')[0]!));
    const excusedMethods = new Set(EXCEPTIONS.notAnOperation.map((e) => e.method));
    const missing = Object.keys(client).filter((m) => !covered.has(m) && !excusedMethods.has(m));
    expect(missing).toEqual([]);
  });

  const gaps = new Set(EXCEPTIONS.parserGaps.map((g) => g.method));
  /** Prism refuses these for an excused request violation of the description itself (exceptions.json). */
  const PRISM_REFUSES = new Set(['createService']);
  for (const [name, call] of CALLS) {
    const method = name.split(' ')[0]!;
    it(`${name}: no request violation, and the example answer is read`, async () => {
      const from = recorder.exchanges.length;
      const outcome = await call(api).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const sent = recorder.exchanges.slice(from);
      expect(sent.length).toBeGreaterThan(0);
      expect(violations(sent)).toEqual([]);
      if (PRISM_REFUSES.has(method)) {
        expect(sent.map((e) => e.status)).toEqual([422]);
        return;
      }
      if (gaps.has(method)) {
        // A reviewed, known parser gap (exceptions.json): it must still be a gap, or the entry goes.
        expect(outcome.ok, 'the parser gap is fixed: delete its exceptions.json entry').toBe(false);
        return;
      }
      expect(outcome.ok ? 'read' : outcome.error).toBe('read');
    });
  }

  // The request exceptions are only reviewed if they still happen: send each one raw, without the
  // test setup's rewrite, and expect exactly the listed violation.
  for (const e of EXCEPTIONS.request) {
    it(`exception still applies: ${e.operation}`, async () => {
      const [method, template] = e.operation.split(' ') as [string, string];
      const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
        name === e.violation.property ? '' : String(L),
      );
      const res = await fetch(prism.url + path, {
        method,
        headers: { Accept: ACCEPT.altegio, 'Content-Type': 'application/json', Authorization: 'Bearer p, User u' },
        // A create needs a body; an empty object leaves only the listed violation.
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      const body = (await res.json()) as { validation?: { location: string[]; code: string; message: string }[] };
      if (e.violation.location[0] === 'route') {
        expect(String(res.status)).toBe(e.violation.code);
        return;
      }
      expect(res.status).toBe(422);
      expect(body.validation?.filter((v) => !excused(method, path, v))).toEqual([]);
      expect(body.validation?.length).toBeGreaterThan(0);
    });
  }

  // Runs last (vitest keeps file order): an entry no example needs any more is deleted, not kept.
  it('every responseSchema exception of the description’s examples is still needed', () => {
    expect(unusedResponseExceptions(recorder.exchanges, 'description')).toEqual([]);
  });
});
