import type { Paper } from '../../shared/domain/session';
import { cssString } from './escape';

/** System fonts only: the document must render offline, with no external resources. */
const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
const MONO = 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, "Courier New", monospace';

const COMMON = `
*, *::before, *::after { box-sizing: border-box; }
html { color: #000; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1, h2, h3, p { margin: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: #444; }
.wrap, td, th, h1, h2, p, li, span { overflow-wrap: anywhere; }
`;

const A4 = `
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
html { font: 9.5pt/1.35 ${SANS}; }
header.report-head { display: flex; justify-content: space-between; gap: 8mm; align-items: flex-start;
  border-bottom: 2pt solid #000; padding-bottom: 3mm; margin-bottom: 5mm; }
header h1 { font-size: 17pt; line-height: 1.15; }
header .address { margin-top: 1mm; }
header .kind { text-align: right; flex: none; max-width: 80mm; }
header .kind h2 { font-size: 13pt; }
header .kind .day { font-size: 11pt; font-weight: 600; margin-top: 1mm; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin-bottom: 5mm; }
.meta dt { color: #444; }
.meta dd { margin: 0; }
.notice { border: 1.5pt solid #000; padding: 2.5mm 3mm; margin-bottom: 5mm; font-weight: 600; }
h3 { font-size: 10.5pt; margin: 0 0 1.5mm; text-transform: uppercase; letter-spacing: 0.04em; }
section { margin-bottom: 6mm; }
.totals { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; margin-bottom: 6mm; }
.totals section { margin-bottom: 0; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-weight: 600; border-bottom: 1.2pt solid #000; padding: 1mm 1.5mm; vertical-align: bottom; }
th.num { text-align: right; }
td { border-bottom: 0.5pt solid #999; padding: 0.8mm 1.5mm; vertical-align: top; }
tr.total td { font-weight: 700; border-top: 1.2pt solid #000; border-bottom: none; padding-top: 1.2mm; }
tr.grand td { font-size: 11pt; }
.summary { width: 100%; max-width: 120mm; }
.summary td.label { width: 60%; }
.visits { font-size: 8.5pt; line-height: 1.25; }
.visits td { padding: 0.5mm 1.2mm; }
.visits col.c-item { width: auto; }
.visits col.c-money { width: 19mm; }
.visits col.c-how { width: 48mm; }
.visits thead { display: table-header-group; }
.visits tbody { break-inside: avoid; page-break-inside: avoid; }
.visits tr { break-inside: avoid; }
.visits tr.visit td { border-top: 1pt solid #000; border-bottom: 0.5pt solid #999; padding-top: 1mm; font-weight: 600; }
.visits tr.visit .time { display: inline-block; min-width: 17mm; margin-right: 2mm; white-space: nowrap; }
.visits tr.visit .phone { font-weight: 400; color: #444; margin-left: 3mm; }
.visits tr.visit .by { font-weight: 400; font-style: italic; margin-left: 3mm; }
.visits tr.visit .by::before { content: "· "; font-style: normal; }
.visits tr.master td { border-bottom: none; padding-top: 0.8mm; font-style: italic; }
.visits tr.op td { border-bottom: 0.5pt dotted #bbb; }
.visits tr.op td.item { padding-left: 3mm; }
/* A kind label is as long as its language makes it ("SERVIÇO", "ПОСЛУГА"): a gap, never a fixed width, keeps it off the name. */
.visits .kind { display: inline-block; min-width: 12mm; margin-right: 2mm; color: #444; font-size: 7.5pt; text-transform: uppercase; }
.visits tr.sum td { border-bottom: none; font-weight: 600; }
.visits tr.sum td.label { text-align: right; }
.how .pay { display: flex; justify-content: space-between; gap: 2mm; }
.how .pay > span:first-child { min-width: 0; overflow-wrap: anywhere; }
.empty { border: 1.5pt solid #000; padding: 8mm; text-align: center; margin: 4mm 0 8mm; }
.empty p:first-child { font-size: 15pt; font-weight: 700; margin-bottom: 2mm; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 12mm; margin-top: 14mm; break-inside: avoid; }
.sign .line { border-bottom: 1pt solid #000; height: 10mm; }
.sign .caption { margin-top: 1mm; font-size: 8.5pt; }
`;

/**
 * 80 mm roll, about 72 mm printable: one narrow column, nothing wider than the body.
 * No @page size on purpose: the print call sets 80 mm × the measured height (see receipt-page.ts).
 */
const RECEIPT = `
@page { margin: 0; }
html { font: 8.5pt/1.3 ${MONO}; }
body { width: 72mm; margin: 0 auto; padding: 3mm 0 8mm; }
.center { text-align: center; }
h1 { font-size: 11pt; line-height: 1.2; }
h2 { font-size: 9.5pt; margin-top: 1.5mm; text-transform: uppercase; }
h3 { font-size: 8.5pt; text-transform: uppercase; margin: 0 0 0.5mm; }
.sep { border: 0; border-top: 1px dashed #000; margin: 1.8mm 0; }
.sep.strong { border-top: 1.5px solid #000; }
.row { display: flex; justify-content: space-between; align-items: baseline; gap: 2mm; }
.row > .label { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.row > .num { flex: 0 0 auto; }
.row.total { font-weight: 700; }
.row.sub { padding-left: 3mm; }
.row.sub2 { padding-left: 6mm; }
.visit { break-inside: avoid; margin-bottom: 1.8mm; }
.visit .who { font-weight: 700; }
.master { padding-left: 1.5mm; font-style: italic; margin-top: 0.5mm; }
.notice { border: 1px solid #000; padding: 1mm 1.5mm; margin: 1.5mm 0; font-weight: 700; }
.empty { text-align: center; font-weight: 700; font-size: 10pt; margin: 3mm 0 1mm; }
.sign { margin-top: 8mm; }
.sign .line { border-bottom: 1px solid #000; height: 8mm; }
.sign .caption { margin-top: 0.5mm; }
`;

/**
 * 58 mm roll, about 48 mm printable (≈ 28 monospace characters a line at 8 pt): the 80 mm layout,
 * narrower, one step smaller, with amounts allowed to wrap under a long label.
 */
const RECEIPT58 = `
html { font: 8pt/1.3 ${MONO}; }
body { width: 48mm; padding: 2mm 0 8mm; }
h1 { font-size: 10pt; }
h2 { font-size: 9pt; }
h3 { font-size: 8pt; }
.row { flex-wrap: wrap; gap: 0 1.5mm; }
.row > .num { margin-left: auto; }
.row.sub { padding-left: 1.5mm; }
.row.sub2 { padding-left: 3mm; }
`;

/** The document's stylesheet; A4 pages carry the location and day in the footer with page numbers. */
export function reportCss(paper: Paper, footer: { left: string; page: string; of: string }): string {
  if (paper === 'receipt80') return COMMON + RECEIPT;
  if (paper === 'receipt58') return COMMON + RECEIPT + RECEIPT58;
  const margins = `
@page {
  @bottom-left { content: ${cssString(footer.left)}; font: 7.5pt ${SANS}; color: #444; }
  @bottom-right { content: ${cssString(footer.page + ' ')} counter(page) ${cssString(' ' + footer.of + ' ')} counter(pages); font: 7.5pt ${SANS}; color: #444; }
}`;
  return COMMON + A4 + margins;
}
