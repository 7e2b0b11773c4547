import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vips, withImages } from '../../../src/main/services/photos/vips';
import { axeSerious } from '../axe';
import { startApp, type App } from '../harness';

/**
 * Issue 22 "Rights": Altegio refuses a photo change with 403. The editor says so at once, the change stays in
 * the outbox (on the Team page, where the shell's badge leads) marked "needs a manager", in English and in
 * Russian, and Retry sends it once when it is allowed. Screenshots: test-results/screenshots/photo-needs-manager-*.png
 * at 1024×768 and 1366×768.
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;

async function portrait(): Promise<Buffer> {
  const v = await vips();
  return withImages((keep) => {
    const flat = keep(keep(keep(v.Image.black(900, 900, { bands: 3 })).add([58, 110, 165])).cast('uchar'));
    const canvas = keep(keep(flat.copy({ interpretation: 'srgb' })).copyMemory());
    canvas.drawCircle([0xf5, 0xd0, 0xb5], 450, 450, 250, { fill: true });
    return Buffer.from(canvas.jpegsaveBuffer());
  });
}

describe.each(SIZES)('a photo change held for a manager at $name', ({ name, viewport }) => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport });
    await app.signIn();
    await app.openCatalogue();
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    await app.page.locator('nav.tabs a[href="#/team"]').click();
  });
  afterAll(async () => app?.close());

  it('a 403 is said at once, kept in the outbox as "needs a manager", and sent once by Retry', async () => {
    const { page } = app;
    app.demo.faults.set({ mode: 'forbiddenLicense', match: '/images/master' });
    await page.getByRole('button', { name: 'Change photo' }).first().click();
    await page
      .getByLabel('Choose photo')
      .setInputFiles({ name: 'anna.jpg', mimeType: 'image/jpeg', buffer: await portrait() });
    await page.getByRole('button', { name: /Upload photo|Replace photo/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Altegio does not allow your role to change this photo', { exact: false }).waitFor();
    await dialog.locator('[data-test=photo-pending]', { hasText: 'Needs a manager' }).waitFor();
    await app.shot(`photo-needs-manager-${name}-editor`);
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).click();

    const panel = page.locator('[data-test=team-outbox]');
    await panel.getByText('Needs a manager', { exact: true }).waitFor();
    await panel.locator('[data-test=needs-manager]').waitFor();
    await page.getByRole('status').filter({ hasText: '1 photo needs a manager' }).waitFor();
    // The member's own card says the same, not "Photo upload pending".
    await page.locator('[data-test=team-card] [data-test=photo-pending]', { hasText: 'Needs a manager' }).waitFor();
    await app.shot(`photo-needs-manager-${name}-team`);
    expect(await axeSerious(page)).toEqual([]);

    // The same in Russian.
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('ru');
    await page.locator('nav.tabs a[href="#/team"]').click();
    await panel.getByText('Нужен менеджер', { exact: true }).waitFor();
    await app.shot(`photo-needs-manager-${name}-team-ru`);
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('en');
    await page.locator('nav.tabs a[href="#/team"]').click();

    // Allowed again: Retry sends it once and the panel empties.
    expect(app.demo.received.uploads).toHaveLength(0);
    app.demo.faults.clear();
    await panel.getByRole('button', { name: 'Retry now' }).click();
    await panel.waitFor({ state: 'detached', timeout: 30_000 });
    expect(app.demo.received.uploads).toHaveLength(1);
  });
});
