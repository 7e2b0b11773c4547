import type { LocationCopy } from '../../src/main/altegio/location-client';
import type {
  AltegioApi,
  AuthUser,
  Company,
  License,
  Service,
  ServiceCategory,
  StaffMemberRaw,
  TipsSetting,
  UploadedImage,
  ZReport,
} from '../../src/main/altegio/types';
import type {
  AnalyticsOverall,
  AnalyticsQuery,
  ChartSeries,
  ChartSlice,
  DailyChart,
  ScheduleDay,
  ShareChart,
} from '../../src/main/altegio/today-types';
import type {
  LoyaltyProgram,
  LoyaltyQuery,
  LoyaltyStaffRow,
  LoyaltyVisits,
} from '../../src/main/altegio/loyalty-types';
import type {
  CatalogRights,
  CreatedRef,
  NewCategoryBody,
  NewServiceBody,
  ServiceCopy,
  ServiceUpdateBody,
} from '../../src/main/altegio/manage-types';
import type { Bookform } from '../../src/main/altegio/bookforms-client';
import { AppError } from '../../src/shared/errors';

/** One location's data as the real client would hand it over (already normalised). */
export interface FakeLocation {
  company: Company;
  categories: ServiceCategory[];
  services: Service[];
  staff: StaffMemberRaw[];
  license?: License;
  /** Services per member, for `servicesOfStaff`; derived from the links when absent. */
  servicesOfStaff?: Record<number, number[]>;
  zReports?: Record<string, ZReport>;
  tips?: TipsSetting[];
  /** Today screen: schedule days, next slot, analytics by "from|to", charts by name. */
  schedule?: ScheduleDay[];
  nextSlot?: string | null;
  overall?: Record<string, AnalyticsOverall>;
  daily?: Partial<Record<DailyChart, ChartSeries[]>>;
  shares?: Partial<Record<ShareChart, ChartSlice[]>>;
  /** Loyalty analytics: promotions, and answers computed from the query. */
  loyalty?: {
    programs: LoyaltyProgram[];
    visits: (q: LoyaltyQuery) => LoyaltyVisits;
    staff: (q: LoyaltyQuery) => LoyaltyStaffRow[];
  };
  /** Manager mode: the user's catalogue rights here (all false when absent), and the api_id of what was created. */
  rights?: CatalogRights;
  apiIds?: Record<number, string>;
  /** Online booking forms (GET /company/{id}?showBookforms=1); none when absent. */
  bookforms?: Bookform[];
  /** The location card as GET /company/{id} (+ the list's phones) gives it; built from `company` when absent. */
  copy?: LocationCopy;
}

export interface FakeDataset {
  user?: AuthUser;
  locations: FakeLocation[];
  /** URL → image bytes for `download`; unknown URLs answer NOT_FOUND. */
  images?: Record<string, Uint8Array>;
}

type Method = keyof AltegioApi;
/** Decides whether a call fails: return an error to throw it, or undefined to answer normally. */
export type FaultRule = (method: Method, args: unknown[]) => Error | undefined;

/**
 * An AltegioApi over an in-memory dataset, with a call log and injectable faults.
 * Good for unit tests of services; the demo server covers the HTTP side.
 */
export class FakeAltegio implements AltegioApi {
  readonly calls: { method: Method; args: unknown[] }[] = [];
  private faults: FaultRule[] = [];

  constructor(public data: FakeDataset) {}

  /** Adds a fault; returns a function that removes it. */
  fail(rule: FaultRule): () => void {
    this.faults.push(rule);
    return () => (this.faults = this.faults.filter((r) => r !== rule));
  }

  /** Shortcut: every call of `method` (optionally only for one location) throws `error`. */
  failOn(method: Method, error: Error, locationId?: number): () => void {
    return this.fail((m, args) =>
      m === method && (locationId === undefined || args[0] === locationId) ? error : undefined,
    );
  }

  count(method: Method): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  private async call<T>(method: Method, args: unknown[], answer: () => T): Promise<T> {
    this.calls.push({ method, args });
    await Promise.resolve(); // always asynchronous, like the network
    for (const rule of this.faults) {
      const e = rule(method, args);
      if (e) throw e;
    }
    return structuredClone(answer());
  }

  private loc(locationId: number): FakeLocation {
    const l = this.data.locations.find((x) => x.company.id === locationId);
    if (!l) throw new AppError('NOT_FOUND', 'Location not found.');
    return l;
  }

