import type { DayReport, ReportQuery } from '../../../shared/domain/reports';
import { AppError, isAppError } from '../../../shared/errors';
import type { AltegioApi, ZReport } from '../../altegio/types';
import { ReportCache, type CachedReport, type FetchedReport } from '../../store/reports';
import type { AppContext } from '../context';
import { toDayReport, type ReportLocation } from './build-report';
import { todayIn } from './today';

export interface LocationLookup {
  getLocation(id: number): ReportLocation | null;
}

/** Copies older than this are dropped when a new report is stored. */
const KEEP_DAYS = 120;

/**
 * Failures after which the last fetched copy is the best answer: no connection, Altegio down or
 * answering garbage, or asking us to slow down. Anything else (FORBIDDEN, NOT_FOUND, AUTH_REQUIRED…)
 * is an answer about this report and passes through.
 */
function canUseCopy(e: unknown): boolean {
  return isAppError(e) && (e.code === 'OFFLINE' || e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED');
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * A raw failure of fetch itself (undici's "fetch failed" TypeError, a socket code, an abort). The
 * client maps these to OFFLINE; one that slips through is still the network. Anything else that is
 * not an AppError is a bug and must surface as INTERNAL, never pass for a lost connection.
 */
export function isNetworkError(e: unknown): boolean {
  for (
    let cur = e as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown } | undefined, depth = 0;
    cur && depth < 4;
    cur = cur.cause as typeof cur, depth++
  ) {
    if (typeof cur.code === 'string' && NETWORK_CODES.has(cur.code)) return true;
    if (cur.name === 'AbortError' || cur.name === 'TimeoutError') return true;
    if (cur.name === 'TypeError' && cur.message === 'fetch failed') return true;
  }
  return false;
}

function asKnownFailure(e: unknown): unknown {
  if (isAppError(e) || !isNetworkError(e)) return e;
  return new AppError('OFFLINE', 'Cannot reach Altegio. Check the internet connection and try again.');
}

export interface DayReportTiming {
  /**
   * With a copy on the desk, how long to wait for Altegio before showing the copy; the fetch goes
   * on behind it and `report-refreshed` tells the screen when a fresher report is stored.
   */
  copyWaitMs: number;
  /**
   * The most one request for a report may take in total (retries and Retry-After included). Without
   * a copy the person then hears "Altegio did not answer in time" instead of waiting minutes.
   */
  budgetMs: number;
}

export const DEFAULT_REPORT_TIMING: DayReportTiming = { copyWaitMs: 1_500, budgetMs: 20_000 };

const TIMED_OUT = Symbol('timed out');

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref?.();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Day-end reports: fetched from Altegio when it answers, the cached copy when it cannot. */
export class DayReportService {
  readonly cache: ReportCache;

  constructor(
    private readonly ctx: AppContext,
    private readonly locations: LocationLookup,
    private readonly timing: DayReportTiming = DEFAULT_REPORT_TIMING,
  ) {
    this.cache = new ReportCache(ctx.db);
  }

  async dayEnd(query: ReportQuery): Promise<DayReport> {
    const location = this.locations.getLocation(query.locationId);
    // "Printed by" is whoever asked, taken now: the desk may lock and change hands before Altegio answers.
    const by = this.ctx.currentUserName();

    // Offline is trusted at once: a copy on the desk answers without waiting for a timeout.
    if (!this.ctx.connectivity.online) {
      const copy = this.copyFor(query, location);
      if (copy) return this.shown(copy.report, copy.fetchedAt, true, by);
    }

    // Settled is what the fetch became: a report, or the error it failed with (never a rejection).
    const fetch = this.fetchAndStore(query, location, by).then(
      (r) => ({ ok: true as const, r }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    const copy = this.copyFor(query, location);
    const waited = await within(fetch, copy ? this.timing.copyWaitMs : this.timing.budgetMs);
    if (waited === TIMED_OUT) {
      void fetch.then((late) => this.refreshedBehind(query, late));
      if (copy) return this.shown(copy.report, copy.fetchedAt, true, by);
      return this.instead(
        new AppError('OFFLINE', 'Altegio did not answer in time. Check the internet connection and try again.', {
          timeout: true,
        }),
        query,
        location,
        by,
      );
    }
    if (waited.ok) return waited.r;
    const failure = asKnownFailure(waited.e);
    if (!isAppError(failure)) throw failure; // a bug surfaces as INTERNAL, never as "no connection"
    return this.instead(failure, query, location, by);
  }

  /** One fetch from Altegio, stored as the desk's copy when it succeeds. */
  private async fetchAndStore(query: ReportQuery, known: ReportLocation | null, by: string | null): Promise<DayReport> {
    const staffId = query.staffId ?? null;
    const api = await this.ctx.altegio({ lane: 'urgent' });
    const location = known ?? (await this.fromAltegio(api, query.locationId));
    const date = query.date ?? todayIn(location.timezoneName, this.ctx.now());
    const z: ZReport = await api.zReport(query.locationId, date, staffId ?? undefined);
    const report = toDayReport(z, location, { date, staffId });
    const fetchedAt = this.ctx.now().toISOString();
    this.store(report, fetchedAt);
    return this.shown(report, fetchedAt, false, by);
  }

  /** A fetch that outlived its wait: its report is stored; the screen is told to ask again. */
  private refreshedBehind(query: ReportQuery, late: { ok: true; r: DayReport } | { ok: false; e: unknown }): void {
    if (!late.ok) {
      this.ctx.log.warn(
        { locationId: query.locationId, code: (late.e as AppError).code },
        'late day report fetch failed',
      );
      return;
    }
    this.ctx.events.emit('report-refreshed', {
      locationId: late.r.locationId,
      date: late.r.date,
      staffId: query.staffId ?? null,
      fetchedAt: late.r.fetchedAt,
    });
  }

  /** After a failed fetch: the cached copy when the failure allows it, else the error in words. */
  private instead(e: unknown, query: ReportQuery, location: ReportLocation | null, by: string | null): DayReport {
    if (!canUseCopy(e)) throw e;
    const copy = this.copyFor(query, location);
    if (copy) {
      this.ctx.log.info({ locationId: query.locationId, err: e }, 'day report from the cached copy');
      return this.shown(copy.report, copy.fetchedAt, true, by);
    }
    if (isAppError(e) && e.code !== 'OFFLINE') throw e;
    throw new AppError(
      'OFFLINE',
      "There is no connection to Altegio, and this day's report was never fetched on this desk. Connect to the internet and try again.",
      { locationId: query.locationId, ...(query.date ? { date: query.date } : {}) },
    );
  }

  private async fromAltegio(api: AltegioApi, locationId: number): Promise<ReportLocation> {
    const c = await api.company(locationId);
    return {
      id: c.id,
      title: c.title,
      address: c.address,
      timezoneName: c.timezoneName,
      currency: c.currencyShortTitle ?? '',
      phones: c.phones,
    };
  }

  private copyFor(query: ReportQuery, location: ReportLocation | null): CachedReport | null {
    const timezone = location?.timezoneName ?? this.cache.lastTimezone(query.locationId);
    const date = query.date ?? (timezone ? todayIn(timezone, this.ctx.now()) : null);
    if (!date) return null;
    return this.cache.get({ locationId: query.locationId, date, staffId: query.staffId ?? null });
  }

  private store(report: FetchedReport, fetchedAt: string): void {
    try {
      this.cache.put(report, fetchedAt);
      const cutoff = new Date(this.ctx.now().getTime() - KEEP_DAYS * 86_400_000).toISOString();
      this.cache.prune(cutoff);
    } catch (e) {
      // The fetched report is still good to show and print; only the offline copy is missing.
      this.ctx.log.error({ err: e, locationId: report.locationId }, 'could not cache the day report');
    }
  }

  private shown(report: FetchedReport, fetchedAt: string, fromCache: boolean, by: string | null): DayReport {
    return { ...report, fetchedAt, fromCache, printedBy: by };
  }
}
