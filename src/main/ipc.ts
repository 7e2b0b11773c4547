import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../shared/contract';
import type { Dispatch } from './ipc/router';

/** The URL of the frame that sent an IPC call, or null when it is not the window's main frame. */
export function senderUrlOf(event: IpcMainInvokeEvent): string | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  // Calls from subframes (the report preview iframe, anything injected) are never trusted.
  if (frame !== event.sender.mainFrame) return null;
  return frame.url;
}

/** One handler per contract channel; all the checking happens in the shared router. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => dispatch(channel, args, { senderUrl: senderUrlOf(event) }));
  }
}
