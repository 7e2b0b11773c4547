import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchPage, ServiceDetail } from '../../../src/shared/domain/catalog';
import { DEMO_USERS, startDemoServer, type DemoServer } from '../../support/demo';
import { makeServices, type TestServices } from '../../support/services';
import { cameraJpeg, inspect } from './images';

const MANAGER = DEMO_USERS.find((u) => u.login === 'demo@frontdesk.app')!;
const DESK = DEMO_USERS.find((u) => u.login === 'desk@frontdesk.app')!;
const NY = 410001;

/** Service photos (issue 22 §5) through the real services, router and SQLite, against the demo server. */
describe('service photos through the real services and the demo server', { timeout: 90_000 }, () => {
  let demo: DemoServer;
  let t: TestServices;
  let serviceId: number;
  const keychainService = `front-desk-svcphotos-${process.pid}-${Date.now()}`;

  async function signIn(user: typeof MANAGER) {
    t = await makeServices({
      altegioBaseUrl: demo.url,
      keychainService,
      userData: mkdtempSync(join(tmpdir(), 'fd-svcphotos-')),
    });
    await t.call('session.signIn', { environment: 'demo', login: user.login, password: user.password });
    await t.call('sync.run', { locationId: NY });
    await t.call('manage.rights', { locationId: NY });
  }
  const detail = async () => {
    const r = await t.call('catalog.service', { locationId: NY, id: serviceId });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.data as ServiceDetail;
  };
  const upload = async () =>
    t.call('service.uploadPhoto', {
      locationId: NY,
      serviceId,
      bytes: new Uint8Array(await cameraJpeg()),
      fileName: 'IMG_0002.jpg',
    });
  const mediaFile = (url: string) => join(t.userData, 'media', decodeURIComponent(url.replace('app-media://media/', '')));

  beforeEach(async () => {
    demo = await startDemoServer();
    serviceId = demo.dataset.locations.find((l) => l.company.id === NY)!.services[0]!.id;
  });
  afterEach(async () => {
    await t?.services.session.signOut().catch(() => undefined);
    await t?.services.close();
    await demo.close();
  });

  it('a manager’s photo is bound to the service (company_id + service_id), stripped, and shown offline', async () => {
    await signIn(MANAGER);
    expect((await detail()).photo).toEqual({ url: null, hasPhoto: false, pending: null });
    const res = await upload();
    expect(res).toMatchObject({ ok: true, data: { status: 'done' } });
    expect(demo.received.uploads).toHaveLength(1);
    const up = demo.received.uploads[0]!;
    expect(up.entity).toBe('service');
    expect(up.fields).toMatchObject({ company_id: String(NY), service_id: String(serviceId) });
    expect((await inspect(up.bytes)).exif).toBe(false);

    const d = await detail();
    expect(d.photo).toMatchObject({ hasPhoto: true, pending: null, url: expect.stringMatching(/^app-media:\/\/media\/services\/410001\//) });
    expect(existsSync(mediaFile(d.photo!.url!))).toBe(true);
    const page = await t.call('catalog.search', { locationId: NY, query: '' });
    const hits = (page.ok ? (page.data as SearchPage) : null)!;
    expect(hits.withPhotos).toBe(true);
    expect(hits.items.find((h) => h.id === serviceId)?.photoUrl).toBe(d.photo!.url);
    expect(hits.items.filter((h) => h.photoUrl).length).toBe(1);
  });

  it('the sync keeps each service’s image from image_group, downloads it for offline, and forgets a removed one', async () => {
    await signIn(MANAGER);
    await upload();
    const group = demo.dataset.locations.find((l) => l.company.id === NY)!.services[0]!.photo!.imageGroupId;
    // Another desk (or Altegio's web app) never had the file: a fresh data folder syncs it from the list.
    await t.services.session.signOut();
    await t.services.close();
    await signIn(MANAGER);
    const d = await detail();
    expect(d.photo).toMatchObject({ hasPhoto: true, url: expect.stringMatching(/services\/410001\//) });
    expect(existsSync(mediaFile(d.photo!.url!))).toBe(true);
    const row = t.services.ctx.db
      .prepare('SELECT image_group_id AS imageGroupId, image_remote AS remote FROM services WHERE location_id = ? AND id = ?')
      .get(NY, serviceId);
    expect(row).toMatchObject({ imageGroupId: group, remote: expect.stringMatching(/\/uploads\/setting_service_image\//) });

    expect(await t.call('service.removePhoto', { locationId: NY, serviceId })).toMatchObject({
      ok: true,
      data: { status: 'done' },
    });
    expect(demo.received.deletes).toEqual([group]);
    expect((await detail()).photo).toEqual({ url: null, hasPhoto: false, pending: null });
    await t.call('sync.run', { locationId: NY });
    expect((await detail()).photo).toEqual({ url: null, hasPhoto: false, pending: null });
    const page = await t.call('catalog.search', { locationId: NY, query: '' });
    expect(page.ok && (page.data as SearchPage).withPhotos).toBe(false);
  });

  it('a lost answer (Altegio stored the picture, the connection dropped) is confirmed by reading the service again', async () => {
    await signIn(MANAGER);
    demo.faults.set({ mode: 'dropAfterAccept', match: '/images/service', times: 1 });
    const res = await upload();
    expect(res).toMatchObject({ ok: true, data: { status: 'queued' } });
    expect(demo.received.uploads).toHaveLength(1);
    const stored = demo.received.uploads[0]!.imageGroupId;
    expect((await detail()).photo?.pending).toBe('upload');

    await t.call('outbox.retry', { id: (res.ok && (res.data as { outboxId: number }).outboxId) || 0 });
    for (let i = 0; i < 50; i++) {
      const list = await t.call('outbox.list');
      if (list.ok && (list.data as unknown[]).length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await t.call('outbox.list')).toEqual({ ok: true, data: [] });
    expect(demo.received.uploads).toHaveLength(1);
    expect(demo.received.requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET /api/v1/company/${NY}/services/${serviceId}`);
    expect(demo.dataset.locations.find((l) => l.company.id === NY)!.services[0]!.photo?.imageGroupId).toBe(stored);
    expect((await detail()).photo).toMatchObject({ hasPhoto: true, pending: null });
  });

  it('offline: queued, survives a restart, sent exactly once when the server is back', async () => {
    await signIn(MANAGER);
    await demo.stop();
    expect(await upload()).toMatchObject({ ok: true, data: { status: 'queued' } });
    expect(await t.call('outbox.list')).toMatchObject({
      ok: true,
      data: [{ kind: 'upload-photo', subject: 'service', subjectId: serviceId, state: 'pending' }],
    });
    await t.services.close();
    t = await makeServices({ altegioBaseUrl: demo.url, keychainService, userData: t.userData });
    await t.services.start();
    await demo.restart();
    t.services.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    for (let i = 0; i < 50 && demo.received.uploads.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 50; i++) {
      const list = await t.call('outbox.list');
      if (list.ok && (list.data as unknown[]).length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    t.services.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 200));
    expect(demo.received.uploads).toHaveLength(1);
    expect(await t.call('outbox.list')).toEqual({ ok: true, data: [] });
    expect((await detail()).photo).toMatchObject({ hasPhoto: true, pending: null });
  });

  it('a 403 on the receptionist’s photo keeps it in the outbox "needs a manager"; a manager’s Retry sends it once, as theirs (issue 22 Rights)', async () => {
    // Rights never checked on this desk (offline at sign-in): Altegio decides, and the demo answers 403.
    t = await makeServices({
      altegioBaseUrl: demo.url,
      keychainService,
      userData: mkdtempSync(join(tmpdir(), 'fd-svcphotos-')),
    });
    await t.call('session.signIn', { environment: 'demo', login: DESK.login, password: DESK.password });
    await t.call('sync.run', { locationId: NY });
    const posts = () => demo.received.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/images/service')).length;

    const res = await upload();
    expect(res).toMatchObject({ ok: true, data: { status: 'needs-manager', outboxId: expect.any(Number) } });
    const id = (res.ok && (res.data as { outboxId: number }).outboxId) || 0;
    const held = {
      id,
      subject: 'service',
      subjectId: serviceId,
      state: 'needs-manager',
      queuedBy: DESK.name,
      waitingFor: null,
      nextAttemptAt: null,
      lastError: { code: 'FORBIDDEN', message: expect.stringMatching(/manager/) },
    };
    expect(await t.call('outbox.list')).toMatchObject({ ok: true, data: [held] });
    expect(posts()).toBe(1);
    expect((await detail()).photo?.pending).toBe('upload');
    // Not sent again on its own (back online, the next tick): it waits for someone with the rights.
    t.services.events.emit('connectivity', { online: true, checkedAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 200));
    expect(posts()).toBe(1);
    expect(await t.call('outbox.list')).toMatchObject({ ok: true, data: [{ id, state: 'needs-manager' }] });

    // The same PC, the manager signs in: they see it (not "waiting for Mia") and Retry makes it theirs.
    await t.services.session.signOut();
    await t.call('session.signIn', { environment: 'demo', login: MANAGER.login, password: MANAGER.password });
    await t.call('manage.rights', { locationId: NY });
    expect(await t.call('outbox.list')).toMatchObject({ ok: true, data: [{ id, state: 'needs-manager', waitingFor: null }] });
    expect(await t.call('outbox.retry', { id })).toEqual({ ok: true, data: null });
    for (let i = 0; i < 50; i++) {
      const list = await t.call('outbox.list');
      if (list.ok && (list.data as unknown[]).length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await t.call('outbox.list')).toEqual({ ok: true, data: [] });
    expect(posts()).toBe(2);
    expect(demo.received.uploads).toHaveLength(1);
    expect(demo.received.uploads[0]!.fields).toMatchObject({ service_id: String(serviceId) });
    expect((await detail()).photo).toMatchObject({ hasPhoto: true, pending: null });
    const audit = await t.call('desk.audit');
    const lines = (audit.ok ? (audit.data as { userName: string | null; detail: string | null }[]) : []).map(
      (e) => `${e.userName}: ${e.detail}`,
    );
    expect(lines.some((l) => l.startsWith(`${DESK.name}:`) && l.includes('refused: needs a manager'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${MANAGER.name}:`) && l.includes(`sent again by ${MANAGER.name}`))).toBe(true);
  });

  it('a 403 on a receptionist’s queued removal keeps it "needs a manager"; she cannot take it back over the manager', async () => {
    await signIn(MANAGER);
    await upload();
    await t.services.session.signOut();
    await t.call('session.signIn', { environment: 'demo', login: DESK.login, password: DESK.password });
    // Offline at her sign-in: rights unknown, so Altegio decides.
    const res = await t.call('service.removePhoto', { locationId: NY, serviceId });
    expect(res).toMatchObject({ ok: true, data: { status: 'needs-manager' } });
    expect(await t.call('outbox.list')).toMatchObject({
      ok: true,
      data: [{ kind: 'remove-photo', state: 'needs-manager', queuedBy: DESK.name }],
    });
    // Once Altegio has said what her role may do, her own Retry is refused with the sentence and the item is kept.
    await t.call('manage.rights', { locationId: NY });
    const id = (res.ok && (res.data as { outboxId: number }).outboxId) || 0;
    expect(await t.call('outbox.retry', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('outbox.list')).toMatchObject({ ok: true, data: [{ id, state: 'needs-manager' }] });
    expect((await detail()).photo).toMatchObject({ hasPhoto: true });
  });

  it('a receptionist without the rights is refused before anything is sent; a file that is not a picture gets the typed error', async () => {
    await signIn(DESK);
    const res = await upload();
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(demo.received.uploads).toHaveLength(0);
    expect(await t.call('outbox.list')).toEqual({ ok: true, data: [] });
    await t.services.session.signOut();
    await t.services.close();

    await signIn(MANAGER);
    const heic = Buffer.alloc(64);
    heic.write('ftypheic', 4, 'ascii');
    const bad = await t.call('service.uploadPhoto', {
      locationId: NY,
      serviceId,
      bytes: new Uint8Array(heic),
      fileName: 'x.heic',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/HEIC/) } });
    const text = await t.call('service.uploadPhoto', {
      locationId: NY,
      serviceId,
      bytes: new TextEncoder().encode('name,price\nCut,40\n'),
      fileName: 'prices.csv',
    });
    expect(text).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(demo.received.uploads).toHaveLength(0);
  });
});
