import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { createRouter } from '../../../src/main/ipc/router';
import { CHANNELS, type Handlers } from '../../../src/shared/contract';

const handlers = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => null)])) as unknown as Handlers;
const dispatch = createRouter({ handlers, isTrustedSender: () => true, log: silentLogger() });

const message = async (channel: string, args: unknown) => {
  const res = await dispatch(channel, args, { senderUrl: 'app://ok' });
  return res.ok ? null : res.error.message;
};

describe('settings refusals are sentences a person would write', () => {
  it.each([
    [0, 'staleAfterMinutes: enter at least 1 minute'],
    [2000, 'staleAfterMinutes: enter at most 1440 minutes (one day)'],
    [2.5, 'staleAfterMinutes: enter whole minutes, without a fraction'],
    ['ten', 'staleAfterMinutes: enter a number of minutes'],
  ])('minutes %s', async (value, expected) => {
    const text = await message('settings.desk', { staleAfterMinutes: value });
    expect(text).toBe(expected);
    expect(text).not.toMatch(/Too small|Invalid input|expected/);
  });

  it('a custom environment without a valid address', async () => {
    expect(await message('settings.environment', { id: 'custom', customUrl: 'api.example' })).toBe(
      'customUrl: enter the full address of the server, starting with https://',
    );
    expect(await message('settings.environment', { id: 'custom', customUrl: null })).toBe(
      'customUrl: enter the address of the custom server',
    );
  });
});
