import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/renderer/src/i18n';
import OutboxIndicator from '../../../src/renderer/src/components/shell/OutboxIndicator.vue';
import OutboxPanel from '../../../src/renderer/src/components/photo/OutboxPanel.vue';
import { useOutboxStore } from '../../../src/renderer/src/stores/outbox';
import type { OutboxItem } from '../../../src/shared/domain/photos';
import { createFakeApi, deferred, fail, installFakeApi, ok } from '../support/fake-api';

function item(id: number, patch: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    kind: 'upload-photo',
    locationId: 101,
    subject: 'staff',
    subjectId: 3,
    subjectName: 'Maria Lopez',
    state: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: '2026-11-22T10:00:00.000Z',
    ...patch,
  };
}

describe('outbox store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('counts waiting and failed items and finds the newest change per member', async () => {
    installFakeApi(
      createFakeApi({
        outbox: {
          list: async () =>
            ok([
              item(1, { state: 'failed' }),
              item(4, { kind: 'remove-photo', state: 'sending' }),
              item(2, { subjectId: 8, locationId: 102 }),
            ]),
        },
      }),
    );
    const outbox = useOutboxStore();
    await outbox.load();
    expect([outbox.waiting, outbox.failed]).toEqual([2, 1]);
    expect(outbox.forMember(101, 3)?.id).toBe(4);
    expect(outbox.forMember(102, 8)?.id).toBe(2);
    expect(outbox.forMember(101, 8)).toBeNull();
  });

  it('keeps a service’s photo apart from a member’s with the same id, and names it as a service (issue 22 §5)', async () => {
    installFakeApi(
      createFakeApi({
        outbox: {
          list: async () =>
            ok([
              item(1),
              item(2, { subject: 'service', subjectId: 3, subjectName: 'Balayage' }),
              item(3, { subject: 'service', subjectId: 9, subjectName: null, kind: 'remove-photo' }),
            ]),
        },
      }),
    );
    const outbox = useOutboxStore();
    await outbox.load();
    expect(outbox.forMember(101, 3)?.id).toBe(1);
    expect(outbox.forSubject(101, 'service', 3)?.id).toBe(2);
    const w = mount(OutboxPanel);
    const rows = w.findAll('[data-test="outbox-item"]').map((r) => r.text());
    expect(rows[0]).toContain('New photo of Maria Lopez');
    expect(rows[1]).toContain('New photo of the service “Balayage”');
    expect(rows[2]).toContain('Remove the photo of the service “service #9”');
  });

  it('cancels and retries through main, re-reads the list, and reports a refusal', async () => {
    const api = installFakeApi(
      createFakeApi({ outbox: { cancel: async () => fail('INVALID_INPUT', 'This item is being sent right now.') } }),
    );
    const outbox = useOutboxStore();
    expect(await outbox.retry(7)).toBeNull();
    expect(api.outbox.retry).toHaveBeenCalledWith({ id: 7 });
    expect(api.outbox.list).toHaveBeenCalledTimes(1);
    const err = await outbox.cancel(7);
    expect(err?.message).toBe('This item is being sent right now.');
    expect(outbox.error?.code).toBe('INVALID_INPUT');
  });

  it('ignores a second press while the first is on its way', async () => {
    const slow = deferred<null>();
    const api = installFakeApi(createFakeApi({ outbox: { retry: () => slow.promise } }));
    const outbox = useOutboxStore();
    const first = outbox.retry(7);
    expect(outbox.acting.has(7)).toBe(true);
    await outbox.retry(7);
    slow.resolve(ok(null));
    await first;
    expect(api.outbox.retry).toHaveBeenCalledTimes(1);
    expect(outbox.acting.has(7)).toBe(false);
  });
});

describe('OutboxPanel', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setLanguage('en'));

  it('lists what waits, says why a failed item failed, and cancels or retries it', async () => {
    let queue = [
      item(1, { state: 'failed', attempts: 3, lastError: { code: 'UPSTREAM', message: 'Altegio is not answering.' } }),
      item(2, { kind: 'remove-photo', subjectName: null, subjectId: 12, state: 'sending' }),
    ];
    const api = installFakeApi(
      createFakeApi({
        outbox: {
          list: async () => ok(queue),
          cancel: async ({ id }) => {
            queue = queue.filter((i) => i.id !== id);
            return ok(null);
          },
        },
      }),
    );
    const outbox = useOutboxStore();
    await outbox.load();
    const w = mount(OutboxPanel);
    const rows = () => w.findAll('[data-test="outbox-item"]');
    const press = async (row: number, text: string) => {
      await rows()
        [row]!.findAll('button')
        .find((b) => b.text() === text)!
        .trigger('click');
      await flushPromises();
    };
    expect(rows()).toHaveLength(2);
    expect(rows()[0]!.text()).toContain('New photo of Maria Lopez');
    expect(rows()[0]!.text()).toContain('3 attempts');
    expect(rows()[0]!.text()).toContain('Altegio is not answering.');
    expect(rows()[1]!.text()).toContain('Remove the photo of team member #12');
    expect(rows()[1]!.findAll('button')).toHaveLength(0); // being sent: nothing to cancel
    await press(0, 'Retry now');
    expect(api.outbox.retry).toHaveBeenCalledWith({ id: 1 });
    await press(0, 'Cancel');
    expect(api.outbox.cancel).toHaveBeenCalledWith({ id: 1 });
    expect(rows()).toHaveLength(1);
    queue = [];
    await outbox.load();
    await flushPromises();
    expect(w.text()).toContain('Nothing is waiting to be sent.');
  });
  it('an item Altegio refused (403) says "needs a manager" with the desk’s sentence, and a manager can press Retry (issue 22 Rights)', async () => {
    const held = item(3, {
      subject: 'service',
      subjectName: 'Balayage',
      state: 'needs-manager',
      attempts: 1,
      queuedBy: 'Mia Desk',
      waitingFor: null,
      lastError: { code: 'FORBIDDEN', message: 'Not enough rights' },
    });
    const api = installFakeApi(createFakeApi({ outbox: { list: async () => ok([held, item(4)]) } }));
    const outbox = useOutboxStore();
    await outbox.load();
    // Not counted as going out on its own, nor held back by a sign-out.
    expect([outbox.waiting, outbox.failed, outbox.needsManager, outbox.mineWaiting]).toEqual([1, 0, 1, 1]);
    const w = mount(OutboxPanel);
    const row = w.findAll('[data-test="outbox-item"]')[0]!;
    expect(row.text()).toContain('Needs a manager');
    expect(row.find('[data-test="needs-manager"]').text()).toMatch(/a manager can sign in and press “Retry now”/);
    expect(row.text()).not.toContain('Not enough rights');
    await row.findAll('button').find((b) => b.text() === 'Retry now')!.trigger('click');
    await flushPromises();
    expect(api.outbox.retry).toHaveBeenCalledWith({ id: 3 });
    const shell = mount(OutboxIndicator, { global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } });
    expect(shell.text()).toContain('1 photo needs a manager');

    setLanguage('ru');
    await flushPromises();
    expect(row.text()).toContain('Нужен менеджер');
    expect(row.find('[data-test="needs-manager"]').text()).toMatch(/менеджер может войти/);
    expect(shell.text()).toContain('1 фото ждёт менеджера');
  });
});
