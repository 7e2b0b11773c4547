import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Category, CategoryList, ServiceDetail, ServiceHit, StaffMember } from '../../../shared/domain/catalog';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { useDeskStore } from './desk';

export const PAGE_SIZE = 100;

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error' | 'unsynced';

/**
 * Catalogue lookup. Results are a sparse list as long as the whole match (`total`): pages of
 * PAGE_SIZE are fetched by offset when the virtual list shows them, so 20 000 services scroll
 * without loading 20 000 rows. A new search bumps `generation`, and late answers are dropped.
 *
 * Typing searches at once (`typed`): no fixed delay and no wait for a frame, since the search
 * takes well under a millisecond and a wait would put a frame or more between a keystroke and its
 * results. Each keystroke's search is a new generation, so an older query's late answer is dropped.
 * Enter and the arrows (`settled`) first wait for the results of the query on screen, so they never
 * act on a row of an older list.
 */
export const useCatalogStore = defineStore('catalog', () => {
  const query = ref('');
  const categoryId = ref<number | null>(null);
  const staffId = ref<number | null>(null);

  const status = ref<ListStatus>('idle');
  const error = ref<ErrorBody | null>(null);
  const total = ref(0);
  const hits = shallowRef<(ServiceHit | undefined)[]>([]);
  const syncedAt = ref<string | null>(null);
  /** The query the current results answer (the box may already hold a newer one). */
  const answered = ref('');
  /** "Did you mean …" for the answered query, when it found nothing. */
  const suggestion = ref<string | null>(null);
  /** Some service of the location has a photo: the list keeps a thumbnail column. */
  const withPhotos = ref(false);
  const activeIndex = ref(-1);
  /** Bumped by every new first page, so the list can jump back to its top. */
  const resultsId = ref(0);

  const categories = ref<Category[]>([]);
  /** What the last sync could not do for this location (categories unread, another id answered). */
  const notes = ref<NonNullable<CategoryList['notes']>>([]);
  const staff = ref<StaffMember[]>([]);
  /** Every service under the team filter, any category (main counts it; a sum of categories would miss some). */
  const allCount = ref(0);

  const selectedId = ref<number | null>(null);
  const detail = ref<ServiceDetail | null>(null);
  const detailError = ref<ErrorBody | null>(null);
  const detailLoading = ref(false);

  /** Which location and snapshot the list shows, so returning to the screen does not search again. */
  const shownFor = ref<{ locationId: number | null; syncedAt: string | null } | null>(null);

  let generation = 0;
  const inflight = new Set<number>();
  /** The latest first-page search: the one for the query now in the box. */
  let latest: Promise<void> = Promise.resolve();

  const location = () => useDeskStore().locationId;

  function request(locationId: number, offset: number) {
    return api().catalog.search({
      locationId,
      query: query.value.trim(),
      ...(categoryId.value !== null ? { categoryId: categoryId.value } : {}),
      ...(staffId.value !== null ? { staffId: staffId.value } : {}),
      limit: PAGE_SIZE,
      offset,
    });
  }

  function fail(e: ErrorBody): void {
    hits.value = [];
    total.value = 0;
    // The location has never been synced to this desk: not an error, an empty desk.
    status.value = e.code === 'NOT_FOUND' ? 'unsynced' : 'error';
    error.value = status.value === 'error' ? e : null;
  }

  /** Search now (a filter changed, Retry); the answer to any earlier search is dropped. */
  function search(): Promise<void> {
    latest = runSearch();
    return latest;
  }

  /**
   * The query box changed. Called by the view's watcher, which runs in the microtask after the
   * input event, so a keydown (its own task) always finds `latest` asking for the query it sees.
   */
  function typed(): void {
    void search();
  }

  /** Resolves when the list answers the query now in the box. */
  function settled(): Promise<void> {
    return latest;
  }

  /** Enter: opens the active row of the results for the query on screen, never of an older list. */
  async function openActive(): Promise<void> {
    await settled();
    const asked = query.value.trim();
    if (answered.value !== asked || status.value !== 'ready') return;
    const hit = hits.value[activeIndex.value];
    if (hit) await select(hit.id);
  }

  /** Escape: clears the query and closes the pane; with the query already empty, closes the pane. */
  function escape(): boolean {
    const had = query.value !== '' || selectedId.value !== null;
    if (query.value !== '') {
      query.value = '';
      void search();
    }
    if (selectedId.value !== null) void select(null);
    return had;
  }

  async function runSearch(): Promise<void> {
    const locationId = location();
    const gen = ++generation;
    inflight.clear();
    if (locationId === null) {
      hits.value = [];
      total.value = 0;
      status.value = 'unsynced';
      return;
    }
    status.value = status.value === 'ready' ? 'ready' : 'loading';
    const asked = query.value.trim();
    const res = await request(locationId, 0);
    if (gen !== generation) return;
    answered.value = asked;
    suggestion.value = null;
    if (!res.ok) return fail(res.error);
    suggestion.value = res.data.suggestion ?? null;
    withPhotos.value = res.data.withPhotos ?? false;
    const list = new Array<ServiceHit | undefined>(res.data.total);
    res.data.items.forEach((h, i) => (list[i] = h));
    hits.value = list;
    total.value = res.data.total;
    syncedAt.value = res.data.syncedAt;
    error.value = null;
    status.value = 'ready';
    activeIndex.value = res.data.total > 0 ? 0 : -1;
    resultsId.value++;
    // The pane shows a service of the list on screen: another query's service closes.
    const shown = selectedId.value;
    if (shown !== null && !res.data.items.some((h) => h.id === shown)) void select(null);
  }

  /** Makes sure rows start…end (inclusive) are loaded or on their way. */
  function ensureRange(start: number, end: number): void {
    const locationId = location();
    if (status.value !== 'ready' || locationId === null) return;
    const last = Math.min(end, total.value - 1);
    for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page * PAGE_SIZE <= last; page++) {
      if (hits.value[page * PAGE_SIZE] !== undefined || inflight.has(page)) continue;
      inflight.add(page);
      void loadPage(locationId, page, generation);
    }
  }

  async function loadPage(locationId: number, page: number, gen: number): Promise<void> {
    const res = await request(locationId, page * PAGE_SIZE);
    if (gen !== generation) return;
    inflight.delete(page);
    if (!res.ok) return; // the rows stay placeholders; scrolling asks again
    if (res.data.total !== total.value) {
      // The catalogue changed under the list (a sync finished): start over rather than mix snapshots.
      void search();
      return;
    }
    // A new array, so the list (which gets it as a prop) sees the change; copying 20 000 slots is cheap.
    const next = hits.value.slice();
    res.data.items.forEach((h, i) => (next[page * PAGE_SIZE + i] = h));
    hits.value = next;
  }

  /**
   * A service's photo changed (here or when the outbox sent it): the pane and the loaded rows are read
   * again in place — no scroll jump, no flicker — and the list learns whether it needs its thumbnail column.
   */
  async function refreshPhotos(): Promise<void> {
    const locationId = location();
    if (locationId === null || status.value !== 'ready') return;
    const gen = generation;
    const id = selectedId.value;
    if (id !== null) {
      const res = await api().catalog.service({ locationId, id });
      if (selectedId.value === id && res.ok) detail.value = res.data;
    }
    const pages = new Set<number>();
    hits.value.forEach((h, i) => h && pages.add(Math.floor(i / PAGE_SIZE)));
    for (const page of pages) {
      const res = await request(locationId, page * PAGE_SIZE);
      if (gen !== generation || !res.ok || res.data.total !== total.value) return;
      withPhotos.value = res.data.withPhotos ?? false;
      const next = hits.value.slice();
      res.data.items.forEach((h, i) => (next[page * PAGE_SIZE + i] = h));
      hits.value = next;
    }
  }

  /** Category counts follow the team filter. */
  async function loadCategories(locationId = location()): Promise<void> {
    if (locationId === null) return;
    const member = staffId.value;
    const cats = await api().catalog.categories({ locationId, ...(member !== null ? { staffId: member } : {}) });
    if (member !== staffId.value || locationId !== location()) return; // a newer choice is on its way
    categories.value = cats.ok ? cats.data.items : [];
    allCount.value = cats.ok ? cats.data.total : 0;
    notes.value = cats.ok ? (cats.data.notes ?? []) : [];
  }

  async function loadFilters(): Promise<void> {
    const locationId = location();
    if (locationId === null) {
      categories.value = [];
      allCount.value = 0;
      staff.value = [];
      return;
    }
    const [, members] = await Promise.all([loadCategories(locationId), api().staff.list({ locationId })]);
    staff.value = members.ok ? members.data.items : [];
    if (categoryId.value !== null && !categories.value.some((c) => c.id === categoryId.value)) categoryId.value = null;
    if (staffId.value !== null && !staff.value.some((m) => m.id === staffId.value)) staffId.value = null;
  }

  async function select(id: number | null): Promise<void> {
    selectedId.value = id;
    detail.value = null;
    detailError.value = null;
    const locationId = location();
    if (id === null || locationId === null) return;
    detailLoading.value = true;
    const res = await api().catalog.service({ locationId, id });
    if (selectedId.value !== id) return;
    detailLoading.value = false;
    if (res.ok) detail.value = res.data;
    else detailError.value = res.error;
  }

  /** Another location: its own categories, team and services; the query is kept. */
  function resetForLocation(): void {
    categoryId.value = null;
    staffId.value = null;
    selectedId.value = null;
    detail.value = null;
    detailError.value = null;
    status.value = 'idle';
  }

  /** Shows `locationId`'s catalogue as of `syncedAt`: reloads only when either changed or the last try failed. */
  async function open(locationId: number | null, syncedAt: string | null): Promise<void> {
    const prev = shownFor.value;
    const same = prev !== null && prev.locationId === locationId && prev.syncedAt === syncedAt;
    if (same && status.value !== 'error' && status.value !== 'unsynced') return;
    if (prev === null || prev.locationId !== locationId) resetForLocation();
    shownFor.value = { locationId, syncedAt };
    await Promise.all([loadFilters(), search()]);
    if (selectedId.value !== null) await select(selectedId.value);
  }

  return {
    query,
    categoryId,
    staffId,
    status,
    error,
    total,
    hits,
    syncedAt,
    answered,
    suggestion,
    withPhotos,
    refreshPhotos,
    activeIndex,
    resultsId,
    categories,
    notes,
    staff,
    allCount,
    selectedId,
    detail,
    detailError,
    detailLoading,
    search,
    typed,
    settled,
    openActive,
    escape,
    ensureRange,
    loadFilters,
    loadCategories,
    select,
    resetForLocation,
    open,
  };
});
