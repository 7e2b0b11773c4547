import { AppError } from '../../../shared/errors';
import type { AuditEntryView, DeskState, DeskUserView, LockReason } from '../../../shared/domain/desk';
import type { SessionInfo } from '../../../shared/domain/session';
import type { EventBus } from '../../core/events';
import type { Logger } from '../../core/logger';
import type { Secrets, StoredUser } from '../../secrets';
import type { AuditRepo } from '../../store/desk/audit-repo';
import type { DeskUsersRepo, DeskUserRow } from '../../store/desk/desk-users-repo';
import type { SettingsRepo } from '../../store/settings-repo';
import { forgetRights } from '../catalog/location-rights';
import { hashPin, isValidPin, needsRehash, verifyPin } from './pin-hash';
import { afterFailure, canAttempt, CLEAN_ATTEMPTS, MAX_PIN_FAILURES } from './pin-policy';

export const DEFAULT_AUTO_LOCK_MINUTES = 5;

/** What the desk needs from the session: switch the active user in memory without touching the network. */
export interface SessionPort {
  readonly environmentId: string;
  current(): SessionInfo | null;
  /** Make a held user the active one (their token comes from the keychain, not from Altegio). */
  activate(user: StoredUser): Promise<void>;
  /** Forget the active user in memory; their keychain entry stays for the next unlock. */
  suspend(): void;
}

export interface DeskDeps {
  users: DeskUsersRepo;
  audit: AuditRepo;
  secrets: Secrets;
  settings: SettingsRepo;
  session: SessionPort;
  events: EventBus;
  log: Logger;
  now: () => Date;
  /** Queued work of a user, for the removal message; the photo outbox answers. */
  queuedWorkOf?(userId: number): number;
  /** Drops that user's queued work when they are removed (it could never be sent with anyone else's token). */
  discardQueuedWorkOf?(userId: number): void;
  /**
   * A data file was rebuilt on this start (Stores.startedAfterRebuild): desk users, PINs and lockouts may
   * be older than they were, so the start must be locked while desk users exist (issue 21.3).
   */
  startedAfterRebuild?: boolean;
}

/**
 * Several receptionists on one PC. Each signs in once with Altegio; their token stays in the keychain
 * under their own entry, and a 4–6 digit PIN (kept only as an scrypt hash) switches between them with
 * no network call. Locking forgets the active user in memory, so nothing on screen or in main's session
 * can act for anybody until a PIN or a password is given again.
 */
export class DeskService {
  private locked = false;
  private returnTo: string | null = null;
  /** The PIN try running for each `env:userId`: the next one waits for it. */
  private readonly attempts = new Map<string, Promise<void>>();
  private lastPruneMs = -Infinity;
  private lockEpoch = 0;

  constructor(private readonly deps: DeskDeps) {}

  /**
   * Locked by a lock, or because nobody is signed in while desk users are held (a session that ended,
   * an environment switched back): then the held people's data waits behind their PINs too.
   */
  get isLocked(): boolean {
    return this.locked || (this.deps.session.current() === null && this.deps.users.list(this.env).length > 0);
  }

  /** Changes at every lock and every change of who is signed in; answers from before are dropped. */
  get epoch(): number {
    return this.lockEpoch;
  }

  /** The signed-in person changed (or left): calls still running belong to the one before. */
  sessionChanged(): void {
    this.lockEpoch++;
  }

  private get env(): string {
    return this.deps.session.environmentId;
  }

  private nowMs(): number {
    return this.deps.now().getTime();
  }

  autoLockMinutes(): number {
    return this.deps.settings.get('desk.autoLockMinutes', DEFAULT_AUTO_LOCK_MINUTES);
  }

  setAutoLockMinutes(minutes: number): Promise<DeskState> {
    this.deps.settings.set('desk.autoLockMinutes', minutes);
    return this.state();
  }

  async state(): Promise<DeskState> {
    const active = this.deps.session.current();
    const rows = this.deps.users.list(this.env);
    const users = await Promise.all(rows.map((r) => this.view(r, active)));
    const locked = this.isLocked;
    return {
      locked,
      users,
      autoLockMinutes: this.autoLockMinutes(),
      returnTo: locked ? null : this.returnTo,
    };
  }

