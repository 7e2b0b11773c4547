import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PhotoEditor from '../../src/renderer/src/components/photo/PhotoEditor.vue';
import type { ServiceDetail, ServicePhoto } from '../../src/shared/domain/catalog';
import type { ManageRights } from '../../src/shared/domain/manage';
import {
  createFakeApi,
  ok,
  sampleCategories,
  sampleDetail,
  sampleHit,
  sampleLocation,
  samplePage,
  sampleUser,
} from './support/fake-api';
import { mountApp, settle, stubLayout, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
let unstub: () => void = () => undefined;
beforeEach(() => {
  unstub = stubLayout();
  // The browser would decode the picture; happy-dom cannot.
  vi.stubGlobal(
    'createImageBitmap',
    vi.fn(async () => ({ width: 1200, height: 900, close: () => undefined })),
  );
});
afterEach(() => {
  app?.unmount();
  app = null;
  unstub();
  vi.unstubAllGlobals();
});

const PHOTO_URL = 'app-media://media/services/101/1-abcdef0123.jpg';
const JPEG = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  0x4a,
  0x46,
  0x49,
  0x46,
  ...new Array<number>(200).fill(7),
]);

function rights(editService: boolean): ManageRights {
  return {
    locationId: 101,
    createCategory: editService,
    createService: editService,
    editService,
    retireService: editService,
    servicePhoto: editService,
    readOnlyReason: editService ? null : 'no-rights',
    checkedAt: '2026-12-07T09:00:00.000Z',
  };
}

/** A catalogue whose service 1 has (or gets) a photo; `state.photo` is what main answers now. */
function photoApi(opts: { manager: boolean | ManageRights; photo: ServicePhoto }) {
  const state = { photo: opts.photo };
  const detail = (id: number): ServiceDetail =>
    sampleDetail(id, {
      title: 'Balayage',
      photo: id === 1 ? state.photo : { url: null, hasPhoto: false, pending: null },
    });
  const api = createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: {
      locations: async () => ok({ items: [sampleLocation()], syncedAt: null }),
      categories: async () => ok({ items: sampleCategories, total: 20, syncedAt: null }),
      search: async () =>
        ok({
          ...samplePage([
            sampleHit(1, { title: 'Balayage', photoUrl: state.photo.url }),
            sampleHit(2, { title: 'Gel nails', photoUrl: null }),
          ]),
          withPhotos: state.photo.url !== null,
        }),
      service: async ({ id }) => ok(detail(id)),
    },
    manage: { rights: async () => ok(typeof opts.manager === 'boolean' ? rights(opts.manager) : opts.manager) },
    service: {
      uploadPhoto: async () => {
        state.photo = { url: PHOTO_URL, hasPhoto: true, pending: null };
        return ok({ status: 'done' as const, outboxId: null, avatarUrl: PHOTO_URL });
      },
    },
  });
  return { api, state };
}

async function openBalayage(a: MountedApp): Promise<void> {
  await a.wrapper.findAll('[role=option]')[0]!.trigger('click');
  await settle();
}
const pane = (a: MountedApp) => a.wrapper.get('[data-test="service-detail"]');

