// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving node_modules' Node build
// (used by `npm test`) untouched. keytar is N-API: one binary serves both runtimes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TARGET = join(root, 'native', 'electron', 'better_sqlite3.node');
const require = createRequire(join(root, 'package.json'));

export function electronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } });
}

/**
 * node-gyp's JavaScript entry, run with this very Node. `npx` is npx.cmd on Windows, which
 * execFile cannot start without a shell — so the compile fallback never ran there. npm tells
 * scripts where its bundled node-gyp is (npm_config_node_gyp); else the project's own copy.
 */
export function nodeGypCommand(args, deps = {}) {
  const env = deps.env ?? process.env;
  const resolve = deps.resolve ?? ((id) => require.resolve(id));
  let script = env.npm_config_node_gyp;
  if (!script || !/\.js$/i.test(script)) {
    try {
      script = resolve('node-gyp/bin/node-gyp.js');
    } catch {
      throw new Error('node-gyp was not found: run this through npm (npm run native:electron) or npm install node-gyp');
    }
  }
  return { command: deps.execPath ?? process.execPath, args: [script, ...args] };
}

export function buildElectronBinding() {
  const version = electronVersion();
  if (!version) throw new Error('electron is not installed');
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'front-desk-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });
    const common = [`--runtime=electron`, `--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`];
    try {
      // Prebuilt binaries first (seconds); compile only where none exists.
      run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...common], work);
    } catch {
      const gyp = nodeGypCommand(['rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers']);
      run(gyp.command, gyp.args, work);
    }
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error('the build produced no better_sqlite3.node');
    mkdirSync(dirname(TARGET), { recursive: true });
    copyFileSync(built, TARGET);
    return TARGET;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`[native] built ${buildElectronBinding()}`);
}
