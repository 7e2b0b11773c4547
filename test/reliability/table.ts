/** One row of the reliability table: what was probed, what happened, and whether that is acceptable. */
export interface Row {
  probe: string;
  case: string;
  result: string;
  pass: boolean;
}

export function printTable(rows: Row[]): string {
  const head = ['probe', 'case', 'result', 'ok'];
  const cells = rows.map((r) => [r.probe, r.case, r.result, r.pass ? 'yes' : 'NO']);
  const width = head.map((h, i) => Math.min(110, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (c: string[]) => c.map((v, i) => (v.length > width[i]! ? v.slice(0, width[i]! - 1) + '…' : v.padEnd(width[i]!))).join(' | ');
  return [line(head), width.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
