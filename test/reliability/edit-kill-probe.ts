import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { DemoServer } from '../support/demo';
import { SOCIAL_NETWORKS } from '../../src/shared/domain/location';
import { RECORDS_FILE } from '../../src/main/store/stores';
import { runChild, stateOf } from './catalog-kill-probe';
import type { Row } from './table';

const SOCIAL = Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n, '']));

type Kind = 'edit' | 'retire' | 'location';

/**
 * Where the kill lands. The first is the one `npm test` makes: the edit's PUT applied on the demo, its
 * answer never read, so the new process must recognise its own change on the re-read. More runs cycle
 * through each kind after the demo applied it and before the request left.
 */
const MOMENTS: readonly { kind: Kind; hold: 'answer' | 'before' }[] = [
  { kind: 'edit', hold: 'answer' },
  { kind: 'retire', hold: 'answer' },
  { kind: 'location', hold: 'answer' },
  { kind: 'edit', hold: 'before' },
  { kind: 'retire', hold: 'before' },
  { kind: 'location', hold: 'before' },
];

const CASES: Record<Kind, string> = {
  edit: 'mid-PUT, service edit',
  retire: 'mid-DELETE, service removal',
  location: 'mid-PUT /company, location card edit',
};

interface Tally {
  runs: number;
  landed: number;
  /** Requests of the held kind the demo got over the whole run (killed desk + new one): 1 is exactly once. */
  notOnce: number;
  wrongValues: number;
  conflicts: number;
  notSent: number;
}

/** The outbox row after the drain (null: a sync after the send already dropped it, which only a 'sent' row is). */
function rowOf(userData: string, apiId: string): { state: string; lastError: string | null } | null {
  const records = new Database(join(userData, RECORDS_FILE), { readonly: true });
  try {
    return (
      (records.prepare('SELECT state, last_error_code AS lastError FROM outbox_catalog WHERE api_id = ?').get(apiId) as
        { state: string; lastError: string | null } | undefined) ?? null
    );
  } finally {
    records.close();
  }
}

/**
 * kill -9 mid-send, catalogue outbox edits (issue 22): a desk queues a service edit, a service removal or a
 * location card edit offline, the network returns, and the flush is killed with its PUT / DELETE held —
 * before it left, or after the demo applied it. A new process on the same files finishes: the demo got the
 * write exactly once, holds the edited values with every field the desk does not show unchanged (or the
 * service is gone), no conflict is made of the desk's own earlier write, and the row is 'sent'.
 */
