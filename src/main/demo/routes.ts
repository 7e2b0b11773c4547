import { postAuth } from './handlers/auth';
import { getCompanies, getCompany, putCompany } from './handlers/companies';
import { deleteImage, postImage } from './handlers/images';
import { getZReport } from './handlers/reports';
import { getCompanyServices, getLegacyServices, getServiceCategories } from './handlers/services';
import { getStaff } from './handlers/staff';
import { getLicense, getTipsSettings, getValidatePhone } from './handlers/utilities';
import { getAnalyticsChart, getAnalyticsOverall } from './handlers/today-analytics';
import { getStaffSchedule } from './handlers/today-schedule';
import { postTipsToggle } from './handlers/today-tips';
import {
  deleteService,
  getUserPermissions,
  patchService,
  postService,
  postServiceCategory,
  putService,
} from './handlers/manage';
import { getLoyaltyPrograms, getLoyaltyStaff, getLoyaltyVisits } from './handlers/loyalty';
import type { Handler } from './state';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: RegExp;
  /** `partner`: the partner token is enough; `user`: PartnerUser endpoints (a User part is required). */
  access: 'partner' | 'user';
  /** GET /company/{id} documents its own 401/404 bodies. */
  companyErrors?: boolean;
  handler: Handler;
}

/** Paths are under /api/v1. Order matters only where patterns overlap (none do). */
export const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/auth$/, access: 'partner', handler: postAuth },
  { method: 'GET', pattern: /^\/companies$/, access: 'partner', handler: getCompanies },
  { method: 'GET', pattern: /^\/company\/(\d+)$/, access: 'partner', companyErrors: true, handler: getCompany },
  { method: 'GET', pattern: /^\/company\/(\d+)\/services(?:\/(\d+))?$/, access: 'user', handler: getCompanyServices },
  { method: 'GET', pattern: /^\/services\/(\d+)(?:\/(\d+))?$/, access: 'user', handler: getLegacyServices },
  // The description's list forms: /company/{location_id}/service_categories/{id} and the deprecated
  // /service_categories/{location_id}/{id}, id optional (left out: the whole list). The bare
  // /service_categories/{location_id} is POST only, so a GET there is 405, as on a description server.
  {
    method: 'GET',
    pattern: /^\/company\/(\d+)\/service_categories\/(\d*)$/,
    access: 'user',
    handler: getServiceCategories,
  },
  { method: 'GET', pattern: /^\/service_categories\/(\d+)\/(\d*)$/, access: 'user', handler: getServiceCategories },
  { method: 'GET', pattern: /^\/staff\/(\d+)(?:\/(\d+))?$/, access: 'user', handler: getStaff },
  { method: 'POST', pattern: /^\/images\/([a-z_]+)$/, access: 'user', handler: postImage },
  { method: 'DELETE', pattern: /^\/images\/([a-z_]+)$/, access: 'user', handler: deleteImage },
  { method: 'GET', pattern: /^\/reports\/z_report\/(\d+)$/, access: 'user', handler: getZReport },
  { method: 'GET', pattern: /^\/license\/(\d+)$/, access: 'partner', handler: getLicense },
  { method: 'GET', pattern: /^\/validation\/validate_phone\/([^/]+)$/, access: 'partner', handler: getValidatePhone },
  { method: 'GET', pattern: /^\/tips\/(\d+)\/settings$/, access: 'user', handler: getTipsSettings },
  // Today screen
  { method: 'GET', pattern: /^\/company\/(\d+)\/staff\/schedule$/, access: 'user', handler: getStaffSchedule },
  { method: 'GET', pattern: /^\/company\/(\d+)\/analytics\/overall$/, access: 'user', handler: getAnalyticsOverall },
  {
    method: 'GET',
    pattern: /^\/company\/(\d+)\/analytics\/overall\/charts\/([a-z_]+)$/,
    access: 'user',
    handler: getAnalyticsChart,
  },
  // As documented: enable is a GET, disable a POST.
  { method: 'GET', pattern: /^\/tips\/(\d+)\/settings\/(\d+)\/(enable)$/, access: 'user', handler: postTipsToggle },
  { method: 'POST', pattern: /^\/tips\/(\d+)\/settings\/(\d+)\/(disable)$/, access: 'user', handler: postTipsToggle },
  // Who comes back (loyalty analytics)
  {
    method: 'GET',
    pattern: /^\/company\/(\d+)\/loyalty\/programs\/search$/,
    access: 'user',
    handler: getLoyaltyPrograms,
  },
  {
    method: 'GET',
    pattern: /^\/company\/(\d+)\/analytics\/loyalty_programs\/visits$/,
    access: 'user',
    handler: getLoyaltyVisits,
  },
  {
    method: 'GET',
    pattern: /^\/company\/(\d+)\/analytics\/loyalty_programs\/staff$/,
    access: 'user',
    handler: getLoyaltyStaff,
  },
  // Manager mode: the catalogue's writes and the rights behind them. DELETE /company/{id} is never served.
  { method: 'GET', pattern: /^\/user\/permissions\/(\d+)$/, access: 'user', handler: getUserPermissions },
  { method: 'POST', pattern: /^\/service_categories\/(\d+)$/, access: 'user', handler: postServiceCategory },
  { method: 'POST', pattern: /^\/services\/(\d+)$/, access: 'user', handler: postService },
  { method: 'PUT', pattern: /^\/services\/(\d+)\/(\d+)$/, access: 'user', handler: putService },
  { method: 'PATCH', pattern: /^\/services\/(\d+)\/(\d+)$/, access: 'user', handler: patchService },
  { method: 'DELETE', pattern: /^\/services\/(\d+)\/(\d+)$/, access: 'user', handler: deleteService },
  // The location card: PUT merges (GET above reads it). DELETE /company/{id} stays 405.
  { method: 'PUT', pattern: /^\/company\/(\d+)$/, access: 'user', companyErrors: true, handler: putCompany },
];

export function findRoute(method: string, path: string): { route: Route; params: (string | undefined)[] } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

/** A path the API knows under another method: a description-driven server answers 405, not 404. */
export function pathKnown(path: string): boolean {
  return ROUTES.some((r) => r.pattern.test(path));
}
