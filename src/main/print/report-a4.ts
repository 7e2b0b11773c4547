import { dayTakings } from '../../shared/domain/day-figures';
import type { DayReport, ReportOperation, ReportVisit } from '../../shared/domain/reports';
import { sumAmounts } from '../../shared/format/amounts';
import { escapeHtml as esc } from './escape';
import type { ReportFormat } from './report-format';

/** A4: a table report — head, totals, breakdown per visit, signature. Appends to `out`. */
export function a4Body(out: string[], r: DayReport, f: ReportFormat, printedAt: Date): void {
  const { L, money } = f;
  out.push(
    '<header class="report-head"><div><h1>',
    esc(r.locationTitle),
    '</h1>',
    r.locationAddress ? `<p class="address muted">${esc(r.locationAddress)}</p>` : '',
    `</div><div class="kind"><h2>${esc(L.title)}</h2><p class="muted">${esc(L.subtitle)}</p>`,
    `<p class="day">${esc(f.day)}</p></div></header>`,
  );
  out.push('<dl class="meta">');
  if (r.staffName !== null || r.staffId !== null) {
    out.push(`<dt>${esc(L.teamMember)}</dt><dd>${esc(r.staffName ?? `#${r.staffId}`)}</dd>`);
  }
  if (r.printedBy) out.push(`<dt>${esc(L.printedBy)}</dt><dd>${esc(r.printedBy)}</dd>`);
  out.push(`<dt>${esc(L.printedAt)}</dt><dd>${esc(f.instant(printedAt))}</dd>`);
  out.push(`<dt>${esc(L.fetchedAt)}</dt><dd>${esc(f.instant(new Date(r.fetchedAt)))}</dd></dl>`);
  if (r.fromCache) out.push(`<p class="notice">${esc(L.offlineCopy)} ${esc(f.instant(new Date(r.fetchedAt)))}.</p>`);

  out.push('<div class="totals"><section><h3>', esc(L.takings), '</h3><table>');
  out.push(`<thead><tr><th>${esc(L.account)}</th><th class="num">${esc(L.amount)}</th></tr></thead><tbody>`);
  for (const a of r.accounts) out.push(`<tr><td>${esc(a.title)}</td><td class="num">${money(a.amount)}</td></tr>`);
  out.push(
    `<tr class="total grand"><td>${esc(L.totalTakings)}</td><td class="num">${money(dayTakings(r).total)}</td></tr>`,
    '</tbody></table></section>',
  );
  out.push('<section><h3>', esc(L.discounts), '</h3><table>');
  out.push(`<thead><tr><th>${esc(L.discount)}</th><th class="num">${esc(L.amount)}</th></tr></thead><tbody>`);
  if (r.discounts.length === 0) out.push(`<tr><td colspan="2" class="muted">${esc(L.noDiscounts)}</td></tr>`);
  for (const d of r.discounts) out.push(`<tr><td>${esc(d.title)}</td><td class="num">${money(d.amount)}</td></tr>`);
  out.push(
    `<tr class="total"><td>${esc(L.totalDiscounts)}</td><td class="num">${money(r.totals.discount)}</td></tr>`,
    '</tbody></table></section></div>',
  );

  summary(out, r, f);

  if (r.visits.length === 0) {
    out.push(`<div class="empty"><p>${esc(L.noSales)}</p><p class="muted">${esc(L.noSalesHint)}</p></div>`);
  } else {
    visitsTable(out, r.visits, f);
  }

  out.push(
    '<div class="sign">',
    `<div><div class="line"></div><p class="caption">${esc(L.managerSignature)}</p></div>`,
    `<div><div class="line"></div><p class="caption">${esc(L.name)}</p></div>`,
    '</div>',
  );
}

function summary(out: string[], r: DayReport, f: ReportFormat): void {
  const { L, money, count } = f;
  const s = r.stats;
  const row = (label: string, n: number, paid?: number) =>
    `<tr><td class="label">${esc(label)}</td><td class="num">${count(n)}</td><td class="num">${
      paid === undefined ? '' : money(paid)
    }</td></tr>`;
  out.push(
    '<section><h3>',
    esc(L.summary),
    '</h3><table class="summary">',
    `<thead><tr><th></th><th class="num">${esc(L.count)}</th><th class="num">${esc(L.paid)}</th></tr></thead><tbody>`,
    row(L.clients, s.clients),
    row(L.records, s.records),
    row(L.visitRecords, s.visitRecords),
    row(L.nonVisitRecords, s.nonVisitRecords),
    row(L.services, s.services, s.servicesPaid),
    row(L.goods, s.goods, s.goodsPaid),
    row(L.certificates, s.certificates, s.certificatesPaid),
    row(L.memberships, s.memberships, s.membershipsPaid),
    '</tbody></table></section>',
  );
}

function visitsTable(out: string[], visits: ReportVisit[], f: ReportFormat): void {
  const { L, money } = f;
  out.push(
    '<section><h3>',
    esc(L.visits),
    '</h3><table class="visits">',
    '<colgroup><col class="c-item"><col class="c-money"><col class="c-money"><col class="c-money"><col class="c-money"><col class="c-how"></colgroup>',
    `<thead><tr><th>${esc(L.item)}</th><th class="num">${esc(L.price)}</th><th class="num">${esc(L.discount)}</th>`,
    `<th class="num">${esc(L.cost)}</th><th class="num">${esc(L.paid)}</th><th>${esc(L.howPaid)}</th></tr></thead>`,
  );
  for (const v of visits) {
    // One team member (the usual case) is named on the visit's own line: a busy day stays short.
    const single = v.masters.length === 1 ? v.masters[0]! : null;
    out.push(
      '<tbody><tr class="visit"><td colspan="6"><span class="time">',
      esc(f.time(v.at)),
      '</span>',
      esc(v.clientName.trim() || L.walkIn),
      v.clientPhone ? `<span class="phone">${esc(v.clientPhone)}</span>` : '',
      single ? `<span class="by">${esc(single.masterName)}</span>` : '',
      '</td></tr>',
    );
    let operations = 0;
    for (const m of v.masters) {
      if (!single) out.push(`<tr class="master"><td colspan="6">${esc(m.masterName)}</td></tr>`);
      for (const o of m.operations) operationRow(out, o, f);
      operations += m.operations.length;
    }
    // With one operation its row already is the visit's total.
    if (operations > 1) {
      out.push(
        `<tr class="sum"><td class="label">${esc(L.visitTotal)}</td><td></td><td class="num">${money(v.discount)}</td>`,
        `<td class="num">${money(v.total)}</td><td class="num">${money(v.paid)}</td><td></td></tr>`,
      );
    }
    out.push('</tbody>');
  }
  out.push('</table></section>');
}

function operationRow(out: string[], o: ReportOperation, f: ReportFormat): void {
  const { L, money } = f;
  const paid = sumAmounts(o.payments.flatMap((p) => [p.accountsAmount, p.loyaltyAmount]));
  let how = '';
  for (const p of o.payments) {
    if (p.accountsAmount !== 0) {
      how += `<div class="pay"><span>${esc(p.paymentType)}</span><span class="num">${money(p.accountsAmount)}</span></div>`;
    }
    if (p.loyaltyAmount !== 0) {
      how += `<div class="pay"><span>${esc(p.paymentType)} (${esc(L.loyalty)})</span><span class="num">${money(p.loyaltyAmount)}</span></div>`;
    }
  }
  if (how === '') how = `<div class="muted">${esc(L.unpaid)}</div>`;
  out.push(
    `<tr class="op"><td class="item"><span class="kind">${esc(L.kind[o.kind])}</span> ${esc(o.title)}</td>`,
    `<td class="num">${money(o.firstCost)}</td><td class="num">${money(o.discount)}</td>`,
    `<td class="num">${money(o.resultCost)}</td><td class="num">${money(paid)}</td>`,
    `<td class="how">${how}</td></tr>`,
  );
}
