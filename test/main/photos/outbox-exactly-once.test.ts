import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AltegioApi, StaffMemberRaw } from '../../../src/main/altegio/types';
import { recordRights } from '../../../src/main/services/catalog/location-rights';
import { createPhotosDomain, type PhotosDomain, type PhotoStore, type StoredPhoto } from '../../../src/main/services/photos';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { solid } from './images';

const LOC = 5;
const STAFF = 42;
const OLD_GROUP = 700;

type Subject = 'staff' | 'service';
const offline = () => new AppError('OFFLINE', 'Altegio cannot be reached.');

/**
 * Altegio as far as photos go, for a team member (POST /images/master, read back through the team list)
 * or a service (POST /images/service, read back as the one service): counts uploads, can lose the answer
 * after storing, can be offline, can refuse (403).
 */
class FakeAltegio {
  uploads: Uint8Array[] = [];
  /** Where each upload was bound: 'master 42' or 'service 5/42'. */
  boundTo: string[] = [];
  /** Each subject's image group on Altegio, by binding. */
  groups = new Map<string, number | null>();
  /** The last image group Altegio made. */
  imageGroupId: number | null = OLD_GROUP;
  offline = false;
  forbidden = false;
  /** Store the upload, then fail as a dropped connection would. */
  loseNextAnswer = false;
  /** Holds every upload until released (to send parallel flushes into one request). */
  gate: Promise<void> | null = null;
  private next = 900;

  /** Every upload request that reached Altegio, refused ones too. */
  requests = 0;

  private async store(jpeg: Uint8Array, bound: string) {
    if (this.offline) throw offline();
    this.requests++;
    if (this.forbidden) throw new AppError('FORBIDDEN', 'Not enough rights.');
    if (this.gate) await this.gate;
    this.uploads.push(jpeg);
    this.boundTo.push(bound);
    this.imageGroupId = this.next++;
    this.groups.set(bound, this.imageGroupId);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw offline();
    }
    return {
      imageGroupId: this.imageGroupId,
      bound: true,
      images: { origin: { path: `https://x/${this.imageGroupId}.jpg`, width: 300, height: 300 } },
    };
  }

  private groupOf(bound: string): number | null {
    return this.groups.has(bound) ? this.groups.get(bound)! : OLD_GROUP;
  }

  api(): AltegioApi {
    return {
      uploadStaffPhoto: ({ staffId, jpeg }: { staffId: number; jpeg: Uint8Array }) =>
        this.store(jpeg, `master ${staffId}`),
      uploadServicePhoto: ({ locationId, serviceId, jpeg }: { locationId: number; serviceId: number; jpeg: Uint8Array }) =>
        this.store(jpeg, `service ${locationId}/${serviceId}`),
      staff: async (): Promise<StaffMemberRaw[]> => {
        if (this.offline) throw offline();
        const group = this.groupOf(`master ${STAFF}`);
        return [
          {
            id: STAFF,
            name: 'Anna Kowalska',
            specialization: null,
            position: null,
            avatar: group ? `https://x/${group}-sm.jpg` : null,
            avatarBig: group ? `https://x/${group}.jpg` : null,
            imageGroupId: group,
            weight: 0,
            fired: false,
            hidden: false,
            deleted: false,
          },
        ];
      },
      // Altegio's null is "no photo"; a service that is gone is a 404 (NOT_FOUND).
      serviceCopy: async (_l: number, serviceId: number) => {
        if (this.offline) throw offline();
        if (serviceId !== STAFF) throw new AppError('NOT_FOUND', 'Service not found.');
        const group = this.groupOf(`service ${LOC}/${STAFF}`);
        return {
          id: STAFF,
          image_group: group ? { id: group, images: { basic: { path: `https://x/${group}.jpg` } } } : [],
        };
      },
      deleteImage: async () => undefined,
    } as unknown as AltegioApi;
  }
}

/** The catalogue's side of one subject (a member or a service with id 42). */
class FakeHolder implements PhotoStore {
  avatar: StoredPhoto = { media: null, remote: null, imageGroupId: OLD_GROUP };
  get() {
    return { id: STAFF, name: 'Anna Kowalska', imageGroupId: this.avatar.imageGroupId };
  }
  set(_l: number, _s: number, a: StoredPhoto) {
    this.avatar = a;
  }
}

const staffDeps = (h: FakeHolder) => ({
  staff: { getStaffMember: () => h.get(), setStaffAvatar: (l: number, s: number, a: StoredPhoto) => h.set(l, s, a) },
});

/** The same store serves whichever subject is under test; the other one is empty. */
function depsFor(subject: Subject, h: FakeHolder) {
  const none = new FakeHolder();
  none.get = () => null as never;
  return subject === 'staff' ? { ...staffDeps(h), services: none } : { ...staffDeps(none), services: h };
}

const BOUND: Record<Subject, string> = { staff: `master ${STAFF}`, service: `service ${LOC}/${STAFF}` };
const DIR: Record<Subject, string> = { staff: 'staff', service: 'services' };

