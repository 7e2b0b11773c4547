/**
 * `npm run test:reliability`: the reliability probes at full size, printed as one table.
 * `-- --quick` runs the small version that `npm test` also runs (test/main/reliability).
 */
import { FULL, QUICK, runProbes } from './probes';
import { printTable } from './table';

const sizes = process.argv.includes('--quick') ? QUICK : FULL;
const rows = await runProbes(sizes);
console.log(printTable(rows));
const failed = rows.filter((r) => !r.pass).length;
console.log(`\n${rows.length} rows, ${failed} not ok`);
process.exit(failed === 0 ? 0 : 1);
