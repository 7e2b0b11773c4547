import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/main/print/report-html';
import { toDayReport } from '../../../src/main/services/reports/build-report';
import type { DayReport } from '../../../src/shared/domain/reports';
import { formatPhone, phoneCountry } from '../../../src/shared/format/phone';
import { makeDayReport } from './sample-report';

function withPhones(country: string | null, phones: (string | null)[]): DayReport {
  const base = makeDayReport({ visits: 1 });
  return {
    ...base,
    phoneCountry: country,
    visits: phones.map((p, i) => ({ ...base.visits[0]!, clientName: `Client ${i}`, clientPhone: p })),
  };
}

describe('client phones on paper', () => {
  it('reads the location country from its own numbers, with libphonenumber', () => {
    expect(phoneCountry(['+1 315 555 0175'])).toBe('US');
    expect(phoneCountry(['+7 727 355 0101'])).toBe('KZ');
    expect(phoneCountry(['+33 1 42 68 53 00'])).toBe('FR');
    expect(phoneCountry([])).toBeNull();
  });

  it('formats local numbers nationally and foreign numbers internationally; junk stays as sent', () => {
    expect(formatPhone('+19175551074', 'US')).toBe('(917) 555-1074');
    expect(formatPhone('+77011234567', 'KZ')).toBe('8 (701) 123 4567');
    expect(formatPhone('+33142685300', 'US')).toBe('+33 1 42 68 53 00');
    expect(formatPhone('9175551074', 'US')).toBe('(917) 555-1074');
    expect(formatPhone('call me', 'US')).toBe('call me');
  });

  it('the printout shows formatted phones by default, never the raw +19175551074', () => {
    for (const paper of ['a4', 'receipt80'] as const) {
      const html = renderReportHtml(withPhones('US', ['+19175551074']), { paper, locale: 'en' });
      expect(html).toContain('(917) 555-1074');
      expect(html).not.toContain('+19175551074');
      expect(html).toContain('Client 0');
    }
  });

  it('the desk setting leaves phones, or names and phones, off the printout', () => {
    for (const paper of ['a4', 'receipt80'] as const) {
      const report = withPhones('US', ['+19175551074', '+13155551234']);
      const namesOnly = renderReportHtml(report, { paper, locale: 'en', clients: 'nameOnly' });
      expect(namesOnly).toContain('Client 1');
      expect(namesOnly).not.toMatch(/555-1074|555-1234|\+1917/);
      const none = renderReportHtml(report, { paper, locale: 'en', clients: 'none' });
      expect(none).not.toMatch(/Client 0|Client 1|555-1074|555-1234/);
    }
  });

  it('a built report carries the country of its location', () => {
    const r = toDayReport(
      { stats: {}, accounts: [], discounts: [], totals: { accounts: 0, discount: 0 }, entries: [], currency: '₸' },
      {
        id: 1,
        title: 'Almaty',
        address: null,
        timezoneName: 'Asia/Almaty',
        currency: '₸',
        phones: ['+7 727 355 0101'],
      },
      { date: '2026-03-17', staffId: null },
    );
    expect(r.phoneCountry).toBe('KZ');
  });
});
