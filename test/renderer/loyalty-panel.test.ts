import { afterEach, describe, expect, it } from 'vitest';
import type { LoyaltyFigures, LoyaltyMember, LoyaltyView } from '../../src/shared/domain/loyalty';
import type { Section } from '../../src/shared/domain/today';
import { createFakeApi, ok, sampleLocation, sampleUser } from './support/fake-api';
import { mountApp, settle, type MountedApp } from './support/mount-app';

let app: MountedApp | null = null;
afterEach(async () => {
  app?.unmount();
  app = null;
  const { setLanguage } = await import('../../src/renderer/src/i18n');
  setLanguage('en');
});

const part = <T>(data: T | null, patch: Partial<Section<T>> = {}): Section<T> => ({
  data,
  fetchedAt: '2026-03-18T14:00:00.000Z',
  fromCache: false,
  stale: false,
  forbidden: false,
  error: null,
  ...patch,
});

const group = (all: number, returned: number, lost: number, pct: number | null) => ({
  all,
  returned,
  lost,
  returnedPercent: pct,
});

const member = (staffId: number, name: string, clients: LoyaltyMember['clients']): LoyaltyMember => ({
  staffId,
  name,
  position: staffId === 1 ? 'Senior stylist' : 'Colourist',
  avatarUrl: null,
  clients,
});

function view(patch: Partial<LoyaltyView> = {}): LoyaltyView {
  return {
    locationId: 101,
    timezoneName: 'America/New_York',
    period: { kind: 'month', from: '2026-03-01', to: '2026-03-03', compareFrom: '2026-02-01', compareTo: '2026-02-03' },
    programmes: [
      { id: 11, title: 'Gold Card' },
      { id: 12, title: 'Welcome 10%' },
    ],
    chosen: [],
    current: part({
      newClients: group(4, 1, 0, null),
      oldClients: group(20, 15, 1, 75),
      total: group(24, 16, 1, 66.67),
      days: [
        { date: '2026-03-01', newCount: 1, oldCount: 5 },
        { date: '2026-03-02', newCount: 2, oldCount: 9 },
        { date: '2026-03-03', newCount: 1, oldCount: 3 },
      ],
    }),
    previous: part({
      newClients: group(6, 2, 0, null),
      oldClients: group(18, 10, 2, 55.6),
      total: group(24, 12, 2, 50),
      days: [],
    }),
    staff: part([
      member(1, 'Maria Lopez', group(12, 9, 0, 75)),
      member(2, 'Ivan Petrov', group(3, 3, 0, null)),
      member(3, 'Ana Silva', group(15, 6, 1, 40)),
    ]),
    minClients: 10,
    requests: 4,
    ...patch,
  };
}

function loyaltyApi(get: () => Promise<{ ok: true; data: LoyaltyView }>) {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    catalog: { locations: async () => ok({ items: [sampleLocation()], syncedAt: null }) },
    staff: { list: async () => ok({ items: [], syncedAt: null }) },
    loyalty: { get },
  });
}

