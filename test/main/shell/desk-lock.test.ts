import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { lockOnSystemEvents, systemIdleSeconds } from '../../../src/main/shell/desk-lock';

describe('shared desk and the OS', () => {
  it('locks the desk when the screen locks or the PC sleeps', () => {
    const power = Object.assign(new EventEmitter(), { getSystemIdleTime: () => 42 });
    const lock = vi.fn();
    lockOnSystemEvents(power, lock);
    power.emit('lock-screen');
    power.emit('suspend');
    power.emit('resume');
    expect(lock.mock.calls).toEqual([['os-lock'], ['suspend']]);
    expect(systemIdleSeconds(power)()).toBe(42);
  });
});
