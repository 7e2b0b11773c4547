import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PhotoEditor from '../../../src/renderer/src/components/photo/PhotoEditor.vue';
import { useOutboxStore } from '../../../src/renderer/src/stores/outbox';
import type { StaffMember } from '../../../src/shared/domain/catalog';
import type { OutboxItem } from '../../../src/shared/domain/photos';
import {
  createFakeApi,
  fail,
  installFakeApi,
  ok,
  sampleStaff,
  type FakeApi,
  type FakeApiOverrides,
} from '../support/fake-api';

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46];
const jpeg = (name = 'portrait.jpg', extra = 200) =>
  new File([new Uint8Array([...JPEG_HEAD, ...new Array<number>(extra).fill(7)])], name, { type: 'image/jpeg' });

/** The upright size the browser would decode; happy-dom cannot decode pictures. */
function decodesAs(width: number, height: number): void {
  vi.stubGlobal(
    'createImageBitmap',
    vi.fn(async () => ({ width, height, close: () => undefined })),
  );
}

function outboxItem(patch: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 5,
    kind: 'upload-photo',
    locationId: 101,
    subject: 'staff',
    subjectId: 3,
    subjectName: 'Stylist 3',
    state: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: '2026-11-22T10:00:00.000Z',
    ...patch,
  };
}

