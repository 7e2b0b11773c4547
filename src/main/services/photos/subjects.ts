import type { PhotoSubject } from '../../../shared/domain/photos';
import { AppError, isAppError } from '../../../shared/errors';
import type { AltegioApi, UploadedImage } from '../../altegio/types';
import { serviceImageOf } from '../../altegio/schemas';

/** A team member or a service as the photo outbox sees it: its name and the image group it has now. */
export interface PhotoHolder {
  id: number;
  name: string;
  imageGroupId: number | null;
}

/** What the catalogue keeps of a photo: the local copy, Altegio's URL and image group. */
export interface StoredPhoto {
  media: string | null;
  remote: string | null;
  imageGroupId: number | null;
}

export interface PhotoStore {
  get(locationId: number, id: number): PhotoHolder | null;
  set(locationId: number, id: number, photo: StoredPhoto): void;
}

/** Altegio's copy of the subject now: how a lost upload is confirmed. null when Altegio no longer has it. */
export interface RemotePhoto {
  imageGroupId: number | null;
  url: string | null;
}

/**
 * Everything that differs between a team member's photo and a service's: the Altegio entity, how an
 * upload is bound, how Altegio's current copy is read, the media folder and the sentences.
 */
export interface SubjectPort {
  subject: PhotoSubject;
  entity: 'master' | 'service';
  /** Folder under paths.media, shared with the sync's cache of the same pictures. */
  mediaDir: 'staff' | 'services';
  store: PhotoStore;
  upload(api: AltegioApi, locationId: number, id: number, jpeg: Uint8Array, fileName: string): Promise<UploadedImage>;
  current(api: AltegioApi, locationId: number, id: number): Promise<RemotePhoto | null>;
  notInCatalogue: string;
  goneFromAltegio: string;
  noPhoto(name: string): string;
  /** Said when Altegio refuses the change (403): it is kept for someone with the rights. */
  needsManager: string;
}

export function staffSubject(store: PhotoStore): SubjectPort {
  return {
    subject: 'staff',
    entity: 'master',
    mediaDir: 'staff',
    store,
    upload: (api, _locationId, staffId, jpeg, fileName) => api.uploadStaffPhoto({ staffId, jpeg, fileName }),
    async current(api, locationId, staffId) {
      const m = (await api.staff(locationId)).find((x) => x.id === staffId);
      return m ? { imageGroupId: m.imageGroupId, url: m.avatarBig ?? m.avatar } : null;
    },
    notInCatalogue: 'This team member is not in the catalogue on this desk. Sync and try again.',
    goneFromAltegio: 'This team member is no longer on Altegio.',
    noPhoto: (name) => `${name} has no photo on Altegio to remove.`,
    needsManager:
      'Your Altegio role does not allow changing team members’ photos at this location. It is kept here until a manager sends it.',
  };
}

export function serviceSubject(store: PhotoStore): SubjectPort {
  return {
    subject: 'service',
    entity: 'service',
    mediaDir: 'services',
    store,
    upload: (api, locationId, serviceId, jpeg, fileName) =>
      api.uploadServicePhoto({ locationId, serviceId, jpeg, fileName }),
    /**
     * The one service, read again (GET /company/{id}/services/{service_id}): the description documents
     * its `image_group` there, while the list example of the deprecated /services/{id} has none. A 404
     * means the service is gone.
     */
    async current(api, locationId, serviceId) {
      try {
        // null from Altegio is "no photo", not "no service".
        return serviceImageOf(await api.serviceCopy(locationId, serviceId)) ?? { imageGroupId: null, url: null };
      } catch (e) {
        if (isAppError(e) && e.code === 'NOT_FOUND') return null;
        throw e;
      }
    },
    notInCatalogue: 'This service is not in the catalogue on this desk. Sync and try again.',
    goneFromAltegio: 'This service is no longer on Altegio.',
    noPhoto: (title) => `“${title}” has no photo on Altegio to remove.`,
    needsManager:
      'Your Altegio role does not allow changing services at this location. It is kept here until a manager sends it.',
  };
}

export function notFound(message: string): AppError {
  return new AppError('NOT_FOUND', message);
}
