import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../harness';

/**
 * A location's own search words (issue 24 item 3): a manager adds "X means Y" in Settings and the
 * catalogue search of that location finds Y's services when someone types X.
 */
describe('settings: the location’s own search words', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await app.signIn();
    await app.openCatalogue();
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 30_000 });
  });
  afterAll(async () => app?.close());

  it('"golden hour" means "balayage": added in Settings, found in the catalogue', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.locator('section[aria-labelledby=settings-synonyms]');
    await section.getByLabel('Clients say').fill('golden hour');
    await section.getByLabel('It means').fill('balayage');
    await section.getByRole('button', { name: 'Add' }).click();
    await section.getByText('Saved. The catalogue search uses it now.').waitFor();
    await section.scrollIntoViewIfNeeded();
    await app.shot('75-settings-search-words');

    await app.openCatalogue();
    const search = page.getByRole('searchbox');
    await search.fill('golden hour');
    const first = page.getByRole('listbox').getByRole('option').first();
    await first.getByText('Balayage').waitFor();
    expect(await first.textContent()).toContain('Balayage');
    await app.shot('76-catalogue-own-search-word');
  });
});
