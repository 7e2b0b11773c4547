import type { SyncLocationState } from '../../../shared/domain/catalog';
import { AppError } from '../../../shared/errors';
import { CatalogRepo, type LocationRecord } from '../../store/catalog';
import type { AppContext, Domain } from '../context';
import { CATEGORIES_UNAVAILABLE, CatalogSync, ID_MISMATCH } from './sync';
import type { CategoryList } from '../../../shared/domain/catalog';
import * as view from './views';
import { rightsOf } from './location-rights';
import { ListedLocations } from './listed-locations';
import { LocationSynonyms } from './location-synonyms';

export interface CatalogDomainOptions {
  /** The photo outbox's pending work per member (the team list) or per service (the detail pane). */
  pendingPhotos?: (locationId: number, subject?: 'staff' | 'service') => Map<number, 'upload' | 'remove'>;
}

export interface CatalogDomain extends Domain<
  | 'catalog.locations'
  | 'catalog.location'
  | 'catalog.search'
  | 'catalog.service'
  | 'catalog.categories'
  | 'catalog.synonyms'
  | 'catalog.setSynonyms'
  | 'staff.list'
  | 'sync.run'
  | 'sync.status'
  | 'sync.connectivityHint'
  | 'sync.confirmRemoval'
> {
  repo: CatalogRepo;
  sync: CatalogSync;
  /** What GET /companies named since this start (sign-in and full syncs). */
  listed: ListedLocations;
  /** Syncs every location the signed-in user has; resolves with each location's state. */
  syncAll(): Promise<SyncLocationState[]>;
}

/** The desk's language in effect ("en", "ru", …): durations and the printed report. The renderer keeps it current. */
export const LOCALE_SETTING = 'ui.locale';

