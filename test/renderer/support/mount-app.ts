import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, type Router } from 'vue-router';
import App from '../../../src/renderer/src/App.vue';
import { connectEvents } from '../../../src/renderer/src/events';
import { createAppRouter } from '../../../src/renderer/src/router';
import { createFakeApi, installFakeApi, type FakeApi } from './fake-api';

export interface MountedApp {
  wrapper: VueWrapper;
  router: Router;
  api: FakeApi;
  pinia: Pinia;
  /** How many times the page was wiped to the lock screen (a real page reloads). */
  wipes: () => number;
  unmount(): void;
}

/** The whole app as main.ts builds it, on a fake api and an in-memory history, opened at `at`. */
export async function mountApp(opts: { api?: FakeApi; at?: string } = {}): Promise<MountedApp> {
  const api = installFakeApi(opts.api ?? createFakeApi());
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  let wiped = 0;
  const disconnect = connectEvents(router, () => {
    wiped += 1;
    void router.replace('/lock');
  });
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await router.push(opts.at ?? '/');
  await router.isReady();
  await flushPromises();
  return {
    wrapper,
    router,
    api,
    pinia,
    wipes: () => wiped,
    unmount() {
      disconnect();
      wrapper.unmount();
    },
  };
}

/**
 * happy-dom does no layout, so every box is 0×0 and a virtual list would show nothing.
 * Gives scroll containers a desk-sized viewport; returns the undo.
 */
export function stubLayout(size = { width: 800, height: 600 }): () => void {
  const proto = HTMLElement.prototype;
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => size.height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => size.width });
  return () => {
    delete (proto as unknown as Record<string, unknown>)['clientHeight'];
    delete (proto as unknown as Record<string, unknown>)['clientWidth'];
  };
}

/** Lets a debounce, a dynamic import or a chain of awaits settle. */
export async function settle(ms = 0): Promise<void> {
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
}

export { createFakeApi };
