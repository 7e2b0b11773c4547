import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Secrets } from '../../../src/main/secrets';
import type { AuditEntryView } from '../../../src/shared/domain/desk';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { makeServices, type TestServices } from '../../support/services';

/**
 * The poster through the whole main side (container, router, lock gate, audit) against the demo: a receptionist
 * without any manager rights prints it with the location's name and phone, and the desk's list says who did.
 */
const DESK = DEMO_USERS.find((u) => u.login === 'desk@frontdesk.app')!;
const NY = 410001;

describe('the booking poster at a shared desk', () => {
  let demo: DemoServer;
  let t: TestServices;
  let keychainService: string;

  afterEach(async () => {
    await new Secrets(keychainService).deleteUser('demo', DESK.id).catch(() => undefined);
    await t.services.close();
    await demo.close();
  });

  it('a receptionist prints it; the paper names the location and its phone; the audit list names her', async () => {
    demo = await startDemoServer();
    keychainService = `front-desk-poster-${process.pid}-${Date.now()}`;
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService, buildPartnerToken: DEMO_PARTNER_TOKEN });
    expect(
      await t.call('session.signIn', { environment: 'demo', login: DESK.login, password: DESK.password }),
    ).toMatchObject({
      ok: true,
    });
    await t.call('sync.run');

    const forms = await t.call('booking.forms', { locationId: NY });
    expect(forms).toMatchObject({ ok: true, data: { preferredId: 841002 } });
    expect(await t.call('booking.printPoster', { locationId: NY, format: 'a4' })).toEqual({
      ok: true,
      data: { printed: true },
    });
    expect(
      await t.call('booking.savePosterPdf', { locationId: NY, format: 'receipt80', formId: 841001 }),
    ).toMatchObject({
      ok: true,
    });
    const folder = join(t.userData, 'prints');
    const printed = readdirSync(folder).sort();
    expect(printed).toHaveLength(2);
    const poster = readFileSync(join(folder, printed[0]!), 'utf8');
    expect(poster).toContain('<p class="place">Front Desk Beauty — SoHo</p>');
    expect(poster).toContain('(212) 555-0141');
    expect(poster).toContain('n841002.alteg.io');
    expect(printed[1]).toContain('Booking slip Front Desk Beauty — SoHo');

    const audit = (await t.call('desk.audit')) as { ok: true; data: AuditEntryView[] };
    const rows = audit.data.filter((r) => /booking/.test(r.detail ?? ''));
    expect(rows.map((r) => [r.action, r.detail, r.userName])).toEqual(
      expect.arrayContaining([
        ['print', `booking poster · a4 · location ${NY}`, DESK.name],
        ['pdf', `booking poster · receipt80 · location ${NY}`, DESK.name],
      ]),
    );

    // A bad argument is refused with a typed error and prints nothing.
    expect(await t.call('booking.printPoster', { locationId: NY, format: 'a5' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(readdirSync(folder)).toHaveLength(2);
  });
});
