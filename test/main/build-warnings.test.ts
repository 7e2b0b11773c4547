import type { Rollup } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import config from '../../electron.vite.config';

type RollupLog = Rollup.RollupLog;

type Onwarn = (log: RollupLog, warn: (log: RollupLog) => void) => void;

const zodComment: RollupLog = {
  code: 'INVALID_ANNOTATION',
  id: '/repo/node_modules/zod/v4/core/util.js',
  message: 'A comment "// Wrapped in a `@__PURE__` IIFE…" contains an annotation that Rollup cannot interpret',
};
const ours: RollupLog = { ...zodComment, id: '/repo/src/main/index.ts' };
const otherKind: RollupLog = { code: 'CIRCULAR_DEPENDENCY', id: '/repo/node_modules/zod/v4/core/util.js', message: 'x' };

describe('npm run web / npm run build warnings', () => {
  const sections = config as unknown as Record<'main' | 'preload' | 'renderer', { build: { rollupOptions: { onwarn?: Onwarn } } }>;

  it.each(['main', 'preload', 'renderer'] as const)('%s: silences only zod’s harmless comment warnings', (name) => {
    const onwarn = sections[name].build.rollupOptions.onwarn;
    expect(onwarn).toBeTypeOf('function');
    const warn = vi.fn();
    onwarn!(zodComment, warn);
    expect(warn).not.toHaveBeenCalled();
    onwarn!(ours, warn);
    onwarn!(otherKind, warn);
    expect(warn.mock.calls.map(([log]) => log)).toEqual([ours, otherKind]);
  });
});
