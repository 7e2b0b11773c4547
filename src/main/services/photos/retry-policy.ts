import type { ErrorCode } from '../../../shared/errors';

/** Worth trying again later: the network, Altegio's own trouble, its rate limit, or a session to renew. */
export const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['OFFLINE', 'UPSTREAM', 'RATE_LIMITED', 'AUTH_REQUIRED']);

/** 5 s, 15 s, 45 s … capped at 10 min, ±20 % jitter so desks that come back online together spread out. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(5_000 * 3 ** Math.max(0, attempts - 1), 10 * 60_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * The request may have reached Altegio although no answer came back (connection dropped, gateway
 * error): the next attempt first asks Altegio whether it arrived.
 */
export const MAYBE_DELIVERED: ReadonlySet<ErrorCode> = new Set(['OFFLINE', 'UPSTREAM']);
