import type { CatalogRights } from '../../altegio/manage-types';
import type { ManageRights } from '../../../shared/domain/manage';
import type { SettingsRepo } from '../../store/settings-repo';

type Owner = { env: string; userId: number };

export type ServiceOperation = 'createCategory' | 'createService' | 'editService' | 'retireService' | 'servicePhoto';

/**
 * What a person may change, each operation from its own right of GET /user/permissions (section
 * `settings`), all under the Settings section and its Services page: a category needs "create services"
 * and "access to service categories"; a service "create services"; an edit `services_edit`; a removal
 * `services_delete`; a photo `services_edit` and "image uploads and changes". A right the answer leaves
 * out is false.
 */
export function decide(r: CatalogRights): Pick<ManageRights, ServiceOperation> {
  const services = r.settingsAccess && r.servicesAccess;
  return {
    createCategory: services && r.createServices && r.categoriesAccess,
    createService: services && r.createServices,
    editService: services && r.editServices,
    retireService: services && r.deleteServices === true,
    servicePhoto: services && r.editServices && r.imageAccess === true,
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

/**
 * Refuses an operation Altegio's last answer does not allow. Never checked (offline since sign-in):
 * Altegio decides, and a 403 keeps the change for a manager.
 */
export function allows(r: ManageRights, op: ServiceOperation): boolean {
  return r.checkedAt === null || r[op];
}

export function knownRights(settings: SettingsRepo, o: Owner, locationId: number): ManageRights {
  const s = settings.get<Stored | null>(key(o, locationId), null);
  if (!s) {
    return {
      locationId,
      createCategory: false,
      createService: false,
      editService: false,
      retireService: false,
      servicePhoto: false,
      readOnlyReason: 'not-checked',
      checkedAt: null,
    };
  }
  const d = decide(s.rights);
  return {
    locationId,
    ...d,
    readOnlyReason: Object.values(d).some(Boolean) ? null : 'no-rights',
    checkedAt: s.checkedAt,
  };
}
