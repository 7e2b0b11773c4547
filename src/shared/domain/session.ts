import type { Language } from '../i18n';
import type { Paper, PrintClientDetails } from './print-prefs';

export type { Paper };

export const ENVIRONMENT_IDS = ['demo', 'altegio', 'yclients', 'custom'] as const;
export type EnvironmentId = (typeof ENVIRONMENT_IDS)[number];

export interface EnvironmentConfig {
  id: EnvironmentId;
  /** Only for `custom`: the base URL typed by the manager, e.g. Altegio's public mock server. */
  customUrl: string | null;
}

/** What the renderer knows about the signed-in user. Never a token. */
export interface SessionInfo {
  userId: number;
  name: string;
  avatar: string | null;
  environment: EnvironmentId;
}

export interface SettingsView {
  environment: EnvironmentConfig;
  /** The partner token itself is write-only: the UI only learns whether one is set and where from. */
  partnerToken: { set: boolean; source: 'keychain' | 'build' | 'demo' | null };
  staleAfterMinutes: number;
  desk: DeskPrefs;
}

export interface DeskPrefs {
  locationId: number | null;
  paper: Paper;
  printer: string | null;
  /** The language picked for this desk ("ru", "pt-BR", …); null or absent = automatic. */
  language?: Language | null;
  /** What printed reports say about clients (default: names and phones). */
  printClients?: PrintClientDetails;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  runtime: 'electron' | 'node';
  versions: { node: string; electron: string | null; chrome: string | null };
}
