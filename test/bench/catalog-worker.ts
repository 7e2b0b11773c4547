/**
 * The catalogue benchmark's two processes (started by ./catalog.ts):
 *  - `prepare <dir>`: generates the chain, measures snapshot ingest against raw inserts, times the
 *    MiniSearch and LIKE baselines, and leaves the cache file and the queries in <dir>;
 *  - `app <dir>`: a fresh process that does only what the app does: opens that file, reads the first
 *    catalogue page, answers the queries through the real handler; its RSS is the app's.
 * Prints one JSON object on stdout.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { createCatalogDomain } from '../../src/main/services/catalog';
import { CatalogRepo } from '../../src/main/store/catalog';
import { SearchQueries } from '../../src/main/store/catalog/search-queries';
import { LocationIndexes } from '../../src/main/store/catalog/search/location-index';
import { NO_THESAURUS } from '../../src/main/store/catalog/search/thesaurus';
import { contract } from '../../src/shared/contract';
import { makeTestContext } from '../support/context';
import { likeBaseline, miniSearchBaseline, rawReplaceMs, rowCount, snapshotsOf } from './catalog-baselines';
import { buildBigCatalog, typingQueries } from './catalog-data';
import { QUERY_SET } from './search-query-set';
import { kindFigures, menusOf, scoreQuerySet, vocabKind } from './catalog-recall';
import { buildPtSalon } from './salon-pt';
import { VOCAB_QUERY_SET } from './search-query-set-vocab';
import { elapsedMs, latency, round } from './catalog-stats';

export const LOCATIONS = 50;
export const SERVICES = 400;
export const STAFF = 16;
export const QUERIES = 1000;
export const BIG_SERVICES = 5000;

type Query = { locationId: number; query: string };

const NONE_OLD = QUERY_SET.filter((q) => q.kind === 'none').length;
const NONE_VOCAB = VOCAB_QUERY_SET.filter((q) => q.kind === 'none').length;

function prepare(dir: string): Record<string, number> {
  const data = buildBigCatalog({ locations: LOCATIONS, servicesPerLocation: SERVICES, staffPerLocation: STAFF });
  const t = makeTestContext({ dir });
  const catalog = createCatalogDomain(t.ctx);

  // First fill, then the measured case: a full re-sync replacing every location's snapshot.
  const first = snapshotsOf(data, t.clock.now().toISOString());
  for (const s of first) catalog.repo.writer.replace(s);
  const snaps = snapshotsOf(data, new Date(t.clock.now().getTime() + 60_000).toISOString());
  const rows = rowCount(snaps);
  const t0 = process.hrtime.bigint();
  for (const s of snaps) catalog.repo.writer.replace(s);
  const ingestMs = elapsedMs(t0);
  // The same re-sync with the durability the app used before (synchronous=NORMAL): the cost of FULL.
  const again = snapshotsOf(data, new Date(t.clock.now().getTime() + 120_000).toISOString());
  t.db.pragma('synchronous = NORMAL');
  const t1 = process.hrtime.bigint();
  for (const s of again) catalog.repo.writer.replace(s);
  const ingestNormalMs = elapsedMs(t1);
  // 200 one-row commits (a desk setting, a queued photo's state): where fsync per commit shows most.
  const commits = (mode: 'FULL' | 'NORMAL') => {
    t.db.pragma(`synchronous = ${mode}`);
    const t2 = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) t.ctx.settings.set('bench.commit', i);
    return elapsedMs(t2) / 200;
  };
  const commitNormalMs = commits('NORMAL');
  const commitFullMs = commits('FULL');
  const rawMs = rawReplaceMs(join(dir, 'raw.sqlite'), first, snaps);

  const queries: Query[] = typingQueries(data, QUERIES);
  writeFileSync(join(dir, 'queries.json'), JSON.stringify(queries));
  const pt = buildPtSalon();
  const mini = miniSearchBaseline([...data, pt], catalog.repo.listLocations());
  const miniPage = latency(queries, (q) => mini.page(q.locationId, q.query));
  const miniIndex = latency(queries, (q) => mini.index(q.locationId, q.query));
  const menus = menusOf(data, pt);
  const miniRecall = scoreQuerySet(menus, (id, q) => mini.ids(id, q));
  const miniVocab = scoreQuerySet(menus, (id, q) => mini.ids(id, q), VOCAB_QUERY_SET, vocabKind);
  const like = likeBaseline(t.db);
  const likeT = latency(queries, (q) => like(q.locationId, q.query));
  t.db.pragma('wal_checkpoint(TRUNCATE)');
  t.close({ keep: true });
  return {
    rows,
    ingest_ms: ingestMs,
    ingest_normal_ms: ingestNormalMs,
    commit_full_ms: round(commitFullMs, 3),
    commit_normal_ms: round(commitNormalMs, 3),
    raw_ms: rawMs,
    search_p95_minisearch_ms: round(miniPage.p95),
    search_p95_minisearch_index_ms: round(miniIndex.p95),
    minisearch_build_ms: round(mini.buildMs, 1),
    search_p95_like_ms: round(likeT.p95),
    search_recall_at5_minisearch: round(miniRecall.recallAt5),
    search_hit_at1_minisearch: round(miniRecall.hitAt1),
    search_recall_at5_vocab_minisearch: round(miniVocab.recallAt5),
    search_hit_at1_vocab_minisearch: round(miniVocab.hitAt1),
    search_none_correct_minisearch: round(
      (miniRecall.noneCorrect * NONE_OLD + miniVocab.noneCorrect * NONE_VOCAB) / (NONE_OLD + NONE_VOCAB),
    ),
    ...kindFigures(miniRecall, '_minisearch'),
    ...kindFigures(miniVocab, '_minisearch'),
  };
}

/**
 * V8's young generation as resident memory, MB. Part of rss_mb: V8 enlarges it (to twice the
 * semi-space maximum, 16 MiB on 64-bit Node 20) once enough objects survive scavenges, and only a
 * flag at process start caps it; Electron main takes no such flag at runtime (docs/architecture.md,
 * test/bench).
 */
