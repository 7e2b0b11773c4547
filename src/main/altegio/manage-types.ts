/** Manager mode's requests and answers (POST /service_categories, POST /services, GET /user/permissions). */

/** The `settings` section of GET /user/permissions/{location_id}; a right the answer leaves out is false. */
export interface CatalogRights {
  settingsAccess: boolean;
  servicesAccess: boolean;
  createServices: boolean;
  editServices: boolean;
  categoriesAccess: boolean;
  /** Settings → General (settings_basis_access): the location's name, address, phones, site. */
  basisAccess?: boolean;
  /** Settings → Information (settings_information_access): the location's descriptions. */
  informationAccess?: boolean;
  /** Services → delete services (services_delete). */
  deleteServices?: boolean;
  /** Services → image uploads and changes (settings_services_edit_image_access). */
  imageAccess?: boolean;
}

/** The body of POST /service_categories/{location_id} (service_categories_companyid_request_data_types). */
export interface NewCategoryBody {
  title: string;
  api_id: string;
  weight?: number;
  staff: number[];
}

/** The body of POST /services/{location_id} (services_companyid_request_data_types). */
export interface NewServiceBody {
  title: string;
  category_id: number;
  price_min: number;
  price_max: number;
  /** Seconds. */
  duration: number;
  /** Seconds, a multiple of 300 up to 3600; null: the location's default. */
  technical_break_duration: number | null;
  comment: string;
  /** 1: bookable online. */
  active: 0 | 1;
  api_id: string;
  staff: { id: number; seance_length: number }[];
}

/** What a created or listed category or service is known by: Altegio's id and the desk's api_id. */
export interface CreatedRef {
  id: number;
  apiId: string;
}

/**
 * A service as GET /company/{location_id}/services/{service_id} answers it: every field Altegio sent is
 * kept (the description leaves the object open), so a write can send back what the desk does not show.
 */
export type ServiceCopy = Record<string, unknown> & { id: number };

/** The body of PUT /services/{location_id}/{service_id} (services_companyid_request_data_types), full. */
export interface ServiceUpdateBody {
  title: string;
  category_id: number;
  price_min: number;
  price_max: number;
  duration: number;
  technical_break_duration: number | null;
  discount?: number;
  comment: string;
  weight?: number;
  active: 0 | 1;
  api_id?: string;
  staff: { id: number; seance_length: number }[];
}
