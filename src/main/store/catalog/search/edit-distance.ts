/**
 * Optimal string alignment distance (Damerau–Levenshtein where a swap of two neighbours is one
 * edit), bounded: returns max + 1 as soon as the answer is known to exceed max.
 *
 * Returns both the distance to the whole word and to its closest prefix, so "balyag" (still
 * typing) is one edit from a prefix of "balayage".
 */
const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function boundedDistance(a: string, b: string, max: number): { whole: number; prefix: number } {
  const n = a.length;
  const m = Math.min(b.length, n + max);
  if (n > 62 || m > 62) return { whole: max + 1, prefix: max + 1 };
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return { whole: max + 1, prefix: max + 1 };
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  let prefix = max + 1;
  for (let j = 0; j <= m; j++) if (prev[j]! < prefix) prefix = prev[j]!;
  const whole = m === b.length ? prev[m]! : max + 1;
  return { whole: Math.min(whole, max + 1), prefix: Math.min(prefix, max + 1) };
}

/** Edits a word of this length may carry and still match: none under 5 letters, one from 5, two from 9. */
export function typoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}
