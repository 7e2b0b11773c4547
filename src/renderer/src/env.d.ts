/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

interface Window {
  /** Provided by the preload (Electron) or the browser test bridge; the renderer's only way to main. */
  api: import('../../shared/contract').Api;
}
