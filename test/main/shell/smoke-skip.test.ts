import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script, no type declarations
import { FUSES, fusesFor } from '../../../scripts/packaging/fuses.mjs';
import { packagedApp } from '../../smoke/find-app';

const root = join(import.meta.dirname, '..', '..', '..');

describe('Electron smoke test (issue 20, item 16)', () => {
  it('is skipped with a printed reason where no packaged app (no Electron binary) exists', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'test/smoke/smoke.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FRONT_DESK_SMOKE_APP: join(tmpdir(), 'no-such-front-desk') },
    });
    expect(out).toMatch(/\[smoke\] skipped: no packaged Front Desk/);
    expect(out).toMatch(/Electron binary/);
  });

  it("finds each OS's smoke pack where electron-builder --dir leaves it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-smoke-'));
    try {
      mkdirSync(join(dir, 'release-smoke', 'linux-unpacked'), { recursive: true });
      writeFileSync(join(dir, 'release-smoke', 'linux-unpacked', 'front-desk'), '');
      mkdirSync(join(dir, 'release-smoke', 'win-unpacked'), { recursive: true });
      writeFileSync(join(dir, 'release-smoke', 'win-unpacked', 'Front Desk.exe'), '');
      mkdirSync(join(dir, 'release-smoke', 'mac-arm64', 'Front Desk.app', 'Contents', 'MacOS'), { recursive: true });
      writeFileSync(join(dir, 'release-smoke', 'mac-arm64', 'Front Desk.app', 'Contents', 'MacOS', 'Front Desk'), '');
      expect(packagedApp(dir, {}, 'linux')).toBe(join(dir, 'release-smoke', 'linux-unpacked', 'front-desk'));
      expect(packagedApp(dir, {}, 'win32')).toBe(join(dir, 'release-smoke', 'win-unpacked', 'Front Desk.exe'));
      expect(packagedApp(dir, {}, 'darwin')).toBe(
        join(dir, 'release-smoke', 'mac-arm64', 'Front Desk.app', 'Contents', 'MacOS', 'Front Desk'),
      );
      expect(packagedApp(join(dir, 'nothing'), {}, 'linux')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the smoke pack differs from the installers only in the --inspect fuse Playwright needs', () => {
    expect(fusesFor({})).toEqual(FUSES);
    expect(fusesFor({ FRONT_DESK_SMOKE_FUSES: '1' })).toEqual({
      ...FUSES,
      [FuseV1Options.EnableNodeCliInspectArguments]: true,
    });
  });
});
