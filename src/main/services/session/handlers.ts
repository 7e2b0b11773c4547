import type { PrintClientDetails } from '../../../shared/domain/reports';
import type { DeskPrefs, SettingsView } from '../../../shared/domain/session';
import type { Language } from '../../../shared/i18n';
import type { Secrets } from '../../secrets';
import type { SettingsRepo } from '../../store/settings-repo';
import { LOCALE_SETTING } from '../catalog';
import type { Domain } from '../context';
import type { SessionService } from './session-service';

export const DEFAULT_STALE_MINUTES = 30;
/** The language picked in Settings (null: automatic). The one in effect is LOCALE_SETTING ('ui.locale'). */
export const LANGUAGE_SETTING = 'desk.language';

export function readDesk(settings: SettingsRepo): DeskPrefs {
  return {
    locationId: settings.get<number | null>('desk.locationId', null),
    paper: settings.get<DeskPrefs['paper']>('desk.paper', 'a4'),
    printer: settings.get<string | null>('desk.printer', null),
    language: settings.get<Language | null>(LANGUAGE_SETTING, null),
    printClients: settings.get<PrintClientDetails>('desk.printClients', 'nameAndPhone'),
  };
}

export interface SessionDomainDeps {
  session: SessionService;
  secrets: Secrets;
  settings: SettingsRepo;
  /** Where the live environments' partner token comes from (the demo needs none). */
  partnerTokenSource(): Promise<'keychain' | 'build' | null>;
  /** The shared desk learns who signed in (with the login typed, to fill the form next time) and out. */
  onSignedIn?(user: { userId: number; name: string; avatar: string | null }, login: string): void;
  /** Runs before the sign-in answers (the desk learns which locations the person has). */
  afterSignIn?(): Promise<void>;
  onSignedOut?(userId: number): void;
}

export function createSessionDomain(
  deps: SessionDomainDeps,
): Domain<
  | 'session.signIn'
  | 'session.signOut'
  | 'session.current'
  | 'settings.get'
  | 'settings.setPartnerToken'
  | 'settings.environment'
  | 'settings.desk'
> {
  const { session, secrets, settings } = deps;

  async function view(): Promise<SettingsView> {
    const environment = session.environmentConfig;
    let source: SettingsView['partnerToken']['source'] = null;
    try {
      source = await deps.partnerTokenSource();
    } catch {
      source = null; // no keychain: the sign-in screen says so when it matters
    }
    return {
      environment,
      partnerToken: { set: source !== null, source },
      staleAfterMinutes: settings.get('desk.staleAfterMinutes', DEFAULT_STALE_MINUTES),
      desk: readDesk(settings),
    };
  }

  return {
    handlers: {
      'session.signIn': async (args) => {
        const info = await session.signIn(args);
        deps.onSignedIn?.(info, args.login);
        await deps.afterSignIn?.();
        return info;
      },
      'session.signOut': async () => {
        const userId = await session.signOut();
        if (userId !== null) deps.onSignedOut?.(userId);
        return null;
      },
      'session.current': () => session.current(),
      'settings.get': () => view(),
      'settings.setPartnerToken': async ({ token }) => {
        await secrets.setPartnerToken(token);
        return view();
      },
      'settings.environment': (env) => session.setEnvironment({ id: env.id, customUrl: env.customUrl ?? null }),
      'settings.desk': (prefs) => {
        if (prefs.locationId !== undefined) settings.set('desk.locationId', prefs.locationId);
        if (prefs.paper !== undefined) settings.set('desk.paper', prefs.paper);
        if (prefs.printer !== undefined) settings.set('desk.printer', prefs.printer);
        if (prefs.printClients !== undefined) settings.set('desk.printClients', prefs.printClients);
        if (prefs.staleAfterMinutes !== undefined) settings.set('desk.staleAfterMinutes', prefs.staleAfterMinutes);
        if (prefs.language !== undefined) settings.set(LANGUAGE_SETTING, prefs.language);
        if (prefs.uiLocale !== undefined) settings.set(LOCALE_SETTING, prefs.uiLocale);
        return readDesk(settings);
      },
    },
  };
}
