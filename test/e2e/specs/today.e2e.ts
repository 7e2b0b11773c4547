import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { readPixels } from '../../support/raster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TipFormat } from '../../../src/shared/domain/today';
import { SCREENSHOTS, startApp, type App } from '../harness';

const NY = 410001;

/** The tip document main would print, as Chromium turns it into a PDF, then page 1 as a PNG. */
async function tipPdfPng(app: App, format: TipFormat, name: string, staffId?: number): Promise<string> {
  const res = await app.services.handlers['tips.html']({ locationId: NY, format, ...(staffId ? { staffId } : {}) });
  const page = await app.browser.newPage();
  await page.setContent(res.html);
  const pdf = join(SCREENSHOTS, `${name}.pdf`);
  // A6 and the sheet size their pages in CSS; the receipt is 80 mm wide, as long as its content.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  writeFileSync(
    pdf,
    await page.pdf(
      format === 'receipt80'
        ? { width: '80mm', height: `${height + 40}px`, printBackground: true }
        : { printBackground: true, preferCSSPageSize: true },
    ),
  );
  await page.close();
  const prefix = join(SCREENSHOTS, name);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

async function qrIn(png: string): Promise<string | null> {
  const { data, width, height } = await readPixels(png);
  return jsQR(data, width, height)?.data ?? null;
}

/** Issue 13: the Today screen online, offline and without analytics rights; tip cards and the sheet. */
describe('Today, end to end', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1280, height: 2250 } }); // the app scrolls inside: a tall window shows all;
    await app.signIn();
  });
  afterAll(async () => app?.close());

  it('is the first screen after sign-in: team, next slot, numbers, charts, tips', async () => {
    const { page } = app;
    await page.locator('[data-test=today-member]').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-test=numbers-today]').waitFor();
    await page.locator('[data-test=today-chart] canvas').first().waitFor();
    // Photos arrive with the catalogue sync; the screen rebuilds when it ends.
    await page.getByRole('button', { name: /^Sync$/ }).waitFor({ timeout: 30_000 });
    await page.locator('[data-test=today-member] img').first().waitFor({ timeout: 10_000 });
    await app.shot('40-today-online');
    // the location's clock in the desk's words: "11:15 AM" in English
    expect(await page.locator('[data-test=today-slot]').innerText()).toMatch(/\d:\d\d/);
  });

  it('a tip card preview, then the card (A6, 80 mm) and the team sheet as PDFs whose QR decodes to the link', async () => {
    const { page } = app;
    await page.locator('[data-test=tip-row]').first().getByRole('button', { name: 'Card A6' }).click();
    await page.frameLocator('iframe[title="Tip card preview"]').getByText('Scan to leave a tip').waitFor();
    await app.shot('41-tip-card-preview');
    await page.keyboard.press('Escape');

    const view = await app.services.handlers['today.get']({ locationId: NY });
    const tip = view.tips.data!.find((t) => t.enabled && t.link)!;
    const a6 = await tipPdfPng(app, 'a6', '42-tip-card-a6', tip.staffId);
    expect(await qrIn(a6)).toBe(tip.link);
    const receipt = await tipPdfPng(app, 'receipt80', '43-tip-card-receipt', tip.staffId);
    expect(await qrIn(receipt)).toBe(tip.link);
    await tipPdfPng(app, 'sheet', '44-tip-sheet');
  });

  it('in Russian: Today and the tip card speak Russian; money stays the location’s', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.locator('[data-test=language]').selectOption('ru');
    await page.getByRole('link', { name: 'Сегодня' }).click();
    await page.locator('[data-test=numbers-today]').waitFor({ timeout: 30_000 });
    const numbers = await page.locator('[data-test=numbers-today]').innerText();
    expect(numbers).toContain('Средний чек');
    expect(numbers).toMatch(/\$[\d,]+\.\d\d/); // New York's money, whatever the desk's language
    expect(numbers).not.toMatch(/[A-Za-z]/);
    await app.shot('48-today-ru');
    await page.locator('[data-test=tip-row]').first().getByRole('button', { name: 'Карточка A6' }).click();
    await page
      .frameLocator('iframe[title="Предпросмотр карточки для чаевых"]')
      .getByText('Отсканируйте, чтобы оставить чаевые')
      .waitFor();
    await app.shot('49-tip-card-ru');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Настройки' }).click();
    await page.locator('[data-test=language]').selectOption('en');
    await page.getByRole('link', { name: 'Today' }).click();
    await page.locator('[data-test=numbers-today]').waitFor();
  });

  it('the Team screen shows each member’s tip status', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Team' }).click();
    await page.locator('[data-test=team-tip]').first().waitFor({ timeout: 30_000 });
    await app.shot('47-team-tips');
    await page.getByRole('link', { name: 'Today' }).click();
    await page.locator('[data-test=today-member]').first().waitFor();
  });

  it('offline: the last copy with its age', async () => {
    const { page } = app;
    await app.demo.stop();
    try {
      // A sync that cannot reach Altegio tells the desk it is offline; Today then marks its copies.
      await page.getByRole('button', { name: /^Sync$/ }).click();
      await page
        .getByText(/Offline —/)
        .first()
        .waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Team' }).click();
      await page.getByRole('link', { name: 'Today' }).click();
      await page
        .getByText(/Offline copy from/)
        .first()
        .waitFor({ timeout: 30_000 });
      await app.shot('45-today-offline');
    } finally {
      await app.demo.restart();
    }
  });

  it('a receptionist without analytics rights sees the schedule and tips, and one calm sentence', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel(/login/i).first().fill('desk@frontdesk.app');
    await page.getByLabel('Password', { exact: true }).fill('desk1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('[data-test=numbers-forbidden]').waitFor({ timeout: 30_000 });
    await page.locator('[data-test=today-member]').first().waitFor();
    expect(await page.locator('[data-test=today-charts]').count()).toBe(0);
    await app.shot('46-today-no-analytics');
  });
});
