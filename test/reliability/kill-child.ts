/**
 * A desk in its own process, for the kill -9 probe: the real services against the demo server.
 * MODE=sync: syncs every location again and again. MODE=outbox: queues a photo for each team
 * member of the first location and lets the outbox send them. MODE=drain: resumes and sends
 * whatever is left, then exits. Prints "ready" once work is under way.
 */
import { DEMO_USERS } from '../support/demo';
import { makeServices } from '../support/services';
import { solid } from '../main/photos/images';

const mode = process.env['MODE'] ?? 'sync';
const t = await makeServices({
  altegioBaseUrl: process.env['DEMO_URL']!,
  userData: process.env['USERDATA']!,
  keychainService: process.env['KEYCHAIN_SERVICE']!,
});
const user = DEMO_USERS[0]!;
await t.services.start();
const current = await t.call('session.current');
if (current.ok && current.data === null) {
  const res = await t.call('session.signIn', { environment: 'demo', login: user.login, password: user.password });
  if (!res.ok) process.exit(3);
}

if (mode === 'sync') {
  process.stdout.write('ready\n');
  for (;;) await t.call('sync.run');
} else if (mode === 'outbox') {
  await t.call('sync.run');
  const locationId = t.services.ctx.db.prepare('SELECT min(id) FROM locations').pluck().get() as number;
  const staff = await t.services.handlers['staff.list']({ locationId });
  const jpeg = new Uint8Array(await solid(400, 400, 'jpeg', [200, 136, 119]));
  process.stdout.write('ready\n');
  for (const m of staff.items) {
    const res = await t.call('staff.uploadPhoto', { locationId, staffId: m.id, bytes: jpeg, fileName: `${m.id}.jpg` });
    if (res.ok) process.stdout.write(`queued ${m.id}\n`);
  }
  for (;;) await new Promise((r) => setTimeout(r, 1000));
} else {
  // drain: wait until the outbox is empty (or nothing moves for 20 s), then exit cleanly.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await t.services.handlers['outbox.list'](undefined);
    if (list.every((i) => i.state === 'failed')) break;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await t.services.close();
  process.exit(0);
}
