/**
 * A desk in its own process, for the catalogue outbox's kill -9 rows (issue 22): the real services
 * against the demo server.
 * MODE=queue: signs in, loses the network, queues what KIND says, prints "ready <kind>:<api_id>:<state>,…",
 * gets the network back and flushes. KIND=create (default): a new category and a new service in it (two
 * performers' own durations); the create of HOLD_ON ('category' | 'service') is the one held. KIND=edit:
 * an edit of service TARGET (opened online first, as the form does), its PUT held; KIND=retire: the removal
 * of service TARGET, its DELETE held; KIND=location: an edit of the location card, its PUT /company held.
 * HOLD=before, the request has not left (the row is 'sending', the demo never got it; prints "in-send");
 * HOLD=answer, the demo applied it and answered, the desk has not read the answer (prints "in-answer").
 * The parent SIGKILLs it right there.
 * MODE=drain: the same files in a new process: resumes, sends what is left, prints "done", exits.
 */
import { writeSync } from 'node:fs';
import { DEMO_USERS } from '../support/demo';
import { makeServices } from '../support/services';
import type { OpenedService } from '../../src/main/services/manage/service-edits';
import type { LocationCard } from '../../src/shared/domain/location';

const mode = process.env['MODE'] ?? 'queue';
const hold = process.env['HOLD'] ?? 'before';
const kind = process.env['KIND'] ?? 'create';
const locationId = Number(process.env['LOCATION']);
const target = Number(process.env['TARGET']);
// The one request this run holds: method and path.
const HELD: Record<string, [string, RegExp]> = {
  create: ['POST', process.env['HOLD_ON'] === 'service' ? /\/services\/\d+$/ : /\/service_categories\/\d+$/],
  edit: ['PUT', new RegExp(`/services/${locationId}/${target}$`)],
  retire: ['DELETE', new RegExp(`/services/${locationId}/${target}$`)],
  location: ['PUT', new RegExp(`/company/${locationId}$`)],
};
const [holdMethod, holdOn] = HELD[kind]!;
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
  const held = mode === 'queue' && method === holdMethod && holdOn.test(url.pathname);
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

const run = process.env['RUN'] ?? '0';

/** Queues the create row's category and service (offline). */
async function queueCreates(): Promise<void> {
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
}

/** Opens what the edit changes while online (the form's `base`), then queues the change offline. */
async function queueEdit(): Promise<void> {
  if (kind === 'location') {
    const card = await t.call('location.card', { locationId });
    const base = card.ok ? (card.data as LocationCard).fields : null;
    if (!base) process.exit(6);
    offline = true;
    const changes = { title: `${base.title} · kill ${run}`, address: `Kill ${run}, ${base.address}` };
    const res = await t.call('location.update', { locationId, base, changes });
    if (!res.ok) process.exit(7);
    return;
  }
  const opened = await t.call('manage.openService', { locationId, serviceId: target });
  if (!opened.ok) process.exit(6);
  offline = true;
  const base = (opened.data as OpenedService).fields;
  const res =
    kind === 'retire'
      ? await t.call('manage.retireService', { locationId, serviceId: target, title: base.title })
      : await t.call('manage.updateService', {
          locationId,
          serviceId: target,
          base,
          mine: { ...base, title: `${base.title} · kill ${run}`, priceMin: base.priceMin + 5, priceMax: base.priceMax + 10, comment: `Kill ${run}` },
        });
  if (!res.ok) process.exit(7);
}

if (mode === 'queue') {
  if (kind === 'create') {
    offline = true;
    await queueCreates();
  } else await queueEdit();
  const rows = outbox();
  // Queued, none sent: the parent counts them before any kill can come.
  process.stdout.write(`ready ${rows.map((r) => `${r.kind}:${r.apiId}:${r.state}`).join(',')}\n`);
  offline = false;
  // The network is back: the way the app learns it (a probe that gets an answer), then the flush it starts.
  t.services.ctx.connectivity.hint?.(true);
  for (;;) await new Promise((r) => setTimeout(r, 1000));
} else {
  const deadline = Date.now() + 20_000;
  // Settled: nothing pending or in flight (a conflict or a failure is settled too, and the parent counts it).
  while (Date.now() < deadline && outbox().some((r) => r.state === 'pending' || r.state === 'sending')) await new Promise((r) => setTimeout(r, 100));
  process.stdout.write(`done ${JSON.stringify(outbox())}\n`);
  await t.services.close();
  process.exit(0);
}
