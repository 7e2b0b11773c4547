import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../shared/contract';
import type { AppInfo, EnvironmentConfig, EnvironmentId } from '../shared/domain/session';
import {
  ALTEGIO_BUDGET,
  createAltegioClient,
  ENVIRONMENTS,
  RateLimiter,
  type EndpointMemory,
  type Lane,
} from './altegio';
import type { AltegioApi, Credentials } from './altegio/types';
import { EventBus } from './core/events';
import { createLogger, type Logger } from './core/logger';
import { DEMO_PARTNER_TOKEN, startDemoServer, type DemoServer } from './demo';
import type { PrintPort } from './print/port';
import { Secrets, type KeychainBackend } from './secrets';
import { AuditRepo } from './store/desk/audit-repo';
import { DeskUsersRepo } from './store/desk/desk-users-repo';
import { AppError } from '../shared/errors';
import { startupFailure } from './store/db';
import { CACHE_FILE, openStores, type StoresRebuilt } from './store/stores';
import { SettingsRepo } from './store/settings-repo';
import { createAppDomain } from './services/app/handlers';
import { storageNotice } from './services/app/storage-notice';
import { createCashupDomain } from './services/cashup';
import { createCatalogDomain } from './services/catalog';
import { DeskService } from './services/desk/desk-service';
import { createDeskDomain } from './services/desk/handlers';
import { IdleLock } from './services/desk/idle-lock';
import { gateWhileLocked } from './services/desk/lock-gate';
import { auditCalls } from './services/desk/audit-calls';
import { recordRights, rightsOf } from './services/catalog/location-rights';
import { OutboxRepo } from './store/outbox/outbox-repo';
import { ConnectivityMonitor } from './services/connectivity';
import type { AppContext, AppPaths, Domain } from './services/context';
import { createPhotosDomain } from './services/photos';
import { createReportsDomain } from './services/reports';
import { createSessionDomain } from './services/session/handlers';
import { SessionService } from './services/session/session-service';
import { createTodayDomain } from './services/today';
import { createLoyaltyDomain } from './services/loyalty';
import { createLocationDomain } from './services/location';
import { createManageDomain } from './services/manage';
import { createBookingDomain } from './services/booking';

export interface ServicesOptions {
  userData: string;
  /** Overrides every environment's base URL (tests, the browser bridge): env ALTEGIO_BASE_URL. */
  altegioBaseUrl?: string | undefined;
  /** A partner token baked in at build time (env MAIN_VITE_ALTEGIO_PARTNER_TOKEN). */
  buildPartnerToken?: string | undefined;
  keychainService?: string;
  keychainBackend?: KeychainBackend;
  log?: Logger;
  nativeBinding?: string | undefined;
  mediaUrl: (relativePath: string) => string;
  print: PrintPort;
  info: () => AppInfo;
  openExternal?: (url: string) => Promise<void>;
  /** The Electron shell's updater ("Restart to update"); absent in the browser bridge. */
  restartToUpdate?: () => { restarting: boolean };
  updateStatus?: () => { version: string; canRestart: boolean } | null;
  now?: () => Date;
  /** How often to probe Altegio while offline. */
  probeIntervalMs?: number;
  /**
   * Seconds since the last keyboard or mouse input, for the desk's auto-lock: Electron's
   * powerMonitor.getSystemIdleTime() in the app, the page's last request in the browser bridge.
   * Without it there is no auto-lock.
   */
  idleSeconds?: () => number;
  /**
   * What Altegio requests are sent with: Electron's net.fetch in the app (the system proxy and the
   * OS certificate store, which Node's fetch ignores); Node's fetch when absent (bridge, tests).
   */
  fetch?: typeof globalThis.fetch;
}

