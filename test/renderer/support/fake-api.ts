/**
 * A typed fake of `window.api` for renderer tests. Every method is a `vi.fn` resolving a Result
 * envelope (never throwing, like the real one); `emit(event, payload)` plays a main → renderer event.
 *
 *   const api = createFakeApi({ catalog: { search: async () => ok(page([hit(1)])) } });
 *   installFakeApi(api);                       // window.api = api
 *   api.emit('connectivity', { online: false, checkedAt: new Date().toISOString() });
 *   expect(api.catalog.search).toHaveBeenCalledWith(expect.objectContaining({ query: 'cut' }));
 */
import { vi, type Mock } from 'vitest';
import type { Api, EventMap, EventName } from '../../../src/shared/contract';
import type {
  Category,
  LocationSummary,
  SearchPage,
  ServiceDetail,
  ServiceHit,
  StaffMember,
} from '../../../src/shared/domain/catalog';
import type { DeskState, DeskUserView } from '../../../src/shared/domain/desk';
import type { AppInfo, SessionInfo, SettingsView } from '../../../src/shared/domain/session';
import type { ErrorBody, ErrorCode, Result } from '../../../src/shared/errors';

type Namespaces = Exclude<keyof Api, 'on'>;
type Fn = (...args: never[]) => unknown;

export type FakeApi = {
  [N in Namespaces]: { [M in keyof Api[N]]: Api[N][M] extends Fn ? Mock<Api[N][M]> : never };
} & {
  on: Api['on'];
  /** Delivers an event to every handler the app registered with `api.on`. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** How many handlers are registered for an event (to check that views unsubscribe). */
  listenerCount(event: EventName): number;
};

export type FakeApiOverrides = { [N in Namespaces]?: Partial<Api[N]> };

export const ok = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });
export const fail = (
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: ErrorBody } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

// ---- sample data -------------------------------------------------------------------------------

export const sampleUser: SessionInfo = { userId: 7, name: 'Anna Reception', avatar: null, environment: 'demo' };

export function sampleSettings(patch: Partial<SettingsView> = {}): SettingsView {
  return {
    environment: { id: 'demo', customUrl: null },
    partnerToken: { set: false, source: null },
    staleAfterMinutes: 30,
    desk: { locationId: null, paper: 'a4', printer: null },
    ...patch,
  };
}

export const sampleInfo: AppInfo = {
  name: 'Front Desk',
  version: '0.1.0',
  platform: 'linux',
  runtime: 'node',
  versions: { node: '20.20.0', electron: null, chrome: null },
};

export function sampleLocation(patch: Partial<LocationSummary> = {}): LocationSummary {
  return {
    id: 101,
    title: 'Riverside Salon',
    city: 'Springfield',
    address: '1 River St',
    timezoneName: 'Europe/London',
    currency: '£',
    syncedAt: '2025-01-10T09:12:00.000Z',
    ...patch,
  };
}

export function sampleHit(id: number, patch: Partial<ServiceHit> = {}): ServiceHit {
  return {
    id,
    locationId: 101,
    title: `Service ${id}`,
    categoryId: 1,
    categoryTitle: 'Hair',
    price: { min: 40, max: 60, display: '£40–60' },
    durationSec: 3600,
    durationDisplay: '1 hr',
    staffCount: 2,
    ...patch,
  };
}

export function samplePage(items: ServiceHit[], total = items.length): SearchPage {
  return { items, total, syncedAt: '2025-01-10T09:12:00.000Z' };
}

export function sampleDetail(id: number, patch: Partial<ServiceDetail> = {}): ServiceDetail {
  return {
    ...sampleHit(id),
    comment: 'Includes wash and blow-dry.',
    performers: [
      {
        staffId: 1,
        name: 'Maria Lopez',
        position: 'Senior stylist',
        avatarUrl: null,
        durationSec: 3600,
        durationDisplay: '1 hr',
        price: { min: 50, max: 50, display: '£50' },
      },
    ],
    syncedAt: '2025-01-10T09:12:00.000Z',
    ...patch,
  };
}

