export {};
/**
 * `npm run bench` — every figure the issues ask for, each with a baseline measured in the same run.
 * `npm run bench -- --json` prints one JSON object (all keys of all modules) and nothing else on stdout.
 */
type BenchModule = { run(log: (line: string) => void): Promise<Record<string, number>> };

const MODULES: [string, () => Promise<BenchModule>][] = [
  ['catalog', () => import('./catalog')],
  ['zreport', () => import('./zreport')],
  ['photo', () => import('./photo')],
  ['pin', () => import('./pin')],
  ['sync', () => import('./sync')],
  ['loyalty', () => import('./loyalty')],
];

/** figure → its same-run baseline, for the ratio column. */
const BASELINES: Record<string, string> = {
  search_p95_ms: 'search_p95_minisearch_ms',
  search_p95_big_ms: 'search_p95_big_minisearch_ms',
  search_recall_at5: 'search_recall_at5_minisearch',
  search_none_correct: 'search_none_correct_minisearch',
  search_p95_like_ms: 'search_p95_ms',
  search_p95_engine_page_ms: 'search_p95_minisearch_index_ms',
  rss_mb: 'rss_baseline_mb',
  rss_young_generation_mb: 'rss_young_generation_baseline_mb',
  index_bytes_per_service: 'index_bytes_per_service_minisearch',
  ingest_rows_per_s: 'ingest_floor_rows_per_s',
  ingest_rows_per_s_sync_normal: 'ingest_rows_per_s',
  commit_full_ms: 'commit_normal_ms',
  zreport_html_500_ms: 'zreport_html_baseline_ms',
  pin_verify_ms: 'pin_verify_baseline_ms',
  sync_first_429: 'sync_first_429_old_limiter',
  sync_first_wall_s: 'sync_first_floor_s',
  sync_resync_wall_s: 'sync_resync_floor_s',
  loyalty_requests_morning: 'loyalty_requests_morning_uncached',
};

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const log = (line: string) => (json ? process.stderr : process.stdout).write(line + '\n');

const results: Record<string, number> = {};
for (const [name, load] of MODULES) {
  if (only && only !== name) continue;
  log(`\n# ${name}`);
  const mod = await load();
  Object.assign(results, await mod.run(log));
}
// rss_mb is the catalogue module's app-like process; this one also holds every bench's baselines.
results['bench_process_rss_mb'] = Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;

if (json) {
  process.stdout.write(JSON.stringify(results) + '\n');
} else {
  const rows = Object.entries(results).map(([k, v]) => {
    const base = BASELINES[k] ?? (`${k}_minisearch` in results ? `${k}_minisearch` : undefined);
    const ratio = !base ? '' : results[base] ? (v / results[base]).toFixed(2) + `× ${base}` : `(${base} = 0)`;
    return `${k.padEnd(30)} ${String(v).padStart(12)}  ${ratio}`;
  });
  log('\nfigure                                value  ratio to baseline\n' + rows.join('\n'));
}
