import type { OutboxItem } from '../../src/shared/domain/photos';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, ok, sampleLocation, sampleStaff, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

function teamApi() {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: { locations: async () => ok({ items: [sampleLocation()], syncedAt: null }) },
    staff: {
      list: async () =>
        ok({
          items: [
            sampleStaff(1, {
              name: 'Maria Lopez',
              position: 'Senior stylist',
              specialization: 'Balayage',
              serviceCount: 12,
            }),
            sampleStaff(2, {
              name: 'Ivan Petrov',
              position: 'Colourist',
              specialization: 'colourist',
              avatarUrl: 'app-media://staff/101/2.jpg',
              photoPending: 'upload',
              serviceCount: 1,
            }),
          ],
          syncedAt: null,
        }),
    },
  });
}

/** A photo Altegio refused with 403, kept in the outbox for a manager. */
const heldPhoto = (who: Pick<OutboxItem, 'id' | 'subject' | 'subjectId' | 'subjectName'>): OutboxItem => ({
  ...who,
  kind: 'upload-photo',
  locationId: 101,
  state: 'needs-manager',
  attempts: 1,
  lastError: { code: 'FORBIDDEN', message: 'Not enough rights' },
  nextAttemptAt: null,
  createdAt: '2026-11-22T10:00:00.000Z',
  queuedBy: 'Mia Desk',
  waitingFor: null,
});

describe('team', () => {
  it('shows each member with photo or initials, position, specialization, services and pending photo work', async () => {
    app = await mountApp({ api: teamApi(), at: '/team' });
    expect(app.api.staff.list).toHaveBeenCalledWith({ locationId: 101 });
    const cards = app.wrapper.findAll('[data-test=team-card]');
    expect(cards).toHaveLength(2);
    const maria = cards[0]!;
    expect(maria.text()).toContain('ML');
    expect(maria.text()).toContain('Senior stylist');
    expect(maria.text()).toContain('Balayage');
    expect(maria.text()).toContain('12 services');
    expect(maria.text()).not.toContain('pending');
    const ivan = cards[1]!;
    expect(ivan.get('img').attributes('src')).toBe('app-media://staff/101/2.jpg');
    expect(ivan.text()).toContain('1 service');
    expect(ivan.findAll('p').filter((p) => /colourist/i.test(p.text()))).toHaveLength(1);
    expect(ivan.text()).toContain('Photo upload pending');
  });

  it('opens the photo editor for a member and closes it with Escape', async () => {
    app = await mountApp({ api: teamApi(), at: '/team' });
    await app.wrapper
      .findAll('button')
      .find((b) => b.text() === 'Change photo')!
      .trigger('click');
    await settle();
    const dialog = document.querySelector('[role=dialog]');
    expect(dialog?.getAttribute('aria-label')).toBe('Photo of Maria Lopez');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();
    expect(document.querySelector('[role=dialog]')).toBeNull();
  });

  it('a photo Altegio refused with 403 says “Needs a manager” on the card, not “pending” (issue 22 Rights)', async () => {
    app = await mountApp({ api: teamApi(), at: '/team' });
    const ivan = () => app!.wrapper.findAll('[data-test=team-card]').find((c) => c.text().includes('Ivan Petrov'))!;
    expect(ivan().find('[data-test=photo-pending]').text()).toBe('Photo upload pending');
    app.api.emit('outbox-changed', {
      items: [heldPhoto({ id: 7, subject: 'staff', subjectId: 2, subjectName: 'Ivan Petrov' })],
    });
    await settle();
    expect(ivan().find('[data-test=photo-pending]').text()).toBe('Needs a manager');
  });

  it('refreshes the pending badges when the outbox changes', async () => {
    app = await mountApp({ api: teamApi(), at: '/team' });
    const calls = app.api.staff.list.mock.calls.length;
    app.api.emit('outbox-changed', { items: [] });
    await settle();
    expect(app.api.staff.list.mock.calls.length).toBeGreaterThan(calls);
  });
  it('where the shell’s photo badge leads, the team page lists what waits, with a photo held for a manager and its Retry (issue 22 Rights)', async () => {
    app = await mountApp({ api: teamApi(), at: '/team' });
    expect(app.wrapper.find('[data-test=team-outbox]').exists()).toBe(false);
    app.api.emit('outbox-changed', {
      items: [heldPhoto({ id: 9, subject: 'service', subjectId: 4, subjectName: 'Balayage' })],
    });
    await settle();
    const panel = app.wrapper.find('[data-test=team-outbox]');
    expect(panel.text()).toContain('Waiting to be sent');
    expect(panel.text()).toContain('New photo of the service “Balayage”');
    expect(panel.text()).toContain('Needs a manager');
    await panel
      .findAll('button')
      .find((b) => b.text() === 'Retry now')!
      .trigger('click');
    await settle();
    expect(app.api.outbox.retry).toHaveBeenCalledWith({ id: 9 });
  });
});
