import { z } from 'zod';
import type {
  CategoryList,
  Listed,
  LocationCard,
  LocationSummary,
  LocationSynonym,
  SearchPage,
  ServiceDetail,
  StaffMember,
  SyncLocationState,
  SyncStatus,
} from '../domain/catalog';
import { channel } from './define';
import { id, locationRef, none } from './schemas';

export const MAX_LOCATION_SYNONYMS = 200;
export const MAX_SYNONYM_LENGTH = 60;
const synonymText = z
  .string()
  .trim()
  .min(1, 'type a word or a few words')
  .max(MAX_SYNONYM_LENGTH, `at most ${MAX_SYNONYM_LENGTH} characters`);

export const catalogChannels = {
  'catalog.locations': channel(none).returns<Listed<LocationSummary>>(),
  'catalog.location': channel(z.object({ id }).strict()).returns<LocationCard>(),
  'catalog.search': channel(
    z
      .object({
        locationId: id,
        query: z.string().max(200),
        categoryId: id.optional(),
        staffId: id.optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ).returns<SearchPage>(),
  'catalog.service': channel(z.object({ locationId: id, id }).strict()).returns<ServiceDetail>(),
  'catalog.categories': channel(z.object({ locationId: id, staffId: id.optional() }).strict()).returns<CategoryList>(),
  /** The location's own search lines ("X means Y"), kept on this desk. */
  'catalog.synonyms': channel(locationRef).returns<LocationSynonym[]>(),
  /** Replaces the location's own search lines as a whole; an empty list removes them. */
  'catalog.setSynonyms': channel(
    z
      .object({
        locationId: id,
        items: z
          .array(z.object({ words: synonymText, means: synonymText }).strict())
          .max(MAX_LOCATION_SYNONYMS, `at most ${MAX_LOCATION_SYNONYMS} lines`),
      })
      .strict(),
  ).returns<LocationSynonym[]>(),
  'staff.list': channel(locationRef).returns<Listed<StaffMember>>(),
  'sync.run': channel(z.object({ locationId: id.optional() }).strict().optional()).returns<SyncLocationState[]>(),
  'sync.status': channel(none).returns<SyncStatus>(),
  /** The OS's online/offline event, as a hint: main probes Altegio before believing "online". */
  'sync.connectivityHint': channel(z.object({ online: z.boolean() }).strict()).returns<{ online: boolean }>(),
  /** A person confirmed that the locations Altegio stopped listing may be removed from this desk. */
  'sync.confirmRemoval': channel(none).returns<{ removed: number[] }>(),
};
