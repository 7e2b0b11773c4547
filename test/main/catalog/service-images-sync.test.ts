import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceSchema } from '../../../src/main/altegio/schemas';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { jpegBytes, NY, sampleSalon } from '../../support/sample-salon';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

const URL_A = 'https://app.alteg.io/uploads/setting_service_image/a.jpeg';
const URL_B = 'https://app.alteg.io/uploads/setting_service_image/b.jpeg';

describe('service images in the catalogue sync (issue 22 §5)', () => {
  it('reads image_group as the description documents it: the basic version, [] or {} for none, absent for "not said"', () => {
    const base = { id: 7, title: 'Gloss', category_id: 1 };
    const group = {
      id: 72234,
      entity: 'settings_service',
      entity_id: 389927,
      images: { basic: { id: 186791, path: URL_A, width: '372', height: '280', type: 'jpeg', image_group_id: 72234, version: 'basic' } },
    };
    expect(serviceSchema.parse({ ...base, image_group: group }).image).toEqual({ imageGroupId: 72234, url: URL_A });
    expect(serviceSchema.parse({ ...base, image_group: [] }).image).toBeNull();
    expect(serviceSchema.parse({ ...base, image_group: {} }).image).toBeNull();
    expect(serviceSchema.parse(base)).not.toHaveProperty('image');
    // An unreadable group is no photo, never a lost service.
    expect(serviceSchema.parse({ ...base, image_group: 'x' }).image).toBeNull();
  });

  it('keeps each service’s image URL, caches the picture for offline, keeps it when a list does not say, drops it when Altegio says none', async () => {
    const data = sampleSalon();
    data.images = { ...data.images, [URL_A]: jpegBytes(7), [URL_B]: jpegBytes(8) };
    const ny = data.locations.find((l) => l.company.id === NY)!;
    const [first, second] = ny.services;
    first!.image = { imageGroupId: 500, url: URL_A };
    second!.image = null;
    const api = new FakeAltegio(data);
    const t = makeTestContext({ altegio: api });
    open.push(t);
    const catalog = createCatalogDomain(t.ctx);

    await catalog.syncAll();
    const a = catalog.repo.getService(NY, first!.id)!;
    expect(a.image).toMatchObject({ remote: URL_A, imageGroupId: 500 });
    expect(a.image!.media).toMatch(new RegExp(`^services/${NY}/${first!.id}-[0-9a-f]{10}\\.jpg$`));
    expect(readFileSync(join(t.ctx.paths.media, a.image!.media!))).toEqual(Buffer.from(jpegBytes(7)));
    expect(catalog.repo.getService(NY, second!.id)!.image).toBeNull();
    expect(catalog.repo.servicePhotos(NY)).toEqual(new Map([[first!.id, a.image!.media]]));

    // A list that does not carry image_group (the documented /services/{id} example) keeps what the desk had.
    delete first!.image;
    await catalog.syncAll();
    expect(catalog.repo.getService(NY, first!.id)!.image).toEqual(a.image);

    // A new photo on Altegio: a new file; the old one is pruned.
    first!.image = { imageGroupId: 501, url: URL_B };
    await catalog.syncAll();
    const b = catalog.repo.getService(NY, first!.id)!.image!;
    expect(b).toMatchObject({ remote: URL_B, imageGroupId: 501 });
    expect(b.media).not.toBe(a.image!.media);
    expect(existsSync(join(t.ctx.paths.media, a.image!.media!))).toBe(false);

    // Altegio says none ([]): gone from the desk, file and all.
    first!.image = null;
    await catalog.syncAll();
    expect(catalog.repo.getService(NY, first!.id)!.image).toBeNull();
    expect(existsSync(join(t.ctx.paths.media, b.media!))).toBe(false);
    expect(catalog.repo.servicePhotos(NY).size).toBe(0);
  });

  it('a photo sent while a sync reads Altegio is not overwritten by the older list', async () => {
    const data = sampleSalon();
    const first = data.locations.find((l) => l.company.id === NY)!.services[0]!;
    first.image = null;
    let gate: Promise<void> | null = null;
    let reached!: () => void;
    class SlowList extends FakeAltegio {
      override async services(locationId: number) {
        const list = await super.services(locationId);
        if (gate) {
          reached();
          await gate;
        }
        return list;
      }
    }
    const api = new SlowList(data);
    const t = makeTestContext({ altegio: api });
    open.push(t);
    const catalog = createCatalogDomain(t.ctx);
    await catalog.syncAll();

    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const inList = new Promise<void>((r) => (reached = r));
    const running = catalog.syncAll();
    await inList; // the sync has Altegio's list, which says "no photo"
    const sent = { remote: URL_A, media: 'services/1050/x-0123456789.jpg', imageGroupId: 900 };
    catalog.repo.setServiceImage(NY, first.id, sent);
    release();
    await running;
    expect(catalog.repo.getService(NY, first.id)!.image).toEqual(sent);

    // The next sync, which reads Altegio after the change, takes Altegio's word again.
    gate = null;
    first.image = { imageGroupId: 900, url: URL_A };
    data.images = { ...data.images, [URL_A]: jpegBytes(7) };
    await catalog.syncAll();
    expect(catalog.repo.getService(NY, first.id)!.image).toMatchObject({ remote: URL_A, imageGroupId: 900 });
    expect(catalog.repo.getService(NY, first.id)!.image!.media).toMatch(/^services\/1050\//);
  });
});
