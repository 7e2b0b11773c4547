import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { Secrets } from '../../../src/main/secrets';
import { MAX_PIN_FAILURES } from '../../../src/main/services/desk/pin-policy';
import { makeServices, type TestServices } from '../../support/services';

// The shared desk under attack, always through the real IPC router (issue 21, items 1, 2, 5, 9).
const anna = DEMO_USERS[0]!; // every demo location
const lea = DEMO_USERS[1]!; // only 410003
const ANNA_ONLY = 410001;

type Err = { ok: false; error: { code: string; details?: { reason?: string } } };

describe('the shared desk holds under attack', () => {
  let demo: DemoServer;
  let t: TestServices;
  let keychainService: string;
  let clock = Date.parse('2026-12-01T10:00:00Z');

  async function setUp(opts: { advancingClock?: boolean } = {}) {
    demo = await startDemoServer();
    keychainService = `front-desk-attack-${process.pid}-${Date.now()}`;
    clock = Date.parse('2026-12-01T10:00:00Z');
    // An advancing clock makes every wait between tries already over: only the counting can stop a guess.
    const now = opts.advancingClock ? () => new Date((clock += 60_000)) : () => new Date(clock);
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService, now, buildPartnerToken: DEMO_PARTNER_TOKEN });
  }

  afterEach(async () => {
    const secrets = new Secrets(keychainService);
    for (const u of [anna, lea]) {
      for (const env of ['demo', 'altegio'] as const) await secrets.deleteUser(env, u.id).catch(() => undefined);
    }
    await t.services.close();
    await demo.close();
  });

  async function signIn(u: typeof anna, environment: 'demo' | 'altegio' = 'demo') {
    expect(await t.call('session.signIn', { environment, login: u.login, password: u.password })).toMatchObject({
      ok: true,
    });
  }

  async function signInWithPin(u: typeof anna, pin: string, environment: 'demo' | 'altegio' = 'demo') {
    await signIn(u, environment);
    expect(await t.call('desk.setPin', { pin })).toMatchObject({ ok: true });
  }

  it('60 parallel wrong PINs are all counted: the limit holds and the right PIN then stays refused', async () => {
    await setUp({ advancingClock: true });
    await signInWithPin(anna, '1234');
    await t.call('desk.lock');
    const guesses = Array.from({ length: 60 }, (_, i) => String(5000 + i));
    const answers = (await Promise.all(
      guesses.map((pin) => t.call('desk.unlock', { userId: anna.id, pin })),
    )) as unknown as Err[];
    const reasons = answers.map((a) => a.error.details?.reason);
    expect(answers.every((a) => a.ok === false)).toBe(true);
    // Exactly MAX_PIN_FAILURES guesses were judged; every other one was refused unjudged.
    expect(reasons.filter((r) => r === 'wrong-pin')).toHaveLength(MAX_PIN_FAILURES - 1);
    expect(reasons.filter((r) => r === 'locked-out')).toHaveLength(60 - (MAX_PIN_FAILURES - 1));
    const row = t.services.ctx.db
      .prepare('SELECT pin_failures, locked_out FROM desk_users WHERE user_id = ?')
      .get(anna.id) as { pin_failures: number; locked_out: number };
    expect(row).toEqual({ pin_failures: MAX_PIN_FAILURES, locked_out: 1 });
    // The burst is one audit row with its count, then the lockout.
    const audit = t.services.ctx.db
      .prepare(`SELECT action, count FROM audit_log WHERE action LIKE 'pin-%' AND action <> 'pin-set' ORDER BY id`)
      .all();
    expect(audit).toEqual([
      { action: 'pin-wrong', count: MAX_PIN_FAILURES - 1 },
      { action: 'pin-lockout', count: 1 },
    ]);
    expect(await t.call('desk.unlock', { userId: anna.id, pin: '1234' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'locked-out' } },
    });
    expect(await t.call('session.current')).toEqual({ ok: true, data: null });
  });

  it("a sign-in at a locked desk opens only that person's locations, on every data channel", async () => {
    await setUp();
    await signInWithPin(anna, '1111');
    await t.call('sync.run');
    await t.call('desk.lock');
    await signIn(lea); // "Add person" at the lock screen
    await t.call('sync.run');
    for (const [channel, args] of [
      ['staff.list', { locationId: ANNA_ONLY }],
      ['catalog.location', { id: ANNA_ONLY }],
      ['catalog.search', { locationId: ANNA_ONLY, query: 'cut' }],
      ['catalog.categories', { locationId: ANNA_ONLY }],
      ['cashup.history', { locationId: ANNA_ONLY }],
      ['cashup.exportCsv', { locationId: ANNA_ONLY, from: '2026-11-01', to: '2026-12-01' }],
      ['reports.dayEnd', { locationId: ANNA_ONLY, date: '2026-11-30' }],
      ['today.get', { locationId: ANNA_ONLY }],
      ['sync.run', { locationId: ANNA_ONLY }],
    ] as const) {
      expect({ channel, answer: await t.call(channel, args) }).toMatchObject({
        channel,
        answer: { ok: false, error: { code: 'FORBIDDEN', details: { reason: 'location' } } },
      });
    }
    const status = (await t.call('sync.status')) as { data: { locations: { locationId: number }[] } };
    expect(status.data.locations.map((l) => l.locationId)).toEqual(lea.locationIds);
    // Her own location still answers.
    expect(await t.call('staff.list', { locationId: lea.locationIds![0] })).toMatchObject({ ok: true });
    // Whatever Anna left on screen is not handed to Léa.
    expect(((await t.call('desk.state')) as { data: { returnTo: string | null } }).data.returnTo).toBeNull();
  });

  it("a Demo sign-in at a locked desk sees none of the real salon's data, and switching back leaves it locked", async () => {
    await setUp();
    await signInWithPin(anna, '1111', 'altegio');
    await t.call('sync.run');
    const cashupOpened = await t.call('cashup.open', { locationId: ANNA_ONLY, date: '2026-11-30' });
    expect(cashupOpened).toMatchObject({ ok: true });
    await t.call('desk.lock');

    await signIn(lea, 'demo');
    await t.call('sync.run');
    expect(await t.call('staff.list', { locationId: ANNA_ONLY })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call('cashup.history', { locationId: ANNA_ONLY })).toMatchObject({ ok: false });
    const audit = (await t.call('desk.audit')) as { data: { userName: string | null }[] };
    expect(audit.data.map((a) => a.userName)).not.toContain(anna.name);
    const status = (await t.call('sync.status')) as { data: { locations: { locationId: number }[] } };
    expect(status.data.locations.map((l) => l.locationId)).not.toContain(ANNA_ONLY);

    // Back to the real salon: Léa's Demo session ends; Anna's data is behind the lock again.
    expect(await t.call('settings.environment', { id: 'altegio' })).toMatchObject({ ok: true });
    expect(await t.call('session.current')).toEqual({ ok: true, data: null });
    expect(await t.call('desk.state')).toMatchObject({ ok: true, data: { locked: true } });
    expect(await t.call('staff.list', { locationId: ANNA_ONLY })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    expect(await t.call('desk.removeUser', { userId: anna.id })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' },
    });
    expect(await new Secrets(keychainService).getUser('altegio', anna.id)).toMatchObject({ userId: anna.id });
    expect(await t.call('desk.unlock', { userId: anna.id, pin: '1111' })).toMatchObject({ ok: true });
  });

  it('with nobody signed in, data channels refuse even when no desk user is held', async () => {
    await setUp();
    await signIn(anna);
    await t.call('sync.run');
    await t.call('session.signOut');
    expect(await t.call('desk.state')).toMatchObject({ ok: true, data: { locked: false, users: [] } });
    for (const channel of ['catalog.locations', 'sync.status', 'desk.audit', 'outbox.list']) {
      expect({ channel, answer: await t.call(channel) }).toMatchObject({
        channel,
        answer: { ok: false, error: { code: 'AUTH_REQUIRED' } },
      });
    }
  });

  it('a call in flight when the desk locks does not deliver its data', async () => {
    await setUp();
    await signInWithPin(anna, '1111');
    await t.call('sync.run');
    demo.faults.set({ mode: 'slow', match: '/reports/z_report', delayMs: 400, times: 1 });
    const pending = t.call('reports.dayEnd', { locationId: ANNA_ONLY, date: '2026-11-30' });
    await new Promise((r) => setTimeout(r, 100));
    await t.call('desk.lock');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED', details: { reason: 'locked' } } });
  });

  it("a sync started by Anna never goes on with Léa's token, and Léa's locations stay hers", async () => {
    await setUp();
    await signInWithPin(lea, '2222');
    await t.call('sync.run');
    await t.call('desk.lock');
    await signInWithPin(anna, '1111');
    await t.call('sync.run');
    // Hold one of Anna's requests so the switch lands inside her sync.
    demo.faults.set({ mode: 'slow', match: `/company/${ANNA_ONLY}/services`, delayMs: 500, times: 1 });
    const first = demo.received.requests.length;
    const annasSync = t.call('sync.run');
    await new Promise((r) => setTimeout(r, 150));
    await t.call('desk.lock');
    expect(await t.call('desk.unlock', { userId: lea.id, pin: '2222' })).toMatchObject({ ok: true });
    // Léa's own sync does not join Anna's run, and answers with her locations only.
    const leasSync = (await t.call('sync.run')) as { ok: true; data: { locationId: number }[] };
    expect(leasSync.data.map((s) => s.locationId)).toEqual(lea.locationIds);
    // Anna's answer is not delivered to Léa's screen.
    expect(await annasSync).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    await new Promise((r) => setTimeout(r, 200));
    const leasForeign = demo.received.requests
      .slice(first)
      .filter((r) => r.userId === lea.id && !lea.locationIds!.some((id) => r.path.includes(String(id))))
      .filter((r) => !r.path.startsWith('/api/v1/companies'));
    expect(leasForeign).toEqual([]);
    const rights = t.services.ctx.settings.get<Record<string, number[]>>('catalog.locationRights', {});
    expect(rights[`demo:${lea.id}`]).toEqual(lea.locationIds);
  });

  it('a print started by Anna is recorded as hers even when Léa unlocks before it ends', async () => {
    await setUp();
    await signInWithPin(lea, '2222');
    await t.call('desk.lock');
    await signInWithPin(anna, '1111');
    await t.call('sync.run');
    demo.faults.set({ mode: 'slow', match: '/reports/z_report', delayMs: 400, times: 1 });
    const printing = t.call('reports.print', { locationId: ANNA_ONLY, date: '2026-11-30', paper: 'a4' });
    await new Promise((r) => setTimeout(r, 100));
    await t.call('desk.lock');
    await t.call('desk.unlock', { userId: lea.id, pin: '2222' });
    await printing;
    const rows = t.services.ctx.db.prepare(`SELECT user_name FROM audit_log WHERE action = 'print'`).all() as {
      user_name: string;
    }[];
    expect(rows.map((r) => r.user_name)).toEqual([anna.name]);
    // The paper says so too.
    const folder = join(t.userData, 'prints');
    const printed = readdirSync(folder).map((f) => readFileSync(join(folder, f), 'utf8'));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(anna.name);
    expect(printed[0]).not.toContain(lea.name);
  });

  it("Anna's queued photos, claimed by her flush, all go out with her token when Léa unlocks meanwhile", async () => {
    await setUp();
    await signInWithPin(lea, '2222');
    await t.call('desk.lock');
    await signInWithPin(anna, '1111');
    // Léa's sync from her sign-in may still be the one running: wait for Anna's location.
    let staff = (await t.call('staff.list', { locationId: ANNA_ONLY })) as {
      ok: boolean;
      data: { items: { id: number }[] };
    };
    for (let i = 0; i < 50 && !staff.ok; i++) {
      await t.call('sync.run');
      staff = (await t.call('staff.list', { locationId: ANNA_ONLY })) as typeof staff;
    }
    expect(staff).toMatchObject({ ok: true });
    const { cameraJpeg } = await import('../photos/images');
    await demo.stop();
    for (const member of staff.data.items.slice(0, 2)) {
      const res = await t.call('staff.uploadPhoto', {
        locationId: ANNA_ONLY,
        staffId: member.id,
        bytes: new Uint8Array(await cameraJpeg()),
        fileName: 'a.jpg',
      });
      expect(res).toMatchObject({ ok: true, data: { status: 'queued' } });
    }
    await demo.restart();
    const uploads = () =>
      demo.received.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/images'));
    // Hold the first upload so the switch lands inside Anna's flush.
    demo.faults.set({ mode: 'slow', match: '/images', delayMs: 600, times: 1 });
    t.services.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 150));
    await t.call('desk.lock');
    expect(await t.call('desk.unlock', { userId: lea.id, pin: '2222' })).toMatchObject({ ok: true });
    for (let i = 0; i < 40 && uploads().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(uploads().map((r) => r.userId)).toEqual([anna.id, anna.id]);
  });

  it("a colleague's queued photo at a location Léa does not have is not hers to see, cancel or retry", async () => {
    await setUp();
    await signInWithPin(anna, '1111');
    let staff = (await t.call('staff.list', { locationId: ANNA_ONLY })) as {
      ok: boolean;
      data: { items: { id: number }[] };
    };
    for (let i = 0; i < 50 && !staff.ok; i++) {
      await t.call('sync.run');
      staff = (await t.call('staff.list', { locationId: ANNA_ONLY })) as typeof staff;
    }
    const { cameraJpeg } = await import('../photos/images');
    await demo.stop();
    const queued = (await t.call('staff.uploadPhoto', {
      locationId: ANNA_ONLY,
      staffId: staff.data.items[0]!.id,
      bytes: new Uint8Array(await cameraJpeg()),
      fileName: 'a.jpg',
    })) as { ok: true; data: { outboxId: number } };
    expect(queued).toMatchObject({ ok: true, data: { status: 'queued' } });
    await demo.restart();
    await t.call('desk.lock');
    await signIn(lea);
    expect(await t.call('outbox.list')).toEqual({ ok: true, data: [] });
    for (const channel of ['outbox.cancel', 'outbox.retry']) {
      expect(await t.call(channel, { id: queued.data.outboxId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(t.services.ctx.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
  });

  it("Today's figures fetched for Anna are kept as hers even when Léa unlocks during the refresh", async () => {
    await setUp();
    const SHARED = lea.locationIds![0]!;
    await signInWithPin(lea, '2222');
    await t.call('desk.lock');
    await signInWithPin(anna, '1111');
    await t.call('sync.run');
    // Hold the schedule (the first request) so the switch lands before the per-person figures are fetched.
    demo.faults.set({ mode: 'slow', match: '/staff/schedule', delayMs: 500, times: 1 });
    const first = demo.received.requests.length;
    const annas = t.call('today.get', { locationId: SHARED, refresh: true });
    await new Promise((r) => setTimeout(r, 150));
    await t.call('desk.lock');
    expect(await t.call('desk.unlock', { userId: lea.id, pin: '2222' })).toMatchObject({ ok: true });
    expect(await annas).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    const analytics = demo.received.requests.slice(first).filter((r) => r.path.includes('/analytics/'));
    expect(analytics.length).toBeGreaterThan(0);
    expect(new Set(analytics.map((r) => r.userId))).toEqual(new Set([anna.id]));
    const owners = t.services.ctx.db
      .prepare(`SELECT DISTINCT user_id FROM today_cache WHERE part IN ('numbers', 'charts')`)
      .pluck()
      .all();
    expect(owners).toEqual([anna.id]);
  });
});
