import type { LoyaltyQuery, LoyaltyStaffRow, LoyaltyVisits, LoyaltyProgram } from '../../altegio/loyalty-types';
import type { AltegioApi } from '../../altegio/types';
import type { StaffMember } from '../../../shared/domain/catalog';
import {
  clientGroup,
  MIN_CLIENTS_FOR_PERCENT,
  type LoyaltyFigures,
  type LoyaltyMember,
  type LoyaltyPeriod,
  type LoyaltyPeriodKind,
  type LoyaltyView,
  type MemberHistory,
} from '../../../shared/domain/loyalty';
import type { Section } from '../../../shared/domain/today';
import { AppError, isAppError, type ErrorBody } from '../../../shared/errors';
import { LoyaltyCache, type LoyaltyKey, type LoyaltyPart } from '../../store/loyalty/loyalty-cache';
import { rightsOf } from '../catalog/location-rights';
import type { AppContext } from '../context';
import type { TodayLocation } from '../today';
import { locationNow } from '../today/calendar';
import { loyaltyMonth, loyaltyPeriod } from './periods';

export interface LoyaltyDeps {
  location(id: number): TodayLocation | null;
  /** The team with offline photos, from the catalogue ([] before the first sync). */
  members(locationId: number): Promise<StaffMember[]>;
  /** The signed-in user's Altegio id: figures are cached per user, as rights differ. */
  userId(): number | null;
}

export interface LoyaltyRequest {
  locationId: number;
  period: LoyaltyPeriodKind;
  from?: string | undefined;
  to?: string | undefined;
  /** Promotions to count; absent or empty: all of them. */
  programIds?: readonly number[] | undefined;
  refresh?: boolean | undefined;
}

/**
 * How long a copy answers without asking Altegio. A period that includes today still moves; one that
 * has ended changes only as its clients come back, which a few hours' delay does not hide. Promotions
 * are set up rarely.
 */
export const LOYALTY_FRESH_MS = { programmes: 24 * 60 * 60_000, open: 15 * 60_000, ended: 6 * 60 * 60_000 };
export const LOYALTY_REFUSED_MS = 30 * 60_000;
export const LOYALTY_MIN_REFRESH_MS = 30_000;
const KEEP_DAYS = 120;

const blank = <T>(over: Partial<Section<T>> = {}): Section<T> => ({
  data: null,
  fetchedAt: null,
  fromCache: false,
  stale: false,
  forbidden: false,
  error: null,
  ...over,
});

function errorBody(e: unknown): ErrorBody {
  return isAppError(e) ? e.toBody() : { code: 'OFFLINE', message: 'There is no connection to Altegio.' };
}

const usableCopy = (e: unknown) =>
  !isAppError(e) || e.code === 'OFFLINE' || e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED';

interface Attempt {
  offline: boolean;
  refresh: boolean;
  calls: number;
}

/** "Who comes back": loyalty analytics from the desk's copy when fresh enough, else Altegio, else the copy. */
export class LoyaltyService {
  readonly cache: LoyaltyCache;
  private readonly inflight = new Map<string, Promise<LoyaltyView>>();
  private readonly refused = new Map<string, number>();

  constructor(
    private readonly ctx: AppContext,
    private readonly deps: LoyaltyDeps,
  ) {
    this.cache = new LoyaltyCache(ctx.db);
  }

