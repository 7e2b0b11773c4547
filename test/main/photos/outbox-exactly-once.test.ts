import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AltegioApi, StaffMemberRaw } from '../../../src/main/altegio/types';
import { recordRights } from '../../../src/main/services/catalog/location-rights';
import { createPhotosDomain, type PhotosDomain, type StaffAvatarStore } from '../../../src/main/services/photos';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { solid } from './images';

const LOC = 5;
const STAFF = 42;
const OLD_GROUP = 700;

/** Altegio as far as photos go: counts uploads, can lose the answer after storing, can be offline. */
class FakeAltegio {
  uploads: Uint8Array[] = [];
  imageGroupId: number | null = OLD_GROUP;
  offline = false;
  /** Store the upload, then fail as a dropped connection would. */
  loseNextAnswer = false;
  private next = 900;

  api(): AltegioApi {
    return {
      uploadStaffPhoto: async ({ jpeg }: { jpeg: Uint8Array }) => {
        if (this.offline) throw new AppError('OFFLINE', 'Altegio cannot be reached.');
        this.uploads.push(jpeg);
        this.imageGroupId = this.next++;
        if (this.loseNextAnswer) {
          this.loseNextAnswer = false;
          throw new AppError('OFFLINE', 'Altegio cannot be reached.');
        }
        return {
          imageGroupId: this.imageGroupId,
          bound: true,
          images: { origin: { path: `https://x/${this.imageGroupId}.jpg`, width: 300, height: 300 } },
        };
      },
      staff: async (): Promise<StaffMemberRaw[]> => {
        if (this.offline) throw new AppError('OFFLINE', 'Altegio cannot be reached.');
        return [
          {
            id: STAFF,
            name: 'Anna Kowalska',
            specialization: null,
            position: null,
            avatar: this.imageGroupId ? `https://x/${this.imageGroupId}-sm.jpg` : null,
            avatarBig: this.imageGroupId ? `https://x/${this.imageGroupId}.jpg` : null,
            imageGroupId: this.imageGroupId,
            weight: 0,
            fired: false,
            hidden: false,
            deleted: false,
          },
        ];
      },
      deleteImage: async () => undefined,
    } as unknown as AltegioApi;
  }
}

class FakeStaff implements StaffAvatarStore {
  avatar: { media: string | null; remote: string | null; imageGroupId: number | null } = {
    media: null,
    remote: null,
    imageGroupId: OLD_GROUP,
  };
  getStaffMember() {
    return { id: STAFF, name: 'Anna Kowalska', imageGroupId: this.avatar.imageGroupId };
  }
  setStaffAvatar(_l: number, _s: number, a: typeof this.avatar) {
    this.avatar = a;
  }
}

