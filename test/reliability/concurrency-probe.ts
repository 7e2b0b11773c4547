import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../support/demo';
import { Secrets } from '../../src/main/secrets';
import { MAX_PIN_FAILURES } from '../../src/main/services/desk/pin-policy';
import { makeServices, type TestServices } from '../support/services';
import { solid } from '../main/photos/images';
import { almatyCount, FakeZ, LOC, setupCashup } from '../main/cashup/helpers';
import type { Row } from './table';

const anna = DEMO_USERS[0]!;
const lea = DEMO_USERS[1]!;
const PINS = { [anna.id]: '1111', [lea.id]: '2222' } as Record<number, string>;
/** A location Anna has and Léa has not (Léa: 410003 only), so no request about it may carry Léa's token. */
const ANNA_ONLY = 410_001;

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
const reason = (r: Envelope) => (r.ok ? 'ok' : String(r.error.details?.['reason'] ?? r.error.code));

/** A desk with Anna and Léa signed in, each with a PIN; `active` is the one left signed in. */
async function twoPeople(demo: DemoServer, active: typeof anna = lea): Promise<{ t: TestServices; secrets: Secrets; done: () => Promise<void> }> {
  const keychainService = `front-desk-conc-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const t = await makeServices({ altegioBaseUrl: demo.url, keychainService, buildPartnerToken: DEMO_PARTNER_TOKEN });
  for (const u of active === lea ? [anna, lea] : [lea, anna]) {
    const signIn = (await t.call('session.signIn', { environment: 'demo', login: u.login, password: u.password })) as Envelope;
    if (!signIn.ok) throw new Error(`probe sign-in failed: ${signIn.error.message}`);
    await t.call('desk.setPin', { pin: PINS[u.id]! });
  }
  const secrets = new Secrets(keychainService);
  return {
    t,
    secrets,
    async done() {
      demo.faults.clear();
      for (const u of [anna, lea]) await secrets.deleteUser('demo', u.id).catch(() => undefined);
      await t.services.close();
    },
  };
}

/** Waits (polling, no timing asserted) until `cond` holds or `ms` pass. */
async function until(cond: () => boolean, ms = 30_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/** Issue 21.1: N parallel wrong PINs must not be checked past the limit, and the right PIN after them must not unlock. */
async function parallelUnlocks(demo: DemoServer, calls: number): Promise<Row> {
  const { t, done } = await twoPeople(demo);
  try {
    await t.call('desk.lock', {});
    const answers = (await Promise.all(
      Array.from({ length: calls }, (_, i) => t.call('desk.unlock', { userId: anna.id, pin: String(100_000 + i) })),
    )) as Envelope[];
    const checked = answers.filter((a) => reason(a) === 'wrong-pin').length;
    const right = (await t.call('desk.unlock', { userId: anna.id, pin: PINS[anna.id]! })) as Envelope;
    const counter = t.services.ctx.db.prepare('SELECT pin_failures FROM desk_users WHERE user_id = ?').pluck().get(anna.id);
    return {
      probe: 'concurrency',
      case: `${calls} parallel wrong PINs (limit ${MAX_PIN_FAILURES})`,
      result: `${checked} answered "wrong PIN" (checked), then the right PIN: ${right.ok ? 'UNLOCKED' : `refused (${reason(right)})`}; counter ${String(counter)}`,
      pass: checked <= MAX_PIN_FAILURES - 1 && !right.ok,
    };
  } finally {
    await done();
  }
}

/** Issue 21.4: a print racing a save must lock exactly what was printed. */
async function printWhileSaving(trials: number): Promise<Row> {
  let printed = 0;
  let draftAfterPrint = 0;
  for (let i = 0; i < trials; i++) {
    const date = `2026-03-${String(10 + i).padStart(2, '0')}`;
    const s = setupCashup({ z: new FakeZ() });
    try {
      const key = { locationId: LOC, date };
      const view = await s.h['cashup.open'](key);
      const counted = { ...almatyCount(view.current.input), note: 'Short 500 ₸: change given twice' };
      await s.h['cashup.save']({ ...key, version: view.current.version, input: counted });
      // Both as the router calls them: a handler that refuses at once (a synchronous throw) is a refused
      // call, not a probe that stops with the print still running.
      const [p] = await Promise.allSettled([
        (async () => s.h['cashup.print']({ ...key, paper: 'a4' }))(),
        (async () => s.h['cashup.save']({ ...key, version: view.current.version, input: { ...counted, note: 'A later note, typed while printing' } }))(),
      ]);
      if (p.status === 'fulfilled' && p.value.printed) {
        printed++;
        const rows = s.t.db
          .prepare(`SELECT status, input FROM cashups WHERE location_id = ? AND date = ? ORDER BY version`)
          .all(LOC, date) as { status: string; input: string }[];
        const locked = rows.find((r) => r.status === 'locked');
        // What was printed carried the first note; the locked version must be that one.
        if (!locked || !(JSON.parse(locked.input) as { note?: string }).note?.startsWith('Short 500')) draftAfterPrint++;
      }
    } finally {
      s.t.close();
    }
  }
  return {
    probe: 'concurrency',
    case: `cash-up print ∥ save (${trials} trials)`,
    result: `${printed} printed; ${draftAfterPrint} left the printed version unlocked or changed`,
    pass: printed > 0 && draftAfterPrint === 0,
  };
}

/**
 * Issue 21.2: a sign-in at the lock screen adds a person; it opens the desk for that person's data only.
 * Two ways in: a colleague with fewer locations (Léa has only 410003), and the Demo salon (anyone can sign
 * in there) at a desk locked on the real salon, then back. A colleague signed in at an open desk may
 * remove a desk user (test/main/desk/desk.test.ts); nobody may once the Demo session has ended.
 */
async function signInWhileLocked(demo: DemoServer): Promise<Row> {
  const refused = (a: Envelope, code: string) => !a.ok && a.error.code === code;
  // A colleague at the lock screen: Anna's other locations stay closed on every data channel.
  const colleague = await twoPeople(demo, anna);
  let closed = 0;
  const channels = [
    ['staff.list', { locationId: ANNA_ONLY }],
    ['catalog.location', { id: ANNA_ONLY }],
    ['catalog.categories', { locationId: ANNA_ONLY }],
    ['today.get', { locationId: ANNA_ONLY }],
    ['cashup.history', { locationId: ANNA_ONLY }],
    ['reports.dayEnd', { locationId: ANNA_ONLY, date: '2026-11-30' }],
  ] as const;
  try {
    const { t } = colleague;
    await t.call('sync.run');
    await t.call('desk.lock', {});
    await t.call('session.signIn', { environment: 'demo', login: lea.login, password: lea.password });
    await t.call('sync.run');
    for (const [channel, args] of channels) if (refused((await t.call(channel, args)) as Envelope, 'FORBIDDEN')) closed++;
  } finally {
    await colleague.done();
  }
  // The Demo salon at a desk locked on the real one, then back to the real one.
  const keychainService = `front-desk-conc-${process.pid}-${Date.now()}-demo`;
  const t = await makeServices({ altegioBaseUrl: demo.url, keychainService, buildPartnerToken: DEMO_PARTNER_TOKEN });
  const secrets = new Secrets(keychainService);
  try {
    const signIn = (await t.call('session.signIn', { environment: 'altegio', login: anna.login, password: anna.password })) as Envelope;
    if (!signIn.ok) throw new Error(`probe sign-in failed: ${signIn.error.message}`);
    await t.call('desk.setPin', { pin: PINS[anna.id]! });
    await t.call('sync.run');
    await t.call('desk.lock', {});
    await t.call('session.signIn', { environment: 'demo', login: lea.login, password: lea.password });
    const demoSees = !refused((await t.call('staff.list', { locationId: ANNA_ONLY })) as Envelope, 'FORBIDDEN');
    await t.call('settings.environment', { id: 'altegio' });
    const state = (await t.call('desk.state')) as Envelope;
    const locked = state.ok && (state.data as { locked: boolean }).locked;
    const removeAnna = (await t.call('desk.removeUser', { userId: anna.id })) as Envelope;
    const annaKept = (await secrets.getUser('altegio', anna.id)) !== null;
    return {
      probe: 'concurrency',
      case: 'sign-in at the lock screen',
      result:
        `colleague: Anna's location closed ${closed}/${channels.length}; Demo: salon ${demoSees ? 'READABLE' : 'closed'}; ` +
        `back: ${locked ? 'locked' : 'UNLOCKED'}, remove Anna ${removeAnna.ok ? 'DONE' : `refused`}, token ${annaKept ? 'kept' : 'DELETED'}`,
      pass: closed === channels.length && !demoSees && locked && !removeAnna.ok && annaKept,
    };
  } finally {
    for (const env of ['demo', 'altegio'] as const) for (const u of [anna, lea]) await secrets.deleteUser(env, u.id).catch(() => undefined);
    await t.services.close();
  }
}

