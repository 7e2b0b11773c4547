import type { ErrorBody } from '../../../shared/errors';
import { language, t } from './index';

/**
 * The sentence to show for a failed call. Main's messages are written for people, in English, so
 * they are used when the desk reads English; any other language gets our translated sentence for
 * the code (English next to Russian is what issue 11 forbids). OFFLINE and INTERNAL always get our
 * own sentence (a network or a bug message is noise).
 */
export function errorText(error: ErrorBody): string {
  // A certificate or proxy failure is not "no internet": name the likely cause (antivirus, proxy).
  if (error.code === 'OFFLINE' && error.details?.['reason'] === 'intercepted') return t('error.intercepted');
  if (error.code === 'OFFLINE' || error.code === 'INTERNAL' || language.value !== 'en') return t(`error.${error.code}`);
  return error.message.trim() || t(`error.${error.code}`);
}

/** Per-field messages of an INVALID_INPUT error ("login: enter a phone…" or details.fields). */
export function fieldErrors(error: ErrorBody): Record<string, string> {
  if (error.code !== 'INVALID_INPUT') return {};
  // Main's field messages are English; another language marks the field with the translated sentence.
  const english = language.value === 'en';
  const out: Record<string, string> = {};
  const fields = error.details?.['fields'];
  if (Array.isArray(fields)) {
    for (const f of fields as { field?: unknown; message?: unknown }[]) {
      if (typeof f.field === 'string' && typeof f.message === 'string' && !(f.field in out)) out[f.field] = f.message;
    }
  }
  const m = /^([\w.]+): (.+)$/.exec(error.message);
  if (m && !(m[1]! in out)) out[m[1]!] = m[2]!;
  if (!english) for (const field of Object.keys(out)) out[field] = t('error.INVALID_INPUT');
  return out;
}

/** "enter the password" → "Enter the password" for a label under a field. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
