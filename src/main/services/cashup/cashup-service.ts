import type {
  CashupHistoryRow,
  CashupInput,
  CashupVersion,
  CashupView,
  CashupZ,
  Milli,
} from '../../../shared/domain/cashup';
import { countCurrenciesFor, denominationsOf } from '../../../shared/domain/cashup-denominations';
import { cashupFigures, emptyInput, toMilli } from '../../../shared/domain/cashup-math';
import { usableForCashup, visitsOutsideDay } from '../../../shared/domain/day-figures';
import type { DayReport } from '../../../shared/domain/reports';
import { AppError, isAppError } from '../../../shared/errors';
import { CashupRepo, type DayKey, type Totals } from '../../store/cashup';
import type { AppContext } from '../context';
import { todayIn } from '../reports/today';
import { checkInput } from './input-check';

/** How many days the history list shows. */
export const HISTORY_DAYS = 30;
const thresholdKey = (locationId: number) => `cashup.threshold.${locationId}`;
/** The account the desk said is its drawer, when no title says "cash" in a language we know. */
const cashAccountKey = (locationId: number) => `cashup.cashAccount.${locationId}`;
const dayId = (k: DayKey) => `${k.locationId}|${k.date}`;

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

/**
 * Refuses a Z report whose visits lie outside the day asked for: without the right to see past days
 * Altegio answers with today's figures, and a count checked against them would be checked against
 * another day (issue 19 §3.11). `details.reason` lets the screen say it in the desk's language.
 */