const youngMb = () =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.physical_space_size / 1024 / 1024;

async function app(dir: string): Promise<Record<string, number>> {
  // The same process before it touches the catalogue: Node, tsx and every module loaded.
  const rssBaseline = process.memoryUsage().rss / 1024 / 1024;
  const youngBaseline = youngMb();
  const file = join(dir, 'front-desk.sqlite');
  const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as Query[];
  const firstLocation = queries.length > 0 ? Math.min(...queries.map((q) => q.locationId)) : 0;

  // Cold: a connection that has never read the file, then the first catalogue page.
  const c0 = process.hrtime.bigint();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const page = new CatalogRepo(db).search({ locationId: firstLocation, query: '', limit: 50, offset: 0 });
  const coldMs = elapsedMs(c0);
  if (page.rows.length !== 50) throw new Error('the cold first page came back short');
  db.close();

  // The app's own start path: openDatabase (integrity check, migrations) and the catalogue domain.
  const s0 = process.hrtime.bigint();
  const t = makeTestContext({ dir });
  const catalog = createCatalogDomain(t.ctx);
  catalog.handlers['catalog.search']({ locationId: firstLocation, query: '', limit: 50, offset: 0 });
  const startMs = elapsedMs(s0);

  // As in the app: the first page is on screen and the index builds in the background before the
  // first keystroke (one turn of the event loop stands for the receptionist's reaction time).
  await new Promise((r) => setImmediate(r));
  const f0 = process.hrtime.bigint();
  catalog.handlers['catalog.search']({ locationId: firstLocation, query: 'ма', limit: 50, offset: 0 });
  const firstAnswerMs = elapsedMs(f0);
  // The worst case: a text query on a location nobody has looked at yet builds its index in the call.
  const other = queries.find((q) => q.locationId !== firstLocation)?.locationId ?? firstLocation;
  const k0 = process.hrtime.bigint();
  catalog.handlers['catalog.search']({ locationId: other, query: 'ма', limit: 50, offset: 0 });
  const firstAnswerColdMs = elapsedMs(k0);

  const args = queries.map((q) => contract['catalog.search'].args.parse(q));
  const search = catalog.handlers['catalog.search'];
  const ours = latency(args, (a) => search(a));
  const sql = latency(args, (a) => catalog.repo.search(a));
  const hits = args.reduce((n, a) => n + (search(a) as { total: number }).total, 0);
  // With a team member chosen: the rows carry that member's own price and duration (one extra
  // lookup per page), against the same filtered search without it.
  const member = new Map(
    t.db
      .prepare<[], { l: number; s: number }>(
        'SELECT location_id AS l, min(staff_id) AS s FROM service_staff GROUP BY location_id',
      )
      .all()
      .map((r) => [r.l, r.s]),
  );
  const memberArgs = args.map((a) => ({ ...a, staffId: member.get(a.locationId) }));
  const withPrices = latency(memberArgs, (a) => catalog.repo.search(a));
  // The app's memory: every query above served, every location's index held. Taken before the
  // comparison below, which builds a second set of indexes the app never has.
  const rss = process.memoryUsage().rss / 1024 / 1024;
  const young = youngMb();
  const plain = new SearchQueries(t.db);
  const withoutPrices = latency(memberArgs, (a) => plain.run(a));
  // The labelled sets, after the figures above: the Brazilian salon is written in now so it changes none of them.
  const data = buildBigCatalog({ locations: LOCATIONS, servicesPerLocation: SERVICES, staffPerLocation: STAFF });
  const pt = buildPtSalon();
  for (const s of snapshotsOf([pt], t.clock.now().toISOString())) catalog.repo.writer.replace(s);
  const menus = menusOf(data, pt);
  const ids = (locationId: number, query: string) =>
    (search({ locationId, query, limit: 50, offset: 0 }) as { items: { id: number }[] }).items.map((i) => i.id);
  const recall = scoreQuerySet(menus, ids);
  const vocab = scoreQuerySet(menus, ids, VOCAB_QUERY_SET, vocabKind);
  const bare = new SearchQueries(t.db, () => NO_THESAURUS);
  const bareIds = (locationId: number, query: string) =>
    bare.run({ locationId, query, limit: 50, offset: 0 }).rows.map((r) => r.id);
  const recallBare = scoreQuerySet(menus, bareIds);
  const vocabBare = scoreQuerySet(menus, bareIds, VOCAB_QUERY_SET, vocabKind);
  for (const m of [...recall.misses, ...vocab.misses]) process.stderr.write(`  miss: ${m}\n`);
  process.stderr.write(`  recall@5 by kind: ${JSON.stringify({ ...recall.byKind, ...vocab.byKind })}\n`);
  process.stderr.write(`  hit@1 by kind: ${JSON.stringify({ ...recall.byKindAt1, ...vocab.byKindAt1 })}\n`);
  t.close({ keep: true });
  return {
    search_recall_at5: round(recall.recallAt5),
    search_hit_at1: round(recall.hitAt1),
    search_recall_at5_vocab: round(vocab.recallAt5),
    search_hit_at1_vocab: round(vocab.hitAt1),
    search_recall_at5_no_thesaurus: round(recallBare.recallAt5),
    search_recall_at5_vocab_no_thesaurus: round(vocabBare.recallAt5),
    search_none_correct: round(
      (recall.noneCorrect * NONE_OLD + vocab.noneCorrect * NONE_VOCAB) / (NONE_OLD + NONE_VOCAB),
    ),
    ...kindFigures(recall),
    ...kindFigures(vocab),
    search_first_answer_ms: round(firstAnswerMs, 2),
    search_first_answer_cold_ms: round(firstAnswerColdMs, 2),
    search_p50_ms: round(ours.p50),
    search_p95_ms: round(ours.p95),
    search_p95_engine_page_ms: round(sql.p95),
    search_member_p95_ms: round(withPrices.p95),
    search_member_p95_general_prices_ms: round(withoutPrices.p95),
    hits_per_query: round(hits / args.length, 1),
    first_page_new_connection_ms: round(coldMs, 2),
    start_to_first_page_ms: round(startMs, 2),
    rss_mb: round(rss, 1),
    rss_baseline_mb: round(rssBaseline, 1),
    rss_young_generation_mb: round(young, 1),
    rss_young_generation_baseline_mb: round(youngBaseline, 1),
  };
}

