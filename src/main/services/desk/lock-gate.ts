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

/** `app.*` (version, update status, start-up notices) carries no salon data. */
export function isOpenWhileLocked(channel: string): boolean {
  return OPEN_WHILE_LOCKED.has(channel) || channel.startsWith('app.');
}

export function gateWhileLocked(handlers: Handlers, isLocked: () => boolean): Handlers {
  const gated = {} as Record<Channel, (args: unknown) => unknown>;
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (args: unknown) => unknown][]) {
    gated[channel] = isOpenWhileLocked(channel)
      ? handler
      : (args: unknown) => {
          if (isLocked())
            throw new AppError('AUTH_REQUIRED', 'The desk is locked. Unlock it with your PIN.', { reason: 'locked' });
          return handler(args);
        };
  }
  return gated as unknown as Handlers;
}
