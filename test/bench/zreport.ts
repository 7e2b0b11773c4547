import { renderReportHtml } from '../../src/main/print/report-html';
import { makeDayReport } from '../main/print/sample-report';

/**
 * Day-end report rendering: the median time to turn a 500-client day into the A4 and receipt HTML
 * documents (target ≤ 20 ms), against JSON.stringify of the same report in the same run — the
 * least any serialisation of that much data costs.
 */

const RUNS = 41;
const WARMUP = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  let sink = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const out = fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    sink += typeof out === 'string' ? out.length : 0;
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the work observable
  return Math.round(median(samples) * 1000) / 1000;
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const report = makeDayReport({ visits: 500, currency: 'USD' });
  const printedAt = new Date('2026-03-24T01:05:00Z');
  const a4 = renderReportHtml(report, { paper: 'a4', locale: 'en', printedAt });
  const ops = report.visits.reduce((n, v) => n + v.masters.reduce((m, x) => m + x.operations.length, 0), 0);
  log(
    `500 visits, ${ops} operations; A4 document ${(a4.length / 1024).toFixed(0)} KiB, JSON ${(JSON.stringify(report).length / 1024).toFixed(0)} KiB`,
  );

  const html = time(() => renderReportHtml(report, { paper: 'a4', locale: 'en', printedAt }));
  const receipt = time(() => renderReportHtml(report, { paper: 'receipt80', locale: 'en', printedAt }));
  const symbol = time(() => renderReportHtml({ ...report, currency: '₸' }, { paper: 'a4', locale: 'ru', printedAt }));
  const baseline = time(() => JSON.stringify(report));
  log(`median of ${RUNS}: A4 ${html} ms, receipt ${receipt} ms, A4 ru/₸ ${symbol} ms, JSON.stringify ${baseline} ms`);
  return {
    zreport_html_500_ms: html,
    zreport_receipt_500_ms: receipt,
    zreport_html_baseline_ms: baseline,
  };
}
