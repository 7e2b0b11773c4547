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
import { m016Loyalty } from './016_loyalty';
import type { Migration } from './types';

/** In order. Add a new file with the next number and list it here (see CONTRIBUTING.md). */
export const MIGRATIONS: readonly Migration[] = [
  m001Settings,
  m002Catalog,
  m003Reports,
  m004Outbox,
  m005OutboxOwner,
  m007Cashups,
  m008Today,
  m012DeskUsers,
  m013DropFts,
  m014CashupReplaceGuard,
  m016Loyalty,
];