/** The offline catalogue: reads answer from SQLite only; sync refreshes it at sign-in, on demand and when stale. */
export function createCatalogDomain(ctx: AppContext, opts: CatalogDomainOptions = {}): CatalogDomain {
  const synonyms = new LocationSynonyms(ctx.settings);
  const repo = new CatalogRepo(ctx.db, (locationId) => synonyms.thesaurusFor(locationId));
  const listed = new ListedLocations();
  const sync = new CatalogSync(ctx, repo, listed);
  let signedIn = false;

  const viewOptions = (): view.ViewOptions => ({
    locale: ctx.settings.get(LOCALE_SETTING, 'en'),
    mediaUrl: (p) => ctx.mediaUrl(p),
    now: () => ctx.now(),
  });

  function location(id: number): LocationRecord {
    const l = repo.getLocation(id);
    if (!l) {
      throw new AppError(
        'NOT_FOUND',
        'This location is not in the offline catalogue yet. Sync the catalogue and try again.',
        {
          locationId: id,
        },
      );
    }
    if (signedIn) sync.refreshIfDue(id);
    return l;
  }

  const syncAll = () => sync.run();

  return {
    repo,
    sync,
    listed,
    syncAll,
    handlers: {
      'catalog.locations': () => {
        // The shared cache, as far as this person's Altegio rights reach (everything before their first sync).
        // Unknown rights (offline since sign-in) show nothing: the cache may hold other people's salons.
        const rights = rightsOf(ctx.settings, ctx.currentUser()) ?? [];
        const items = repo.listLocations().filter((l) => rights.includes(l.id));
        const oldest = items.reduce<string | null>(
          (min, l) => (min === null || l.syncedAt < min ? l.syncedAt : min),
          null,
        );
        // Locations whose first sync failed have no snapshot but must still be listed, with the reason.
        const known = new Set(items.map((l) => l.id));
        const failed = repo.syncState
          .list()
          .filter((s) => !known.has(s.locationId) && s.lastError !== null)
          .filter((s) => rights.includes(s.locationId))
          .map((s) => view.failedLocationSummary(s));
        // Listed by Altegio at sign-in, first sync still to store them: in GET /companies' order.
        const shown = new Set([...known, ...failed.map((l) => l.id)]);
        const state = sync.isRunning ? 'running' : 'waiting';
        const pending = rights
          .filter((id) => !shown.has(id))
          .map((id) => listed.get(id))
          .filter((l) => l !== null)
          .map((l) => view.listedLocationSummary(l, state));
        return { items: [...items.map(view.locationSummary), ...failed, ...pending], syncedAt: oldest };
      },
      'catalog.location': ({ id }) => view.locationCard(location(id), viewOptions()),
      'catalog.search': (args) => {
        const l = location(args.locationId);
        const o = viewOptions();
        const { rows, total, suggestion } = repo.search(args);
        const photos = repo.servicePhotos(args.locationId);
        return {
          items: rows.map((r) => view.serviceHit(r, l, o, photos)),
          total,
          syncedAt: l.syncedAt,
          suggestion,
          withPhotos: photos.size > 0,
        };
      },
      'catalog.service': ({ locationId, id }) => {
        const l = location(locationId);
        const s = repo.getService(locationId, id);
        if (!s) {
          throw new AppError(
            'NOT_FOUND',
            `This service is not in ${l.title}'s catalogue. It may have been removed in Altegio.`,
            {
              locationId,
              serviceId: id,
            },
          );
        }
        const pending = opts.pendingPhotos?.(locationId, 'service').get(id) ?? null;
        return view.serviceDetail(s, l, viewOptions(), pending);
      },
      'catalog.categories': ({ locationId, staffId }) => {
        const l = location(locationId);
        const notes: CategoryList['notes'] = [];
        if (ctx.settings.get<number[]>(CATEGORIES_UNAVAILABLE, []).includes(locationId)) notes.push('categoriesUnavailable');
        const answered = ctx.settings.get<Record<string, number>>(ID_MISMATCH, {})[locationId];
        if (answered !== undefined) notes.push('idMismatch');
        return {
          items: repo.listCategories(locationId, staffId).map(view.category),
          total: repo.countServices(locationId, staffId),
          syncedAt: l.syncedAt,
          notes,
        };
      },
      'catalog.synonyms': ({ locationId }) => synonyms.get(locationId),
      'catalog.setSynonyms': ({ locationId, items }) => {
        const saved = synonyms.set(locationId, items);
        repo.invalidateSearch(locationId);
        return saved;
      },
      'staff.list': ({ locationId }) => {
        const l = location(locationId);
        const pending = opts.pendingPhotos?.(locationId) ?? new Map<number, 'upload' | 'remove'>();
        const o = viewOptions();
        return {
          items: repo.listStaff(locationId).map((m) => view.staffMember(m, pending.get(m.id) ?? null, o)),
          syncedAt: l.syncedAt,
        };
      },
      'sync.run': async (args) => {
        const states = await (args?.locationId === undefined
          ? sync.run()
          : sync.run({ locationIds: [args.locationId] }));
        // Only the caller's locations, whoever's run this turned out to be.
        const rights = rightsOf(ctx.settings, ctx.currentUser()) ?? [];
        return states.filter((s) => rights.includes(s.locationId));
      },
      'sync.connectivityHint': ({ online }) => {
        ctx.connectivity.hint?.(online);
        return { online: ctx.connectivity.online };
      },
      'sync.status': () => {
        const rights = rightsOf(ctx.settings, ctx.currentUser()) ?? [];
        return {
          online: ctx.connectivity.online,
          running: sync.isRunning,
          lastRunError: sync.lastRunError,
          locations: repo.syncState.list().filter((s) => rights.includes(s.locationId)),
          missingLocations: sync.missingLocations.filter((id) => rights.includes(id)),
        };
      },
      'sync.confirmRemoval': () => ({ removed: sync.confirmRemoval() }),
    },
    onSession(active) {
      signedIn = active;
      if (!active) {
        sync.stopTimer();
        return;
      }
      sync.startTimer();
      syncAll().catch((e) => ctx.log.warn({ err: e }, 'catalogue sync at sign-in failed'));
    },
    close() {
      sync.stopTimer();
    },
  };
}

export { CatalogSync } from './sync';
export { formatDuration, formatMoney, moneyFormat } from '../../../shared/format';
