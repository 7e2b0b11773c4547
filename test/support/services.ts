import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/main/core/logger';
import { createHeadlessPrintPort } from '../../src/main/print/headless-port';
import { createServices, type Services, type ServicesOptions } from '../../src/main/container';
import { createRouter, type Dispatch } from '../../src/main/ipc/router';

export interface TestServices {
  services: Services;
  /** Calls a channel exactly as the renderer would, through the real router. */
  call: Dispatch extends (c: string, a: unknown, ctx: infer _C) => infer R ? (channel: string, args?: unknown) => R : never;
  userData: string;
  logFile: string;
}

/** The whole main side (real SQLite, real keychain, real client) against a demo server URL. */
export async function makeServices(opts: { altegioBaseUrl: string } & Partial<ServicesOptions>): Promise<TestServices> {
  const userData = opts.userData ?? mkdtempSync(join(tmpdir(), 'front-desk-test-'));
  const logFile = join(userData, 'logs', 'front-desk.log');
  const services = await createServices({
    mediaUrl: (rel) => `app-media://media/${rel}`,
    print: createHeadlessPrintPort({ folder: join(userData, 'prints') }),
    info: () => ({ name: 'Front Desk', version: 'test', platform: process.platform, runtime: 'node', versions: { node: process.versions.node, electron: null, chrome: null } }),
    keychainService: `front-desk-test-${process.pid}-${Math.random().toString(36).slice(2)}`,
    log: createLogger({ file: logFile, level: 'debug' }),
    ...opts,
    userData,
  });
  const dispatch = createRouter({ handlers: services.handlers, isTrustedSender: () => true, log: services.log });
  return {
    services,
    userData,
    logFile,
    call: ((channel: string, args?: unknown) => dispatch(channel, args, { senderUrl: 'test' })) as TestServices['call'],
  };
}
