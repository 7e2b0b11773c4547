import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the CI smoke pack (`electron-builder --dir` into release-smoke/) left this OS's packaged app, or the path in
 * FRONT_DESK_SMOKE_APP. Null when there is none: no Electron binary could be had on this machine.
 */
export function packagedApp(root: string, env = process.env, platform = process.platform): string | null {
  if (env['FRONT_DESK_SMOKE_APP']) return existsSync(env['FRONT_DESK_SMOKE_APP']) ? env['FRONT_DESK_SMOKE_APP'] : null;
  const release = join(root, 'release-smoke');
  if (!existsSync(release)) return null;
  const dirs = readdirSync(release, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const candidates: string[] = [];
  for (const d of dirs) {
    if (platform === 'linux' && /^linux(-\w+)?-unpacked$/.test(d)) candidates.push(join(release, d, 'front-desk'));
    if (platform === 'win32' && /^win(-\w+)?-unpacked$/.test(d)) candidates.push(join(release, d, 'Front Desk.exe'));
    if (platform === 'darwin' && /^mac(-\w+)?$/.test(d))
      candidates.push(join(release, d, 'Front Desk.app', 'Contents', 'MacOS', 'Front Desk'));
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Why the smoke test cannot run here, printed instead of a silent pass. */
export function skipReason(root: string): string {
  return [
    `no packaged Front Desk for ${process.platform} under ${join(root, 'release-smoke')} (and FRONT_DESK_SMOKE_APP is not set).`,
    'The Electron binary cannot be had on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD), so there is nothing to launch.',
    'CI packs it first: see .github/workflows/release.yml (the smoke pack, then npm run test:smoke).',
  ].join('\n[smoke] ');
}
