import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAltegioClient } from '../../../src/main/altegio';
import { startDemoServer, type DemoServer, type FaultMode } from '../../support/demo';
import { ANNA, NY, signedInClient } from './helpers';

describe('client behaviour when Altegio misbehaves', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => new Date('2026-03-18T15:00:00Z') });
  });
  afterAll(() => demo.close());
  beforeEach(() => {
    demo.faults.clear();
    demo.received.requests.length = 0;
  });

  const cases: [FaultMode, string, RegExp][] = [
    ['http500', 'UPSTREAM', /trouble.*500/],
    ['html502', 'UPSTREAM', /trouble.*502/],
    ['rate429', 'RATE_LIMITED', /too many requests/i],
    ['rate429NoHeader', 'RATE_LIMITED', /too many requests/i],
    ['malformedJson', 'UPSTREAM', /unexpected answer to GET \/staff\/\{id\}/],
    ['successFalse', 'UPSTREAM', /An error has occurred/],
    ['wrongType', 'UPSTREAM', /unexpected answer to GET \/staff\/\{id\}/],
    ['forbiddenLicense', 'FORBIDDEN', new RegExp(`renew the license in the branch with id: ${NY}`)],
    ['unauthorized', 'AUTH_REQUIRED', /Authentication needed/],
  ];

  it.each(cases)('%s → %s', async (mode, code, message) => {
    const { api } = signedInClient(demo);
    demo.faults.set({ mode });
    const err = await api.staff(NY).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, details: { endpoint: 'GET /staff/{id}' } });
    expect((err as Error).message).toMatch(message);
    expect(JSON.stringify(err)).not.toContain(ANNA.userToken);
    expect(JSON.stringify(err)).not.toContain(demo.dataset.partnerToken);
  });

  it('GETs are retried on 5xx (2 retries by default) with growing back-off', async () => {
    const { api, sleeps } = signedInClient(demo);
    demo.faults.set({ mode: 'http500' });
    await expect(api.staff(NY)).rejects.toMatchObject({ code: 'UPSTREAM' });
    expect(demo.received.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it('a 5xx that clears up is invisible to the caller', async () => {
    const { api } = signedInClient(demo);
    demo.faults.set({ mode: 'html502', times: 1 });
    expect((await api.staff(NY)).length).toBeGreaterThan(0);
  });

  it('POST is not retried on 5xx', async () => {
    const { api } = signedInClient(demo);
    demo.faults.set({ mode: 'http500' });
    await expect(api.auth(ANNA.login, ANNA.password)).rejects.toMatchObject({ code: 'UPSTREAM' });
    expect(demo.received.requests).toHaveLength(1);
  });

  it('a 429 followed by success: one retry after Retry-After, then the data', async () => {
    const { api, sleeps } = signedInClient(demo);
    demo.faults.set({ mode: 'rate429', times: 1 });
    expect((await api.myCompanies()).length).toBe(3);
    expect(demo.received.requests).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
  });

  it('429 without Retry-After backs off; gives up after max429Retries', async () => {
    const { api, sleeps } = signedInClient(demo, { max429Retries: 3 });
    demo.faults.set({ mode: 'rate429NoHeader' });
    await expect(api.myCompanies()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(demo.received.requests).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps.every((ms) => ms > 0)).toBe(true);
  });

  it('timeout → OFFLINE, connectivity reported false; any later answer reports true', async () => {
    const { api, connectivity } = signedInClient(demo, { timeoutMs: 150, retries: 1 });
    demo.faults.set({ mode: 'slow', delayMs: 2000 });
    const err = await api.myCompanies().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'OFFLINE', details: { timeout: true } });
    expect(demo.received.requests).toHaveLength(2);
    expect(connectivity).toEqual([false]);
    demo.faults.clear();
    await api.myCompanies();
    expect(connectivity).toEqual([false, true]);
  });

  it('401 calls onUnauthorized with Altegio’s message', async () => {
    const { api, unauthorized } = signedInClient(demo);
    demo.faults.set({ mode: 'unauthorized', times: 1 });
    await expect(api.company(NY)).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(unauthorized).toEqual(['Authentication needed.']);
  });

  it('errors from the credentials source pass through untouched', async () => {
    const api = createAltegioClient({
      baseUrl: demo.url,
      vendor: 'altegio',
      credentials: () => {
        throw Object.assign(new Error('Please sign in.'), { code: 'AUTH_REQUIRED' });
      },
    });
    await expect(api.staff(NY)).rejects.toMatchObject({ code: 'AUTH_REQUIRED', message: 'Please sign in.' });
    expect(demo.received.requests).toHaveLength(0);
  });

  it('server down → OFFLINE after retries; back up on the same port → works again', async () => {
    const { api, sleeps, connectivity } = signedInClient(demo);
    await demo.stop();
    try {
      await expect(api.myCompanies()).rejects.toMatchObject({
        code: 'OFFLINE',
        message: expect.stringMatching(/Cannot reach Altegio/),
      });
      expect(sleeps).toHaveLength(2);
      expect(connectivity).toEqual([false]);
    } finally {
      await demo.restart();
    }
    expect((await api.myCompanies()).length).toBe(3);
  });
});
