import { scrypt } from 'node:crypto';
import { hashPin, PIN_SCRYPT, verifyPin } from '../../src/main/services/desk/pin-hash';

/**
 * One PIN unlock's cost (scrypt at the production parameters), beside a same-run baseline of the
 * cheapest scrypt Node allows (N = 2): the difference is the deliberate slowness that protects a copied
 * database against brute force.
 */
export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const stored = await hashPin('2580');
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await verifyPin(i % 2 ? '2580' : '0000', stored);
    times.push(performance.now() - t0);
  }
  const base: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await new Promise((r) => scrypt('2580', 'salt', 32, { N: 2, r: 1, p: 1 }, r));
    base.push(performance.now() - t0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  log(`scrypt N=${PIN_SCRYPT.N} r=${PIN_SCRYPT.r} p=${PIN_SCRYPT.p}, ${PIN_SCRYPT.keyLength}-byte key, ${PIN_SCRYPT.saltLength}-byte salt`);
  return { pin_verify_ms: round(median(times)), pin_verify_baseline_ms: round(median(base)) };
}
