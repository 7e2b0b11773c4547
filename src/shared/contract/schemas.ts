import { z } from 'zod';
import { MAX_PHOTO_BYTES } from '../domain/photo-format';
import { ENVIRONMENT_IDS } from '../domain/session';
import { LANGUAGES } from '../i18n';

/** Argument schemas reused by several channels. */
export const none = z.undefined().or(z.object({}).strict()).optional();
export const id = z.number().int().positive();
export const locationRef = z.object({ locationId: id }).strict();
/** A calendar date that exists (2026-02-30 does not), as YYYY-MM-DD, between 2000 and 2100. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return y >= 2000 && y <= 2100 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'this date does not exist');
export const paper = z.enum(['a4', 'receipt80', 'receipt58']);
export const environmentId = z.enum(ENVIRONMENT_IDS);
export const language = z.enum(LANGUAGES);
/** Photos larger than this never leave the renderer; main checks again. */
export { MAX_PHOTO_BYTES };
export const bytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength > 0, 'the file is empty')
  .refine((b) => b.byteLength <= MAX_PHOTO_BYTES, `the file is over ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
