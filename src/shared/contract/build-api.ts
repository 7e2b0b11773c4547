import type { Result } from '../errors';
import { CHANNELS, splitChannel, type Api, type Channel, type EventMap, type EventName } from './index';

export type Invoke = (channel: Channel, args: unknown) => Promise<Result<unknown>>;
export type Subscribe = <E extends EventName>(event: E, handler: (payload: EventMap[E]) => void) => () => void;

/**
 * Builds `window.api` from the contract: one function per channel, nothing else.
 * Used by the Electron preload (invoke = ipcRenderer.invoke) and by the browser test bridge
 * (invoke = fetch), so both expose exactly the same surface.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): Api {
  const api: Record<string, Record<string, (args?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [ns, method] = splitChannel(channel);
    (api[ns] ??= {})[method] = (args?: unknown) => invoke(channel, args);
  }
  return Object.freeze({ ...api, on: subscribe }) as unknown as Api;
}