describe('Clients panel on the Team screen', () => {
  it('shows new and returning clients, returned % with counts, lost, definitions and the period before', async () => {
    app = await mountApp({ api: loyaltyApi(async () => ok(view())), at: '/team' });
    expect(app.api.loyalty.get).toHaveBeenCalledWith({ locationId: 101, period: 'month' });
    const panel = app.wrapper.get('[data-test=loyalty-panel]');
    expect(panel.get('[data-test=loyalty-metric-new]').text()).toContain('4');
    expect(panel.get('[data-test=loyalty-metric-new]').text()).toContain('before: 6');
    expect(panel.get('[data-test=loyalty-metric-new]').text()).toContain('for the first time');
    const returned = panel.get('[data-test=loyalty-metric-returned]').text();
    expect(returned).toContain('66.7%');
    expect(returned).toContain('16 of 24 clients');
    expect(returned).toContain('before: 50%');
    expect(panel.get('[data-test=loyalty-metric-lost]').text()).toContain('not come again');
    expect(panel.get('[data-test=loyalty-range]').text()).toContain('compared with');
    expect(panel.get('[data-test=loyalty-chart-summary]').text()).toBe(
      'Visits by day: new and returning clients: 3 days, 21 visits — 4 by new clients, 17 by returning clients; busiest day Mar 2 with 11.',
    );
  });

  it('members: counts beside percentages, "too few clients to say" under the minimum, sortable', async () => {
    app = await mountApp({ api: loyaltyApi(async () => ok(view())), at: '/team' });
    const names = () => app!.wrapper.findAll('[data-test=loyalty-member]').map((r) => r.find('.name').text());
    // By returned % first; the member under the minimum goes last, whatever their share.
    expect(names()).toEqual(['Maria Lopez', 'Ana Silva', 'Ivan Petrov']);
    const ivan = app.wrapper.findAll('[data-test=loyalty-member]')[2]!;
    expect(ivan.text()).toContain('too few clients to say');
    expect(ivan.text()).not.toContain('100%');
    expect(ivan.text()).toContain('Colourist');
    expect(app.wrapper.findAll('[data-test=loyalty-member]')[0]!.text()).toContain('9 of 12 clients');
    await app.wrapper.get('[data-test=loyalty-sort-clients]').trigger('click');
    expect(names()).toEqual(['Ana Silva', 'Maria Lopez', 'Ivan Petrov']);
    await app.wrapper.get('[data-test=loyalty-sort-name]').trigger('click');
    expect(names()).toEqual(['Ana Silva', 'Ivan Petrov', 'Maria Lopez']);
    expect(app.wrapper.get('[data-test=loyalty-sort-name]').element.parentElement!.getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });

  it('changing the period and the programme asks again; the chart turns into a table', async () => {
    app = await mountApp({ api: loyaltyApi(async () => ok(view())), at: '/team' });
    await app.wrapper.get('[data-test=loyalty-period]').setValue('days90');
    await settle();
    expect(app.api.loyalty.get).toHaveBeenLastCalledWith({ locationId: 101, period: 'days90' });
    await app.wrapper.get('[data-test=loyalty-programme]').setValue('11');
    await settle();
    expect(app.api.loyalty.get).toHaveBeenLastCalledWith({ locationId: 101, period: 'days90', programIds: [11] });
    await app.wrapper.get('[data-test=loyalty-chart-toggle]').trigger('click');
    const rows = app.wrapper.get('[data-test=loyalty-chart-table]').findAll('tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.text()).toContain('2');
    expect(rows[1]!.text()).toContain('9');
  });

  it('custom dates are checked on the screen before asking', async () => {
    app = await mountApp({ api: loyaltyApi(async () => ok(view())), at: '/team' });
    await app.wrapper.get('[data-test=loyalty-period]').setValue('custom');
    const calls = app.api.loyalty.get.mock.calls.length;
    await app.wrapper.get('[data-test=loyalty-from]').setValue('2026-03-10');
    await app.wrapper.get('[data-test=loyalty-to]').setValue('2026-03-02');
    await app.wrapper.get('[data-test=loyalty-apply]').trigger('click');
    expect(app.wrapper.text()).toContain('The last day comes before the first day.');
    expect(app.api.loyalty.get.mock.calls.length).toBe(calls);
    await app.wrapper.get('[data-test=loyalty-to]').setValue('2026-03-12');
    await app.wrapper.get('[data-test=loyalty-apply]').trigger('click');
    await settle();
    expect(app.api.loyalty.get).toHaveBeenLastCalledWith({
      locationId: 101,
      period: 'custom',
      from: '2026-03-10',
      to: '2026-03-12',
    });
  });

  it('without analytics rights: one calm sentence, no figures, in the desk language', async () => {
    const forbidden = view({
      current: part<LoyaltyFigures>(null, { forbidden: true, fetchedAt: null }),
      previous: part<LoyaltyFigures>(null, { forbidden: true, fetchedAt: null }),
      staff: part<LoyaltyMember[]>(null, { forbidden: true, fetchedAt: null }),
      programmes: [],
    });
    app = await mountApp({ api: loyaltyApi(async () => ok(forbidden)), at: '/team' });
    expect(app.wrapper.get('[data-test=loyalty-forbidden]').text()).toBe(
      'Client return figures are shown only to people with analytics rights in Altegio.',
    );
    expect(app.wrapper.find('[data-test=loyalty-members]').exists()).toBe(false);
    expect(app.wrapper.find('[data-test=loyalty-period]').exists()).toBe(false);
    const { setLanguage } = await import('../../src/renderer/src/i18n');
    setLanguage('ru');
    await settle();
    expect(app.wrapper.get('[data-test=loyalty-forbidden]').text()).toContain('доступом к аналитике');
  });

  it('tapping a member shows their clients month by month, with counts and the minimum rule', async () => {
    const api = loyaltyApi(async () => ok(view()));
    api.loyalty.member.mockImplementation(async (a) =>
      ok({
        staffId: a.staffId,
        months: [
          { from: '2026-02-01', to: '2026-02-28', clients: group(4, 2, 0, null), fetchedAt: null, stale: false },
          { from: '2026-03-01', to: '2026-03-03', clients: group(12, 9, 0, 75), fetchedAt: null, stale: false },
        ],
        forbidden: false,
        error: null,
        requests: 1,
      }),
    );
    app = await mountApp({ api, at: '/team' });
    await app.wrapper.findAll('[data-test=loyalty-member-open]')[0]!.trigger('click');
    await settle();
    expect(api.loyalty.member).toHaveBeenCalledWith({ locationId: 101, staffId: 1 });
    const rows = [...document.querySelectorAll('[data-test=loyalty-history] tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('February 2026');
    expect(rows[0]).toContain('too few clients to say');
    expect(rows[1]).toContain('75%');
    expect(document.querySelector('[role=dialog]')?.getAttribute('aria-label')).toBe(
      'Maria Lopez: clients month by month',
    );
  });
});
