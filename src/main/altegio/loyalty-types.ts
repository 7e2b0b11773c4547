/** What the loyalty analytics answer, in the app's camelCase shapes (see loyalty-schemas.ts). */

/** One promotion active at the location (GET /company/{id}/loyalty/programs/search). */
export interface LoyaltyProgram {
  id: number;
  title: string;
  type: string | null;
}

/** A group of clients of the period: how many, how many came back, how many were lost. */
export interface ClientCounts {
  all: number;
  returned: number;
  lost: number;
  /** As Altegio computed it; null when it did not say. */
  returnedPercent: number | null;
}

export interface LoyaltyVisits {
  newClients: ClientCounts;
  oldClients: ClientCounts;
  total: ClientCounts;
  /** Visits per day of the period by clients new in it and by earlier clients. */
  days: { date: string; newCount: number; oldCount: number }[];
}

export interface LoyaltyStaffRow {
  staffId: number;
  name: string;
  clients: ClientCounts;
}

/** The period (location's YYYY-MM-DD, both ends included) and the promotions to count (empty: all). */
export interface LoyaltyQuery {
  from: string;
  to: string;
  programIds: readonly number[];
}
