import type { CatalogRights } from '../../altegio/manage-types';
import type { ManageRights } from '../../../shared/domain/manage';
import type { SettingsRepo } from '../../store/settings-repo';

type Owner = { env: string; userId: number };

/**
 * What a person may change, decided from their Altegio rights (GET /user/permissions, section
 * `settings`): everything needs the Settings section and its Services page; a category also needs
 * "access to service categories"; a service needs "create services"; an edit needs `services_edit`.
 */
export function decide(r: CatalogRights): Pick<ManageRights, 'createCategory' | 'createService' | 'editService'> {
  const services = r.settingsAccess && r.servicesAccess;
  return {
    createService: services && r.createServices,
    createCategory: services && r.createServices && r.categoriesAccess,
    editService: services && r.editServices,
  };
}

interface Stored {
  rights: CatalogRights;
  checkedAt: string;
}

const key = (o: Owner, locationId: number) => `manage.rights:${o.env}:${o.userId}:${locationId}`;

/** The last answer is kept so the desk stays read-only or writable offline as Altegio last said. */
export function rememberRights(settings: SettingsRepo, o: Owner, locationId: number, r: CatalogRights, at: Date): void {
  settings.set(key(o, locationId), { rights: r, checkedAt: at.toISOString() } satisfies Stored);
}

/** Altegio's last answer itself (other screens decide their own rights from it), null when never asked. */
export function storedRights(settings: SettingsRepo, o: Owner, locationId: number): CatalogRights | null {
  return settings.get<Stored | null>(key(o, locationId), null)?.rights ?? null;
}

export function knownRights(settings: SettingsRepo, o: Owner, locationId: number): ManageRights {
  const s = settings.get<Stored | null>(key(o, locationId), null);
  if (!s) {
    return {
      locationId,
      createCategory: false,
      createService: false,
      editService: false,
      readOnlyReason: 'not-checked',
      checkedAt: null,
    };
  }
  const d = decide(s.rights);
  return {
    locationId,
    ...d,
    readOnlyReason: d.createCategory || d.createService ? null : 'no-rights',
    checkedAt: s.checkedAt,
  };
}
