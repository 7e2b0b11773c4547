import type { Paper, PrintClientDetails } from './print-prefs';

export type { PrintClientDetails };

export interface ReportPayment {
  accountsAmount: number;
  loyaltyAmount: number;
  paymentType: string;
}

export interface ReportOperation {
  kind: 'service' | 'good' | 'other';
  title: string;
  firstCost: number;
  discount: number;
  resultCost: number;
  payments: ReportPayment[];
}

export interface ReportMasterLine {
  masterId: number;
  masterName: string;
  operations: ReportOperation[];
}

export interface ReportVisit {
  /** ISO datetime of the visit in the location's timezone, from z_data's Unix-seconds key. */
  at: string;
  clientId: number;
  clientName: string;
  clientPhone: string | null;
  masters: ReportMasterLine[];
  /** Sum of the operations' cost after discount. */
  total: number;
  /** Sum of the operations' discounts. */
  discount: number;
  /** Money and loyalty write-offs actually taken for this visit. */
  paid: number;
}

export interface DayReport {
  locationId: number;
  locationTitle: string;
  locationAddress: string | null;
  timezoneName: string;
  /** YYYY-MM-DD, the location's calendar day. */
  date: string;
  staffId: number | null;
  staffName: string | null;
  /** ISO 4217 code or a symbol, exactly as Altegio gave it. */
  currency: string;
  stats: {
    clients: number;
    records: number;
    visitRecords: number;
    nonVisitRecords: number;
    services: number;
    servicesPaid: number;
    goods: number;
    goodsPaid: number;
    certificates: number;
    certificatesPaid: number;
    memberships: number;
    membershipsPaid: number;
  };
  accounts: { title: string; amount: number }[];
  discounts: { title: string; amount: number }[];
  totals: { accounts: number; discount: number };
  visits: ReportVisit[];
  /**
   * Visits whose time falls on another day than `date`: Altegio answered for the wrong day (see
   * visitsOutsideDay). Such a report is flagged on screen and refused by the cash-up (usableForCashup).
   */
  outsideDay?: number;
  /** Visits Altegio sent that could not be read (skipped); absent in reports cached before this existed. */
  unreadableVisits?: number;
  /** ISO country (e.g. "US", "KZ") client phones are formatted for; from the location's own numbers. */
  phoneCountry?: string | null;
  fetchedAt: string;
  fromCache: boolean;
  printedBy: string | null;
}

export interface ReportQuery {
  locationId: number;
  date?: string | undefined;
  staffId?: number | undefined;
}

export interface PrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
}

export interface PrintersView {
  printers: PrinterInfo[];
  deskPrinter: string | null;
  paper: Paper;
}
