import { afterAll, beforeAll, describe, it } from 'vitest';
import { startApp, type App } from '../harness';

/** Issue 6: the Day report screen, its print preview on both papers, and reprinting offline from the cache. */
describe('day report, end to end', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await app.signIn();
    await app.page.getByRole('link', { name: 'Catalogue' }).click(); // Today opens first
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 30_000 });
  });
  afterAll(async () => app?.close());

  it('shows today’s report with a print preview', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Day report' }).click();
    await page.getByText('Takings by payment account').waitFor();
    await page
      .frameLocator('iframe[title="Print preview"]')
      .getByText(/Manager signature/i)
      .waitFor();
    await app.shot('30-day-report-a4');
  });

  it('switches the preview to the 80 mm receipt', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '80 mm receipt' }).click();
    await page.locator('iframe.preview.receipt80').waitFor();
    await app.shot('31-day-report-receipt');
  });

  it('offline, the same day comes from the cache and says when it was fetched', async () => {
    const { page } = app;
    await app.demo.stop();
    await page.getByRole('button', { name: 'A4' }).click();
    await page.getByText(/From cache, fetched/).waitFor({ timeout: 30_000 });
    // The A4 document (with its signature line), not a late receipt answer from before the drop.
    await page
      .frameLocator('iframe[title="Print preview"]')
      .getByText(/Manager signature/i)
      .waitFor();
    await app.shot('32-day-report-offline');
    await app.demo.restart();
  });
});
