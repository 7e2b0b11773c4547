/**
 * `npm run web`: the app in any browser, backed by the real services in Node.
 * Uses the Demo salon unless ALTEGIO_BASE_URL points elsewhere; `FRONT_DESK_UPSTREAM=prism` serves
 * Altegio's official description instead (Prism mocking its examples; any login signs in).
 */
import { join } from 'node:path';
import { createBridgeServices } from './app-services';
import { memoryKeychain } from './memory-keychain';
import { startPrismUpstream } from './prism-upstream';
import { startBridge } from './server';

const port = Number(process.env['PORT'] ?? 0);
const upstream = process.env['FRONT_DESK_UPSTREAM'] === 'prism' ? await startPrismUpstream() : null;
const services = await createBridgeServices({
  ...(process.env['FRONT_DESK_MEMORY_KEYCHAIN'] === '1' ? { keychainBackend: memoryKeychain() } : {}),
  ...(upstream ? { altegioBaseUrl: upstream.url } : {}),
});
await services.start();
const bridge = await startBridge({ services, rendererDir: join(process.cwd(), 'out', 'renderer'), port });
console.log(
  `\nFront Desk (browser bridge) is running: ${bridge.url}\nDemo login: demo@frontdesk.app / demo1234\nPress Ctrl+C to stop.\n`,
);
const stop = async () => {
  await bridge.close();
  await services.close();
  await upstream?.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
