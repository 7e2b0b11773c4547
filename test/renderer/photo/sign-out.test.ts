import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import OutboxPanel from '../../../src/renderer/src/components/photo/OutboxPanel.vue';
import SignOutButton from '../../../src/renderer/src/components/photo/SignOutButton.vue';
import { useOutboxStore } from '../../../src/renderer/src/stores/outbox';
import type { OutboxItem } from '../../../src/shared/domain/photos';
import { createFakeApi, installFakeApi } from '../support/fake-api';

function item(id: number, patch: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    kind: 'upload-photo',
    locationId: 101,
    subject: 'staff',
    subjectId: id,
    subjectName: 'Maria Lopez',
    state: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: '2026-11-22T10:00:00.000Z',
    queuedBy: 'Anna',
    waitingFor: null,
    ...patch,
  };
}

describe('sign-out warning (issue 10.10)', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    installFakeApi(createFakeApi());
  });

  it('asks first when the user’s photos wait in the outbox, naming how many', async () => {
    useOutboxStore().set([
      item(1),
      item(2, { state: 'sending' }),
      item(3, { state: 'failed' }),
      item(4, { waitingFor: 'Olga', queuedBy: 'Olga' }),
    ]);
    const w = mount(SignOutButton, { attachTo: document.body });
    await w.find('button').trigger('click');
    expect(w.emitted('signOut')).toBeUndefined();
    const dialog = w.find('[role="alertdialog"]');
    expect(dialog.text()).toContain('2 photo changes are waiting to be sent to Altegio.');
    expect(dialog.text()).toContain('after you sign in again');

    await w
      .findAll('button')
      .find((b) => b.text() === 'Stay signed in')!
      .trigger('click');
    expect(w.find('[role="alertdialog"]').exists()).toBe(false);
    expect(w.emitted('signOut')).toBeUndefined();

    await w.find('button').trigger('click');
    await w
      .findAll('button')
      .find((b) => b.text() === 'Sign out anyway')!
      .trigger('click');
    expect(w.emitted('signOut')).toHaveLength(1);
    w.unmount();
  });

  it('signs out at once when nothing of this user waits (another user’s items do not count)', async () => {
    useOutboxStore().set([item(4, { waitingFor: 'Olga' }), item(5, { state: 'failed' })]);
    const w = mount(SignOutButton);
    await w.find('button').trigger('click');
    expect(w.find('[role="alertdialog"]').exists()).toBe(false);
    expect(w.emitted('signOut')).toHaveLength(1);
  });

  it('the outbox panel says whose sign-in another user’s item waits for', async () => {
    useOutboxStore().set([item(4, { waitingFor: 'Olga' })]);
    const w = mount(OutboxPanel);
    await flushPromises();
    expect(w.find('[data-test="waiting-for"]').text()).toBe('Waiting for Olga to sign in');
  });
});
