import type { EnvironmentConfig, EnvironmentId } from '../../../shared/domain/session';
import type { SettingsRepo } from '../../store/settings-repo';

const KEY = 'environment';

export function readEnvironment(settings: SettingsRepo, fallback: EnvironmentId): EnvironmentConfig {
  const stored = settings.get<EnvironmentConfig | null>(KEY, null);
  if (stored && typeof stored.id === 'string') return { id: stored.id, customUrl: stored.customUrl ?? null };
  return { id: fallback, customUrl: null };
}

export function writeEnvironment(settings: SettingsRepo, env: EnvironmentConfig): void {
  settings.set(KEY, env);
}
