import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS, type DemoServer } from '../support/demo';
import { CACHE_FILE, RECORDS_FILE } from '../../src/main/store/stores';
import type { Row } from './table';

const child = fileURLToPath(new URL('./kill-child.ts', import.meta.url));

interface Killed {
  out: string;
  /** The kill came while the child said it was inside the writes. */
  inWrite: boolean;
}

/**
 * Starts a child desk and SIGKILLs it as soon as `killNow(stdout so far)` says so (checked on every
 * line and every 5 ms). Nothing is timed: the moment is a state the child or the demo server reports.
 */
function runAndKill(env: Record<string, string>, killNow: (out: string) => boolean): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let killed = false;
    const check = () => {
      if (!killed && killNow(out)) {
        killed = true;
        p.kill('SIGKILL');
      }
    };
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      check();
    });
    const poll = setInterval(check, 5);
    p.stderr.resume();
    const guard = setTimeout(() => p.kill('SIGKILL'), 90_000);
    p.on('error', reject);
    p.on('exit', () => {
      clearTimeout(guard);
      clearInterval(poll);
      resolve({ out, inWrite: killed && /in-write/.test(out) });
    });
  });
}

function runToEnd(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const guard = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.on('exit', (code) => {
      clearTimeout(guard);
      resolve(code);
    });
  });
}

/** Integrity of both files, and snapshot consistency of the catalogue, after a kill. */
function inspect(userData: string): { integrity: string; mixed: number } {
  const db = new Database(join(userData, CACHE_FILE));
  const records = new Database(join(userData, RECORDS_FILE));
  try {
    const integrity = [db, records].map((d) => String(d.pragma('integrity_check', { simple: true }))).find((r) => r !== 'ok') ?? 'ok';
    // sync_state.staff counts visible members only, so staff rows are not compared.
    const states = db.prepare(`SELECT location_id AS id, categories, services, staff FROM sync_state WHERE last_success_at IS NOT NULL`).all() as { id: number; categories: number; services: number; staff: number }[];
    let mixed = 0;
    for (const s of states) {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE location_id = ?`).pluck().get(s.id) as number;
      // A location whose rows do not match what its last finished sync wrote is a mixed (half-replaced) snapshot.
      if (count('service_categories') !== s.categories || count('services') !== s.services) mixed++;
    }
    return { integrity, mixed };
  } finally {
    db.close();
    records.close();
  }
}

/** kill -9 inside the snapshot writes of a sync, and during an outbox flush with an upload in flight, `runs` times each. */
export async function killProbe(demo: DemoServer, runs: number): Promise<{ rows: Row[]; userDataDirs: string[]; tokens: string[] }> {
  const rows: Row[] = [];
  const dirs: string[] = [];
  const keychain = `front-desk-kill-${process.pid}-${Date.now()}`;
  const base = { DEMO_URL: demo.url, KEYCHAIN_SERVICE: keychain };

  let bad = 0;
  let mixed = 0;
  let inside = 0;
  for (let i = 0; i < runs; i++) {
    const userData = mkdtempSync(join(tmpdir(), 'fd-kill-sync-'));
    dirs.push(userData);
    // Which service row of the replaced snapshot the kill lands after: spread over the first location's rows.
    const killAt = 1 + ((i * 7) % 20);
    const k = await runAndKill({ ...base, USERDATA: userData, MODE: 'sync', KILL_AT: String(killAt) }, (out) => out.includes('in-write'));
    if (k.inWrite) inside++;
    const r = inspect(userData);
    if (r.integrity !== 'ok') bad++;
    mixed += r.mixed;
  }
  rows.push({
    probe: 'kill -9',
    case: `inside the snapshot writes of a sync (${runs} runs)`,
    result: `${inside} of ${runs} kills inside the writes; integrity failures ${bad}, mixed snapshots ${mixed}`,
    pass: inside === runs && bad === 0 && mixed === 0,
  });

  let lost = 0;
  let duplicated = 0;
  let total = 0;
  let inFlight = 0;
  bad = 0;
  for (let i = 0; i < runs; i++) {
    const userData = mkdtempSync(join(tmpdir(), 'fd-kill-outbox-'));
    dirs.push(userData);
    demo.received.uploads.length = 0;
    // The k-th upload is stored by the server and never answered: the kill lands with it in flight.
    const k = 1 + (i % 3);
    demo.faults.set({ mode: 'hang', match: '/images/', skip: k - 1, times: 1 });
    const killed = await runAndKill({ ...base, USERDATA: userData, MODE: 'outbox' }, (out) => /ready [\d,]*\n/.test(out) && demo.received.uploads.length >= k);
    demo.faults.clear();
    if (demo.received.uploads.length >= k) inFlight++;
    await runToEnd({ ...base, USERDATA: userData, MODE: 'drain' });
    if (inspect(userData).integrity !== 'ok') bad++;
    const db = new Database(join(userData, RECORDS_FILE), { readonly: true });
    const left = new Set(db.prepare("SELECT subject_id FROM outbox WHERE subject = 'staff'").pluck().all() as number[]);
    db.close();
    const sent = new Map<number, number>();
    for (const u of demo.received.uploads) {
      const id = Number((u.fields as Record<string, string>)['master_id']);
      sent.set(id, (sent.get(id) ?? 0) + 1);
    }
    // Every item the desk accepted, listed by the child before the kill could come.
    const accepted = (/ready ([\d,]*)\n/.exec(killed.out)?.[1] ?? '').split(',').filter(Boolean).map(Number);
    total += accepted.length;
    for (const id of accepted) {
      if (!sent.has(id) && !left.has(id)) lost++;
      if ((sent.get(id) ?? 0) > 1) duplicated++;
    }
  }
  rows.push({
    probe: 'kill -9',
    case: `during outbox flush, an upload in flight (${runs} runs)`,
    result: `${total} accepted (all counted), ${inFlight} of ${runs} kills with an upload stored and unanswered; lost ${lost}, duplicated ${duplicated}, integrity failures ${bad}`,
    pass: total > 0 && inFlight === runs && lost === 0 && duplicated === 0 && bad === 0,
  });
  return { rows, userDataDirs: dirs, tokens: [DEMO_USERS[0]!.userToken] };
}
