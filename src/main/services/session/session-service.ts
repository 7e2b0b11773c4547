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
  /** A client for the environment whose credentials come from `credentials`. */
  clientFor(environment: EnvironmentConfig, credentials: () => Credentials): Promise<AltegioApi>;
}

type Listener = (active: boolean) => void;

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

  get environmentConfig(): EnvironmentConfig {
    return this.environment;
  }

  setEnvironment(env: EnvironmentConfig): EnvironmentConfig {
    const next = { id: env.id, customUrl: env.id === 'custom' ? (env.customUrl ?? null) : null };
    if (this.user && next.id !== this.environment.id) {
      throw new AppError('INVALID_INPUT', 'Sign out before switching to another Altegio environment.');
    }
    this.environment = next;
    writeEnvironment(this.deps.settings, next);
    return next;
  }

  current(): SessionInfo | null {
    if (!this.user) return null;
    return { userId: this.user.userId, name: this.user.name, avatar: this.user.avatar, environment: this.environment.id };
  }

  get userName(): string | null {
    return this.user?.name ?? null;
  }

  /** Credentials for the signed-in user; AUTH_REQUIRED when nobody is. */
  credentials(): Credentials {
    if (!this.user || !this.partner) throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    return { partnerToken: this.partner, userToken: this.user.userToken };
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

  /** Resumes the session kept in the keychain from the last run; never throws. */
  async restore(): Promise<SessionInfo | null> {
    try {
      const stored = await this.deps.secrets.getUser(this.environment.id);
      const partner = stored ? await this.deps.partnerToken(this.environment.id) : null;
      if (stored && partner) {
        this.user = stored;
        this.partner = partner;
        this.notify(true);
      }
    } catch (e) {
      this.deps.log.warn({ code: (e as AppError).code }, 'could not restore the session');
    }
    return this.current();
  }

  async signIn(args: { environment: EnvironmentId; login: string; password: string }): Promise<SessionInfo> {
    if (this.user) await this.signOut();
    const environment = this.setEnvironment({
      id: args.environment,
      customUrl: args.environment === 'custom' ? this.environment.customUrl : null,
    });
    const partner = await this.requirePartner(environment.id);
    const client = await this.deps.clientFor(environment, () => ({ partnerToken: partner, userToken: null }));
    const authed = await client.auth(args.login, args.password);
    const user: StoredUser = {
      userId: authed.id,
      name: authed.name,
      avatar: authed.avatar,
      userToken: authed.userToken,
      login: args.login.trim(),
    };
    await this.deps.secrets.setUser(environment.id, user);
    this.user = user;
    this.partner = partner;
    this.deps.log.info({ userId: user.userId, environment: environment.id }, 'signed in');
    this.notify(true);
    return this.current()!;
  }

  async signOut(): Promise<void> {
    const had = this.user !== null;
    this.user = null;
    this.partner = null;
    await this.deps.secrets.deleteUser(this.environment.id);
    if (had) {
      this.deps.log.info({ environment: this.environment.id }, 'signed out');
      this.notify(false);
    }
  }

  /** Any 401 from Altegio while signed in ends the session: token gone from the keychain, UI told. */
  async expire(message: string): Promise<void> {
    if (!this.user) return;
    const login = typeof this.user.login === 'string' ? this.user.login : null;
    this.user = null;
    this.partner = null;
    this.deps.log.warn({ environment: this.environment.id }, 'session expired (401 from Altegio)');
    try {
      await this.deps.secrets.deleteUser(this.environment.id);
    } finally {
      this.deps.events.emit('session-expired', {
        message: message || 'Your Altegio session has ended. Please sign in again.',
        login,
      });
      this.notify(false);
    }
  }
}
