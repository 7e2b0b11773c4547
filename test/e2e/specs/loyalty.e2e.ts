import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startApp, type App } from '../harness';

const NY = 410001;

/** The month page main would print, as Chromium turns it into a PDF: its text and its page count. */
async function monthPdf(app: App, locale: string, name: string): Promise<{ text: string; pages: number }> {
  const { html } = await app.services.handlers['loyalty.monthHtml']({ locationId: NY, month: 'month', locale });
  const page = await app.browser.newPage();
  await page.setContent(html);
  const pdf = join(SCREENSHOTS, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ printBackground: true, preferCSSPageSize: true }));
  await page.close();
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOTS, name)]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf]).toString())!;
  // A4 is 595 × 842 points.
  expect(Math.round(Number(size[1]))).toBe(595);
  expect(Math.round(Number(size[2]))).toBe(842);
  return { text: execFileSync('pdftotext', ['-layout', pdf, '-']).toString(), pages };
}

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
];

/** Issue 23: "Who comes back" on the Team screen — a manager, then a receptionist without analytics rights. */
describe('Clients panel, end to end', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: SIZES[1]! });
    await app.signIn();
  });
  afterAll(async () => app?.close());

  async function openPanel(): Promise<void> {
    const { page } = app;
    await page.locator('nav.tabs a[href="#/team"]').click();
    await page.locator('[data-test=loyalty-metric-new]').waitFor({ timeout: 30_000 });
    await page.locator('[data-test=loyalty-panel]').scrollIntoViewIfNeeded();
  }

  async function shots(prefix: string, target = '[data-test=loyalty-panel]'): Promise<void> {
    for (const size of SIZES) {
      await app.page.setViewportSize(size);
      // The panel's top (title, period, figures) at the top of the window.
      await app.page.locator(target).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await app.shot(`${prefix}-${size.width}`);
    }
    await app.page.setViewportSize(SIZES[1]!);
  }

  it('a manager opens the panel, changes the period and toggles the table', async () => {
    const { page } = app;
    // Today shows it to a manager too, below the day's figures.
    await page.locator('[data-test=today-clients] [data-test=loyalty-metric-new]').waitFor({ timeout: 30_000 });
    await openPanel();
    expect(await page.locator('[data-test=loyalty-metric-returned]').innerText()).toMatch(/of \d+ clients/);
    expect(await page.locator('[data-test=loyalty-member]').count()).toBeGreaterThan(0);
    await shots('90-clients-en');
    await page.locator('[data-test=loyalty-team]').scrollIntoViewIfNeeded();
    await app.shot('91-clients-team-en-1366');
    // A tap on a member: their clients month by month.
    await page.locator('[data-test=loyalty-member-open]').first().click();
    await page.locator('[data-test=loyalty-history] tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-test=loyalty-history] tbody tr').count()).toBe(6);
    await app.shot('91b-clients-member-en-1366');
    await page.keyboard.press('Escape');

    const before = await page.locator('[data-test=loyalty-range]').innerText();
    await page.locator('[data-test=loyalty-period]').selectOption('days90');
    await page.waitForFunction(
      (old) => document.querySelector('[data-test=loyalty-range]')?.textContent?.trim() !== old.trim(),
      before,
    );
    expect(await page.locator('[data-test=loyalty-chart-summary]').innerText()).toContain('90 days');
    await page.locator('[data-test=loyalty-chart-toggle]').click();
    await page.locator('[data-test=loyalty-chart-table]').waitFor();
    expect(await page.locator('[data-test=loyalty-chart-table] tbody tr').count()).toBe(90);
    await page.locator('[data-test=loyalty-chart]').scrollIntoViewIfNeeded();
    await app.shot('92-clients-table-en-1366');
    await page.locator('[data-test=loyalty-chart-toggle]').click();
    await page.locator('[data-test=loyalty-chart] canvas').waitFor();
  });

  it('prints the month at a glance: one A4 page in the desk language', async () => {
    const { page } = app;
    await page.locator('[data-test=loyalty-period]').selectOption('month');
    await page.locator('[data-test=loyalty-print]').click();
    await page.locator('[data-test=loyalty-print-note]').waitFor();
    expect(await page.locator('[data-test=loyalty-print-note]').innerText()).toBe('Sent to the printer.');
    // The day reports this desk has fetched are the page's takings: yesterday's and today's.
    const today = (await app.services.handlers['loyalty.get']({ locationId: NY, period: 'month' })).period.to;
    await app.services.handlers['reports.dayEnd']({ locationId: NY, date: today });
    const en = await monthPdf(app, 'en', '95-month-glance-en');
    expect(en.pages).toBe(1);
    expect(en.text).toContain('Month at a glance');
    expect(en.text).toContain('Who keeps clients');
    expect(en.text).toMatch(/\$[\d,]+\.\d\d/);
    const ru = await monthPdf(app, 'ru', '96-month-glance-ru');
    expect(ru.pages).toBe(1);
    expect(ru.text).toContain('Месяц одним взглядом');
  });

  it('in Russian', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.locator('[data-test=language]').selectOption('ru');
    await openPanel();
    const text = await page.locator('[data-test=loyalty-panel]').innerText();
    expect(text).toContain('Клиенты: кто возвращается');
    expect(text).toContain('Новые клиенты');
    await shots('93-clients-ru');
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('en');
  });

  it('a receptionist without analytics rights sees one calm sentence', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel(/login/i).first().fill('desk@frontdesk.app');
    await page.getByLabel('Password', { exact: true }).fill('desk1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('nav.tabs a[href="#/team"]').click();
    const sentence = page.locator('[data-test=loyalty-forbidden]');
    await sentence.waitFor({ timeout: 30_000 });
    expect(await sentence.innerText()).toBe(
      'Client return figures are shown only to people with analytics rights in Altegio.',
    );
    expect(await page.locator('[data-test=loyalty-members]').count()).toBe(0);
    await page.locator('nav.tabs a[href="#/today"]').click();
    await page.locator('[data-test=numbers-forbidden]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-test=today-clients]').count()).toBe(0);
    await page.locator('nav.tabs a[href="#/team"]').click();
    await sentence.waitFor();
    await shots('94-clients-no-analytics-en', '[data-test=loyalty-forbidden]');
  });
});