function wrongDay(r: DayReport): AppError {
  const outsideDay = r.outsideDay ?? visitsOutsideDay(r);
  return new AppError(
    'UPSTREAM',
    `Altegio sent visits from another day for ${r.date}, so this report may be for the wrong day and cannot be used for the cash-up. Ask a manager for the right to see past days in Altegio.`,
    { reason: 'wrongDay', date: r.date, outsideDay },
  );
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
  /**
   * Days opened but not changed yet: shown as version 1, written only by the first save, so looking
   * at a day (or a future one) leaves nothing in the history or the CSV.
   */
  private readonly unsaved = new Map<string, CashupVersion>();
  /**
   * Days whose draft is on its way to paper or PDF. A save meanwhile is refused, so the version that is
   * locked after the print is exactly the one that was printed (one main process owns the database).
   */
  private readonly printing = new Set<string>();

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
    // Who opens it is taken now: the desk may lock and change hands before Altegio answers (issue 21 §5).
    const by = this.ctx.currentUserName();
    let report: DayReport;
    try {
      report = await this.reports.dayEnd({ locationId: query.locationId, date: query.date });
    } catch (e) {
      // No report and no cached copy: a cash-up already started still opens, on the figures it kept.
      const date = query.date;
      const kept = date && isUnreachable(e) ? this.repo.latest({ locationId: query.locationId, date }) : null;
      if (!kept) throw e;
      return this.view({ ...kept, z: { ...kept.z, fromCache: true } });
    }
    const key = { locationId: query.locationId, date: report.date };
    const latest = this.repo.latest(key);
    // A locked day is shown as it was printed; nothing is checked against the new report.
    if (latest?.status === 'locked') return this.view(latest);
    if (!usableForCashup(report)) throw wrongDay(report);
    const z = zOf(report);
    if (!latest) {
      const draft = this.unsavedDraft(key, z, by);
      this.unsaved.set(dayId(key), draft);
      return this.view(draft);
    }
    if (this.printing.has(dayId(key))) return this.view(latest);
    const saved = this.store(latest, latest.input, z, by);
    return this.view(saved);
  }

  save(key: DayKey & { version: number }, input: CashupInput): CashupView {
    if (this.printing.has(dayId(key))) {
      throw new AppError(
        'INVALID_INPUT',
        'This cash-up is being printed, so the change was not saved. Once it is printed, make a correction to change it.',
        { version: key.version },
      );
    }
    const latest = this.existing(key);
    if (latest.version !== key.version || latest.status !== 'draft') throw this.lockedError(latest);
    checkInput(latest.z, input, this.currencies(latest.z));
    if (!this.repo.latest(key)) {
      // The first change of an opened day writes its version 1.
      if (key.date > todayIn(latest.z.timezoneName, this.ctx.now())) {
        throw new AppError('INVALID_INPUT', `${key.date} has not come yet at this location: count it on the day.`);
      }
      const saved = this.startDraft(key, latest.z, null, input, this.ctx.currentUserName());
      this.unsaved.delete(dayId(key));
      this.remember(key.locationId, input);
      return this.view(saved);
    }
    this.remember(key.locationId, input);
    return this.view(this.store(latest, input, latest.z, this.ctx.currentUserName()));
  }

  /**
   * Runs `output` (the print or PDF of `v`) with the day closed to saves, so the lock afterwards
   * matches the paper. A second print of the same day meanwhile is refused in words.
   */
  async whilePrinting<T>(v: CashupVersion, output: () => Promise<T>): Promise<T> {
    const id = dayId(v);
    if (this.printing.has(id)) {
      throw new AppError('INVALID_INPUT', 'This cash-up is being printed already; wait for it to finish.');
    }
    this.printing.add(id);
    try {
      return await output();
    } finally {
      this.printing.delete(id);
    }
  }

  /** The next version of a locked day, starting from its count; the reason says why. */
  async correct(key: DayKey, reason: string): Promise<CashupView> {
    const latest = this.existing(key);
    if (latest.status === 'draft') return this.view(latest);
    const by = this.ctx.currentUserName(); // the person who asked, not whoever unlocks before Altegio answers
    let z = latest.z;
    try {
      const report = await this.reports.dayEnd(key); // the correction is often because Altegio's figures changed
      // A report for another day is not used: the correction starts from the figures the day had.
      z = usableForCashup(report) ? zOf(report) : { ...z, fromCache: true };
    } catch (e) {
      if (!isUnreachable(e)) throw e;
      z = { ...z, fromCache: true };
    }
    // The count carries over; the note explained the old difference, so the correction starts without it.
    return this.view(this.startDraft(key, z, reason.trim(), { ...latest.input, note: '' }, by));
  }

  /** Locks the version that was printed or saved, exactly as it was then. */
  lock(version: CashupVersion, at: Date, how: 'print' | 'pdf'): CashupView {
    if (version.status === 'locked') return this.view(version);
    const ok = this.repo.lock({ ...version }, at.toISOString(), how);
    if (!ok) {
      // Only another process writing the same file can get here (saves wait for the print in this one).
      this.ctx.log.warn({ locationId: version.locationId, date: version.date }, 'cash-up changed while printing');
      throw new AppError(
        'INVALID_INPUT',
        'The cash-up changed while it was printing, so the printout is not the saved count. Print it again.',
      );
    }
    return this.view(this.existing(version));
  }

  /**
   * The last days counted at the location, newest first, never a day that has not come yet there
   * (a desk before this version wrote a draft for any day it opened, future ones included).
   */
  history(locationId: number, limit: number): { rows: CashupHistoryRow[]; newest: CashupVersion | null } {
    const [top] = this.repo.history(locationId, 1);
    const zone = top ? this.repo.latest({ locationId, date: top.date })?.z.timezoneName : undefined;
    const rows = this.repo.history(locationId, limit, zone ? todayIn(zone, this.ctx.now()) : undefined);
    return { rows, newest: rows[0] ? this.repo.latest({ locationId, date: rows[0].date }) : null };
  }

  /** Every version of the range, without days that have not come yet at the location. */
  range(locationId: number, from: string, to: string): CashupVersion[] {
    const now = this.ctx.now();
    return this.repo.range(locationId, from, to).filter((v) => v.date <= todayIn(v.z.timezoneName, now));
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
    const v = this.repo.latest(key) ?? this.unsaved.get(dayId(key)) ?? null;
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
      versions: this.versionsOf(current),
      threshold,
      denominations: [...denominationsOf(current.input.countCurrency)],
      currencies: [...this.currencies(current.z)],
    };
  }

  /** The count currencies a day allows: its Z report's, or any the desk knows when the symbol is unclear. */
  private currencies(z: CashupZ): readonly string[] {
    return countCurrenciesFor(z.currency, z.timezoneName);
  }

  private versionsOf(current: CashupVersion): CashupView['versions'] {
    const saved = this.repo.versions(current).map(({ version: v, totals }) => ({
      version: v.version,
      status: v.status,
      reason: v.reason,
      lockedAt: v.lockedAt,
      variance: totals.variance,
      countedBy: v.countedBy,
    }));
    if (saved.length > 0) return saved;
    const f = cashupFigures(current.z, current.input, this.threshold(current.locationId));
    return [{ version: current.version, status: current.status, reason: null, lockedAt: null, variance: f.total.variance, countedBy: current.countedBy }];
  }

  /** Version 1 of a day as it would be written, kept in memory until the first change. */
  private unsavedDraft(key: DayKey, z: CashupZ, by: string | null): CashupVersion {
    const now = this.ctx.now().toISOString();
    return {
      ...key,
      version: 1,
      status: 'draft',
      input: emptyInput(z, this.defaults(key.locationId, z)),
      z,
      countedBy: by,
      reason: null,
      createdAt: now,
      updatedAt: now,
      lockedAt: null,
      lockedHow: null,
    };
  }

  private startDraft(
    key: DayKey,
    z: CashupZ,
    reason: string | null,
    input: CashupInput,
    by: string | null,
  ): CashupVersion {
    const now = this.ctx.now().toISOString();
    return this.repo.insertDraft(key, {
      input,
      z,
      countedBy: by,
      reason,
      totals: this.totals(z, input, key.locationId),
      now,
    });
  }

  /** The drawer account the desk picked is remembered for the location's next days. */
  private remember(locationId: number, input: CashupInput): void {
    if (input.cashAccount !== null && this.ctx.settings.get<string | null>(cashAccountKey(locationId), null) !== input.cashAccount) {
      this.ctx.settings.set(cashAccountKey(locationId), input.cashAccount);
    }
  }

  /**
   * A new day starts with the currency and float of the location's last cash-up, and the drawer
   * account the desk last picked there (or the one whose title says cash).
   */
  private defaults(
    locationId: number,
    z: CashupZ,
  ): { countCurrency: string | null; openingFloat: Milli; cashAccount?: string | null } {
    const picked = this.ctx.settings.get<string | null>(cashAccountKey(locationId), null);
    const cashAccount = picked !== null && z.accounts.some((a) => a.title === picked) ? picked : undefined;
    const allowed = this.currencies(z);
    const [last] = this.repo.history(locationId, 1);
    if (last) {
      const prev = this.repo.latest({ locationId, date: last.date });
      const currency = prev?.input.countCurrency ?? null;
      if (prev && (currency === null || allowed.includes(currency))) {
        return { countCurrency: currency, openingFloat: prev.input.openingFloat, cashAccount };
      }
    }
    // One currency read from the Z report (its symbol in the location's country): count it by default.
    return { countCurrency: allowed.length === 1 ? allowed[0]! : null, openingFloat: 0, cashAccount };
  }

  /** `by` is the person who started the operation, taken before any wait. */
  private store(v: CashupVersion, input: CashupInput, z: CashupZ, by: string | null): CashupVersion {
    const ok = this.repo.updateDraft(v, {
      input,
      z,
      countedBy: by ?? v.countedBy,
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

  private lockedError(v: CashupVersion): AppError {
    return new AppError(
      'INVALID_INPUT',
      `Version ${v.version} of this cash-up is locked since it was printed. Make a correction to change it.`,
      { version: v.version },
    );
  }
}
