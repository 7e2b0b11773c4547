import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { Secrets } from '../../../src/main/secrets';
import { makeServices, type TestServices } from '../../support/services';

// Issue 21, item 3: a start after a rebuilt (salvaged) database never resumes a session without a PIN.
const anna = DEMO_USERS[0]!;

/** Fills the catalogue so its pages come last in the file, then damages only those pages. */
function damageCatalogue(file: string): void {
  const db = new Database(file);
  const ins = db.prepare(
    `INSERT INTO services (doc, location_id, id, category_id, title, price_min, price_max, duration)
     VALUES (?, 999, ?, 1, ?, 1, 1, 60)`,
  );
  db.prepare(
    `INSERT INTO locations (id, title, timezone_name, currency, synced_at) VALUES (999, 'x', 'UTC', 'USD', 'x')`,
  ).run();
  db.transaction(() => {
    for (let i = 1; i <= 3000; i++) ins.run(100_000 + i, 100_000 + i, `service ${i} `.repeat(5));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const bytes = readFileSync(file);
  const page = 4096;
  bytes.fill(0x5a, bytes.length - 40 * page, bytes.length - 5 * page);
  writeFileSync(file, bytes);
}

describe('a start after a database rebuild', () => {
  let demo: DemoServer;
  let t: TestServices;
  let keychainService: string;

  afterEach(async () => {
    await new Secrets(keychainService).deleteUser('demo', anna.id).catch(() => undefined);
    await t.services.close();
    await demo.close();
  });

  it('does not resume the last session: the desk opens at the lock screen or at sign-in', async () => {
    demo = await startDemoServer();
    keychainService = `front-desk-rebuild-${process.pid}-${Date.now()}`;
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService });
    await t.call('session.signIn', { environment: 'demo', login: anna.login, password: anna.password });
    expect(await t.call('desk.setPin', { pin: '1357' })).toMatchObject({ ok: true });
    await t.call('sync.run');
    await t.services.close();

    damageCatalogue(join(t.userData, 'front-desk.sqlite'));
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService, userData: t.userData });
    await t.services.start();
    const status = (await t.call('app.status')) as { data: { storageRebuilt: { cache: boolean; records: unknown } | null } };
    // Only the cache was rebuilt: the records (settings, desk users, PINs) were never touched.
    expect(status.data.storageRebuilt).toEqual({ cache: true, records: null });

    // The keychain still holds Anna's token and the settings still name her; after a rebuild she is not let in.
    expect(await new Secrets(keychainService).getUser('demo', anna.id)).toMatchObject({ userId: anna.id });
    expect(await t.call('session.current')).toEqual({ ok: true, data: null });
    const state = (await t.call('desk.state')) as { data: { locked: boolean; users: unknown[] } };
    expect(state.data.locked).toBe(state.data.users.length > 0);
    expect(await t.call('catalog.locations')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });
});
