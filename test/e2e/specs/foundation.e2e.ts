import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../harness';

describe('foundation: the renderer in Chromium through the bridge', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app?.close());

  it('loads the app shell and reaches main through window.api', async () => {
    const ping = await app.page.evaluate(() => window.api.app.ping({ echo: 'desk' }));
    expect(ping).toMatchObject({ ok: true, data: { pong: true, echo: 'desk' } });
    const info = await app.page.evaluate(() => window.api.app.info());
    expect(info).toMatchObject({ ok: true, data: { name: 'Front Desk', runtime: 'node' } });
    await app.page.waitForSelector('#app *');
    await app.shot('00-app-shell');
  });

  it('answers wrong arguments with INVALID_INPUT naming the field', async () => {
    const res = await app.page.evaluate(() =>
      (window.api.catalog.search as (a: unknown) => Promise<unknown>)({ locationId: 'x', query: '' }),
    );
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('locationId') },
    });
  });

  it('refuses a call from a foreign origin', async () => {
    const res = await fetch(`${app.bridge.url}/__bridge/call/app.ping`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
