import type { Api } from '../../shared/contract';

/** The only door to main. Read at call time so tests can install a fake before mounting. */
export function api(): Api {
  return window.api;
}
