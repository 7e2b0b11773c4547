import type { CashupFigures, CashupVersion, Milli } from '../../shared/domain/cashup';
import { denominationsOf, pieceKey, zCurrencyIso } from '../../shared/domain/cashup-denominations';
import { cashupTakings, fromMilli } from '../../shared/domain/cashup-math';
import { moneyFormat as sharedMoneyFormat, signedMoney, visibleMoney } from '../../shared/format/money';
import type { Paper } from '../../shared/domain/session';
import { formatDateTime, formatLongDate, type ClockOptions } from '../../shared/format/datetime';
import { isLanguage, message, type Language } from '../../shared/i18n';
import { cashupLabels, type CashupLabels } from './cashup-labels';
import { escapeHtml as esc } from './escape';
import { moneyFormat } from './money';
import { reportCss } from './report-css';

export interface CashupRenderOptions {
  paper: Paper;
  /**
   * The desk's language for labels, dates and times ("en", "ru", "uk", "es", "pt-BR"); an unknown
   * tag prints English. Money follows the location (its currency and number conventions), as on
   * the day report.
   */
  locale: Language | string;
  printedAt: Date;
  /** When the print locks it: shown as locked at printedAt. */
  locking?: boolean;
  /** The desk PC's zone (times name the location's zone when they differ); the process's zone when absent. */
  deskZone?: string;
}

/** Extra rules on top of the report's stylesheet (the same page geometry, fonts and receipt rows). */
const CSS = `
.variance.over, .variance.short { font-weight: 700; }
.status { border: 1.5pt solid #000; padding: 1.5mm 2mm; margin: 2mm 0; font-weight: 700; }
.note { white-space: pre-wrap; border: 0.5pt solid #000; padding: 1.5mm 2mm; }
body.a4 .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; }
body.a4 .cols.drawer-count { grid-template-columns: auto minmax(0, 1fr); gap: 6mm; }
body.a4 .drawer-count .summary td { white-space: nowrap; }
body.a4 .sign .name { margin-top: 1mm; font-weight: 600; }
body.a4 section { margin-bottom: 4.5mm; }
body.a4 .sign { margin-top: 9mm; }
body.a4 .pieces { columns: 2; column-gap: 5mm; }
body.a4 .pieces .row, body.a4 .pieces-total { display: flex; justify-content: space-between; padding: 0.6mm 1.5mm; }
body.a4 .pieces .row { border-bottom: 0.5pt solid #999; break-inside: avoid; gap: 2mm; flex-wrap: wrap; }
body.a4 .pieces .row > span { white-space: nowrap; }
body.a4 .pieces .row > .num { margin-left: auto; }
body.a4 .pieces-total { font-weight: 700; border-top: 1.2pt solid #000; margin-top: -0.5pt; }
body:not(.a4) .row.total { border-top: 1px solid #000; }
body:not(.a4) .total-head { font-weight: 700; font-style: normal; margin-top: 1.5mm; }
`;

interface Fmt {
  L: CashupLabels;
  /** Already HTML-safe. */
  money(m: Milli): string;
  /** "+$20.00", "−500 ₸"; no sign on a zero. Already HTML-safe. */
  signed(m: Milli, sign: '+' | '−'): string;
  variance(m: Milli | null): { text: string; cls: string };
  instant(iso: string | Date): string;
  day: string;
  lang: Language;
}

/** Words and dates in the desk's language on the location's clock; money in the location's conventions. */
function fmt(v: CashupVersion, lang: Language, deskZone: string | undefined): Fmt {
  const L = cashupLabels(lang);
  const clock: ClockOptions = { lang, timeZone: v.z.timezoneName, ...(deskZone ? { deskZone } : {}) };
  // As on screen: the Z report's currency, or the one the desk counted when the symbol names none.
  const picked = v.input.countCurrency;
  const currency = picked && zCurrencyIso(v.z.currency, v.z.timezoneName) === null ? picked : v.z.currency;
  const format = moneyFormat(currency, v.z.timezoneName);
  const shared = sharedMoneyFormat(currency, v.z.timezoneName);
  const money = (m: Milli) => format(fromMilli(m));
  return {
    L,
    money,
    signed: (m, sign) => signedMoney(format, fromMilli(m), sign),
    variance(m) {
      if (m === null) return { text: esc(L.notCounted), cls: 'missing' };
      if (m === 0) return { text: `${money(0)} ${esc(L.balanced)}`, cls: 'balanced' };
      // The sign and the word both say it: a faint minus on thermal paper is easy to miss.
      // Below the currency's usual digits, to the thousandth: never "−$0.00 short".
      const amount = esc(visibleMoney(shared, fromMilli(Math.abs(m))));
      return m > 0
        ? { text: `+${amount} ${esc(L.over)}`, cls: 'over' }
        : { text: `−${amount} ${esc(L.short)}`, cls: 'short' };
    },
    instant: (d) => formatDateTime(d, clock),
    day: formatLongDate(v.date, lang),
    lang,
  };
}

