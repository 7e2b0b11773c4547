import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build scripts have no type declarations
import { nodeGypCommand } from '../../../scripts/native/build-electron-binding.mjs';
// @ts-expect-error plain .mjs build scripts have no type declarations
import { sandboxProblem, userNamespacesRestricted } from '../../../scripts/native/check-sandbox.mjs';

describe('node-gyp fallback (Windows)', () => {
  it("runs node-gyp's JS entry with Node itself, never npx (npx.cmd needs a shell on Windows)", () => {
    const cmd = nodeGypCommand(['rebuild'], {
      env: {
        npm_config_node_gyp: 'C:\\Program Files\\nodejs\\node_modules\\npm\\node_modules\\node-gyp\\bin\\node-gyp.js',
      },
      execPath: 'C:\\Program Files\\nodejs\\node.exe',
    });
    expect(cmd).toEqual({
      command: 'C:\\Program Files\\nodejs\\node.exe',
      args: ['C:\\Program Files\\nodejs\\node_modules\\npm\\node_modules\\node-gyp\\bin\\node-gyp.js', 'rebuild'],
    });
    expect(cmd.command).not.toMatch(/npx/);
  });

  it("falls back to the project's node-gyp, and says so in words when there is none", () => {
    const own = nodeGypCommand(['rebuild'], {
      env: {},
      resolve: () => '/repo/node_modules/node-gyp/bin/node-gyp.js',
      execPath: '/usr/bin/node',
    });
    expect(own.args[0]).toBe('/repo/node_modules/node-gyp/bin/node-gyp.js');
    expect(() =>
      nodeGypCommand(['rebuild'], {
        env: {},
        resolve: () => {
          throw new Error('MODULE_NOT_FOUND');
        },
      }),
    ).toThrow(/node-gyp was not found/);
  });
});

describe('chrome-sandbox check (Ubuntu 24.04)', () => {
  const restricted = (p: string) =>
    p.endsWith('apparmor_restrict_unprivileged_userns')
      ? '1\n'
      : (() => {
          throw new Error('ENOENT');
        })();
  const dist = '/repo/node_modules/electron/dist';

  it('prints the exact chown/chmod fix when the helper is not setuid root and user namespaces are restricted', () => {
    const msg = sandboxProblem({
      platform: 'linux',
      electronDist: dist,
      read: restricted,
      stat: () => ({ uid: 1000, mode: 0o100755 }),
    });
    expect(msg).toContain(`sudo chown root:root "${join(dist, 'chrome-sandbox')}"`);
    expect(msg).toContain(`sudo chmod 4755 "${join(dist, 'chrome-sandbox')}"`);
    expect(msg).toContain('Do not use --no-sandbox');
  });

  it('is quiet when the helper is set up, namespaces are allowed, no Electron binary, or not Linux', () => {
    expect(
      sandboxProblem({
        platform: 'linux',
        electronDist: dist,
        read: restricted,
        stat: () => ({ uid: 0, mode: 0o104755 }),
      }),
    ).toBeNull();
    expect(
      sandboxProblem({
        platform: 'linux',
        electronDist: dist,
        read: (p: string) => (p.endsWith('apparmor_restrict_unprivileged_userns') ? '0' : '1'),
        stat: () => ({ uid: 1000, mode: 0o100755 }),
      }),
    ).toBeNull();
    expect(
      sandboxProblem({
        platform: 'linux',
        electronDist: dist,
        read: restricted,
        stat: () => {
          throw new Error('ENOENT');
        },
      }),
    ).toBeNull();
    expect(
      sandboxProblem({ platform: 'win32', electronDist: dist, read: restricted, stat: () => ({ uid: 1000, mode: 0 }) }),
    ).toBeNull();
  });

  it('reads both kernels’ switches', () => {
    expect(userNamespacesRestricted((p: string) => (p.endsWith('unprivileged_userns_clone') ? '0' : '0'))).toBe(true);
    expect(
      userNamespacesRestricted(() => {
        throw new Error('ENOENT');
      }),
    ).toBe(false);
  });
});