export interface Services {
  handlers: Handlers;
  events: EventBus;
  log: Logger;
  ctx: AppContext;
  session: SessionService;
  desk: DeskService;
  /** What this start had to rebuild, per file and per table (the reliability probes list it; app.status says it). */
  rebuilt: StoresRebuilt | null;
  /** Resume the previous session and start background work. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The composition root: builds every service once. Used by the Electron shell and the browser bridge alike. */
export async function createServices(opts: ServicesOptions): Promise<Services> {
  const now = opts.now ?? (() => new Date());
  const paths: AppPaths = {
    userData: opts.userData,
    media: join(opts.userData, 'media'),
    logs: join(opts.userData, 'logs'),
  };
  try {
    for (const dir of [paths.userData, paths.media, paths.logs]) mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw startupFailure(e, join(paths.userData, CACHE_FILE));
  }
  const log = opts.log ?? createLogger({ file: join(paths.logs, 'front-desk.log') });
  const events = new EventBus();
  // Two files: the cache (refetchable) with the records (irreplaceable) attached; see store/stores.ts.
  // Throws StartupError (binding, lock, read-only, full disk): the shell shows its sentence and quits.
  const { db, rebuilt, startedAfterRebuild } = openStores({
    dir: paths.userData,
    log,
    nativeBinding: opts.nativeBinding,
    now,
  });
  const settings = new SettingsRepo(db);
  const secrets = new Secrets(opts.keychainService ?? 'Front Desk', opts.keychainBackend);
  const connectivity = new ConnectivityMonitor(events, now);
  // One limiter for every client: Altegio counts requests per IP, not per client object.
  const limiter = new RateLimiter(ALTEGIO_BUDGET);

  let demo: Promise<DemoServer> | null = null;
  const demoUrl = () => (demo ??= startDemoServer()).then((s) => s.url);

  async function baseUrlFor(env: EnvironmentConfig): Promise<string> {
    if (opts.altegioBaseUrl) return opts.altegioBaseUrl;
    switch (env.id) {
      case 'demo':
        return demoUrl();
      case 'custom':
        if (!env.customUrl) throw new AppError('NOT_CONFIGURED', 'Enter the Altegio address in Settings first.');
        return env.customUrl.replace(/\/+$/, '');
      default:
        return ENVIRONMENTS[env.id].baseUrl;
    }
  }

  async function partnerTokenSource(): Promise<'keychain' | 'build' | null> {
    if (await secrets.getPartnerToken()) return 'keychain';
    return opts.buildPartnerToken ? 'build' : null;
  }

  async function partnerToken(environment: EnvironmentId): Promise<string | null> {
    if (environment === 'demo') return DEMO_PARTNER_TOKEN;
    return (await secrets.getPartnerToken()) ?? opts.buildPartnerToken ?? null;
  }

  // eslint-disable-next-line prefer-const -- assigned after the session exists; clients call it lazily
  let session: SessionService;
  const clients = new Map<string, AltegioApi>();
  // Per environment (base URL): which path form of the list endpoints answered. Kept in settings, so
  // the 404 of the form an environment lacks is paid once per install, not once per start.
  const ENDPOINTS = 'altegio.endpointMemory';
  const endpointMemory = new Map<string, EndpointMemory>(
    Object.entries(settings.get<Record<string, EndpointMemory>>(ENDPOINTS, {})),
  );
  const rememberEndpoints = () => settings.set(ENDPOINTS, Object.fromEntries(endpointMemory));
  /**
   * Where a user token may go. The in-process demo server gets a new port every run, so it has a
   * fixed name instead (a kept demo session survives a restart); everything else is its real origin.
   */
  const originFor = async (env: EnvironmentConfig) =>
    env.id === 'demo' && !opts.altegioBaseUrl ? 'demo:local' : new URL(await baseUrlFor(env)).origin;

  async function clientFor(
    env: EnvironmentConfig,
    credentials: () => Credentials,
    owner?: number,
    lane: Lane = 'background',
  ): Promise<AltegioApi> {
    const baseUrl = await baseUrlFor(env);
    let memory = endpointMemory.get(baseUrl);
    if (!memory) endpointMemory.set(baseUrl, (memory = {}));
    return createAltegioClient({
      endpointMemory: memory,
      onEndpointLearned: rememberEndpoints,
      baseUrl,
      vendor: env.id === 'yclients' ? 'yclients' : 'altegio',
      credentials,
      limiter,
      lane,
      onUnauthorized: (message) => void session.expire(message, owner),
      onConnectivity: (online) => connectivity.report(online),
      fetch: opts.fetch,
    });
  }

  session = new SessionService({ secrets, settings, events, log, partnerToken, clientFor, originFor });

  /**
   * A client bound to the person signed in at the moment of the call, for the whole operation that asked
   * for it: their credentials are taken once here, not per request, so a sync or a flush that outlives a
   * lock or a switch goes on with its own person's token (or fails), never with the next person's.
   */
  async function altegio(opts: { lane?: Lane } = {}): Promise<AltegioApi> {
    const lane = opts.lane ?? 'background';
    const snap = session.snapshot(); // AUTH_REQUIRED when nobody is signed in; taken before any await
    const env = session.environmentConfig;
    const baseUrl = await baseUrlFor(env);
    // Bound to this client's origin: the user token is never sent to any other host.
    const origin = await originFor(env);
    if (snap.origin !== origin) {
      log.warn({ environment: env.id }, 'user token withheld from another origin');
      throw new AppError('AUTH_REQUIRED', 'This sign-in belongs to another Altegio address. Please sign in again.');
    }
    const key = `${env.id}|${baseUrl}|${snap.credentials.userToken}|${lane}`;
    let client = clients.get(key);
    if (!client) {
      client = await clientFor(env, () => snap.credentials, snap.userId, lane);
      clients.set(key, client);
    }
    return client;
  }

  const ctx: AppContext = {
    paths,
    db,
    log,
    events,
    settings,
    connectivity,
    altegio,
    currentUserName: () => session.userName,
    currentUser: () => {
      const u = session.current();
      return u ? { env: u.environment, userId: u.userId, name: u.name } : null;
    },
    mediaUrl: opts.mediaUrl,
    now,
  };

  const photos = createPhotosDomain(ctx, {
    staff: {
      getStaffMember: (l, s) => catalog.repo.getStaffMember(l, s),
      setStaffAvatar: (l, s, a) => catalog.repo.setStaffAvatar(l, s, a),
    },
    services: {
      get: (l, s) => catalog.repo.getServicePhotoHolder(l, s),
      set: (l, s, p) => catalog.repo.setServiceImage(l, s, p),
    },
    // A service's photo is a manager's change to the menu: on the audit list like manager mode's.
    audit: (action, detail, who) => desk.record(action, detail, who),
  });
  const catalog = createCatalogDomain(ctx, {
    pendingPhotos: (locationId, subject) => photos.pendingPhotos(locationId, subject),
  });
  const reports = createReportsDomain(ctx, { locations: catalog.repo, print: opts.print });
  /** The stored location, else the one GET /companies named at sign-in (its first sync still running). */
  const todayLocation = (id: number) => {
    const stored = catalog.repo.getLocation(id);
    if (stored) return stored;
    const listed = catalog.listed.get(id);
    return listed ? { ...listed, listedOnly: true } : null;
  };
  const today = createTodayDomain(ctx, {
    location: todayLocation,
    members: async (locationId) =>
      catalog.repo.getLocation(locationId) ? (await catalog.handlers['staff.list']({ locationId })).items : [],
    userId: () => session.current()?.userId ?? null,
    photoFile: (l, s) => catalog.repo.getStaffMember(l, s)?.avatarMedia ?? null,
    print: opts.print,
  });
  const loyalty = createLoyaltyDomain(ctx, {
    location: (id) => catalog.repo.getLocation(id),
    members: async (locationId) =>
      catalog.repo.getLocation(locationId) ? (await catalog.handlers['staff.list']({ locationId })).items : [],
    userId: () => session.current()?.userId ?? null,
    print: opts.print,
  });
  // Audited in the domain (not through auditCalls): a change is recorded as queued, sent or refused, as its owner.
  const manage = createManageDomain(ctx, {
    audit: (action, detail, who) => desk.record(action, detail, who),
    resync: (locationId) =>
      void catalog.sync
        .run({ locationIds: [locationId] })
        .catch((e) => log.warn({ err: e }, 'resync after a change failed')),
  });
  const location = createLocationDomain(ctx, {
    audit: (action, detail, who) => desk.record(action, detail, who),
    location: (id) => catalog.repo.getLocation(id),
    resync: (locationId) =>
      void catalog.sync
        .run({ locationIds: [locationId] })
        .catch((e) => log.warn({ err: e }, 'resync after a change failed')),
  });
  const booking = createBookingDomain(ctx, {
    location: (id) => {
      const l = todayLocation(id);
      return l ? { title: l.title, phones: 'phones' in l ? l.phones : [] } : null;
    },
    print: opts.print,
  });
  const cashup = createCashupDomain(ctx, { reports: reports.service, print: opts.print });
  const storageRebuilt = storageNotice(rebuilt);
  const app = createAppDomain({
    info: opts.info,
    openExternal: opts.openExternal ?? (async () => undefined),
    salonLink: (url) => location.isSalonLink(url),
    now,
    ...(opts.restartToUpdate ? { restartToUpdate: opts.restartToUpdate } : {}),
    ...(opts.updateStatus ? { updateStatus: opts.updateStatus } : {}),
    status: () => ({ storageRebuilt }),
  });
  const deskOutbox = new OutboxRepo(db);
  const desk = new DeskService({
    users: new DeskUsersRepo(db),
    audit: new AuditRepo(db),
    secrets,
    settings,
    session,
    events,
    log,
    now,
    startedAfterRebuild,
    queuedWorkOf: (userId) => deskOutbox.countOwnedBy(session.environmentId, userId),
    discardQueuedWorkOf: (userId) => {
      if (deskOutbox.discardOwnedBy(session.environmentId, userId) > 0) {
        events.emit('outbox-changed', {
          items: deskOutbox.list(ctx.currentUser()).filter((i) => mayUse(i.locationId)),
        });
      }
    },
  });
  const sessionDomain = createSessionDomain({
    session,
    secrets,
    settings,
    partnerTokenSource,
    onSignedIn: (user, login) => desk.onSignedIn(user, login),
    afterSignIn: () => learnRights(),
    onSignedOut: (userId) => desk.forget(userId),
  });
  const deskDomain = createDeskDomain(desk);

  /**
   * Which locations the person who just signed in has, from Altegio, before the sign-in answers: every
   * location-taking channel checks it, so nobody reads a location their account does not have, even
   * before their first sync. Offline it stays unknown (nothing shown) until their sync learns it.
   */
  async function learnRights(): Promise<void> {
    const who = ctx.currentUser();
    if (!who) return;
    try {
      const api = await altegio();
      const companies = await api.myCompanies();
      catalog.listed.record(companies);
      recordRights(
        settings,
        who,
        companies.map((c) => c.id),
      );
    } catch (e) {
      log.warn({ code: (e as AppError).code }, 'locations of the signed-in user not learnt at sign-in');
    }
  }

  const mayUse = (locationId: number): boolean => {
    const rights = rightsOf(settings, ctx.currentUser());
    return rights !== null && rights.includes(locationId);
  };
  const idleSeconds = opts.idleSeconds;
  const idleLock = idleSeconds
    ? new IdleLock({
        idleSeconds,
        minutes: () => desk.autoLockMinutes(),
        isLocked: () => desk.isLocked || session.current() === null,
        lock: (reason) => desk.lock(reason),
      })
    : null;

  const domains: Domain<never>[] = [
    app,
    sessionDomain,
    deskDomain,
    catalog,
    photos,
    reports,
    cashup,
    today,
    loyalty,
    manage,
    booking,
    location,
  ] as unknown as Domain<never>[];
  const actor = () => {
    const u = session.current();
    return u ? { userId: u.userId, name: u.name } : null;
  };
  const handlers = gateWhileLocked(
    auditCalls(
      Object.assign({}, ...domains.map((d) => d.handlers)) as Handlers,
      (action, detail, who) => desk.record(action, detail, who),
      actor,
    ),
    {
      isLocked: () => desk.isLocked,
      // The person is part of it: a session that ends mid-call (a 401) drops the answer before its event.
      epoch: () => `${desk.epoch}:${session.current()?.userId ?? '-'}`,
      signedIn: () => session.current() !== null,
      mayUse,
    },
  );

  session.onChange((active) => {
    // Today opens next: its first requests find slots free although the sync starts at once.
    if (active) limiter.expectUrgent();
    desk.sessionChanged();
    if (!active) clients.clear();
    for (const d of domains) d.onSession?.(active);
  });

  return {
    handlers,
    events,
    log,
    ctx,
    session,
    desk,
    rebuilt,
    async start() {
      // A running sync's own requests tell online from offline; a probe then would only cost a request.
      connectivity.startProbing(
        async () => (await altegio()).myCompanies(),
        opts.probeIntervalMs,
        () => catalog.sync.isRunning,
      );
      desk.checkAudit();
      // After a rebuild nobody is resumed: what was lost may have included their PIN or its lockout,
      // so the desk opens at the lock screen (desk users held) or at sign-in, never in a session.
      const { held } = await session.restore((userId) => !startedAfterRebuild && !desk.hasPin(userId));
      if (held !== null && !startedAfterRebuild) desk.lockAtStart();
      if (startedAfterRebuild) desk.record('storage-rebuilt', null, null);
      idleLock?.start();
    },
    async close() {
      idleLock?.stop();
      connectivity.stopProbing();
      for (const d of domains) await d.close?.();
      if (demo) await (await demo).close();
      db.close();
    },
  };
}
