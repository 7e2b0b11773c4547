import { z } from 'zod';
import { toIsoDate } from './dates';
import type { ServiceCopy } from './manage-types';
import {
  flag,
  id,
  idOrZero,
  isDefaultPicture,
  label,
  listOf,
  meta,
  num,
  numOr,
  numOrNull,
  objectOrEmpty,
  picture,
  text,
} from './lenient';
import type {
  AuthUser,
  Company,
  License,
  Service,
  ServiceCategory,
  ServiceImage,
  StaffMemberRaw,
  UploadedImage,
  ZClientEntry,
  ZMaster,
  ZOperation,
  ZReport,
} from './types';

/**
 * Response schemas: lenient where Altegio is inconsistent (meta, number types, `[]` for empty
 * objects, the "image_group " key), strict where the app depends on a field (ids, titles, names).
 * Each one turns the wire body into the camelCase types of ./types.
 */

/** The outer envelope; `data` is checked separately so a failure names the right field. */
export const envelopeSchema = z.object({
  success: z.boolean().optional(),
  data: z.unknown(),
  meta: meta,
});

export const authUserSchema = z
  .object({
    id: id,
    user_token: z.string().min(1),
    name: label,
    avatar: picture,
    phone: text,
    email: text,
  })
  .transform((u): AuthUser => ({
    id: u.id,
    userToken: u.user_token,
    name: u.name,
    avatar: u.avatar,
    phone: u.phone,
    email: u.email,
  }));

export const companySchema = z
  .object({
    id: id,
    title: label,
    address: text,
    city: text,
    phone: text,
    phones: listOf(z.unknown()).optional(),
    email: text,
    site: text,
    timezone_name: label,
    currency_short_title: text,
    schedule: text,
    logo: picture,
  })
  .transform((c): Company => {
    const phones = (c.phones ?? [])
      .filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
      .map(String);
    if (phones.length === 0 && c.phone) phones.push(c.phone);
    return {
      id: c.id,
      title: c.title,
      address: c.address,
      city: c.city,
      phones: phones.filter((p) => p.trim() !== ''),
      email: c.email,
      site: c.site,
      timezoneName: c.timezone_name,
      currencyShortTitle: c.currency_short_title,
      schedule: c.schedule,
      logo: c.logo,
    };
  });

export const companiesSchema = z.array(companySchema);

export const serviceCategorySchema = z
  .object({
    id: id,
    title: label,
    weight: numOr(0),
    staff: listOf(id).optional(),
  })
  .transform((c): ServiceCategory => ({ id: c.id, title: c.title, weight: c.weight, staffIds: c.staff ?? [] }));

export const serviceCategoriesSchema = z.array(serviceCategorySchema);

const serviceImageGroupSchema = z.object({
  id: numOrNull.optional(),
  images: z.record(z.string(), z.object({ path: z.string() }).partial()).optional(),
});

/**
 * A service's `image_group` (documented on the single-service answers; `[]` or `{}` without a photo): its id
 * and the picture's URL (`basic` is the version Altegio makes for services). Anything unreadable is no photo,
 * never a lost service.
 */
export const serviceImageSchema = z.unknown().transform((v): ServiceImage | null => {
  const r = objectOrEmpty(serviceImageGroupSchema).safeParse(v);
  const g = r.success ? r.data : null;
  if (!g || typeof g.id !== 'number' || g.id <= 0) return null;
  const images = g.images ?? {};
  const order = ['basic', 'origin', 'norm', 'sm'];
  const path = [...order.map((k) => images[k]?.path), ...Object.values(images).map((i) => i.path)].find(
    (p): p is string => typeof p === 'string' && p.trim() !== '' && !isDefaultPicture(p),
  );
  return { imageGroupId: g.id, url: path ?? null };
});

/**
 * GET /company/{id}/services/{service_id}, the one parser of its answer (service edits keep the whole
 * copy, service photos read its `image_group`): the description's schema is one object, its example a
 * list (meta total_count) although one service was asked for; both are read. Only the asked service
 * counts: null when the answer is about another one (the caller's NOT_FOUND), never someone else's copy.
 */
export function oneServiceSchema(serviceId: number) {
  const item = z.object({ id: id }).loose();
  return z.unknown().transform((v): ServiceCopy | null => {
    for (const raw of Array.isArray(v) ? v : [v]) {
      const r = item.safeParse(raw);
      if (r.success && r.data.id === serviceId) return r.data as ServiceCopy;
    }
    return null;
  });
}

/** The service's photo from its copy; null when it has none (or an unreadable one: no photo, never a lost service). */
export function serviceImageOf(copy: ServiceCopy): ServiceImage | null {
  return serviceImageSchema.parse(copy['image_group']);
}

