import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../support/demo';
import { createLogger } from '../../../src/main/core/logger';
import type { Services } from '../../../src/main/container';
import { createBridgeServices } from '../../e2e/bridge/app-services';
import { memoryKeychain } from '../../e2e/bridge/memory-keychain';

/**
 * Issue 19 §6.21: which form of the services list an environment answers is learnt once per
 * install. A restart must not pay the 404 of the form it lacks again.
 */
const open: { services: Services; demo: DemoServer }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.services.close();
    await o.demo.close();
  }
});

const keychain = memoryKeychain();

async function start(userData: string, demo: DemoServer): Promise<Services> {
  const services = await createBridgeServices({
    userData,
    altegioBaseUrl: demo.url,
    keychainService: `front-desk-test-${process.pid}`,
    keychainBackend: keychain,
    log: createLogger({ level: 'silent' }),
  });
  open.push({ services, demo });
  await services.start();
  return services;
}

describe('the remembered services endpoint', () => {
  it('survives a restart: the 404 of /company/{id}/services is paid once', { timeout: 60_000 }, async () => {
    const demo = await startDemoServer({ now: () => new Date('2026-03-18T15:00:00Z') });
    demo.faults.set({ mode: 'notFound', match: /\/company\/\d+\/services/ });
    const userData = mkdtempSync(join(tmpdir(), 'fd-endpoints-'));
    const first = await start(userData, demo);
    await first.session.signIn({ environment: 'demo', login: 'paris@frontdesk.app', password: 'paris1234' });
    await first.handlers['sync.run'](undefined);
    const companyForm = () => demo.received.requests.filter((r) => /\/company\/\d+\/services/.test(r.path)).length;
    expect(companyForm()).toBe(1);
    await first.close();
    open.length = 0;
    demo.received.requests.length = 0;

    const second = await start(userData, demo);
    await second.handlers['sync.run'](undefined);
    expect(companyForm()).toBe(0);
    expect(demo.received.requests.filter((r) => /\/services\/\d+/.test(r.path)).length).toBeGreaterThan(0);
  });
});
