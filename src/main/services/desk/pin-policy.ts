/**
 * What happens after wrong PINs. Five wrong PINs in a row lock the user out of PIN unlock until they sign in
 * with their Altegio password again (Timely locks after 6, Phorest and Square are similar). Between tries the
 * wait grows, so even the five tries cannot be fired by a script in a second.
 */
export const MAX_PIN_FAILURES = 5;

/** Seconds to wait after the n-th consecutive failure (1-based): 0, 1, 2, 4, then lockout. */
export function delayAfterFailure(failures: number): number {
  if (failures <= 1) return 0;
  return 2 ** (failures - 2);
}

export interface PinAttemptState {
  failures: number;
  /** Epoch ms of the last failure, or null. */
  lastFailureAt: number | null;
  lockedOut: boolean;
}

export type AttemptGate =
  { ok: true } | { ok: false; reason: 'locked-out' } | { ok: false; reason: 'wait'; retryInMs: number };

/** May this user try a PIN now? */
export function canAttempt(state: PinAttemptState, nowMs: number): AttemptGate {
  if (state.lockedOut) return { ok: false, reason: 'locked-out' };
  if (state.lastFailureAt === null) return { ok: true };
  const readyAt = state.lastFailureAt + delayAfterFailure(state.failures) * 1000;
  return nowMs >= readyAt ? { ok: true } : { ok: false, reason: 'wait', retryInMs: readyAt - nowMs };
}

export function afterFailure(state: PinAttemptState, nowMs: number): PinAttemptState {
  const failures = state.failures + 1;
  return { failures, lastFailureAt: nowMs, lockedOut: failures >= MAX_PIN_FAILURES };
}

export const CLEAN_ATTEMPTS: PinAttemptState = { failures: 0, lastFailureAt: null, lockedOut: false };
