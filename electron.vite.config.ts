import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { onwarn } from './scripts/build/quiet-warnings';

export default defineConfig({
  main: {
    build: {
      // Pure-JS libraries used in a small part are bundled (only what is imported goes in): the phone
      // metadata and six Snowball stemmers instead of 17 MB of packages in app.asar. Natives, wasm-vips and
      // anything loaded by path stay external.
      externalizeDeps: { exclude: ['libphonenumber-js', '@orama/stemmers'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') }, onwarn },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require npm packages: bundle zod and the contract into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        onwarn,
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [vue()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') }, onwarn },
    },
  },
});
