/**
 * Locking must leave nothing of the last person's work in the page: not the catalogue, not a report
 * with client names, not a half-typed search. Hiding views would keep all of it in the stores' memory,
 * so the page is reloaded on the lock screen: every store, cache and component starts from nothing,
 * and main (which gates every data channel while locked) is the only one that remembers where to return.
 */
export function wipeToLockScreen(location: Pick<Location, 'hash' | 'reload'> = window.location): void {
  location.hash = '#/lock';
  location.reload();
}