const serviceStaffLinkSchema = z.object({
  id: id,
  seance_length: numOrNull,
  price: numOrNull.optional(),
});

export const serviceSchema = z
  .object({
    id: id,
    category_id: idOrZero,
    title: label,
    price_min: numOr(0),
    price_max: numOr(0),
    duration: numOrNull,
    weight: numOr(0),
    active: flag(true),
    comment: text,
    staff: listOf(serviceStaffLinkSchema).optional(),
    image_group: serviceImageSchema.optional(),
    technical_break_duration: z.unknown().optional(),
  })
  .transform((s): Service => {
    const durationSec = s.duration ?? 3600;
    return {
      id: s.id,
      categoryId: s.category_id,
      title: s.title,
      priceMin: s.price_min,
      priceMax: Math.max(s.price_max, s.price_min),
      durationSec,
      weight: s.weight,
      active: s.active,
      comment: s.comment,
      // Absent: the list did not say (the sync keeps what it had); null: Altegio says there is none.
      ...(s.image_group === undefined ? {} : { image: s.image_group }),
      ...(s.technical_break_duration === undefined
        ? {}
        : { technicalBreakSec: numOrNull.parse(s.technical_break_duration) }),
      staff:
        s.staff === undefined
          ? null
          : s.staff.map((l) => ({
              staffId: l.id,
              seanceLengthSec: l.seance_length ?? durationSec,
              price: l.price ?? null,
            })),
    };
  });

export const servicesSchema = z.array(serviceSchema);

const positionSchema = objectOrEmpty(z.object({ id: num, title: z.string() }).partial()).transform((p) =>
  p && typeof p.id === 'number' && typeof p.title === 'string' && p.title.trim() !== ''
    ? { id: p.id, title: p.title }
    : null,
);

const imageGroupRefSchema = objectOrEmpty(z.object({ id: numOrNull }).partial()).transform((g) => g?.id ?? null);

export const staffMemberSchema = z
  .object({
    id: id,
    name: label,
    specialization: text,
    position: positionSchema.optional(),
    avatar: picture,
    avatar_big: picture,
    image_group: imageGroupRefSchema.optional(),
    weight: numOr(0),
    fired: flag(false),
    hidden: flag(false),
    status: numOr(0),
  })
  .transform((m): StaffMemberRaw => ({
    id: m.id,
    name: m.name,
    specialization: m.specialization,
    position: m.position ?? null,
    avatar: m.avatar,
    avatarBig: m.avatar_big,
    imageGroupId: m.image_group ?? null,
    weight: m.weight,
    fired: m.fired,
    hidden: m.hidden,
    deleted: m.status === 1,
  }));

/** The team list itself must be there: a 2xx without data (null, empty body, 204) is not "nobody works here". */
const staffList = listOf(staffMemberSchema);
export const staffSchema = z.unknown().transform((v, ctx): z.output<typeof staffList> => {
  const r = v === null || v === undefined ? null : staffList.safeParse(v);
  if (r?.success) return r.data;
  for (const issue of r?.error.issues ?? [{ message: 'the team list is missing', path: [] }]) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
  }
  return z.NEVER;
});

const dateOrNull = text.transform((v) => (v === null ? null : toIsoDate(v.trim())));

export const licenseSchema = z
  .object({
    name: text,
    active: flag(false),
    start_date: dateOrNull,
    deactivation_date: dateOrNull,
    staff_limit: numOrNull,
  })
  .transform((l): License => ({
    plan: l.name,
    active: l.active,
    startDate: l.start_date,
    endDate: l.deactivation_date,
    staffLimit: l.staff_limit,
  }));

const zPaymentSchema = z.object({
  accounts_amount: numOr(0),
  loyalty_amount: numOr(0),
  payment_type: z.string().nullish(),
});

const zOperationSchema = z
  .object({
    item_title: z.string().nullish(),
    first_cost: numOr(0),
    discount: numOr(0),
    result_cost: numOr(0),
    transactions: listOf(zPaymentSchema),
  })
  .transform((o): ZOperation => ({
    title: o.item_title?.trim() || 'Untitled item',
    firstCost: o.first_cost,
    discount: o.discount,
    resultCost: o.result_cost,
    transactions: o.transactions.map((t) => ({
      accountsAmount: t.accounts_amount,
      loyaltyAmount: t.loyalty_amount,
      paymentType: t.payment_type ?? '',
    })),
  }));

const zMasterSchema = z
  .object({
    master_id: idOrZero,
    master_name: z.string(),
    service: listOf(zOperationSchema),
    good: listOf(zOperationSchema),
    others: objectOrEmpty(zOperationSchema).optional(),
  })
  .transform((m): ZMaster => ({
    masterId: m.master_id,
    masterName: m.master_name,
    services: m.service,
    goods: m.good,
    others: m.others ?? null,
  }));

