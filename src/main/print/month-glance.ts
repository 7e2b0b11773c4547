import type { ClientGroup, LoyaltyMember } from '../../shared/domain/loyalty';
import {
  formatCount,
  formatDateTime,
  formatLongDate,
  formatMonthYear,
  formatPercent,
  moneyFormat,
} from '../../shared/format';
import { message, type Language, type MessageKey } from '../../shared/i18n';
import { escapeHtml as esc } from './escape';

/** Everything the one-page "Month at a glance" shows; figures come from the desk's copies. */
export interface MonthGlance {
  place: string;
  timeZone: string;
  /** YYYY-MM-DD, both included. */
  from: string;
  to: string;
  currency: string | null;
  /** Takings from the Z reports this desk has for the month, and for how many of its days. */
  takings: { total: number; daysWithReport: number; days: number };
  visits: number;
  newClients: ClientGroup;
  oldClients: ClientGroup;
  total: ClientGroup;
  keepers: LoyaltyMember[];
  minClients: number;
  /** ISO time the loyalty figures were fetched. */
  fetchedAt: string | null;
  printedAt: string;
}

const KEYS = [
  'title',
  'takings',
  'reportDays',
  'visits',
  'new',
  'returning',
  'returned',
  'lost',
  'keepers',
  'member',
  'clients',
  'kept',
  'share',
  'tooFew',
  'ofClients',
  'minNote',
  'asOf',
  'printed',
  'none',
] as const;
type Label = (typeof KEYS)[number];

export function monthLabels(lang: Language): Record<Label, string> {
  return Object.fromEntries(KEYS.map((k) => [k, message(lang, `print.month.${k}` as MessageKey)])) as Record<
    Label,
    string
  >;
}

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);

/** The A4 page, in the desk's language, with the location's money and the shared date formatters. */
export function renderMonthGlanceHtml(g: MonthGlance, lang: Language): string {
  const l = monthLabels(lang);
  const money = moneyFormat(g.currency, g.timeZone);
  const num = (n: number) => formatCount(n, lang);
  const pct = (v: number) => formatPercent(v, lang);
  const share = (c: ClientGroup) => (c.returnedPercent === null ? l.tooFew : pct(c.returnedPercent));
  const of = (c: ClientGroup) => fill(l.ofClients, { returned: num(c.returned), all: num(c.all) });
  const clock = { lang, timeZone: g.timeZone };
  const figure = (label: string, value: string, note = '') =>
    `<div class="fig"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div>${
      note ? `<div class="note">${esc(note)}</div>` : ''
    }</div>`;
  const keepers = [...g.keepers]
    .sort((a, b) => b.clients.returned - a.clients.returned || a.name.localeCompare(b.name))
    .slice(0, 8);
  const rows = keepers
    .map(
      (m) =>
        `<tr><td>${esc(m.name)}${m.position ? `<div class="note">${esc(m.position)}</div>` : ''}</td><td class="num">${esc(
          num(m.clients.all),
        )}</td><td class="num">${esc(num(m.clients.returned))}</td><td class="num">${esc(share(m.clients))}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(l.title)}</title><style>
@page { size: A4; margin: 14mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; color: #1a1d23; margin: 0; font-size: 11pt; }
h1 { font-size: 20pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 8mm 0 3mm; }
.sub { color: #586173; margin: 0 0 6mm; }
.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; }
.fig { border: 1px solid #d5d9e0; border-radius: 3mm; padding: 3mm 4mm; }
.label { color: #586173; font-size: 10pt; } .value { font-size: 17pt; font-weight: 600; font-variant-numeric: tabular-nums; }
.note { color: #586173; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 2mm; border-bottom: 1px solid #d5d9e0; }
th { font-weight: normal; color: #586173; font-size: 10pt; } .num { text-align: right; font-variant-numeric: tabular-nums; }
footer { margin-top: 8mm; color: #586173; font-size: 9pt; }
</style></head><body>
<h1>${esc(l.title)} · ${esc(formatMonthYear(g.from, lang))}</h1>
<p class="sub">${esc(g.place)} · ${esc(formatLongDate(g.from, lang))} – ${esc(formatLongDate(g.to, lang))}</p>
<div class="grid">
${figure(l.takings, g.takings.daysWithReport > 0 ? money(g.takings.total) : '—', fill(l.reportDays, { count: num(g.takings.daysWithReport), days: num(g.takings.days) }))}
${figure(l.visits, num(g.visits))}
${figure(l.returned, share(g.total), of(g.total))}
${figure(l.new, num(g.newClients.all))}
${figure(l.returning, num(g.oldClients.all))}
${figure(l.lost, num(g.total.lost))}
</div>
<h2>${esc(l.keepers)}</h2>
${
  rows
    ? `<table><thead><tr><th>${esc(l.member)}</th><th class="num">${esc(l.clients)}</th><th class="num">${esc(
        l.kept,
      )}</th><th class="num">${esc(l.share)}</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">${esc(fill(l.minNote, { min: num(g.minClients) }))}</p>`
    : `<p class="note">${esc(l.none)}</p>`
}
<footer>${g.fetchedAt ? `${esc(l.asOf)} ${esc(formatDateTime(g.fetchedAt, clock))} · ` : ''}${esc(l.printed)} ${esc(
    formatDateTime(g.printedAt, clock),
  )}</footer>
</body></html>`;
}