/**
 * The Z report's takings as the Day report shows them (the accounts' sum), and, when Altegio's own
 * total differs, the Day report's sentence saying so (issue 19 §3.10). The sentence is HTML-safe.
 */
function takingsLines(v: CashupVersion, f: Fmt): { total: string; differ: string | null } {
  const k = cashupTakings(v.z);
  if (k.difference === 0) return { total: f.money(k.total), differ: null };
  const words: Record<string, string> = {
    altegio: f.money(k.altegioTotal),
    total: f.money(k.total),
    difference: f.money(Math.abs(k.difference)),
    direction: esc(message(f.lang, k.difference > 0 ? 'report.takingsMore' : 'report.takingsLess')),
  };
  const differ = esc(message(f.lang, 'report.takingsDiffer')).replace(/\{(\w+)\}/g, (all, name: string) => words[name] ?? all);
  return { total: f.money(k.total), differ };
}

/** The cash-up as one self-contained HTML document (no scripts, no external resources), as print and PDF use it. */
export function renderCashupHtml(v: CashupVersion, figures: CashupFigures, opts: CashupRenderOptions): string {
  const lang: Language = isLanguage(opts.locale) ? opts.locale : 'en';
  const f = fmt(v, lang, opts.deskZone);
  const L = f.L;
  const heading = `${L.title} — ${v.z.locationTitle} — ${f.day}`;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${esc(lang)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(heading)}</title><style>`,
    reportCss(opts.paper, { left: `${v.z.locationTitle} · ${L.title} · ${f.day}`, page: L.page, of: L.of }),
    CSS,
    `</style></head><body class="${opts.paper}">`,
  ];
  if (opts.paper === 'a4') a4(out, v, figures, f, opts);
  else receipt(out, v, figures, f, opts);
  out.push('</body></html>');
  return out.join('');
}

function accountTitle(title: string, L: CashupLabels): string {
  return title === '' ? esc(L.drawer) : esc(title);
}

function statusLines(v: CashupVersion, f: Fmt, opts: CashupRenderOptions): string[] {
  const { L } = f;
  const lockedAt = v.lockedAt ?? (opts.locking ? opts.printedAt.toISOString() : null);
  const lines = [`${esc(L.version)} ${v.version}${lockedAt ? ` · ${esc(L.locked)} ${esc(f.instant(lockedAt))}` : ''}`];
  if (v.reason) lines.push(`${esc(L.correction.replace('{previous}', String(v.version - 1)))}: ${esc(v.reason)}`);
  return lines;
}

function zStamp(v: CashupVersion, f: Fmt): string {
  const at = esc(f.instant(v.z.fetchedAt));
  return v.z.fromCache ? `${esc(f.L.offline)} ${at}.` : `${esc(f.L.checkedAgainst)} ${at}`;
}

function countRows(v: CashupVersion, f: Fmt): { label: string; amount: string }[] {
  const table = denominationsOf(v.input.countCurrency);
  if (table.length === 0) {
    return v.input.cashTyped === null ? [] : [{ label: esc(f.L.typedTotal), amount: f.money(v.input.cashTyped) }];
  }
  return table
    .filter((d) => (v.input.pieces[pieceKey(d)] ?? 0) > 0)
    .map((d) => {
      const n = v.input.pieces[pieceKey(d)]!;
      return { label: `${f.money(d.value)} × ${n}`, amount: f.money(d.value * n) };
    });
}

function a4(out: string[], v: CashupVersion, fg: CashupFigures, f: Fmt, opts: CashupRenderOptions): void {
  const { L } = f;
  const z = v.z;
  out.push(
    '<header class="report-head"><div>',
    `<h1>${esc(z.locationTitle)}</h1>`,
    z.locationAddress ? `<p class="address">${esc(z.locationAddress)}</p>` : '',
    `</div><div class="kind"><h2>${esc(L.title)}</h2><p class="day">${esc(f.day)}</p></div></header>`,
    '<dl class="meta">',
    `<dt>${esc(L.countedBy)}</dt><dd>${esc(v.countedBy ?? '—')}</dd>`,
    `<dt>${esc(L.printedAt)}</dt><dd>${esc(f.instant(opts.printedAt))}</dd>`,
    `<dt>${esc(L.version)}</dt><dd>${statusLines(v, f, opts).join('<br>')}</dd>`,
    '</dl>',
  );
  out.push(`<p class="${z.fromCache ? 'notice' : 'muted'}">${zStamp(v, f)}</p>`);
  if (v.status === 'draft' && !opts.locking) out.push(`<p class="status">${esc(L.draft)}</p>`);

  out.push(
    `<section><h3>${esc(L.accounts)}</h3><table><thead><tr><th>${esc(L.account)}</th><th class="num">${esc(L.expected)}</th>`,
    `<th class="num">${esc(L.counted)}</th><th class="num">${esc(L.variance)}</th></tr></thead><tbody>`,
  );
  for (const l of fg.lines) {
    const vr = f.variance(l.variance);
    out.push(
      `<tr><td>${accountTitle(l.title, L)}</td><td class="num">${f.money(l.expected)}</td>`,
      `<td class="num">${l.counted === null ? '—' : f.money(l.counted)}</td><td class="num variance ${vr.cls}">${vr.text}</td></tr>`,
    );
  }
  const tv = f.variance(fg.total.variance);
  out.push(
    `<tr class="total grand"><td>${esc(L.total)}</td><td class="num">${f.money(fg.total.expected)}</td>`,
    `<td class="num">${fg.total.counted === null ? '—' : f.money(fg.total.counted)}</td><td class="num variance ${tv.cls}">${tv.text}</td></tr>`,
    '</tbody></table></section>',
  );

  const d = fg.drawer;
  const dv = f.variance(d.variance);
  const row = (label: string, amount: string, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><td class="label">${label}</td><td class="num">${amount}</td></tr>`;
  out.push(
    // The drawer's words keep their width; the count's two columns take the rest (a tenge amount is long).
    '<div class="cols drawer-count">',
    `<section><h3>${esc(L.drawer)}</h3><table class="summary"><tbody>`,
    row(esc(L.float), f.money(d.float)),
    row(esc(L.cashTakings), f.money(d.takings)),
    ...(d.roundedTo === null ? [] : [row(esc(L.cashRounding), f.signed(d.rounding, d.rounding < 0 ? '−' : '+'))]),
    row(esc(L.paidIn), f.money(d.paidIn)),
    row(esc(L.paidOut), f.money(d.paidOut)),
    row(esc(L.expectedInDrawer), f.money(d.expected), 'total'),
    row(esc(L.countedInDrawer), d.counted === null ? '—' : f.money(d.counted)),
    `<tr><td class="label">${esc(L.variance)}</td><td class="num variance ${dv.cls}">${dv.text}</td></tr>`,
    '</tbody></table></section>',
    `<section><h3>${esc(L.count)}</h3><div class="pieces">`,
  );
  // Two columns of pieces: a drawer of tenge has fourteen kinds of notes and coins.
  for (const c of countRows(v, f)) {
    out.push(`<div class="row"><span>${c.label}</span><span class="num">${c.amount}</span></div>`);
  }
  const drawerCounted = d.counted === null ? '—' : f.money(d.counted);
  out.push(
    `</div><div class="pieces-total"><span>${esc(L.countedInDrawer)}</span><span class="num">${drawerCounted}</span></div>`,
    '</section></div>',
  );

  if (v.input.movements.length > 0) {
    out.push(`<section><h3>${esc(L.movements)}</h3><table><tbody>`);
    for (const m of v.input.movements) {
      out.push(
        row(
          `${esc(m.kind === 'in' ? L.paidIn : L.paidOut)}: ${esc(m.reason)}`,
          f.signed(m.amount, m.kind === 'in' ? '+' : '−'),
        ),
      );
    }
    out.push('</tbody></table></section>');
  }

  const takings = takingsLines(v, f);
  out.push(`<section><h3>${esc(L.zReport)}</h3><div class="cols"><table class="summary"><tbody>`);
  for (const a of z.accounts) out.push(row(esc(a.title), f.money(a.amount)));
  out.push(row(esc(L.totalTakings), takings.total, 'total'), '</tbody></table><table class="summary"><tbody>');
  for (const x of z.discounts) out.push(row(esc(x.title), f.money(x.amount)));
  out.push(row(esc(L.totalDiscounts), f.money(z.totals.discount), 'total'), '</tbody></table></div>');
  if (takings.differ) out.push(`<p class="takings-differ">${takings.differ}</p>`);
  out.push('</section>');

  if (v.input.note.trim())
    out.push(`<section><h3>${esc(L.note)}</h3><p class="note">${esc(v.input.note)}</p></section>`);
  out.push(
    '<div class="sign">',
    `<div><div class="line"></div><p class="caption">${esc(L.signCounted)}</p><p class="name">${esc(v.countedBy ?? '')}</p></div>`,
    `<div><div class="line"></div><p class="caption">${esc(L.signManager)}</p></div>`,
    '</div>',
  );
}

