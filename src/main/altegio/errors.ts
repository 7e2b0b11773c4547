import { AppError } from '../../shared/errors';
import { errorBodySchema } from './schemas';

/** `endpoint` is always a template such as "GET /staff/{id}", never a URL with ids or tokens. */
export interface ErrorContext {
  endpoint: string;
}

function altegioMessage(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  const fromMeta = parsed.data.meta?.['message'];
  if (typeof fromMeta === 'string' && fromMeta.trim()) return fromMeta.trim();
  const errors = parsed.data.errors;
  if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
    const m = (errors as Record<string, unknown>)['message'];
    if (typeof m === 'string' && m.trim()) return m.trim();
  }
  if (typeof parsed.data.message === 'string' && parsed.data.message.trim()) return parsed.data.message.trim();
  return null;
}

/** `meta.errors` comes as an array of strings, an array of `{message}`, or a map of field → messages. */
export function flattenValidationErrors(body: unknown): string[] {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return [];
  const raw = parsed.data.meta?.['errors'] ?? parsed.data.errors;
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.trim()) out.push(v.trim());
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v && typeof v === 'object') {
      const message = (v as Record<string, unknown>)['message'];
      if (typeof message === 'string') visit(message);
      else Object.values(v).forEach(visit);
    }
  };
  visit(raw);
  return out;
}

/** Turns an Altegio HTTP error response into the AppError the services and the renderer understand. */
export function mapAltegioError(status: number, body: unknown, ctx: ErrorContext): AppError {
  const message = altegioMessage(body);
  const details = { endpoint: ctx.endpoint, status };
  if (status === 401) {
    return new AppError('AUTH_REQUIRED', message ?? 'Altegio asked to sign in again.', details);
  }
  if (status === 403) {
    return new AppError(
      'FORBIDDEN',
      message ?? 'Altegio refused access. Ask a manager to check this user’s rights for the location.',
      details,
    );
  }
  if (status === 404) {
    return new AppError(
      'NOT_FOUND',
      message ?? 'Altegio could not find what was asked for. It may have been removed.',
      details,
    );
  }
  if (status === 422 || status === 400) {
    return new AppError('INVALID_INPUT', message ?? 'Altegio did not accept the data that was sent.', {
      ...details,
      errors: flattenValidationErrors(body),
    });
  }
  if (status === 429) {
    return new AppError(
      'RATE_LIMITED',
      'Altegio is receiving too many requests right now. Please wait a minute and try again.',
      details,
    );
  }
  if (status >= 500) {
    return new AppError(
      'UPSTREAM',
      `Altegio is having trouble right now (error ${status}). Please try again in a few minutes.`,
      details,
    );
  }
  // e.g. 405/406: Altegio does not take the request in this form. A receptionist cannot act on a
  // status number; it stays in the details (and the log).
  return new AppError(
    'UPSTREAM',
    message ?? 'Altegio did not take this request. Please try again later; if it keeps happening, tell your manager.',
    details,
  );
}

/** A 2xx answer with `success: false`: Altegio's own message when it gives one. */
export function unsuccessfulAnswer(body: unknown, ctx: ErrorContext): AppError {
  return new AppError(
    'UPSTREAM',
    altegioMessage(body) ?? `Altegio could not complete ${ctx.endpoint}. Please try again later.`,
    {
      endpoint: ctx.endpoint,
    },
  );
}

export function unexpectedAnswer(ctx: ErrorContext, issues?: { path: string; message: string }[]): AppError {
  return new AppError('UPSTREAM', `Altegio sent an unexpected answer to ${ctx.endpoint}. Please try again later.`, {
    endpoint: ctx.endpoint,
    ...(issues ? { issues } : {}),
  });
}

export function offline(ctx: ErrorContext, timedOut: boolean): AppError {
  return new AppError(
    'OFFLINE',
    timedOut
      ? 'Altegio did not answer in time. Check the internet connection and try again.'
      : 'Cannot reach Altegio. Check the internet connection and try again.',
    { endpoint: ctx.endpoint, ...(timedOut ? { timeout: true } : {}) },
  );
}
