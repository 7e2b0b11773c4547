import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious } from '../axe';
import { startApp, type App } from '../harness';

/**
 * axe on every screen a receptionist meets (issue 25 item 20): a serious or critical issue fails.
 * The experimental "label-content-name-mismatch" rule is on, so a control's spoken name must contain
 * its visible words (voice control: "click OK" must find the key that shows OK).
 */
describe('every screen passes axe (no serious or critical issue), and the keyboard lands somewhere', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => app?.close());

  it('sign-in', async () => {
    await app.page.getByLabel('Login', { exact: true }).waitFor();
    expect(await axeSerious(app.page)).toEqual([]);
  });

  it('Today, its member cards and a chart shown as a table', async () => {
    const { page } = app;
    await app.signIn();
    await page.locator('[data-test=today-member]').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-test=numbers-today]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Sync$/ }).waitFor({ timeout: 60_000 });
    expect(await axeSerious(page)).toEqual([]);
    await page.locator('[data-test=today-chart]').first().getByRole('button', { name: /table/i }).click();
    await page.locator('[data-test=today-chart] table').first().waitFor();
    expect(await axeSerious(page)).toEqual([]);
  });

  it('the catalogue with a service open', async () => {
    const { page } = app;
    await app.openCatalogue();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.locator('[data-test=service-detail]').waitFor();
    expect(await axeSerious(page)).toEqual([]);
    // Past the detail's ✕, the last control, Tab goes round to the first: no stop on nothing.
    await page.locator('[data-test=service-detail]').getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  });

  it('Team', async () => {
    const { page } = app;
    await page.keyboard.press('Control+3');
    // The screen's heading takes the focus, so Tab goes on from the top of Team.
    await page.locator('main h1:focus').waitFor();
    await page.locator('main img, main [data-test]').first().waitFor();
    expect(await axeSerious(page)).toEqual([]);
  });

  it('the Day report', async () => {
    const { page } = app;
    await page.keyboard.press('Control+4');
    await page.locator('main h1:focus').waitFor();
    await page.locator('[data-test=stat-takings]').waitFor({ timeout: 30_000 });
    expect(await axeSerious(page)).toEqual([]);
  });

  it('the cash-up', async () => {
    const { page } = app;
    await page.locator('[data-test="cash-up"]').click();
    await page.getByText('Expected and counted').waitFor({ timeout: 30_000 });
    expect(await axeSerious(page)).toEqual([]);
  });

  it('Settings', async () => {
    const { page } = app;
    await page.keyboard.press('Control+5');
    await page.locator('main h1:focus').waitFor();
    await page.getByLabel('New PIN').waitFor();
    expect(await axeSerious(page)).toEqual([]);
  });

  it('the lock screen and the PIN pad', async () => {
    const { page } = app;
    await page.getByLabel('New PIN').fill('1357');
    await page.getByRole('button', { name: 'Save PIN' }).click();
    await page.getByText('PIN saved.').waitFor();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Front Desk is locked' }).waitFor();
    // The only person on this desk is chosen at once: the PIN pad is up, its OK key live once typed.
    for (const d of '1357') await page.locator(`[data-key="${d}"]`).click();
    await page.locator('[data-key="ok"]:enabled').waitFor();
    expect(await axeSerious(page)).toEqual([]);
  });
});
