import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './catalog-stats';

/**
 * Catalogue figures: search latency as the user types (against MiniSearch and a LIKE scan in the
 * same run), snapshot re-sync against plain deletes and inserts, the first page on a new connection,
 * index memory per service, memory of an app-like process against the same process before the catalogue.
 * The work runs in two child processes (catalog-worker.ts) so the app's RSS and cold start are not
 * coloured by the generator and the baselines.
 */

const WORKER = join(fileURLToPath(new URL('.', import.meta.url)), 'catalog-worker.ts');

function worker(mode: 'prepare' | 'app' | 'big' | 'memory', dir: string): Record<string, number> {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', WORKER, mode, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as Record<string, number>;
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-bench-catalog-'));
  try {
    const { rows, ingest_ms, ingest_normal_ms, raw_ms, ...baselines } = worker('prepare', dir);
    log(
      `ingest: ${rows} rows (50 locations × 400 services, 16 members each): full re-sync ${round(ingest_ms!, 1)} ms, plain deletes + inserts at the same durability ${round(raw_ms!, 1)} ms`,
    );
    const { hits_per_query, start_to_first_page_ms, ...app } = worker('app', dir);
    const memory = worker('memory', dir);
    const bigDir = join(dir, 'big');
    mkdirSync(bigDir);
    const bigRun = worker('big', bigDir);
    log(
      `search: 1000 as-you-type queries, ${hits_per_query} hits per query on average; MiniSearch index built in ${baselines['minisearch_build_ms']} ms`,
    );
    log(
      'search baseline: MiniSearch with our folding, word splitting and fields (title, category, team); it has no keyboard-layout retry, word forms, substrings inside words, other script or thesaurus, which is most of its gap on those kinds',
    );
    log(`start: openDatabase (quick_check, migrations) + catalogue domain + first page = ${start_to_first_page_ms} ms`);
    log(
      `search: labelled query set recall@5 ${app['search_recall_at5']} (MiniSearch prefix+fuzzy ${baselines['search_recall_at5_minisearch']}), must-find-nothing empty ${app['search_none_correct']} (MiniSearch ${baselines['search_none_correct_minisearch']})`,
    );
    const recall = Object.fromEntries(
      Object.entries(app).filter(([k]) => k.startsWith('search_recall_at5') || k.startsWith('search_hit_at1')),
    );
    return {
      ...recall,
      search_none_correct: app['search_none_correct']!,
      search_p50_ms: app['search_p50_ms']!,
      search_p95_ms: app['search_p95_ms']!,
      search_p95_engine_page_ms: app['search_p95_engine_page_ms']!,
      ...bigRun,
      search_first_answer_ms: app['search_first_answer_ms']!,
      search_first_answer_cold_ms: app['search_first_answer_cold_ms']!,
      search_member_p95_ms: app['search_member_p95_ms']!,
      search_member_p95_general_prices_ms: app['search_member_p95_general_prices_ms']!,
      ...baselines,
      ingest_rows_per_s: Math.round(rows! / (ingest_ms! / 1000)),
      ingest_floor_rows_per_s: Math.round(rows! / (raw_ms! / 1000)),
      ingest_rows_per_s_sync_normal: Math.round(rows! / (ingest_normal_ms! / 1000)),
      first_page_new_connection_ms: app['first_page_new_connection_ms']!,
      start_to_first_page_ms: start_to_first_page_ms!,
      rss_mb: app['rss_mb']!,
      rss_baseline_mb: app['rss_baseline_mb']!,
      rss_young_generation_mb: app['rss_young_generation_mb']!,
      rss_young_generation_baseline_mb: app['rss_young_generation_baseline_mb']!,
      ...memory,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
