import type {
  AnalyticsOverall,
  AnalyticsQuery,
  ChartSeries,
  ChartSlice,
  DailyChart,
  ScheduleDay,
  ShareChart,
} from './today-types';
import type { BookformMethods } from './bookforms-client';
import type { LocationMethods } from './location-client';
import type { ManageMethods } from './manage-client';
import type { LoyaltyProgram, LoyaltyQuery, LoyaltyStaffRow, LoyaltyVisits } from './loyalty-types';

/**
 * What the Altegio client hands to the services: normalised, typed, camelCase.
 * The zod schemas in ./schemas produce exactly these shapes from Altegio's inconsistent bodies.
 */

export type Vendor = 'altegio' | 'yclients';

export interface Credentials {
  partnerToken: string;
  userToken: string | null;
}

export interface AuthUser {
  id: number;
  userToken: string;
  name: string;
  avatar: string | null;
  phone: string | null;
  email: string | null;
}

export interface Company {
  id: number;
  title: string;
  address: string | null;
  city: string | null;
  phones: string[];
  email: string | null;
  site: string | null;
  timezoneName: string;
  /** What Altegio gives on the company: usually a symbol ("$", "€", "₸"). */
  currencyShortTitle: string | null;
  schedule: string | null;
  logo: string | null;
}

export interface ServiceCategory {
  id: number;
  title: string;
  weight: number;
  staffIds: number[];
}

export interface ServiceStaffLink {
  staffId: number;
  /** Seconds this member needs for the service. */
  seanceLengthSec: number;
  /** Where the API gives a per-member price. */
  price: number | null;
}

export interface Service {
  id: number;
  categoryId: number;
  title: string;
  priceMin: number;
  priceMax: number;
  durationSec: number;
  weight: number;
  active: boolean;
  comment: string | null;
  /**
   * The technical break after it, in seconds; null: the location's default. Absent: the answer did not say
   * (services_list_response documents it; older answers and other reads may leave it out).
   */
  technicalBreakSec?: number | null;
  /** null when the list did not carry the links (the documented list example does not). */
  staff: ServiceStaffLink[] | null;
  /** The service's photo (`image_group`); absent or null: none, or the list did not say. */
  image?: ServiceImage | null;
}

export interface ServiceImage {
  imageGroupId: number;
  /** Altegio's URL of the picture (the `basic` version for services). */
  url: string | null;
}

export interface StaffMemberRaw {
  id: number;
  name: string;
  specialization: string | null;
  position: { id: number; title: string } | null;
  /** null for Altegio's default "no-master" picture. */
  avatar: string | null;
  avatarBig: string | null;
  imageGroupId: number | null;
  weight: number;
  fired: boolean;
  hidden: boolean;
  deleted: boolean;
}

export interface License {
  plan: string | null;
  active: boolean;
  /** YYYY-MM-DD (Altegio sends dd.mm.yyyy). */
  startDate: string | null;
  endDate: string | null;
  staffLimit: number | null;
}

export interface ZPayment {
  accountsAmount: number;
  loyaltyAmount: number;
  paymentType: string;
}

export interface ZOperation {
  title: string;
  firstCost: number;
  discount: number;
  resultCost: number;
  transactions: ZPayment[];
}

export interface ZMaster {
  masterId: number;
  masterName: string;
  services: ZOperation[];
  goods: ZOperation[];
  others: ZOperation | null;
}

export interface ZClientEntry {
  /** Unix seconds, the z_data key. */
  timestamp: number;
  clientId: number;
  clientName: string;
  clientPhone: string | null;
  clientEmail: string | null;
  masters: ZMaster[];
}

export interface ZReport {
  stats: Record<string, number>;
  accounts: { title: string; amount: number }[];
  discounts: { title: string; amount: number }[];
  totals: { accounts: number; discount: number };
  entries: ZClientEntry[];
  /** z_data entries that could not be read and were skipped (missing: 0). */
  unreadable?: number;
  currency: string;
}

