/**
 * `npm run test:reliability`: the reliability probes at full size, printed as one table.
 * `-- --quick` runs the small version that `npm test` also runs (test/main/reliability).
 */
import { FULL, QUICK, runProbes } from './probes';
import { failedRows, printTable, summary } from './table';

const sizes = process.argv.includes('--quick') ? QUICK : FULL;
const rows = await runProbes(sizes);
console.log(printTable(rows));
console.log(`\n${summary(rows)}`);
process.exit(failedRows(rows).length === 0 ? 0 : 1);
