import type { SettingsRepo } from '../../store/settings-repo';

/**
 * Which locations each desk user may see. The catalogue cache is the salon's data and is shared by
 * everyone on a shared desk; the list of locations follows each person's Altegio rights (what
 * GET /companies answered for them). A cached location is dropped only when nobody on the desk has it,
 * so switching to a colleague with fewer locations never deletes the others' offline catalogue.
 */
const KEY = 'catalog.locationRights';

export interface RightsOwner {
  env: string;
  userId: number;
}

type Rights = Record<string, number[]>;

const ownerKey = (o: RightsOwner) => `${o.env}:${o.userId}`;
const read = (settings: SettingsRepo): Rights => settings.get<Rights>(KEY, {});

export function recordRights(settings: SettingsRepo, owner: RightsOwner, locationIds: readonly number[]): void {
  settings.set(KEY, { ...read(settings), [ownerKey(owner)]: [...locationIds] });
}

/** The locations this person may see, or null when nobody has recorded them yet (show everything cached). */
export function rightsOf(settings: SettingsRepo, owner: RightsOwner | null): number[] | null {
  if (!owner) return null;
  return read(settings)[ownerKey(owner)] ?? null;
}

/** Locations other desk users still have: their cache must survive this person's sync. */
export function heldByOthers(settings: SettingsRepo, owner: RightsOwner | null): number[] {
  const all = read(settings);
  const mine = owner ? ownerKey(owner) : null;
  return [...new Set(Object.entries(all).flatMap(([k, ids]) => (k === mine ? [] : ids)))];
}

/** A person left the desk: their rights no longer keep any location cached. */
export function forgetRights(settings: SettingsRepo, owner: RightsOwner): void {
  const all = read(settings);
  delete all[ownerKey(owner)];
  settings.set(KEY, all);
}
