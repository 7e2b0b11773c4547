import { dayTakings } from '../../../src/shared/domain/day-figures';
import { Window, type Document, type Element, type Node } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { REPORT_LABELS_EN } from '../../../src/main/print/labels';
import { renderReportHtml } from '../../../src/main/print/report-html';
import type { DayReport } from '../../../src/shared/domain/reports';
import { makeDayReport } from './sample-report';
import { emptyDayReport, seedDayReport } from './seed-report';

const PRINTED_AT = new Date('2026-03-24T01:05:00Z'); // 21:05 on the 23rd in New York
// The desk sits in its New York location (one test moves it): times carry no zone name.
process.env.TZ = 'America/New_York';
const NBSP = '\u00a0';

function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document;
}

/** The element's text as a reader sees it: each text node a word group, separated by spaces. */
function text(el: Element | null | undefined): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else n.childNodes.forEach(walk);
  };
  if (el) walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });

/** Every amount of the model, in the order a reader meets it. */
function allAmounts(r: DayReport): number[] {
  const s = r.stats;
  return [
    ...r.accounts.map((a) => a.amount),
    // The one takings total (issue 19 §3.10): the accounts' sum, not paids.total.accounts.
    dayTakings(r).total,
    ...r.discounts.map((d) => d.amount),
    r.totals.discount,
    s.servicesPaid,
    s.goodsPaid,
    s.certificatesPaid,
    s.membershipsPaid,
    ...r.visits.flatMap((v) => [
      v.total,
      v.discount,
      v.paid,
      ...v.masters.flatMap((m) =>
        m.operations.flatMap((o) => [
          o.firstCost,
          o.discount,
          o.resultCost,
          ...o.payments.flatMap((p) => [p.accountsAmount, p.loyaltyAmount].filter((x) => x !== 0)),
        ]),
      ),
    ]),
  ];
}

