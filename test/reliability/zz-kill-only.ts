import { startDemoServer } from '../../src/main/demo';
import { killProbe } from './kill-probe';
import { printTable } from './table';
const demo = await startDemoServer();
const { rows } = await killProbe(demo, Number(process.env['RUNS'] ?? 2));
console.log(printTable(rows));
await demo.close();
process.exit(0);