/** One 5,000-service location: ours through the handler against MiniSearch, same queries. */
function big(dir: string): Record<string, number> {
  const data = buildBigCatalog({ locations: 1, servicesPerLocation: BIG_SERVICES, staffPerLocation: 40, seed: 11 });
  const t = makeTestContext({ dir });
  const catalog = createCatalogDomain(t.ctx);
  for (const s of snapshotsOf(data, t.clock.now().toISOString())) catalog.repo.writer.replace(s);
  const queries = typingQueries(data, QUERIES, 13).map((q) => contract['catalog.search'].args.parse(q));
  const search = catalog.handlers['catalog.search'];
  const ours = latency(queries, (a) => search(a));
  const mini = miniSearchBaseline(data, catalog.repo.listLocations());
  const miniT = latency(queries, (q) => mini.page(q.locationId, q.query));
  t.close();
  return { search_p95_big_ms: round(ours.p95), search_p95_big_minisearch_ms: round(miniT.p95) };
}

/**
 * Index memory per service, in a fresh process: the heap after building every location's index
 * (with the lazily built cross-script keys) against the heap before, and the same for MiniSearch
 * over the same services. Needs --expose-gc.
 */
function memory(dir: string): Record<string, number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const t = makeTestContext({ dir });
  const locations = t.db.prepare<[], { id: number }>('SELECT id FROM locations').all();
  const services = t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM services').get()!.n;
  const h0 = heap();
  const indexes = new LocationIndexes(t.db);
  for (const { id } of locations) {
    const loc = indexes.get(id)!;
    loc.index.search('balayage');
    loc.index.search('балаяж');
  }
  const ours = (heap() - h0) / services;
  const held = indexes.heldLocations().length;
  const data = buildBigCatalog({ locations: LOCATIONS, servicesPerLocation: SERVICES, staffPerLocation: STAFF });
  const h1 = heap();
  const mini = miniSearchBaseline(data, []);
  const theirs = (heap() - h1) / services;
  if (held !== locations.length || !mini) throw new Error('not every index was held');
  t.close({ keep: true });
  return { index_bytes_per_service: Math.round(ours), index_bytes_per_service_minisearch: Math.round(theirs) };
}

const [mode, dir] = process.argv.slice(2);
if (mode === 'prepare' && dir) process.stdout.write(JSON.stringify(prepare(dir)));
else if (mode === 'app' && dir) process.stdout.write(JSON.stringify(await app(dir)));
else if (mode === 'big' && dir) process.stdout.write(JSON.stringify(big(dir)));
else if (mode === 'memory' && dir) process.stdout.write(JSON.stringify(memory(dir)));
