import type { StaffMember } from '../../../shared/domain/catalog';
import type {
  ChartName,
  NextSlot,
  Section,
  TipInfo,
  TodayCharts,
  TodayNumbers,
  TodayPartName,
  TodayView,
} from '../../../shared/domain/today';
import { AppError, isAppError, type ErrorBody } from '../../../shared/errors';
import type { ScheduleDay } from '../../altegio/today-types';
import type { AltegioApi, TipsSetting } from '../../altegio/types';
import { TodayCache, type TodayKey, type TodayPart } from '../../store/today';
import type { AppContext } from '../context';
import * as build from './build';
import { addDays, locationNow, periodsFor, type Periods } from './calendar';

export interface TodayLocation {
  id: number;
  title: string;
  timezoneName: string;
  /** Known only from GET /companies (its first sync is not stored yet): the team comes from Altegio. */
  listedOnly?: boolean;
}

export interface TodayDeps {
  /** The location as the catalogue knows it, or as GET /companies named it (null when neither). */
  location(id: number): TodayLocation | null;
  /** The team with offline photos, from the catalogue ([] before the first sync). */
  members(locationId: number): Promise<StaffMember[]>;
  /** The signed-in user's Altegio id: figures are cached per user, as rights differ. */
  userId(): number | null;
}

/** A part is asked again only when its copy is older than this: Altegio allows 200 requests a minute. */
export const FRESH_MS: Record<TodayPart, number> = {
  schedule: 5 * 60_000,
  'next-slot': 5 * 60_000,
  numbers: 5 * 60_000,
  charts: 15 * 60_000,
  tips: 15 * 60_000,
};
/** A 403 stands this long (rights rarely change in a day); the Refresh button asks at once. */
export const REFUSED_MS = 30 * 60_000;
/** Even the refresh button does not ask again within this. */
export const MIN_REFRESH_MS = 30_000;
const KEEP_DAYS = 40;

/** Failures after which the last copy is the best answer (like the day report). */
function canUseCopy(e: unknown): boolean {
  if (!isAppError(e)) return true;
  return e.code === 'OFFLINE' || e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED';
}

/** What a receptionist may read for each failure; the endpoint and Altegio's raw words stay in the log. */
const SENTENCE: Partial<Record<ErrorBody['code'], string>> = {
  UPSTREAM: 'Altegio did not send this part just now. The desk will ask again on the next refresh.',
  RATE_LIMITED: 'Altegio is busy right now. The desk will ask again in a minute.',
  NOT_FOUND: 'Altegio has nothing for this part at this location.',
  INVALID_INPUT: 'Altegio did not accept the question for this part.',
};

/** A part's failure as the screen shows it: a sentence, never an endpoint template or URL. */
function errorBody(e: unknown): ErrorBody {
  if (!isAppError(e)) return { code: 'OFFLINE', message: 'There is no connection to Altegio.' };
  const body = e.toBody();
  const sentence = SENTENCE[body.code];
  if (!sentence) return { code: body.code, message: body.message };
  return { code: body.code, message: sentence };
}

/** Altegio's next slot on the location's own clock, whatever offset Altegio wrote it with. */
function nextSlotOn(at: string | null, timezone: string, passed: boolean): NextSlot {
  const ms = at === null ? NaN : Date.parse(at);
  if (at === null || Number.isNaN(ms)) return { at: null, date: null, clock: null, passed: false };
  const { date, clock } = locationNow(timezone, new Date(ms));
  return { at, date, clock, passed };
}

