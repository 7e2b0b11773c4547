import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EndpointMemory } from '../../../src/main/altegio';
import { envelopeSchema, zDataKeySeconds, zReportSchema } from '../../../src/main/altegio/schemas';
import { startDemoServer, type DemoServer } from '../../support/demo';
import { NY, PARIS, signedInClient } from './helpers';

const zFixture = () =>
  envelopeSchema.parse(JSON.parse(readFileSync(join(__dirname, 'fixtures', 'z_report.json'), 'utf8'))).data as {
    z_data: Record<string, unknown[]>;
  };

describe('z_data keys and unreadable visits (official schema vs example)', () => {
  it('accepts Unix-seconds keys and ISO date-time keys alike', () => {
    expect(zDataKeySeconds('1481101200')).toBe(1481101200);
    expect(zDataKeySeconds('2026-09-21T23:00:00.000-05:00')).toBe(Date.parse('2026-09-22T04:00:00Z') / 1000);
    expect(zDataKeySeconds('2026-09-21T23:00:00Z')).toBe(Date.parse('2026-09-21T23:00:00Z') / 1000);
    expect(zDataKeySeconds('yesterday')).toBeNull();
    expect(zDataKeySeconds('2026-09-21')).toBeNull();
  });

  it('a report keyed by an ISO date-time is read, not rejected', () => {
    const body = zFixture();
    const [key, clients] = Object.entries(body.z_data)[0]!;
    body.z_data = { '2026-09-21T23:00:00.000-05:00': clients, [key]: clients };
    const r = zReportSchema.parse(body);
    expect(r.entries).toHaveLength(clients.length * 2);
    expect(r.entries.at(-1)!.timestamp).toBe(Date.parse('2026-09-22T04:00:00Z') / 1000);
    expect(r.unreadable).toBe(0);
  });

  it('one unreadable visit is skipped and counted; the rest of the day stays', () => {
    const body = zFixture();
    const [key, clients] = Object.entries(body.z_data)[0]!;
    body.z_data = { [key]: [...clients, { client_id: { nested: true }, masters: 'nope' }], 'not a date': clients };
    const r = zReportSchema.parse(body);
    expect(r.entries).toHaveLength(clients.length);
    expect(r.unreadable).toBe(1 + clients.length);
  });
});

describe('wire conformance against the demo server', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => new Date('2026-03-18T15:00:00Z') });
  });
  afterAll(() => demo.close());
  beforeEach(() => {
    demo.faults.clear();
    demo.received.requests.length = 0;
  });

  it('every JSON request carries Content-Type: application/json, GETs included, with the vendor Accept', async () => {
    const { api } = signedInClient(demo);
    await api.myCompanies();
    await api.company(NY);
    await api.license(NY);
    await api.zReport(NY, '2026-03-17');
    await api.validatePhone('+1 212 555 0141');
    await api.tipsSettings(NY);
    await api.serviceCategories(NY);
    expect(demo.received.requests).toHaveLength(7);
    for (const r of demo.received.requests) {
      expect(r, r.path).toMatchObject({ contentType: 'application/json', accept: 'application/vnd.api.v2+json, application/json' });
    }
  });

  it('a photo upload keeps its multipart Content-Type', async () => {
    const { api } = signedInClient(demo);
    const staff = await api.staff(NY);
    demo.received.requests.length = 0;
    await api
      .uploadStaffPhoto({ staffId: staff[0]!.id, jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), fileName: 'a.jpg' })
      .catch(() => undefined);
    expect(demo.received.requests[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('services and categories fall back to the documented /services/{id} form on 404 and remember it', async () => {
    const memory: EndpointMemory = {};
    const { api } = signedInClient(demo, { endpointMemory: memory });
    demo.faults.set({ mode: 'notFound', match: /\/company\/\d+\/service/ });
    const services = await api.services(PARIS);
    const categories = await api.serviceCategories(PARIS);
    expect(services.length).toBeGreaterThan(20);
    expect(categories.length).toBeGreaterThan(0);
    expect(memory).toEqual({ services: 'location', categories: 'location' });
    expect(demo.received.requests.map((r) => r.path)).toEqual([
      `/api/v1/company/${PARIS}/services`,
      `/api/v1/services/${PARIS}`,
      `/api/v1/company/${PARIS}/service_categories/`,
      `/api/v1/service_categories/${PARIS}/`,
    ]);

    // A second client of the same environment (e.g. after a new sign-in) goes straight to the working form.
    demo.received.requests.length = 0;
    const again = signedInClient(demo, { endpointMemory: memory }).api;
    await again.servicesOfStaff(PARIS, services[0]!.staff?.[0]?.staffId ?? 1).catch(() => undefined);
    await again.serviceCategories(PARIS);
    expect(demo.received.requests.map((r) => r.path.split('?')[0])).toEqual([
      `/api/v1/services/${PARIS}`,
      `/api/v1/service_categories/${PARIS}/`,
    ]);
  });

  it('a 404 for an unknown location is still NOT_FOUND (both forms tried), and a working form is not abandoned', async () => {
    const memory: EndpointMemory = {};
    const { api } = signedInClient(demo, { endpointMemory: memory });
    await expect(api.services(999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(memory).toEqual({});
    await api.services(NY);
    expect(memory).toEqual({ services: 'company' });
    demo.received.requests.length = 0;
    await expect(api.services(999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(demo.received.requests).toHaveLength(1);
  });
});
