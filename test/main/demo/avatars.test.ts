import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { makeTestContext } from '../../support/context';

/** Counts every request for the wasm libvips instance, while still handing out the real one. */
const vipsAsked = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/main/services/photos/vips', async (original) => {
  const real = await original<typeof import('../../../src/main/services/photos/vips')>();
  return {
    ...real,
    vips: () => {
      vipsAsked.count++;
      return real.vips();
    },
  };
});

const ANNA = DEMO_USERS[0]!;
let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

describe('demo avatars at first start (issue 20, item 10)', () => {
  it('a first sync of the demo draws and caches every portrait without loading wasm-vips', async () => {
    const t = makeTestContext();
    try {
      t.setAltegio(
        createAltegioClient({
          baseUrl: demo.url,
          vendor: 'altegio',
          credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: ANNA.userToken }),
          retries: 0,
          timeoutMs: 5_000,
          limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
        }),
      );
      const catalog = createCatalogDomain(t.ctx);
      const states = await catalog.syncAll();
      expect(states.every((s) => s.lastError === null)).toBe(true);

      const loc = demo.dataset.locations[0]!;
      const staff = (await catalog.handlers['staff.list']({ locationId: loc.company.id })).items;
      const withPhoto = staff.filter((m) => m.avatarUrl !== null);
      expect(withPhoto.length).toBeGreaterThan(0);
      for (const m of withPhoto) {
        const rel = catalog.repo.getStaffMember(loc.company.id, m.id)!.avatarMedia!;
        const jpeg = decodeJpeg(readFileSync(join(t.ctx.paths.media, rel)), { useTArray: true });
        expect(jpeg.width).toBeGreaterThan(0);
      }
      expect(vipsAsked.count).toBe(0);
    } finally {
      t.close();
    }
  });

  it('portraits are real JPEGs of the advertised size in the member colour; default pictures are PNGs', async () => {
    const member = demo.dataset.locations[0]!.staff.find((m) => m.photo)!;
    for (const version of ['sm', 'norm', 'origin'] as const) {
      const res = await fetch(new URL(member.photo!.paths[version], demo.url).href);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      const img = decodeJpeg(new Uint8Array(await res.arrayBuffer()), { useTArray: true });
      expect({ width: img.width, height: img.height }).toEqual(member.photo!.sizes[version]);
      // A corner pixel is the member's colour (within JPEG's error); the figure's head is lighter.
      const hex = [1, 3, 5].map((i) => parseInt(member.color.slice(i, i + 2), 16));
      for (let c = 0; c < 3; c++) expect(Math.abs(img.data[c]! - hex[c]!)).toBeLessThan(12);
      const head = (Math.round(img.height * 0.4) * img.width + Math.round(img.width / 2)) * 4;
      expect(img.data[head]!).toBeGreaterThan(img.data[0]!);
    }
    const png = await fetch(new URL('/images/no-master-sm.png', demo.url).href);
    expect(png.headers.get('content-type')).toBe('image/png');
    const decoded = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    expect([decoded.width, decoded.height]).toEqual([100, 100]);
    expect(vipsAsked.count).toBe(0);
  });
});
