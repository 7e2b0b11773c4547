import { z } from 'zod';
import type { AppStatus } from '../domain/app-status';
import type { AppInfo } from '../domain/session';
import { channel } from './define';
import { none } from './schemas';

export const appChannels = {
  'app.info': channel(none).returns<AppInfo>(),
  /** What happened at start that the person should be told (e.g. a damaged data file was rebuilt). */
  'app.status': channel(none).returns<AppStatus>(),
  'app.ping': channel(z.object({ echo: z.string().max(200).optional() }).strict().optional()).returns<{
    pong: true;
    echo: string | null;
    at: string;
  }>(),
  /** Opens an allow-listed external link (Altegio's site) in the OS browser. */
  'app.openExternal': channel(z.object({ url: z.url() }).strict()).returns<{ opened: boolean }>(),
  /** Installs a downloaded update; refused (restarting: false) while anything is busy. */
  'app.restartToUpdate': channel(none).returns<{ restarting: boolean }>(),
  /** The downloaded update, if any (the header asks once when it mounts; then the update-ready event). */
  'app.updateStatus': channel(none).returns<{ version: string; canRestart: boolean } | null>(),
};
