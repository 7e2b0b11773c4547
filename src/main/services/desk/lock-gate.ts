import { AppError } from '../../../shared/errors';
import type { Channel, Handlers } from '../../../shared/contract';

/**
 * What the page may still call while the desk is locked: the lock screen itself, sign-in for a user who
 * must type the password, and app facts. Everything else, cached reports and the catalogue included,
 * is refused in main, so a locked desk shows no data even to a page that tried.
 */
const OPEN_WHILE_LOCKED = new Set<string>([
  'session.current',
  'session.signIn',
  'settings.get',
  'desk.state',
  'desk.unlock',
  'desk.lock',
]);

/**
 * What needs nobody signed in (an unlocked desk with no desk user yet: first start, everyone signed out):
 * the desk's own settings and sign-in. Every other channel reads or changes salon data and needs a
 * signed-in person; which salon is theirs is decided by their session, never by what is cached.
 */
const OPEN_SIGNED_OUT = new Set<string>([
  ...OPEN_WHILE_LOCKED,
  'session.signOut',
  'settings.setPartnerToken',
  'settings.environment',
  'settings.desk',
  'desk.setAutoLock',
  'sync.connectivityHint',
  'reports.printers',
]);

/** Calls that change the session on purpose (removing yourself) and answer with the desk's own state only. */
const CHANGES_SESSION = new Set<string>(['desk.removeUser', 'desk.setPin']);

/** `app.*` (version, update status, start-up notices) carries no salon data. */
export function isOpenWhileLocked(channel: string): boolean {
  return OPEN_WHILE_LOCKED.has(channel) || channel.startsWith('app.');
}

export function needsSession(channel: string): boolean {
  return !OPEN_SIGNED_OUT.has(channel) && !channel.startsWith('app.');
}

/** The location a call is about, if any: `locationId`, or `id` for the location card. */
export function locationOf(channel: string, args: unknown): number | null {
  if (typeof args !== 'object' || args === null) return null;
  const a = args as Record<string, unknown>;
  if (typeof a['locationId'] === 'number') return a['locationId'];
  if (channel === 'catalog.location' && typeof a['id'] === 'number') return a['id'];
  return null;
}

export interface GateDeps {
  isLocked(): boolean;
  /** Changes whenever the desk locks or the signed-in person changes (or leaves). */
  epoch(): string;
  signedIn(): boolean;
  /** Does the signed-in person's Altegio account have this location? */
  mayUse(locationId: number): boolean;
}

const lockedError = () =>
  new AppError('AUTH_REQUIRED', 'The desk is locked. Unlock it with your PIN.', { reason: 'locked' });

/**
 * Every call passes here after its arguments are checked:
 * - locked: only OPEN_WHILE_LOCKED answers;
 * - a data channel needs someone signed in, and a location they have in Altegio (location rights hold on
 *   every channel that takes a location, not only in the location list);
 * - an answer to a data call is dropped if the desk locked or the person changed while it ran, so data
 *   fetched for one person never reaches the screen of the next.
 */
export function gateWhileLocked(handlers: Handlers, deps: GateDeps): Handlers {
  const gated = {} as Record<Channel, (args: unknown) => unknown>;
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (args: unknown) => unknown][]) {
    if (isOpenWhileLocked(channel)) {
      gated[channel] = handler;
      continue;
    }
    const data = needsSession(channel);
    gated[channel] = async (args: unknown) => {
      if (deps.isLocked()) throw lockedError();
      if (!data) return handler(args);
      if (!deps.signedIn()) throw new AppError('AUTH_REQUIRED', 'Please sign in.', { reason: 'signed-out' });
      const locationId = locationOf(channel, args);
      if (locationId !== null && !deps.mayUse(locationId)) {
        throw new AppError('FORBIDDEN', 'Your Altegio account has no access to this location.', {
          reason: 'location',
          locationId,
        });
      }
      const epoch = deps.epoch();
      const result = await handler(args);
      if (deps.epoch() !== epoch && !CHANGES_SESSION.has(channel)) throw lockedError();
      return result;
    };
  }
  return gated as unknown as Handlers;
}
