import type { CashupInput, CashupVersion, CashupView, CashupZ, Milli } from '../../../shared/domain/cashup';
import { COUNTED_CURRENCIES, denominationsOf } from '../../../shared/domain/cashup-denominations';
import { cashupFigures, emptyInput, toMilli } from '../../../shared/domain/cashup-math';
import type { DayReport } from '../../../shared/domain/reports';
import { AppError, isAppError } from '../../../shared/errors';
import { currencyCode } from '../../../shared/format/money';
import { CashupRepo, type DayKey, type Totals } from '../../store/cashup';
import type { AppContext } from '../context';

/** How many days the history list shows. */
export const HISTORY_DAYS = 30;
const thresholdKey = (locationId: number) => `cashup.threshold.${locationId}`;

/** Where the Z report comes from: the Day report service (Altegio, or the desk's cached copy). */
export interface ZSource {
  dayEnd(query: { locationId: number; date?: string | undefined }): Promise<DayReport>;
}

/** The Z report figures a cash-up is checked against, in exact milli. */
export function zOf(r: DayReport): CashupZ {
  return {
    locationTitle: r.locationTitle,
    locationAddress: r.locationAddress,
    timezoneName: r.timezoneName,
    currency: r.currency,
    accounts: r.accounts.map((a) => ({ title: a.title, amount: toMilli(a.amount) })),
    discounts: r.discounts.map((d) => ({ title: d.title, amount: toMilli(d.amount) })),
    totals: { accounts: toMilli(r.totals.accounts), discount: toMilli(r.totals.discount) },
    fetchedAt: r.fetchedAt,
    fromCache: r.fromCache,
  };
}

/** Failures after which the Z report kept with the cash-up is the best answer (as the Day report does). */
function isUnreachable(e: unknown): boolean {
  return !isAppError(e) || e.code === 'OFFLINE' || e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED';
}

/**
 * Closing the day: the count of a location's drawer and terminals against its Z report. Drafts are
 * saved as they are typed; printing or saving the PDF locks a version; a correction starts the
 * next version.
 */
export class CashupService {
  readonly repo: CashupRepo;

  constructor(
    private readonly ctx: AppContext,
    private readonly reports: ZSource,
  ) {
    this.repo = new CashupRepo(ctx.db);
  }

  threshold(locationId: number): Milli {
    return this.ctx.settings.get<number>(thresholdKey(locationId), 0);
  }

  setThreshold(key: DayKey, threshold: Milli): CashupView {
    this.ctx.settings.set(thresholdKey(key.locationId), threshold);
    return this.view(this.existing(key));
  }

  /** Opens the day: refreshes a draft's Z figures when Altegio (or the cache) answers; never a locked one's. */
  async open(query: { locationId: number; date?: string | undefined }): Promise<CashupView> {
    let z: CashupZ | null = null;
    let date = query.date;
    try {
      const report = await this.reports.dayEnd({ locationId: query.locationId, date });
      z = zOf(report);
      date = report.date;
    } catch (e) {
      // No report and no cached copy: a cash-up already started still opens, on the figures it kept.
      const kept = date && isUnreachable(e) ? this.repo.latest({ locationId: query.locationId, date }) : null;
      if (!kept) throw e;
      return this.view({ ...kept, z: { ...kept.z, fromCache: true } });
    }
    const key = { locationId: query.locationId, date: date! };
    const latest = this.repo.latest(key);
    if (!latest) return this.view(this.startDraft(key, z, null));
    if (latest.status === 'locked') return this.view(latest);
    const saved = this.store(latest, latest.input, z);
    return this.view(saved);
  }

  save(key: DayKey & { version: number }, input: CashupInput): CashupView {
    const latest = this.existing(key);
    if (latest.version !== key.version || latest.status !== 'draft') throw this.lockedError(latest);
    this.check(latest.z, input);
    return this.view(this.store(latest, input, latest.z));
  }

  /** The next version of a locked day, starting from its count; the reason says why. */
  async correct(key: DayKey, reason: string): Promise<CashupView> {
    const latest = this.existing(key);
    if (latest.status === 'draft') return this.view(latest);
    let z = latest.z;
    try {
      z = zOf(await this.reports.dayEnd(key)); // the correction is often because Altegio's figures changed
    } catch (e) {
      if (!isUnreachable(e)) throw e;
      z = { ...z, fromCache: true };
    }
    return this.view(this.startDraft(key, z, reason.trim(), latest.input));
  }

  /** Locks the version that was printed or saved, exactly as it was then. */
  lock(version: CashupVersion, at: Date, how: 'print' | 'pdf'): CashupView {
    if (version.status === 'locked') return this.view(version);
    const ok = this.repo.lock({ ...version }, at.toISOString(), how);
    if (!ok)
      this.ctx.log.warn({ locationId: version.locationId, date: version.date }, 'cash-up changed while printing');
    return this.view(this.existing(version));
  }

