/**
 * The location card (issue 22 §3): the fields of PUT /company/{id} a manager edits at the desk.
 * Flat, so a change, a "what will change" row and a conflict are all one field name each.
 */

export const SOCIAL_NETWORKS = ['instagram', 'facebook', 'telegram', 'whatsapp', 'viber', 'vk'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export interface LocationFields {
  title: string;
  address: string;
  zip: string;
  city: string;
  /** As Altegio keeps them (digits, optionally with +). */
  phones: string[];
  site: string;
  shortDescr: string;
  /** HTML from Altegio. */
  description: string;
  social: Record<SocialNetwork, string>;
}

export type LocationField = Exclude<keyof LocationFields, 'social'> | `social.${SocialNetwork}`;
export type FieldValue = string | string[];

export const LOCATION_FIELDS: readonly LocationField[] = [
  'title',
  'address',
  'zip',
  'city',
  'phones',
  'site',
  'shortDescr',
  'description',
  ...SOCIAL_NETWORKS.map((n) => `social.${n}` as const),
];

/** A manager's edit: only the fields they changed. */
export type LocationChanges = Partial<Record<LocationField, FieldValue>>;

export function fieldValue(f: LocationFields, field: LocationField): FieldValue {
  if (field.startsWith('social.')) return f.social[field.slice('social.'.length) as SocialNetwork];
  return f[field as Exclude<LocationField, `social.${string}`>];
}

export function withValue(f: LocationFields, field: LocationField, v: FieldValue): LocationFields {
  if (field.startsWith('social.')) return { ...f, social: { ...f.social, [field.slice('social.'.length)]: String(v) } };
  return { ...f, [field]: v };
}

const norm = (v: FieldValue): string =>
  Array.isArray(v) ? JSON.stringify(v.map((p) => p.replace(/[^\d]/g, ''))) : v.trim();

/** Phones compare by their digits: "+1 (212) 555-0175" and "12125550175" are one number. */
export const sameValue = (a: FieldValue, b: FieldValue): boolean => norm(a) === norm(b);

export interface FieldChange {
  field: LocationField;
  before: FieldValue;
  after: FieldValue;
}

/** "What will change": every field whose new value differs from Altegio's copy. */
export function diffLocation(base: LocationFields, changes: LocationChanges): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of LOCATION_FIELDS) {
    const after = changes[field];
    if (after === undefined) continue;
    const before = fieldValue(base, field);
    if (!sameValue(before, after)) out.push({ field, before, after });
  }
  return out;
}

/**
 * A conflict is a field the manager changed that Altegio also changed since the form opened (to
 * something else than the manager's value). A change there to another field is no conflict: the
 * merge keeps it.
 */
export function conflictingFields(
  base: LocationFields,
  changes: LocationChanges,
  theirs: LocationFields,
): LocationField[] {
  return diffLocation(base, changes)
    .filter(
      (c) =>
        !sameValue(fieldValue(theirs, c.field), fieldValue(base, c.field)) &&
        !sameValue(fieldValue(theirs, c.field), c.after),
    )
    .map((c) => c.field);
}

export interface LocationRightsView {
  /** Settings → General (settings_basis_access): title, address, phones, site, social links. */
  edit: boolean;
  /** Settings → Information (settings_information_access) as well: the descriptions. */
  editDescription: boolean;
  readOnlyReason: 'no-rights' | 'not-checked' | null;
}

/** One queued edit of the location card, as the card shows it. */
export interface LocationItem {
  id: number;
  locationId: number;
  /** conflict: Altegio changed a field the manager changed too; `theirs` holds its copy. */
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'needs-manager' | 'conflict';
  changes: LocationChanges;
  base: LocationFields;
  theirs: LocationFields | null;
  /** In a conflict: the fields both sides changed. */
  conflicts: LocationField[];
  queuedBy: string;
  lastError: { code: string; message: string } | null;
  /** Set when the local or Altegio phone check refused a number: which, and why. */
  phoneIssue: { phone: string; reason: string } | null;
  createdAt: string;
}

export interface LocationCard {
  locationId: number;
  /** Altegio's copy: fresh when `fromAltegio`, else the copy last read at this desk (offline). */
  fields: LocationFields | null;
  fromAltegio: boolean;
  readAt: string | null;
  rights: LocationRightsView;
  /** The country phones are typed for (ISO 3166 alpha-2), null when unknown. */
  country: string | null;
  /** The latest change from this desk not yet brought in (or refused, or in conflict). */
  pending: LocationItem | null;
}

export const TEXT_MAX = 255;
export const DESCRIPTION_MAX = 10_000;
