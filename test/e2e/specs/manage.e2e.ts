import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious } from '../axe';
import { startApp, type App } from '../harness';

/**
 * Manager mode (issue 22): from the catalogue, a manager adds a category and a service with two
 * performers' own durations; a wrong form is refused in sentences; the receptionist (desk@frontdesk.app, no
 * Services rights in the demo) sees it read-only, with the sentence in English and in Spanish.
 * Screenshots: test-results/screenshots/manage-*.png at 1024×768 and 1366×768.
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;

describe.each(SIZES)('manager mode at $name', ({ name, viewport }) => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport });
    await app.signIn();
    await app.openCatalogue();
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    await app.page.locator('header button', { hasText: /^\s*Sync\s*$/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => app?.close());

  it('a manager adds a category and a service with two performers’ durations', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Manage the menu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add the category' }).waitFor();
    // Rights are checked with Altegio: the forms open for the manager.
    await expect.poll(() => dialog.getByRole('button', { name: 'Add the category' }).isDisabled()).toBe(false);
    await app.shot(`manage-${name}-open`);
    expect(await axeSerious(page)).toEqual([]);

    const catForm = dialog.locator('form[aria-labelledby=manage-category]');
    await catForm.getByLabel('Category name').fill('Brow studio');
    const catMembers = catForm.locator('.members input[type=checkbox]');
    await catMembers.nth(0).check();
    await catMembers.nth(1).check();
    await catForm.getByRole('button', { name: 'Add the category' }).click();
    await catForm.getByText('“Brow studio” is on Altegio.').waitFor();

    const svcForm = dialog.locator('form[aria-labelledby=manage-service]');
    await svcForm.getByRole('button', { name: 'Add the service' }).click();
    await svcForm.getByText('Type a name.').waitFor();
    await svcForm.getByText('Choose a category.').first().waitFor();
    await svcForm.scrollIntoViewIfNeeded();
    await app.shot(`manage-${name}-refused`);

    await svcForm.getByLabel('Service name').fill('Brow lamination');
    const category = svcForm.getByLabel('Category', { exact: true });
    const value = await category.locator('option', { hasText: 'Brow studio' }).first().getAttribute('value');
    await category.selectOption(value!);
    await svcForm.getByLabel('Price from').fill('45');
    await svcForm.getByLabel('Price up to').fill('55');
    await svcForm.getByLabel('Technical break after it').selectOption('10');
    const members = svcForm.locator('.member input[type=checkbox]');
    await members.nth(0).check();
    await members.nth(1).check();
    await svcForm.locator('.member .minutes').first().fill('45');
    await svcForm.locator('.member .minutes').nth(1).fill('75');
    await svcForm.getByRole('button', { name: 'Add the service' }).click();
    await svcForm.getByText('“Brow lamination” is on Altegio.').waitFor();
    await dialog.locator('#manage-changes').scrollIntoViewIfNeeded();
    await app.shot(`manage-${name}-sent`);

    const ny = app.demo.dataset.locations.flatMap((l) => l.services).filter((s) => s.title === 'Brow lamination');
    expect(ny).toHaveLength(1);
    expect(ny[0]!.staff.map((s) => s.seanceLength)).toEqual([2700, 4500]);
    expect(ny[0]!.technicalBreak).toBe(600);
    await page.keyboard.press('Escape');
  });

  it('the receptionist sees the panel read-only, with the sentence saying why', async () => {
    const { page } = app;
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel(/login/i).first().fill('desk@frontdesk.app');
    await page.getByLabel('Password', { exact: true }).fill('desk1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await app.openCatalogue();
    await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Manage the menu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('Your Altegio role does not allow changing services at this location', { exact: false })
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Add the category' }).isDisabled()).toBe(true);
    expect(await dialog.getByLabel('Service name').isDisabled()).toBe(true);
    await app.shot(`manage-${name}-read-only`);
    expect(await axeSerious(page)).toEqual([]);

    // The same sentence in the desk's language (Spanish).
    await page.keyboard.press('Escape');
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('es');
    await app.openCatalogue();
    await page.locator('.manage-open').click();
    await page
      .getByRole('dialog')
      .getByText('Su rol en Altegio no permite cambiar servicios en este centro', { exact: false })
      .waitFor();
    await app.shot(`manage-${name}-read-only-es`);
  });
});
