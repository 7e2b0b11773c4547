import { checkNewService, type ManageIssue } from './manage';

/**
 * Editing a service that is already on Altegio (issue 22): what the form shows, which fields the manager
 * changed, and how a change is laid over Altegio's copy at send time. Pure, so the form and main agree.
 *
 * Three copies meet here: `base` (Altegio's copy when the form was opened), `mine` (the form) and `theirs`
 * (Altegio's copy read again just before sending). Only fields that differ between base and mine are the
 * manager's change; everything else is taken from theirs, so a change someone made on Altegio meanwhile to
 * another field is kept. A field both sides changed, to different values, is a conflict: never sent silently.
 */

/** The fields of a service the desk shows and edits, in the form's units (minutes). */
export interface ServiceFields {
  title: string;
  categoryId: number;
  priceMin: number;
  priceMax: number;
  durationMin: number;
  /** Each performer's own duration, minutes, in Altegio's order. */
  staff: { staffId: number; durationMin: number }[];
  bookableOnline: boolean;
  /** null: the location's usual break; else minutes. */
  breakMin: number | null;
  comment: string;
}

/** One comparable field; each performer is a field of their own (`staff:<id>`), so two people can change two. */
export type EditField =
  | 'title'
  | 'category'
  | 'priceMin'
  | 'priceMax'
  | 'duration'
  | 'bookableOnline'
  | 'break'
  | 'comment'
  | `staff:${number}`;

const PLAIN: Record<Exclude<EditField, `staff:${number}`>, keyof ServiceFields> = {
  title: 'title',
  category: 'categoryId',
  priceMin: 'priceMin',
  priceMax: 'priceMax',
  duration: 'durationMin',
  bookableOnline: 'bookableOnline',
  break: 'breakMin',
  comment: 'comment',
};

/** A performer's duration, or null when they do not perform the service in that copy. */
export function memberMinutes(s: ServiceFields, staffId: number): number | null {
  return s.staff.find((m) => m.staffId === staffId)?.durationMin ?? null;
}

export function staffField(staffId: number): EditField {
  return `staff:${staffId}`;
}

export function staffIdOf(field: EditField): number | null {
  return field.startsWith('staff:') ? Number(field.slice(6)) : null;
}

/** The value of one field in one copy (comparable with ===). */
export function valueOf(s: ServiceFields, field: EditField): string | number | boolean | null {
  const id = staffIdOf(field);
  if (id !== null) return memberMinutes(s, id);
  const v = s[PLAIN[field as keyof typeof PLAIN]];
  return typeof v === 'string' ? v.trim() : (v as number | boolean | null);
}

function fieldsOf(...copies: ServiceFields[]): EditField[] {
  const ids = [...new Set(copies.flatMap((c) => c.staff.map((m) => m.staffId)))];
  return [...(Object.keys(PLAIN) as EditField[]), ...ids.map(staffField)];
}

/** The manager's change: every field where the form differs from the copy it was opened on. */
export function changedFields(base: ServiceFields, mine: ServiceFields): EditField[] {
  return fieldsOf(base, mine).filter((f) => valueOf(base, f) !== valueOf(mine, f));
}

export interface Rebased {
  /** Fields changed here and on Altegio since base, to different values: the manager must choose. */
  conflicts: EditField[];
  /** Fields of the change Altegio does not have yet (empty: nothing left to send). */
  toSend: EditField[];
  /** Theirs with the change laid over it (conflicting fields keep theirs). */
  merged: ServiceFields;
}

/** Lays `fields` of `mine` over `target`; a performer's null removes them, a new one is appended. */
export function apply(target: ServiceFields, mine: ServiceFields, fields: EditField[]): ServiceFields {
  const out: ServiceFields = { ...target, staff: target.staff.map((m) => ({ ...m })) };
  for (const f of fields) {
    const id = staffIdOf(f);
    if (id === null) {
      const key = PLAIN[f as keyof typeof PLAIN];
      (out as unknown as Record<string, unknown>)[key] = mine[key];
      continue;
    }
    const want = memberMinutes(mine, id);
    const at = out.staff.findIndex((m) => m.staffId === id);
    if (want === null) {
      if (at >= 0) out.staff.splice(at, 1);
    } else if (at >= 0) out.staff[at]!.durationMin = want;
    else out.staff.push({ staffId: id, durationMin: want });
  }
  return out;
}

export function rebase(base: ServiceFields, mine: ServiceFields, theirs: ServiceFields): Rebased {
  const changed = changedFields(base, mine);
  const conflicts = changed.filter(
    (f) => valueOf(theirs, f) !== valueOf(base, f) && valueOf(theirs, f) !== valueOf(mine, f),
  );
  const toSend = changed.filter((f) => !conflicts.includes(f) && valueOf(theirs, f) !== valueOf(mine, f));
  return { conflicts, toSend, merged: apply(theirs, mine, toSend) };
}

/** A rule applies to a field the person changed (an odd value already on Altegio is not theirs to fix here). */
function concerns(i: ManageIssue, changed: EditField[]): boolean {
  const has = (f: EditField) => changed.includes(f);
  switch (i.field) {
    case 'memberDuration':
      return i.staffId !== undefined && has(staffField(i.staffId));
    case 'priceMin':
    case 'priceMax':
      return has('priceMin') || has('priceMax');
    case 'duration':
    case 'break':
    case 'comment':
    case 'title':
    case 'category':
      return has(i.field);
    default:
      return true;
  }
}

/** The new-service rules, for the fields an edit changes (the form and main check the same way). */
export function checkServiceEdit(base: ServiceFields, mine: ServiceFields): ManageIssue[] {
  const changed = changedFields(base, mine);
  return checkNewService({ ...mine, locationId: 0 }).filter((i) => concerns(i, changed));
}
