import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_VIEWPORT_PX, receiptPageHeightMicrons } from '../../../src/main/print/receipt-page';
import { readPixels } from '../../support/raster';
import { axeSerious } from '../axe';
import { SCREENSHOTS, startApp, type App } from '../harness';

/**
 * The online booking poster (issue 22 §6): on Today, any receptionist prints a QR poster (A4) or slip (80 mm)
 * for the location's booking form; the default form is preselected; in English and Ukrainian; offline from the
 * desk's copy; a location without a form says what to do in Altegio.
 * Screenshots: test-results/screenshots/booking-*.png (and the printed pages as PDF + PNG) at 1024×768 and 1366×768.
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;
const DEFAULT_FORM = 'https://n841002.alteg.io/';
const OTHER_FORM = 'https://n841001.alteg.io/';
const PARIS = 410003;

/** The newest document the app "printed" (the bridge's print port writes each as HTML), as a PDF and page 1 as PNG. */
async function lastPrint(app: App, name: string, receipt: boolean): Promise<{ text: string; qr: string | null }> {
  const folder = join(app.userData, 'prints');
  const file = readdirSync(folder).sort().at(-1)!;
  const page = await app.browser.newPage(receipt ? { viewport: { width: RECEIPT_VIEWPORT_PX, height: 600 } } : {});
  await page.setContent(readFileSync(join(folder, file), 'utf8'));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const pdf = join(SCREENSHOTS, `${name}.pdf`);
  writeFileSync(
    pdf,
    await page.pdf(
      receipt
        ? { width: '80mm', height: `${receiptPageHeightMicrons(height) / 1000}mm`, printBackground: true }
        : { printBackground: true, preferCSSPageSize: true },
    ),
  );
  await page.close();
  const prefix = join(SCREENSHOTS, name);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const { data, width, height: h } = await readPixels(`${prefix}.png`);
  return {
    text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
    qr: jsQR(data, width, h)?.data ?? null,
  };
}