  private async view(r: DeskUserRow, active: SessionInfo | null): Promise<DeskUserView> {
    let hasToken = false;
    try {
      hasToken = (await this.deps.secrets.getUser(this.env, r.userId)) !== null;
    } catch {
      hasToken = false; // no keychain: they need the password, and sign-in says why
    }
    return {
      userId: r.userId,
      name: r.name,
      avatar: r.avatar,
      hasPin: r.pinHash !== null,
      lockedOut: r.lockedOut,
      needsPassword: !hasToken || r.lockedOut || r.pinHash === null,
      login: r.login,
      active: !this.isLocked && active?.userId === r.userId,
    };
  }

  record(action: string, detail: string | null = null, who: { userId: number; name: string } | null = null): void {
    const user = who ?? this.deps.session.current();
    try {
      this.deps.audit.add({
        at: this.nowMs(),
        environment: this.env,
        userId: user ? user.userId : null,
        userName: user ? user.name : null,
        action,
        detail,
      });
    } catch (e) {
      // The audit list must never stop real work (a full disk is reported by the work itself).
      this.deps.log.warn({ err: String(e), action }, 'could not write the audit list');
    }
    this.pruneAudit();
  }

  /** Age-based retention, at most once an hour; a refused prune (clock set wrong) only waits for the next. */
  private pruneAudit(): void {
    const now = this.nowMs();
    if (now - this.lastPruneMs < 3_600_000) return;
    this.lastPruneMs = now;
    try {
      this.deps.audit.prune(now);
    } catch (e) {
      this.deps.log.warn({ err: String(e) }, 'old audit rows were not pruned');
    }
  }

  /** Verifies the audit chain; a break is logged and added to the list itself, so a manager sees it. */
  checkAudit(): ReturnType<AuditRepo['check']> {
    const result = this.deps.audit.check();
    if (!result.ok) {
      this.deps.log.error(result, 'the audit list was changed outside Front Desk');
      this.record('audit-broken', `row ${result.brokenAt} (${result.reason})`, null);
    }
    return result;
  }

  auditList(): AuditEntryView[] {
    return this.deps.audit.recent(this.env).map((e) => ({
      id: e.id,
      at: new Date(e.at).toISOString(),
      userName: e.userName,
      action: e.action,
      detail: e.detail,
      ...(e.count > 1 ? { count: e.count } : {}),
    }));
  }

  hasPin(userId: number): boolean {
    return this.deps.users.get(this.env, userId)?.pinHash != null;
  }

  /** A restart with a PIN-protected user opens at the lock screen, not in their session. */
  lockAtStart(): void {
    this.locked = true;
  }

  /** The user signed out of this desk (token already gone): drop them from the list. */
  forget(userId: number): void {
    const row = this.deps.users.get(this.env, userId);
    this.deps.users.remove(this.env, userId);
    forgetRights(this.deps.settings, { env: this.env, userId });
    if (row) this.record('sign-out', null, row);
  }

  /**
   * After a password sign-in: the user joins (or rejoins) the desk, and any PIN lockout is lifted. At a
   * locked desk this adds a person; the desk opens for them only (their session, their locations), and
   * the screen the last person locked on is not handed over.
   */
  onSignedIn(user: { userId: number; name: string; avatar: string | null }, login: string): void {
    this.deps.users.upsertSignedIn(this.env, { ...user, login }, this.nowMs());
    this.locked = false;
    this.returnTo = null;
    this.record('sign-in', null, user);
  }

  async setPin(pin: string): Promise<DeskState> {
    const active = this.requireActive();
    if (!isValidPin(pin)) throw new AppError('INVALID_INPUT', 'A PIN is 4 to 6 digits.');
    this.deps.users.setPinHash(this.env, active.userId, await hashPin(pin));
    this.record('pin-set');
    return this.state();
  }

  lock(reason: LockReason, returnTo: string | null = null): void {
    const active = this.deps.session.current();
    if (this.locked && !active) return;
    if (active) this.record('lock', reason, active);
    this.locked = true;
    this.lockEpoch++;
    if (returnTo !== null) this.returnTo = returnTo;
    this.deps.session.suspend();
    this.deps.events.emit('desk-locked', { reason });
  }

