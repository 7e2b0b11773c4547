import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCashupHtml } from '../../../src/main/print/cashup-html';
import { receiptPageHeightMicrons, receiptViewportPx, receiptWidthMm } from '../../../src/main/print/receipt-page';
import { renderReportHtml } from '../../../src/main/print/report-html';
import { zOf } from '../../../src/main/services/cashup';
import type { CashupVersion } from '../../../src/shared/domain/cashup';
import { cashupFigures, emptyInput } from '../../../src/shared/domain/cashup-math';
import type { Paper } from '../../../src/shared/domain/session';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { almatyCount, almatyReport } from '../cashup/helpers';
import { seedDayReport } from './seed-report';

const OUT = resolve(__dirname, '../../../test-results/cashup');
const PRINTED_AT = new Date('2026-03-23T16:05:00Z');
const MM_PER_PT = 25.4 / 72;

function pdfInfo(file: string): { pages: number; widthMm: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    widthMm: Number(/Page size:\s+([\d.]+) x/.exec(info)![1]) * MM_PER_PT,
  };
}
// Reading order, not -layout: a roll's wrapped label would otherwise interleave with its amount.
const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });

/**
 * Page 1 as PNGs: at 96 dpi (its real size on a desk monitor) and at 203 dpi, the dot pitch of a
 * thermal receipt printer, for a person to judge whether the roll is readable.
 */
function pngs(pdf: string): string[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  return [96, 203].map((dpi) => {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      `${prefix}-${dpi}dpi`,
    ]);
    return `${prefix}-${dpi}dpi.png`;
  });
}

/** The Almaty day counted, 500 ₸ short, explained, locked by the print. */
function lockedAlmaty(): CashupVersion {
  const z = zOf(almatyReport());
  const input = {
    ...almatyCount(emptyInput(z, { countCurrency: 'KZT', openingFloat: 0 })),
    note: 'Short 500 ₸: change given twice to one client at 18:40; Aigerim saw it.',
  };
  return {
    locationId: 202,
    date: '2026-03-23',
    version: 2,
    status: 'locked',
    input,
    z: { ...z, fromCache: true },
    countedBy: 'Test Receptionist',
    reason: 'Kaspi batch re-read from the terminal slip',
    createdAt: '2026-03-23T15:40:00.000Z',
    updatedAt: '2026-03-23T16:00:00.000Z',
    lockedAt: '2026-03-23T16:05:00.000Z',
    lockedHow: 'print',
  };
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('the cash-up as Chromium prints it', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Lays the document out as shell/print.ts does, checks nothing sticks out of a roll, writes the PDF. */
  async function pdf(name: string, html: string, paper: Paper): Promise<string> {
    const file = join(OUT, `${name}.pdf`);
    if (paper === 'a4') {
      const page = await browser.newPage();
      await page.setContent(html);
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      await page.close();
      return file;
    }
    const width = receiptViewportPx(paper);
    const page = await browser.newPage({ viewport: { width, height: 600 } });
    await page.setContent(html);
    const box = await page.evaluate<{ scroll: number; client: number; height: number; wider: number }>(`(() => {
      const el = document.documentElement;
      const wider = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > el.clientWidth + 0.5);
      return { scroll: el.scrollWidth, client: el.clientWidth, height: el.scrollHeight, wider: wider.length };
    })()`);
    expect(box.client).toBe(width);
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    expect(box.wider).toBe(0);
    const heightMm = receiptPageHeightMicrons(box.height) / 1000;
    writeFileSync(
      file,
      await page.pdf({
        width: `${receiptWidthMm(paper)}mm`,
        height: `${heightMm}mm`,
        printBackground: true,
        preferCSSPageSize: true,
      }),
    );
    await page.close();
    return file;
  }

  it.each([
    ['a4', 210],
    ['receipt80', 80],
    ['receipt58', 58],
  ] as const)(
    'prints the Almaty cash-up on %s with the Z figures, the offline stamp and both signatures',
    async (paper, mm) => {
      const v = lockedAlmaty();
      const html = renderCashupHtml(v, cashupFigures(v.z, v.input, 0), { paper, locale: 'en', printedAt: PRINTED_AT });
      const file = await pdf(`cashup-${paper}`, html, paper);
      const info = pdfInfo(file);
      expect(info.pages).toBe(1);
      expect(info.widthMm).toBeCloseTo(mm, 0);
      // pdftotext keeps words, not the narrow roll's line breaks: squash whitespace before looking.
      const text = pdfText(file).replace(/\s+/g, ' ').toLowerCase();
      for (const s of [
        'Front Desk Beauty — Алматы',
        'Cash-up',
        // Tenge in Kazakhstan's conventions (the location's), with the tiyn, whatever the desk language.
        '3 456 789 ₸',
        '9 996 543 ₸',
        '−500 ₸ short',
        'Kaspi терминал',
        'Offline: Altegio could not be reached',
        'Correction of version 1. Reason: Kaspi batch re-read from the terminal slip',
        'Tip payout, Aigerim',
        'Manager signature',
        'Counted by',
      ]) {
        expect(text).toContain(s.toLowerCase()); // headings print in capitals
      }
      for (const png of pngs(file)) expect(existsSync(png)).toBe(true);
    },
  );

  it('prints the Z report on a 58 mm roll, inside the roll', async () => {
    const html = renderReportHtml(seedDayReport(), { paper: 'receipt58', locale: 'en', printedAt: PRINTED_AT });
    const file = await pdf('zreport-receipt58', html, 'receipt58');
    expect(pdfInfo(file).widthMm).toBeCloseTo(58, 0);
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const s of ['James Smith LLC', 'Total takings', 'Manager signature']) expect(text).toContain(s);
    pngs(file);
  });
});
