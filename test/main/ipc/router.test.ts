import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract, type Handlers } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/errors';
import { createRouter } from '../../../src/main/ipc/router';
import { silentLogger } from '../../../src/main/core/logger';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => null)])) as unknown as Handlers;
  return { ...all, ...overrides };
}

const trusted = { senderUrl: 'app://ok' };

describe('ipc router', () => {
  const log = silentLogger();
  const isTrustedSender = (c: { senderUrl: string | null }) => c.senderUrl === 'app://ok';

  it('answers a valid call with { ok: true, data }', async () => {
    const dispatch = createRouter({ handlers: handlersWith({ 'app.ping': async (a) => ({ pong: true, echo: a?.echo ?? null, at: 'now' }) }), isTrustedSender, log });
    await expect(dispatch('app.ping', { echo: 'hi' }, trusted)).resolves.toEqual({ ok: true, data: { pong: true, echo: 'hi', at: 'now' } });
  });

  it('returns INVALID_INPUT naming the field for wrong arguments, without calling the service', async () => {
    const search = vi.fn();
    const dispatch = createRouter({ handlers: handlersWith({ 'catalog.search': search }), isTrustedSender, log });
    const res = await dispatch('catalog.search', { locationId: -3, query: 'x' }, trusted);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!res.ok && res.error.message).toMatch(/^locationId: /);
    expect(search).not.toHaveBeenCalled();
  });

  it('rejects unknown extra fields (strict schemas)', async () => {
    const dispatch = createRouter({ handlers: handlersWith({}), isTrustedSender, log });
    const res = await dispatch('session.signIn', { environment: 'demo', login: 'abc', password: 'x', token: 'sneaky' }, trusted);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('applies schema defaults before the service sees the arguments', async () => {
    const search = vi.fn(async () => ({ items: [], total: 0, syncedAt: null }));
    const dispatch = createRouter({ handlers: handlersWith({ 'catalog.search': search }), isTrustedSender, log });
    await dispatch('catalog.search', { locationId: 1, query: 'a' }, trusted);
    expect(search).toHaveBeenCalledWith({ locationId: 1, query: 'a', limit: 50, offset: 0 });
  });

  it('turns an unexpected exception into INTERNAL without leaking its message, and logs it', async () => {
    const logged = silentLogger();
    const error = vi.spyOn(logged, 'error');
    const dispatch = createRouter({
      handlers: handlersWith({ 'app.info': async () => { throw new Error('secret-token-abc at /home/x'); } }),
      isTrustedSender,
      log: logged,
    });
    const res = await dispatch('app.info', undefined, trusted);
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Front Desk.' } });
    expect(JSON.stringify(res)).not.toContain('secret-token-abc');
    expect(error).toHaveBeenCalled();
  });

  it('passes an AppError through as its code and sentence', async () => {
    const dispatch = createRouter({
      handlers: handlersWith({ 'catalog.locations': async () => { throw new AppError('OFFLINE', 'No connection.'); } }),
      isTrustedSender,
      log,
    });
    await expect(dispatch('catalog.locations', undefined, trusted)).resolves.toEqual({ ok: false, error: { code: 'OFFLINE', message: 'No connection.' } });
  });

  it('gives FORBIDDEN to a foreign sender and does not call the service', async () => {
    const ping = vi.fn();
    const dispatch = createRouter({ handlers: handlersWith({ 'app.ping': ping }), isTrustedSender, log });
    await expect(dispatch('app.ping', {}, { senderUrl: 'https://evil.example/' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(dispatch('app.ping', {}, { senderUrl: null })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ping).not.toHaveBeenCalled();
  });

  it('refuses a channel that is not in the contract', async () => {
    const dispatch = createRouter({ handlers: handlersWith({}), isTrustedSender, log });
    await expect(dispatch('fs.readFile', {}, trusted)).resolves.toMatchObject({ ok: false });
    await expect(dispatch('__proto__', {}, trusted)).resolves.toMatchObject({ ok: false });
  });

  it('every channel has a schema and a namespaced name', () => {
    for (const c of CHANNELS) {
      expect(c).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(typeof contract[c].args.safeParse).toBe('function');
    }
  });
});
