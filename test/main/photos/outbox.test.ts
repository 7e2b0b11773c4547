import { mkdtempSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { makeServices, type TestServices } from '../../support/services';
import { cameraJpeg, inspect } from './images';

const user = DEMO_USERS[0]!;
const NY = 410001;

describe('staff photos through the real services and the demo server', () => {
  let demo: DemoServer;
  let t: TestServices;
  let staffId: number;
  const keychainService = `front-desk-photos-${process.pid}-${Date.now()}`;

  beforeEach(async () => {
    demo = await startDemoServer();
    t = await makeServices({
      altegioBaseUrl: demo.url,
      keychainService,
      userData: mkdtempSync(join(tmpdir(), 'fd-photos-')),
    });
    await t.call('session.signIn', { environment: 'demo', login: user.login, password: user.password });
    await t.call('sync.run', { locationId: NY });
    const staff = await t.call('staff.list', { locationId: NY });
    if (!staff.ok) throw new Error('no staff');
    staffId = (staff.data as { items: { id: number }[] }).items[0]!.id;
  });
  afterEach(async () => {
    await t.services.session.signOut().catch(() => undefined);
    await t.services.close();
    await demo.close();
  });

  it('uploads a processed photo: the server gets exactly those bytes with master_id, the cache shows it', async () => {
    const res = await t.call('staff.uploadPhoto', {
      locationId: NY,
      staffId,
      bytes: new Uint8Array(await cameraJpeg()),
      fileName: 'IMG_0001.HEIC.jpg',
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'done' } });
    expect(demo.received.uploads).toHaveLength(1);
    const up = demo.received.uploads[0]!;
    expect(up.fields['master_id']).toBe(String(staffId));
    const meta = await inspect(up.bytes);
    expect([meta.width, meta.height]).toEqual([768, 1024]);
    expect(meta.exif).toBe(false);
    expect(Buffer.from(up.bytes).toString('latin1')).not.toContain('GPS');
    const list = await t.call('staff.list', { locationId: NY });
    const m = (list.ok ? (list.data as { items: { id: number; avatarUrl: string | null }[] }).items : []).find(
      (x) => x.id === staffId,
    )!;
    expect(m.avatarUrl).toBe((res.ok && (res.data as { avatarUrl: string }).avatarUrl) || 'x');
    const rel = decodeURIComponent(m.avatarUrl!.replace('app-media://media/', ''));
    expect(existsSync(join(t.userData, 'media', rel))).toBe(true);
  });

  it('offline: queued as pending, survives a restart, sent exactly once when the server is back', async () => {
    await demo.stop();
    const res = await t.call('staff.uploadPhoto', {
      locationId: NY,
      staffId,
      bytes: new Uint8Array(await cameraJpeg()),
      fileName: 'a.jpg',
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'queued' } });
    expect(await t.call('outbox.list')).toMatchObject({
      ok: true,
      data: [{ kind: 'upload-photo', subject: 'staff', subjectId: staffId, state: 'pending' }],
    });
    const staff = await t.call('staff.list', { locationId: NY });
    expect(JSON.stringify(staff)).toContain('"photoPending":"upload"');

    // A new set of services on the same data folder: the item is still there.
    await t.services.close();
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService, userData: t.userData });
    await t.services.start();
    // Still queued (being retried against the server that is still down).
    expect(await t.call('outbox.list')).toMatchObject({
      ok: true,
      data: [{ kind: 'upload-photo', state: expect.stringMatching(/pending|sending/) }],
    });
    expect(demo.received.uploads).toHaveLength(0);

    await demo.restart();
    t.services.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    for (let i = 0; i < 50 && demo.received.uploads.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 200));
    t.services.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 200));
    expect(demo.received.uploads).toHaveLength(1);
    expect(await t.call('outbox.list')).toEqual({ ok: true, data: [] });
    const after = await t.call('staff.list', { locationId: NY });
    const m = (
      after.ok ? (after.data as { items: { id: number; avatarUrl: string | null; photoPending: unknown }[] }).items : []
    ).find((x) => x.id === staffId)!;
    expect(m.photoPending).toBeNull();
    expect(m.avatarUrl).toMatch(/^app-media:\/\/media\/staff/);
  });

  it('a lost answer (Altegio stored the upload, the connection dropped) does not make a second image group', async () => {
    demo.faults.set({ mode: 'dropAfterAccept', match: '/images/master', times: 1 });
    const res = await t.call('staff.uploadPhoto', {
      locationId: NY,
      staffId,
      bytes: new Uint8Array(await cameraJpeg()),
      fileName: 'a.jpg',
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'queued' } });
    expect(demo.received.uploads).toHaveLength(1);
    const stored = demo.received.uploads[0]!.imageGroupId;

    await t.call('outbox.retry', { id: (res.ok && (res.data as { outboxId: number }).outboxId) || 0 });
    for (let i = 0; i < 50; i++) {
      const list = await t.call('outbox.list');
      if (list.ok && (list.data as unknown[]).length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await t.call('outbox.list')).toEqual({ ok: true, data: [] });
    expect(demo.received.uploads).toHaveLength(1);
    const member = demo.dataset.locations.flatMap((l) => l.staff).find((m) => m.id === staffId)!;
    expect(member.photo?.imageGroupId).toBe(stored);
  });

  it('a 403 on a queued photo stays in the outbox "needs a manager" with the desk’s sentence, not failed (issue 22 Rights)', async () => {
    await demo.stop();
    await t.call('staff.uploadPhoto', {
      locationId: NY,
      staffId,
      bytes: new Uint8Array(await cameraJpeg()),
      fileName: 'a.jpg',
    });
    await demo.restart();
    demo.faults.set({ mode: 'forbiddenLicense', match: '/images' });
    t.services.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    let list: unknown;
    for (let i = 0; i < 50; i++) {
      list = await t.call('outbox.list');
      if (JSON.stringify(list).includes('"needs-manager"')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(list).toMatchObject({
      ok: true,
      data: [
        {
          subject: 'staff',
          state: 'needs-manager',
          nextAttemptAt: null,
          lastError: { code: 'FORBIDDEN', message: expect.stringMatching(/manager/) },
        },
      ],
    });
    const id = (list as { data: { id: number }[] }).data[0]!.id;
    // Once allowed again (the rights or the licence fixed), Retry sends it.
    demo.faults.clear();
    expect(await t.call('outbox.retry', { id })).toEqual({ ok: true, data: null });
    for (let i = 0; i < 50; i++) {
      const l = await t.call('outbox.list');
      if (l.ok && (l.data as unknown[]).length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await t.call('outbox.list')).toEqual({ ok: true, data: [] });
    expect(demo.received.uploads).toHaveLength(1);
  });

  it('removes a photo; a HEIC upload never reaches the server', async () => {
    await t.call('staff.uploadPhoto', {
      locationId: NY,
      staffId,
      bytes: new Uint8Array(await cameraJpeg()),
      fileName: 'a.jpg',
    });
    expect(await t.call('staff.removePhoto', { locationId: NY, staffId })).toMatchObject({
      ok: true,
      data: { status: 'done' },
    });
    expect(demo.received.deletes).toHaveLength(1);
    const heic = Buffer.alloc(64);
    heic.write('ftypheic', 4, 'ascii');
    const res = await t.call('staff.uploadPhoto', {
      locationId: NY,
      staffId,
      bytes: new Uint8Array(heic),
      fileName: 'x.heic',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/HEIC/) } });
    expect(demo.received.uploads).toHaveLength(1);
  });
});
