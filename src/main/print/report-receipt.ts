import { dayTakings } from '../../shared/domain/day-figures';
import type { DayReport, ReportOperation } from '../../shared/domain/reports';
import { escapeHtml as esc } from './escape';
import type { ReportFormat } from './report-format';

const SEP = '<hr class="sep">';

function row(label: string, amount: string, cls = ''): string {
  return `<div class="row${cls ? ' ' + cls : ''}"><span class="label">${label}</span><span class="num">${amount}</span></div>`;
}

/** 80 or 58 mm receipt: the same figures as A4 in one narrow column. Appends to `out`. */
export function receiptBody(out: string[], r: DayReport, f: ReportFormat, printedAt: Date): void {
  const { L, money, count } = f;
  out.push(
    '<div class="center"><h1>',
    esc(r.locationTitle),
    '</h1>',
    r.locationAddress ? `<p>${esc(r.locationAddress)}</p>` : '',
    `<h2>${esc(L.title)}</h2><p>${esc(f.day)}</p>`,
    r.staffId !== null ? `<p>${esc(L.teamMember)}: ${esc(r.staffName ?? `#${r.staffId}`)}</p>` : '',
    '</div>',
    SEP,
  );
  if (r.printedBy) out.push(`<p>${esc(L.printedBy)}: ${esc(r.printedBy)}</p>`);
  out.push(`<p>${esc(L.printedAt)}: ${esc(f.instant(printedAt))}</p>`);
  out.push(`<p>${esc(L.fetchedAt)}: ${esc(f.instant(new Date(r.fetchedAt)))}</p>`);
  if (r.fromCache) out.push(`<p class="notice">${esc(L.offlineCopy)} ${esc(f.instant(new Date(r.fetchedAt)))}.</p>`);

  out.push(SEP, `<h3>${esc(L.takings)}</h3>`);
  for (const a of r.accounts) out.push(row(esc(a.title), money(a.amount)));
  out.push(row(esc(L.totalTakings), money(dayTakings(r).total), 'total'));

  out.push(SEP, `<h3>${esc(L.discounts)}</h3>`);
  if (r.discounts.length === 0) out.push(`<p>${esc(L.noDiscounts)}</p>`);
  for (const d of r.discounts) out.push(row(esc(d.title), money(d.amount)));
  out.push(row(esc(L.totalDiscounts), money(r.totals.discount), 'total'));

  const s = r.stats;
  const stat = (label: string, n: number, paid?: number) =>
    row(`${esc(label)}: ${count(n)}`, paid === undefined ? '' : money(paid));
  out.push(
    SEP,
    `<h3>${esc(L.summary)}</h3>`,
    stat(L.clients, s.clients),
    stat(L.records, s.records),
    stat(L.visitRecords, s.visitRecords),
    stat(L.nonVisitRecords, s.nonVisitRecords),
    stat(L.services, s.services, s.servicesPaid),
    stat(L.goods, s.goods, s.goodsPaid),
    stat(L.certificates, s.certificates, s.certificatesPaid),
    stat(L.memberships, s.memberships, s.membershipsPaid),
    '<hr class="sep strong">',
  );

  if (r.visits.length === 0) {
    out.push(`<p class="empty">${esc(L.noSales)}</p><p class="center">${esc(L.noSalesHint)}</p>`);
  } else {
    out.push(`<h3>${esc(L.visits)}</h3>`);
    for (const v of r.visits) {
      out.push(
        '<div class="visit">',
        `<p class="who">${esc(f.time(v.at))} ${esc(v.clientName.trim() || L.walkIn)}</p>`,
        v.clientPhone ? `<p>${esc(v.clientPhone)}</p>` : '',
      );
      for (const m of v.masters) {
        out.push(`<p class="master">${esc(m.masterName)}</p>`);
        for (const o of m.operations) operation(out, o, f);
      }
      out.push(
        row(`${esc(L.visitTotal)}`, money(v.total), 'total'),
        v.discount !== 0 ? row(esc(L.discount), money(v.discount), 'sub') : '',
        // Paid is worth a line only when it is not the total (part paid, or paid with loyalty extra).
        v.paid !== v.total ? row(esc(L.paid), money(v.paid), 'sub') : '',
        '</div>',
      );
    }
  }

  out.push(SEP, `<div class="sign"><div class="line"></div><p class="caption">${esc(L.managerSignature)}</p></div>`);
}

function operation(out: string[], o: ReportOperation, f: ReportFormat): void {
  const { L, money } = f;
  const kind = o.kind === 'service' ? '' : `${esc(L.kind[o.kind])}: `;
  out.push(row(kind + esc(o.title), money(o.resultCost), 'sub'));
  if (o.discount !== 0) {
    out.push(row(`${esc(L.price)} ${money(o.firstCost)}, ${esc(L.discount).toLowerCase()}`, money(o.discount), 'sub2'));
  }
  for (const p of o.payments) {
    if (p.accountsAmount !== 0) out.push(row(esc(p.paymentType), money(p.accountsAmount), 'sub2'));
    if (p.loyaltyAmount !== 0)
      out.push(row(`${esc(p.paymentType)} (${esc(L.loyalty)})`, money(p.loyaltyAmount), 'sub2'));
  }
  if (o.payments.every((p) => p.accountsAmount === 0 && p.loyaltyAmount === 0)) {
    out.push(row(esc(L.unpaid), '', 'sub2'));
  }
}
