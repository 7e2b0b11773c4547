import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../support/demo';
import { startApp, type App } from '../harness';

const anna = DEMO_USERS[0]!;
const lea = DEMO_USERS[1]!;

/** Issue 15: two receptionists on one PC, lock, switch by PIN, five wrong PINs, unlock. */
describe('a shared desk, end to end', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1024, height: 768 } });
  });
  afterAll(async () => {
    for (const u of [anna, lea]) {
      // Leave nothing in the test keychain.
      await app?.services.desk.removeUser(u.id).catch(() => undefined);
    }
    await app?.close();
  });

  async function signInAs(u: typeof anna) {
    const { page } = app;
    await page.getByLabel('Login', { exact: true }).fill(u.login);
    await page.getByLabel('Password', { exact: true }).fill(u.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // At 1024 px the header keeps the avatar and hides the name beside it.
    await page.locator('header').getByRole('img', { name: u.name }).waitFor();
  }

  async function setPin(pin: string) {
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('New PIN').fill(pin);
    await page.getByRole('button', { name: 'Save PIN' }).click();
    await page.getByText('PIN saved.').waitFor();
  }

  it('two receptionists sign in once and set their PINs', async () => {
    await signInAs(anna);
    await setPin('1111');
    await app.shot('70-desk-users-settings');
    await app.page.getByRole('button', { name: 'Lock' }).click();
    await app.page.getByRole('heading', { name: 'Front Desk is locked' }).waitFor();
    await app.page.getByRole('link', { name: 'Sign in another person' }).click();
    await signInAs(lea);
    await setPin('2222');
  });

  it('Ctrl+L locks: only faces and names, no data, at 1024 and 1366 px', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Team' }).click();
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: 'Front Desk is locked' }).waitFor();
    await page.getByText(anna.name).waitFor();
    await page.getByText(lea.name).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await app.shot('71-lock-screen-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.shot('72-lock-screen-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('the PIN pad is touch-sized, and five wrong PINs need the password', async () => {
    const { page } = app;
    await page.locator(`[data-user="${lea.id}"]`).click();
    const key = await page.locator('[data-key="5"]').boundingBox();
    expect(key!.width).toBeGreaterThanOrEqual(44);
    expect(key!.height).toBeGreaterThanOrEqual(44);
    await app.shot('73-pin-pad');
    // The wait between tries grows (0, 1, 2, 4 s); a try made too soon is refused without counting.
    const counted: string[] = [];
    for (let guard = 0; guard < 12 && counted.length < 5; guard++) {
      for (const d of '9999') await page.locator(`[data-key="${d}"]`).click();
      await page.locator('[data-key="ok"]').click();
      await page.locator('.dot.filled').first().waitFor({ state: 'detached' });
      const said = (await page.getByRole('alert').textContent()) ?? '';
      if (/wait/i.test(said)) {
        await page.waitForTimeout(1_100);
        continue;
      }
      counted.push(said);
      if (counted.length === 1) await app.shot('74-pin-wrong');
    }
    expect(counted.slice(0, 4).every((m) => m.startsWith('Wrong PIN.'))).toBe(true);
    expect(counted[4]).toContain('Too many wrong PINs');
    await page.getByText('Too many wrong PINs').waitFor();
    await app.shot('75-pin-locked-out');
  });

  it('the other receptionist unlocks with her PIN and lands on the screen she locked', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Not me' }).click();
    await page.locator(`[data-user="${anna.id}"]`).click();
    for (const d of '1111') await page.locator(`[data-key="${d}"]`).click();
    await page.locator('[data-key="ok"]').click();
    await page.getByRole('navigation').waitFor();
    expect(page.url()).toContain('#/team');
    await page.locator('header').getByRole('img', { name: anna.name }).waitFor();
    await app.shot('76-unlocked');
  });
});
