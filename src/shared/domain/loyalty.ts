import type { ErrorBody } from '../errors';
import type { Section } from './today';

/** "Who comes back": the manager's view of new, returning and lost clients (loyalty analytics). */

export const LOYALTY_PERIOD_KINDS = ['month', 'lastMonth', 'days30', 'days90', 'custom'] as const;
export type LoyaltyPeriodKind = (typeof LOYALTY_PERIOD_KINDS)[number];

/** Location days (YYYY-MM-DD), both ends included, and the period before it that it is compared with. */
export interface LoyaltyPeriod {
  kind: LoyaltyPeriodKind;
  from: string;
  to: string;
  compareFrom: string;
  compareTo: string;
}

/**
 * Under this many clients a percentage says more about chance than about anyone's work:
 * the desk shows the counts and "too few clients to say" instead.
 */
export const MIN_CLIENTS_FOR_PERCENT = 10;

/** A group of clients; `returnedPercent` is null when the group is under the minimum. */
export interface ClientGroup {
  all: number;
  returned: number;
  lost: number;
  returnedPercent: number | null;
}

export interface LoyaltyFigures {
  newClients: ClientGroup;
  oldClients: ClientGroup;
  total: ClientGroup;
  days: { date: string; newCount: number; oldCount: number }[];
}

export interface LoyaltyMember {
  staffId: number;
  name: string;
  position: string | null;
  avatarUrl: string | null;
  /** Clients the member saw in the period; `returned` of them came back to them ("kept"). */
  clients: ClientGroup;
}

export interface LoyaltyProgramme {
  id: number;
  title: string;
}

export interface LoyaltyView {
  locationId: number;
  timezoneName: string;
  period: LoyaltyPeriod;
  /** The location's promotions; the figures count `chosen` ones ([] = all of them). */
  programmes: LoyaltyProgramme[];
  chosen: number[];
  current: Section<LoyaltyFigures>;
  previous: Section<LoyaltyFigures>;
  staff: Section<LoyaltyMember[]>;
  minClients: number;
  /** Requests this answer cost (0 when every part came from the desk's copy). */
  requests: number;
}

/** One member's clients month by month ("tap a member to see their numbers over time"). */
export interface MemberHistory {
  staffId: number;
  /** Oldest first; `clients` null for a month the desk could not get. */
  months: { from: string; to: string; clients: ClientGroup | null; fetchedAt: string | null; stale: boolean }[];
  forbidden: boolean;
  error: ErrorBody | null;
  requests: number;
}

/**
 * The percentage the desk may show for `returned` of `all`: none under the minimum; Altegio's own
 * figure when it gave one, else computed; always within 0–100.
 */
export function returnedShare(
  all: number,
  returned: number,
  given: number | null = null,
  min = MIN_CLIENTS_FOR_PERCENT,
): number | null {
  if (!Number.isFinite(all) || all < Math.max(1, min)) return null;
  const raw = given !== null && Number.isFinite(given) ? given : (returned / all) * 100;
  return Math.min(100, Math.max(0, Math.round(raw * 10) / 10));
}

/** Applies the minimum rule to a group as Altegio counted it. */
export function clientGroup(
  c: { all: number; returned: number; lost: number; returnedPercent: number | null },
  min = MIN_CLIENTS_FOR_PERCENT,
): ClientGroup {
  return {
    all: c.all,
    returned: c.returned,
    lost: c.lost,
    returnedPercent: returnedShare(c.all, c.returned, c.returnedPercent, min),
  };
}
