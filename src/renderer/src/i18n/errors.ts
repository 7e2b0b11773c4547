import type { ErrorBody } from '../../../shared/errors';
import { t } from './index';

/**
 * The sentence to show for a failed call. Main's messages are written for people, so they are used
 * when present; OFFLINE and INTERNAL always get our own sentence (a network or a bug message is noise).
 */
export function errorText(error: ErrorBody): string {
  if (error.code === 'OFFLINE' || error.code === 'INTERNAL') return t(`error.${error.code}`);
  return error.message.trim() || t(`error.${error.code}`);
}

/** Per-field messages of an INVALID_INPUT error ("login: enter a phone…" or details.fields). */
export function fieldErrors(error: ErrorBody): Record<string, string> {
  if (error.code !== 'INVALID_INPUT') return {};
  const out: Record<string, string> = {};
  const fields = error.details?.['fields'];
  if (Array.isArray(fields)) {
    for (const f of fields as { field?: unknown; message?: unknown }[]) {
      if (typeof f.field === 'string' && typeof f.message === 'string' && !(f.field in out)) out[f.field] = f.message;
    }
  }
  const m = /^([\w.]+): (.+)$/.exec(error.message);
  if (m && !(m[1]! in out)) out[m[1]!] = m[2]!;
  return out;
}

/** "enter the password" → "Enter the password" for a label under a field. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
