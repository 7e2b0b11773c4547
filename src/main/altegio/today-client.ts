import type { z } from 'zod';
import {
  analyticsOverallSchema,
  dailyChartSchema,
  nextSlotSchema,
  scheduleSchema,
  shareChartSchema,
  tipsSettingsFullSchema,
} from './today-schemas';
import { requireData } from './require-data';
import type { ApiRequest } from './transport';
import type { AnalyticsQuery } from './today-types';
import type { AltegioApi } from './types';

type Get = <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>) => Promise<z.output<S>>;
type Post = <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>) => Promise<z.output<S>>;

export type TodayMethods = Pick<
  AltegioApi,
  'schedule' | 'nextSlot' | 'analyticsOverall' | 'dailyChart' | 'shareChart' | 'setTipsEnabled'
>;

const period = (q: AnalyticsQuery) => ({ date_from: q.from, date_to: q.to, team_member_id: q.staffId });

/** The Today screen's endpoints, built on the client's own get/post (same limiter, retries, errors). */
export function todayMethods(get: Get, post: Post): TodayMethods {
  return {
    schedule: (locationId, { from, to, staffIds }) =>
      get(requireData(scheduleSchema), {
        endpoint: 'GET /company/{id}/staff/schedule',
        path: `/company/${locationId}/staff/schedule`,
        query: {
          start_date: from,
          end_date: to,
          'include[]': 'busy_intervals',
          ...(staffIds && staffIds.length > 0 ? { 'staff_ids[]': [...staffIds] } : {}),
        },
      }),
    nextSlot: (locationId) =>
      get(requireData(nextSlotSchema), {
        endpoint: 'GET /company/{id}',
        path: `/company/${locationId}`,
        query: { forBooking: 1 },
      }),
    analyticsOverall: (locationId, q) =>
      get(requireData(analyticsOverallSchema), {
        endpoint: 'GET /company/{id}/analytics/overall',
        path: `/company/${locationId}/analytics/overall`,
        query: period(q),
      }),
    dailyChart: (locationId, chart, q) =>
      get(requireData(dailyChartSchema), {
        endpoint: `GET /company/{id}/analytics/overall/charts/${chart}`,
        path: `/company/${locationId}/analytics/overall/charts/${chart}`,
        query: period(q),
        bare: true,
      }),
    shareChart: (locationId, chart, q) =>
      get(requireData(shareChartSchema), {
        endpoint: `GET /company/{id}/analytics/overall/charts/${chart}`,
        path: `/company/${locationId}/analytics/overall/charts/${chart}`,
        query: period(q),
        bare: true,
      }),
    // The description has GET for enable and POST for disable (sic); each is sent as documented.
    setTipsEnabled: (locationId, settingsId, enabled) =>
      (enabled ? get : post)(tipsSettingsFullSchema, {
        endpoint: `${enabled ? 'GET' : 'POST'} /tips/{id}/settings/{settings_id}/${enabled ? 'enable' : 'disable'}`,
        path: `/tips/${locationId}/settings/${settingsId}/${enabled ? 'enable' : 'disable'}`,
      }),
  };
}