describe.each(SIZES)('the booking poster at $name', ({ name, viewport }) => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport });
    await app.signIn();
    await app.page.locator('[data-test=today-member]').first().waitFor({ timeout: 60_000 });
    // The location's phone comes from the catalogue: until the first sync has stored it, the poster has none.
    await app.page.getByRole('button', { name: /^Sync$/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => app?.close());

  it('the card preselects the default form; the poster and the slip print with a code that opens it', async () => {
    const { page } = app;
    const card = page.locator('[data-test=booking-card]');
    await card.locator('[data-test=booking-form]').waitFor({ timeout: 30_000 });
    expect(await card.locator('[data-test=booking-form]').inputValue()).toBe('841002');
    expect(await card.locator('[data-test=booking-address]').innerText()).toBe('n841002.alteg.io');
    await card.scrollIntoViewIfNeeded();
    await app.shot(`booking-${name}-card`);
    // The card only: the rest of Today is today.e2e's and a11y.e2e's.
    expect(await axeSerious(page, '[data-test=booking-card]')).toEqual([]);

    await card.getByRole('button', { name: 'Poster A4' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .frameLocator('iframe[title="Booking poster preview"]')
      .getByText('Book your next visit online')
      .waitFor();
    await app.shot(`booking-${name}-poster-preview`);
    expect(await axeSerious(page, '[role=dialog]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Print' }).click();
    await dialog.getByText('Sent to the printer.').waitFor();
    const poster = await lastPrint(app, `booking-${name}-poster-a4`, false);
    expect(poster.text).toContain('n841002.alteg.io');
    expect(poster.text).toContain('Front Desk Beauty — SoHo');
    expect(poster.text).toContain('Or call us: (212) 555-0141');
    expect(poster.qr).toBe(DEFAULT_FORM);
    await page.keyboard.press('Escape');

    // The manager picks the other form: the slip carries that one.
    await card.locator('[data-test=booking-form]').selectOption('841001');
    await card.getByRole('button', { name: 'Slip 80 mm' }).click();
    await dialog.frameLocator('iframe[title="Booking poster preview"]').getByText('n841001.alteg.io').waitFor();
    await app.shot(`booking-${name}-slip-preview`);
    await dialog.getByRole('button', { name: 'Print' }).click();
    await dialog.getByText('Sent to the printer.').waitFor();
    const slip = await lastPrint(app, `booking-${name}-slip-80mm`, true);
    expect(slip.text).toContain('n841001.alteg.io');
    expect(slip.qr).toBe(OTHER_FORM);
    await page.keyboard.press('Escape');
  });

  it('in Ukrainian: the card, the preview and the printed poster', async () => {
    const { page } = app;
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('uk');
    try {
      await page.locator('nav.tabs a[href="#/today"]').click();
      const card = page.locator('[data-test=booking-card]');
      await card.getByRole('heading', { name: 'Онлайн-запис' }).waitFor({ timeout: 30_000 });
      await card.scrollIntoViewIfNeeded();
      await app.shot(`booking-${name}-card-uk`);
      await card.getByRole('button', { name: 'Плакат A4' }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .frameLocator('iframe[title="Попередній перегляд плаката онлайн-запису"]')
        .getByText('Запишіться на наступний візит онлайн')
        .waitFor();
      await app.shot(`booking-${name}-poster-preview-uk`);
      await dialog.getByRole('button', { name: 'Друк' }).click();
      await dialog.getByRole('status').waitFor();
      const poster = await lastPrint(app, `booking-${name}-poster-a4-uk`, false);
      expect(poster.text).toContain('Наведіть камеру телефона на код');
      expect(poster.qr).toMatch(/^https:\/\/n84100[12]\.alteg\.io\/$/);
      await page.keyboard.press('Escape');
      await card.getByRole('button', { name: 'Листок 80 мм' }).click();
      await dialog.getByRole('button', { name: 'Друк' }).click();
      await dialog.getByRole('status').waitFor();
      const slip = await lastPrint(app, `booking-${name}-slip-80mm-uk`, true);
      expect(slip.text).toContain('Або зателефонуйте нам');
      await page.keyboard.press('Escape');
    } finally {
      if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
      await page.locator('nav.tabs a[href="#/settings"]').click();
      await page.locator('[data-test=language]').selectOption('en');
      await page.locator('nav.tabs a[href="#/today"]').click();
    }
  });

  it('offline: the card shows the copy with its age and the poster still prints', async () => {
    const { page } = app;
    await app.demo.stop();
    try {
      await page.getByRole('button', { name: /^Sync$/ }).click();
      await page
        .getByText(/Offline —/)
        .first()
        .waitFor({ timeout: 30_000 });
      const card = page.locator('[data-test=booking-card]');
      await card.locator('[data-test=booking-refresh]').click();
      await card.locator('[data-test=booking-stamp]', { hasText: 'Offline copy from' }).waitFor({ timeout: 30_000 });
      await card.scrollIntoViewIfNeeded();
      await app.shot(`booking-${name}-offline`);
      await card.getByRole('button', { name: 'Poster A4' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Print' }).click();
      await dialog.getByText('Sent to the printer.').waitFor();
      expect((await lastPrint(app, `booking-${name}-poster-offline`, false)).qr).not.toBeNull();
      await page.keyboard.press('Escape');
    } finally {
      await app.demo.restart();
    }
  });

  it('a location without a booking form says what to do in Altegio', async () => {
    const { page } = app;
    await page.locator('header select').first().selectOption(String(PARIS));
    const card = page.locator('[data-test=booking-card]');
    await card.locator('[data-test=booking-none]').waitFor({ timeout: 30_000 });
    expect(await card.locator('[data-test=booking-none]').innerText()).toContain('A manager can create one in Altegio');
    await card.scrollIntoViewIfNeeded();
    await app.shot(`booking-${name}-no-form`);
  });
});
