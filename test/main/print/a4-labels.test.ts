import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/main/print/report-html';
import { LANGUAGES } from '../../../src/shared/i18n';
import { seedDayReport } from './seed-report';

const OUT = resolve(__dirname, '../../../test-results/reports');

/**
 * Every printed label on the A4 Day report, in every desk language: no two pieces of text on one
 * line touch or overlap ("SERVICIOAcne treatment", issue 25 §11), and no header cell is cut.
 * Each language's page 1 is also kept as a PNG (pdftoppm) for a person to look at.
 */
const CHECK = `(() => {
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width > 0) boxes.push({ el: n.parentElement, text: n.textContent.trim(), r });
  }
  const problems = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el === b.el) continue;
      const v = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (v < Math.min(a.r.height, b.r.height) * 0.5) continue; // not on one line
      const gap = Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right);
      if (gap < 2) problems.push(a.text.slice(0, 30) + ' | ' + b.text.slice(0, 30) + ' (gap ' + gap.toFixed(1) + 'px)');
    }
  }
  for (const th of document.querySelectorAll('th, td.label, .kind, h2, h3, dt')) {
    if (th.scrollWidth > th.clientWidth + 1) problems.push('cut: ' + th.textContent.trim().slice(0, 40));
  }
  return problems;
})()`;

describe.skipIf(!existsSync(CHROMIUM_PATH))('A4 Day report labels in every desk language', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: no label runs into its neighbour or is cut`, async () => {
      const report = seedDayReport();
      // The longest item names a salon writes still keep their label apart.
      report.visits[0]!.masters[0]!.operations[0]!.title = 'Acne treatment';
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      await page.setContent(
        renderReportHtml(report, { paper: 'a4', locale: lang, printedAt: new Date('2026-03-24T01:05:00Z') }),
      );
      await page.emulateMedia({ media: 'print' });
      const problems = await page.evaluate<string[]>(CHECK);
      const pdf = join(OUT, `a4-labels-${lang}.pdf`);
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      await page.close();
      execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).not.toMatch(/(SERVICE|SERVICIO|SERVIÇO|УСЛУГА|ПОСЛУГА)Acne/i);
      expect(problems).toEqual([]);
    });
  }
});
