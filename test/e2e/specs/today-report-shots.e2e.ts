import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/shared/i18n';
import { SCREENSHOTS, startApp, type App } from '../harness';

const NY = 410001;

/**
 * Issues 19 and 25: Today and the Day report in English and Russian at 1024×768 and 1366×768, and
 * the printed A4 Day report in all five desk languages (PDF → PNG), for a person to look at.
 */
describe.each([
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
])('Today and Day report at $name', ({ name, viewport }) => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport });
    await app.signIn();
    await app.page.locator('[data-test=numbers-today]').waitFor({ timeout: 30_000 });
    await app.page.getByRole('button', { name: /^Sync$/ }).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => app?.close());

  for (const lang of ['en', 'ru'] as const) {
    it(`${lang}: Today and the Day report`, async () => {
      const { page } = app;
      await page.locator('nav.tabs a[href="#/settings"]').click();
      await page.locator('[data-test=language]').selectOption(lang);
      await page.locator('nav.tabs a[href="#/today"]').click();
      await page.locator('[data-test=numbers-today]').waitFor({ timeout: 30_000 });
      await page.locator('[data-test=today-chart] canvas').first().waitFor();
      // No endpoint template or URL on screen, whatever happened.
      expect(await page.locator('main, .page').first().innerText()).not.toMatch(/GET \/|\/company\/|\{id\}/);
      // A figure reads as one: "$4,185.5" over "0" was the month's revenue at 1024 before the tiles shrank
      // their type to fit.
      const broken = await page
        .locator('[data-test=numbers-today] .stat-value, .metrics .stat-value')
        .evaluateAll((els) =>
          els
            .filter((e) => e.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(e).lineHeight))
            .map((e) => e.textContent),
        );
      expect(broken).toEqual([]);
      await app.shot(`60-today-${lang}-${name}`);
      await page.locator('[data-test=numbers-today]').scrollIntoViewIfNeeded();
      await app.shot(`60-today-numbers-${lang}-${name}`);
      await page.locator('[data-test=today-charts]').scrollIntoViewIfNeeded();
      await app.shot(`61-today-charts-${lang}-${name}`);
      await page.locator('nav.tabs a[href="#/report"]').click();
      await page.locator('[data-test=stat-visits]').waitFor({ timeout: 30_000 });
      await app.shot(`62-day-report-${lang}-${name}`);
    });
  }
});

describe('the printed A4 Day report in every desk language', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await app.signIn();
    await app.page.getByRole('button', { name: /^Sync$/ }).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => app?.close());

  for (const lang of LANGUAGES) {
    it(lang, async () => {
      const { html } = await app.services.handlers['reports.html']({ locationId: NY, paper: 'a4', locale: lang });
      const page = await app.browser.newPage();
      await page.setContent(html);
      const pdf = join(SCREENSHOTS, `63-print-a4-${lang}.pdf`);
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      await page.close();
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '90',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        pdf.replace(/\.pdf$/, ''),
      ]);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).not.toMatch(/(SERVICE|SERVICIO|SERVIÇO|УСЛУГА|ПОСЛУГА)[A-Za-zА-Яа-я]/);
    });
  }
});
