import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/main/core/logger';
import { createRouter } from '../../../src/main/ipc/router';
import type { PrintPort } from '../../../src/main/print/port';
import { createCashupDomain } from '../../../src/main/services/cashup';
import { CHANNELS, type Handlers } from '../../../src/shared/contract';
import type { CashupView } from '../../../src/shared/domain/cashup';
import { almatyCount, DAY, LOC, setupCashup, type CashupSetup } from './helpers';

/** The probes' way in: the real IPC router, its validation, and parallel calls (issue 21 items 4 and 7). */
const open: CashupSetup[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.t.close();
});
const key = { locationId: LOC, date: DAY };
const trusted = { senderUrl: 'app://ok' };

/** A print dialog that stays open until the test has made its other call. */
class DialogPort implements PrintPort {
  private opened: (() => void) | null = null;
  private close: (() => void) | null = null;
  /** Resolves once main has handed the page to the printer. */
  readonly shown = () => new Promise<void>((r) => (this.opened = r));
  async printers() {
    return [];
  }
  print(): Promise<boolean> {
    this.opened?.();
    return new Promise((r) => (this.close = () => r(true)));
  }
  async savePdf(): Promise<string | null> {
    return null;
  }
  confirm(): void {
    this.close?.();
  }
}
const port = new DialogPort();

function router(): { s: CashupSetup; dispatch: ReturnType<typeof createRouter> } {
  const s = setupCashup();
  open.push(s);
  const domain = createCashupDomain(s.t.ctx, { reports: s.z, print: port });
  const all = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async () => null)])) as unknown as Handlers;
  const handlers = { ...all, ...domain.handlers } as Handlers;
  return { s, dispatch: createRouter({ handlers, isTrustedSender: (c) => c.senderUrl === 'app://ok', log: silentLogger() }) };
}

describe('cash-up through the IPC router', () => {
  it('print ∥ save, three trials: printed means the stored version is locked exactly as printed', async () => {
    const { dispatch } = router();
    for (let trial = 0; trial < 3; trial++) {
      const day = { locationId: LOC, date: `2026-03-1${trial}` };
      const opened = await dispatch('cashup.open', day, trusted);
      if (!opened.ok) throw new Error(opened.error.message);
      const input = { ...almatyCount((opened.data as CashupView).current.input), note: 'printed note' };
      expect((await dispatch('cashup.save', { ...day, version: 1, input }, trusted)).ok).toBe(true);
      const shown = port.shown();
      const printing = dispatch('cashup.print', { ...day, paper: 'a4' }, trusted);
      await shown;
      // The save arrives while the dialog is open, as in the probe; then the receptionist clicks Print.
      const saving = dispatch('cashup.save', { ...day, version: 1, input: { ...input, note: 'later note' } }, trusted);
      const saved = await saving;
      port.confirm();
      const printed = await printing;
      expect(printed).toMatchObject({ ok: true, data: { printed: true } });
      expect(saved).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!saved.ok && saved.error.message).toMatch(/being printed/);
      const after = await dispatch('cashup.open', day, trusted);
      expect(after.ok && (after.data as CashupView).current).toMatchObject({ status: 'locked', input: { note: 'printed note' } });
    }
  });

  it('the maximal float, 200 maximal paid-in lines and 20,000 junk coin keys are refused in words, never INTERNAL', async () => {
    const { dispatch } = router();
    const opened = await dispatch('cashup.open', key, trusted);
    if (!opened.ok) throw new Error(opened.error.message);
    const base = (opened.data as CashupView).current.input;
    const junk: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) junk[`coin:${i}`] = 1;
    const bad = [
      { ...base, openingFloat: Number.MAX_SAFE_INTEGER },
      { ...base, openingFloat: Number.MAX_SAFE_INTEGER - 5 },
      { ...base, movements: Array.from({ length: 200 }, () => ({ kind: 'in', amount: Number.MAX_SAFE_INTEGER, reason: 'x' })) },
      { ...base, pieces: junk },
      { ...base, pieces: { 'coin:123': 1 } },
    ];
    for (const input of bad) {
      const res = await dispatch('cashup.save', { ...key, version: 1, input }, trusted);
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});
