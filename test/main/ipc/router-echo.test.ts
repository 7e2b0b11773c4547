import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Handlers } from '../../../src/shared/contract';
import { createRouter } from '../../../src/main/ipc/router';
import { silentLogger } from '../../../src/main/core/logger';

const handlers = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => null)])) as unknown as Handlers;
const dispatch = createRouter({ handlers, isTrustedSender: () => true, log: silentLogger() });

describe('INVALID_INPUT echoes a bounded amount of what was sent', () => {
  it('one 10 MB unknown key gives an answer of a few hundred bytes', async () => {
    const key = 'k'.repeat(10 * 1024 * 1024);
    const res = await dispatch('catalog.search', { locationId: 1, query: 'x', [key]: 1 }, { senderUrl: 'x' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(res).length).toBeLessThan(2_000);
  });

  it('ten thousand unknown keys are summarised, not listed', async () => {
    const args: Record<string, unknown> = { locationId: 1, query: 'x' };
    for (let i = 0; i < 10_000; i++) args[`extra_${i}_${'x'.repeat(50)}`] = i;
    const res = await dispatch('catalog.search', args, { senderUrl: 'x' });
    expect(JSON.stringify(res).length).toBeLessThan(4_000);
  });
});

describe('arguments that make the schema check itself throw', () => {
  it('an object whose prototype is a typed array is INVALID_INPUT, not a rejected dispatch', async () => {
    const forged = Object.create(new Uint8Array(4)) as Record<string, unknown>;
    forged['locationId'] = 1;
    const res = await dispatch('staff.uploadPhoto', { locationId: 1, staffId: 1, bytes: forged, fileName: 'a.jpg' }, { senderUrl: 'x' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
