/**
 * Sums of money without float drift: amounts are added as integers of 1/10 000 of the unit, which
 * holds every currency's minor units (cents, tiyn, fils with 3 digits) exactly, then turned back.
 */
const SCALE = 10_000;

export function sumAmounts(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) total += Math.round(a * SCALE);
  return total / SCALE;
}
