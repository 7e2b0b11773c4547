/**
 * E2E harness: the built renderer in real Chromium, with `window.api` backed by the real
 * main-process services (through the browser bridge) talking to a local demo Altegio server.
 *
 *   const app = await startApp();           // demo server + services + bridge + Chromium page
 *   await app.page.getByLabel('Login').fill('demo@frontdesk.app');
 *   await app.shot('sign-in');              // → test-results/screenshots/sign-in.png
 *   await app.demo.stop(); / app.demo.restart();
 *   await app.close();
 *
 * Needs `npm run build` first (out/renderer) and a D-Bus session with an unlocked keyring
 * (scripts/with-keyring.sh), since tokens go to the real keychain.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { startDemoServer, type DemoServer } from '../support/demo';
import type { Services } from '../../src/main/container';
import { createBridgeServices } from './bridge/app-services';
import { startBridge, type Bridge } from './bridge/server';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export interface App {
  page: Page;
  browser: Browser;
  demo: DemoServer;
  services: Services;
  bridge: Bridge;
  userData: string;
  shot(name: string): Promise<string>;
  signIn(): Promise<void>;
  /** After sign-in the app opens on Today: go to the catalogue (by its route, in any language). */
  openCatalogue(): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(
  opts: { viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {},
): Promise<App> {
  const demo = await startDemoServer();
  const userData = mkdtempSync(join(tmpdir(), 'front-desk-e2e-'));
  const services = await createBridgeServices({
    userData,
    altegioBaseUrl: demo.url,
    keychainService: `front-desk-e2e-${process.pid}-${Date.now()}`,
    probeIntervalMs: 300,
  });
  await services.start();
  const bridge = await startBridge({ services, rendererDir: join(process.cwd(), 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    ...(opts.deviceScaleFactor ? { deviceScaleFactor: opts.deviceScaleFactor } : {}),
  });
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(bridge.url);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    browser,
    demo,
    services,
    bridge,
    userData,
    async shot(name) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async signIn() {
      await page.getByLabel(/login/i).first().fill('demo@frontdesk.app');
      await page
        .getByLabel(/password/i)
        .first()
        .fill('demo1234');
      await page.getByRole('button', { name: /sign in/i }).click();
    },
    async openCatalogue() {
      await page.locator('nav.tabs a[href="#/catalogue"]').click();
    },
    async close() {
      await browser.close().catch(() => undefined);
      await bridge.close();
      await services.session.signOut().catch(() => undefined);
      await services.close();
      await demo.close();
    },
  };
}
