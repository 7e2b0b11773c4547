import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { almatyReport, DAY, FakeZ, LOC, setupCashup, type CashupSetup } from './helpers';

const dirs: string[] = [];
const open: CashupSetup[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.t.close({ keep: true });
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a draft survives the app being killed', () => {
  it('is there, as typed, when the app starts again after a SIGKILL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'front-desk-crash-'));
    dirs.push(dir);
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'crash-child.ts'), dir], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('saved\n');
    expect(child.signal).toBe('SIGKILL');

    const z = new FakeZ(almatyReport());
    z.goOffline();
    const s = setupCashup({ dir, z });
    open.push(s);
    const v = s.cashup.service.existing({ locationId: LOC, date: DAY });
    expect(v).toMatchObject({ version: 1, status: 'draft', countedBy: 'Night Receptionist' });
    expect(v.input.note).toBe('typed just before the crash');
    expect(v.input.pieces['note:20000000']).toBe(175);
    expect(s.cashup.service.view(v).figures.drawer.variance).toBe(-500_000);
  });
});