describe('service photos in the catalogue (issue 22 §5)', () => {
  it('a receptionist sees the photo in the pane and a lazy, fixed-size thumbnail in the list, and no way to change it', async () => {
    const { api } = photoApi({ manager: false, photo: { url: PHOTO_URL, hasPhoto: true, pending: null } });
    app = await mountApp({ api, at: '/catalogue' });
    const thumbs = app.wrapper.findAll('[role=option] .thumb');
    expect(thumbs).toHaveLength(2); // every row keeps the slot: no row shifts when a page with photos loads
    const img = app.wrapper.get('[data-test="service-thumb"]');
    expect(img.attributes()).toMatchObject({ src: PHOTO_URL, loading: 'lazy', width: '48', height: '48' });

    await openBalayage(app);
    expect(pane(app).get('[data-test="service-photo"] img').attributes('src')).toBe(PHOTO_URL);
    expect(pane(app).find('[data-test="service-photo-edit"]').exists()).toBe(false);
    expect(pane(app).find('[data-test="service-photo-remove"]').exists()).toBe(false);
  });

  it('someone who may edit services but not their images is told so, and offered no photo change', async () => {
    const editor = { ...rights(true), servicePhoto: false };
    const { api } = photoApi({ manager: editor, photo: { url: PHOTO_URL, hasPhoto: true, pending: null } });
    app = await mountApp({ api, at: '/catalogue' });
    await openBalayage(app);
    expect(pane(app).find('[data-test="service-photo-edit"]').exists()).toBe(false);
    expect(pane(app).get('[data-test="service-photo-no-rights"]').text()).toBe(
      'Your Altegio role does not allow changing service photos.',
    );
  });

  it('without any photo at the location the list has no thumbnail column, and a receptionist sees no empty box', async () => {
    const { api } = photoApi({ manager: false, photo: { url: null, hasPhoto: false, pending: null } });
    app = await mountApp({ api, at: '/catalogue' });
    expect(app.wrapper.findAll('[role=option] .thumb')).toHaveLength(0);
    await openBalayage(app);
    expect(pane(app).find('[data-test="service-photo"]').exists()).toBe(false);
  });

  it('a manager adds a photo from the pane: the editor sends it for this service, the pane and the list show it', async () => {
    const { api } = photoApi({ manager: true, photo: { url: null, hasPhoto: false, pending: null } });
    app = await mountApp({ api, at: '/catalogue' });
    await openBalayage(app);
    expect(pane(app).text()).toContain('No photo yet');
    const add = pane(app).get('[data-test="service-photo-edit"]');
    expect(add.text()).toBe('Add photo');
    await add.trigger('click');
    await settle();
    const editor = app.wrapper.findComponent(PhotoEditor);
    expect(editor.exists()).toBe(true);
    expect(document.body.textContent).toContain('Photo of “Balayage”');

    // Not a picture: the editor's own typed sentence, and nothing crosses IPC.
    await editor.get('.drop').trigger('drop', { dataTransfer: { files: [new File(['name,price'], 'prices.csv')] } });
    await flushPromises();
    expect(editor.text()).toContain('accepts JPEG, PNG or WebP photos');
    expect(api.service.uploadPhoto).not.toHaveBeenCalled();

    await editor.get('.drop').trigger('drop', { dataTransfer: { files: [new File([JPEG], 'balayage.jpg')] } });
    await flushPromises();
    await editor
      .findAll('button')
      .find((b) => b.text() === 'Upload photo')!
      .trigger('click');
    await settle();
    expect(api.service.uploadPhoto).toHaveBeenCalledTimes(1);
    expect(api.service.uploadPhoto.mock.calls[0]![0]).toMatchObject({
      locationId: 101,
      serviceId: 1,
      fileName: 'balayage.jpg',
    });
    expect(api.staff.uploadPhoto).not.toHaveBeenCalled();

    expect(pane(app).get('[data-test="service-photo"] img').attributes('src')).toBe(PHOTO_URL);
    expect(pane(app).get('[data-test="service-photo-edit"]').text()).toBe('Change photo');
    expect(app.wrapper.get('[data-test="service-thumb"]').attributes('src')).toBe(PHOTO_URL);
    // Read again in place: the list was not searched from the top again.
    expect(api.catalog.search.mock.calls.every((c) => c[0].offset === 0)).toBe(true);
  });

  it('a queued photo says so in the pane (a refused one: Needs a manager), and the pane reads it again once the outbox has sent it', async () => {
    const { api, state } = photoApi({ manager: true, photo: { url: null, hasPhoto: false, pending: 'upload' } });
    app = await mountApp({ api, at: '/catalogue' });
    await openBalayage(app);
    expect(pane(app).get('[data-test="service-photo-pending"]').text()).toBe('New photo not sent yet');
    const item = {
      id: 9,
      kind: 'upload-photo' as const,
      locationId: 101,
      subject: 'service' as const,
      subjectId: 1,
      subjectName: 'Balayage',
      state: 'pending' as const,
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
      createdAt: new Date().toISOString(),
    };
    app.api.emit('outbox-changed', { items: [item] });
    await settle();
    expect(pane(app).get('[data-test="service-photo-pending"]').text()).toBe('New photo not sent yet');
    // Refused with 403: it waits for someone with the rights, and the pane says so instead of "not sent yet".
    app.api.emit('outbox-changed', { items: [{ ...item, state: 'needs-manager' as const }] });
    await settle();
    expect(pane(app).get('[data-test="service-photo-pending"]').text()).toBe('Needs a manager');
    state.photo = { url: PHOTO_URL, hasPhoto: true, pending: null };
    app.api.emit('outbox-changed', { items: [] });
    await settle();
    expect(pane(app).find('[data-test="service-photo-pending"]').exists()).toBe(false);
    expect(pane(app).get('[data-test="service-photo"] img').attributes('src')).toBe(PHOTO_URL);
  });
});
