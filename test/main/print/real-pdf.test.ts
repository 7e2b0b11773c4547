import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_VIEWPORT_PX, receiptPageHeightMicrons } from '../../../src/main/print/receipt-page';
import { renderReportHtml } from '../../../src/main/print/report-html';
import type { DayReport } from '../../../src/shared/domain/reports';
import { makeDayReport } from './sample-report';
import { emptyDayReport, seedDayReport } from './seed-report';

const CHROMIUM = CHROMIUM_PATH;
const OUT = resolve(__dirname, '../../../test-results/reports');
const PRINTED_AT = new Date('2026-03-24T01:05:00Z');
const MM_PER_PT = 25.4 / 72;

if (!existsSync(CHROMIUM)) {
  console.warn(`real-pdf.test.ts skipped: no Chromium at ${CHROMIUM}, so no real PDF can be rendered here.`);
}

function pdfInfo(file: string): { pages: number; widthMm: number; heightMm: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    widthMm: Number(size[1]) * MM_PER_PT,
    heightMm: Number(size[2]) * MM_PER_PT,
  };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Page 1 as a PNG next to the PDF, for a person to look at. */
function firstPagePng(pdf: string): string {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

describe.skipIf(!existsSync(CHROMIUM))('the report as Chromium prints it', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function a4(name: string, report: DayReport): Promise<string> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(renderReportHtml(report, { paper: 'a4', locale: 'en', printedAt: PRINTED_AT }));
    const file = join(OUT, `${name}.pdf`);
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await page.close();
    expect(requests).toEqual([]); // nothing external, not even a font
    return file;
  }

  /** Lays the receipt out at 80 mm, checks nothing sticks out sideways, prints it at its measured length. */
  async function receipt(name: string, report: DayReport): Promise<{ file: string; contentPx: number }> {
    const page = await browser.newPage({ viewport: { width: RECEIPT_VIEWPORT_PX, height: 600 } });
    await page.setContent(renderReportHtml(report, { paper: 'receipt80', locale: 'en', printedAt: PRINTED_AT }));
    // A string, not a function: this test compiles without the DOM library.
    const box = await page.evaluate<{
      scrollWidth: number;
      clientWidth: number;
      height: number;
      wider: number;
    }>(`(() => {
      const el = document.documentElement;
      const wider = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > el.clientWidth + 0.5);
      return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, height: el.scrollHeight, wider: wider.length };
    })()`);
    expect(box.clientWidth).toBe(RECEIPT_VIEWPORT_PX);
    expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    expect(box.wider).toBe(0);
    const file = join(OUT, `${name}.pdf`);
    const heightMm = receiptPageHeightMicrons(box.height) / 1000;
    writeFileSync(
      file,
      await page.pdf({ width: '80mm', height: `${heightMm}mm`, printBackground: true, preferCSSPageSize: true }),
    );
    await page.close();
    return { file, contentPx: box.height };
  }

  it('prints the seed report on one A4 page with its figures and the signature line', async () => {
    const file = await a4('a4-seed', seedDayReport());
    const info = pdfInfo(file);
    expect(info.pages).toBe(1);
    expect(info.widthMm).toBeCloseTo(210, 0);
    expect(info.heightMm).toBeCloseTo(297, 0);
    const text = pdfText(file);
    for (const s of [
      'James Smith LLC',
      'Day-end report',
      'Total takings',
      '$73,839.13',
      'John Smith',
      'Manager signature',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(s);
    }
    expect(existsSync(firstPagePng(file))).toBe(true);
  });

  it('prints the seed report as one 80 mm receipt as long as its content', async () => {
    const { file } = await receipt('receipt-seed', seedDayReport());
    const info = pdfInfo(file);
    expect(info.pages).toBe(1);
    expect(info.widthMm).toBeCloseTo(80, 0);
    expect(info.heightMm).toBeLessThan(400);
    const text = pdfText(file);
    for (const s of ['James Smith LLC', 'Total takings', 'Spray For Hair', 'Manager signature'])
      expect(text).toContain(s);
    expect(existsSync(firstPagePng(file))).toBe(true);
  });

  it('prints an empty day as "No sales on this day" on both papers', async () => {
    const report = emptyDayReport({ currency: '₸' });
    const a = await a4('a4-empty', report);
    const r = await receipt('receipt-empty', report);
    for (const file of [a, r.file]) {
      expect(pdfText(file)).toContain('No sales on this day');
      firstPagePng(file);
    }
  });

  it('keeps a 300-client day and very long names inside 80 mm, and pages it on A4', async () => {
    const big = makeDayReport({ visits: 300, currency: '₸' });
    big.visits[1]!.clientName = 'Maximiliana-Konstantinopolskaya'.repeat(4);
    big.visits[2]!.masters[0]!.operations[0]!.title = 'Keratin straightening with a very long descriptive name '.repeat(
      3,
    );
    const { file } = await receipt('receipt-300', big);
    expect(pdfInfo(file).widthMm).toBeCloseTo(80, 0);
    firstPagePng(file);
    const a = await a4('a4-300', big);
    expect(pdfInfo(a).pages).toBeGreaterThan(3);
    expect(pdfText(a)).toContain('Page 2 of');
    firstPagePng(a);
  });
});