async function uploadOf(p: PhotosDomain, subject: Subject) {
  const bytes = new Uint8Array(await solid(300, 300, 'jpeg'));
  return subject === 'staff'
    ? p.handlers['staff.uploadPhoto']({ locationId: LOC, staffId: STAFF, bytes, fileName: 'anna.jpg' })
    : p.handlers['service.uploadPhoto']({ locationId: LOC, serviceId: STAFF, bytes, fileName: 'anna.jpg' });
}

describe.each<Subject>(['staff', 'service'])('photo outbox (%s): exactly once as far as Altegio allows (issue 16.4, 22 §5)', (subject) => {
  let t: TestContext;
  let photos: PhotosDomain | null = null;
  afterEach(() => {
    photos?.close?.();
    photos = null;
    t?.close();
  });

  function open(fake: FakeAltegio, holder: FakeHolder, dir?: string): PhotosDomain {
    t = makeTestContext({ altegio: fake.api(), ...(dir ? { dir } : {}) });
    photos = createPhotosDomain(t.ctx, { ...depsFor(subject, holder), tickMs: 3_600_000 });
    return photos;
  }
  const upload = (p: PhotosDomain) => uploadOf(p, subject);

  it('uploads once, bound to its subject, and keeps a local copy in the subject’s folder', async () => {
    const fake = new FakeAltegio();
    const holder = new FakeHolder();
    t = makeTestContext({ altegio: fake.api() });
    const audit: string[] = [];
    photos = createPhotosDomain(t.ctx, {
      ...depsFor(subject, holder),
      audit: (action, detail, who) => audit.push(`${action} ${detail} by ${who.name}`),
      tickMs: 3_600_000,
    });
    const p = photos;
    expect(await upload(p)).toMatchObject({ status: 'done' });
    expect(fake.boundTo).toEqual([BOUND[subject]]);
    expect(holder.avatar.media).toMatch(new RegExp(`^${DIR[subject]}/5/42-`));
    expect(p.pendingPhotos(LOC, subject).size).toBe(0);
    // A service's photo is a change to the menu, audited by its domain; a member's goes through auditCalls.
    expect(audit).toEqual(
      subject === 'service'
        ? [
            'catalogue service photo “Anna Kowalska” · location 5 · queued by Test Receptionist',
            'catalogue service photo “Anna Kowalska” · location 5 · sent by Test Receptionist',
          ]
        : [],
    );
  });

  it('a lost answer is confirmed against Altegio, not uploaded again', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeHolder();
    const p = open(fake, staff);
    fake.loseNextAnswer = true;
    expect(await upload(p)).toMatchObject({ status: 'queued' });
    expect(fake.uploads).toHaveLength(1);
    expect(p.pendingPhotos(LOC, subject)).toEqual(new Map([[STAFF, 'upload']]));
    expect(p.handlers['outbox.list'](undefined)).toEqual([]); // no rights recorded: the list shows nothing

    t.clock.advance(60_000);
    await p.flush();
    expect(fake.uploads).toHaveLength(1); // no second image group
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(staff.avatar).toMatchObject({
      imageGroupId: fake.imageGroupId,
      remote: `https://x/${fake.imageGroupId}.jpg`,
    });
    expect(staff.avatar.media).toMatch(new RegExp(`^${DIR[subject]}/5/42-`));
  });

  it('after a crash between "sending" and "sent" the item is confirmed, not sent twice', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeHolder();
    let p = open(fake, staff);
    fake.offline = true;
    expect(await upload(p)).toMatchObject({ status: 'queued' });
    expect(fake.uploads).toHaveLength(0);
    // The app died while the request was out, after Altegio stored it: the row still says 'sending'.
    fake.offline = false;
    const api = fake.api();
    await (subject === 'staff'
      ? api.uploadStaffPhoto({ staffId: STAFF, jpeg: new Uint8Array([1]), fileName: 'x.jpg' })
      : api.uploadServicePhoto({ locationId: LOC, serviceId: STAFF, jpeg: new Uint8Array([1]), fileName: 'x.jpg' }));
    t.db.prepare(`UPDATE outbox SET state = 'sending'`).run();
    p.close?.();
    const dir = t.dir;
    t.close({ keep: true });

    p = open(fake, staff, dir);
    t.clock.advance(60_000);
    await p.flush();
    expect(fake.uploads).toHaveLength(1);
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(staff.avatar.imageGroupId).toBe(fake.imageGroupId);
  });

  it('after a crash before the request left, the confirmation finds the old photo and sends it once', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeHolder();
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
    expect(fake.boundTo).toEqual([BOUND[subject]]);
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });

  it('a subject that had no photo: after a crash the confirmation finds none and sends it once', async () => {
    const fake = new FakeAltegio();
    fake.groups.set(BOUND[subject], null);
    const holder = new FakeHolder();
    holder.avatar.imageGroupId = null;
    let p = open(fake, holder);
    fake.offline = true;
    await upload(p);
    t.db.prepare(`UPDATE outbox SET state = 'sending'`).run();
    p.close?.();
    const dir = t.dir;
    t.close({ keep: true });

    fake.offline = false;
    p = open(fake, holder, dir);
    t.clock.advance(60_000);
    await p.flush();
    expect(fake.uploads).toHaveLength(1);
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(holder.avatar.imageGroupId).toBe(fake.imageGroupId);
  });

  it('parallel flushes (timer, back online, a retry) send a queued photo once', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeHolder();
    const p = open(fake, staff);
    fake.offline = true;
    await upload(p);
    fake.offline = false;
    let release!: () => void;
    fake.gate = new Promise((r) => (release = r));
    t.clock.advance(60_000);
    const runs = [p.flush(), p.flush(), p.flush()];
    t.ctx.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    runs.push(p.flush());
    release();
    await Promise.all(runs);
    await p.flush();
    expect(fake.uploads).toHaveLength(1);
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });

  it('a 403 (direct or queued) keeps the change "needs a manager", never sent again on its own; parallel Retry presses send it once', async () => {
    const fake = new FakeAltegio();
    const holder = new FakeHolder();
    const p = open(fake, holder);
    const rows = () => t.db.prepare('SELECT state, last_error_code, last_error_message FROM outbox').all();
    // The queue shows, cancels and retries only the signed-in person's locations.
    recordRights(t.ctx.settings, t.ctx.currentUser()!, [LOC]);
    fake.forbidden = true;
    const res = await upload(p);
    expect(res).toMatchObject({ status: 'needs-manager', outboxId: expect.any(Number) });
    expect(rows()).toEqual([
      { state: 'needs-manager', last_error_code: 'FORBIDDEN', last_error_message: expect.stringMatching(/manager/) },
    ]);
    // Ticks, a return of the network and a new session do not send it again.
    t.clock.advance(3_600_000);
    t.ctx.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    await Promise.all([p.flush(), p.flush()]);
    p.onSession?.(true);
    await p.flush();
    expect(fake.requests).toBe(1);
    expect(rows()).toMatchObject([{ state: 'needs-manager' }]);

    // Queued offline, refused when sent: the same.
    p.handlers['outbox.cancel']({ id: res.outboxId! });
    fake.forbidden = false;
    fake.offline = true;
    const queued = await upload(p);
    expect(queued).toMatchObject({ status: 'queued' });
    fake.offline = false;
    fake.forbidden = true;
    t.clock.advance(60_000);
    await p.flush();
    expect(rows()).toMatchObject([{ state: 'needs-manager', last_error_code: 'FORBIDDEN' }]);
    expect(fake.uploads).toHaveLength(0);

    // Someone with the rights presses Retry, twice, while a flush runs: one upload.
    fake.forbidden = false;
    const press = async () => p.handlers['outbox.retry']({ id: queued.outboxId! });
    const presses = await Promise.allSettled([press(), press(), p.flush()]);
    expect(presses.filter((x) => x.status === 'fulfilled').length).toBeGreaterThanOrEqual(2);
    await p.flush();
    expect(fake.uploads).toHaveLength(1);
    expect(fake.boundTo).toEqual([BOUND[subject]]);
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });

  it('a local copy that cannot be saved (disk full) after Altegio accepted the upload is not a failed upload', async () => {
    const fake = new FakeAltegio();
    const staff = new FakeHolder();
    const p = open(fake, staff);
    // The media folder cannot be created: writing the local copy throws, as on a full disk.
    writeFileSync(join(t.dir, 'blocker'), 'x');
    t.ctx.paths.media = join(t.dir, 'blocker', 'media');

    const res = await upload(p);
    expect(res).toMatchObject({ status: 'done' });
    expect(fake.uploads).toHaveLength(1);
    expect(p.handlers['outbox.list'](undefined)).toEqual([]);
    // The subject points at Altegio's copy; the next sync downloads it.
    expect(staff.avatar).toMatchObject({ media: null, imageGroupId: fake.imageGroupId });

    // Retrying by hand does not happen because nothing is left to retry; a flush sends nothing.
    await p.flush();
    expect(fake.uploads).toHaveLength(1);
  });
});

describe('photo outbox: a member and a service with the same id are separate items (issue 22 §5)', () => {
  let t: TestContext;
  let photos: PhotosDomain | null = null;
  afterEach(() => {
    photos?.close?.();
    t?.close();
  });

  it('queuing a service photo does not replace the member’s queued photo', async () => {
    const fake = new FakeAltegio();
    const member = new FakeHolder();
    const service = new FakeHolder();
    t = makeTestContext({ altegio: fake.api() });
    photos = createPhotosDomain(t.ctx, { ...staffDeps(member), services: service, tickMs: 3_600_000 });
    fake.offline = true;
    await uploadOf(photos, 'staff');
    await uploadOf(photos, 'service');
    expect(t.db.prepare('SELECT subject, subject_id FROM outbox ORDER BY id').all()).toEqual([
      { subject: 'staff', subject_id: STAFF },
      { subject: 'service', subject_id: STAFF },
    ]);
    fake.offline = false;
    t.clock.advance(60_000);
    await photos.flush();
    expect([...fake.boundTo].sort()).toEqual([BOUND.service, BOUND.staff].sort());
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
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
    const staff = new FakeHolder();
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
    photos = createPhotosDomain(t.ctx, { ...staffDeps(staff), tickMs: 3_600_000 });
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
