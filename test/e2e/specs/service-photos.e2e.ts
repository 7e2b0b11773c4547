import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vips, withImages } from '../../../src/main/services/photos/vips';
import { axeSerious } from '../axe';
import { startApp, type App } from '../harness';

/**
 * Service photos (issue 22 §5): a manager adds a service's photo from the catalogue's detail pane, sees
 * it there and in the list; offline it waits in the outbox and is sent once when the network is back.
 * The pane in Portuguese too. Screenshots: test-results/screenshots/service-photo-*.png at 1024×768 and 1366×768.
 */
const SIZES = [
  { name: '1024', viewport: { width: 1024, height: 768 } },
  { name: '1366', viewport: { width: 1366, height: 768 } },
] as const;

/** A 4:3 picture of a service (a coloured card with a light disc), as a phone would take it. */
async function servicePicture(colour: string): Promise<Buffer> {
  const v = await vips();
  const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  return withImages((keep) => {
    const flat = keep(keep(keep(v.Image.black(1200, 900, { bands: 3 })).add(rgb)).cast('uchar'));
    const canvas = keep(keep(flat.copy({ interpretation: 'srgb' })).copyMemory());
    canvas.drawCircle([0xf3, 0xe6, 0xd8], 600, 450, 260, { fill: true });
    return Buffer.from(canvas.jpegsaveBuffer());
  });
}

describe.each(SIZES)('service photos at $name', ({ name, viewport }) => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport });
    await app.signIn();
    await app.openCatalogue();
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 60_000 });
    await app.page.locator('header button', { hasText: /^\s*Sync\s*$/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => app?.close());

  async function addPhoto(row: number, colour: string, file: string): Promise<void> {
    const { page } = app;
    await page.getByRole('listbox').getByRole('option').nth(row).click();
    const pane = page.locator('[data-test=service-detail]');
    await pane.locator('[data-test=service-photo-edit]').click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Choose photo')
      .setInputFiles({ name: file, mimeType: 'image/jpeg', buffer: await servicePicture(colour) });
    await dialog.locator('.viewport').waitFor();
  }

  it('a manager adds a photo in the detail pane and sees it there and in the list', async () => {
    const { page } = app;
    await page.getByRole('listbox').getByRole('option').first().click();
    const pane = page.locator('[data-test=service-detail]');
    // Rights come from Altegio: the button appears for the manager.
    await pane.locator('[data-test=service-photo-edit]').waitFor({ timeout: 30_000 });
    await app.shot(`service-photo-${name}-none`);
    await addPhoto(0, '#6b4f8a', 'balayage.jpg');
    await app.shot(`service-photo-${name}-editor`);
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Upload photo' }).click();
    await page.getByRole('dialog').getByText('Photo updated.').waitFor();
    await page.keyboard.press('Escape');

    await pane.locator('[data-test=service-photo] img').waitFor();
    await page.locator('[data-test=service-thumb]').first().waitFor();
    expect(app.demo.received.uploads).toHaveLength(1);
    expect(app.demo.received.uploads[0]!.entity).toBe('service');
    await app.shot(`service-photo-${name}-shown`);
    expect(await axeSerious(page)).toEqual([]);
  });

  it('offline the photo waits in the outbox, then is sent once when the server is back', async () => {
    const { page } = app;
    await app.demo.stop();
    await addPhoto(1, '#2f7d6d', 'gloss.jpg');
    await page.getByRole('dialog').getByRole('button', { name: 'Upload photo' }).click();
    await page.getByRole('dialog').getByText('Pending — will upload when online.').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    const pane = page.locator('[data-test=service-detail]');
    await pane.locator('[data-test=service-photo-pending]').waitFor();
    await app.shot(`service-photo-${name}-pending`);
    await app.demo.restart();
    await pane.locator('[data-test=service-photo-pending]').waitFor({ state: 'detached', timeout: 45_000 });
    await pane.locator('[data-test=service-photo] img').waitFor({ timeout: 15_000 });
    expect(app.demo.received.uploads).toHaveLength(2);
    await expect.poll(() => page.locator('[data-test=service-thumb]').count()).toBeGreaterThanOrEqual(2);
    await app.shot(`service-photo-${name}-sent`);
  });

  it('the pane in Portuguese', async () => {
    const { page } = app;
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('pt-BR');
    await app.openCatalogue();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.locator('[data-test=service-detail]').getByRole('button', { name: 'Trocar foto' }).waitFor();
    await app.shot(`service-photo-${name}-pt-BR`);
    await page.locator('nav.tabs a[href="#/settings"]').click();
    await page.locator('[data-test=language]').selectOption('en');
  });
});
