import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogDomain } from '../../../src/main/services/catalog';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { AVATAR_JOHN, jpegBytes, NY, sampleSalon } from '../../support/sample-salon';

const open: TestContext[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

const JOHN = 2940951;
const DENIS = 34006;
const SENT_URL = 'https://assets.alteg.io/masters/origin/john-new.jpg';

/** The same race the service photos had (service-images-sync.test.ts), for the team's photos (issue 22 §5). */
describe('team photos in the catalogue sync', () => {
  it('a photo sent or removed while a sync reads Altegio’s team list is not overwritten by the older list', async () => {
    const data = sampleSalon();
    let gate: Promise<void> | null = null;
    let reached!: () => void;
    class SlowTeam extends FakeAltegio {
      override async staff(locationId: number) {
        const list = await super.staff(locationId);
        if (gate) {
          reached();
          await gate;
        }
        return list;
      }
    }
    const t = makeTestContext({ altegio: new SlowTeam(data) });
    open.push(t);
    const catalog = createCatalogDomain(t.ctx);
    await catalog.syncAll();
    expect(catalog.repo.getStaffMember(NY, JOHN)).toMatchObject({ avatarRemote: AVATAR_JOHN, imageGroupId: 7001 });
    expect(catalog.repo.getStaffMember(NY, DENIS)?.avatarMedia).not.toBeNull();

    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const inList = new Promise<void>((r) => (reached = r));
    const running = catalog.syncAll();
    await inList; // the sync has Altegio's team list, with John's old photo and Denis's photo
    // Meanwhile the photo outbox finishes: John's new photo is on Altegio and saved here; Denis's is removed.
    const sent = { media: `staff/${NY}/${JOHN}-0123456789.jpg`, remote: SENT_URL, imageGroupId: 900 };
    mkdirSync(dirname(join(t.ctx.paths.media, sent.media)), { recursive: true });
    writeFileSync(join(t.ctx.paths.media, sent.media), jpegBytes(9));
    catalog.repo.setStaffAvatar(NY, JOHN, sent);
    catalog.repo.setStaffAvatar(NY, DENIS, { media: null, remote: null, imageGroupId: null });
    release();
    await running;
    expect(catalog.repo.getStaffMember(NY, JOHN)).toMatchObject({
      avatarMedia: sent.media,
      avatarRemote: SENT_URL,
      imageGroupId: 900,
    });
    expect(existsSync(join(t.ctx.paths.media, sent.media))).toBe(true);
    expect(catalog.repo.getStaffMember(NY, DENIS)).toMatchObject({ avatarMedia: null, avatarRemote: null });

    // The next sync reads Altegio after the change: Altegio's word again.
    gate = null;
    const john = data.locations.find((l) => l.company.id === NY)!.staff.find((m) => m.id === JOHN)!;
    Object.assign(john, { avatar: SENT_URL, avatarBig: SENT_URL, imageGroupId: 900 });
    data.images = { ...data.images, [SENT_URL]: jpegBytes(9) };
    await catalog.syncAll();
    expect(catalog.repo.getStaffMember(NY, JOHN)).toMatchObject({ avatarRemote: SENT_URL, imageGroupId: 900 });
    expect(catalog.repo.getStaffMember(NY, JOHN)!.avatarMedia).toMatch(new RegExp(`^staff/${NY}/${JOHN}-`));
    // Denis was not removed on this fake Altegio: its list brings his photo back.
    expect(catalog.repo.getStaffMember(NY, DENIS)!.avatarMedia).not.toBeNull();
  });
});
