import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../harness';

/** A receptionist's day in Chromium: sign-in (issue 3), then the offline catalogue (issue 4). */
describe('sign-in and the catalogue, end to end', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app?.close());

  it('shows sign-in with the Demo salon preselected', async () => {
    const { page } = app;
    await page.getByLabel('Login', { exact: true }).waitFor();
    expect(await page.getByRole('radio', { name: /Demo salon/ }).isChecked()).toBe(true);
    await app.shot('10-sign-in');
  });

  it('says what Altegio says for a wrong password', async () => {
    const { page } = app;
    await page.getByLabel('Login', { exact: true }).fill('demo@frontdesk.app');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText(/incorrect login or password/i).waitFor();
    await app.shot('11-sign-in-wrong-password');
  });

  it('signs in, syncs with progress and shows the catalogue', async () => {
    const { page } = app;
    const progress: string[] = [];
    app.services.events.on('sync-progress', (p) => progress.push(`${p.locationId}:${p.step}`));
    // The demo answers in milliseconds; holding the first staff list keeps the sign-in sync on screen
    // long enough to be seen, instead of hoping to catch a bar that may already be gone.
    app.demo.faults.set({ mode: 'slow', match: '/staff', times: 1, delayMs: 3_000 });
    await page.getByLabel('Password', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Anna Reception').first().waitFor();
    const bar = page.getByRole('progressbar').first();
    await bar.waitFor({ timeout: 10_000 });
    expect(await bar.getAttribute('aria-label')).toMatch(/^Syncing .+: /);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await app.shot('20-sync-progress');
    // Today is the first screen after sign-in; the catalogue is one tab away.
    await page.getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 30_000 });
    expect(progress.some((p) => p.endsWith(':done'))).toBe(true);
    await app.shot('21-catalogue');
  });

  it('searches as you type and opens a service', async () => {
    const { page } = app;
    await page.keyboard.press('Control+K');
    await page.keyboard.type('hairc');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /haircut/i })
      .first()
      .waitFor();
    await app.shot('22-search');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /haircut/i })
      .first()
      .click();
    await page.getByRole('button', { name: /close/i }).first().waitFor();
    await app.shot('23-service-detail');
  });

  it('switches location and finds a Cyrillic prefix', async () => {
    const { page } = app;
    const select = page.getByRole('combobox', { name: 'Location' });
    const almaty = await select
      .locator('option', { hasText: /Almaty|Алматы/ })
      .first()
      .getAttribute('value');
    await select.selectOption(almaty!);
    const search = page.getByRole('searchbox');
    await search.fill('стриж');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Стрижка/ })
      .first()
      .waitFor();
    await app.shot('24-location-almaty');
  });

  it('keeps searching offline, and says how old the catalogue is', async () => {
    const { page } = app;
    await app.demo.stop();
    await page.getByRole('button', { name: /^Sync/ }).first().click();
    await page.getByText(/Offline — catalogue as of/).waitFor({ timeout: 30_000 });
    await page.getByRole('searchbox').fill('маник');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Маникюр/i })
      .first()
      .waitFor();
    await app.shot('25-offline-search');
  });

  it('signs out back to the sign-in screen', async () => {
    const { page } = app;
    await app.demo.restart();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Login', { exact: true }).waitFor();
    expect(await app.services.session.current()).toBeNull();
  });
});
