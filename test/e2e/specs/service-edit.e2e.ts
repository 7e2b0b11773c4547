import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNER_TOKEN, DEMO_USERS } from '../../support/demo';
import { axeSerious } from '../axe';
import { startApp, type App } from '../harness';

/**
 * Manager mode (issue 22): a manager changes a service's price and one performer's minutes from the
 * catalogue; a change made on Altegio meanwhile to the same field is shown field by field (theirs / mine) and
 * sent only when the manager chooses; a service is removed after a sentence saying what that does. English
 * and Spanish. Also the new-service form's technical-break drop-down, which must never cut off its longest
 * choice. Screenshots: test-results/screenshots/svcedit-*.png at 1024×768 and 1366×768.
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;
const MANAGER = DEMO_USERS.find((u) => u.login === 'demo@frontdesk.app')!;

/** The widest choice of a select, in its own font, against the room its box gives the chosen text. */
function breakFit(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const s = el as HTMLSelectElement;
    const cs = getComputedStyle(s);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const widest = Math.max(...[...s.options].map((o) => ctx.measureText(o.text.trim()).width));
    const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return { widest: Math.ceil(widest), room: Math.floor(room) };
  });
}

describe.each(SIZES)('editing and removing a service at $name', ({ name, viewport }) => {
  let app: App;
  /** The location and service the edit form read (from its GET, as the demo saw it). */
  let target: { locationId: number; serviceId: number };

  beforeAll(async () => {
    app = await startApp({ viewport });
    await app.signIn();
    await app.openCatalogue();
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    await app.page.locator('header button', { hasText: /^\s*Sync\s*$/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => app?.close());

  const demoService = () =>
    app.demo.dataset.locations
      .find((l) => l.company.id === target.locationId)!
      .services.find((s) => s.id === target.serviceId);

  /** Someone else changes the service on Altegio (the demo's own PUT), after the form was opened. */
  async function changeOnAltegio(body: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${app.demo.url}/services/${target.locationId}/${target.serviceId}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${DEMO_PARTNER_TOKEN}, User ${MANAGER.userToken}`,
        Accept: 'application/vnd.api.v2+json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  }

  /** Opens the edit form for the n-th service of the list; remembers which one the form read. */
  async function openEdit(n: number, label: RegExp): Promise<void> {
    const { page } = app;
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
    await page.getByRole('listbox').getByRole('option').nth(n).click();
    const from = app.demo.received.requests.length;
    await page.locator('.edit-open').click();
    await page.getByRole('dialog').getByRole('button', { name: label }).first().waitFor();
    const read = app.demo.received.requests
      .slice(from)
      .map((r) => /\/company\/(\d+)\/services\/(\d+)$/.exec(r.path))
      .find((m) => m !== null)!;
    target = { locationId: Number(read[1]), serviceId: Number(read[2]) };
    const form = page.locator('form[aria-labelledby=manage-edit]');
    await expect.poll(() => form.locator('#edit-price-min').inputValue()).not.toBe('');
    await expect.poll(() => form.locator('#edit-price-min').isDisabled()).toBe(false);
  }

  it('a manager changes the price and one performer’s minutes; only that is sent', async () => {
    const { page } = app;
    await openEdit(0, /Save the changes/);
    const { weight, comment, priceMin, priceMax } = demoService()!;
    const form = page.locator('form[aria-labelledby=manage-edit]');
    await app.shot(`svcedit-${name}-edit`);
    expect(await axeSerious(page)).toEqual([]);

    await form.locator('#edit-price-min').fill(String(priceMin + 5));
    await form.locator('#edit-price-max').fill(String(priceMax + 5));
    const members = form.locator('.member input[type=checkbox]');
    if (!(await members.first().isChecked())) await members.first().check();
    await form.locator('.member .minutes').first().fill('90');
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await form.getByText(/is on Altegio\.$/).waitFor();
    const after = demoService()!;
    expect(after).toMatchObject({ priceMin: priceMin + 5, priceMax: priceMax + 5, weight, comment });
    expect(after.staff[0]!.seanceLength).toBe(5400);
  });

  it('a change on Altegio to the same field meanwhile is shown side by side; "Send mine" sends it', async () => {
    const { page } = app;
    const form = page.locator('form[aria-labelledby=manage-edit]');
    // The form re-reads Altegio's copy after a change is on Altegio: the next change starts from it.
    await expect.poll(() => form.locator('#edit-price-max').inputValue()).toBe(String(demoService()!.priceMax));
    const mine = demoService()!.priceMax + 1;
    await form.locator('#edit-price-max').fill(String(mine));
    await changeOnAltegio({ price_max: mine + 100 });
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await form.getByText('was changed on Altegio meanwhile', { exact: false }).waitFor();
    const view = page.locator('.conflict');
    await view.waitFor();
    expect(demoService()!.priceMax).toBe(mine + 100); // never overwritten silently
    const row = view.locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toBe('Price up to');
    await view.scrollIntoViewIfNeeded();
    await app.shot(`svcedit-${name}-conflict`);
    expect(await axeSerious(page)).toEqual([]);
    await view.getByRole('button', { name: 'Send mine' }).click();
    await expect.poll(() => page.locator('.conflict').count()).toBe(0);
    await expect.poll(() => demoService()!.priceMax).toBe(mine);
  });

  it('a service is removed after a sentence saying what that does', async () => {
    const { page } = app;
    await openEdit(1, /Remove service/);
    const form = page.locator('form[aria-labelledby=manage-edit]');
    await form.getByRole('button', { name: 'Remove service' }).click();
    const confirm = form.getByRole('alertdialog');
    await confirm.getByText('It leaves the menu, online booking', { exact: false }).waitFor();
    await confirm.scrollIntoViewIfNeeded();
    await app.shot(`svcedit-${name}-remove`);
    expect(demoService()).toBeDefined();
    await confirm.getByRole('button', { name: 'Yes, remove it' }).click();
    await form.getByText(/is removed on Altegio\.$/).waitFor();
    expect(demoService()).toBeUndefined();
    await page.keyboard.press('Escape');
  });

  it('in Spanish: the edit form, the conflict view, the removal sentence, and the break choices never cut off', async () => {
    const { page } = app;
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('es');
    await app.openCatalogue();
    await page.getByRole('listbox').getByRole('option').first().waitFor();

    // The new-service form's technical break (the bug: its longest choice was cut off).
    await page.locator('.manage-open:not(.edit-open)').click();
    const brk = page.locator('#svc-break');
    await brk.scrollIntoViewIfNeeded();
    await expect.poll(() => brk.isDisabled()).toBe(false);
    const fit = await breakFit(page, '#svc-break');
    expect(fit.widest).toBeLessThanOrEqual(fit.room);
    await page.locator('form[aria-labelledby=manage-service]').scrollIntoViewIfNeeded();
    await app.shot(`svcedit-${name}-break-es`);
    await page.keyboard.press('Escape');

    await openEdit(0, /Guardar los cambios/);
    const form = page.locator('form[aria-labelledby=manage-edit]');
    await app.shot(`svcedit-${name}-edit-es`);
    const fitEdit = await breakFit(page, '#edit-break');
    expect(fitEdit.widest).toBeLessThanOrEqual(fitEdit.room);

    const mine = demoService()!.priceMax + 2;
    await form.locator('#edit-price-max').fill(String(mine));
    await changeOnAltegio({ price_max: mine + 50 });
    await form.getByRole('button', { name: 'Guardar los cambios' }).click();
    const view = page.locator('.conflict');
    await view.getByText('Ahora en Altegio').waitFor();
    await view.scrollIntoViewIfNeeded();
    await app.shot(`svcedit-${name}-conflict-es`);
    await view.getByRole('button', { name: 'Conservar el de Altegio' }).click();
    await expect.poll(() => page.locator('.conflict').count()).toBe(0);
    expect(demoService()!.priceMax).toBe(mine + 50);

    await form.getByRole('button', { name: 'Eliminar el servicio' }).click();
    const confirm = form.getByRole('alertdialog');
    await confirm.getByText('Desaparece del menú', { exact: false }).waitFor();
    await confirm.scrollIntoViewIfNeeded();
    await app.shot(`svcedit-${name}-remove-es`);
    await confirm.getByRole('button', { name: 'Conservarlo' }).click();
    expect(demoService()).toBeDefined();
  });
});
