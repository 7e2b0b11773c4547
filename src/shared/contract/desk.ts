import { z } from 'zod';
import type { AuditEntryView, DeskState } from '../domain/desk';
import type { SessionInfo } from '../domain/session';
import { channel } from './define';
import { id, none } from './schemas';

const pin = z.string().regex(/^\d{4,6}$/, 'a PIN is 4 to 6 digits');
/** A route inside the app ("/report?date=…"), never a URL: unlocking must not navigate anywhere else. */
const returnTo = z
  .string()
  .max(500)
  .regex(/^\/[^/\\]/, 'a route inside the app');

/** The shared desk: who is held on this PC, lock and unlock, PINs and the local audit list. */
export const deskChannels = {
  'desk.state': channel(none).returns<DeskState>(),
  'desk.lock': channel(z.object({ returnTo: returnTo.optional() }).strict().optional()).returns<DeskState>(),
  'desk.unlock': channel(z.object({ userId: id, pin }).strict()).returns<{ session: SessionInfo; returnTo: string | null }>(),
  'desk.setPin': channel(z.object({ pin }).strict()).returns<DeskState>(),
  'desk.queuedWork': channel(z.object({ userId: id }).strict()).returns<{ count: number }>(),
  'desk.removeUser': channel(z.object({ userId: id }).strict()).returns<DeskState>(),
  'desk.setAutoLock': channel(z.object({ minutes: z.number().int().min(0).max(240) }).strict()).returns<DeskState>(),
  'desk.audit': channel(none).returns<AuditEntryView[]>(),
};
