import type { z } from 'zod';
import { AppError, type ErrorBody, type Result } from '../../shared/errors';
import { contract, type Channel, type Handlers } from '../../shared/contract';
import type { Logger } from '../core/logger';

export interface CallContext {
  /** URL of the frame that sent the call (Electron) or the page origin (browser bridge). */
  senderUrl: string | null;
}

export interface RouterOptions {
  handlers: Handlers;
  isTrustedSender: (ctx: CallContext) => boolean;
  log: Logger;
}

export type Dispatch = (channel: string, rawArgs: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/** An error never echoes more than this of what the caller sent (a 10 MB key must not come back twice). */
export const MAX_ECHO_CHARS = 120;
export const MAX_ECHO_FIELDS = 10;

function clip(text: string): string {
  return text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS)}…` : text;
}

function describeIssues(error: z.ZodError): ErrorBody {
  const first = error.issues[0];
  const field = first && first.path.length > 0 ? clip(first.path.join('.')) : null;
  const firstMessage = clip(first?.message ?? 'invalid arguments');
  const message = field ? `${field}: ${firstMessage}` : firstMessage;
  const fields = error.issues
    .slice(0, MAX_ECHO_FIELDS)
    .map((i) => ({ field: clip(i.path.join('.')), message: clip(i.message) }));
  return {
    code: 'INVALID_INPUT',
    message,
    details: { fields, ...(error.issues.length > MAX_ECHO_FIELDS ? { more: error.issues.length - MAX_ECHO_FIELDS } : {}) },
  };
}

/**
 * The one place a call from the renderer is checked and answered. Electron's ipc.ts and the
 * browser test bridge both use it, so both speak exactly the same envelope.
 */
export function createRouter({ handlers, isTrustedSender, log }: RouterOptions): Dispatch {
  return async (channel, rawArgs, ctx) => {
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `unknown channel` } };
    }
    const name = channel as Channel;
    if (!isTrustedSender(ctx)) {
      log.warn({ channel: name, sender: ctx.senderUrl }, 'ipc call from an untrusted sender refused');
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call the app.' } };
    }
    let parsed: ReturnType<(typeof contract)[typeof name]['args']['safeParse']>;
    try {
      parsed = contract[name].args.safeParse(rawArgs);
    } catch {
      // Arguments nested so deeply that checking them overflows the stack.
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'The arguments are nested too deeply.' } };
    }
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    try {
      const handler = handlers[name] as (args: unknown) => unknown;
      const data = await handler(parsed.data);
      return { ok: true, data: data === undefined ? null : data };
    } catch (e) {
      if (e instanceof AppError) {
        if (e.code === 'INTERNAL') log.error({ channel: name, err: e }, 'internal error');
        return { ok: false, error: e.toBody() };
      }
      // A bug: keep the details in the log, give the renderer nothing it could leak.
      log.error({ channel: name, err: e }, 'unexpected exception in handler');
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Front Desk.' } };
    }
  };
}
