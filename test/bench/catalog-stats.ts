/** Timing helpers for the catalogue benchmark. */

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Each item timed on its own; sorted ascending. */
export function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): number[] {
  const out: number[] = [];
  for (const item of items) {
    const t0 = process.hrtime.bigint();
    fn(item);
    out.push(elapsedMs(t0));
  }
  return out.sort((a, b) => a - b);
}

/**
 * p50 and p95 over several rounds of the same queries (after one warm-up round), taking the median
 * round: this machine is shared, and one busy moment should not decide a figure.
 */
export function latency<T>(items: readonly T[], fn: (item: T) => unknown, rounds = 3): { p50: number; p95: number } {
  for (const item of items) fn(item);
  const runs = Array.from({ length: rounds }, () => timeEach(items, fn));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { p50: median(runs.map((r) => percentile(r, 50))), p95: median(runs.map((r) => percentile(r, 95))) };
}
