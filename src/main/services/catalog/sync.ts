import type { SyncLocationState, SyncRunError, SyncStep } from '../../../shared/domain/catalog';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { AltegioApi, Company, Service, ServiceCategory, StaffMemberRaw } from '../../altegio/types';
import type { CatalogRepo, ServiceImageRecord, ServiceLinkRecord, StoredLicense } from '../../store/catalog';
import type { AppContext } from '../context';
import { storageAppError } from '../../store/sqlite-errors';
import { AvatarCache } from './avatars';
import { avatarUrl, buildSnapshot, isVisible, storedLicense } from './snapshot-builder';
import { heldByOthers, recordRights } from './location-rights';
import type { ListedLocations } from './listed-locations';

export const DEFAULT_STALE_MINUTES = 30;
const TICK_MS = 60_000;
/** A location whose last attempt failed is retried after this long (or the stale time, if shorter). */
const ERROR_RETRY_MS = 5 * 60_000;
/** Errors after which trying the next location is pointless. */
const STOP_CODES: ReadonlySet<ErrorCode> = new Set(['AUTH_REQUIRED', 'NOT_CONFIGURED', 'OFFLINE', 'STORAGE']);

interface Target {
  id: number;
  title: string;
  /** The location as GET /companies?my=1 listed it: the sync needs no GET /company/{id} then. */
  listed?: Company;
}

/** Location ids whose last sync could not read the categories (services shown under "Other"). */
export const CATEGORIES_UNAVAILABLE = 'catalog.categoriesUnavailable';
/** Location id → when its licence was last read; it is read again after LICENSE_MAX_AGE_MS. */
const LICENSE_FETCHED = 'catalog.licenseFetchedAt';
const LICENSE_MAX_AGE_MS = 12 * 3_600_000;
/** Location id → when the per-member service links were last asked for (see recentMemberLinks). */
const MEMBER_LINKS_AT = 'catalog.memberLinksAt';
const MEMBER_LINKS_MAX_AGE_MS = 6 * 3_600_000;
/** Asked location id → the other id GET /company/{id} answered with (shown beside the catalogue). */
export const ID_MISMATCH = 'catalog.idMismatch';

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  // A full disk or a read-only folder is the user's to fix: say so instead of "something went wrong".
  return storageAppError(e) ?? new AppError('INTERNAL', 'Something went wrong while updating the catalogue.');
}

/**
 * Copies Altegio's catalogue into the cache, one location at a time. Each location's snapshot is
 * built completely in memory and written in one transaction; a failure anywhere before that leaves
 * the previous snapshot untouched and records the error in sync_state.
 *
 * Progress events: `done`/`total` count locations of the current run, `step` is the step of the
 * location being worked on.
 */
