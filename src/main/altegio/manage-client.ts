import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { flag, id, listOf, text } from './lenient';
import { oneServiceSchema } from './schemas';
import type {
  CatalogRights,
  CreatedRef,
  NewCategoryBody,
  NewServiceBody,
  ServiceCopy,
  ServiceUpdateBody,
} from './manage-types';
import type { ApiRequest } from './transport';

type Send = (req: Omit<ApiRequest, 'auth'>) => Promise<unknown>;
type Call = <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>) => Promise<z.output<S>>;

const rightsSchema = z
  .object({
    settings: z
      .object({
        settings_access: flag(false),
        settings_services_access: flag(false),
        settings_services_create_access: flag(false),
        services_edit: flag(false),
        settings_services_relation_category_access: flag(false),
        settings_basis_access: flag(false),
        settings_information_access: flag(false),
        services_delete: flag(false),
        settings_services_edit_image_access: flag(false),
      })
      .optional(),
  })
  .transform((d): CatalogRights => ({
    settingsAccess: d.settings?.settings_access ?? false,
    servicesAccess: d.settings?.settings_services_access ?? false,
    createServices: d.settings?.settings_services_create_access ?? false,
    editServices: d.settings?.services_edit ?? false,
    categoriesAccess: d.settings?.settings_services_relation_category_access ?? false,
    basisAccess: d.settings?.settings_basis_access ?? false,
    informationAccess: d.settings?.settings_information_access ?? false,
    deleteServices: d.settings?.services_delete ?? false,
    imageAccess: d.settings?.settings_services_edit_image_access ?? false,
  }));

const refSchema = z
  .object({ id: id, api_id: text.optional() })
  .transform((r): CreatedRef => ({ id: r.id, apiId: r.api_id ?? '' }));

export interface ManageMethods {
  catalogRights(locationId: number): Promise<CatalogRights>;
  createCategory(locationId: number, body: NewCategoryBody): Promise<CreatedRef>;
  createService(locationId: number, body: NewServiceBody): Promise<CreatedRef>;
  /** Every category's id and api_id: how a create whose answer was lost is found again. */
  categoryRefs(locationId: number): Promise<CreatedRef[]>;
  serviceRefs(locationId: number): Promise<CreatedRef[]>;
  /**
   * Altegio's whole copy of one service: read before an edit is sent and after a lost answer, and for its
   * photo (serviceImageOf). The only read of GET /company/{id}/services/{service_id}.
   */
  serviceCopy(locationId: number, serviceId: number): Promise<ServiceCopy>;
  updateService(locationId: number, serviceId: number, body: ServiceUpdateBody): Promise<void>;
  deleteService(locationId: number, serviceId: number): Promise<void>;
}

/**
 * Built on the client's own get/post (same limiter, errors). A POST is never retried by the transport
 * on a lost answer; the outbox looks the api_id up instead (Altegio has no idempotency key).
 */
export function manageMethods(get: Call, post: Call, send: Send): ManageMethods {
  return {
    catalogRights: (locationId) =>
      get(rightsSchema, { endpoint: 'GET /user/permissions/{id}', path: `/user/permissions/${locationId}` }),
    createCategory: (locationId, body) =>
      post(refSchema, {
        endpoint: 'POST /service_categories/{id}',
        path: `/service_categories/${locationId}`,
        body: { ...body },
      }),
    createService: (locationId, body) =>
      post(refSchema, { endpoint: 'POST /services/{id}', path: `/services/${locationId}`, body: { ...body } }),
    // The documented list forms, with the id left out; both carry api_id.
    categoryRefs: (locationId) =>
      get(listOf(refSchema), {
        endpoint: 'GET /company/{id}/service_categories/',
        path: `/company/${locationId}/service_categories/`,
      }),
    serviceRefs: (locationId) =>
      get(listOf(refSchema), { endpoint: 'GET /services/{location_id}', path: `/services/${locationId}` }),
    // The current single form (the /services/{location_id}/{service_id} GET is marked deprecated).
    serviceCopy: async (locationId, serviceId) => {
      const endpoint = 'GET /company/{id}/services/{service_id}';
      const copy = await get(oneServiceSchema(serviceId), {
        endpoint,
        path: `/company/${locationId}/services/${serviceId}`,
      });
      if (!copy) throw new AppError('NOT_FOUND', 'This service is no longer on Altegio.', { endpoint });
      return copy;
    },
    // PUT, not PATCH: the description's PATCH body requires fields no documented read returns (booking_title,
    // is_multi, tax_variant, vat_id, seance_search_*, step…), so a desk could only invent them. PUT's body
    // (services_companyid_request_data_types) is exactly what the read gives back; it replaces the staff
    // links, so the full staff array is always re-sent from a fresh read (altegio-api.md §4).
    updateService: async (locationId, serviceId, body) => {
      await send({
        method: 'PUT',
        endpoint: 'PUT /services/{location_id}/{service_id}',
        path: `/services/${locationId}/${serviceId}`,
        body: { ...body },
      });
    },
    deleteService: async (locationId, serviceId) => {
      await send({
        method: 'DELETE',
        endpoint: 'DELETE /services/{location_id}/{service_id}',
        path: `/services/${locationId}/${serviceId}`,
      });
    },
  };
}