export function sampleStaff(id: number, patch: Partial<StaffMember> = {}): StaffMember {
  return {
    id,
    locationId: 101,
    name: `Stylist ${id}`,
    position: 'Stylist',
    specialization: 'Colour',
    avatarUrl: null,
    hasPhoto: false,
    serviceCount: 5,
    photoPending: null,
    ...patch,
  };
}

export function sampleDeskState(patch: Partial<DeskState> = {}): DeskState {
  return { locked: false, users: [], autoLockMinutes: 5, returnTo: null, ...patch };
}

export function sampleDeskUser(userId: number, patch: Partial<DeskUserView> = {}): DeskUserView {
  return {
    userId,
    name: `Receptionist ${userId}`,
    avatar: null,
    hasPin: true,
    lockedOut: false,
    needsPassword: false,
    login: null,
    active: false,
    ...patch,
  };
}

export const sampleCategories: Category[] = [
  { id: 1, title: 'Hair', serviceCount: 12 },
  { id: 2, title: 'Nails', serviceCount: 8 },
];

// ---- the fake ----------------------------------------------------------------------------------

function defaults(): { [N in Namespaces]: Api[N] } {
  const notFound = fail('NOT_FOUND', 'Not in the fake.');
  return {
    app: {
      info: async () => ok(sampleInfo),
      status: async () => ok({ storageRebuilt: null }),
      ping: async (a) => ok({ pong: true as const, echo: a?.echo ?? null, at: new Date().toISOString() }),
      openExternal: async () => ok({ opened: true }),
      restartToUpdate: async () => ok({ restarting: true }),
      updateStatus: async () => ok(null),
    },
    session: {
      signIn: async (a) => ok({ ...sampleUser, environment: a.environment }),
      signOut: async () => ok(null),
      current: async () => ok(null),
    },
    settings: {
      get: async () => ok(sampleSettings()),
      setPartnerToken: async (a) =>
        ok(
          sampleSettings({ partnerToken: a.token ? { set: true, source: 'keychain' } : { set: false, source: null } }),
        ),
      environment: async (a) => ok({ id: a.id, customUrl: a.customUrl ?? null }),
      desk: async (a) =>
        ok({
          locationId: a.locationId ?? null,
          paper: a.paper ?? 'a4',
          printer: a.printer ?? null,
          language: a.language ?? null,
          ...(a.printClients ? { printClients: a.printClients } : {}),
        }),
    },
    catalog: {
      locations: async () => ok({ items: [], syncedAt: null }),
      location: async () => notFound,
      search: async () => ok(samplePage([])),
      service: async () => notFound,
      categories: async () => ok({ items: [], total: 0, syncedAt: null }),
      synonyms: async () => ok([]),
      setSynonyms: async (a) => ok(a.items),
    },
    staff: {
      list: async () => ok({ items: [], syncedAt: null }),
      uploadPhoto: async () => ok({ status: 'queued' as const, outboxId: 1, avatarUrl: null }),
      removePhoto: async () => ok({ status: 'queued' as const, outboxId: 2, avatarUrl: null }),
    },
    service: {
      uploadPhoto: async () => ok({ status: 'queued' as const, outboxId: 3, avatarUrl: null }),
      removePhoto: async () => ok({ status: 'queued' as const, outboxId: 4, avatarUrl: null }),
    },
    sync: {
      run: async () => ok([]),
      status: async () => ok({ online: true, running: false, locations: [] }),
      connectivityHint: async (a) => ok({ online: a.online }),
      confirmRemoval: async () => ok({ removed: [] }),
    },
    outbox: {
      list: async () => ok([]),
      cancel: async () => ok(null),
      retry: async () => ok(null),
    },
    reports: {
      dayEnd: async () => notFound,
      html: async () => notFound,
      print: async () => ok({ printed: true }),
      savePdf: async () => ok({ path: null }),
      printers: async () => ok({ printers: [], deskPrinter: null, paper: 'a4' as const }),
    },
    cashup: {
      open: async () => notFound,
      save: async () => notFound,
      correct: async () => notFound,
      setThreshold: async () => notFound,
      html: async () => ok({ html: '' }),
      print: async () => notFound,
      savePdf: async () => notFound,
      history: async () => ok({ rows: [], currency: '', timezoneName: null }),
      exportCsv: async () => ok({ csv: '', fileName: 'cash-ups.csv' }),
    },
    desk: {
      state: async () => ok(sampleDeskState()),
      lock: async () => ok(sampleDeskState({ locked: true })),
      unlock: async () => ok({ session: sampleUser, returnTo: null }),
      setPin: async () => ok(sampleDeskState()),
      queuedWork: async () => ok({ count: 0 }),
      removeUser: async () => ok(sampleDeskState()),
      setAutoLock: async (a) => ok(sampleDeskState({ autoLockMinutes: a.minutes })),
      audit: async () => ok([]),
    },
    today: {
      get: async () => notFound,
    },
    loyalty: {
      get: async () => notFound,
      member: async () => notFound,
      monthHtml: async () => notFound,
      printMonth: async () => ok({ printed: true }),
      saveMonthPdf: async () => ok({ path: null }),
    },
    manage: {
      rights: async (a) =>
        ok({
          locationId: a.locationId,
          createCategory: false,
          createService: false,
          editService: false,
          retireService: false,
          servicePhoto: false,
          readOnlyReason: 'not-checked' as const,
          checkedAt: null,
        }),
      list: async () => ok([]),
      createCategory: async () => notFound,
      createService: async () => notFound,
      retry: async () => notFound,
      cancel: async () => ok(null),
      openService: async () => notFound,
      updateService: async () => notFound,
      retireService: async () => notFound,
      resolveConflict: async () => notFound,
    },
    booking: {
      forms: async (a) =>
        ok({ locationId: a.locationId, forms: [], preferredId: null, fetchedAt: '2025-01-10T09:12:00.000Z', stale: false, error: null }),
      posterHtml: async () => notFound,
      printPoster: async () => notFound,
      savePosterPdf: async () => notFound,
    },
    location: {
      card: async () => notFound,
      update: async () => notFound,
      resolve: async () => ok(null),
    },
    phone: {
      validate: async () => ok({ valid: true }),
    },
    tips: {
      setEnabled: async () => ok([]),
      html: async () => notFound,
      print: async () => ok({ printed: true }),
      savePdf: async () => ok({ path: null }),
    },
  };
}