  /** What must be true before a draft goes on paper and is locked. */
  assertReady(v: CashupVersion): void {
    if (v.status === 'locked') return;
    const f = cashupFigures(v.z, v.input, this.threshold(v.locationId));
    if (f.missing.length > 0) {
      const names = f.missing.map((m) => (m === '' ? 'the cash drawer' : `"${m}"`)).join(', ');
      throw new AppError('INVALID_INPUT', `Count ${names} before printing: a cash-up is locked once it is printed.`, {
        missing: f.missing,
      });
    }
    if (f.noteRequired) {
      throw new AppError(
        'INVALID_INPUT',
        'The difference is above the desk threshold: write a note explaining it before printing.',
      );
    }
    if (v.input.movements.some((m) => m.reason.trim() === '')) {
      throw new AppError('INVALID_INPUT', 'Every paid-in and paid-out line needs a reason before printing.');
    }
  }

  existing(key: DayKey): CashupVersion {
    const v = this.repo.latest(key);
    if (!v) {
      throw new AppError(
        'NOT_FOUND',
        `There is no cash-up for ${key.date} at this location yet. Open it from the Day report.`,
        {
          ...key,
        },
      );
    }
    return v;
  }

  version(key: DayKey, version: number): CashupVersion {
    const v = this.repo.versions(key).find((x) => x.version.version === version);
    if (!v) throw new AppError('NOT_FOUND', `Version ${version} of the cash-up for ${key.date} does not exist.`);
    return v.version;
  }

  view(current: CashupVersion): CashupView {
    const threshold = this.threshold(current.locationId);
    return {
      current,
      figures: cashupFigures(current.z, current.input, threshold),
      versions: this.repo.versions(current).map(({ version: v, totals }) => ({
        version: v.version,
        status: v.status,
        reason: v.reason,
        lockedAt: v.lockedAt,
        variance: totals.variance,
        countedBy: v.countedBy,
      })),
      threshold,
      denominations: [...denominationsOf(current.input.countCurrency)],
      currencies: [...COUNTED_CURRENCIES],
    };
  }

  private startDraft(key: DayKey, z: CashupZ, reason: string | null, from?: CashupInput): CashupVersion {
    const input = from ?? emptyInput(z, this.defaults(key.locationId, z));
    const now = this.ctx.now().toISOString();
    return this.repo.insertDraft(key, {
      input,
      z,
      countedBy: this.ctx.currentUserName(),
      reason,
      totals: this.totals(z, input, key.locationId),
      now,
    });
  }

  /** A new day starts with the currency and float of the location's last cash-up. */
  private defaults(locationId: number, z: CashupZ): { countCurrency: string | null; openingFloat: Milli } {
    const [last] = this.repo.history(locationId, 1);
    if (last) {
      const prev = this.repo.latest({ locationId, date: last.date });
      if (prev) return { countCurrency: prev.input.countCurrency, openingFloat: prev.input.openingFloat };
    }
    const iso = currencyCode(z.currency);
    return { countCurrency: iso && COUNTED_CURRENCIES.includes(iso) ? iso : null, openingFloat: 0 };
  }

  private store(v: CashupVersion, input: CashupInput, z: CashupZ): CashupVersion {
    const ok = this.repo.updateDraft(v, {
      input,
      z,
      countedBy: this.ctx.currentUserName() ?? v.countedBy,
      totals: this.totals(z, input, v.locationId),
      now: this.ctx.now().toISOString(),
    });
    if (!ok) throw this.lockedError(v);
    return this.existing(v);
  }

  private totals(z: CashupZ, input: CashupInput, locationId: number): Totals {
    const f = cashupFigures(z, input, this.threshold(locationId));
    return { expected: f.total.expected, counted: f.total.counted, variance: f.total.variance };
  }

  /** References inside the input must point at this day's report and the desk's tables. */
  private check(z: CashupZ, input: CashupInput): void {
    if (input.countCurrency !== null && !COUNTED_CURRENCIES.includes(input.countCurrency)) {
      throw new AppError(
        'INVALID_INPUT',
        `Notes and coins of ${input.countCurrency} are not known; type the drawer total instead.`,
      );
    }
    if (input.cashAccount !== null && !z.accounts.some((a) => a.title === input.cashAccount)) {
      throw new AppError('INVALID_INPUT', `"${input.cashAccount}" is not a payment account in this day's Z report.`);
    }
  }

  private lockedError(v: CashupVersion): AppError {
    return new AppError(
      'INVALID_INPUT',
      `Version ${v.version} of this cash-up is locked since it was printed. Make a correction to change it.`,
      { version: v.version },
    );
  }
}