describe('renderReportHtml — A4', () => {
  const report = seedDayReport();
  const html = renderReportHtml(report, { paper: 'a4', locale: 'en', printedAt: PRINTED_AT });
  const doc = parse(html);

  it('is a complete document with print CSS and nothing external', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(text(doc.querySelector('style'))).toContain('@page');
    expect(text(doc.querySelector('style'))).toContain('size: A4');
    expect(doc.querySelectorAll('script, link, img, iframe, object')).toHaveLength(0);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|https?:/i);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
  });

  it('heads the page with the location, the day, who printed it and when (location time)', () => {
    expect(text(doc.querySelector('h1'))).toBe('James Smith LLC');
    expect(text(doc.querySelector('.address'))).toBe('New York, 787 Jackson Drive');
    expect(text(doc.querySelector('header'))).toContain('Monday, March 23, 2026');
    const meta = text(doc.querySelector('.meta'));
    expect(meta).toContain('Printed by Anna Receptionist');
    expect(meta).toContain('Printed Mar 23, 2026, 9:05 PM');
    expect(meta).toContain('Figures from Altegio as of Mar 23, 2026, 9:04 PM');
    expect(doc.querySelector('.notice')).toBeNull();
  });

  it('shows every figure of the model formatted in the currency', () => {
    for (const amount of allAmounts(report)) expect(html).toContain(usd.format(amount));
    // the documented figures, spelled out
    for (const s of [
      '$6,987.00',
      '$54,321.13',
      '$73,839.13',
      '$1,816.88',
      '$1,241.88',
      '$12,452.18',
      '$3,859.75',
      '$1,160.75',
    ]) {
      expect(html).toContain(s);
    }
  });

  it('puts the totals first: takings per account with the total, discounts, then the counts', () => {
    const sections = [...doc.querySelectorAll('h3')].map(text);
    expect(sections).toEqual(['Takings by payment account', 'Discounts and loyalty write-offs', 'Summary', 'Visits']);
    const takings = [...doc.querySelectorAll('.totals section')[0]!.querySelectorAll('tbody tr')].map(text);
    expect(takings).toEqual([
      'Cards $6,987.00',
      'Cash $54,321.13',
      'Location account $12,531.00',
      'Total takings $73,839.13',
    ]);
    const summary = [...doc.querySelectorAll('table.summary tbody tr')].map(text);
    expect(summary).toEqual([
      'Clients 7',
      'Appointments 14',
      'Appointments with a visit 13',
      'Appointments without a visit 1',
      'Services 14 $10,255.00',
      'Goods 4 $12,452.18',
      'Certificates 1 $9,876.00',
      'Memberships 0 $0.00',
    ]);
  });

  it('breaks each visit down: time, client, master, operations with cost, discount, paid and how', () => {
    const visit = doc.querySelector('table.visits tbody')!;
    // the one team member is named on the visit's line
    expect(text(visit.querySelector('tr.visit'))).toBe('4:00 AM John Smith +1 315 555 0175 Robert Brown');
    expect(visit.querySelector('tr.master')).toBeNull();
    const ops = [...visit.querySelectorAll('tr.op')].map(text);
    expect(ops).toEqual([
      'Service Highlighting from 9 strands $3,500.00 $0.00 $3,500.00 $801.00 Card: Gold Card (loyalty) $700.00 Card: Gold Card (loyalty) $100.00 Card: Bonus card (loyalty) $1.00',
      'Goods Spray For Hair $15.00 $2.25 $12.75 $12.75 Cash $12.75',
      'Other Other operations $347.00 $0.00 $347.00 $347.00 Cash $23.00 Cash $324.00',
    ]);
    expect(text(visit.querySelector('tr.sum'))).toBe('Visit total $2.25 $3,859.75 $1,160.75');
  });

  it('gives each team member a line when several served one visit, and no total row for a single operation', () => {
    const r = seedDayReport();
    const v = r.visits[0]!;
    const [service, good, other] = v.masters[0]!.operations;
    v.masters = [
      { masterId: 1, masterName: 'Robert Brown', operations: [service!, good!] },
      { masterId: 2, masterName: 'Zoe Lee', operations: [other!] },
    ];
    const second = {
      ...v,
      at: '2016-12-07T05:00:00-05:00',
      clientName: 'Ann Lee',
      masters: [{ masterId: 2, masterName: 'Zoe Lee', operations: [other!] }],
    };
    r.visits.push(second);
    const d = parse(renderReportHtml(r, { paper: 'a4', locale: 'en', printedAt: PRINTED_AT }));
    const [first, last] = [...d.querySelectorAll('table.visits tbody')];
    expect([...first!.querySelectorAll('tr')].map((tr) => tr.className)).toEqual([
      'visit',
      'master',
      'op',
      'op',
      'master',
      'op',
      'sum',
    ]);
    expect([...first!.querySelectorAll('tr.master')].map(text)).toEqual(['Robert Brown', 'Zoe Lee']);
    expect([...last!.querySelectorAll('tr')].map((tr) => tr.className)).toEqual(['visit', 'op']);
  });

  it('ends with a line for the manager to sign', () => {
    expect(text(doc.querySelector('.sign'))).toContain('Manager signature');
    expect(doc.querySelector('.sign .line')).not.toBeNull();
  });

  it('says when the figures are an offline copy, and names the team member of a filtered report', () => {
    const copy = parse(
      renderReportHtml(seedDayReport({ fromCache: true, staffId: 321123, staffName: 'Robert Brown' }), {
        paper: 'a4',
        locale: 'en',
        printedAt: PRINTED_AT,
      }),
    );
    expect(text(copy.querySelector('.notice'))).toBe(
      'Offline copy. Altegio could not be reached; these figures were fetched at Mar 23, 2026, 9:04 PM.',
    );
    expect(text(copy.querySelector('.meta'))).toContain('Team member Robert Brown');
  });
});