  /**
   * Unlock as `userId` with their PIN; the session is rebuilt from the keychain, with no call to Altegio.
   * Tries for one user run one after another, and each is counted before its PIN is checked, so no number
   * of parallel calls gets more than MAX_PIN_FAILURES guesses checked.
   */
  unlock(userId: number, pin: string): Promise<{ session: SessionInfo; returnTo: string | null }> {
    const key = `${this.env}:${userId}`;
    const previous = this.attempts.get(key) ?? Promise.resolve();
    const mine = previous.then(() => this.tryPin(userId, pin));
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.attempts.set(key, settled);
    void settled.then(() => {
      if (this.attempts.get(key) === settled) this.attempts.delete(key);
    });
    return mine;
  }

  private async tryPin(userId: number, pin: string): Promise<{ session: SessionInfo; returnTo: string | null }> {
    const now = this.nowMs();
    const begun = this.deps.users.beginAttempt(
      this.env,
      userId,
      (state) => canAttempt(state, now),
      (state) => afterFailure(state, now),
    );
    if (!begun) throw new AppError('NOT_FOUND', 'This person is no longer on this desk.');
    const { row, gate, counted } = begun;
    if (row.pinHash === null) {
      throw new AppError('FORBIDDEN', 'No PIN is set for this person yet. Sign in with the Altegio password.', {
        reason: 'no-pin',
      });
    }
    if (!gate.ok && gate.reason === 'locked-out') {
      throw new AppError('FORBIDDEN', 'Too many wrong PINs. Sign in with the Altegio password to unlock.', {
        reason: 'locked-out',
      });
    }
    if (!gate.ok) {
      const seconds = Math.ceil(gate.retryInMs / 1000);
      throw new AppError('FORBIDDEN', `Wait ${seconds} s before trying again.`, {
        reason: 'wait',
        retryInMs: gate.retryInMs,
      });
    }
    if (!counted) throw new AppError('INTERNAL', 'The PIN try was not counted.');
    if (!(await verifyPin(pin, row.pinHash))) {
      if (counted.lockedOut) {
        this.record('pin-lockout', null, row);
        throw new AppError('FORBIDDEN', 'Too many wrong PINs. Sign in with the Altegio password to unlock.', {
          reason: 'locked-out',
        });
      }
      this.record('pin-wrong', null, row);
      throw new AppError('FORBIDDEN', 'Wrong PIN.', {
        reason: 'wrong-pin',
        attemptsLeft: MAX_PIN_FAILURES - counted.failures,
      });
    }
    const stored = await this.deps.secrets.getUser(this.env, userId);
    if (!stored) {
      throw new AppError('AUTH_REQUIRED', 'Sign in again with the Altegio password: this session has ended.', {
        reason: 'no-token',
      });
    }
    this.deps.users.recordAttempt(this.env, userId, CLEAN_ATTEMPTS);
    if (needsRehash(row.pinHash)) this.deps.users.setPinHash(this.env, userId, await hashPin(pin));
    await this.deps.session.activate(stored);
    this.deps.users.touch(this.env, userId, this.nowMs());
    this.locked = false;
    this.record('unlock', null, row);
    const returnTo = this.returnTo;
    this.returnTo = null;
    return { session: this.deps.session.current()!, returnTo };
  }

  /** How much queued work removing this user would drop, for the confirmation. */
  queuedWork(userId: number): number {
    return this.deps.queuedWorkOf?.(userId) ?? 0;
  }

  /** Removes a desk user: keychain entry, PIN hash and their queued work (which only their token could send). */
  async removeUser(userId: number): Promise<DeskState> {
    // Only a signed-in person at an open desk removes anyone: never a desk left with nobody signed in.
    const active = this.requireActive();
    const row = this.deps.users.get(this.env, userId);
    if (!row) throw new AppError('NOT_FOUND', 'This person is no longer on this desk.');
    const dropped = this.queuedWork(userId);
    this.deps.discardQueuedWorkOf?.(userId);
    await this.deps.secrets.deleteUser(this.env, userId);
    this.deps.users.remove(this.env, userId);
    forgetRights(this.deps.settings, { env: this.env, userId });
    this.record('user-removed', `${row.name}${dropped ? `; ${dropped} queued item(s) discarded` : ''}`);
    if (active.userId === userId) {
      this.deps.session.suspend();
      this.locked = this.deps.users.list(this.env).length > 0;
    }
    return this.state();
  }

  private requireActive(): SessionInfo {
    const active = this.deps.session.current();
    if (!active || this.isLocked) throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    return active;
  }
}
