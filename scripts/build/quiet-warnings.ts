import type { Rollup } from 'vite';

type RollupLog = Rollup.RollupLog;

/**
 * zod 4 writes prose comments that mention `@__PURE__` (explaining why a value is wrapped), and Rollup
 * warns that it "cannot interpret" them and drops the comment. Only the comment is dropped: zod's real
 * annotations are separate and the bundle is unchanged. Four such warnings on every build read like errors
 * to whoever runs `npm run web`, so exactly these are silenced; any other warning, including the same
 * kind from our own code or another package, still prints.
 */
export function isKnownHarmless(log: RollupLog): boolean {
  return log.code === 'INVALID_ANNOTATION' && /node_modules[\\/]zod[\\/]/.test(log.id ?? '');
}

export function onwarn(log: RollupLog, warn: (log: RollupLog) => void): void {
  if (!isKnownHarmless(log)) warn(log);
}
