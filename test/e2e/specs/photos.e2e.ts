import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vips, withImages } from '../../../src/main/services/photos/vips';
import { inspect, withExif } from '../../main/photos/images';
import { startApp, type App } from '../harness';

/** A portrait from a phone: EXIF orientation 6, so the receptionist sees it upright only if it is rotated. */
async function phonePhoto(colour: string): Promise<Buffer> {
  const v = await vips();
  const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  const jpeg = await withImages((keep) => {
    const flat = keep(keep(keep(v.Image.black(1200, 900, { bands: 3 })).add(rgb)).cast('uchar'));
    const canvas = keep(keep(flat.copy({ interpretation: 'srgb' })).copyMemory());
    canvas.drawCircle([0xf5, 0xd0, 0xb5], 600, 450, 300, { fill: true });
    return Buffer.from(canvas.jpegsaveBuffer());
  });
  return withExif(jpeg, 6);
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
    const meta = await inspect(app.demo.received.uploads[0]!.bytes);
    expect(meta.width).toBe(meta.height); // the square crop
    expect(meta.exif).toBe(false);
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
    // Issue 10.10: signing out now would hold the photo until this user signs in again: say so first.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('alertdialog').getByText('1 photo change is waiting to be sent to Altegio.').waitFor();
    await app.shot('44-sign-out-warning');
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await app.demo.restart();
    await page.getByText('Photo upload pending').first().waitFor({ state: 'detached', timeout: 45_000 });
    expect(app.demo.received.uploads).toHaveLength(2);
    await app.shot('43-photo-sent-after-reconnect');
  });
});