  auth(login: string, password: string): Promise<AuthUser> {
    return this.call('auth', [login], () => {
      if (!this.data.user || password === '') throw new AppError('AUTH_REQUIRED', 'Wrong login or password.');
      return this.data.user;
    });
  }
  myCompanies(): Promise<Company[]> {
    return this.call('myCompanies', [], () => this.data.locations.map((l) => l.company));
  }
  company(locationId: number): Promise<Company> {
    return this.call('company', [locationId], () => this.loc(locationId).company);
  }
  serviceCategories(locationId: number): Promise<ServiceCategory[]> {
    return this.call('serviceCategories', [locationId], () => this.loc(locationId).categories);
  }
  services(locationId: number): Promise<Service[]> {
    return this.call('services', [locationId], () => this.loc(locationId).services);
  }
  servicesOfStaff(locationId: number, staffId: number): Promise<Service[]> {
    return this.call('servicesOfStaff', [locationId, staffId], () => {
      const l = this.loc(locationId);
      const ids = l.servicesOfStaff?.[staffId];
      return l.services.filter((s) =>
        ids ? ids.includes(s.id) : (s.staff ?? []).some((link) => link.staffId === staffId),
      );
    });
  }
  staff(locationId: number): Promise<StaffMemberRaw[]> {
    return this.call('staff', [locationId], () => this.loc(locationId).staff);
  }
  license(locationId: number): Promise<License> {
    return this.call('license', [locationId], () => {
      const l = this.loc(locationId).license;
      if (!l) throw new AppError('NOT_FOUND', 'No licence for this location.');
      return l;
    });
  }
  zReport(locationId: number, date: string, staffId?: number): Promise<ZReport> {
    return this.call('zReport', [locationId, date, staffId], () => {
      const r = this.loc(locationId).zReports?.[date];
      if (!r) throw new AppError('NOT_FOUND', 'No report for this day.');
      return r;
    });
  }
  uploadStaffPhoto(args: { staffId: number; jpeg: Uint8Array; fileName: string }): Promise<UploadedImage> {
    return this.call('uploadStaffPhoto', [args.staffId, args.fileName], () => ({
      imageGroupId: 900000 + args.staffId,
      bound: true,
      images: { sm: { path: `https://assets.example/${args.staffId}-sm.jpg`, width: 100, height: 100 } },
    }));
  }
  uploadServicePhoto(args: {
    locationId: number;
    serviceId: number;
    jpeg: Uint8Array;
    fileName: string;
  }): Promise<UploadedImage> {
    return this.call('uploadServicePhoto', [args.locationId, args.serviceId, args.fileName], () => ({
      imageGroupId: 800000 + args.serviceId,
      bound: true,
      images: { basic: { path: `https://assets.example/s${args.serviceId}.jpg`, width: 372, height: 280 } },
    }));
  }
  deleteImage(args: { entity: 'master' | 'service'; imageGroupId: number }): Promise<void> {
    return this.call('deleteImage', [args.entity, args.imageGroupId], () => undefined);
  }
  validatePhone(phone: string): Promise<boolean> {
    return this.call('validatePhone', [phone], () => /^\+?\d{10,15}$/.test(phone));
  }
  tipsSettings(locationId: number): Promise<TipsSetting[]> {
    return this.call('tipsSettings', [locationId], () => this.loc(locationId).tips ?? []);
  }
  setTipsEnabled(locationId: number, settingsId: number, enabled: boolean): Promise<TipsSetting[]> {
    return this.call('setTipsEnabled', [locationId, settingsId, enabled], () => {
      const tips = this.loc(locationId).tips ?? [];
      const t = tips.find((x) => x.id === settingsId);
      if (!t) throw new AppError('NOT_FOUND', 'Tip settings not found.');
      t.isEnabled = enabled;
      return tips;
    });
  }
  schedule(locationId: number, q: { from: string; to: string; staffIds?: number[] }): Promise<ScheduleDay[]> {
    return this.call('schedule', [locationId, q], () =>
      (this.loc(locationId).schedule ?? []).filter(
        (d) => d.date >= q.from && d.date <= q.to && (!q.staffIds?.length || q.staffIds.includes(d.staffId)),
      ),
    );
  }
  nextSlot(locationId: number): Promise<string | null> {
    return this.call('nextSlot', [locationId], () => this.loc(locationId).nextSlot ?? null);
  }
  analyticsOverall(locationId: number, q: AnalyticsQuery): Promise<AnalyticsOverall> {
    return this.call('analyticsOverall', [locationId, q], () => {
      const o = this.loc(locationId).overall?.[`${q.from}|${q.to}`];
      if (!o) throw new AppError('NOT_FOUND', 'No analytics for this period.');
      return o;
    });
  }
  dailyChart(locationId: number, chart: DailyChart, q: AnalyticsQuery): Promise<ChartSeries[]> {
    return this.call('dailyChart', [locationId, chart, q], () => this.loc(locationId).daily?.[chart] ?? []);
  }
  shareChart(locationId: number, chart: ShareChart, q: AnalyticsQuery): Promise<ChartSlice[]> {
    return this.call('shareChart', [locationId, chart, q], () => this.loc(locationId).shares?.[chart] ?? []);
  }
  download(url: string): Promise<Uint8Array> {
    return this.call('download', [url], () => {
      const bytes = this.data.images?.[url];
      if (!bytes) throw new AppError('NOT_FOUND', 'Image not found.');
      return bytes;
    });
  }
  private loyaltyOf(locationId: number) {
    const l = this.loc(locationId).loyalty;
    if (!l) throw new AppError('NOT_FOUND', 'No loyalty analytics here.');
    return l;
  }
  loyaltyPrograms(locationId: number): Promise<LoyaltyProgram[]> {
    return this.call('loyaltyPrograms', [locationId], () => this.loyaltyOf(locationId).programs);
  }
  loyaltyVisits(locationId: number, q: LoyaltyQuery): Promise<LoyaltyVisits> {
    return this.call('loyaltyVisits', [locationId, q], () => this.loyaltyOf(locationId).visits(q));
  }
  loyaltyStaff(locationId: number, q: LoyaltyQuery): Promise<LoyaltyStaffRow[]> {
    return this.call('loyaltyStaff', [locationId, q], () => this.loyaltyOf(locationId).staff(q));
  }