/** Issue 21.5: a sync started by Anna goes on with Anna's token after Léa unlocks. */
async function switchDuringSync(demo: DemoServer): Promise<Row> {
  const { t, done } = await twoPeople(demo, anna);
  try {
    await t.call('sync.run'); // the syncs that the sign-ins started are over
    // The run's first services request is held (answered late) while the desk switches to Léa, so the
    // switch lands inside Anna's run by construction; the rest of her run comes after it.
    demo.faults.set({ mode: 'slow', delayMs: 1500, times: 1, match: /\/services\b/ });
    const from = demo.received.requests.length;
    const sync = t.call('sync.run');
    await until(() => demo.received.requests.slice(from).some((r) => /\/services\b/.test(r.path)));
    await t.call('desk.lock', {});
    await t.call('desk.unlock', { userId: lea.id, pin: PINS[lea.id]! });
    const switchedAt = demo.received.requests.length;
    await sync;
    const ended = demo.received.requests.length;
    demo.faults.clear();
    // Requests of Anna's run after the switch: every catalogue call until her run answered. (A sync Léa's
    // unlock asks for joins the running one, so none of these is Léa's own.)
    const after = demo.received.requests.slice(switchedAt, ended).filter((r) => /\/(services|service_categories|staff)\b/.test(r.path));
    const asLea = after.filter((r) => r.userId === lea.id).length;
    return {
      probe: 'concurrency',
      case: 'user switch during a sync',
      result: `${after.length} catalogue requests after the switch, ${asLea} sent with the next person's token`,
      pass: after.length > 0 && asLea === 0,
    };
  } finally {
    await done();
  }
}

