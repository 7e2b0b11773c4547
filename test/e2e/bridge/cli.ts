/**
 * `npm run web`: the app in any browser, backed by the real services in Node.
 * Uses the Demo salon unless ALTEGIO_BASE_URL points elsewhere; `FRONT_DESK_UPSTREAM=prism` serves
 * Altegio's official description instead (Prism mocking its examples; any login signs in). Options: see WEB_USAGE.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBridgeServices } from './app-services';
import { memoryKeychain } from './memory-keychain';
import { startPrismUpstream } from './prism-upstream';
import { startBridge } from './server';
import { parseWebOptions, startBanner, WEB_USAGE, WebOptionsError, type WebOptions } from './web-options';

function options(): WebOptions {
  try {
    return parseWebOptions(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof WebOptionsError)) throw e;
    console.error(`${e.message}\n\n${WEB_USAGE}`);
    process.exit(2);
  }
}

/** Says up front what the sign-in screen would otherwise only say after a password is typed. */
async function warnIfNoKeychain(): Promise<void> {
  try {
    const keytar = (await import('keytar')) as unknown as { default: { findCredentials(s: string): Promise<unknown> } };
    await keytar.default.findCredentials('Front Desk (web bridge)');
  } catch {
    console.warn(
      'No system keychain answered, so signing in will fail. Start a keyring (e.g. gnome-keyring), or run\n' +
        'FRONT_DESK_MEMORY_KEYCHAIN=1 npm run web to keep sign-in tokens in memory for this run only.',
    );
  }
}

const opts = options();
const userData = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'front-desk-web-'));
mkdirSync(userData, { recursive: true });
if (!opts.memoryKeychain) await warnIfNoKeychain();
const upstream = process.env['FRONT_DESK_UPSTREAM'] === 'prism' ? await startPrismUpstream() : null;
const services = await createBridgeServices({
  userData,
  ...(upstream ? { altegioBaseUrl: upstream.url } : {}),
  ...(opts.memoryKeychain ? { keychainBackend: memoryKeychain() } : {}),
});
await services.start();
const bridge = await startBridge({ services, rendererDir: join(process.cwd(), 'out', 'renderer'), port: opts.port });
console.log(startBanner(bridge.url, opts, userData));
const stop = async () => {
  await bridge.close();
  await services.close();
  await upstream?.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
