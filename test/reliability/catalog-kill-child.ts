/**
 * A desk in its own process, for the catalogue outbox's kill -9 row (issue 22): the real services
 * against the demo server.
 * MODE=queue: signs in, loses the network, queues a new category and a new service in it (two
 * performers' own durations), prints "ready <category api_id>,<service api_id>", gets the network back
 * and flushes. The create of HOLD_ON ('category' | 'service') is held still: HOLD=before, the request
 * has not left (the row is 'sending', the demo never got it; prints "in-send"); HOLD=answer, the demo
 * stored it and answered, the desk has not read the answer (prints "in-answer"). The parent SIGKILLs it
 * right there.
 * MODE=drain: the same files in a new process: resumes, sends what is left, prints "done", exits.
 */
import { writeSync } from 'node:fs';
import { DEMO_USERS } from '../support/demo';
import { makeServices } from '../support/services';

const mode = process.env['MODE'] ?? 'queue';
const hold = process.env['HOLD'] ?? 'before';
const holdOn = process.env['HOLD_ON'] === 'service' ? /\/services\/\d+$/ : /\/service_categories\/\d+$/;
const locationId = Number(process.env['LOCATION']);
const staffIds = (process.env['STAFF'] ?? '').split(',').filter(Boolean).map(Number);

let offline = false;
// Test hook, this process only: the transport's fetch (ofetch reads globalThis.fetch on every call).
const realFetch = globalThis.fetch;
const stop = (line: string) => {
  writeSync(1, `${line}\n`);
  // Holds the whole process still until the parent's SIGKILL arrives.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
};
globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  // As undici reports a pulled cable.
  if (offline) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
  const held = mode === 'queue' && method === 'POST' && holdOn.test(url.pathname);
  if (held && hold === 'before') stop('in-send');
  const res = await realFetch(input, init);
  if (held && hold === 'answer') {
    await res.clone().arrayBuffer(); // the whole answer has arrived: the demo stored it
    stop('in-answer');
  }
  return res;
};

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

const outbox = () =>
  t.services.ctx.db.prepare('SELECT kind, api_id AS apiId, state FROM outbox_catalog ORDER BY id').all() as {
    kind: string;
    apiId: string;
    state: string;
  }[];

if (mode === 'queue') {
  offline = true;
  const run = process.env['RUN'] ?? '0';
  const cat = await t.call('manage.createCategory', { locationId, title: `Kill ${run} studio`, staffIds });
  if (!cat.ok) process.exit(4);
  const svc = await t.call('manage.createService', {
    locationId,
    title: `Kill ${run} lamination`,
    pendingCategoryId: (cat.data as { id: number }).id,
    priceMin: 45,
    priceMax: 55,
    durationMin: 60,
    staff: staffIds.map((staffId, i) => ({ staffId, durationMin: 45 + 30 * i })),
    bookableOnline: true,
    breakMin: 10,
    comment: '',
  });
  if (!svc.ok) process.exit(5);
  const rows = outbox();
  // Both queued, neither sent: the parent counts them before any kill can come.
  process.stdout.write(`ready ${rows.map((r) => `${r.kind}:${r.apiId}:${r.state}`).join(',')}\n`);
  offline = false;
  // The network is back: the way the app learns it (a probe that gets an answer), then the flush it starts.
  t.services.ctx.connectivity.hint?.(true);
  for (;;) await new Promise((r) => setTimeout(r, 1000));
} else {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && outbox().some((r) => r.state !== 'sent')) await new Promise((r) => setTimeout(r, 100));
  process.stdout.write(`done ${JSON.stringify(outbox())}\n`);
  await t.services.close();
  process.exit(0);
}