export interface UploadedImage {
  imageGroupId: number;
  bound: boolean;
  /** Keyed by version: basic, sm, norm, origin. */
  images: Record<string, { path: string; width: number; height: number }>;
}

export interface TipsSetting {
  id: number;
  staffId: number;
  isEnabled: boolean;
  statusTitle: string | null;
  /** 3 "pending account", 4 "everything is set"; null when not sent. */
  status: number | null;
  /** Where a client tips this member: landing_external, else master_tips_form_link. */
  link: string | null;
  staffName: string | null;
  staffAvatar: string | null;
}

/** Everything the app asks Altegio. One client for every environment; no branching per endpoint. */
export interface AltegioApi extends ManageMethods, BookformMethods, LocationMethods {
  auth(login: string, password: string): Promise<AuthUser>;
  myCompanies(): Promise<Company[]>;
  company(locationId: number): Promise<Company>;
  serviceCategories(locationId: number): Promise<ServiceCategory[]>;
  services(locationId: number): Promise<Service[]>;
  /** Services one member performs (fallback for links when the list lacks `staff`). */
  servicesOfStaff(locationId: number, staffId: number): Promise<Service[]>;
  staff(locationId: number): Promise<StaffMemberRaw[]>;
  license(locationId: number): Promise<License>;
  /** date as YYYY-MM-DD; sent as dd.mm.yyyy on the wire. */
  zReport(locationId: number, date: string, staffId?: number): Promise<ZReport>;
  uploadStaffPhoto(args: { staffId: number; jpeg: Uint8Array; fileName: string }): Promise<UploadedImage>;
  /** POST /images/service with company_id and service_id: the upload is bound to the service. */
  uploadServicePhoto(args: {
    locationId: number;
    serviceId: number;
    jpeg: Uint8Array;
    fileName: string;
  }): Promise<UploadedImage>;
  /** One service read again (GET /company/{id}/services/{service_id}): its photo, null when none. */
  deleteImage(args: { entity: 'master' | 'service'; imageGroupId: number }): Promise<void>;
  validatePhone(phone: string): Promise<boolean>;
  tipsSettings(locationId: number): Promise<TipsSetting[]>;
  /** POST /tips/{id}/settings/{settings_id}/enable|disable (a manager's action); answers the settings list. */
  setTipsEnabled(locationId: number, settingsId: number, enabled: boolean): Promise<TipsSetting[]>;
  /** Working intervals (HH:mm, location clock) per member and day, with busy intervals. */
  schedule(locationId: number, q: { from: string; to: string; staffIds?: number[] }): Promise<ScheduleDay[]>;
  /** GET /company/{id}?forBooking=1 → next_slot (ISO 8601 with offset), null when none is offered. */
  nextSlot(locationId: number): Promise<string | null>;
  analyticsOverall(locationId: number, q: AnalyticsQuery): Promise<AnalyticsOverall>;
  dailyChart(locationId: number, chart: DailyChart, q: AnalyticsQuery): Promise<ChartSeries[]>;
  shareChart(locationId: number, chart: ShareChart, q: AnalyticsQuery): Promise<ChartSlice[]>;
  /** Raw bytes of an image on Altegio's hosts (avatars), for the offline media cache. */
  download(url: string): Promise<Uint8Array>;
  /** Promotions active at the location (their ids are the loyalty analytics' `loyalty_program_id`). */
  loyaltyPrograms(locationId: number): Promise<LoyaltyProgram[]>;
  /** New, returning and lost clients of a period, and visits per day by new and earlier clients. */
  loyaltyVisits(locationId: number, q: LoyaltyQuery): Promise<LoyaltyVisits>;
  /** The same per team member. */
  loyaltyStaff(locationId: number, q: LoyaltyQuery): Promise<LoyaltyStaffRow[]>;
}
