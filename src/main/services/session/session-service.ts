import { AppError } from '../../../shared/errors';
import type { EnvironmentConfig, EnvironmentId, SessionInfo } from '../../../shared/domain/session';
import type { AltegioApi, Credentials } from '../../altegio/types';
import type { EventBus } from '../../core/events';
import type { Logger } from '../../core/logger';
import type { Secrets, StoredUser } from '../../secrets';
import type { SettingsRepo } from '../../store/settings-repo';
import { readEnvironment, writeEnvironment } from './environment';

export interface SessionDeps {
  secrets: Secrets;
  settings: SettingsRepo;
  events: EventBus;
  log: Logger;
  /** Partner token for an environment, or null when none is configured. */
  partnerToken(environment: EnvironmentId): Promise<string | null>;
  /** A client for the environment whose credentials come from `credentials` (a 401 ends `owner`'s session). */
  clientFor(environment: EnvironmentConfig, credentials: () => Credentials, owner?: number): Promise<AltegioApi>;
  /** The origin (scheme://host:port) requests for the environment go to. */
  originFor(environment: EnvironmentConfig): Promise<string>;
}

/** Loopback hosts where plain http is allowed (a mock server on the developer's machine). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A custom Altegio address: https, or http on loopback only; trailing slashes dropped. */
export function checkCustomUrl(raw: string | null | undefined): string {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    throw new AppError('INVALID_INPUT', 'Enter the full Altegio address, starting with https://.');
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AppError(
      'INVALID_INPUT',
      'The Altegio address must start with https:// (plain http only for this computer).',
    );
  }
  if (url.username || url.password) {
    throw new AppError('INVALID_INPUT', 'The Altegio address must not contain a user name or password.');
  }
  return url.href.replace(/\/+$/, '');
}

type Listener = (active: boolean) => void;

const activeUserKey = (environment: string) => `desk.activeUser.${environment}`;

/**
 * Who is signed in. The user token lives in the keychain and in this object's memory only;
 * what leaves it is SessionInfo, which has no token.
 */
