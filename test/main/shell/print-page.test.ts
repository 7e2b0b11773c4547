import { describe, expect, it, vi } from 'vitest';
import { createTodayDomain } from '../../../src/main/services/today';
import { RecordingPrintPort } from '../reports/setup';
import { LOC, setup } from '../today/setup';
import { RECEIPT_MAX_PAGE_MICRONS } from '../../../src/main/print/receipt-page';
import {
  pdfOptions,
  printOptions,
  RECEIPT_FALLBACK_MICRONS,
  receiptHeightMicrons,
} from '../../../src/main/shell/print';

vi.mock('electron', () => ({ app: {}, BrowserWindow: class {}, dialog: {} }));

describe('receipt page height (issue 20, item 8)', () => {
  it('treats a reported height of 0 or NaN as unknown: an A4-long page, never the 1 m maximum', () => {
    for (const h of [0, Number.NaN, -5, Number.POSITIVE_INFINITY]) {
      expect(receiptHeightMicrons(h)).toBe(RECEIPT_FALLBACK_MICRONS);
      expect(receiptHeightMicrons(h)).toBeLessThan(RECEIPT_MAX_PAGE_MICRONS);
      const print = printOptions({ paper: 'receipt80', silent: true }, h).pageSize as { height: number };
      expect(print.height).toBe(RECEIPT_FALLBACK_MICRONS);
      const pdf = pdfOptions('receipt58', h).pageSize as { height: number };
      expect(pdf.height * 25_400).toBeCloseTo(RECEIPT_FALLBACK_MICRONS);
    }
    expect(receiptHeightMicrons(null)).toBe(RECEIPT_FALLBACK_MICRONS);
    expect(receiptHeightMicrons(1000)).toBeGreaterThan(250_000); // a real measurement still counts
  });
});

describe('A6 tip cards (issue 20, item 9)', () => {
  it("print and save on Electron's A6 page, without margins", () => {
    expect(printOptions({ paper: 'a6', silent: false }, null)).toMatchObject({
      pageSize: 'A6',
      margins: { marginType: 'none' },
    });
    expect(pdfOptions('a6', null)).toMatchObject({ pageSize: 'A6' });
    expect(printOptions({ paper: 'a4', silent: false }, null).pageSize).toBe('A4');
  });
});

describe('the Today service sends a single tip card as A6', () => {
  it('asks the print port for paper a6 when printing and saving one card; the sheet stays A4', async () => {
    const s = setup();
    try {
      const port = new RecordingPrintPort();
      const today = createTodayDomain(s.t.ctx, {
        location: (id) => (id === LOC ? { id, title: 'Salon', timezoneName: 'Europe/Moscow' } : null),
        members: async () => [],
        userId: () => 1,
        photoFile: () => null,
        print: port,
      });
      await today.handlers['tips.print']({ locationId: LOC, staffId: 1, format: 'a6' });
      await today.handlers['tips.savePdf']({ locationId: LOC, staffId: 1, format: 'a6' });
      await today.handlers['tips.savePdf']({ locationId: LOC, format: 'sheet' });
      expect(port.printed.map((p) => p.opts.paper)).toEqual(['a6']);
      expect(port.saved.map((p) => p.opts.paper)).toEqual(['a6', 'a4']);
    } finally {
      s.t.close();
    }
  });
});
