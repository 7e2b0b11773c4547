import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../harness';

/** The sync at sign-in fails before any location (GET /companies answers 500): the desk says so and recovers. */
describe('a failed first sync, end to end', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => app?.close());

  it('says what failed, does not stay on "Syncing…", and Retry brings the catalogue', async () => {
    const { page, demo } = app;
    demo.faults.set({ mode: 'http500', match: '/companies' });
    await app.signIn();
    await app.openCatalogue(); // Today opens first
    await page.getByText('The catalogue could not be synced').waitFor({ timeout: 30_000 });
    const sync = page.locator('header button', { hasText: /Sync/ }).first();
    expect((await sync.innerText()).trim()).toBe('Sync');
    expect(await page.getByText('press Sync').count()).toBe(0);
    expect(await page.getByText('Locations could not be loaded').count()).toBe(1);
    await app.shot('first-sync-failed');

    demo.faults.clear();
    await page.locator('#service-results').getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 30_000 });
    await app.shot('first-sync-recovered');
  });
});