describe('photo outbox: exactly once as far as Altegio allows (issue 16.4)', () => {
  let t: TestContext;
  let photos: PhotosDomain | null = null;
  afterEach(() => {
    photos?.close?.();
    photos = null;
    t?.close();
  });

  function open(fake: FakeAltegio, staff: FakeStaff, dir?: string): PhotosDomain {
    t = makeTestContext({ altegio: fake.api(), ...(dir ? { dir } : {}) });
    photos = createPhotosDomain(t.ctx, { staff, tickMs: 3_600_000 });
    return photos;
  }
  const upload = async (p: PhotosDomain) =>
    p.handlers['staff.uploadPhoto']({
      locationId: LOC,
      staffId: STAFF,
      bytes: new Uint8Array(await solid(300, 300, 'jpeg')),
      fileName: 'anna.jpg',
    });

  it('a lost answer is confirmed against Altegio, not uploaded again', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeStaff();
    const p = open(fake, staff);
    fake.loseNextAnswer = true;
    expect(await upload(p)).toMatchObject({ status: 'queued' });
    expect(fake.uploads).toHaveLength(1);

    t.clock.advance(60_000);
    await p.flush();
    expect(fake.uploads).toHaveLength(1); // no second image group
    expect(p.handlers['outbox.list'](undefined)).toEqual([]);
    expect(staff.avatar).toMatchObject({
      imageGroupId: fake.imageGroupId,
      remote: `https://x/${fake.imageGroupId}.jpg`,
    });
    expect(staff.avatar.media).toMatch(/^staff\/5\/42-/);
  });

  it('after a crash between "sending" and "sent" the item is confirmed, not sent twice', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeStaff();
    let p = open(fake, staff);
    fake.offline = true;
    expect(await upload(p)).toMatchObject({ status: 'queued' });
    expect(fake.uploads).toHaveLength(0);
    // The app died while the request was out, after Altegio stored it: the row still says 'sending'.
    fake.offline = false;
    await fake.api().uploadStaffPhoto({ staffId: STAFF, jpeg: new Uint8Array([1]), fileName: 'x.jpg' });
    t.db.prepare(`UPDATE outbox SET state = 'sending'`).run();
    p.close?.();
    const dir = t.dir;
    t.close({ keep: true });

    p = open(fake, staff, dir);
    t.clock.advance(60_000);
    await p.flush();
    expect(fake.uploads).toHaveLength(1);
    expect(p.handlers['outbox.list'](undefined)).toEqual([]);
    expect(staff.avatar.imageGroupId).toBe(fake.imageGroupId);
  });

  it('after a crash before the request left, the confirmation finds the old photo and sends it once', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeStaff();
    let p = open(fake, staff);
    fake.offline = true;
    await upload(p);
    t.db.prepare(`UPDATE outbox SET state = 'sending'`).run();
    p.close?.();
    const dir = t.dir;
    t.close({ keep: true });

    fake.offline = false;
    p = open(fake, staff, dir);
    t.clock.advance(60_000);
    await p.flush();
    await p.flush();
    expect(fake.uploads).toHaveLength(1);
    expect(p.handlers['outbox.list'](undefined)).toEqual([]);
  });

  it('a local copy that cannot be saved (disk full) after Altegio accepted the upload is not a failed upload', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeStaff();
    const p = open(fake, staff);
    // The media folder cannot be created: writing the local copy throws, as on a full disk.
    writeFileSync(join(t.dir, 'blocker'), 'x');
    t.ctx.paths.media = join(t.dir, 'blocker', 'media');

    const res = await upload(p);
    expect(res).toMatchObject({ status: 'done' });
    expect(fake.uploads).toHaveLength(1);
    expect(p.handlers['outbox.list'](undefined)).toEqual([]);
    // The member points at Altegio's copy; the next sync downloads it.
    expect(staff.avatar).toMatchObject({ media: null, imageGroupId: fake.imageGroupId });

    // Retrying by hand does not happen because nothing is left to retry; a flush sends nothing.
    await p.flush();
    expect(fake.uploads).toHaveLength(1);
  });
});

describe('photo outbox: sent only under the user who queued it (issue 10.10)', () => {
  let t: TestContext;
  let photos: PhotosDomain | null = null;
  afterEach(() => {
    photos?.close?.();
    t?.close();
  });

  it('another user’s item stays queued and says whom it waits for; it goes out when they sign in again', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeStaff();
    t = makeTestContext({ altegio: fake.api() });
    let user: { env: string; userId: number; name: string } | null = { env: 'demo', userId: 1, name: 'Maria' };
    t.ctx.currentUser = () => user;
    // Both have the location in Altegio (the queue shows only the signed-in person's locations).
    for (const [env, userId] of [
      ['demo', 1],
      ['demo', 2],
      ['altegio', 1],
    ] as const) {
      recordRights(t.ctx.settings, { env, userId }, [LOC]);
    }
    photos = createPhotosDomain(t.ctx, { staff, tickMs: 3_600_000 });
    fake.offline = true;
    const res = await photos.handlers['staff.uploadPhoto']({
      locationId: LOC,
      staffId: STAFF,
      bytes: new Uint8Array(await solid(300, 300, 'jpeg')),
      fileName: 'a.jpg',
    });
    expect(res).toMatchObject({ status: 'queued' });
    expect(photos.handlers['outbox.list'](undefined)).toMatchObject([{ queuedBy: 'Maria', waitingFor: null }]);

    // Maria signs out; nobody is signed in: nothing is sent, the item waits for her.
    user = null;
    photos.onSession?.(false);
    fake.offline = false;
    t.clock.advance(60_000);
    await photos.flush();
    expect(fake.uploads).toHaveLength(0);
    // Signed out, the queue is nobody's to read (issue 21); it is still there, waiting for her.
    expect(photos.handlers['outbox.list'](undefined)).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);

    // Olga signs in on the same desk: Maria's photo is not sent under Olga's account.
    user = { env: 'demo', userId: 2, name: 'Olga' };
    photos.onSession?.(true);
    await photos.flush();
    expect(fake.uploads).toHaveLength(0);
    expect(photos.handlers['outbox.list'](undefined)).toMatchObject([{ state: 'pending', waitingFor: 'Maria' }]);
    // The same user id in another environment is another person.
    user = { env: 'altegio', userId: 1, name: 'Maria A.' };
    photos.onSession?.(true);
    await photos.flush();
    expect(fake.uploads).toHaveLength(0);

    user = { env: 'demo', userId: 1, name: 'Maria' };
    photos.onSession?.(true);
    await photos.flush();
    expect(fake.uploads).toHaveLength(1);
    expect(photos.handlers['outbox.list'](undefined)).toEqual([]);
  });
});
