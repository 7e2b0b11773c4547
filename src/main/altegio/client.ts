import { bookformMethods } from './bookforms-client';
import { locationMethods } from './location-client';
import { manageMethods } from './manage-client';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { isoToDotted } from './dates';
import { unexpectedAnswer } from './errors';
import { ALTEGIO_BUDGET, RateLimiter, type Lane } from './rate-limiter';
import {
  authUserSchema,
  companiesSchema,
  companySchema,
  licenseSchema,
  serviceCategoriesSchema,
  servicesSchema,
  staffSchema,
  tipsSettingsSchema,
  uploadedImageSchema,
  validatePhoneSchema,
  zReportSchema,
} from './schemas';
import { requireData } from './require-data';
import { loyaltyMethods } from './loyalty-client';
import { todayMethods } from './today-client';
import { Transport, type ApiRequest } from './transport';
import type { AltegioApi, Credentials, Vendor } from './types';

/**
 * Which path form of the services/categories lists an environment answers: `company` is
 * /company/{id}/services, `location` the documented /services/{location_id}. Shared by every client
 * of one environment so a 404 is paid for once, not after every sign-in.
 */
export interface EndpointMemory {
  services?: 'company' | 'location';
  categories?: 'company' | 'location';
}

export interface AltegioClientOptions {
  /** Remembers which list endpoints work on this environment (see EndpointMemory). */
  endpointMemory?: EndpointMemory;
  /** Called when the memory learns a form, so it can be kept across restarts (a 404 is paid once). */
  onEndpointLearned?: (memory: EndpointMemory) => void;
  /** e.g. https://api.alteg.io/api/v1 or the demo server's URL. */
  baseUrl: string;
  vendor: Vendor;
  /** Read on every request, so a new sign-in or sign-out is picked up at once. */
  credentials: () => Credentials | Promise<Credentials>;
  /** Shared limiter (Altegio counts per IP); by default one per client. */
  limiter?: RateLimiter;
  /** `urgent`: a receptionist waits for these requests; they go before queued background ones. */
  lane?: Lane;
  timeoutMs?: number;
  /** Retries of GETs after network errors and 5xx. */
  retries?: number;
  max429Retries?: number;
  /** Called on every 401 (the session service ends the session). */
  onUnauthorized?: (message: string) => void;
  /** false after a network failure, true after any HTTP response. */
  onConnectivity?: (online: boolean) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Electron's net.fetch in the app (system proxy, OS trust store); Node's fetch when absent. */
  fetch?: typeof globalThis.fetch | undefined;
}

function parse<S extends z.ZodType>(schema: S, data: unknown, endpoint: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw unexpectedAnswer({ endpoint }, issues);
}