export function createFakeApi(overrides: FakeApiOverrides = {}): FakeApi {
  const base = defaults() as unknown as Record<string, Record<string, Fn>>;
  const extra = overrides as Record<string, Record<string, Fn> | undefined>;
  const fake: Record<string, unknown> = {};
  for (const [ns, methods] of Object.entries(base)) {
    const group: Record<string, Mock> = {};
    for (const [name, impl] of Object.entries(methods)) group[name] = vi.fn(extra[ns]?.[name] ?? impl);
    fake[ns] = group;
  }
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  fake['on'] = <E extends EventName>(event: E, handler: (payload: EventMap[E]) => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const h = handler as (payload: never) => void;
    set.add(h);
    return () => void set.delete(h);
  };
  fake['emit'] = <E extends EventName>(event: E, payload: EventMap[E]) => {
    for (const h of [...(listeners.get(event) ?? [])]) (h as (p: EventMap[E]) => void)(payload);
  };
  fake['listenerCount'] = (event: EventName) => listeners.get(event)?.size ?? 0;
  return fake as unknown as FakeApi;
}

/** Puts the fake where the renderer looks for it. */
export function installFakeApi(api: FakeApi): FakeApi {
  (window as unknown as { api: Api }).api = api as unknown as Api;
  return api;
}

/** A Result that resolves only when the test says so, to observe loading states. */
export function deferred<T>(): { promise: Promise<Result<T>>; resolve(r: Result<T>): void } {
  let resolve!: (r: Result<T>) => void;
  const promise = new Promise<Result<T>>((r) => (resolve = r));
  return { promise, resolve };
}
