export { ReportCache, REPORT_SCHEMA, type CachedReport, type FetchedReport, type ReportKey } from './report-cache';
