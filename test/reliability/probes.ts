import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer } from '../support/demo';
import { Secrets } from '../../src/main/secrets';
import { makeServices } from '../support/services';
import { concurrencyProbe } from './concurrency-probe';
import { fuzzProbe } from './fuzz-probe';
import { catalogKillProbe } from './catalog-kill-probe';
import { editKillProbe } from './edit-kill-probe';
import { killProbe } from './kill-probe';
import { filesWithSecrets } from './secrets-scan';
import { storageProbe } from './storage-probe';
import type { Row } from './table';
import { ALL_FAULTS, QUICK_FAULTS, upstreamProbe } from './upstream-probe';

export interface ProbeSizes {
  fuzzPerChannel: number;
  killRuns: number;
  /** kill -9 mid-send of the catalogue outbox: each run is two child desks; runs cycle through the four moments. */
  catalogKillRuns: number;
  /** kill -9 mid-send of catalogue edits (service edit, removal, location card): runs cycle through six moments. */
  editKillRuns: number;
  faults: 'quick' | 'all';
  /** Parallel wrong PINs fired at once, and print ∥ save trials. */
  unlockCalls: number;
  printTrials: number;
}

export const QUICK: ProbeSizes = { fuzzPerChannel: 30, killRuns: 5, catalogKillRuns: 4, editKillRuns: 6, faults: 'quick', unlockCalls: 61, printTrials: 3 };
/** What `npm test` runs (test/main/reliability): the same probes, sized for two shared cores. */
export const IN_NPM_TEST: ProbeSizes = { fuzzPerChannel: 12, killRuns: 1, catalogKillRuns: 1, editKillRuns: 1, faults: 'quick', unlockCalls: 20, printTrials: 1 };
export const FULL: ProbeSizes = { fuzzPerChannel: 300, killRuns: 30, catalogKillRuns: 12, editKillRuns: 12, faults: 'all', unlockCalls: 61, printTrials: 10 };

/** Runs every probe; the rows make the one table `npm run test:reliability` prints. */
export async function runProbes(sizes: ProbeSizes, only?: ReadonlySet<string>): Promise<Row[]> {
  const rows: Row[] = [];
  const want = (probe: string) => !only || only.has(probe);
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      process.stderr.write(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  };
  const demo = await startDemoServer();
  const user = DEMO_USERS[0]!;
  try {
    // IPC fuzz through the real router, signed in, with every answer and event kept for the secret scan.
    const keychainService = `front-desk-probe-${process.pid}-${Date.now()}`;
    const t = await makeServices({ altegioBaseUrl: demo.url, keychainService });
    const events: string[] = [];
    t.services.events.onAny((name, payload) => events.push(`${name} ${JSON.stringify(payload)}`));
    const signIn = await t.call('session.signIn', { environment: 'demo', login: user.login, password: user.password });
    if (!signIn.ok) throw new Error(`probe sign-in failed: ${signIn.error.message}`);
    const token = (await new Secrets(keychainService).getUser('demo', user.id))!.userToken;
    await t.call('sync.run');
    const fuzz = want('fuzz') ? await timed('fuzz', () => fuzzProbe(t, sizes.fuzzPerChannel)) : { rows: [], answers: [] };
    rows.push(...fuzz.rows);
    await t.services.session.signOut();
    await t.services.close();

    if (want('upstream')) rows.push(...(await timed('upstream', () => upstreamProbe(demo, sizes.faults === 'all' ? ALL_FAULTS : QUICK_FAULTS))));
    // The concurrency rows (own demo servers, mostly waiting) run beside the kill -9 runs (child processes).
    const [kill, concurrency] = await Promise.all([
      want('kill')
        ? timed('kill', async () => {
            const photos = await killProbe(demo, sizes.killRuns);
            const catalog = await timed('kill (catalogue outbox)', () => catalogKillProbe(demo, sizes.catalogKillRuns));
            const edits = await timed('kill (catalogue edits)', () => editKillProbe(demo, sizes.editKillRuns));
            return {
              ...photos,
              rows: [...photos.rows, ...catalog.rows, ...edits.rows],
              userDataDirs: [...photos.userDataDirs, ...catalog.userDataDirs, ...edits.userDataDirs],
            };
          })
        : { rows: [], userDataDirs: [], tokens: [] },
      want('concurrency') ? timed('concurrency', () => concurrencyProbe({ unlockCalls: sizes.unlockCalls, printTrials: sizes.printTrials })) : [],
    ]);
    rows.push(...kill.rows);
    if (want('storage')) rows.push(...(await timed('storage', () => storageProbe())));
    rows.push(...concurrency);

    // Secret hygiene: the user and partner tokens in no file, answer or event.
    const secrets = [token, DEMO_PARTNER_TOKEN, demo.dataset.partnerToken, user.password];
    const disk = filesWithSecrets(t.userData, secrets);
    const killDisk = kill.userDataDirs.map((d) => filesWithSecrets(d, [...secrets, ...kill.tokens]));
    const inAnswers = fuzz.answers.filter((a) => secrets.some((s) => a.includes(s))).length;
    const inEvents = events.filter((e) => secrets.some((s) => e.includes(s))).length;
    rows.push({ probe: 'secret hygiene', case: 'files under userData (fuzz desk)', result: `${disk.files} files, ${disk.hits.length} with token bytes`, pass: disk.hits.length === 0 });
    const killHits = killDisk.reduce((n, d) => n + d.hits.length, 0);
    rows.push({ probe: 'secret hygiene', case: 'files under userData (kill -9 desks)', result: `${killDisk.reduce((n, d) => n + d.files, 0)} files, ${killHits} with token bytes`, pass: killHits === 0 });
    rows.push({ probe: 'secret hygiene', case: 'IPC answers', result: `${fuzz.answers.length} answers, ${inAnswers} with token bytes`, pass: inAnswers === 0 });
    rows.push({ probe: 'secret hygiene', case: 'events', result: `${events.length} events, ${inEvents} with token bytes`, pass: inEvents === 0 });
  } finally {
    await demo.close();
  }
  return rows;
}
