import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious } from '../axe';
import { startApp, type App } from '../harness';

/**
 * The location card and phones that are right (issue 22 §3, §4): a manager opens the card from the
 * catalogue, a wrong phone is refused with its reason, a right one is checked with Altegio, "what will
 * change" is confirmed and sent; a field changed in Altegio meanwhile shows the conflict view (English
 * and Russian); sign-in by phone. Screenshots: test-results/screenshots/location-*.png, 1024 and 1366.
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;
const NY = 410001;

describe.each(SIZES)('the location card at $name', ({ name, viewport }) => {
  let app: App;
  const company = () => app.demo.dataset.locations.find((l) => l.company.id === NY)!.company;
  beforeAll(async () => {
    app = await startApp({ viewport });
    await app.signIn();
    await app.openCatalogue();
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
  });
  afterAll(async () => app?.close());

  it('a wrong phone is refused with the reason; a right one is checked, shown in the diff and sent', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Location card' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Edit the card' }).waitFor({ timeout: 30_000 });
    await app.shot(`location-${name}-card`);
    expect(await axeSerious(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Edit the card' }).click();
    const phone = dialog.getByLabel('Phone 1');
    await phone.fill('+1 212 555');
    await dialog.getByText('This number is too short: some digits are missing.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Review the changes' }).isDisabled()).toBe(true);
    await phone.scrollIntoViewIfNeeded();
    await app.shot(`location-${name}-phone-refused`);

    await phone.fill('(917) 555-0142');
    await expect.poll(() => dialog.locator('#loc-phone-0-note').innerText()).toBe('Checked with Altegio');
    await app.shot(`location-${name}-phone-checked`);
    await dialog.getByRole('button', { name: 'Review the changes' }).click();
    const review = dialog.locator('[data-test=review]');
    await review.getByText('What will change').waitFor();
    expect(await review.locator('tbody tr').count()).toBe(1);
    await app.shot(`location-${name}-diff`);
    expect(await axeSerious(page)).toEqual([]);
    await review.getByRole('button', { name: 'Send these changes' }).click();
    await dialog.getByText('The location card is updated in Altegio.').waitFor();
    expect(company().phones[0]).toBe('19175550142');
  });

  it('a field changed in Altegio meanwhile shows both versions; the manager keeps Altegio’s', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Edit the card' }).click();
    await dialog.getByLabel('Postcode').fill('10013');
    await dialog.getByRole('button', { name: 'Review the changes' }).click();
    company().zip = '10099'; // someone in Altegio's web app, while the manager reads the diff
    await dialog.getByRole('button', { name: 'Send these changes' }).click();
    const conflict = dialog.locator('[data-test=conflict]');
    await conflict.waitFor();
    expect(await conflict.locator('tbody tr').first().innerText()).toMatch(/Postcode\s+10099\s+10013/);
    await app.shot(`location-${name}-conflict`);
    expect(await axeSerious(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep Altegio’s' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(company().zip).toBe('10099');
    await page.keyboard.press('Escape');
  });

  it('in Russian: the card, the diff and the conflict view', async () => {
    const { page } = app;
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('ru');
    await app.openCatalogue();
    await page.getByRole('button', { name: 'Карточка филиала' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Изменить карточку' }).click();
    await dialog.getByLabel('Телефон 1').fill('+1 212 55');
    await dialog.getByText('Номер слишком короткий: не хватает цифр.').waitFor();
    await app.shot(`location-${name}-ru-phone-refused`);
    await dialog.getByLabel('Телефон 1').fill('(917) 555-0142');
    await dialog.getByLabel('Индекс').fill('10014');
    await dialog.getByRole('button', { name: 'Проверить изменения' }).click();
    await dialog.getByText('Что изменится').waitFor();
    // The same number typed again is no change: only the postcode is listed.
    expect(await dialog.locator('[data-test=review] tbody tr').count()).toBe(1);
    await app.shot(`location-${name}-ru-diff`);
    company().zip = '10098';
    await dialog.getByRole('button', { name: 'Отправить изменения' }).click();
    await dialog.locator('[data-test=conflict]').waitFor();
    await app.shot(`location-${name}-ru-conflict`);
    await dialog.getByRole('button', { name: 'Отправить моё' }).click();
    await dialog.locator('[data-test=conflict]').waitFor({ state: 'detached' });
    await expect.poll(() => company().zip).toBe('10014');
    await page.keyboard.press('Escape');
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('en');
  });

  it('sign-in by phone: a wrong number is refused before any request, a right one signs in', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sign out' }).click();
    const login = page.getByLabel(/login/i).first();
    await login.fill('+33 1 55 50');
    await page.getByLabel('Password', { exact: true }).fill('paris1234');
    const auths = app.demo.received.requests.filter((r) => r.path.endsWith('/auth')).length;
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('[data-test=phone-error]').waitFor();
    expect(app.demo.received.requests.filter((r) => r.path.endsWith('/auth')).length).toBe(auths);
    await app.shot(`location-${name}-signin-phone-refused`);
    await login.fill('+33 1 55 50 10 20');
    await page.getByText('Signing in with the number +33155501020').waitFor();
    await app.shot(`location-${name}-signin-phone`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });

    // The demo's receptionist (no Settings rights): the card is read-only, with the sentence saying why.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel(/login/i).first().fill('desk@frontdesk.app');
    await page.getByLabel('Password', { exact: true }).fill('desk1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await app.openCatalogue();
    await page.getByRole('button', { name: 'Location card' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-test=read-only]').waitFor({ timeout: 30_000 });
    expect(await dialog.getByRole('button', { name: 'Edit the card' }).count()).toBe(0);
    await app.shot(`location-${name}-read-only`);
    expect(await axeSerious(page)).toEqual([]);
  });
});
