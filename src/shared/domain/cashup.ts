import type { Paper } from './session';

/**
 * Money in a cash-up is an integer number of thousandths of the currency unit ("milli").
 * Altegio sends amounts as JSON numbers with up to three decimals (discounts like 12.345), so a
 * scale of 1000 holds every figure of the Z report exactly, and sums and differences of integers
 * stay exact up to Number.MAX_SAFE_INTEGER (≈ 9 trillion currency units).
 */
export type Milli = number;
export const MILLI_PER_UNIT = 1000;

/**
 * The most a drawer, a float, a paid-in or paid-out line, a terminal batch or any sum of them may
 * hold: ten billion currency units (10^13 milli). Generous for every currency a salon counts
 * (a day in dong or rupiah included), and small enough that 200 lines of it still add up exactly
 * (2·10^15 < 2^53), so a sum is checked after it is made, never rounded on the way.
 */
export const MAX_DRAWER_MILLI: Milli = 10_000_000_000_000;
/** Pieces of one note or coin a count may name: more than any drawer or safe holds. */
export const MAX_PIECES = 1_000_000;

/** A paid-in or paid-out line of the drawer: change bought, supplies, tip payouts… */
export interface CashMovement {
  kind: 'in' | 'out';
  amount: Milli;
  reason: string;
}

/** What the receptionist types; saved as they type while the cash-up is a draft. */
export interface CashupInput {
  /** ISO 4217 code whose notes and coins are counted; null = the cash total is typed. */
  countCurrency: string | null;
  /** Title of the Z report account that is the drawer's cash; null = no cash sales in the report. */
  cashAccount: string | null;
  openingFloat: Milli;
  /** Pieces counted, keyed by the denomination's value in milli (as text, JSON has no number keys). */
  pieces: Record<string, number>;
  /** The drawer total typed by hand when countCurrency is null. */
  cashTyped: Milli | null;
  /** Batch totals typed for the other accounts (card terminal, transfer…), by account title. */
  typed: Record<string, Milli | null>;
  movements: CashMovement[];
  note: string;
}

/** The Z report figures a cash-up was checked against, frozen with it once it is locked. */
export interface CashupZ {
  locationTitle: string;
  locationAddress: string | null;
  timezoneName: string;
  currency: string;
  accounts: { title: string; amount: Milli }[];
  discounts: { title: string; amount: Milli }[];
  totals: { accounts: Milli; discount: Milli };
  /** When the Z report was fetched from Altegio (ISO). */
  fetchedAt: string;
  /** True when Altegio could not be reached and the desk's last copy was used. */
  fromCache: boolean;
}

export type CashupStatus = 'draft' | 'locked';

export interface CashupVersion {
  locationId: number;
  date: string;
  version: number;
  status: CashupStatus;
  input: CashupInput;
  z: CashupZ;
  /** The signed-in user who last changed the count. */
  countedBy: string | null;
  /** Why this version corrects the previous one (null for version 1). */
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  lockedAt: string | null;
  lockedHow: 'print' | 'pdf' | null;
}

export interface CashupLine {
  title: string;
  cash: boolean;
  expected: Milli;
  /** For the cash line: the drawer count less float and paid-in, plus paid-out. Null until counted. */
  counted: Milli | null;
  variance: Milli | null;
}

export interface CashupFigures {
  lines: CashupLine[];
  drawer: {
    float: Milli;
    /** The Z report's cash takings, rounded where a law rounds cash totals (roundedTo). */
    takings: Milli;
    /** takings less the Z report's figure: what the legal rounding added (0 where there is none). */
    rounding: Milli;
    /** The step cash totals are rounded to by law, in milli (500 for UAH); null when not rounded. */
    roundedTo: number | null;
    paidIn: Milli;
    paidOut: Milli;
    /** float + cash takings + paid in − paid out. */
    expected: Milli;
    counted: Milli | null;
    variance: Milli | null;
  };
  total: { expected: Milli; counted: Milli | null; variance: Milli | null };
  /** Accounts not counted yet (their variance is unknown). */
  missing: string[];
  /** A variance above the desk threshold and no note. */
  noteRequired: boolean;
}

/** What the Cash up screen shows for one location and day. */
export interface CashupView {
  current: CashupVersion;
  figures: CashupFigures;
  /** Every version of this day, oldest first (the current one included). */
  versions: {
    version: number;
    status: CashupStatus;
    reason: string | null;
    lockedAt: string | null;
    variance: Milli | null;
    countedBy: string | null;
  }[];
  /** Variance (either way) above which a note is required, for this location. */
  threshold: Milli;
  /** Denominations for countCurrency, largest first; empty when the total is typed. */
  denominations: Denomination[];
  /** Currencies whose notes and coins the desk knows. */
  currencies: string[];
}

export interface Denomination {
  value: Milli;
  kind: 'note' | 'coin';
}

export interface CashupHistoryRow {
  date: string;
  version: number;
  status: CashupStatus;
  expected: Milli;
  counted: Milli | null;
  variance: Milli | null;
  countedBy: string | null;
  lockedAt: string | null;
}

export type CashupPaper = Paper;
