import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../harness';

/** A portrait from a phone: EXIF orientation 6, so the receptionist sees it upright only if it is rotated. */
async function phonePhoto(colour: string): Promise<Buffer> {
  const svg = `<svg width="1200" height="900"><rect width="1200" height="900" fill="${colour}"/><circle cx="600" cy="450" r="300" fill="#f5d0b5"/></svg>`;
  const jpeg = await sharp(Buffer.from(svg)).jpeg().toBuffer();
  return sharp(jpeg).withMetadata({ orientation: 6 }).jpeg().toBuffer();
}

/** Issue 5: drop a photo, crop, upload, see it; offline it waits as pending and goes out when back online. */
describe('staff photos, end to end', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await app.signIn();
    await app.page.getByRole('link', { name: 'Catalogue' }).click(); // Today opens first
    await app.page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 30_000 });
    await app.page.getByRole('link', { name: 'Team' }).click();
  });
  afterAll(async () => app?.close());

  it('drops a photo on the editor, crops and uploads it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Change photo' }).first().click();
    const bytes = [...(await phonePhoto('#3a6ea5'))];
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'portrait.jpg', { type: 'image/jpeg' }));
      document
        .querySelector('.drop')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await page.getByRole('slider', { name: 'Zoom' }).fill('1.6');
    const viewport = page.locator('.viewport');
    const box = (await viewport.boundingBox())!;
    await page.mouse.move(box.x + 140, box.y + 140);
    await page.mouse.down();
    await page.mouse.move(box.x + 100, box.y + 120);
    await page.mouse.up();
    await app.shot('40-photo-crop');
    await page.getByRole('button', { name: /Upload photo|Replace photo/ }).click();
    await page.getByText('Photo updated.').waitFor();
    expect(app.demo.received.uploads).toHaveLength(1);
    const meta = await sharp(app.demo.received.uploads[0]!.bytes).metadata();
    expect(meta.width).toBe(meta.height); // the square crop
    expect(meta.exif).toBeUndefined();
    await page.getByRole('button', { name: 'Close' }).click();
    await app.shot('41-photo-uploaded');
  });

  it('offline the upload is pending, then goes out once the server is back', async () => {
    const { page } = app;
    await app.demo.stop();
    await page.getByRole('button', { name: 'Change photo' }).nth(1).click();
    await page
      .getByLabel('Choose photo')
      .setInputFiles({ name: 'second.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto('#a53a6e') });
    await page.getByRole('button', { name: /Upload photo|Replace photo/ }).click();
    await page.getByText('Pending — will upload when online.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Photo upload pending').first().waitFor();
    await app.shot('42-photo-pending');
    await app.demo.restart();
    await page.getByText('Photo upload pending').first().waitFor({ state: 'detached', timeout: 45_000 });
    expect(app.demo.received.uploads).toHaveLength(2);
    await app.shot('43-photo-sent-after-reconnect');
  });
});