  /** Manager mode: how many of the next creates reach Altegio but lose their answer (OFFLINE). */
  lostAnswers = 0;
  /** Every create that reached the data, with its body: duplicates show here. */
  readonly created: { kind: 'category' | 'service'; locationId: number; body: unknown }[] = [];
  private nextId = 900_000;
  catalogRights(locationId: number): Promise<CatalogRights> {
    return this.call('catalogRights', [locationId], () => {
      const r = this.loc(locationId).rights;
      return (
        r ?? {
          settingsAccess: false,
          servicesAccess: false,
          createServices: false,
          editServices: false,
          categoriesAccess: false,
        }
      );
    });
  }
  private async create(
    kind: 'category' | 'service',
    locationId: number,
    body: NewCategoryBody | NewServiceBody,
  ): Promise<CreatedRef> {
    const ref = await this.call(kind === 'category' ? 'createCategory' : 'createService', [locationId, body], () => {
      const l = this.loc(locationId);
      const id = this.nextId++;
      (l.apiIds ??= {})[id] = body.api_id;
      if (kind === 'category') {
        const b = body as NewCategoryBody;
        l.categories.push({ id, title: b.title, weight: b.weight ?? 0, staffIds: b.staff });
      } else {
        const b = body as NewServiceBody;
        l.services.push({
          id,
          categoryId: b.category_id,
          title: b.title,
          priceMin: b.price_min,
          priceMax: b.price_max,
          durationSec: b.duration,
          weight: 0,
          active: b.active === 1,
          comment: b.comment || null,
          staff: b.staff.map((x) => ({ staffId: x.id, seanceLengthSec: x.seance_length, price: null })),
        });
      }
      this.created.push({ kind, locationId, body });
      return { id, apiId: body.api_id };
    });
    if (this.lostAnswers > 0) {
      this.lostAnswers--;
      throw new AppError('OFFLINE', 'The connection dropped before Altegio answered.');
    }
    return ref;
  }
  createCategory(locationId: number, body: NewCategoryBody): Promise<CreatedRef> {
    return this.create('category', locationId, body);
  }
  createService(locationId: number, body: NewServiceBody): Promise<CreatedRef> {
    return this.create('service', locationId, body);
  }
  categoryRefs(locationId: number): Promise<CreatedRef[]> {
    return this.call('categoryRefs', [locationId], () => {
      const l = this.loc(locationId);
      return l.categories.map((c) => ({ id: c.id, apiId: l.apiIds?.[c.id] ?? '' }));
    });
  }
  serviceRefs(locationId: number): Promise<CreatedRef[]> {
    return this.call('serviceRefs', [locationId], () => {
      const l = this.loc(locationId);
      return l.services.map((c) => ({ id: c.id, apiId: l.apiIds?.[c.id] ?? '' }));
    });
  }
  bookforms(locationId: number): Promise<Bookform[]> {
    return this.call('bookforms', [locationId], () => this.loc(locationId).bookforms ?? []);
  }

