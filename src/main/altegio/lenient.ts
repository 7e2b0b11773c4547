import { z } from 'zod';

/**
 * Building blocks for Altegio's inconsistent bodies: PHP turns empty objects into `[]`,
 * numbers often arrive as strings, flags as 0/1/"0"/"1"/booleans.
 */

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

/** A number, also when sent as a numeric string. */
export const num = z.union([z.number(), z.string().regex(NUMERIC).transform(Number)]);

/** A number where the app can live without it: anything unusable becomes `fallback`. */
export const numOr = (fallback: number) =>
  z
    .unknown()
    .optional()
    .transform((v) => {
      const r = num.safeParse(v);
      return r.success && Number.isFinite(r.data) ? r.data : fallback;
    });

/** A number or null (missing, null, '' or junk). */
export const numOrNull = z
  .unknown()
  .optional()
  .transform((v) => {
    const r = num.safeParse(v);
    return r.success && Number.isFinite(r.data) ? r.data : null;
  });

/** An id the app depends on: a positive integer, also as a string. Objects, nulls, junk fail. */
export const id = num.pipe(z.number().int().positive());

/** An id that may be 0 (walk-in clients in the Z-report). */
export const idOrZero = num.pipe(z.number().int().nonnegative());

/** A required human label (title, name): a non-empty string. */
export const label = z.string().trim().min(1);

/** true/false given as boolean, 0/1 or "0"/"1"; anything else (missing) is `fallback`. */
export const flag = (fallback: boolean) =>
  z
    .unknown()
    .optional()
    .transform((v) => {
      if (typeof v === 'boolean') return v;
      if (v === 1 || v === '1' || v === 'true') return true;
      if (v === 0 || v === '0' || v === 'false') return false;
      return fallback;
    });

/** Optional text: '', null, missing or a non-string become null. */
export const text = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v : null));

/** An object that PHP may send as `[]` when empty; `[]`, `{}`-less or null become null. */
export function objectOrEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v === undefined || v === null || (Array.isArray(v) && v.length === 0) ? null : v),
    schema.nullable(),
  );
}

/** A list that may come as an array, as an object keyed by index/id (PHP), as `[]`, or be missing. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => {
    if (v === undefined || v === null) return [];
    if (typeof v === 'object' && !Array.isArray(v)) return Object.values(v);
    return v;
  }, z.array(item));
}

/** `meta` is `[]`, `{}` or an object with counts/messages. */
export const meta = z
  .union([z.array(z.unknown()), z.record(z.string(), z.unknown())])
  .nullish()
  .transform((m) => (m && !Array.isArray(m) ? m : {}));

/** Altegio's default "no photo" pictures (no-master.png, no-master-sm.png) count as no photo. */
export function isDefaultPicture(url: string): boolean {
  return /\/no-master(-sm)?\.png(\?|$)/i.test(url);
}

/** A picture URL, or null for none / Altegio's default picture. */
export const picture = text.transform((v) => (v === null || isDefaultPicture(v) ? null : v));
