import { describe, expect, it } from 'vitest';
import { IN_NPM_TEST, runProbes } from '../../reliability/probes';
import { failedRows, printTable, summary } from '../../reliability/table';

/**
 * The small version of `npm run test:reliability`: every probe at a reduced size. Any row that is
 * not ok fails the test, and the table is in the failure message.
 */
describe('reliability probes (small)', () => {
  it('no crashes, nothing lost or duplicated, no token bytes anywhere', { timeout: 240_000 }, async () => {
    const rows = await runProbes(IN_NPM_TEST);
    // Skipped rows (no tmpfs mount without root) and named known defects do not fail; an XPASS does.
    const failed = failedRows(rows);
    // The totals in the run's output, so a change in the table's size or skips shows without a failure.
    process.stderr.write(`reliability (small): ${summary(rows)}\n`);
    expect(failed, printTable(rows)).toEqual([]);
    expect(rows.length).toBeGreaterThan(60);
  });
});
