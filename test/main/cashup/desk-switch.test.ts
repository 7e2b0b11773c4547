import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { Secrets } from '../../../src/main/secrets';
import type { CashupView } from '../../../src/shared/domain/cashup';
import { makeServices, type TestServices } from '../../support/services';

// The cash-up at a shared desk, through the real IPC router: the person who starts it is the one
// recorded, even when the desk locks and someone else unlocks before Altegio answers (issue 21 §5).
const anna = DEMO_USERS[0]!; // every demo location
const lea = DEMO_USERS[1]!; // only 410003
const ANNA_ONLY = 410001;

describe('who counted a cash-up at a shared desk', () => {
  let demo: DemoServer;
  let t: TestServices;
  let keychainService: string;

  afterEach(async () => {
    const secrets = new Secrets(keychainService);
    for (const u of [anna, lea]) await secrets.deleteUser('demo', u.id).catch(() => undefined);
    await t.services.close();
    await demo.close();
  });

  async function signInWithPin(u: typeof anna, pin: string) {
    expect(await t.call('session.signIn', { environment: 'demo', login: u.login, password: u.password })).toMatchObject(
      { ok: true },
    );
    expect(await t.call('desk.setPin', { pin })).toMatchObject({ ok: true });
  }

  it('a cash-up Anna opens is counted by Anna even when Léa unlocks before the Z report arrives', async () => {
    demo = await startDemoServer();
    keychainService = `front-desk-cashup-switch-${process.pid}-${Date.now()}`;
    const clock = Date.parse('2026-12-01T10:00:00Z');
    t = await makeServices({
      altegioBaseUrl: demo.url,
      keychainService,
      now: () => new Date(clock),
      buildPartnerToken: DEMO_PARTNER_TOKEN,
    });
    await signInWithPin(lea, '2222');
    await t.call('desk.lock');
    await signInWithPin(anna, '1111');
    await t.call('sync.run');
    const day = { locationId: ANNA_ONLY, date: '2026-11-30' };
    const first = (await t.call('cashup.open', day)) as { ok: true; data: CashupView };
    const input = { ...first.data.current.input, note: 'Counted by Anna' };
    expect(await t.call('cashup.save', { ...day, version: 1, input })).toMatchObject({ ok: true });
    // Anna opens it again (the draft takes Altegio's newest figures); the desk changes hands meanwhile.
    demo.faults.set({ mode: 'slow', match: '/reports/z_report', delayMs: 400, times: 1 });
    const opening = t.call('cashup.open', day);
    await new Promise((r) => setTimeout(r, 100));
    await t.call('desk.lock');
    await t.call('desk.unlock', { userId: lea.id, pin: '2222' });
    // Anna's answer is not shown to Léa (the desk gate drops it), but the draft it refreshed was written.
    await opening;
    const rows = t.services.ctx.db.prepare('SELECT counted_by FROM cashups').all() as { counted_by: string }[];
    expect(rows.map((r) => r.counted_by)).toEqual([anna.name]);
  });
});
