/**
 * Manager mode (issue 22): new categories and services from the desk. The rules below are checked twice
 * with the same code: in the form (so each problem is said in the desk's language before anything is
 * sent) and in main (nothing unchecked is queued).
 */

/** What the signed-in person may change at a location, from their GET /user/permissions answer. */
export interface ManageRights {
  locationId: number;
  createCategory: boolean;
  createService: boolean;
  editService: boolean;
  retireService: boolean;
  servicePhoto: boolean;
  /**
   * Why the screens are read-only: no service right at all in Altegio, or rights never checked (offline
   * since sign-in). null: at least one operation is allowed; each flag above says which.
   */
  readOnlyReason: 'no-rights' | 'not-checked' | null;
  /** When Altegio was last asked (ISO), null when never. */
  checkedAt: string | null;
}

export interface NewCategoryInput {
  locationId: number;
  title: string;
  /** Order among categories; left out: Altegio's default. */
  weight?: number;
  staffIds: number[];
}

export interface NewServiceInput {
  locationId: number;
  title: string;
  /** A category on Altegio, or one still waiting in the outbox (its outbox id). */
  categoryId?: number;
  pendingCategoryId?: number;
  priceMin: number;
  priceMax: number;
  /** Minutes. */
  durationMin: number;
  /** Each performer's own duration, minutes. */
  staff: { staffId: number; durationMin: number }[];
  bookableOnline: boolean;
  /** null: the location's default break; 0: none; else minutes, a multiple of 5 up to 60. */
  breakMin: number | null;
  comment: string;
}

export type ManageField =
  | 'title'
  | 'weight'
  | 'staff'
  | 'category'
  | 'priceMin'
  | 'priceMax'
  | 'duration'
  | 'memberDuration'
  | 'break'
  | 'comment';

export type ManageRule =
  | 'required'
  | 'tooLong'
  | 'notWhole'
  | 'negative'
  | 'maxBelowMin'
  | 'durationRange'
  | 'memberStep'
  | 'breakStep'
  | 'duplicate';

export interface ManageIssue {
  field: ManageField;
  rule: ManageRule;
  /** The performer a memberDuration issue is about. */
  staffId?: number;
}

export const TITLE_MAX = 255;
export const COMMENT_MAX = 1000;
/** The description: "technical_break_duration … multiples of 300 … maximum 3600". */
export const BREAK_STEP_MIN = 5;
export const BREAK_MAX_MIN = 60;
/** The description: staff[].seance_length "in multiples of 15 minutes". */
export const MEMBER_STEP_MIN = 15;
export const DURATION_MAX_MIN = 24 * 60;
export const BREAK_CHOICES: readonly (number | null)[] = [
  null,
  ...Array.from({ length: BREAK_MAX_MIN / BREAK_STEP_MIN + 1 }, (_, i) => i * BREAK_STEP_MIN),
];

function titleIssues(title: string): ManageIssue[] {
  const t = title.trim();
  if (!t) return [{ field: 'title', rule: 'required' }];
  if (t.length > TITLE_MAX) return [{ field: 'title', rule: 'tooLong' }];
  return [];
}

const duplicates = (ids: number[]) => ids.some((x, i) => ids.indexOf(x) !== i);

export function checkNewCategory(c: NewCategoryInput): ManageIssue[] {
  const out = titleIssues(c.title);
  if (c.weight !== undefined) {
    if (!Number.isInteger(c.weight)) out.push({ field: 'weight', rule: 'notWhole' });
    else if (c.weight < 0) out.push({ field: 'weight', rule: 'negative' });
  }
  if (duplicates(c.staffIds)) out.push({ field: 'staff', rule: 'duplicate' });
  return out;
}

export function checkNewService(s: NewServiceInput): ManageIssue[] {
  const out = titleIssues(s.title);
  if (s.categoryId === undefined && s.pendingCategoryId === undefined)
    out.push({ field: 'category', rule: 'required' });
  if (!Number.isFinite(s.priceMin)) out.push({ field: 'priceMin', rule: 'required' });
  else if (s.priceMin < 0) out.push({ field: 'priceMin', rule: 'negative' });
  if (!Number.isFinite(s.priceMax)) out.push({ field: 'priceMax', rule: 'required' });
  else if (s.priceMax < 0) out.push({ field: 'priceMax', rule: 'negative' });
  else if (Number.isFinite(s.priceMin) && s.priceMax < s.priceMin) out.push({ field: 'priceMax', rule: 'maxBelowMin' });
  if (!Number.isInteger(s.durationMin)) out.push({ field: 'duration', rule: 'notWhole' });
  else if (s.durationMin < 1 || s.durationMin > DURATION_MAX_MIN)
    out.push({ field: 'duration', rule: 'durationRange' });
  for (const m of s.staff) {
    if (!Number.isInteger(m.durationMin) || m.durationMin < MEMBER_STEP_MIN || m.durationMin > DURATION_MAX_MIN)
      out.push({ field: 'memberDuration', rule: 'durationRange', staffId: m.staffId });
    else if (m.durationMin % MEMBER_STEP_MIN !== 0)
      out.push({ field: 'memberDuration', rule: 'memberStep', staffId: m.staffId });
  }
  if (duplicates(s.staff.map((m) => m.staffId))) out.push({ field: 'staff', rule: 'duplicate' });
  if (s.breakMin !== null && !BREAK_CHOICES.includes(s.breakMin)) out.push({ field: 'break', rule: 'breakStep' });
  if (s.comment.length > COMMENT_MAX) out.push({ field: 'comment', rule: 'tooLong' });
  return out;
}
