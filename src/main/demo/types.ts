/**
 * The demo server's data, in a plain form the handlers turn into Altegio's wire bodies.
 * Dates are YYYY-MM-DD in the location's own timezone; durations and timestamps in seconds.
 */

export interface DemoUser {
  id: number;
  login: string;
  phone: string;
  password: string;
  name: string;
  email: string;
  userToken: string;
  /** Locations this user manages; all when absent. */
  locationIds?: number[];
  /**
   * A receptionist account has no analytics rights, may not switch tips on or off, and may not change the
   * service catalogue (403; its GET /user/permissions says so). A service editor may change services and
   * nothing else of the menu or the location (Altegio's `services_edit` without the create, delete and image
   * rights). Manager when absent.
   */
  role?: 'manager' | 'editor' | 'receptionist';
}

export interface DemoCompany {
  id: number;
  title: string;
  shortDescr: string;
  country: string;
  city: string;
  address: string;
  zip: string;
  phones: string[];
  email: string;
  site: string;
  timezoneName: string;
  /** Hours from UTC in winter, as Altegio's `timezone` field. */
  timezoneOffset: number;
  currencyShortTitle: string;
  /** What the Z-report's `currency` says for this location (an ISO code or a symbol, like the live API). */
  reportCurrency: string;
  schedule: string;
  coordinate: { lat: number; lon: number };
  /** HTML, as Altegio keeps it; absent: a paragraph of the short description. */
  description?: string;
  /** Social links by network (PUT /company/{id} `social`). */
  social?: Record<string, string>;
}

export interface DemoCategory {
  id: number;
  title: string;
  weight: number;
  staffIds: number[];
  /** The creator's external id (POST /service_categories), '' for the seed. */
  apiId?: string;
}

export interface DemoServiceLink {
  id: number;
  /** Seconds this member needs. */
  seanceLength: number;
  price?: number;
}

export interface DemoService {
  id: number;
  categoryId: number;
  title: string;
  priceMin: number;
  priceMax: number;
  /** Seconds. */
  duration: number;
  weight: number;
  active: boolean;
  comment: string;
  staff: DemoServiceLink[];
  /** The creator's external id (POST /services), '' for the seed. */
  apiId?: string;
  /** Seconds; null: the location's default. */
  technicalBreak?: number | null;
  /** A photo bound by POST /images/service (company_id + service_id); Altegio makes one `basic` version. */
  photo?: DemoServicePhoto | null;
}

export interface DemoServicePhoto {
  imageGroupId: number;
  path: string;
  width: number;
  height: number;
  type: 'jpeg' | 'png';
}

export type PhotoVersion = 'sm' | 'norm' | 'origin';

export interface DemoPhoto {
  imageGroupId: number;
  /** Server-relative paths, e.g. /uploads/masters/sm/123_ab12.jpg. */
  paths: Record<PhotoVersion, string>;
  sizes: Record<PhotoVersion, { width: number; height: number }>;
}

export interface DemoStaffMember {
  id: number;
  name: string;
  specialization: string;
  position: { id: number; title: string } | null;
  information: string;
  rating: number;
  weight: number;
  fired: boolean;
  hidden: boolean;
  deleted: boolean;
  /** Background colour of the generated portrait. */
  color: string;
  photo: DemoPhoto | null;
}

export interface DemoLicense {
  name: string;
  startDate: string;
  endDate: string;
  active: boolean;
  staffLimit: number;
  options: { id: number; title: string }[];
}

export interface DemoPayment {
  /** Free text like Altegio's: "Cash", "Card", "Card: Gold Card". */
  type: string;
  amount: number;
  loyalty: number;
}

export interface DemoOperation {
  title: string;
  firstCost: number;
  discount: number;
  resultCost: number;
  payments: DemoPayment[];
}

export interface DemoVisit {
  /** Unix seconds of the visit start; the z_data key. */
  at: number;
  client: { id: number; name: string; phone: string; email: string };
  masters: { masterId: number; services: DemoOperation[]; goods: DemoOperation[]; others: DemoOperation | null }[];
}

export interface DemoTips {
  id: number;
  staffId: number;
  status: 3 | 4;
  isEnabled: boolean;
}

export interface DemoLocation {
  company: DemoCompany;
  categories: DemoCategory[];
  services: DemoService[];
  staff: DemoStaffMember[];
  license: DemoLicense;
  /** Cash desks / accounts, in the order the Z-report lists them. */
  accounts: string[];
  /** Sales by local date (YYYY-MM-DD). Days not listed had no sales. */
  days: Record<string, DemoVisit[]>;
  tips: DemoTips[];
  /** Online booking forms (GET /company/{id}?showBookforms=1); none when absent. */
  bookforms?: DemoBookform[];
}

export interface DemoBookform {
  id: number;
  title: string;
  isDefault: boolean;
  url: string;
}

export interface DemoDataset {
  partnerToken: string;
  users: DemoUser[];
  locations: DemoLocation[];
}
