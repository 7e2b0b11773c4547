import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = (title: string) => {
  const start = readme.indexOf(`## ${title}`);
  const next = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, next < 0 ? undefined : next);
};
const install = section('Install (for the salon)');
const develop = section('Develop');

describe('README Install says what a salon needs on a real PC (issue 20, items 4 and 15)', () => {
  it('recommends the deb on Ubuntu 24.04 and says why the AppImage does not start there', () => {
    expect(install).toMatch(/Ubuntu 24\.04 use the deb/);
    expect(install).toMatch(/AppImage on Ubuntu 24\.04 does not start/);
    expect(install).toMatch(/electron-builder#8440/);
  });

  it('gives macOS 15’s Open Anyway path, and the dmg names electron-builder really writes', () => {
    expect(install).toMatch(/System Settings → Privacy & Security.*Open Anyway/s);
    expect(install).toContain('`Front Desk-x.y.z-arm64.dmg`');
    expect(install).toContain('`Front Desk-x.y.z.dmg`');
    expect(install).not.toMatch(/x64\.dmg/);
    // dmg-builder's pattern drops "-${arch}" for the default arch, x64.
    const dmg = readFileSync(createRequire(import.meta.url).resolve('dmg-builder/out/dmg.js'), 'utf8');
    expect(dmg).toMatch(/"-\$\{arch\}\.\$\{ext\}", true/);
  });

  it('says an unsigned Mac build cannot update itself, and what IT does about deb updates (pkexec)', () => {
    expect(install).toMatch(/only a code-signed build can update itself/);
    expect(install).toMatch(/pkexec/);
    expect(install).toMatch(/salon's\s+IT should/);
  });
});

describe('README Develop matches the scripts and CI (issue 20, items 3, 7 and 14)', () => {
  it('gives Windows and macOS the same test subset the release workflow runs there', () => {
    const workflow = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');
    const block = /On \*\*Windows\*\* and \*\*macOS\*\*[\s\S]*?```bash\n([\s\S]*?)```/.exec(develop)?.[1] ?? '';
    const commands = block.trim().split('\n');
    expect(commands.length).toBeGreaterThan(1);
    for (const c of commands) expect(workflow).toContain(c);
    expect(develop).toMatch(/`npm test` needs Linux or WSL/);
  });

  it('says dev runs the sandbox check and that a packaged app ignores ALTEGIO_BASE_URL', () => {
    expect(develop).toMatch(/`npm run dev` check this\s+first/);
    expect(develop).toMatch(/installed \(packaged\) app ignores it/);
  });
});
