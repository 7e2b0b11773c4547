import { z } from 'zod';
import { flag, id, listOf, text } from './lenient';
import type { CatalogRights, CreatedRef, NewCategoryBody, NewServiceBody } from './manage-types';
import type { ApiRequest } from './transport';

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
}

/**
 * Built on the client's own get/post (same limiter, errors). A POST is never retried by the transport
 * on a lost answer; the outbox looks the api_id up instead (Altegio has no idempotency key).
 */
export function manageMethods(get: Call, post: Call): ManageMethods {
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
  };
}
