import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS, type DemoServer } from '../support/demo';
import type { Row } from './table';

const child = fileURLToPath(new URL('./kill-child.ts', import.meta.url));

/** Starts a child desk; resolves with its queued staff ids once it has printed "ready" and `after` ms passed, then SIGKILLs it. */
function runAndKill(env: Record<string, string>, afterMs: number): Promise<{ queued: number[]; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const queued: number[] = [];
    let killTimer: NodeJS.Timeout | null = null;
    let out = '';
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      for (const m of out.matchAll(/queued (\d+)/g)) if (!queued.includes(Number(m[1]))) queued.push(Number(m[1]));
      if (!killTimer && out.includes('ready')) killTimer = setTimeout(() => p.kill('SIGKILL'), afterMs);
    });
    p.stderr.resume();
    const guard = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (killTimer) clearTimeout(killTimer);
      resolve({ queued, code, signal });
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

/** Integrity and snapshot consistency of a desk's database after a kill. */
function inspect(userData: string): { integrity: string; mixed: number } {
  const db = new Database(join(userData, 'front-desk.sqlite'));
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const states = db.prepare(`SELECT location_id AS id, categories, services, staff FROM sync_state WHERE last_success_at IS NOT NULL`).all() as { id: number; categories: number; services: number; staff: number }[];
    let mixed = 0;
    for (const s of states) {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE location_id = ?`).pluck().get(s.id) as number;
      const has = db.prepare('SELECT 1 FROM locations WHERE id = ?').get(s.id) !== undefined;
      if (has && (count('service_categories') !== s.categories || count('services') !== s.services)) mixed++;
    }
    return { integrity, mixed };
  } finally {
    db.close();
  }
}

/** kill -9 during sync and during an outbox flush, `runs` times each. */
export async function killProbe(demo: DemoServer, runs: number): Promise<{ rows: Row[]; userDataDirs: string[]; tokens: string[] }> {
  const rows: Row[] = [];
  const dirs: string[] = [];
  const keychain = `front-desk-kill-${process.pid}-${Date.now()}`;
  const base = { DEMO_URL: demo.url, KEYCHAIN_SERVICE: keychain };

  let bad = 0;
  let mixed = 0;
  for (let i = 0; i < runs; i++) {
    const userData = mkdtempSync(join(tmpdir(), 'fd-kill-sync-'));
    dirs.push(userData);
    await runAndKill({ ...base, USERDATA: userData, MODE: 'sync' }, 100 + Math.floor(Math.random() * 900));
    const r = inspect(userData);
    if (r.integrity !== 'ok') bad++;
    mixed += r.mixed;
  }
  rows.push({ probe: 'kill -9', case: `during sync (${runs} runs)`, result: `integrity failures ${bad}, mixed snapshots ${mixed}`, pass: bad === 0 && mixed === 0 });

  let lost = 0;
  let duplicated = 0;
  let queuedTotal = 0;
  bad = 0;
  for (let i = 0; i < runs; i++) {
    const userData = mkdtempSync(join(tmpdir(), 'fd-kill-outbox-'));
    dirs.push(userData);
    demo.received.uploads.length = 0;
    const { queued } = await runAndKill({ ...base, USERDATA: userData, MODE: 'outbox' }, 200 + Math.floor(Math.random() * 1500));
    await runToEnd({ ...base, USERDATA: userData, MODE: 'drain' });
    if (inspect(userData).integrity !== 'ok') bad++;
    const db = new Database(join(userData, 'front-desk.sqlite'), { readonly: true });
    const left = new Set(db.prepare('SELECT staff_id FROM outbox').pluck().all() as number[]);
    db.close();
    const sent = new Map<number, number>();
    for (const u of demo.received.uploads) {
      const id = Number((u.fields as Record<string, string>)['master_id']);
      sent.set(id, (sent.get(id) ?? 0) + 1);
    }
    queuedTotal += queued.length;
    for (const id of queued) {
      if (!sent.has(id) && !left.has(id)) lost++;
      if ((sent.get(id) ?? 0) > 1) duplicated++;
    }
  }
  rows.push({
    probe: 'kill -9',
    case: `during outbox flush (${runs} runs)`,
    result: `${queuedTotal} queued, lost ${lost}, duplicated ${duplicated}, integrity failures ${bad}`,
    pass: lost === 0 && duplicated === 0 && bad === 0,
  });
  return { rows, userDataDirs: dirs, tokens: [DEMO_USERS[0]!.userToken] };
}