function receipt(out: string[], v: CashupVersion, fg: CashupFigures, f: Fmt, opts: CashupRenderOptions): void {
  const { L } = f;
  const z = v.z;
  const SEP = '<hr class="sep">';
  const row = (label: string, amount: string, cls = '') =>
    `<div class="row${cls ? ' ' + cls : ''}"><span class="label">${label}</span><span class="num">${amount}</span></div>`;
  out.push(
    `<div class="center"><h1>${esc(z.locationTitle)}</h1>`,
    z.locationAddress ? `<p>${esc(z.locationAddress)}</p>` : '',
    `<h2>${esc(L.title)}</h2><p>${esc(f.day)}</p></div>`,
    SEP,
  );
  for (const s of statusLines(v, f, opts)) out.push(`<p>${s}</p>`);
  out.push(
    `<p>${esc(L.countedBy)}: ${esc(v.countedBy ?? '—')}</p>`,
    `<p>${esc(L.printedAt)}: ${esc(f.instant(opts.printedAt))}</p>`,
  );
  out.push(`<p class="${z.fromCache ? 'notice' : ''}">${zStamp(v, f)}</p>`);
  if (v.status === 'draft' && !opts.locking) out.push(`<p class="notice">${esc(L.draft)}</p>`);

  out.push(SEP, `<h3>${esc(L.accounts)}</h3>`);
  for (const l of fg.lines) {
    const vr = f.variance(l.variance);
    out.push(
      `<p class="master">${accountTitle(l.title, L)}</p>`,
      row(esc(L.expectedShort), f.money(l.expected), 'sub'),
      row(esc(L.counted), l.counted === null ? '—' : f.money(l.counted), 'sub'),
      row(esc(L.variance), `<span class="variance ${vr.cls}">${vr.text}</span>`, 'sub'),
    );
  }
  const tv = f.variance(fg.total.variance);
  out.push(
    `<p class="master total-head">${esc(L.total)}</p>`,
    row(esc(L.expectedShort), f.money(fg.total.expected), 'sub'),
    row(esc(L.counted), fg.total.counted === null ? '—' : f.money(fg.total.counted), 'sub'),
    row(esc(L.variance), `<span class="variance ${tv.cls}">${tv.text}</span>`, 'sub total'),
  );

  const d = fg.drawer;
  const dv = f.variance(d.variance);
  out.push(
    SEP,
    `<h3>${esc(L.drawer)}</h3>`,
    row(esc(L.float), f.money(d.float)),
    row(esc(L.cashTakings), f.money(d.takings)),
    ...(d.roundedTo === null ? [] : [row(esc(L.cashRounding), f.signed(d.rounding, d.rounding < 0 ? '−' : '+'))]),
    row(esc(L.paidIn), f.money(d.paidIn)),
    row(esc(L.paidOut), f.money(d.paidOut)),
    row(esc(L.expectedInDrawer), f.money(d.expected), 'total'),
    row(esc(L.countedInDrawer), d.counted === null ? '—' : f.money(d.counted)),
    row(esc(L.variance), `<span class="variance ${dv.cls}">${dv.text}</span>`, 'total'),
  );
  const counts = countRows(v, f);
  if (counts.length > 0) {
    out.push(SEP, `<h3>${esc(L.count)}</h3>`);
    for (const c of counts) out.push(row(c.label, c.amount, 'sub'));
  }
  if (v.input.movements.length > 0) {
    out.push(SEP, `<h3>${esc(L.movements)}</h3>`);
    for (const m of v.input.movements) {
      out.push(
        row(
          `${esc(m.kind === 'in' ? L.paidIn : L.paidOut)}: ${esc(m.reason)}`,
          f.signed(m.amount, m.kind === 'in' ? '+' : '−'),
          'sub',
        ),
      );
    }
  }
  const takings = takingsLines(v, f);
  out.push(SEP, `<h3>${esc(L.zReport)}</h3>`);
  for (const a of z.accounts) out.push(row(esc(a.title), f.money(a.amount), 'sub'));
  out.push(row(esc(L.totalTakings), takings.total, 'total'));
  if (takings.differ) out.push(`<p class="takings-differ">${takings.differ}</p>`);
  for (const x of z.discounts) out.push(row(esc(x.title), f.money(x.amount), 'sub'));
  out.push(row(esc(L.totalDiscounts), f.money(z.totals.discount), 'total'));
  if (v.input.note.trim()) out.push(SEP, `<h3>${esc(L.note)}</h3>`, `<p class="note">${esc(v.input.note)}</p>`);
  out.push(
    `<div class="sign"><div class="line"></div><p class="caption">${esc(L.signCounted)}: ${esc(v.countedBy ?? '')}</p></div>`,
    `<div class="sign"><div class="line"></div><p class="caption">${esc(L.signManager)}</p></div>`,
  );
}
