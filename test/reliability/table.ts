/**
 * One row of the reliability table: what was probed, what happened, and whether that is acceptable.
 * A row that could not run here (no root for a tmpfs mount, say) is `skipped`: never counted as passed.
 */
export interface Row {
  probe: string;
  case: string;
  result: string;
  pass: boolean;
  skipped?: boolean;
  /**
   * A defect this row finds that no change has fixed yet, named so the table still shows it ("known").
   * It does not fail the run; the day the row passes it does ("XPASS"), so the mark is removed with the fix.
   */
  known?: string;
}

export function skippedRow(probe: string, name: string, why: string): Row {
  return { probe, case: name, result: `skipped: ${why}`, pass: false, skipped: true };
}

export function printTable(rows: Row[]): string {
  const head = ['probe', 'case', 'result', 'ok'];
  const cells = rows.map((r) => [
    r.probe,
    r.case,
    r.known && !r.pass ? `${r.result} [known: ${r.known}]` : r.result,
    r.skipped ? 'skipped' : r.known ? (r.pass ? 'XPASS' : 'known') : r.pass ? 'yes' : 'NO',
  ]);
  const width = head.map((h, i) => Math.min(110, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (c: string[]) => c.map((v, i) => (v.length > width[i]! ? v.slice(0, width[i]! - 1) + '…' : v.padEnd(width[i]!))).join(' | ');
  return [line(head), width.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

/** Rows that ran and failed, and known-defect rows that now pass (a skipped row is neither). */
export const failedRows = (rows: Row[]) => rows.filter((r) => !r.skipped && (r.known ? r.pass : !r.pass));
const knownRows = (rows: Row[]) => rows.filter((r) => !r.skipped && r.known && !r.pass);

export function summary(rows: Row[]): string {
  const skipped = rows.filter((r) => r.skipped).length;
  const failed = failedRows(rows).length;
  const known = knownRows(rows).length;
  return `${rows.length} rows: ${rows.length - skipped - failed - known} ok, ${failed} not ok, ${known} known defects, ${skipped} skipped`;
}