export async function editKillProbe(demo: DemoServer, runs: number): Promise<{ rows: Row[]; userDataDirs: string[] }> {
  const dirs: string[] = [];
  const base = { DEMO_URL: demo.url, KEYCHAIN_SERVICE: `front-desk-editkill-${process.pid}-${Date.now()}` };
  const location = demo.dataset.locations[0]!;
  const locationId = location.company.id;
  // Seed services only (the create row adds its own), one each for every edit and removal run.
  const pool = location.services.filter((s) => !s.apiId).map((s) => s.id);
  const tally = Object.fromEntries(
    (Object.keys(CASES) as Kind[]).map((k) => [
      k,
      { runs: 0, landed: 0, notOnce: 0, wrongValues: 0, conflicts: 0, notSent: 0 },
    ]),
  ) as Record<Kind, Tally>;
  for (let i = 0; i < runs; i++) {
    const { kind, hold } = MOMENTS[i % MOMENTS.length]!;
    const t = tally[kind];
    t.runs++;
    const target = kind === 'location' ? locationId : pool[i];
    if (target === undefined)
      throw new Error(`edit kill probe: ${runs} runs need more seed services than ${pool.length}`);
    // The seed leaves apiId and technicalBreak out; '' and null are what they mean (types.ts), as a PUT writes them.
    const service = () => {
      const s = location.services.find((x) => x.id === target);
      return s && { apiId: '', technicalBreak: null, ...s };
    };
    // The location as Altegio shows it: the demo keeps a description left out as a paragraph of the short one,
    // social links left out as '', and phones as sent (the desk writes them back as digits: "+1 212…" becomes "1212…").
    const company = () => {
      const c = location.company;
      const social = Object.fromEntries(Object.keys({ ...SOCIAL, ...c.social }).map((n) => [n, c.social?.[n] ?? '']));
      return {
        ...c,
        description: c.description ?? `<p>${c.shortDescr}</p>`,
        social,
        phones: c.phones.map((p) => p.replace(/\D/g, '')),
      };
    };
    const before = structuredClone(kind === 'location' ? company() : service());
    const heldPath = kind === 'location' ? `/company/${locationId}` : `/services/${locationId}/${target}`;
    const heldMethod = kind === 'retire' ? 'DELETE' : 'PUT';
    const from = demo.received.requests.length;
    // What the child types (catalog-kill-child.ts queueEdit), laid over the demo's copy as it was.
    const expected =
      kind === 'retire' || !before
        ? undefined
        : 'priceMin' in before
          ? {
              ...before,
              title: `${before.title} · kill ${i}`,
              priceMin: before.priceMin + 5,
              priceMax: before.priceMax + 10,
              comment: `Kill ${i}`,
            }
          : { ...before, title: `${before.title} · kill ${i}`, address: `Kill ${i}, ${before.address}` };
    const now = () => (kind === 'location' ? company() : service());
    const applied = () => (kind === 'retire' ? now() === undefined : isDeepStrictEqual(now(), expected));

    const userData = mkdtempSync(join(tmpdir(), 'fd-kill-edit-'));
    dirs.push(userData);
    const env = {
      ...base,
      USERDATA: userData,
      LOCATION: String(locationId),
      TARGET: String(target),
      RUN: String(i),
      KIND: kind,
    };
    const killed = await runChild({ ...env, MODE: 'queue', HOLD: hold }, /in-(send|answer)\n/);
    const [queued] = (/ready (\S*)\n/.exec(killed.out)?.[1] ?? '')
      .split(',')
      .filter(Boolean)
      .map((s) => {
        const [k, apiId, state] = s.split(':');
        return { kind: k!, apiId: apiId!, state: state! };
      });
    // The kill landed where this run says: the row committed as 'sending' before its request, and the
    // write applied on the demo (answer) or not (before).
    const atKill = { state: queued ? stateOf(userData, queued.apiId) : null, applied: applied() };
    if (
      killed.killed &&
      queued?.state === 'pending' &&
      atKill.state === 'sending' &&
      atKill.applied === (hold === 'answer')
    )
      t.landed++;

    await runChild({ ...env, MODE: 'drain' }, null);
    const writes = demo.received.requests
      .slice(from)
      .filter((r) => r.method === heldMethod && r.path.split('?')[0]!.endsWith(heldPath));
    if (writes.length !== 1) t.notOnce++;
    if (!applied()) t.wrongValues++;
    const row = queued ? rowOf(userData, queued.apiId) : null;
    if (row?.state === 'conflict') t.conflicts++;
    // Sent and nothing shown as an error; gone only as a sync drops a sent edit (never a location card's row).
    const sent = row ? row.state === 'sent' && row.lastError === null : queued !== undefined && kind !== 'location';
    if (!sent) t.notSent++;
  }
  const rows = (Object.keys(CASES) as Kind[])
    .filter((k) => tally[k].runs > 0)
    .map((k): Row => {
      const t = tally[k];
      const values = k === 'retire' ? 'still on the demo' : 'wrong values on the demo';
      return {
        probe: 'kill -9',
        case: `${CASES[k]}, catalogue outbox (${t.runs} runs)`,
        result: `${t.landed} of ${t.runs} kills with the write held where the run says; not applied exactly once ${t.notOnce}, ${values} ${t.wrongValues}, conflicts with its own write ${t.conflicts}, not marked sent ${t.notSent}`,
        pass: t.landed === t.runs && t.notOnce === 0 && t.wrongValues === 0 && t.conflicts === 0 && t.notSent === 0,
      };
    });
  return { rows, userDataDirs: dirs };
}