/** Counts the calls made through it: the view reports how many requests one refresh cost. */
function counting(api: AltegioApi, counter: { calls: number }): AltegioApi {
  return new Proxy(api, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        counter.calls++;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Per refresh: once a request finds no connection, the other parts do not try again. */
interface Attempt {
  offline: boolean;
  /** Only the desk's copies, whatever their age: the screen's minute tick re-reads "now / next". */
  peek: boolean;
  failed?: ErrorBody;
}

/** The Today screen: each part from the desk's copy when fresh enough, else from Altegio, else the copy. */
export class TodayService {
  readonly cache: TodayCache;
  private readonly inflight = new Map<string, Promise<TodayView>>();
  /** Parts Altegio refused (403), by cache key, with when: not asked again while the answer is fresh. */
  private readonly refused = new Map<string, number>();
  /** Locations not in the catalogue yet: their zone and team, asked once (see unsynced). */
  private readonly early = new Map<number, Promise<{ location: TodayLocation; members: StaffMember[] }>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly deps: TodayDeps,
  ) {
    this.cache = new TodayCache(ctx.db);
  }

  /**
   * One refresh per location at a time: a second caller (a double click, two windows) shares it.
   * `parts`: only these are asked of Altegio; the others come from the desk's copies (or empty), so
   * the screen can ask for each part on its own and show it as soon as it arrives (issue 25 §18).
   */
  get(locationId: number, refresh = false, peek = false, parts?: readonly TodayPartName[]): Promise<TodayView> {
    // Per person too: a refresh started by one person is never shared with the next.
    const userId = this.deps.userId() ?? 0;
    const key = `${locationId}|${refresh}|${peek}|${parts ? [...parts].sort().join(',') : '*'}|${userId}`;
    let p = this.inflight.get(key);
    if (!p) {
      p = this.build(locationId, refresh, peek, userId, parts).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }

  async setTipsEnabled(locationId: number, settingsId: number, enabled: boolean): Promise<TipInfo[]> {
    const api = await this.ctx.altegio({ lane: 'urgent' });
    const settings = await api.setTipsEnabled(locationId, settingsId, enabled);
    this.cache.put(this.key(locationId, 'tips', '', false, 0), settings, this.ctx.now().toISOString());
    return build.tips(settings, await this.deps.members(locationId));
  }

  /** The tips part for printing: the copy if there is one, else fetched. */
  async tipsFor(locationId: number): Promise<TipInfo[]> {
    const view = await this.get(locationId);
    if (view.tips.data) return view.tips.data;
    if (view.tips.forbidden) throw new AppError('FORBIDDEN', 'Tips are not switched on for this location in Altegio.');
    throw view.tips.error
      ? new AppError(view.tips.error.code, view.tips.error.message)
      : new AppError('NOT_FOUND', 'No tip settings yet.');
  }

  private key(locationId: number, part: TodayPart, day: string, perUser: boolean, userId: number): TodayKey {
    return { locationId, part, day, userId: perUser ? userId : 0 };
  }

  /**
   * A location the catalogue has not stored yet (the first sign-in, while the first sync runs): its
   * team (and, when GET /companies did not name it, its time zone) straight from Altegio, asked once
   * however many parts ask at the same time.
   */
  private unsynced(locationId: number, client: () => Promise<AltegioApi>, listed: TodayLocation | null) {
    let p = this.early.get(locationId);
    if (!p) {
      p = (async () => {
        const api = await client();
        const c = listed ?? (await api.company(locationId));
        const staff = await api.staff(locationId).catch(() => []);
        const members: StaffMember[] = staff
          .filter((m) => !m.fired && !m.deleted && !m.hidden)
          .map((m) => ({
            id: m.id,
            locationId,
            name: m.name,
            position: m.position?.title ?? null,
            specialization: m.specialization,
            avatarUrl: null,
            hasPhoto: false,
            serviceCount: 0,
            photoPending: null,
          }));
        // Stored under the id that was asked for, whatever id the answer carries.
        return { location: { id: locationId, title: c.title, timezoneName: c.timezoneName }, members };
      })();
      p.catch(() => this.early.delete(locationId));
      this.early.set(locationId, p);
    }
    return p;
  }

  /**
   * One refresh for the person who asked (`userId`, taken when it started): their figures are kept under
   * their id even if someone else unlocks the desk before it ends.
   */
  private async build(
    locationId: number,
    refresh: boolean,
    peek: boolean,
    userId: number,
    parts?: readonly TodayPartName[],
  ): Promise<TodayView> {
    const counter = { calls: 0 };
    let api: AltegioApi | null = null;
    // The client is taken now, with the person (no request is made until a part needs one).
    const own = this.ctx.altegio({ lane: 'urgent' });
    own.catch(() => undefined); // reported by the part that needs it
    const client = async () => (api ??= counting(await own, counter));
    const key = (part: TodayPart, day: string, perUser: boolean) => this.key(locationId, part, day, perUser, userId);
    const attempt: Attempt = { offline: !this.ctx.connectivity.online, peek };
    // Parts not asked for this time answer from the copies only, like the minute tick.
    const wanted = (p: TodayPartName) => !parts || parts.includes(p);
    const known = this.deps.location(locationId);
    let members = await this.deps.members(locationId);
    let early: ReturnType<TodayService['unsynced']> | null = null;
    if (known && !known.listedOnly) {
      this.early.delete(locationId);
    } else if (!known || wanted('team') || wanted('tips')) {
      // Only the parts that name people wait for the team; it is asked alongside the schedule.
      early = this.unsynced(locationId, client, known);
      early.catch(() => undefined); // awaited below
    }
    const location = known ?? (await early!).location;
    const now = this.ctx.now();
    const { date, clock } = locationNow(location.timezoneName, now);
    const periods = periodsFor(date);

    const copiesOnly: Attempt = { offline: attempt.offline, peek: true };
    const load = <T>(key: TodayKey, fetch: (api: AltegioApi) => Promise<T>, part?: TodayPartName) =>
      this.part(key, refresh, part && !wanted(part) ? copiesOnly : attempt, async () => fetch(await client()));

    const schedule = await load<ScheduleDay[]>(
      key('schedule', date, false),
      // From yesterday: a night shift that started then may still run (one request all the same).
      (a) => a.schedule(locationId, { from: addDays(date, -1), to: date }),
      'team',
    );
    const slotKey = key('next-slot', '', false);
    const slotPassed = (s: { at: string | null }) => s.at !== null && Date.parse(s.at) <= this.ctx.now().getTime();
    const slot = await this.part<{ at: string | null }>(
      slotKey,
      refresh,
      wanted('nextSlot') ? attempt : copiesOnly,
      async () => ({ at: await (await client()).nextSlot(locationId) }),
      // A slot already past is no answer: it is asked again, whatever the copy's age.
      (s) => !slotPassed(s),
    );
    const nextSlot: Section<NextSlot> = {
      ...slot,
      data: slot.data ? nextSlotOn(slot.data.at, location.timezoneName, slotPassed(slot.data)) : null,
    };
    const numbers = await load<TodayNumbers>(
      key('numbers', date, true),
      (a) => this.fetchNumbers(a, locationId, periods),
      'numbers',
    );
    // Without analytics rights the charts would only be refused too: no request for them.
    const charts: Section<TodayCharts> = numbers.forbidden
      ? { data: null, fetchedAt: null, fromCache: false, stale: false, forbidden: true, error: null }
      : await load<TodayCharts>(
          key('charts', date, true),
          (a) => this.fetchCharts(a, locationId, periods),
          'charts',
        );
    const tips = await load<TipsSetting[]>(
      key('tips', '', false),
      (a) => a.tipsSettings(locationId),
      'tips',
    );
    if (early && members.length === 0) members = (await early).members;
    if (counter.calls > 0) this.prune();

    return {
      locationId,
      locationTitle: location.title,
      timezoneName: location.timezoneName,
      date,
      clock,
      asOf: now.toISOString(),
      team: { ...schedule, data: schedule.data ? build.team(date, schedule.data, members, clock) : null },
      nextSlot,
      numbers,
      charts,
      tips: { ...tips, data: tips.data ? build.tips(tips.data, members) : null },
      requests: counter.calls,
    };
  }

  private async fetchNumbers(api: AltegioApi, locationId: number, p: Periods): Promise<TodayNumbers> {
    const q = (from: string, to: string) => api.analyticsOverall(locationId, { from, to });
    // The first call alone: a 403 stops here instead of four times.
    const today = await q(p.today.from, p.today.to);
    const [weekAgo, month, lastMonth] = await Promise.all([
      q(p.today.compareFrom, p.today.compareTo),
      q(p.month.from, p.month.to),
      q(p.month.compareFrom, p.month.compareTo),
    ]);
    return {
      currency: today.currency ?? month.currency,
      today: build.periodNumbers(p.today, today, weekAgo),
      month: build.periodNumbers(p.month, month, lastMonth),
    };
  }

  /**
   * Each chart stands alone: one that Altegio refuses or answers oddly leaves the other four
   * on screen (issue 19 §2.3). Only when all five fail does the part fail.
   */
  private async fetchCharts(api: AltegioApi, locationId: number, p: Periods): Promise<TodayCharts> {
    const q = p.charts;
    const asked = await Promise.allSettled([
      api.dailyChart(locationId, 'income_daily', q),
      api.dailyChart(locationId, 'records_daily', q),
      api.dailyChart(locationId, 'fullness_daily', q),
      api.shareChart(locationId, 'record_source', q),
      api.shareChart(locationId, 'record_status', q),
    ] as const);
    const names: ChartName[] = ['revenue', 'visits', 'occupancy', 'sources', 'statuses'];
    const missing = names.filter((name, i) => {
      const r = asked[i]!;
      if (r.status === 'fulfilled') return false;
      this.ctx.log.warn({ err: r.reason, chart: name, locationId }, 'a Today chart could not be read');
      return true;
    });
    if (missing.length === names.length) throw (asked[0] as PromiseRejectedResult).reason;
    const value = <T>(r: PromiseSettledResult<T[]>): T[] => (r.status === 'fulfilled' ? r.value : []);
    const [income, records, fullness, sources, statuses] = asked;
    return build.charts(q, value(income), value(records), value(fullness), value(sources), value(statuses), missing);
  }

  /**
   * One part: the copy when it is fresh (or we are offline), else a fetch; after a failed fetch
   * the copy again, marked as such. FORBIDDEN is an answer, not a failure.
   */
  private async part<T>(
    key: TodayKey,
    refresh: boolean,
    attempt: Attempt,
    fetch: () => Promise<T>,
    usable: (body: T) => boolean = () => true,
  ): Promise<Section<T>> {
    const copy = this.cache.get<T>(key);
    const nowMs = this.ctx.now().getTime();
    const age = copy && usable(copy.body) ? nowMs - Date.parse(copy.fetchedAt) : Infinity;
    const fromCopy = (stale: boolean): Section<T> => ({
      data: copy!.body,
      fetchedAt: copy!.fetchedAt,
      fromCache: true,
      stale,
      forbidden: false,
      error: null,
    });
    // Offline is trusted at once: the copy answers without waiting for a timeout.
    const refusedKey = `${key.locationId}|${key.part}|${key.userId}`;
    const refusedAt = this.refused.get(refusedKey);
    if (refusedAt !== undefined && nowMs - refusedAt < REFUSED_MS && !refresh) {
      return { data: null, fetchedAt: null, fromCache: false, stale: false, forbidden: true, error: null };
    }
    if (copy && attempt.offline) return fromCopy(true);
    if (attempt.peek) {
      return copy
        ? fromCopy(false)
        : { data: null, fetchedAt: null, fromCache: false, stale: false, forbidden: false, error: null };
    }
    if (copy && age < (refresh ? MIN_REFRESH_MS : FRESH_MS[key.part])) return fromCopy(false);
    if (attempt.offline && attempt.failed) return this.missing(attempt.failed);
    try {
      const body = await fetch();
      const fetchedAt = this.ctx.now().toISOString();
      this.cache.put(key, body, fetchedAt);
      this.refused.delete(refusedKey);
      return { data: body, fetchedAt, fromCache: false, stale: false, forbidden: false, error: null };
    } catch (e) {
      if (isAppError(e) && e.code === 'FORBIDDEN') {
        this.refused.set(refusedKey, this.ctx.now().getTime());
        return { data: null, fetchedAt: null, fromCache: false, stale: false, forbidden: true, error: e.toBody() };
      }
      if (!isAppError(e) || e.code === 'OFFLINE') {
        attempt.offline = true;
        attempt.failed = errorBody(e);
      }
      if (copy && canUseCopy(e)) return fromCopy(true);
      this.ctx.log.info({ err: e, part: key.part, locationId: key.locationId }, 'today part unavailable');
      return this.missing(errorBody(e));
    }
  }

  private missing<T>(error: ErrorBody): Section<T> {
    return { data: null, fetchedAt: null, fromCache: false, stale: false, forbidden: false, error };
  }

  private prune(): void {
    try {
      this.cache.prune(new Date(this.ctx.now().getTime() - KEEP_DAYS * 86_400_000).toISOString());
    } catch (e) {
      this.ctx.log.error({ err: e }, 'could not prune the Today cache');
    }
  }
}