  /** Parallel callers asking the same thing share one fetch. */
  get(req: LoyaltyRequest): Promise<LoyaltyView> {
    const key = JSON.stringify([
      req.locationId,
      req.period,
      req.from,
      req.to,
      [...(req.programIds ?? [])].sort(),
      !!req.refresh,
    ]);
    let p = this.inflight.get(key);
    if (!p) {
      p = this.build(req).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }

  /**
   * One member's clients month by month (the last `months`, this month so far included): the same
   * staff answers the panel asks for a month, so a month already looked at costs nothing.
   */
  async memberHistory(req: {
    locationId: number;
    staffId: number;
    programIds?: readonly number[] | undefined;
    months?: number | undefined;
  }): Promise<MemberHistory> {
    this.checkRights(req.locationId);
    const attempt: Attempt = { offline: !this.ctx.connectivity.online, refresh: false, calls: 0 };
    const client = async () => {
      attempt.calls++;
      return this.ctx.altegio({ lane: 'urgent' });
    };
    const location = this.deps.location(req.locationId);
    const timezone = location?.timezoneName ?? (await (await client()).company(req.locationId)).timezoneName;
    const today = locationNow(timezone, this.ctx.now()).date;
    const userId = this.deps.userId() ?? 0;
    const base = { locationId: req.locationId, userId };
    const programmes = await this.part<LoyaltyProgram[]>(
      { ...base, part: 'programmes', period: '', programs: '' },
      LOYALTY_FRESH_MS.programmes,
      attempt,
      async () => (await client()).loyaltyPrograms(req.locationId),
    );
    const { ids, programs } = chooseProgrammes(programmes.data ?? [], req.programIds);
    const months: MemberHistory['months'] = [];
    let forbidden = programmes.forbidden;
    let error = programmes.error;
    const count = Math.min(12, Math.max(1, req.months ?? 6));
    for (let back = count - 1; back >= 0 && !forbidden; back--) {
      const m = loyaltyMonth(today, back);
      const section = await this.part<LoyaltyStaffRow[]>(
        { ...base, part: 'staff', period: `${m.from}|${m.to}`, programs },
        m.to >= today ? LOYALTY_FRESH_MS.open : LOYALTY_FRESH_MS.ended,
        attempt,
        async () => (await client()).loyaltyStaff(req.locationId, { from: m.from, to: m.to, programIds: ids }),
        programmes.data === null ? programmes : undefined,
      );
      if (section.forbidden) forbidden = true;
      if (section.error && !section.data) error ??= section.error;
      const row = section.data?.find((r) => r.staffId === req.staffId);
      months.push({
        from: m.from,
        to: m.to,
        clients: section.data
          ? clientGroup(row?.clients ?? { all: 0, returned: 0, lost: 0, returnedPercent: null })
          : null,
        fetchedAt: section.fetchedAt,
        stale: section.stale,
      });
    }
    return {
      staffId: req.staffId,
      months: forbidden ? [] : months,
      forbidden,
      error: forbidden ? null : error,
      requests: attempt.calls,
    };
  }

  private checkRights(locationId: number): void {
    const rights = rightsOf(this.ctx.settings, this.ctx.currentUser());
    if (rights !== null && !rights.includes(locationId)) {
      throw new AppError('FORBIDDEN', 'This location is not among yours in Altegio.');
    }
  }

  private async build(req: LoyaltyRequest): Promise<LoyaltyView> {
    this.checkRights(req.locationId);
    const attempt: Attempt = { offline: !this.ctx.connectivity.online, refresh: !!req.refresh, calls: 0 };
    let api: AltegioApi | null = null;
    const client = async () => {
      api ??= await this.ctx.altegio({ lane: 'urgent' });
      attempt.calls++;
      return api;
    };
    let location = this.deps.location(req.locationId);
    if (!location) {
      const c = await (await client()).company(req.locationId);
      location = { id: c.id, title: c.title, timezoneName: c.timezoneName };
    }
    const today = locationNow(location.timezoneName, this.ctx.now()).date;
    const period = loyaltyPeriod(
      req.period,
      today,
      req.from !== undefined && req.to !== undefined ? { from: req.from, to: req.to } : undefined,
    );
    const userId = this.deps.userId() ?? 0;
    const key = (part: LoyaltyPart, from = '', to = '', programs = ''): LoyaltyKey => ({
      locationId: req.locationId,
      part,
      period: from ? `${from}|${to}` : '',
      programs,
      userId,
    });

    const programmes = await this.part<LoyaltyProgram[]>(
      key('programmes'),
      LOYALTY_FRESH_MS.programmes,
      attempt,
      async () => (await client()).loyaltyPrograms(req.locationId),
    );
    const known = programmes.data ?? [];
    const { ids, programs, chosen } = chooseProgrammes(known, req.programIds);
    const fresh = (to: string) => (to >= today ? LOYALTY_FRESH_MS.open : LOYALTY_FRESH_MS.ended);
    // Without the promotion list there is nothing to ask for: copies only.
    const canAsk = programmes.data !== null;
    const q = (from: string, to: string): LoyaltyQuery => ({ from, to, programIds: ids });
    const figures = (from: string, to: string) =>
      this.part<LoyaltyVisits>(
        key('visits', from, to, programs),
        fresh(to),
        attempt,
        async () => (await client()).loyaltyVisits(req.locationId, q(from, to)),
        canAsk ? undefined : programmes,
      );

    let current: Section<LoyaltyVisits>;
    let previous: Section<LoyaltyVisits>;
    let staff: Section<LoyaltyStaffRow[]>;
    if (programmes.forbidden) {
      current = blank({ forbidden: true });
      previous = blank({ forbidden: true });
      staff = blank({ forbidden: true });
    } else {
      // The current period first: a 403 stops here instead of three times.
      current = await figures(period.from, period.to);
      if (current.forbidden) {
        previous = blank({ forbidden: true });
        staff = blank({ forbidden: true });
      } else {
        [previous, staff] = await Promise.all([
          figures(period.compareFrom, period.compareTo),
          this.part<LoyaltyStaffRow[]>(
            key('staff', period.from, period.to, programs),
            fresh(period.to),
            attempt,
            async () => (await client()).loyaltyStaff(req.locationId, q(period.from, period.to)),
            canAsk ? undefined : programmes,
          ),
        ]);
      }
    }
    if (attempt.calls > 0) this.prune();
    const members = await this.deps.members(req.locationId);
    return {
      locationId: req.locationId,
      timezoneName: location.timezoneName,
      period,
      programmes: known.map((p) => ({ id: p.id, title: p.title })),
      chosen,
      current: { ...current, data: current.data ? toFigures(current.data) : null },
      previous: { ...previous, data: previous.data ? toFigures(previous.data) : null },
      staff: { ...staff, data: staff.data ? toMembers(staff.data, members) : null },
      minClients: MIN_CLIENTS_FOR_PERCENT,
      requests: attempt.calls,
    };
  }

  /**
   * One answer: the copy when fresh (or offline), else a fetch, else the copy marked stale.
   * FORBIDDEN is an answer (remembered a while), not a failure. `blocked`: may not ask (copies only).
   */
  private async part<T>(
    key: LoyaltyKey,
    freshMs: number,
    attempt: Attempt,
    fetch: () => Promise<T>,
    blocked?: Section<unknown>,
  ): Promise<Section<T>> {
    const copy = this.cache.get<T>(key);
    const nowMs = this.ctx.now().getTime();
    const fromCopy = (stale: boolean): Section<T> =>
      blank({ data: copy!.body, fetchedAt: copy!.fetchedAt, fromCache: true, stale });
    const refusedKey = `${key.locationId}|${key.part}|${key.userId}`;
    const refusedAt = this.refused.get(refusedKey);
    if (refusedAt !== undefined && nowMs - refusedAt < LOYALTY_REFUSED_MS && !attempt.refresh) {
      return blank({ forbidden: true });
    }
    if (copy && attempt.offline) return fromCopy(true);
    const age = copy ? nowMs - Date.parse(copy.fetchedAt) : Infinity;
    if (copy && age < (attempt.refresh ? LOYALTY_MIN_REFRESH_MS : freshMs)) return fromCopy(false);
    if (blocked) return copy ? fromCopy(true) : blank({ error: blocked.error });
    if (attempt.offline) return blank({ error: { code: 'OFFLINE', message: 'There is no connection to Altegio.' } });
    try {
      const body = await fetch();
      const fetchedAt = this.ctx.now().toISOString();
      this.cache.put(key, body, fetchedAt);
      this.refused.delete(refusedKey);
      return blank({ data: body, fetchedAt });
    } catch (e) {
      if (isAppError(e) && e.code === 'FORBIDDEN') {
        this.refused.set(refusedKey, this.ctx.now().getTime());
        return blank({ forbidden: true, error: e.toBody() });
      }
      if (!isAppError(e) || e.code === 'OFFLINE') attempt.offline = true;
      if (copy && usableCopy(e)) return fromCopy(true);
      this.ctx.log.info({ err: e, part: key.part, locationId: key.locationId }, 'loyalty part unavailable');
      return blank({ error: errorBody(e) });
    }
  }

  private prune(): void {
    try {
      this.cache.prune(new Date(this.ctx.now().getTime() - KEEP_DAYS * 86_400_000).toISOString());
    } catch (e) {
      this.ctx.log.error({ err: e }, 'could not prune the loyalty cache');
    }
  }
}

function toFigures(v: LoyaltyVisits): LoyaltyFigures {
  return {
    newClients: clientGroup(v.newClients),
    oldClients: clientGroup(v.oldClients),
    total: clientGroup(v.total),
    days: v.days,
  };
}

/** Altegio's rows with the catalogue's photo and position; a member the catalogue lacks keeps Altegio's name. */
function toMembers(rows: LoyaltyStaffRow[], members: StaffMember[]): LoyaltyMember[] {
  return rows.map((r) => {
    const m = members.find((x) => x.id === r.staffId);
    return {
      staffId: r.staffId,
      name: m?.name ?? r.name,
      position: m?.position ?? null,
      avatarUrl: m?.avatarUrl ?? null,
      clients: clientGroup(r.clients),
    };
  });
}

export type { LoyaltyPeriod };

/**
 * The promotions a question covers: the chosen ones the location still has, or all of them (no choice,
 * or every one chosen). `programs` is the cache key's part: '' for "all", so both spellings share a copy.
 */
function chooseProgrammes(
  known: readonly LoyaltyProgram[],
  requested: readonly number[] | undefined,
): { ids: number[]; programs: string; chosen: number[] } {
  const chosen = [...new Set(requested ?? [])].filter((id) => known.some((p) => p.id === id)).sort((a, b) => a - b);
  const all = chosen.length === 0 || chosen.length === known.length;
  // `chosen` as the screen shows it: empty for "all".
  return all
    ? { ids: known.map((p) => p.id), programs: '', chosen: [] }
    : { ids: chosen, programs: chosen.join(','), chosen };
}
