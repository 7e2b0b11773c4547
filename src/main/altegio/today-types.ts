/** What the Today screen asks Altegio, in the app's camelCase shapes (see today-schemas.ts). */

export interface TimeRange {
  /** HH:mm in the location's clock. */
  from: string;
  to: string;
}

/** One team member's working intervals on one day (GET /company/{id}/staff/schedule). */
export interface ScheduleDay {
  staffId: number;
  /** YYYY-MM-DD */
  date: string;
  slots: TimeRange[];
  /** Appointments and events, when asked for with include[]=busy_intervals. */
  busy: TimeRange[];
  offDayType: number | null;
}

export interface AmountStat {
  current: number;
  previous: number;
  changePercent: number | null;
}

/** GET /company/{id}/analytics/overall: the period and the previous one of the same length. */
export interface AnalyticsOverall {
  /** ISO code when Altegio names it, else its symbol, else null. */
  currency: string | null;
  income: AmountStat;
  incomeServices: AmountStat;
  incomeGoods: AmountStat;
  average: AmountStat;
  fullness: AmountStat;
  records: {
    completed: number;
    pending: number;
    canceled: number;
    total: number;
    previousTotal: number;
    changePercent: number | null;
  };
  clients: { total: number; new: number; returning: number; active: number; lost: number };
}

/** A daily chart line: [epoch ms of the day (UTC midnight), value]. */
export interface ChartSeries {
  label: string;
  slug: string | null;
  points: { date: string; value: number }[];
}

export interface ChartSlice {
  label: string;
  value: number;
}

export type DailyChart = 'income_daily' | 'records_daily' | 'fullness_daily';
export type ShareChart = 'record_source' | 'record_status';

export interface AnalyticsQuery {
  /** YYYY-MM-DD, both ends included. */
  from: string;
  to: string;
  staffId?: number | undefined;
}
