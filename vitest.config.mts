import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker (cores − 1). Most of the main-process tests wait on
    // Altegio's rate budget (a demo sign-in syncs ~30 requests at 5 per 1.25 s), a held demo answer or a
    // timer rather than the CPU: on this 2-core machine 4 workers took 276 s, 6 take 183 s (e2e below).
    maxWorkers: 6,
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/main/**/*.test.ts'],
          // A guard against hangs, not a speed check: a desk test that signs in and syncs waits on the demo's
          // rate budget, and with six files sharing two cores a few such tests take 17–22 s.
          testTimeout: 45_000,
          hookTimeout: 30_000,
          // Native modules (better-sqlite3, keytar, sharp) are happiest in forked processes.
          pool: 'forks',
        },
      },
      {
        test: {
          // Altegio's official description judges the client and the demo server (Prism, once per file).
          name: 'contract',
          environment: 'node',
          include: ['test/contract/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
          pool: 'forks',
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Three spec files at a time, each with its own Chromium, demo server, data folder and keychain
          // service name (harness.ts). Most of an e2e waits on the demo's rate budget and sync, not the CPU:
          // on two cores 26 files took 775 s one at a time (loaded machine), 398 s two at a time, 291 s three.
          fileParallelism: true,
          maxWorkers: 3,
        },
      },
    ],
  },
});
