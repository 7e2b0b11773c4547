import { z } from 'zod';
import type { DeskPrefs, EnvironmentConfig, SessionInfo, SettingsView } from '../domain/session';
import { channel } from './define';
import { environmentId, id, language, none, paper } from './schemas';

const environment = z
  .object({ id: environmentId, customUrl: z.url().nullable().optional() })
  .strict()
  .refine((e) => e.id !== 'custom' || !!e.customUrl, {
    message: 'a custom environment needs its URL',
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
        staleAfterMinutes: z.number().int().min(1).max(24 * 60).optional(),
        /** The language picked in Settings; null = automatic (the OS's languages). */
        language: language.nullable().optional(),
        /** The language the desk shows now (picked or automatic): main prints and formats in it. */
        uiLocale: language.optional(),
      })
      .strict(),
  ).returns<DeskPrefs>(),
};
