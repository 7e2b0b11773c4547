/**
 * services.doc = (location_id << 20) + position: one location's services form one contiguous rowid
 * range in catalogue order, which the services b-tree seeks to directly (the first page, the index build).
 */
export const DOC_SHIFT = 2 ** 20;

/** More services than this in one location would spill into the next location's range. */
export const MAX_SERVICES_PER_LOCATION = DOC_SHIFT;

export function docRange(locationId: number): [lo: number, hi: number] {
  const lo = locationId * DOC_SHIFT;
  return [lo, lo + DOC_SHIFT - 1];
}
