import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoServer } from '../support/demo';
import { CACHE_FILE, RECORDS_FILE } from '../../src/main/store/stores';
import type { Row } from './table';

const child = fileURLToPath(new URL('./catalog-kill-child.ts', import.meta.url));

/**
 * Where the kill lands: which create is in flight, and whether the demo has stored it. The first is the
 * one the api_id lookup guards (the one run `npm test` makes); more runs cycle through all four.
 */
const MOMENTS = [
  { holdOn: 'category', hold: 'answer' },
  { holdOn: 'service', hold: 'before' },
  { holdOn: 'service', hold: 'answer' },
  { holdOn: 'category', hold: 'before' },
] as const;

/** Runs the child to its end, or SIGKILLs it at the first line matching `killOn`. */
export function runChild(env: Record<string, string>, killOn: RegExp | null): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let killed = false;
    p.stderr.resume();
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (killOn && !killed && killOn.test(out)) {
        killed = true;
        p.kill('SIGKILL');
      }
    });
    const guard = setTimeout(() => p.kill('SIGKILL'), 90_000);
    p.on('error', reject);
    p.on('exit', () => {
      clearTimeout(guard);
      resolve({ out, killed });
    });
  });
}

interface Left {
  kind: string;
  apiId: string;
  state: string;
  remoteId: number | null;
}

/** One outbox row's state as the files hold it (the killed process left it so). */
export function stateOf(userData: string, apiId: string): string | null {
  const records = new Database(join(userData, RECORDS_FILE), { readonly: true });
  try {
    return (records.prepare('SELECT state FROM outbox_catalog WHERE api_id = ?').pluck().get(apiId) as string | undefined) ?? null;
  } finally {
    records.close();
  }
}

/** What the desk's files say after the drain: the outbox rows, and the ids its catalogue holds. */
function readDesk(userData: string): { integrity: string; left: Left[]; categories: Set<number>; services: Set<number> } {
  const cache = new Database(join(userData, CACHE_FILE), { readonly: true });
  const records = new Database(join(userData, RECORDS_FILE), { readonly: true });
  try {
    const integrity = [cache, records].map((d) => String(d.pragma('integrity_check', { simple: true }))).find((r) => r !== 'ok') ?? 'ok';
    const left = records.prepare('SELECT kind, api_id AS apiId, state, remote_id AS remoteId FROM outbox_catalog').all() as Left[];
    const ids = (table: string) => new Set(cache.prepare(`SELECT id FROM ${table}`).pluck().all() as number[]);
    return { integrity, left, categories: ids('service_categories'), services: ids('services') };
  } finally {
    cache.close();
    records.close();
  }
}

/**
 * kill -9 mid-send, catalogue outbox (issue 22): a desk queues a new category and a service in it
 * offline, the network returns, and the flush is killed with one create in flight — before the demo got
 * it, or after the demo stored it and answered. A new process on the same files finishes: the demo then
 * has exactly one category and one service with the desk's api_ids, the service in that category with the
 * performers' own durations, and the outbox says sent (or the sync has already brought them in).
 */
export async function catalogKillProbe(demo: DemoServer, runs: number): Promise<{ rows: Row[]; userDataDirs: string[] }> {
  const dirs: string[] = [];
  const base = { DEMO_URL: demo.url, KEYCHAIN_SERVICE: `front-desk-catkill-${process.pid}-${Date.now()}` };
  const location = demo.dataset.locations[0]!;
  const staff = location.staff.slice(0, 2).map((m) => m.id);
  let landed = 0;
  let total = 0;
  let lost = 0;
  let duplicated = 0;
  let wrong = 0;
  let notSent = 0;
  let bad = 0;
  const n = runs;
  for (let i = 0; i < n; i++) {
    const moment = MOMENTS[i % MOMENTS.length]!;
    const userData = mkdtempSync(join(tmpdir(), 'fd-kill-catalog-'));
    dirs.push(userData);
    const env = { ...base, USERDATA: userData, LOCATION: String(location.company.id), STAFF: staff.join(','), RUN: String(i) };
    const killed = await runChild({ ...env, MODE: 'queue', HOLD: moment.hold, HOLD_ON: moment.holdOn }, /in-(send|answer)\n/);
    const queued = (/ready (\S*)\n/.exec(killed.out)?.[1] ?? '').split(',').filter(Boolean).map((s) => {
      const [kind, apiId, state] = s.split(':');
      return { kind: kind!, apiId: apiId!, state: state! };
    });
    total += queued.length;
    const held = queued.find((q) => q.kind === `create-${moment.holdOn}`);
    const onDemo = (apiId: string) =>
      moment.holdOn === 'category' ? location.categories.filter((c) => c.apiId === apiId) : location.services.filter((s) => s.apiId === apiId);
    // The kill landed where this run says: the held create committed as 'sending' before its request, and
    // stored on the demo (answer) or not there (before).
    const stateAtKill = held ? stateOf(userData, held.apiId) : null;
    if (killed.killed && held && held.state === 'pending' && stateAtKill === 'sending' && onDemo(held.apiId).length === (moment.hold === 'answer' ? 1 : 0)) landed++;

    await runChild({ ...env, MODE: 'drain' }, null);
    const desk = readDesk(userData);
    if (desk.integrity !== 'ok') bad++;
    for (const q of queued) {
      const isCategory = q.kind === 'create-category';
      const there = isCategory ? location.categories.filter((c) => c.apiId === q.apiId) : location.services.filter((s) => s.apiId === q.apiId);
      if (there.length === 0) lost++;
      if (there.length > 1) duplicated++;
      const row = desk.left.find((r) => r.apiId === q.apiId);
      const remoteId = there[0]?.id;
      // Sent: the row says so with Altegio's id, or a sync brought that id in and the row was dropped.
      const sent = row ? row.state === 'sent' && row.remoteId === remoteId : remoteId !== undefined && (isCategory ? desk.categories : desk.services).has(remoteId);
      if (!sent) notSent++;
    }
    const cat = location.categories.find((c) => c.apiId === queued.find((q) => q.kind === 'create-category')?.apiId);
    const svc = location.services.find((s) => s.apiId === queued.find((q) => q.kind === 'create-service')?.apiId);
    if (!cat || !svc || svc.categoryId !== cat.id || svc.staff.map((m) => `${m.id}:${m.seanceLength}`).join() !== `${staff[0]}:2700,${staff[1]}:4500`) wrong++;
  }
  return {
    rows: [
      {
        probe: 'kill -9',
        case: `mid-send, catalogue outbox: new category + service (${n} runs)`,
        result: `${total} queued, ${landed} of ${n} kills with the create held where the run says; lost ${lost}, duplicated ${duplicated}, not marked sent ${notSent}, wrong service ${wrong}, integrity failures ${bad}`,
        pass: total === 2 * n && landed === n && lost === 0 && duplicated === 0 && notSent === 0 && wrong === 0 && bad === 0,
      },
    ],
    userDataDirs: dirs,
  };
}