/**
 * Issue 21.5: photos Anna queued go out with Anna's token, even when Léa unlocks during the flush.
 * The uploads are first refused (5xx) so they wait in the outbox; the flush is then started (back
 * online) with each upload held, and the desk switches to Léa once the first one is on the wire. The
 * request log records whose token each upload carried, so a run that takes credentials per request
 * fails here even though both demo users may upload to this location.
 */
async function switchDuringFlush(demo: DemoServer): Promise<Row> {
  const { t, done } = await twoPeople(demo, anna);
  try {
    await t.call('sync.run');
    // Anna's own location: Léa's sync after her unlock never asks about it, so every request about it
    // that carries Léa's token is the flush going on under the wrong person.
    const locationId = ANNA_ONLY;
    const staff = (await t.services.handlers['staff.list']({ locationId })).items.slice(0, 4);
    const jpeg = new Uint8Array(await solid(300, 300, 'jpeg', [200, 136, 119]));
    const isUpload = (r: { method: string; path: string }) => r.method === 'POST' && r.path.includes('/images/');
    demo.faults.set({ mode: 'http500', match: '/images/' });
    const queued = [];
    for (const m of staff) queued.push(await t.call('staff.uploadPhoto', { locationId, staffId: m.id, bytes: jpeg, fileName: `${m.id}.jpg` }));
    const waiting = (queued as Envelope[]).filter((q) => q.ok && (q.data as { status: string }).status === 'queued').length;
    if (waiting !== staff.length) throw new Error(`${waiting} of ${staff.length} uploads were queued`);
    // The first upload of the flush is held until well after the switch; the others follow its answer,
    // so they leave after the switch by construction.
    demo.faults.set({ mode: 'slow', delayMs: 2500, times: 1, match: '/images/' });
    const from = demo.received.requests.length;
    // Back online: the outbox makes every item due and one flush run (Anna's) claims them.
    t.services.ctx.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    if (!(await until(() => demo.received.requests.slice(from).some(isUpload)))) throw new Error('the flush sent nothing');
    await t.call('desk.lock', {});
    await t.call('desk.unlock', { userId: lea.id, pin: PINS[lea.id]! });
    const switchedAt = demo.received.requests.length;
    const pending = () => t.services.ctx.db.prepare(`SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')`).pluck().get() as number;
    await until(() => pending() === 0, 20_000);
    demo.faults.clear();
    const posts = demo.received.requests.slice(from).filter(isUpload);
    const afterSwitch = demo.received.requests.slice(switchedAt).filter(isUpload).length;
    // Every request of the flush: the uploads and the checks of whether an earlier upload arrived.
    const ofFlush = demo.received.requests.slice(from).filter((r) => isUpload(r) || (r.method === 'GET' && r.path.startsWith(`/api/v1/staff/${locationId}`)));
    const notAnna = ofFlush.filter((r) => r.userId !== anna.id).length;
    const failed = t.services.ctx.db.prepare(`SELECT count(*) FROM outbox WHERE state = 'failed'`).pluck().get() as number;
    return {
      probe: 'concurrency',
      case: 'user switch during an outbox flush',
      result: `${posts.length} of ${staff.length} uploads sent (${afterSwitch} after the switch); ${ofFlush.length} requests, ${notAnna} not with Anna's token; ${pending()} waiting, ${failed} failed for good`,
      // The switch must land inside the run (some uploads after it), or the row tests nothing.
      pass: posts.length === staff.length && afterSwitch > 0 && notAnna === 0 && failed === 0 && pending() === 0,
    };
  } finally {
    await done();
  }
}

