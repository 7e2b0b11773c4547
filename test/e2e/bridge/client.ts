/**
 * Runs in the page before the app: provides the same `window.api` the Electron preload does,
 * built from the same contract, but carried over HTTP to the real services in Node.
 */
import { buildApi } from '../../../src/shared/contract/build-api';
import type { EventMap, EventName } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { decode, encode } from './codec';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const source = new EventSource('/__bridge/events');
source.onmessage = (msg) => {
  const { event, payload } = decode(msg.data as string) as { event: string; payload: unknown };
  for (const h of listeners.get(event) ?? []) h(payload);
};

const api = buildApi(
  async (channel, args) => {
    try {
      const res = await fetch(`/__bridge/call/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: args === undefined ? '' : encode(args),
      });
      return decode(await res.text()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'The test bridge is not reachable.' } };
    }
  },
  <E extends EventName>(event: E, handler: (payload: EventMap[E]) => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const h = handler as (payload: unknown) => void;
    set.add(h);
    return () => set.delete(h);
  },
);

(window as unknown as { api: typeof api }).api = api;
