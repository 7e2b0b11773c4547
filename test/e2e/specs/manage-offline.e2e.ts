import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../harness';

/**
 * Manager mode offline (issue 22): with Altegio out of reach, a manager adds a category and a service in
 * it with two performers' own durations; the catalogue lists both as not yet sent; when Altegio is back
 * they are sent, one POST each, and the marks go. In English, then in Spanish.
 * Screenshots: test-results/screenshots/manage-offline-<size>-<lang>.png (the queued state).
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;

const WORDS = {
  en: {
    open: 'Manage the menu',
    queued: (title: string) => `“${title}” will be sent as soon as Altegio can be reached.`,
    pending: 'Not yet sent',
    list: 'Not yet sent to Altegio',
  },
  es: {
    open: 'Gestionar el menú',
    queued: (title: string) => `«${title}» se enviará en cuanto Altegio esté disponible.`,
    pending: 'Aún no enviado',
    list: 'Aún no enviado a Altegio',
  },
} as const;

describe.each(SIZES)('manager mode offline at $name', ({ name, viewport }) => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport });
    await app.signIn();
    await app.openCatalogue();
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    await app.page.locator('header button', { hasText: /^\s*Sync\s*$/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => app?.close());

  const posts = (path: RegExp) =>
    app.demo.received.requests.filter((r) => r.method === 'POST' && path.test(r.path.split('?')[0]!)).length;
  const CATEGORY_POST = /\/service_categories\/\d+$/;
  const SERVICE_POST = /\/services\/\d+$/;

  async function queueOffline(lang: keyof typeof WORDS, category: string, service: string): Promise<void> {
    const { page } = app;
    const w = WORDS[lang];
    await page.getByRole('button', { name: w.open }).click();
    const dialog = page.getByRole('dialog');
    const catForm = dialog.locator('form[aria-labelledby=manage-category]');
    // Rights are checked with Altegio while it can still be reached; offline, that answer stands.
    await expect.poll(() => catForm.locator('button[type=submit]').isDisabled(), { timeout: 30_000 }).toBe(false);
    await app.demo.stop();

    await catForm.locator('#cat-title').fill(category);
    await catForm.locator('.members input[type=checkbox]').nth(0).check();
    await catForm.locator('button[type=submit]').click();
    await catForm.getByText(w.queued(category)).waitFor({ timeout: 30_000 });

    const svcForm = dialog.locator('form[aria-labelledby=manage-service]');
    await svcForm.locator('#svc-title').fill(service);
    const select = svcForm.locator('#svc-category');
    // The category is only on this desk so far: the service waits for it.
    const value = await select.locator('option', { hasText: category }).first().getAttribute('value');
    expect(value).toMatch(/^p:/);
    await select.selectOption(value!);
    await svcForm.locator('#svc-price-min').fill('45');
    await svcForm.locator('#svc-price-max').fill('55');
    await svcForm.locator('#svc-break').selectOption('10');
    const members = svcForm.locator('.member input[type=checkbox]');
    await members.nth(0).check();
    await members.nth(1).check();
    await svcForm.locator('.member .minutes').first().fill('45');
    await svcForm.locator('.member .minutes').nth(1).fill('75');
    await svcForm.locator('button[type=submit]').click();
    await svcForm.getByText(w.queued(service)).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');

    const queued = page.getByRole('list', { name: w.list });
    for (const title of [category, service]) {
      await queued.getByRole('listitem').filter({ hasText: title }).getByText(w.pending).waitFor();
    }
  }

  async function sentOnce(lang: keyof typeof WORDS, category: string, service: string, before: { c: number; s: number }) {
    const { page } = app;
    await app.demo.restart();
    // Back online: the desk notices by itself (its probe), sends both, and the marks go.
    await page.getByRole('list', { name: WORDS[lang].list }).waitFor({ state: 'detached', timeout: 60_000 });
    const location = app.demo.dataset.locations.find((l) => l.categories.some((c) => c.title === category))!;
    const cats = location.categories.filter((c) => c.title === category);
    const svcs = location.services.filter((s) => s.title === service);
    expect(cats).toHaveLength(1);
    expect(svcs).toHaveLength(1);
    expect(svcs[0]!.categoryId).toBe(cats[0]!.id);
    expect(svcs[0]!.staff.map((m) => m.seanceLength)).toEqual([2700, 4500]);
    expect(posts(CATEGORY_POST) - before.c).toBe(1);
    expect(posts(SERVICE_POST) - before.s).toBe(1);
  }

  it('in English: queued offline, then sent once when Altegio is back', async () => {
    const before = { c: posts(CATEGORY_POST), s: posts(SERVICE_POST) };
    await queueOffline('en', 'Offline brows', 'Offline lamination');
    await app.shot(`manage-offline-${name}-en`);
    await sentOnce('en', 'Offline brows', 'Offline lamination', before);
  });

  it('offline, a service’s technical break (kept from Altegio’s list) is changed and sent once when Altegio is back', async () => {
    const { page } = app;
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
    await page.getByRole('listbox').getByRole('option').nth(1).click();
    const title = (await page.locator('[data-test=service-detail] h2, .detail h2').first().innerText()).trim();
    const location = app.demo.dataset.locations.find((l) => l.company.id === 410001)!; // the desk's location (SoHo)
    const service = () => location.services.find((x) => x.title === title)!;
    const puts = () => app.demo.received.requests.filter((r) => r.method === 'PUT' && r.path.includes('/services/')).length;
    const before = puts();
    await app.demo.stop();
    await page.locator('.edit-open').click();
    const form = page.locator('form[aria-labelledby=manage-edit]');
    await form.getByText('Altegio cannot be reached, so this is the catalogue’s copy.').waitFor({ timeout: 30_000 });
    expect(await form.getByText('does not hold this service’s technical break').count()).toBe(0);
    await expect.poll(() => form.locator('#edit-break').isDisabled()).toBe(false);
    await form.locator('#edit-break').selectOption('15');
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await form.getByText(`“${title}” will be sent as soon as Altegio can be reached.`).waitFor({ timeout: 30_000 });
    await app.shot(`manage-offline-${name}-break`);
    await page.keyboard.press('Escape');
    await app.demo.restart();
    await expect.poll(() => service().technicalBreak, { timeout: 60_000 }).toBe(900);
    expect(puts() - before).toBe(1);
  });

  it('in Spanish: queued offline, then sent once when Altegio is back', async () => {
    const { page } = app;
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('es');
    await app.openCatalogue();
    await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    const before = { c: posts(CATEGORY_POST), s: posts(SERVICE_POST) };
    await queueOffline('es', 'Cejas sin red', 'Laminado sin red');
    await app.shot(`manage-offline-${name}-es`);
    await sentOnce('es', 'Cejas sin red', 'Laminado sin red', before);
  });
});