describe('renderReportHtml — money', () => {
  it('prints money in the location’s conventions and its currency’s minor units, whatever the desk language', () => {
    const page = (currency: string, timezoneName: string, locale = 'en') =>
      renderReportHtml(seedDayReport({ currency, timezoneName }), { paper: 'a4', locale, printedAt: PRINTED_AT });
    // The three locations: New York, Almaty (Altegio sends the bare symbol), Paris.
    expect(page('USD', 'America/New_York', 'ru')).toContain('$54,321.13');
    expect(page('$', 'America/New_York')).toContain('$54,321.13');
    expect(page('₸', 'Asia/Almaty', 'es')).toContain(`54${NBSP}321,13${NBSP}₸`);
    expect(page('€', 'Europe/Paris', 'pt-BR')).toContain(`54\u202f321,13${NBSP}€`);
  });

  it('writes an unknown symbol after the number, with two decimals and a no-break space', () => {
    const html = renderReportHtml(seedDayReport({ currency: 'kr', timezoneName: 'America/New_York' }), {
      paper: 'receipt80',
      locale: 'en',
      printedAt: PRINTED_AT,
    });
    expect(html).toContain(`54,321.13${NBSP}kr`);
    expect(html).toContain(`6,987.00${NBSP}kr`);
    expect(html).not.toMatch(/\$/);
  });

  it('escapes a currency symbol as it escapes any other text from Altegio', () => {
    const html = renderReportHtml(seedDayReport({ currency: '<b>' }), {
      paper: 'a4',
      locale: 'en',
      printedAt: PRINTED_AT,
    });
    expect(html).toContain(`6,987.00${NBSP}&lt;b&gt;`);
    expect(parse(html).querySelectorAll('b')).toHaveLength(0);
  });
});

describe('renderReportHtml — 80 mm receipt', () => {
  const report = seedDayReport();
  const html = renderReportHtml(report, { paper: 'receipt80', locale: 'en', printedAt: PRINTED_AT });
  const doc = parse(html);

  it('is one 72 mm column without tables, margins off, long words allowed to wrap', () => {
    const css = text(doc.querySelector('style'));
    expect(css).toContain('@page { margin: 0; }');
    expect(css).not.toMatch(/size:\s*80mm/); // see receipt-page.ts: the print call sets the size
    expect(css).toContain('width: 72mm');
    expect(css).toContain('overflow-wrap: anywhere');
    expect(css).toMatch(/monospace/);
    expect(doc.querySelectorAll('table')).toHaveLength(0);
    expect(doc.body.className).toBe('receipt80');
  });

  it('carries the totals, the visit and the signature line', () => {
    const body = text(doc.body);
    expect(body).toContain('Total takings $73,839.13');
    expect(body).toContain('Total discounts $1,241.88');
    expect(body).toContain('4:00 AM John Smith');
    expect(body).toContain('Spray For Hair $12.75');
    expect(body).toContain('Price $15.00, discount $2.25');
    expect(body).toContain('Card: Gold Card (loyalty) $700.00');
    expect(body).toContain('Visit total $3,859.75');
    expect(body).toContain('Manager signature');
    for (const amount of allAmounts(report).filter((a) => a !== 0)) expect(html).toContain(usd.format(amount));
  });
});

