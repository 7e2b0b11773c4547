import type { AnalyticsOverall, ScheduleDay } from '../../../src/main/altegio/today-types';
import type { TipsSetting } from '../../../src/main/altegio/types';
import { TodayService, type TodayLocation } from '../../../src/main/services/today';
import type { StaffMember } from '../../../src/shared/domain/catalog';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { seedCompany } from '../reports/fixtures';

export const LOC = 37532;

export function overall(income: number, visits: number): AnalyticsOverall {
  const stat = (current: number) => ({ current, previous: 0, changePercent: null });
  return {
    currency: 'USD',
    income: stat(income),
    incomeServices: stat(income),
    incomeGoods: stat(0),
    average: stat(visits ? income / visits : 0),
    fullness: stat(50),
    records: { completed: visits, pending: 0, canceled: 0, total: visits, previousTotal: 0, changePercent: null },
    clients: { total: visits, new: 1, returning: visits - 1, active: visits, lost: 0 },
  };
}

export const member = (id: number, name: string): StaffMember => ({
  id,
  locationId: LOC,
  name,
  position: 'Stylist',
  specialization: 'stylist',
  avatarUrl: `app-media://media/staff/${id}.jpg`,
  hasPhoto: true,
  serviceCount: 3,
  photoPending: null,
});

export const TIPS: TipsSetting[] = [
  {
    id: 11,
    staffId: 1,
    isEnabled: true,
    status: 4,
    statusTitle: 'everything is set',
    link: 'https://app.alteg.io/tips/external/37532/aaaa/',
    staffName: 'Olivia',
    staffAvatar: null,
  },
];

export interface TodaySetup {
  t: TestContext;
  altegio: FakeAltegio;
  service: TodayService;
  user: { id: number | null };
}

/**
 * A Today service over a fake Altegio for one location in `timezone`, on `date` (the location's
 * day): Olivia works 09:00–13:00 and 14:00–18:00 with a client 10:00–11:00, Liam is off.
 */
export function setup(opts: { timezone?: string; date?: string } = {}): TodaySetup {
  const timezone = opts.timezone ?? 'America/New_York';
  const date = opts.date ?? '2026-03-23';
  const schedule: ScheduleDay[] = [
    {
      staffId: 1,
      date,
      slots: [
        { from: '09:00', to: '13:00' },
        { from: '14:00', to: '18:00' },
      ],
      busy: [{ from: '10:00', to: '11:00' }],
      offDayType: null,
    },
  ];
  const altegio = new FakeAltegio({
    locations: [
      {
        company: seedCompany({ timezoneName: timezone }),
        categories: [],
        services: [],
        staff: [],
        tips: structuredClone(TIPS),
        schedule,
        nextSlot: `${date}T11:00:00-04:00`,
        overall: new Proxy({} as Record<string, AnalyticsOverall>, {
          get: (_t, key) => (typeof key === 'string' ? overall(key.startsWith(date) ? 500 : 400, 5) : undefined),
        }),
        daily: {
          income_daily: [{ label: 'Earnings', slug: 'income_total', points: [{ date, value: 500 }] }],
          records_daily: [{ label: 'Number of appointments', slug: null, points: [{ date, value: 5 }] }],
          fullness_daily: [{ label: 'Workday occupancy, %', slug: 'fullness_spent', points: [{ date, value: 41.66 }] }],
        },
        shares: {
          record_source: [{ label: 'Administrator', value: 3 }],
          record_status: [
            { label: 'Came', value: 4 },
            { label: 'Did not come', value: 1 },
          ],
        },
      },
    ],
  });
  const t = makeTestContext({ altegio });
  const location: TodayLocation = { id: LOC, title: 'James Smith LLC', timezoneName: timezone };
  const user = { id: 1 as number | null };
  const service = new TodayService(t.ctx, {
    location: (id) => (id === LOC ? location : null),
    members: async () => [member(1, 'Olivia'), member(2, 'Liam')],
    userId: () => user.id,
  });
  return { t, altegio, service, user };
}

export const offline = () => new AppError('OFFLINE', 'No connection to Altegio.');
export const forbidden = () => new AppError('FORBIDDEN', 'No permission to view analytics');
