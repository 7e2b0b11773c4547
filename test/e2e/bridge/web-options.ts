/** What `npm run web` reads from its command line and environment, and what it says at start. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** npm sets npm_package_version only for `npm run`; started with plain node or tsx, read package.json. */
export function packageVersion(env: NodeJS.ProcessEnv = process.env): string {
  const fromNpm = env['npm_package_version'];
  if (fromNpm) return fromNpm;
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

export interface WebOptions {
  /** 0 = any free port. */
  port: number;
  /** A folder kept between runs (database, photos, logs), or null for a fresh temporary one each run. */
  dataDir: string | null;
  /** Sign-in tokens in this process's memory instead of the system keychain. */
  memoryKeychain: boolean;
}

export class WebOptionsError extends Error {}

export const WEB_USAGE = `Usage: npm run web [-- --data DIR]

  --data DIR                   keep the data folder (database, PINs, cash-ups, language, photos) in DIR
                               between runs; without it every run starts from a fresh temporary folder
  PORT=8080                    serve on that port of 127.0.0.1 (default: any free port)
  FRONT_DESK_MEMORY_KEYCHAIN=1 keep sign-in tokens in memory on a machine without a system keychain`;

export function parseWebOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): WebOptions {
  const rawPort = env['PORT']?.trim() || '0';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65_535) {
    throw new WebOptionsError(`PORT must be a whole number from 0 to 65535, not "${rawPort}".`);
  }
  let dataDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data' || arg.startsWith('--data=')) {
      const value = arg === '--data' ? argv[++i] : arg.slice('--data='.length);
      if (!value || value.startsWith('--')) throw new WebOptionsError('--data needs a folder, e.g. --data ./demo-data');
      dataDir = resolve(value);
    } else {
      throw new WebOptionsError(`Unknown option "${arg}".`);
    }
  }
  return { port, dataDir, memoryKeychain: env['FRONT_DESK_MEMORY_KEYCHAIN'] === '1' };
}

/** The lines printed once the bridge listens. */
export function startBanner(url: string, o: WebOptions, dataFolder: string): string {
  const lines = [
    '',
    `Front Desk (browser bridge) is running: ${url}`,
    'Demo login: demo@frontdesk.app / demo1234',
    o.dataDir
      ? `Data folder (kept between runs): ${dataFolder}`
      : `Data folder (temporary, a new one each run; keep one with --data DIR): ${dataFolder}`,
  ];
  if (o.memoryKeychain) {
    lines.push(
      'Sign-in tokens are kept in memory only (FRONT_DESK_MEMORY_KEYCHAIN=1): stopping the bridge signs everyone',
      'out. PINs, cash-ups and settings stay in the data folder, but a PIN unlocks only after that person has',
      'signed in again with their password in this run.',
    );
  }
  lines.push('Press Ctrl+C to stop.', '');
  return lines.join('\n');
}
