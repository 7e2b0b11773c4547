import type { Section, TodayView } from '../../../src/shared/domain/today';
import type { Language } from '../../../src/shared/i18n';
import { createFakeApi, ok, sampleLocation, sampleSettings, sampleStaff, sampleUser } from './fake-api';

/** A Today view as main would send it, and a fake api answering with it: shared by the Today screen tests. */
export const part = <T>(data: T | null, patch: Partial<Section<T>> = {}): Section<T> => ({
  data,
  fetchedAt: '2026-03-23T14:00:00.000Z',
  fromCache: false,
  stale: false,
  forbidden: false,
  error: null,
  ...patch,
});

const metric = (current: number, previous: number | null) => ({ current, previous });
const period = (from: string, compareFrom: string) => ({
  from,
  to: '2026-03-23',
  compareFrom,
  compareTo: compareFrom,
  revenue: metric(1200, 1000),
  averageCheck: metric(80, 100),
  visits: metric(15, 15),
  occupancy: metric(62.5, 50),
  newClients: metric(3, null),
  returningClients: metric(12, 10),
});

export function sampleView(patch: Partial<TodayView> = {}): TodayView {
  return {
    locationId: 101,
    locationTitle: 'Downtown',
    timezoneName: 'America/New_York',
    date: '2026-03-23',
    clock: '10:30',
    asOf: '2026-03-23T14:30:00.000Z',
    team: part({
      date: '2026-03-23',
      working: [
        {
          id: 1,
          name: 'Olivia Brown',
          position: 'Stylist',
          avatarUrl: null,
          hours: [
            { from: '09:00', to: '13:00' },
            { from: '14:00', to: '18:00' },
          ],
          breaks: [{ from: '13:00', to: '14:00' }],
          busy: [{ from: '10:00', to: '11:00' }],
          now: { kind: 'busy', until: '11:00' },
        },
      ],
      off: [{ id: 2, name: 'Liam Smith', position: null, avatarUrl: null }],
    }),
    nextSlot: part({ at: '2026-03-23T11:15:00-04:00', date: '2026-03-23', clock: '11:15', passed: false }),
    numbers: part({
      currency: 'USD',
      today: period('2026-03-23', '2026-03-16'),
      month: period('2026-03-01', '2026-02-01'),
    }),
    charts: part({
      from: '2026-03-22',
      to: '2026-03-23',
      days: [
        { date: '2026-03-22', revenue: 900, visits: 10, occupancy: 40 },
        { date: '2026-03-23', revenue: 1200, visits: 15, occupancy: 62.5 },
      ],
      sources: [{ kind: 'admin', label: 'Administrator', value: 3 }],
      statuses: [
        { kind: 'came', label: 'Came', value: 20 },
        { kind: 'noShow', label: 'Did not come', value: 2 },
      ],
    }),
    tips: part([
      {
        staffId: 1,
        settingsId: 11,
        name: 'Olivia Brown',
        avatarUrl: null,
        enabled: true,
        ready: true,
        status: 4,
        statusTitle: 'everything is set',
        link: 'https://app.alteg.io/tips/external/1/a/',
      },
    ]),
    requests: 12,
    ...patch,
  };
}

export function todayApi(view: TodayView, language: Language | null = null) {
  return createFakeApi({
    session: { current: async () => ok(sampleUser) },
    settings: {
      get: async () => ok(sampleSettings({ desk: { locationId: null, paper: 'a4', printer: null, language } })),
    },
    catalog: { locations: async () => ok({ items: [sampleLocation()], syncedAt: null }) },
    staff: { list: async () => ok({ items: [sampleStaff(1, { name: 'Olivia Brown' })], syncedAt: null }) },
    today: { get: async () => ok(view) },
  });
}

