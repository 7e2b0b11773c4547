// `npm start` runs this first on Linux. Ubuntu 23.10+ (AppArmor) forbids unprivileged user
// namespaces, so Chromium falls back to the setuid helper `chrome-sandbox`, which npm installs
// without root ownership and the setuid bit — and Electron aborts with a FATAL line
// (electron/electron#42510). We never switch the sandbox off; we print the exact fix instead.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Are unprivileged user namespaces unavailable (so the setuid helper is needed)? */
export function userNamespacesRestricted(read) {
  const flag = (path) => {
    try {
      return read(path).trim();
    } catch {
      return null;
    }
  };
  return flag('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1' || flag('/proc/sys/kernel/unprivileged_userns_clone') === '0';
}

/** The message to print, or null when Electron's sandbox can start. */
export function sandboxProblem({ platform, electronDist, read, stat }) {
  if (platform !== 'linux' || !electronDist) return null;
  const helper = join(electronDist, 'chrome-sandbox');
  let info;
  try {
    info = stat(helper);
  } catch {
    return null; // no Electron binary here (ELECTRON_SKIP_BINARY_DOWNLOAD): nothing to start
  }
  if (!userNamespacesRestricted(read)) return null;
  const ok = info.uid === 0 && (info.mode & 0o4000) !== 0 && (info.mode & 0o755) === 0o755;
  if (ok) return null;
  return [
    'Electron cannot start its sandbox on this system: unprivileged user namespaces are restricted',
    '(Ubuntu 23.10+ AppArmor), so it needs its setuid helper, which npm installed without root rights.',
    'Fix it once (per npm install), then run npm start again:',
    '',
    `  sudo chown root:root "${helper}"`,
    `  sudo chmod 4755 "${helper}"`,
    '',
    'Do not use --no-sandbox: it turns off the protection between the page and the system.',
    'See https://github.com/electron/electron/issues/42510',
  ].join('\n');
}

function electronDist() {
  try {
    return join(dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json')), 'dist');
  } catch {
    return null;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = sandboxProblem({ platform: process.platform, electronDist: electronDist(), read: (p) => readFileSync(p, 'utf8'), stat: statSync });
  if (problem) {
    console.error(`[sandbox] ${problem.replaceAll('\n', '\n[sandbox] ')}`);
    process.exit(1);
  }
}
