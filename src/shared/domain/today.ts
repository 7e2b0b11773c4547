import type { ErrorBody } from '../errors';

/** HH:mm intervals in the location's own clock. */
export interface ClockRange {
  from: string;
  to: string;
}

/** Where a working member is at the location's "now". */
export type MemberNow =
  | { kind: 'before'; at: string } // starts at
  | { kind: 'busy'; until: string } // with a client until
  | { kind: 'free'; until: string | null } // free until the next booking (null: till the end of the day)
  | { kind: 'break'; until: string } // on a break until
  | { kind: 'after' }; // finished for the day

export interface TodayMember {
  id: number;
  name: string;
  position: string | null;
  /** App-protocol URL that works offline, or null. */
  avatarUrl: string | null;
  /** Working intervals; the gaps between them are the breaks. */
  hours: ClockRange[];
  breaks: ClockRange[];
  /** Booked intervals (appointments and events). */
  busy: ClockRange[];
  now: MemberNow;
}

export interface OffMember {
  id: number;
  name: string;
  position: string | null;
  avatarUrl: string | null;
}

export interface TodayTeam {
  /** YYYY-MM-DD, the location's day the schedule is for. */
  date: string;
  working: TodayMember[];
  off: OffMember[];
}

/** A figure and the same figure for the period it is compared with (null when unknown). */
export interface Metric {
  current: number;
  previous: number | null;
}

export interface PeriodNumbers {
  from: string;
  to: string;
  compareFrom: string;
  compareTo: string;
  revenue: Metric;
  averageCheck: Metric;
  visits: Metric;
  /** Percent of working time booked. */
  occupancy: Metric;
  newClients: Metric;
  returningClients: Metric;
}

export interface TodayNumbers {
  /** As Altegio gives it: an ISO code or a symbol; null when unknown (plain numbers then). */
  currency: string | null;
  /** Today against the same weekday last week. */
  today: PeriodNumbers;
  /** Month to date against the same days of last month. */
  month: PeriodNumbers;
}

export type SourceKind = 'admin' | 'online' | 'app' | 'api' | 'other';
export type StatusKind = 'came' | 'pending' | 'noShow' | 'cancelled' | 'other';

/** The five charts; each is fetched on its own and may be missing alone. */
export type ChartName = 'revenue' | 'visits' | 'occupancy' | 'sources' | 'statuses';

export interface TodayCharts {
  from: string;
  to: string;
  /** Charts Altegio did not give this time (the others still show); details are in the log. */
  missing?: ChartName[];
  days: { date: string; revenue: number; visits: number; occupancy: number }[];
  /** Where bookings came from; `label` is Altegio's own words, `kind` what the desk translates. */
  sources: { kind: SourceKind; label: string; value: number }[];
  statuses: { kind: StatusKind; label: string; value: number }[];
}

export interface TipInfo {
  staffId: number;
  settingsId: number;
  name: string;
  avatarUrl: string | null;
  enabled: boolean;
  /** 4 = everything is set; anything else is not ready to receive tips yet. */
  ready: boolean;
  /** Altegio's code: 3 "pending account" (said in the desk's language), 4 ready; others are shown in Altegio's words. */
  status: number | null;
  statusTitle: string | null;
  link: string | null;
  /**
   * False when Altegio has tip settings for someone the Team list does not show (hidden, dismissed or
   * not at this location): the screen says so rather than leave the two lists disagreeing.
   */
  inTeam?: boolean;
}

/**
 * One part of the Today screen as the desk has it: fresh from Altegio, or the last copy with its age.
 * `forbidden`: the signed-in user has no rights for it (a calm sentence, not an error).
 */
export interface Section<T> {
  data: T | null;
  /** ISO timestamp of the fetch the data comes from. */
  fetchedAt: string | null;
  /** Answered from the desk's copy (fresh enough, or the last one there is). */
  fromCache: boolean;
  /** The copy stands in because Altegio could not be reached: say so, with its age. */
  stale: boolean;
  forbidden: boolean;
  error: ErrorBody | null;
}

/**
 * Altegio's next slot a client can book online (GET /company/{id}?forBooking=1), on the location's
 * clock: Altegio may write the instant with another offset than the location's (issue 19 §2.5).
 */
export interface NextSlot {
  /** ISO 8601 instant as Altegio sent it, or null when it offers none. */
  at: string | null;
  /** The location's day (YYYY-MM-DD) and clock (HH:mm) at that instant. */
  date: string | null;
  clock: string | null;
  /** The slot is already in the past on the location's clock: not shown; asked again. */
  passed: boolean;
}

/** The parts of the Today screen, each of which can be asked for on its own. */
export const TODAY_PARTS = ['team', 'nextSlot', 'numbers', 'charts', 'tips'] as const;
export type TodayPartName = (typeof TODAY_PARTS)[number];

export interface TodayView {
  locationId: number;
  locationTitle: string;
  timezoneName: string;
  /** The location's day and clock when this view was made. */
  date: string;
  clock: string;
  /** The instant `date` and `clock` name (ISO), so the screen can write it with the zone's name. */
  asOf?: string;
  team: Section<TodayTeam>;
  nextSlot: Section<NextSlot>;
  numbers: Section<TodayNumbers>;
  charts: Section<TodayCharts>;
  tips: Section<TipInfo[]>;
  /** How many Altegio requests this call made (0 when everything came from the desk's copy). */
  requests: number;
}

/** One member's card on A6 or an 80 mm receipt, or the whole team's cards on A4 sheets. */
export type TipFormat = 'a6' | 'receipt80' | 'sheet';

export interface TipCardQuery {
  locationId: number;
  /** Required for a6/receipt80; the sheet holds every member whose tips are on. */
  staffId?: number | undefined;
  format: TipFormat;
}
