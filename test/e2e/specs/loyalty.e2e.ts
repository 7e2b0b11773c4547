import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../harness';

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
