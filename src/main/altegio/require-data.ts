import { z } from 'zod';

/**
 * Today's parts are cached and shown as "fresh": a 2xx with nothing in it (empty body, 204,
 * `data: null`, `[]`, `{}`) must fail as UPSTREAM so the last good copy stays, with its age
 * (issue 19 §2.7). The catalogue applies the same rule when a location suddenly lists nothing.
 */
export function requireData<S extends z.ZodType>(schema: S) {
  return z.preprocess((v, ctx) => {
    const empty =
      v === null ||
      v === undefined ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
    if (empty) {
      ctx.addIssue({ code: 'custom', message: 'the answer holds no data' });
      return z.NEVER;
    }
    return v;
  }, schema);
}
