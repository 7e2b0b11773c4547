import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { RateLimiter } from '../../../src/main/altegio';
import { Secrets } from '../../../src/main/secrets';
import type { LocationSummary } from '../../../src/shared/domain/catalog';
import type { TodayView } from '../../../src/shared/domain/today';
import { makeServices, type TestServices } from '../../support/services';

/**
 * Issue 25 §18: on first sign-in the desk had no location until the first location's whole catalogue
 * sync was stored, and Today's first requests then queued behind the sync's. Now the locations GET
 * /companies names are listed at once (with their first sync's state), and Today's requests take the
 * limiter's urgent lane.
 */
const anna = DEMO_USERS[0]!; // every demo location

describe('the first sign-in', () => {
  let demo: DemoServer;
  let t: TestServices;
  let keychainService: string;

  afterEach(async () => {
    vi.restoreAllMocks();
    demo.faults.clear();
    await new Secrets(keychainService).deleteUser('demo', anna.id).catch(() => undefined);
    await t.services.close();
    await demo.close();
  });

  async function signInWhileTheSyncIsHeld(): Promise<void> {
    demo = await startDemoServer();
    keychainService = `front-desk-first-${process.pid}-${Date.now()}`;
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService, buildPartnerToken: DEMO_PARTNER_TOKEN });
    // The catalogue sync's services lists answer slowly: the first location is not stored for a while.
    demo.faults.set({ mode: 'slow', match: /services/, delayMs: 1_500 });
    expect(await t.call('session.signIn', { environment: 'demo', login: anna.login, password: anna.password })).toMatchObject({
      ok: true,
    });
  }

  async function locations(): Promise<LocationSummary[]> {
    const res = (await t.call('catalog.locations')) as { ok: true; data: { items: LocationSummary[] } };
    expect(res.ok).toBe(true);
    return res.data.items;
  }

  async function syncEnds(): Promise<void> {
    await t.call('sync.run'); // joins the run the sign-in started
  }

  it('lists every location Altegio names as soon as the sign-in answers, with its first sync’s state', async () => {
    await signInWhileTheSyncIsHeld();
    const early = await locations();
    expect(t.services.ctx.db.prepare('SELECT COUNT(*) AS n FROM locations').get()).toEqual({ n: 0 });
    expect(early.length).toBeGreaterThan(1);
    for (const l of early) {
      expect(l).toMatchObject({ syncedAt: null, firstSync: 'running' });
      expect(l.title).not.toBe('');
      expect(l.timezoneName).toMatch(/\//);
    }
    // The catalogue of such a location is not there yet: the same NOT_FOUND as before (the screen says "syncing").
    expect(await t.call('staff.list', { locationId: early[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await syncEnds();
    const late = await locations();
    // The same locations, each now from its stored snapshot.
    expect(late.map((l) => l.id).sort()).toEqual(early.map((l) => l.id).sort());
    for (const l of late) {
      expect(l.syncedAt).not.toBeNull();
      expect(l.firstSync ?? null).toBeNull();
    }
  });

  it('Today opens a location whose first sync still runs, and its requests take the urgent lane', async () => {
    const lanes: (string | undefined)[] = [];
    const acquire = RateLimiter.prototype.acquire;
    vi.spyOn(RateLimiter.prototype, 'acquire').mockImplementation(function (this: RateLimiter, lane) {
      lanes.push(lane);
      return acquire.call(this, lane);
    });
    await signInWhileTheSyncIsHeld();
    const [first] = await locations();
    expect(first?.firstSync).toBe('running');
    const before = lanes.length;
    const res = (await t.call('today.get', { locationId: first!.id, parts: ['team'] })) as { ok: true; data: TodayView };
    expect(res).toMatchObject({ ok: true, data: { locationId: first!.id } });
    expect(res.data.team.data).not.toBeNull();
    const urgent = lanes.slice(before).filter((l) => l === 'urgent').length;
    expect(res.data.requests).toBeGreaterThan(0);
    expect(urgent).toBeGreaterThanOrEqual(res.data.requests);
    // The sync's own requests stayed in the background lane.
    expect(lanes.slice(0, before).every((l) => l !== 'urgent')).toBe(true);
    await syncEnds();
  });

  it('Today takes the listed location’s zone: the next slot alone costs one request, the team two', async () => {
    await signInWhileTheSyncIsHeld();
    const [first] = await locations();
    const slot = (await t.call('today.get', { locationId: first!.id, parts: ['nextSlot'] })) as { ok: true; data: TodayView };
    expect(slot).toMatchObject({ ok: true, data: { locationId: first!.id, locationTitle: first!.title } });
    expect(slot.data.nextSlot.data).not.toBeNull();
    expect(slot.data.requests).toBe(1);
    const team = (await t.call('today.get', { locationId: first!.id, parts: ['team'] })) as { ok: true; data: TodayView };
    expect(team.data.requests).toBe(2); // the schedule and the team's names
    const names = [...(team.data.team.data?.working ?? []), ...(team.data.team.data?.off ?? [])].map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n !== '')).toBe(true);
    await syncEnds();
  });
});
