/**
 * Run as a separate process by crash.test.ts: opens the desk database in `argv[2]`, starts the
 * Almaty cash-up, saves a count as the screen would, then dies by SIGKILL: no close, no
 * checkpoint, no exit handlers, exactly like a power cut or a killed app.
 */
import { join } from 'node:path';
import { silentLogger } from '../../../src/main/core/logger';
import { CashupService } from '../../../src/main/services/cashup';
import type { AppContext } from '../../../src/main/services/context';
import { openDatabase } from '../../../src/main/store/db';
import { SettingsRepo } from '../../../src/main/store/settings-repo';
import { almatyCount, DAY, FakeZ, LOC } from './helpers';

const dir = process.argv[2]!;
const { db } = openDatabase({ file: join(dir, 'front-desk.sqlite'), log: silentLogger() });
const ctx = {
  db,
  log: silentLogger(),
  settings: new SettingsRepo(db),
  currentUserName: () => 'Night Receptionist',
  now: () => new Date('2026-03-23T16:00:00Z'),
} as unknown as AppContext;

const service = new CashupService(ctx, new FakeZ());
const view = await service.open({ locationId: LOC, date: DAY });
service.save(
  { locationId: LOC, date: DAY, version: view.current.version },
  {
    ...almatyCount(view.current.input),
    note: 'typed just before the crash',
  },
);
process.stdout.write('saved\n');
process.kill(process.pid, 'SIGKILL');
