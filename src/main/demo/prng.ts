/** mulberry32: a small deterministic PRNG so the demo data is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Pick {
  (): number;
  int(min: number, max: number): number;
  one<T>(list: readonly T[]): T;
  some<T>(list: readonly T[], count: number): T[];
  chance(p: number): boolean;
}

export function picker(seed: number): Pick {
  const next = prng(seed);
  const p = (() => next()) as Pick;
  p.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  p.one = (list) => list[Math.floor(next() * list.length)]!;
  p.some = (list, count) => {
    const copy = [...list];
    const out = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  p.chance = (prob) => next() < prob;
  return p;
}