  /** Fields of Altegio's service copy the desk neither shows nor edits (kept by a read-merge-write). */
  readonly extras = new Map<number, Record<string, unknown>>();
  /** Every PUT that reached the data, with its body. */
  readonly updates: { locationId: number; serviceId: number; body: ServiceUpdateBody }[] = [];
  readonly deleted: { locationId: number; serviceId: number }[] = [];
  private svc(locationId: number, serviceId: number): Service {
    const s = this.loc(locationId).services.find((x) => x.id === serviceId);
    if (!s) throw new AppError('NOT_FOUND', 'Service not found.', { status: 404 });
    return s;
  }
  private extra(serviceId: number): Record<string, unknown> {
    let e = this.extras.get(serviceId);
    if (!e) this.extras.set(serviceId, (e = { technical_break_duration: null, discount: 0, api_id: '' }));
    return e;
  }
  private lose(): void {
    if (this.lostAnswers > 0) {
      this.lostAnswers--;
      throw new AppError('OFFLINE', 'The connection dropped before Altegio answered.');
    }
  }
  serviceCopy(locationId: number, serviceId: number): Promise<ServiceCopy> {
    return this.call('serviceCopy', [locationId, serviceId], () => {
      const s = this.svc(locationId, serviceId);
      return {
        ...this.extra(serviceId),
        id: s.id,
        title: s.title,
        category_id: s.categoryId,
        price_min: s.priceMin,
        price_max: s.priceMax,
        duration: s.durationSec,
        comment: s.comment ?? '',
        weight: s.weight,
        active: s.active ? 1 : 0,
        staff: (s.staff ?? []).map((x) => ({ id: x.staffId, seance_length: x.seanceLengthSec })),
        // As Altegio writes it: `[]` without a photo.
        image_group: s.image
          ? { id: s.image.imageGroupId, images: s.image.url ? { basic: { path: s.image.url } } : {} }
          : [],
      };
    });
  }
  /** A PUT replaces what it sends, the staff links included (as Altegio does). */
  async updateService(locationId: number, serviceId: number, body: ServiceUpdateBody): Promise<void> {
    await this.call('updateService', [locationId, serviceId, body], () => {
      const s = this.svc(locationId, serviceId);
      Object.assign(s, {
        title: body.title,
        categoryId: body.category_id,
        priceMin: body.price_min,
        priceMax: body.price_max,
        durationSec: body.duration,
        comment: body.comment || null,
        weight: body.weight ?? s.weight,
        active: body.active === 1,
        staff: body.staff.map((x) => ({ staffId: x.id, seanceLengthSec: x.seance_length, price: null })),
      });
      const e = this.extra(serviceId);
      e['technical_break_duration'] = body.technical_break_duration;
      if (body.discount !== undefined) e['discount'] = body.discount;
      if (body.api_id !== undefined) e['api_id'] = body.api_id;
      this.updates.push({ locationId, serviceId, body: structuredClone(body) });
    });
    this.lose();
  }
  async deleteService(locationId: number, serviceId: number): Promise<void> {
    await this.call('deleteService', [locationId, serviceId], () => {
      this.svc(locationId, serviceId);
      const l = this.loc(locationId);
      l.services = l.services.filter((x) => x.id !== serviceId);
      this.deleted.push({ locationId, serviceId });
    });
    this.lose();
  }

  /** Location card: every PUT body that reached the data; `lostPutAnswers` of the next lose their answer. */
  readonly puts: { locationId: number; body: Record<string, unknown> }[] = [];
  lostPutAnswers = 0;
  private copyOf(locationId: number): LocationCopy {
    const l = this.loc(locationId);
    const c = l.company;
    l.copy ??= {
      fields: {
        title: c.title,
        address: c.address ?? '',
        zip: '',
        city: c.city ?? '',
        phones: [...c.phones],
        site: c.site ?? '',
        shortDescr: '',
        description: '',
        social: { instagram: '', facebook: '', telegram: '', whatsapp: '', viber: '', vk: '' },
      },
      rest: { social: {}, coordinate_lat: 40.7, coordinate_lon: -73.9, business_type_id: 1 },
    };
    return l.copy;
  }
  locationCopy(locationId: number): Promise<LocationCopy> {
    return this.call('locationCopy', [locationId], () => this.copyOf(locationId));
  }
  async updateLocation(locationId: number, body: Record<string, unknown>): Promise<void> {
    await this.call('updateLocation', [locationId, body], () => {
      const copy = this.copyOf(locationId);
      const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
      const f = copy.fields;
      copy.fields = {
        title: str('title') ?? f.title,
        address: str('address') ?? f.address,
        zip: str('zip') ?? f.zip,
        city: str('city') ?? f.city,
        phones: Array.isArray(body['phones']) ? (body['phones'] as string[]) : f.phones,
        site: str('site') ?? f.site,
        shortDescr: str('short_descr') ?? f.shortDescr,
        description: str('description') ?? f.description,
        social: { ...f.social, ...((body['social'] as Record<string, string>) ?? {}) },
      };
      const {
        title: _t,
        address: _a,
        zip: _z,
        city: _c,
        phones: _p,
        site: _s,
        short_descr: _d,
        description: _e,
        ...rest
      } = body;
      copy.rest = rest;
      this.puts.push({ locationId, body });
    });
    if (this.lostPutAnswers > 0) {
      this.lostPutAnswers--;
      throw new AppError('OFFLINE', 'The connection dropped before Altegio answered.');
    }
  }
}
