import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml comes with the toolchain (electron-builder, eslint); no dependency of our own for one test.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const root = join(import.meta.dirname, '..', '..', '..');

interface Step {
  name?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
const workflow = yaml.load(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as {
  jobs: Record<
    string,
    { 'runs-on': string; strategy: { matrix: { include: { os: string; arch: string }[] } }; steps: Step[] }
  >;
};

describe('release workflow (issue 20, item 16)', () => {
  const job = Object.values(workflow.jobs)[0]!;
  const runs = job.steps.map((s) => s.run ?? '').join('\n');

  it('builds on Windows, Apple silicon, Intel Mac and Linux runners, each for its own CPU', () => {
    expect(job.strategy.matrix.include.map((m) => [m.os, m.arch])).toEqual([
      ['windows-latest', 'x64'],
      ['macos-14', 'arm64'],
      ['macos-13', 'x64'],
      ['ubuntu-latest', 'x64'],
    ]);
    expect(runs).toMatch(/node -p process\.arch/); // a runner of another CPU fails instead of building wrong natives
  });

  it('runs the unit tests, builds the installers, checks the package and smoke-tests it, in that order', () => {
    const at = (re: RegExp) => job.steps.findIndex((s) => re.test(s.run ?? ''));
    const order = [
      /vitest run/,
      /npm run dist/,
      /package-check\.mjs --built/,
      /electron-builder .*--dir/,
      /npm run test:smoke/,
    ].map(at);
    for (const i of order) expect(i).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const smokePack = job.steps.find((s) => /electron-builder .*--dir/.test(s.run ?? ''))!;
    expect(smokePack.env?.['FRONT_DESK_SMOKE_FUSES']).toBe('1');
  });
});