export class SessionService {
  private user: StoredUser | null = null;
  private environment: EnvironmentConfig;
  private partner: string | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly deps: SessionDeps) {
    this.environment = readEnvironment(deps.settings, 'demo');
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(active: boolean): void {
    for (const l of this.listeners) l(active);
  }

  get environmentId(): EnvironmentId {
    return this.environment.id;
  }

  get environmentConfig(): EnvironmentConfig {
    return this.environment;
  }

  /**
   * Chooses where Altegio is. A change of environment or of its address while signed in ends the
   * session: the user token was issued by one server and must never be sent to another.
   */
  async setEnvironment(env: EnvironmentConfig): Promise<EnvironmentConfig> {
    const next = { id: env.id, customUrl: env.id === 'custom' ? checkCustomUrl(env.customUrl) : null };
    const changed = next.id !== this.environment.id || next.customUrl !== this.environment.customUrl;
    if (this.user && changed) {
      await this.end('The Altegio address changed, so you were signed out. Please sign in again.');
    }
    this.environment = next;
    writeEnvironment(this.deps.settings, next);
    return next;
  }

  current(): SessionInfo | null {
    if (!this.user) return null;
    return {
      userId: this.user.userId,
      name: this.user.name,
      avatar: this.user.avatar,
      environment: this.environment.id,
    };
  }

  get userName(): string | null {
    return this.user?.name ?? null;
  }

  /** Credentials for the signed-in user; AUTH_REQUIRED when nobody is. */
  credentials(): Credentials {
    if (!this.user || !this.partner) throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    return { partnerToken: this.partner, userToken: this.user.userToken };
  }

  /** Credentials for a request to `origin`: the user token only goes to the origin that issued it. */
  credentialsFor(origin: string): Credentials {
    const c = this.credentials();
    if (this.user?.origin !== origin) {
      this.deps.log.warn({ environment: this.environment.id }, 'user token withheld from another origin');
      throw new AppError('AUTH_REQUIRED', 'This sign-in belongs to another Altegio address. Please sign in again.');
    }
    return c;
  }

  /**
   * The signed-in user's credentials as they are now, for one whole operation (a sync, an outbox flush):
   * work started by one person goes on with their token or stops, never with the next person's.
   */
  snapshot(): { credentials: Credentials; userId: number; origin: string | undefined } {
    const credentials = this.credentials();
    return { credentials, userId: this.user!.userId, origin: this.user!.origin };
  }

  private async requirePartner(environment: EnvironmentId): Promise<string> {
    const token = await this.deps.partnerToken(environment);
    if (!token) {
      throw new AppError(
        'NOT_CONFIGURED',
        'No Altegio partner token is set for this desk. A manager can add it in Settings, or choose the Demo salon.',
      );
    }
    return token;
  }

  /**
   * Resumes the desk's active user from the keychain; never throws. `resumeIf` lets the shared desk keep a
   * user with a PIN behind the lock screen after a restart instead of opening their session to whoever sits
   * down; the user is then returned as `held`.
   */
  async restore(
    resumeIf: (userId: number) => boolean = () => true,
  ): Promise<{ session: SessionInfo | null; held: number | null }> {
    try {
      const env = this.environment.id;
      const activeId = this.deps.settings.get<number | null>(activeUserKey(env), null);
      let stored = activeId !== null ? await this.deps.secrets.getUser(env, activeId) : null;
      stored ??= await this.deps.secrets.migrateLegacyUser(env);
      const origin = stored ? await this.deps.originFor(this.environment) : null;
      if (stored && stored.origin !== origin) {
        // Kept from an older version (no origin) or for another address: sign in again.
        this.deps.log.info({ environment: env }, 'kept session was for another address; not resumed');
        await this.deps.secrets.deleteUser(env, stored.userId);
        return { session: null, held: null };
      }
      if (stored && !resumeIf(stored.userId)) return { session: null, held: stored.userId };
      const partner = stored ? await this.deps.partnerToken(env) : null;
      if (stored && partner) {
        this.user = stored;
        this.partner = partner;
        this.deps.settings.set(activeUserKey(env), stored.userId);
        this.notify(true);
      }
    } catch (e) {
      this.deps.log.warn({ code: (e as AppError).code }, 'could not restore the session');
    }
    return { session: this.current(), held: null };
  }

  /** Makes a desk user held in the keychain the active one, with no call to Altegio (PIN unlock, switch). */
  async activate(user: StoredUser): Promise<void> {
    if (user.origin !== (await this.deps.originFor(this.environment))) {
      // Held from another Altegio address (or an older version): that token may not go here.
      await this.deps.secrets.deleteUser(this.environment.id, user.userId);
      throw new AppError('AUTH_REQUIRED', 'This sign-in belongs to another Altegio address. Please sign in again.', {
        reason: 'no-token',
      });
    }
    const partner = await this.requirePartner(this.environment.id);
    this.user = user;
    this.partner = partner;
    this.deps.settings.set(activeUserKey(this.environment.id), user.userId);
    this.deps.log.info({ userId: user.userId, environment: this.environment.id }, 'desk user unlocked');
    this.notify(true);
  }

  /** Forgets the active user in memory (desk locked); the keychain keeps their entry for the next unlock. */
  suspend(): void {
    if (!this.user) return;
    this.user = null;
    this.partner = null;
    this.notify(false);
  }

  async signIn(args: { environment: EnvironmentId; login: string; password: string }): Promise<SessionInfo> {
    // Another receptionist signing in with a password does not sign the current one out of the desk.
    this.suspend();
    const environment = await this.setEnvironment({
      id: args.environment,
      customUrl: args.environment === 'custom' ? this.environment.customUrl : null,
    });
    const partner = await this.requirePartner(environment.id);
    const origin = await this.deps.originFor(environment);
    const client = await this.deps.clientFor(environment, () => ({ partnerToken: partner, userToken: null }));
    const authed = await client.auth(args.login, args.password);
    const user: StoredUser = {
      userId: authed.id,
      name: authed.name,
      avatar: authed.avatar,
      userToken: authed.userToken,
      login: args.login.trim(),
      origin,
    };
    await this.deps.secrets.setUser(environment.id, user);
    this.deps.settings.set(activeUserKey(environment.id), user.userId);
    this.user = user;
    this.partner = partner;
    this.deps.log.info({ userId: user.userId, environment: environment.id }, 'signed in');
    this.notify(true);
    return this.current()!;
  }

  /** Signs the active user out of this desk: their token leaves the keychain. Returns who it was. */
  async signOut(): Promise<number | null> {
    const had = this.user;
    this.user = null;
    this.partner = null;
    this.deps.settings.set(activeUserKey(this.environment.id), undefined);
    if (had) await this.deps.secrets.deleteUser(this.environment.id, had.userId);
    if (had) {
      this.deps.log.info({ environment: this.environment.id }, 'signed out');
      this.notify(false);
    }
    return had?.userId ?? null;
  }

  /**
   * Any 401 from Altegio while signed in ends the session: token gone from the keychain, UI told. A 401 on
   * an operation of someone who is no longer the active user drops only their token; the person now at
   * the desk stays signed in.
   */
  async expire(message: string, userId?: number): Promise<void> {
    if (userId !== undefined && this.user?.userId !== userId) {
      this.deps.log.warn({ environment: this.environment.id }, "a held user's token was refused (401 from Altegio)");
      await this.deps.secrets.deleteUser(this.environment.id, userId);
      return;
    }
    if (!this.user) return;
    this.deps.log.warn({ environment: this.environment.id }, 'session expired (401 from Altegio)');
    await this.end(message);
  }

  /** Ends the session for a reason the person is told (session-expired event). */
  private async end(message: string): Promise<void> {
    if (!this.user) return;
    // Only this user's token is dropped: other receptionists held on the desk keep theirs.
    const userId = this.user.userId;
    const login = typeof this.user.login === 'string' ? this.user.login : null;
    this.user = null;
    this.partner = null;
    try {
      await this.deps.secrets.deleteUser(this.environment.id, userId);
    } finally {
      this.deps.events.emit('session-expired', {
        message: message || 'Your Altegio session has ended. Please sign in again.',
        login,
      });
      this.notify(false);
    }
  }
}
