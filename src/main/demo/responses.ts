/** Altegio's response bodies as the docs and fixtures show them (§1.1–1.2 of altegio-api.md). */

export interface DemoResponse {
  status: number;
  json?: unknown;
  raw?: { body: Buffer | string; type: string };
  headers?: Record<string, string>;
  /** Close the connection without answering (a test's lost-response fault, test/support/demo). */
  drop?: true;
}

/** Thrown by handlers and helpers; the server sends it as the response. */
export class DemoHttpError extends Error {
  constructor(readonly response: DemoResponse) {
    super(`demo ${response.status}`);
  }
}

export const ok = (data: unknown, meta: unknown = [], status = 200): DemoResponse => ({
  status,
  json: { success: true, data, meta },
});

export const fail = (status: number, message: string | null): DemoResponse => ({
  status,
  json: { success: false, data: null, meta: message === null ? [] : { message } },
});

/** GET/PUT/DELETE /company/{id} document a different error body. */
export const companyFail = (status: number, message: string): DemoResponse => ({
  status,
  json: { errors: { code: status, message: message.replace(/\.$/, '') }, meta: { message } },
});

export const invalid = (message: string, errors: Record<string, string[]>): DemoResponse => ({
  status: 422,
  json: { success: false, data: null, meta: { message, errors } },
});

export const AUTH_NEEDED = 'Authentication needed.';

export const fileResponse = (body: Buffer, type: string): DemoResponse => ({
  status: 200,
  raw: { body, type },
  headers: { 'Cache-Control': 'public, max-age=86400' },
});

/** dd.mm.yyyy, as Altegio writes licence dates. */
export const dotted = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