const zClientSchema = z.object({
  client_id: idOrZero,
  client_name: z.string().nullish(),
  client_phone: text,
  client_email: text,
  masters: listOf(zMasterSchema),
});

/** Full ISO date-time with an offset or Z, as in the official example's z_data key. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A z_data key → Unix seconds. The official schema shows Unix seconds ("1481101200"), its example an
 * ISO date-time ("2026-09-21T23:00:00.000-05:00"); both are accepted. null for anything else.
 */
export function zDataKeySeconds(key: string): number | null {
  const k = key.trim();
  if (/^\d+$/.test(k)) return Number(k);
  if (!ISO_DATE_TIME.test(k)) return null;
  const ms = Date.parse(k);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/**
 * z_data: `[]` when empty, else clients keyed by visit time. One visit that cannot be read is
 * skipped and counted (the desk says so) instead of rejecting the whole day.
 */
const zDataSchema = z
  .union([z.array(z.unknown()), z.record(z.string(), z.unknown())])
  .transform((data): { entries: ZClientEntry[]; unreadable: number } => {
    const entries: ZClientEntry[] = [];
    let unreadable = 0;
    if (Array.isArray(data)) return { entries, unreadable: data.length };
    for (const [key, value] of Object.entries(data)) {
      const list = listOf(z.unknown()).safeParse(value);
      const items = list.success ? list.data : [value];
      const timestamp = zDataKeySeconds(key);
      for (const item of items) {
        const c = zClientSchema.safeParse(item);
        if (timestamp === null || !c.success) {
          unreadable++;
          continue;
        }
        entries.push({
          timestamp,
          clientId: c.data.client_id,
          clientName: c.data.client_name?.trim() || '',
          clientPhone: c.data.client_phone,
          clientEmail: c.data.client_email,
          masters: c.data.masters,
        });
      }
    }
    entries.sort((a, b) => a.timestamp - b.timestamp);
    return { entries, unreadable };
  });

const titledAmountSchema = z.object({ title: z.string(), amount: numOr(0) });

export const zReportSchema = z
  .object({
    stats: objectOrEmpty(z.record(z.string(), z.unknown())).transform((s) => {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(s ?? {})) {
        const n = num.safeParse(v);
        if (n.success) out[k] = n.data;
      }
      return out;
    }),
    paids: z.object({
      accounts: listOf(titledAmountSchema),
      discount: listOf(titledAmountSchema),
      total: objectOrEmpty(z.object({ accounts: numOr(0), discount: numOr(0) })).transform(
        (t) => t ?? { accounts: 0, discount: 0 },
      ),
    }),
    z_data: zDataSchema,
    currency: z.string(),
  })
  .transform((r): ZReport => ({
    stats: r.stats,
    accounts: r.paids.accounts,
    discounts: r.paids.discount,
    totals: r.paids.total,
    entries: r.z_data.entries,
    unreadable: r.z_data.unreadable,
    currency: r.currency,
  }));

const imageVersionSchema = z.object({ path: z.string().min(1), width: numOr(0), height: numOr(0) });

const imageGroupSchema = z.object({
  id: id,
  images: z.record(z.string(), imageVersionSchema),
});

/** Both documented examples spell the key "image_group " (trailing space); the field table says "image_group". */
export const uploadedImageSchema = z
  .object({
    image_binded: flag(false),
    'image_group ': imageGroupSchema.optional(),
    image_group: imageGroupSchema.optional(),
  })
  .transform((d, ctx): UploadedImage | typeof z.NEVER => {
    const group = d['image_group '] ?? d.image_group;
    if (!group) {
      ctx.addIssue({ code: 'custom', message: 'image_group is missing', path: ['image_group'] });
      return z.NEVER;
    }
    return { imageGroupId: group.id, bound: d.image_binded, images: group.images };
  });

export const validatePhoneSchema = z.object({ is_valid: flag(false) }).transform((d) => d.is_valid);

/** Tip settings live with the Today screen's endpoints (links, status, staff block). */
export {
  tipsSettingFullSchema as tipsSettingSchema,
  tipsSettingsFullSchema as tipsSettingsSchema,
} from './today-schemas';

/** Error bodies: `{success:false, meta:{message, errors}}` or `{errors:{code,message}, meta:{message}}`. */
export const errorBodySchema = z
  .object({
    meta: meta.optional(),
    errors: z.unknown().optional(),
    message: z.unknown().optional(),
  })
  .loose();

export { isDefaultPicture };