export class CatalogSync {
  /** Whose run `running` is (`env:userId`). */
  private runningFor: string | null = null;
  private running: Promise<SyncLocationState[]> | null = null;
  /** Why the last run failed (null: it did not, or none ran yet); screens opened later still say so. */
  lastRunError: SyncRunError | null = null;
  private lastFullRun: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly avatars: AvatarCache;
  private readonly serviceImages: AvatarCache;
  /**
   * Cached locations Altegio no longer lists, when it lists none at all: kept (and shown with a
   * warning) until a person confirms removal, because an empty answer is more often a wrong login
   * or an Altegio hiccup than a salon that closed every location.
   */
  private missing: number[] = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly repo: CatalogRepo,
    private readonly listed?: ListedLocations,
  ) {
    this.avatars = new AvatarCache(ctx.paths.media, ctx.log);
    this.serviceImages = new AvatarCache(ctx.paths.media, ctx.log, 'services');
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /**
   * Syncs the given locations, or every location the user has (and forgets those they lost).
   * While a run is in progress, any call joins it instead of starting another.
   */
  run(opts: { locationIds?: readonly number[] } = {}): Promise<SyncLocationState[]> {
    const who = this.ctx.currentUser();
    const mine = who ? `${who.env}:${who.userId}` : null;
    if (this.running && this.runningFor !== mine) {
      // Another person's run (started before a switch) goes on with their token; this person's own run
      // follows it rather than joining it, so it syncs their locations with their token.
      return this.running.then(
        () => this.run(opts),
        () => this.run(opts),
      );
    }
    if (this.running) return this.running;
    this.runningFor = mine;
    // Start and end are announced even when the run fails before any location (e.g. GET /companies),
    // so a screen that saw `running` never waits for a progress event that will not come.
    this.ctx.events.emit('sync-run', { running: true, error: null });
    const run = this.execute(opts.locationIds).then(
      (states) => {
        this.ended(this.firstFailure(states));
        return states;
      },
      (e: unknown) => {
        const err = toAppError(e);
        this.ended({ code: err.code, message: err.message, locationTitle: null });
        throw err;
      },
    );
    this.running = run.finally(() => {
      this.running = null;
      this.runningFor = null;
    });
    return this.running;
  }

  private ended(error: SyncRunError | null): void {
    this.lastRunError = error;
    this.ctx.events.emit('sync-run', { running: false, error });
  }

  /** A location whose latest attempt failed (its error is newer than its last success). */
  private firstFailure(states: SyncLocationState[]) {
    const failed = states.find((s) => s.lastError && (!s.lastSuccessAt || (s.lastErrorAt ?? '') > s.lastSuccessAt));
    return failed?.lastError ? { ...failed.lastError, locationTitle: failed.title } : null;
  }

  /** Background refresh: every minute, syncs the locations whose snapshot is older than the setting. */
  startTimer(): void {
    this.stopTimer();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Locations due for a refresh now (stale snapshot, and not failed very recently). */
  dueLocations(): number[] {
    const staleMs = this.ctx.settings.get('desk.staleAfterMinutes', DEFAULT_STALE_MINUTES) * 60_000;
    const retryMs = Math.min(staleMs, ERROR_RETRY_MS);
    const now = this.ctx.now().getTime();
    const age = (at: string | null) => (at === null ? Infinity : now - Date.parse(at));
    return this.repo.syncState
      .list()
      .filter((s) => age(s.lastSuccessAt) >= staleMs && age(s.lastErrorAt) >= retryMs)
      .map((s) => s.locationId);
  }

  /** Stale-while-revalidate: starts a refresh of the location in the background when it is due. */
  refreshIfDue(locationId: number): void {
    if (this.running || !this.ctx.connectivity.online) return;
    if (!this.dueLocations().includes(locationId)) return;
    this.run({ locationIds: [locationId] }).catch((e) => this.ctx.log.warn({ err: e }, 'background refresh failed'));
  }

  async tick(): Promise<void> {
    if (this.running || !this.ctx.connectivity.online) return;
    const known = this.repo.syncState.list().length;
    if (known === 0) {
      // Nothing cached yet (or the user has no locations): ask for the list, but not every minute.
      const staleMs = this.ctx.settings.get('desk.staleAfterMinutes', DEFAULT_STALE_MINUTES) * 60_000;
      if (this.lastFullRun !== null && this.ctx.now().getTime() - this.lastFullRun < Math.min(staleMs, ERROR_RETRY_MS))
        return;
    }
    const due = this.dueLocations();
    if (known > 0 && due.length === 0) return;
    try {
      await this.run(known === 0 ? {} : { locationIds: due });
    } catch (e) {
      this.ctx.log.warn({ err: e }, 'background catalogue refresh failed');
    }
  }

  /** Cached locations waiting for a person to confirm their removal (Altegio listed none). */
  get missingLocations(): readonly number[] {
    return this.missing;
  }

  /** The person confirmed: drop every cached location Altegio stopped listing. */
  confirmRemoval(): number[] {
    const ids = this.missing;
    this.missing = [];
    const keep = this.repo.syncState
      .list()
      .map((s) => s.locationId)
      .filter((id) => !ids.includes(id));
    const gone = this.removeLocationsKeeping(keep);
    this.ctx.events.emit('catalog-removal-pending', { locationIds: [] });
    return gone;
  }

  private removeLocationsKeeping(keep: number[]): number[] {
    const gone = this.repo.writer.removeLocations(keep);
    for (const id of gone) {
      this.avatars.prune(id, new Set());
      this.serviceImages.prune(id, new Set());
    }
    return gone;
  }

  private knownIds(): Set<number> {
    return new Set([
      ...this.repo.syncState.list().map((s) => s.locationId),
      ...this.repo.listLocations().map((l) => l.id),
    ]);
  }

  private async execute(ids: readonly number[] | undefined): Promise<SyncLocationState[]> {
    let targets: Target[];
    if (ids === undefined) {
      // The person and their client are taken together, before any await: the rights this run records
      // are theirs even if someone else unlocks the desk while it runs.
      const who = this.ctx.currentUser();
      const api = await this.ctx.altegio();
      this.lastFullRun = this.ctx.now().getTime();
      const companies = await api.myCompanies();
      targets = companies.map((c) => ({ id: c.id, title: c.title, listed: c }));
      this.listed?.record(companies);
      const cached = [...this.knownIds()];
      if (targets.length === 0 && cached.length > 0) {
        this.missing = cached;
        this.ctx.log.warn(
          { cached: cached.length },
          'Altegio lists no locations; keeping the cache until a person confirms',
        );
        this.ctx.events.emit('catalog-removal-pending', { locationIds: cached });
        return this.repo.syncState.list();
      }
      if (this.missing.length > 0) {
        this.missing = [];
        this.ctx.events.emit('catalog-removal-pending', { locationIds: [] });
      }
      if (who)
        recordRights(
          this.ctx.settings,
          who,
          targets.map((t) => t.id),
        );
      this.removeLocationsKeeping([...targets.map((t) => t.id), ...heldByOthers(this.ctx.settings, who)]);
      return this.syncTargets(api, targets);
    }
    // A location the desk has never seen is not synced on its own: that would leave a junk row
    // (NOT_FOUND) that sync.status lists and the timer retries forever.
    const known = this.knownIds();
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError('NOT_FOUND', 'This location is not in the offline catalogue. Sync all locations first.', {
        locationIds: unknown,
      });
    }
    const api = await this.ctx.altegio();
    const states = new Map(this.repo.syncState.list().map((s) => [s.locationId, s.title]));
    // One GET /companies?my=1 carries every asked location with its currency (GET /company/{id}
    // documents none); a location it does not list falls back to GET /company/{id}.
    // If the list itself fails, each location falls back and records its own error, as before.
    const companies = await api.myCompanies().catch((e: unknown) => {
      if (toAppError(e).code === 'AUTH_REQUIRED') throw e;
      return [];
    });
    const listed = new Map(companies.map((c) => [c.id, c]));
    targets = ids.map((id) => {
      const title = this.repo.getLocation(id)?.title ?? states.get(id) ?? `#${id}`;
      const company = listed.get(id);
      return company ? { id, title, listed: company } : { id, title };
    });
    return this.syncTargets(api, targets);
  }

  private async syncTargets(api: AltegioApi, targets: Target[]): Promise<SyncLocationState[]> {
    for (const [index, target] of targets.entries()) {
      try {
        await this.syncLocation(api, target, index, targets.length);
      } catch (e) {
        const err = toAppError(e);
        if (err.code === 'INTERNAL') this.ctx.log.error({ err: e, locationId: target.id }, 'catalogue sync failed');
        else this.ctx.log.warn({ code: err.code, locationId: target.id }, `catalogue sync failed: ${err.message}`);
        try {
          this.repo.syncState.recordError(target.id, target.title, this.ctx.now().toISOString(), err.code, err.message);
        } catch (recordFailed) {
          throw toAppError(recordFailed); // e.g. the disk filled up: the same STORAGE sentence
        }
        this.progress(target, 'failed', index + 1, targets.length);
        if (STOP_CODES.has(err.code)) break;
      }
    }
    const wanted = new Set(targets.map((t) => t.id));
    return this.repo.syncState.list().filter((s) => wanted.has(s.locationId));
  }

  private progress(t: Target, step: SyncStep | 'done' | 'failed', done: number, total: number): void {
    this.ctx.events.emit('sync-progress', { locationId: t.id, locationTitle: t.title, step, done, total });
  }

  private async syncLocation(api: AltegioApi, target: Target, index: number, total: number): Promise<void> {
    const id = target.id;
    const step = (s: SyncStep) => this.progress(target, s, index, total);
    // Photo changes made here while this sync reads Altegio are newer than what it reads.
    const photoMark = this.repo.photoEditMark();
    step('company');
    const company = target.listed ?? (await this.company(api, id));
    target.title = company.title;
    step('categories');
    const categories = await this.categories(api, id);
    step('services');
    const services = await api.services(id);
    step('staff');
    const staff = await api.staff(id);
    this.refuseEmptying(target, {
      categories: categories === null ? null : categories.length,
      services: services.length,
      staff: staff.length,
    });
    const fallbackLinks = await this.linksFromMembers(api, id, services, staff);
    step('license');
    const license = await this.license(api, id);
    step('photos');
    const previous = new Map(this.repo.allStaff(id).map((m) => [m.id, m.avatarMedia]));
    const wanted = staff.filter(isVisible).flatMap((m) => {
      const url = avatarUrl(m);
      return url ? [{ id: m.id, url }] : [];
    });
    const avatars = await this.avatars.fetch(api, id, wanted, previous);
    const images = await this.serviceImagesOf(api, id, services);
    // No await from here to the write: a photo sent meanwhile (the outbox) is not overwritten by the older lists.
    for (const [sid, img] of this.repo.serviceImagesEditedSince(id, photoMark)) images.set(sid, img);
    const keptAvatars = this.repo.staffAvatarsEditedSince(id, photoMark);
    step('save');
    const syncedAt = this.ctx.now().toISOString();
    this.repo.writer.replace(
      buildSnapshot({
        company: {
          ...company,
          currencyShortTitle: company.currencyShortTitle ?? this.repo.getLocation(id)?.currency ?? null,
        },
        categories:
          categories ??
          this.repo.listCategories(id).map((c) => ({ id: c.id, title: c.title, weight: c.weight, staffIds: [] })),
        categoriesUnavailable: categories === null,
        services,
        staff,
        fallbackLinks,
        license,
        avatars,
        keptAvatars,
        serviceImages: images,
        syncedAt,
      }),
    );
    this.markCategories(id, categories === null);
    if (target.listed) this.noteIdMismatch(id, null);
    const avatarFiles = [...avatars.values(), ...[...keptAvatars.values()].map((k) => k.media)];
    this.avatars.prune(id, new Set(avatarFiles.filter((v): v is string => v !== null)));
    this.serviceImages.prune(id, new Set([...images.values()].flatMap((v) => (v?.media ? [v.media] : []))));
    this.progress(target, 'done', index + 1, total);
    this.ctx.events.emit('catalog-updated', { locationId: id, syncedAt });
  }

  /**
   * Each service's photo, cached like the team's avatars. A list that does not say (`image_group` absent:
   * the documented /services/{id} list example has none) keeps what the desk had; `[]`/`{}` is no photo.
   */
  private async serviceImagesOf(
    api: AltegioApi,
    locationId: number,
    services: readonly Service[],
  ): Promise<Map<number, ServiceImageRecord | null>> {
    const before = this.repo.serviceImages(locationId);
    const out = new Map<number, ServiceImageRecord | null>();
    const wanted: { id: number; url: string }[] = [];
    for (const s of services) {
      if (s.image === undefined) {
        out.set(s.id, before.get(s.id) ?? null);
        continue;
      }
      const img = s.image;
      out.set(s.id, img ? { remote: img.url, media: null, imageGroupId: img.imageGroupId } : null);
      if (img?.url) wanted.push({ id: s.id, url: img.url });
    }
    const previous = new Map([...before].map(([k, v]) => [k, v.media]));
    const files = await this.serviceImages.fetch(api, locationId, wanted, previous);
    for (const [sid, media] of files) {
      const rec = out.get(sid);
      if (rec) out.set(sid, { ...rec, media });
    }
    return out;
  }

  /**
   * An empty service list or team for a location whose catalogue has some is far more often a
   * wrong login or an Altegio hiccup than a real change; keep what the desk has and say so.
   */
  private refuseEmptying(target: Target, now: { categories: number | null; services: number; staff: number }): void {
    const had = this.repo.syncState.list().find((s) => s.locationId === target.id)?.counts;
    if (!had) return;
    const what =
      now.services === 0 && had.services > 0
        ? 'services'
        : now.categories !== null && now.categories === 0 && had.categories > 0
          ? 'service categories'
          : now.staff === 0 && had.staff > 0
            ? 'team members'
            : null;
    if (what) {
      throw new AppError(
        'UPSTREAM',
        `Altegio lists no ${what} for ${target.title} — ask your manager. The saved catalogue is kept.`,
        { locationId: target.id },
      );
    }
  }

  /**
   * GET /company/{id}, only when /companies?my=1 did not list the location. The answer's own id is
   * not trusted: the snapshot goes under the id that was asked for (the desk user's rights name it),
   * and a different id is logged and shown.
   */
  private async company(api: AltegioApi, id: number): Promise<Company> {
    const company = await api.company(id);
    if (company.id === id) {
      this.noteIdMismatch(id, null);
      return company;
    }
    this.ctx.log.warn({ asked: id, answered: company.id }, 'GET /company/{id} answered another location id');
    this.noteIdMismatch(id, company.id);
    return { ...company, id };
  }

  /**
   * Categories are not worth a location's services: when they cannot be read (anything but the
   * errors that stop the whole run), the services are kept under "Other" with a note, and the
   * categories are asked for again at the next sync. null: not read this time.
   */
  private async categories(api: AltegioApi, id: number): Promise<ServiceCategory[] | null> {
    try {
      return await api.serviceCategories(id);
    } catch (e) {
      const err = toAppError(e);
      if (STOP_CODES.has(err.code)) throw err;
      this.ctx.log.warn(
        { code: err.code, locationId: id, details: err.details },
        'service categories not read; services kept under Other',
      );
      return null;
    }
  }

  private noteIdMismatch(id: number, answered: number | null): void {
    const all = this.ctx.settings.get<Record<string, number>>(ID_MISMATCH, {});
    if (answered === null && !(id in all)) return;
    const { [id]: _, ...rest } = all;
    this.ctx.settings.set(ID_MISMATCH, answered === null ? rest : { ...rest, [id]: answered });
  }

  private markCategories(id: number, unavailable: boolean): void {
    const list = this.ctx.settings.get<number[]>(CATEGORIES_UNAVAILABLE, []).filter((x) => x !== id);
    if (unavailable) list.push(id);
    this.ctx.settings.set(CATEGORIES_UNAVAILABLE, list);
  }

  /**
   * The documented list example has no `staff` on services. Then the links come from asking, per
   * visible member, which services they perform; each link gets the service's default duration.
   */
  private async linksFromMembers(
    api: AltegioApi,
    locationId: number,
    services: Service[],
    staff: StaffMemberRaw[],
  ): Promise<Map<number, ServiceLinkRecord[]>> {
    const links = new Map<number, ServiceLinkRecord[]>();
    const missing = new Map(services.filter((s) => s.staff === null).map((s) => [s.id, s]));
    if (missing.size === 0) return links;
    const visible = staff.filter(isVisible);
    const reused = this.recentMemberLinks(locationId, [...missing.values()], visible);
    if (reused) return reused;
    for (const m of visible) {
      for (const performed of await api.servicesOfStaff(locationId, m.id)) {
        const service = missing.get(performed.id);
        if (!service) continue;
        const list = links.get(service.id) ?? [];
        list.push({ staffId: m.id, durationSec: service.durationSec, price: null });
        links.set(service.id, list);
      }
    }
    const at = this.ctx.settings.get<Record<string, string>>(MEMBER_LINKS_AT, {});
    this.ctx.settings.set(MEMBER_LINKS_AT, { ...at, [locationId]: this.ctx.now().toISOString() });
    return links;
  }

  /**
   * The per-member fallback costs one request per member (40 members × 3 locations is most of a
   * minute's budget), so its answer is kept for MEMBER_LINKS_MAX_AGE_MS: within that, a refresh
   * reuses the cached links, unless a service or a member is new to the snapshot.
   */
  private recentMemberLinks(
    locationId: number,
    missing: Service[],
    visible: StaffMemberRaw[],
  ): Map<number, ServiceLinkRecord[]> | null {
    const at = this.ctx.settings.get<Record<string, string>>(MEMBER_LINKS_AT, {})[locationId];
    if (!at || this.ctx.now().getTime() - Date.parse(at) >= MEMBER_LINKS_MAX_AGE_MS) return null;
    const known = new Set(this.repo.allStaff(locationId).map((m) => m.id));
    if (visible.some((m) => !known.has(m.id))) return null;
    const links = new Map<number, ServiceLinkRecord[]>();
    for (const service of missing) {
      const cached = this.repo.getService(locationId, service.id);
      if (!cached) return null;
      const list = cached.performers.map((p) => ({
        staffId: p.staffId,
        durationSec: service.durationSec,
        price: null,
      }));
      if (list.length > 0) links.set(service.id, list);
    }
    return links;
  }

  /** The licence is a nice-to-have on the location card: a failure keeps what we had. */
  private async license(api: AltegioApi, locationId: number): Promise<StoredLicense | null> {
    // A licence changes a few times a year: not worth a request on every 30-minute refresh.
    const fetched = this.ctx.settings.get<Record<string, string>>(LICENSE_FETCHED, {});
    const kept = this.repo.getLocation(locationId)?.license ?? null;
    const at = fetched[locationId];
    if (kept && at && this.ctx.now().getTime() - Date.parse(at) < LICENSE_MAX_AGE_MS) return kept;
    try {
      const license = storedLicense(await api.license(locationId));
      this.ctx.settings.set(LICENSE_FETCHED, { ...fetched, [locationId]: this.ctx.now().toISOString() });
      return license;
    } catch (e) {
      const err = toAppError(e);
      if (err.code === 'AUTH_REQUIRED') throw err;
      this.ctx.log.warn({ code: err.code, locationId }, 'licence not refreshed; keeping the previous one');
      return this.repo.getLocation(locationId)?.license ?? null;
    }
  }
}
