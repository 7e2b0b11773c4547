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
  // A raw error from the client call is the network (fetch's TypeError and friends); the client
  // normally maps those to OFFLINE itself.
  if (!isAppError(e)) return true;
  return e.code === 'OFFLINE' || e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED';
}

/** Day-end reports: fetched from Altegio when it answers, the cached copy when it cannot. */
export class DayReportService {
  readonly cache: ReportCache;

  constructor(
    private readonly ctx: AppContext,
    private readonly locations: LocationLookup,
  ) {
    this.cache = new ReportCache(ctx.db);
  }

  async dayEnd(query: ReportQuery): Promise<DayReport> {
    const staffId = query.staffId ?? null;
    let location = this.locations.getLocation(query.locationId);

    // Offline is trusted at once: a copy on the desk answers without waiting for a timeout.
    if (!this.ctx.connectivity.online) {
      const copy = this.copyFor(query, location);
      if (copy) return this.shown(copy.report, copy.fetchedAt, true);
    }

    let fetched: { z: ZReport; location: ReportLocation; date: string };
    try {
      const api = await this.ctx.altegio();
      location ??= await this.fromAltegio(api, query.locationId);
      const date = query.date ?? todayIn(location.timezoneName, this.ctx.now());
      fetched = { z: await api.zReport(query.locationId, date, staffId ?? undefined), location, date };
    } catch (e) {
      return this.instead(e, query, location);
    }
    // Outside the try: a bug in building the report must surface, not pass for a lost connection.
    const report = toDayReport(fetched.z, fetched.location, { date: fetched.date, staffId });
    const fetchedAt = this.ctx.now().toISOString();
    this.store(report, fetchedAt);
    return this.shown(report, fetchedAt, false);
  }

  /** After a failed fetch: the cached copy when the failure allows it, else the error in words. */
  private instead(e: unknown, query: ReportQuery, location: ReportLocation | null): DayReport {
    if (!canUseCopy(e)) throw e;
    const copy = this.copyFor(query, location);
    if (copy) {
      this.ctx.log.info({ locationId: query.locationId, err: e }, 'day report from the cached copy');
      return this.shown(copy.report, copy.fetchedAt, true);
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

  private shown(report: FetchedReport, fetchedAt: string, fromCache: boolean): DayReport {
    return { ...report, fetchedAt, fromCache, printedBy: this.ctx.currentUserName() };
  }
}
