import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManageItem } from '../../../src/shared/domain/manage-item';
import { DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { useDemoManageDesks } from '../../support/manage-desk';

/**
 * Two desks (each its own files, the same manager) fire 20 new services and 20 flushes at once, while
 * some creates lose their answer after the demo stored them: Altegio ends with exactly the services asked
 * for, each once (issue 22, exactly once under parallel calls).
 */
const MANAGER = DEMO_USERS.find((u) => u.login === 'demo@frontdesk.app')!;
const NY = 410001;
const PER_DESK = 20;

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const demoDesk = useDemoManageDesks(() => demo, NY);
const desk = () => demoDesk(MANAGER, { timeoutMs: 5_000 });

describe('manager mode: parallel creates and flushes from two desks', () => {
  it('20 services and 20 flushes at once on each desk, some answers lost: each service on Altegio once', async () => {
    const desks = [desk(), desk()];
    const location = demo.dataset.locations.find((l) => l.company.id === NY)!;
    const categoryId = location.categories[0]!.id;
    const staff = location.staff.slice(0, 2).map((m) => m.id);
    // Stored, then the connection drops: these wait as "maybe delivered" and are looked up by api_id.
    demo.faults.set({ mode: 'dropAfterAccept', match: /\/services\/\d+$/, skip: 3, times: 8 });

    const titles = (n: number) => Array.from({ length: PER_DESK }, (_, i) => `Parallel ${n}-${i}`);
    const items = await Promise.all(
      desks.flatMap(({ d }, n) =>
        titles(n).flatMap((title, i) => [
          d.handlers['manage.createService']({
            locationId: NY,
            title,
            categoryId,
            priceMin: 20,
            priceMax: 30,
            durationMin: 30,
            staff: [
              { staffId: staff[0]!, durationMin: 30 + 15 * (i % 4) },
              { staffId: staff[1]!, durationMin: 45 },
            ],
            bookableOnline: true,
            breakMin: null,
            comment: '',
          }),
          d.flush().then(() => null),
        ]),
      ),
    );
    expect(items.filter((x): x is ManageItem => x !== null)).toHaveLength(2 * PER_DESK);
    demo.faults.clear();

    // What lost its answer goes on the next due runs, again as parallel flushes.
    for (let round = 0; round < 5; round++) {
      const left = desks
        .flatMap(({ d }) => d.handlers['manage.list']({ locationId: NY }) as ManageItem[])
        .filter((i) => i.state !== 'sent');
      if (left.length === 0) break;
      for (const { t } of desks) t.clock.advance(15 * 60_000);
      await Promise.all(desks.flatMap(({ d }) => Array.from({ length: PER_DESK }, () => d.flush())));
    }

    const asked = [...titles(0), ...titles(1)];
    const onDemo = location.services.filter((s) => s.title.startsWith('Parallel '));
    expect(onDemo.map((s) => s.title).sort()).toEqual([...asked].sort());
    const rows = desks.flatMap(({ t }) =>
      t.ctx.db
        .prepare<[], { api_id: string; state: string; remote_id: number }>(
          'SELECT api_id, state, remote_id FROM outbox_catalog',
        )
        .all(),
    );
    expect(rows.map((r) => r.state)).toEqual(rows.map(() => 'sent'));
    // Each outbox row points at the one service carrying its api_id.
    for (const r of rows) expect(onDemo.filter((s) => s.apiId === r.api_id).map((s) => s.id)).toEqual([r.remote_id]);
    const posts = demo.received.requests.filter((r) => r.method === 'POST' && /\/services\/\d+$/.test(r.path)).length;
    expect(posts).toBe(2 * PER_DESK);
  });
});
