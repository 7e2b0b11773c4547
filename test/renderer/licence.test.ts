import { afterEach, describe, expect, it } from 'vitest';
import type { LicenseStatus, LocationCard } from '../../src/shared/domain/catalog';
import type { TodayNumbers } from '../../src/shared/domain/today';
import { ok, sampleLocation } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';
import { part, sampleView, todayApi } from './support/today-view';

let app: MountedApp | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const card = (license: LicenseStatus | null): LocationCard => ({
  ...sampleLocation(),
  phones: [],
  email: null,
  schedule: null,
  site: null,
  license,
});
const endsIn = (days: number): LicenseStatus => ({
  plan: 'Business',
  active: true,
  endsOn: '2026-12-21',
  daysLeft: days,
  staffLimit: 20,
  warning: days <= 14,
});

describe('the Altegio licence (issue 19 §19)', () => {
  it('Today shows a calm banner when the licence ends within 14 days, none before', async () => {
    const api = todayApi(sampleView());
    api.catalog.location.mockResolvedValue(ok(card(endsIn(14))));
    app = await mountApp({ api, at: '/today' });
    await settle();
    expect(app.wrapper.get('[data-test=licence-banner]').text()).toBe(
      'The Altegio licence for Downtown ends on Monday, December 21, 2026 (14 days left). Ask your manager to renew it in time.',
    );
    app.unmount();
    const later = todayApi(sampleView());
    later.catalog.location.mockResolvedValue(ok(card(endsIn(15))));
    app = await mountApp({ api: later, at: '/today' });
    await settle();
    expect(app.wrapper.find('[data-test=licence-banner]').exists()).toBe(false);
  });

  it('a 403 saying the licence has expired becomes the banner’s sentence, not a raw error', async () => {
    const view = sampleView();
    const refusal = {
      code: 'FORBIDDEN' as const,
      message: 'It is necessary to renew the license in the branch with id: 101',
    };
    view.numbers = part<TodayNumbers>(null, { forbidden: true, error: refusal, fetchedAt: null });
    const api = todayApi(view);
    app = await mountApp({ api, at: '/today' });
    await settle();
    expect(app.wrapper.get('[data-test=licence-banner]').text()).toBe(
      'The Altegio licence for Downtown has ended. Altegio may hold back some figures until your manager renews it.',
    );
    expect(app.wrapper.text()).not.toContain('It is necessary to renew');
  });

  it('Settings shows the licence state: until when, days left, staff limit', async () => {
    const api = todayApi(sampleView());
    api.catalog.location.mockResolvedValue(ok(card(endsIn(30))));
    app = await mountApp({ api, at: '/settings' });
    await settle();
    const panel = app.wrapper.get('[data-test=licence-panel]');
    expect(panel.get('[data-test=licence-state]').text()).toBe('Active until Monday, December 21, 2026 · 30 days left');
    expect(panel.text()).toContain('Team members allowed: 20');
    expect(panel.find('.alert').exists()).toBe(false);
  });
});
