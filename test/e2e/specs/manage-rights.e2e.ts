import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../support/demo';
import { axeSerious } from '../axe';
import { startApp, type App } from '../harness';

/**
 * Manager mode's rights per operation (issue 22): a service editor (Altegio's `services_edit` alone; the
 * demo user's role is switched to 'editor') may change a service and nothing else. The edit form is open,
 * without "Remove service" and with a sentence saying why; the new-category and new-service forms are
 * read-only, each with its own sentence. English and Russian.
 * Screenshots: test-results/screenshots/mrights-*.png at 1024×768 and 1366×768.
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;
const MANAGER = DEMO_USERS.find((u) => u.login === 'demo@frontdesk.app')!;

describe.each(SIZES)('a service editor at $name', ({ name, viewport }) => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport });
    app.demo.dataset.users.find((u) => u.id === MANAGER.id)!.role = 'editor';
    await app.signIn();
    await app.openCatalogue();
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    await app.page.locator('header button', { hasText: /^\s*Sync\s*$/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => app?.close());

  async function openEdit(): Promise<void> {
    const { page } = app;
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.locator('.edit-open').click();
    const form = page.locator('form[aria-labelledby=manage-edit]');
    await expect.poll(() => form.locator('#edit-price-min').inputValue()).not.toBe('');
  }

  it('may change the service, and each other action says it is not allowed', async () => {
    const { page } = app;
    await openEdit();
    const dialog = page.getByRole('dialog');
    const edit = page.locator('form[aria-labelledby=manage-edit]');
    expect(await edit.locator('#edit-price-min').isDisabled()).toBe(false);
    expect(await edit.getByRole('button', { name: 'Remove service' }).count()).toBe(0);
    await edit
      .getByText('Your Altegio role does not allow removing services: ask a manager to remove this one.')
      .waitFor();
    expect(await dialog.locator('.manage > .read-only').count()).toBe(0);
    await app.shot(`mrights-${name}-edit`);
    const category = page.locator('form[aria-labelledby=manage-category]');
    await category.getByText('Your Altegio role does not allow adding categories at this location.').waitFor();
    expect(await category.getByRole('button', { name: 'Add the category' }).isDisabled()).toBe(true);
    const service = page.locator('form[aria-labelledby=manage-service]');
    await service.getByText('Your Altegio role does not allow adding services at this location.').waitFor();
    expect(await service.getByLabel('Service name').isDisabled()).toBe(true);
    await category.scrollIntoViewIfNeeded();
    await app.shot(`mrights-${name}-create`);
    expect(await axeSerious(page)).toEqual([]);
  });

  it('says the same in Russian', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('ru');
    await app.openCatalogue();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.locator('.edit-open').click();
    const edit = page.locator('form[aria-labelledby=manage-edit]');
    await edit.getByText('Ваша роль в Altegio не позволяет удалять услуги', { exact: false }).waitFor();
    await app.shot(`mrights-${name}-edit-ru`);
    const category = page.locator('form[aria-labelledby=manage-category]');
    await category.getByText('Ваша роль в Altegio не позволяет добавлять категории в этом филиале.').waitFor();
    await category.scrollIntoViewIfNeeded();
    await app.shot(`mrights-${name}-create-ru`);
  });
});