describe('renderReportHtml — edge cases', () => {
  it('prints an empty day as a clear "No sales on this day" report, on both papers', () => {
    for (const paper of ['a4', 'receipt80'] as const) {
      const doc = parse(renderReportHtml(emptyDayReport(), { paper, locale: 'en', printedAt: PRINTED_AT }));
      expect(text(doc.body)).toContain('No sales on this day');
      expect(doc.querySelector('table.visits')).toBeNull();
      expect(doc.querySelector('.visit')).toBeNull();
      expect(text(doc.body)).toContain('Manager signature');
      expect(text(doc.body)).toContain('No discounts or write-offs');
    }
  });

  it('renders a 300-client day with every visit, on both papers', () => {
    const big = makeDayReport({ visits: 300 });
    const a4 = parse(renderReportHtml(big, { paper: 'a4', locale: 'en', printedAt: PRINTED_AT }));
    expect(a4.querySelectorAll('table.visits tbody')).toHaveLength(300);
    expect(a4.querySelectorAll('tr.op')).toHaveLength(
      big.visits.reduce((n, v) => n + v.masters[0]!.operations.length, 0),
    );
    const receipt = parse(renderReportHtml(big, { paper: 'receipt80', locale: 'en', printedAt: PRINTED_AT }));
    expect(receipt.querySelectorAll('.visit')).toHaveLength(300);
    const names = [...a4.querySelectorAll('tr.visit')].map((r) => text(r));
    big.visits.forEach((v, i) => expect(names[i]).toContain(v.clientName.trim() || 'Walk-in client'));
  });

  it('escapes a client named <script> (and every other text) instead of running it', () => {
    const evil = '<script>alert("x")</script>';
    const r = seedDayReport();
    r.visits[0]!.clientName = evil;
    r.visits[0]!.masters[0]!.masterName = '<img src=x onerror=alert(1)>';
    r.visits[0]!.masters[0]!.operations[0]!.title = 'Cut & "colour"';
    r.locationTitle = 'Salon "</style><script>x</script>';
    for (const paper of ['a4', 'receipt80'] as const) {
      const html = renderReportHtml(r, { paper, locale: 'en', printedAt: PRINTED_AT });
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      const doc = parse(html);
      expect(doc.querySelectorAll('script, img')).toHaveLength(0);
      expect(doc.querySelectorAll('style')).toHaveLength(1);
      expect(text(doc.body)).toContain(evil);
      expect(text(doc.body)).toContain('Cut & "colour"');
      expect(text(doc.querySelector('h1'))).toBe('Salon "</style><script>x</script>');
    }
  });

  it('calls a visit without a client name a walk-in', () => {
    const r = seedDayReport();
    r.visits[0]!.clientName = '  ';
    const doc = parse(renderReportHtml(r, { paper: 'a4', locale: 'en', printedAt: PRINTED_AT }));
    expect(text(doc.querySelector('tr.visit'))).toContain('Walk-in client');
  });

  it('prints its words in the desk language from the shared messages, money in the location’s conventions', () => {
    const html = renderReportHtml(seedDayReport(), { paper: 'a4', locale: 'ru', printedAt: PRINTED_AT });
    const doc = parse(html);
    expect(text(doc.querySelector('header h2'))).toBe('Отчёт за день');
    expect(text(doc.querySelector('header .muted:not(.address)'))).toBe('Z-отчёт');
    expect(text(doc.querySelector('.sign'))).toContain('Подпись управляющего');
    expect(doc.documentElement.getAttribute('lang')).toBe('ru');
    expect(html).toContain('понедельник, 23 марта 2026');
    // The New York location's dollars stay "$54,321.13" whatever the desk's language.
    expect(html).toContain('$54,321.13');
    const { title, takings, summary, visitTotal, managerSignature, printedBy } = REPORT_LABELS_EN;
    for (const english of [title, takings, summary, visitTotal, managerSignature, printedBy]) {
      expect(text(doc.body)).not.toContain(english);
    }
  });

  it('names the location’s zone on every time when the desk’s clock is elsewhere', () => {
    const html = renderReportHtml(seedDayReport(), {
      paper: 'a4',
      locale: 'en',
      printedAt: PRINTED_AT,
      deskZone: 'Asia/Almaty',
    });
    const doc = parse(html);
    expect(text(doc.querySelector('dl.meta'))).toContain('Printed Mar 23, 2026, 9:05 PM EDT');
    expect(text(doc.querySelector('tr.visit .time'))).toMatch(/^4:00 AM E[SD]T$/);
  });

  it('falls back to English for a locale tag Intl rejects rather than failing the print', () => {
    const html = renderReportHtml(seedDayReport(), { paper: 'a4', locale: 'not a locale!', printedAt: PRINTED_AT });
    expect(html).toContain('$54,321.13');
  });
});