/**
 * The concurrency rows: each runs its race through the real services (the cash-up through its domain).
 * Each row has its own demo server (its own faults and request log), so the rows run side by side: they
 * mostly wait on the client's rate limit and on held answers, and one after another they made the small
 * run inside `npm test` half again as long.
 */
export async function concurrencyProbe(opts: { unlockCalls: number; printTrials: number }): Promise<Row[]> {
  const guard = async (name: string, run: (demo: DemoServer) => Promise<Row>): Promise<Row> => {
    const started = Date.now();
    const demo = await startDemoServer();
    try {
      return await run(demo);
    } catch (e) {
      return { probe: 'concurrency', case: name, result: `probe failed to run: ${(e as Error).message.slice(0, 120)}`, pass: false };
    } finally {
      await demo.close();
      // Where the small run inside `npm test` spends its time (reported, never asserted).
      process.stderr.write(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  };
  return Promise.all([
    guard('parallel wrong PINs', (demo) => parallelUnlocks(demo, opts.unlockCalls)),
    guard('cash-up print ∥ save', () => printWhileSaving(opts.printTrials)),
    guard('sign-in at the lock screen', (demo) => signInWhileLocked(demo)),
    guard('user switch during a sync', (demo) => switchDuringSync(demo)),
    guard('user switch during an outbox flush', (demo) => switchDuringFlush(demo)),
  ]);
}
