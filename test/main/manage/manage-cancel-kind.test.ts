import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../../src/main/altegio';
import { recordRights } from '../../../src/main/services/catalog/location-rights';
import { createLocationDomain, type LocationDomain } from '../../../src/main/services/location';
import { createManageDomain, type ManageDomain } from '../../../src/main/services/manage';
import { AppError, isAppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';

/** Location edits share `outbox_catalog` with manager mode: manage.* must never act on them (issue 22). */
const MANAGER = DEMO_USERS.find((u) => u.login === 'demo@frontdesk.app')!;
const NY = 410001;

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

let t: TestContext | null = null;
let loc: LocationDomain | null = null;
let manage: ManageDomain | null = null;
const audit: string[] = [];
afterEach(() => {
  loc?.close?.();
  manage?.close?.();
  t?.close();
  audit.length = 0;
});

async function queuedLocationEdit() {
  const client = createAltegioClient({
    baseUrl: demo.url,
    vendor: 'altegio',
    credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: MANAGER.userToken }),
    retries: 0,
    timeoutMs: 3_000,
    limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
  });
  const net = { offline: false };
  t = makeTestContext({
    userId: MANAGER.id,
    userName: MANAGER.name,
    altegio: async () => {
      if (net.offline) throw new AppError('OFFLINE', 'No connection.');
      return client;
    },
  });
  recordRights(t.ctx.settings, t.ctx.currentUser()!, [NY]);
  const record = (_a: string, detail: string) => audit.push(detail);
  loc = createLocationDomain(t.ctx, { audit: record, location: () => null, tickMs: 3_600_000 });
  manage = createManageDomain(t.ctx, { audit: record, tickMs: 3_600_000 });
  const card = await loc.handlers['location.card']({ locationId: NY });
  net.offline = true;
  const item = await loc.handlers['location.update']({
    locationId: NY,
    base: card.fields!,
    changes: { city: 'Brooklyn' },
  });
  expect(item.state).toBe('pending');
  audit.length = 0;
  return { item, manage, loc };
}

describe('manage.* and a queued location edit', () => {
  it('manage.cancel refuses a location edit with a sentence; the edit stays queued and nothing is audited', async () => {
    const { item, manage, loc } = await queuedLocationEdit();
    const e = await Promise.resolve()
      .then(() => manage.handlers['manage.cancel']({ id: item.id }))
      .catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('INVALID_INPUT');
    expect((e as AppError).message).toMatch(/location card/);
    const card = await loc.handlers['location.card']({ locationId: NY });
    expect(card.pending?.id).toBe(item.id);
    expect(audit).toEqual([]);
  });

  it('manage.retry and manage.resolveConflict refuse it too', async () => {
    const { item, manage } = await queuedLocationEdit();
    for (const call of [
      () => manage.handlers['manage.retry']({ id: item.id }),
      () => manage.handlers['manage.resolveConflict']({ id: item.id, choice: 'theirs' }),
    ]) {
      const e = await Promise.resolve()
        .then(call)
        .catch((x: unknown) => x);
      expect(isAppError(e) && e.code).toBe('INVALID_INPUT');
    }
    expect(audit).toEqual([]);
  });
});
