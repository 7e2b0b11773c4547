/**
 * A desk in its own process, for the kill -9 probe: the real services against the demo server.
 * MODE=sync: syncs every location once, then again and again; on the KILL_AT-th service row written
 * by a later sync it prints "in-write" and holds the writer still (the parent kills it right there,
 * inside the snapshot writes). MODE=outbox: queues a photo for each team member of the first location
 * and prints "ready <ids>" once every one is queued, while the outbox sends them. MODE=drain: resumes
 * and sends whatever is left, then exits.
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { DEMO_USERS } from '../support/demo';
import { makeServices } from '../support/services';
import { solid } from '../main/photos/images';

const mode = process.env['MODE'] ?? 'sync';
const killAt = Number(process.env['KILL_AT'] ?? '0');
let armed = false;
let serviceRows = 0;

if (mode === 'sync' && killAt > 0) {
  // Test hook, this process only: every statement that writes a catalogue service row reports to us.
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const stmt = prepare.call(this, sql);
    if (/^\s*INSERT INTO services\b/i.test(sql)) {
      const run = stmt.run.bind(stmt);
      stmt.run = ((...args: unknown[]) => {
        const r = (run as (...a: unknown[]) => Database.RunResult)(...args);
        if (armed && ++serviceRows === killAt) {
          writeSync(1, `in-write ${serviceRows} inTransaction=${this.inTransaction}\n`);
          // Hold the writer still, mid-snapshot, until the parent's SIGKILL arrives.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
        }
        return r;
      }) as typeof stmt.run;
    }
    return stmt;
  } as typeof prepare;
}

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
  await t.call('sync.run');
  armed = true; // every location has a complete snapshot now: the next writes replace one
  process.stdout.write('ready\n');
  for (;;) await t.call('sync.run');
} else if (mode === 'outbox') {
  await t.call('sync.run');
  const locationId = t.services.ctx.db.prepare('SELECT min(id) FROM locations').pluck().get() as number;
  const staff = await t.services.handlers['staff.list']({ locationId });
  const jpeg = new Uint8Array(await solid(400, 400, 'jpeg', [200, 136, 119]));
  const queued: number[] = [];
  for (const m of staff.items) {
    const res = await t.call('staff.uploadPhoto', { locationId, staffId: m.id, bytes: jpeg, fileName: `${m.id}.jpg` });
    if (res.ok) queued.push(m.id);
  }
  // Every accepted item, before any kill can come: the parent counts all of them, not only those it saw.
  process.stdout.write(`ready ${queued.join(',')}\n`);
  for (;;) await new Promise((r) => setTimeout(r, 1000));
} else {
  // drain: wait until the outbox is empty (or nothing moves for 20 s), then exit cleanly.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await t.services.handlers['outbox.list'](undefined);
    if (list.every((i) => i.state === 'failed' || i.state === 'needs-manager')) break;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await t.services.close();
  process.exit(0);
}