/** The one Altegio client: every environment (Altegio, YCLIENTS, demo, custom) differs only in options. */
export function createAltegioClient(opts: AltegioClientOptions): AltegioApi {
  const limiter =
    opts.limiter ??
    new RateLimiter({
      ...ALTEGIO_BUDGET,
      // Its own limiter has no one else's requests to keep slots for (the app passes the shared one).
      urgentReserve: { perSecond: 0, perMinute: 0 },
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    });
  const transport = new Transport({
    baseUrl: opts.baseUrl,
    vendor: opts.vendor,
    credentials: opts.credentials,
    limiter,
    lane: opts.lane,
    timeoutMs: opts.timeoutMs ?? 15_000,
    retries: opts.retries ?? 2,
    max429Retries: opts.max429Retries ?? 2,
    onUnauthorized: opts.onUnauthorized,
    onConnectivity: opts.onConnectivity,
    sleep: opts.sleep,
    random: opts.random,
    fetch: opts.fetch,
  });

  const get = async <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>): Promise<z.output<S>> =>
    parse(schema, await transport.request({ ...req, method: 'GET', auth: 'user' }), req.endpoint);

  const memory: EndpointMemory = opts.endpointMemory ?? {};
  const isNotFound = (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND' && e.details?.['status'] === 404;

  /** Tries the remembered form first; on a 404 from the other one, tries the documented form and remembers it. */
  async function eitherForm<T>(
    key: keyof EndpointMemory,
    company: () => Promise<T>,
    location: () => Promise<T>,
  ): Promise<T> {
    const learn = (form: 'company' | 'location') => {
      if (memory[key] === form) return;
      memory[key] = form;
      opts.onEndpointLearned?.(memory);
    };
    if (memory[key] === 'location') return location();
    try {
      const out = await company();
      learn('company');
      return out;
    } catch (e) {
      if (memory[key] === 'company' || !isNotFound(e)) throw e;
      const out = await location();
      learn('location');
      return out;
    }
  }
  const post = async <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>): Promise<z.output<S>> =>
    parse(schema, await transport.request({ ...req, method: 'POST', auth: 'user' }), req.endpoint);

  const put = async <S extends z.ZodType>(schema: S, req: Omit<ApiRequest, 'method' | 'auth'>): Promise<z.output<S>> =>
    parse(schema, await transport.request({ ...req, method: 'PUT', auth: 'user' }), req.endpoint);

  const services = (locationId: number, staffId?: number) =>
    eitherForm(
      'services',
      () =>
        get(servicesSchema, {
          endpoint: 'GET /company/{id}/services',
          path: `/company/${locationId}/services`,
          query: { staff_id: staffId },
        }),
      () =>
        get(servicesSchema, {
          endpoint: 'GET /services/{location_id}',
          path: `/services/${locationId}`,
          query: { staff_id: staffId },
        }),
    );

  return {
    async auth(login, password) {
      const endpoint = 'POST /auth';
      const data = await transport.request({
        method: 'POST',
        endpoint,
        path: '/auth',
        body: { login, password },
        auth: 'partner',
      });
      return parse(authUserSchema, data, endpoint);
    },
    myCompanies: () => get(companiesSchema, { endpoint: 'GET /companies', path: '/companies', query: { my: 1 } }),
    company: (locationId) => get(companySchema, { endpoint: 'GET /company/{id}', path: `/company/${locationId}` }),
    // The description's list forms are /company/{location_id}/service_categories/{id} and the deprecated
    // /service_categories/{location_id}/{id}, "id (optional) - to work with a specific category": the
    // list is the path with the id left out. (/service_categories/{location_id} alone is POST only.)
    serviceCategories: (locationId) =>
      eitherForm(
        'categories',
        () =>
          get(serviceCategoriesSchema, {
            endpoint: 'GET /company/{id}/service_categories/',
            path: `/company/${locationId}/service_categories/`,
          }),
        () =>
          get(serviceCategoriesSchema, {
            endpoint: 'GET /service_categories/{location_id}/',
            path: `/service_categories/${locationId}/`,
          }),
      ),
    services: (locationId) => services(locationId),
    servicesOfStaff: (locationId, staffId) => services(locationId, staffId),
    staff: (locationId) => get(staffSchema, { endpoint: 'GET /staff/{id}', path: `/staff/${locationId}` }),
    license: (locationId) => get(licenseSchema, { endpoint: 'GET /license/{id}', path: `/license/${locationId}` }),
    zReport(locationId, date, staffId) {
      const day = isoToDotted(date);
      return get(zReportSchema, {
        endpoint: 'GET /reports/z_report/{id}',
        path: `/reports/z_report/${locationId}`,
        query: { start_date: day, end_date: day, master_id: staffId },
      });
    },
    async uploadStaffPhoto({ staffId, jpeg, fileName }) {
      const endpoint = 'POST /images/{entity}';
      const form = new FormData();
      form.append('image', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), fileName);
      form.append('master_id', String(staffId));
      const data = await transport.request({
        method: 'POST',
        endpoint,
        path: '/images/master',
        body: form,
        auth: 'user',
      });
      return parse(uploadedImageSchema, data, endpoint);
    },
    async uploadServicePhoto({ locationId, serviceId, jpeg, fileName }) {
      const endpoint = 'POST /images/{entity}';
      const form = new FormData();
      form.append('image', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), fileName);
      // The description binds a service's image with both ids; without them the group stays unbound.
      form.append('company_id', String(locationId));
      form.append('service_id', String(serviceId));
      const data = await transport.request({
        method: 'POST',
        endpoint,
        path: '/images/service',
        body: form,
        auth: 'user',
      });
      return parse(uploadedImageSchema, data, endpoint);
    },
    async deleteImage({ entity, imageGroupId }) {
      const form = new FormData();
      form.append('image_group_id', String(imageGroupId));
      await transport.request({
        method: 'DELETE',
        endpoint: 'DELETE /images/{entity}',
        path: `/images/${entity}`,
        body: form,
        auth: 'user',
      });
    },
    validatePhone: (phone) =>
      get(validatePhoneSchema, {
        endpoint: 'GET /validation/validate_phone/{phone}',
        path: `/validation/validate_phone/${encodeURIComponent(phone.trim())}`,
      }),
    tipsSettings: (locationId) =>
      get(requireData(tipsSettingsSchema), {
        endpoint: 'GET /tips/{id}/settings',
        path: `/tips/${locationId}/settings`,
      }),
    download: (url) => transport.download(url, 'GET picture'),
    ...todayMethods(get, post),
    ...loyaltyMethods(get),
    ...manageMethods(get, post, (req) => transport.request({ ...req, auth: 'user' })),
    ...bookformMethods(get),
    ...locationMethods(get, put),
  };
}
