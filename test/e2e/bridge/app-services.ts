import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../../src/main/core/logger';
import { createHeadlessPrintPort } from '../../../src/main/print/headless-port';
import type { KeychainBackend } from '../../../src/main/secrets';
import { packageVersion } from './web-options';
import { createServices, type Services, type ServicesOptions } from '../../../src/main/container';

/** The real main-process services, wired for a browser instead of an Electron window. */
export async function createBridgeServices(
  opts: Partial<ServicesOptions> & { userData?: string; keychainBackend?: KeychainBackend } = {},
): Promise<Services> {
  const userData = opts.userData ?? mkdtempSync(join(tmpdir(), 'front-desk-web-'));
  const services = await createServices({
    userData,
    altegioBaseUrl: opts.altegioBaseUrl ?? (process.env['ALTEGIO_BASE_URL'] || undefined),
    keychainService: opts.keychainService ?? process.env['FRONT_DESK_KEYCHAIN_SERVICE'] ?? 'Front Desk (web bridge)',
    ...(opts.keychainBackend ? { keychainBackend: opts.keychainBackend } : {}),
    log: opts.log ?? createLogger({ file: join(userData, 'logs', 'front-desk.log') }),
    mediaUrl: (rel) => `/media/${rel.split('/').map(encodeURIComponent).join('/')}`,
    print: opts.print ?? createHeadlessPrintPort({ folder: join(userData, 'prints') }),
    info: () => ({
      name: 'Front Desk',
      version: packageVersion(),
      platform: process.platform,
      runtime: 'node',
      versions: { node: process.versions.node, electron: null, chrome: null },
    }),
    ...(opts.probeIntervalMs ? { probeIntervalMs: opts.probeIntervalMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return services;
}
