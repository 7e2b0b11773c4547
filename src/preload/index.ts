import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from '../shared/contract/build-api';
import { contract, EVENT_NAMES, type Api, type EventName } from '../shared/contract';
import type { Result } from '../shared/errors';

/**
 * The whole preload: `window.api` built from the contract. Arguments are validated here too
 * (e.g. a 25 MB photo never crosses IPC); main validates again because the renderer is untrusted.
 */
const api: Api = buildApi(
  async (channel, args) => {
    const parsed = contract[channel].args.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.');
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: field ? `${field}: ${issue?.message}` : (issue?.message ?? 'invalid') },
      } satisfies Result<never>;
    }
    return (await ipcRenderer.invoke(channel, args)) as Result<unknown>;
  },
  (event, handler) => {
    if (!(EVENT_NAMES as readonly EventName[]).includes(event)) return () => undefined;
    const listener = (_e: IpcRendererEvent, payload: unknown) => handler(payload as never);
    ipcRenderer.on(event, listener);
    return () => ipcRenderer.removeListener(event, listener);
  },
);

contextBridge.exposeInMainWorld('api', api);
