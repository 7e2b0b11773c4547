import { m001Settings } from './001_settings';
import { m002Catalog } from './002_catalog';
import { m003Reports } from './003_reports';
import { m004Outbox } from './004_outbox';
import { m005OutboxOwner } from './005_outbox_owner';
import { m007Cashups } from './007_cashups';
import { m008Today } from './008_today';
import { m012DeskUsers } from './012_desk_users';
import { m013DropFts } from './013_drop_fts';
import { m014CashupReplaceGuard } from './014_cashup_replace_guard';
import { m015AuditChain } from './015_audit_chain';
import { m016Loyalty } from './016_loyalty';
import { m017OutboxCatalog } from './017_outbox_catalog';
import { m018OutboxCatalogEdits } from './018_outbox_catalog_edits';
import { m019OutboxPhotoSubject } from './019_outbox_photo_subject';
import { m020ServiceImages } from './020_service_images';
import { m021BookingForms } from './021_booking_forms';
import { m023ServiceBreaks } from './023_service_breaks';
import { m022OutboxPhotoNeedsManager } from './022_outbox_photo_needs_manager';
import type { Migration } from './types';

/**
 * The cache file (front-desk.sqlite): everything Altegio can give back (catalogue, Today, cached day
 * reports). A damaged cache is moved aside and rebuilt empty; the next sync refills it.
 * Numbers are shared with RECORDS_MIGRATIONS (one sequence, each number in one list); see CONTRIBUTING.md.
 */
export const CACHE_MIGRATIONS: readonly Migration[] = [
  m002Catalog,
  m003Reports,
  m008Today,
  m013DropFts,
  m016Loyalty,
  m020ServiceImages,
  m021BookingForms,
  m023ServiceBreaks,
];

/**
 * The records file (front-desk-records.sqlite): what exists nowhere else (settings, the photo outbox,
 * cash-ups, desk users and PIN state, the audit list). A damaged records file is salvaged table by
 * table and the person is told what could not be saved.
 */
export const RECORDS_MIGRATIONS: readonly Migration[] = [
  m001Settings,
  m004Outbox,
  m005OutboxOwner,
  m007Cashups,
  m012DeskUsers,
  m014CashupReplaceGuard,
  m015AuditChain,
  m017OutboxCatalog,
  m018OutboxCatalogEdits,
  m019OutboxPhotoSubject,
  m022OutboxPhotoNeedsManager,
];

/** Both lists on one file, in number order: the layout before the split (tests, the legacy import). */
export const MIGRATIONS: readonly Migration[] = [...CACHE_MIGRATIONS, ...RECORDS_MIGRATIONS].sort(
  (a, b) => a.version - b.version,
);