describe('PhotoEditor', () => {
  let api: FakeApi;
  beforeEach(() => {
    setActivePinia(createPinia());
    decodesAs(1200, 900);
  });
  afterEach(() => vi.unstubAllGlobals());

  async function open(member: Partial<StaffMember> = {}, overrides: FakeApiOverrides = {}): Promise<VueWrapper> {
    api = installFakeApi(createFakeApi(overrides));
    const w = mount(PhotoEditor, { props: { locationId: 101, member: sampleStaff(3, member) } });
    await flushPromises();
    return w;
  }
  async function drop(w: VueWrapper, file: File): Promise<void> {
    await w.find('.drop').trigger('drop', { dataTransfer: { files: [file] } });
    await flushPromises();
  }
  const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text() === text);

  it('refuses a file that is not a JPEG, PNG or WebP by its bytes, before anything crosses IPC', async () => {
    const w = await open();
    // A HEIC from an iPhone renamed to .jpg: the name and type lie, the bytes do not. It gets its own sentence.
    const heic = new File([new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63])], 'x.jpg', {
      type: 'image/jpeg',
    });
    await drop(w, heic);
    expect(w.text()).toContain('iPhone HEIC photos can’t be read');
    expect(w.find('.viewport').exists()).toBe(false);
    expect(button(w, 'Upload photo')!.attributes('disabled')).toBeDefined();
    await drop(w, new File([new TextEncoder().encode('GIF89a……')], 'x.gif', { type: 'image/gif' }));
    expect(w.text()).toContain('accepts JPEG, PNG or WebP photos');
    expect(api.staff.uploadPhoto).not.toHaveBeenCalled();
  });

  it('accepts a camera original over the old 20 MB limit', async () => {
    const w = await open();
    const original = jpeg();
    Object.defineProperty(original, 'size', { value: 25 * 1024 * 1024 });
    await drop(w, original);
    expect(w.find('.viewport').exists()).toBe(true);
  });

  it('accepts a WebP by its bytes', async () => {
    const w = await open();
    await drop(w, new File([new TextEncoder().encode('RIFF\x10\0\0\0WEBPVP8 ')], 'x.webp', { type: 'image/webp' }));
    expect(w.find('.viewport').exists()).toBe(true);
  });

  it('refuses an empty file, one over 60 MB and one under 200 × 200 pixels', async () => {
    const w = await open();
    await drop(w, new File([], 'empty.jpg'));
    expect(w.text()).toContain('This file is empty');
    const big = jpeg();
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 + 1 });
    await drop(w, big);
    expect(w.text()).toContain('over 60 MB');
    decodesAs(150, 120);
    await drop(w, jpeg());
    expect(w.text()).toContain('150 × 120 pixels; it needs at least 200 × 200');
    expect(api.staff.uploadPhoto).not.toHaveBeenCalled();
  });

  it('uploads the bytes as a Uint8Array with the square crop in the upright picture’s pixels', async () => {
    const w = await open();
    const file = jpeg('me.jpg');
    await drop(w, file);
    expect(w.find('.viewport img').attributes('src')).toMatch(/^blob:/);
    await button(w, 'Upload photo')!.trigger('click');
    await flushPromises();
    const args = api.staff.uploadPhoto.mock.calls[0]![0];
    expect(args.bytes).toBeInstanceOf(Uint8Array);
    expect(args.bytes.byteLength).toBe(file.size);
    expect([...args.bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(args).toMatchObject({ locationId: 101, staffId: 3, fileName: 'me.jpg' });
    expect(args.crop).toEqual({ left: 150, top: 0, size: 900 }); // the centred largest square
  });

  it('moves and zooms the crop, and never past the picture’s edge', async () => {
    const w = await open();
    await drop(w, jpeg());
    const slider = w.find('input[type="range"]');
    expect(slider.attributes('max')).toBe('4'); // 900 / 200 = 4.5, capped at 4
    await slider.setValue('2');
    const viewport = w.find('.viewport');
    for (let i = 0; i < 30; i++) await viewport.trigger('keydown', { key: 'ArrowLeft', shiftKey: true });
    await viewport.trigger('keydown', { key: 'ArrowRight' }); // one step back must move at once
    await button(w, 'Upload photo')!.trigger('click');
    await flushPromises();
    expect(api.staff.uploadPhoto.mock.calls[0]![0].crop).toEqual({ left: 9, top: 225, size: 450 });
  });

  it('takes another photo dropped onto the crop, starting it centred again', async () => {
    const w = await open();
    await drop(w, jpeg('first.jpg'));
    await w.find('.viewport').trigger('keydown', { key: 'ArrowLeft', shiftKey: true });
    decodesAs(800, 1000);
    await w.find('.crop').trigger('drop', { dataTransfer: { files: [jpeg('second.jpg')] } });
    await flushPromises();
    await button(w, 'Upload photo')!.trigger('click');
    await flushPromises();
    expect(api.staff.uploadPhoto.mock.calls[0]![0]).toMatchObject({
      fileName: 'second.jpg',
      crop: { left: 0, top: 100, size: 800 },
    });
  });

  it('limits zoom so the crop stays at least 200 pixels', async () => {
    decodesAs(300, 400);
    const w = await open();
    await drop(w, jpeg());
    expect(w.find('input[type="range"]').attributes('max')).toBe('1.5');
    await w.find('.viewport').trigger('wheel', { deltaY: -5000 });
    await button(w, 'Upload photo')!.trigger('click');
    await flushPromises();
    expect(api.staff.uploadPhoto.mock.calls[0]![0].crop).toEqual({ left: 50, top: 100, size: 200 });
  });

  it('shows the pending badge when the upload is queued', async () => {
    const w = await open(
      {},
      { staff: { uploadPhoto: async () => ok({ status: 'queued', outboxId: 9, avatarUrl: null }) } },
    );
    await drop(w, jpeg());
    await button(w, 'Upload photo')!.trigger('click');
    await flushPromises();
    expect(w.find('[data-test="photo-pending"]').text()).toBe('Pending — will upload when online.');
    expect(w.find('.viewport').exists()).toBe(false);
    expect(w.emitted('changed')).toHaveLength(1);
  });

  it('shows the new photo when the upload is done', async () => {
    const w = await open(
      {},
      {
        staff: {
          uploadPhoto: async () => ok({ status: 'done', outboxId: null, avatarUrl: 'app-media://staff/3.jpg' }),
        },
      },
    );
    await drop(w, jpeg());
    await button(w, 'Upload photo')!.trigger('click');
    await flushPromises();
    expect(w.text()).toContain('Photo updated.');
    expect(w.find('img.avatar').attributes('src')).toBe('app-media://staff/3.jpg');
    expect(button(w, 'Replace photo')).toBeDefined();
    expect(w.find('[data-test="photo-pending"]').exists()).toBe(false);
  });

  it('shows main’s INVALID_INPUT sentence and keeps the picture for another try', async () => {
    const heic = 'This is a HEIC photo (the iPhone format). Front Desk accepts JPEG or PNG photos.';
    const w = await open({}, { staff: { uploadPhoto: async () => fail('INVALID_INPUT', heic, { reason: 'format' }) } });
    await drop(w, jpeg());
    await button(w, 'Upload photo')!.trigger('click');
    await flushPromises();
    expect(w.find('[role="alert"]').text()).toBe(heic);
    expect(w.find('.viewport').exists()).toBe(true);
    expect(w.find('[role="progressbar"]').exists()).toBe(false);
  });

  it('removes the photo only after a confirmation', async () => {
    const w = await open({ hasPhoto: true, avatarUrl: 'app-media://staff/3.jpg' });
    expect(button(w, 'Replace photo')).toBeDefined();
    await button(w, 'Remove photo')!.trigger('click');
    expect(w.text()).toContain('Remove the photo of Stylist 3 from Altegio?');
    await button(w, 'Keep it')!.trigger('click');
    expect(api.staff.removePhoto).not.toHaveBeenCalled();
    await button(w, 'Remove photo')!.trigger('click');
    await button(w, 'Yes, remove it')!.trigger('click');
    await flushPromises();
    expect(api.staff.removePhoto).toHaveBeenCalledWith({ locationId: 101, staffId: 3 });
    expect(w.find('[data-test="photo-pending"]').text()).toBe('Pending — will be removed when online.');
    expect(button(w, 'Remove photo')).toBeUndefined();
  });

  it('follows the outbox: a failed upload says why and can be retried or cancelled', async () => {
    const w = await open();
    const outbox = useOutboxStore();
    outbox.set([
      outboxItem({ state: 'failed', attempts: 3, lastError: { code: 'UPSTREAM', message: 'Altegio said no.' } }),
    ]);
    await flushPromises();
    expect(w.find('[data-test="photo-pending"]').text()).toBe('Not sent: Altegio said no.');
    await button(w, 'Retry now')!.trigger('click');
    await flushPromises();
    expect(api.outbox.retry).toHaveBeenCalledWith({ id: 5 });
    outbox.set([outboxItem({ state: 'pending' })]);
    await flushPromises();
    expect(w.find('[data-test="photo-pending"]').text()).toBe('Pending — will upload when online.');
    outbox.set([]); // sent
    await flushPromises();
    expect(w.find('[data-test="photo-pending"]').exists()).toBe(false);
  });
  it('a 403 kept for a manager says so at once and, reopened later, still says why with a Retry (issue 22 Rights)', async () => {
    const w = await open(
      {},
      { staff: { uploadPhoto: async () => ok({ status: 'needs-manager', outboxId: 5, avatarUrl: null }) } },
    );
    await drop(w, jpeg());
    await button(w, 'Upload photo')!.trigger('click');
    await flushPromises();
    expect(w.find('[role="alert"]').text()).toMatch(/does not allow your role.*until a manager sends it/);
    w.unmount();

    const again = mount(PhotoEditor, { props: { locationId: 101, member: sampleStaff(3) } });
    useOutboxStore().set([
      outboxItem({ state: 'needs-manager', lastError: { code: 'FORBIDDEN', message: 'Not enough rights' } }),
    ]);
    await flushPromises();
    expect(again.find('[data-test="photo-pending"]').text()).toBe('Needs a manager');
    expect(again.find('[role="alert"]').text()).toMatch(/until a manager sends it/);
    expect(again.text()).not.toContain('Not enough rights');
    await button(again, 'Retry now')!.trigger('click');
    await flushPromises();
    expect(api.outbox.retry).toHaveBeenCalledWith({ id: 5 });
  });
});
