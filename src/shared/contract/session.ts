import { z } from 'zod';
import type { DeskPrefs, EnvironmentConfig, SessionInfo, SettingsView } from '../domain/session';
import { channel } from './define';
import { environmentId, id, language, none, paper } from './schemas';

const environment = z
  .object({
    id: environmentId,
    customUrl: z.url({ error: 'enter the full address of the server, starting with https://' }).nullable().optional(),
  })
  .strict()
  .refine((e) => e.id !== 'custom' || !!e.customUrl, {
    message: 'enter the address of the custom server',
    path: ['customUrl'],
  });

export const sessionChannels = {
  'session.signIn': channel(
    z
      .object({
        environment: environmentId,
        login: z.string().trim().min(3, 'enter a phone number or an e-mail').max(200),
        password: z.string().min(1, 'enter the password').max(200),
      })
      .strict(),
  ).returns<SessionInfo>(),
  'session.signOut': channel(none).returns<null>(),
  'session.current': channel(none).returns<SessionInfo | null>(),
  'settings.get': channel(none).returns<SettingsView>(),
  /** Write-only: a token can be replaced or removed (null), never read back. */
  'settings.setPartnerToken': channel(
    z.object({ token: z.string().trim().min(8, 'the partner token looks too short').max(500).nullable() }).strict(),
  ).returns<SettingsView>(),
  'settings.environment': channel(environment).returns<EnvironmentConfig>(),
  'settings.desk': channel(
    z
      .object({
        locationId: id.nullable().optional(),
        paper: paper.optional(),
        printer: z.string().max(300).nullable().optional(),
        printClients: z.enum(['nameAndPhone', 'nameOnly', 'none']).optional(),
        // Messages people can read: they reach Settings when the renderer's own check is bypassed.
        staleAfterMinutes: z
          .number({ error: 'enter a number of minutes' })
          .int({ error: 'enter whole minutes, without a fraction' })
          .min(1, { error: 'enter at least 1 minute' })
          .max(24 * 60, { error: 'enter at most 1440 minutes (one day)' })
          .optional(),
        /** The language picked in Settings; null = automatic (the OS's languages). */
        language: language.nullable().optional(),
        /** The language the desk shows now (picked or automatic): main prints and formats in it. */
        uiLocale: language.optional(),
      })
      .strict(),
  ).returns<DeskPrefs>(),
};
