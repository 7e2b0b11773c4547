import { describe, expect, it, vi } from 'vitest';
import { receiptViewportPx, receiptWidthMm } from '../../../src/main/print/receipt-page';
import { renderReportHtml } from '../../../src/main/print/report-html';
import { pdfOptions, printOptions } from '../../../src/main/shell/print';
import { seedDayReport } from './seed-report';

// Only the pure option builders are used; nothing here opens a window.
vi.mock('electron', () => ({ app: {}, BrowserWindow: class {}, dialog: {} }));

describe('the 58 mm roll', () => {
  it('is laid out 58 mm wide (219 CSS px) and printed on a 58 mm page as long as its content', () => {
    expect(receiptWidthMm('receipt58')).toBe(58);
    expect(receiptViewportPx('receipt58')).toBe(219);
    expect(receiptViewportPx('receipt80')).toBe(302);
    const opts = printOptions({ paper: 'receipt58', silent: true, printer: 'XP-58' }, 1000);
    expect(opts.pageSize).toEqual({ width: 58_000, height: expect.any(Number) });
    expect(opts.margins).toEqual({ marginType: 'none' });
    const pdf = pdfOptions('receipt58', 1000);
    expect((pdf.pageSize as { width: number }).width).toBeCloseTo(58 / 25.4, 5);
    expect(printOptions({ paper: 'receipt80', silent: false }, 1000).pageSize).toMatchObject({ width: 80_000 });
  });

  it('the Z report on 58 mm is the receipt layout in a 48 mm column', () => {
    const html = renderReportHtml(seedDayReport(), { paper: 'receipt58', locale: 'en' });
    expect(html).toContain('<body class="receipt58">');
    expect(html).toContain('width: 48mm');
    expect(html).toContain('Manager signature');
    expect(html).not.toContain('<table'); // the A4 tables never reach a roll
  });
});
