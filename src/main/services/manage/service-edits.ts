import {
  changedFields,
  checkServiceEdit,
  rebase,
  staffIdOf,
  valueOf,
  type EditField,
  type ServiceFields,
} from '../../../shared/domain/service-edit';
import { AppError, isAppError } from '../../../shared/errors';
import type { AltegioApi } from '../../altegio/types';
import type { CatalogOutboxRepo, CatalogWork } from '../../store/outbox/catalog-outbox-repo';
import type { AppContext } from '../context';
import { RETRYABLE } from '../photos/retry-policy';
import { fieldsOf, updateBody } from './bodies';

/** Altegio's copy changed the same fields meanwhile: held for the person to choose, nothing sent. */
export interface EditOutcome {
  conflict: ServiceFields;
  fields: EditField[];
}

export interface OpenedService {
  fields: ServiceFields;
  /** 'cache': offline, opened from the catalogue's copy. */
  source: 'altegio' | 'cache';
  /**
   * False when the catalogue's copy does not know the technical break (synced before it was kept, or
   * Altegio's list left it out): the form keeps the break as it is rather than guess.
   */
  breakKnown: boolean;
}

const isGone = (e: unknown) => isAppError(e) && e.code === 'NOT_FOUND';

/**
 * Edits and removals of services already on Altegio (issue 22), sent from the catalogue outbox. An edit is
 * read-merge-write: Altegio's copy is read again at send time and only the person's changed fields are laid
 * over it, so what others changed meanwhile, and what the desk does not show, is kept. A removal is
 * confirmed by a 404 after a lost answer.
 */
export function createServiceEdits(ctx: AppContext, repo: CatalogOutboxRepo) {
  function fromCache(locationId: number, serviceId: number): { fields: ServiceFields; breakKnown: boolean } | null {
    const s = ctx.db
      .prepare<
        [number, number],
        {
          title: string;
          category_id: number;
          price_min: number;
          price_max: number;
          duration: number;
          active: number;
          comment: string | null;
          technical_break: number | null;
          technical_break_known: number;
        }
      >(
        `SELECT title, category_id, price_min, price_max, duration, active, comment, technical_break,
           technical_break_known FROM services WHERE location_id = ? AND id = ?`,
      )
      .get(locationId, serviceId);
    if (!s) return null;
    const staff = ctx.db
      .prepare<[number, number], { staff_id: number; duration: number }>(
        'SELECT staff_id, duration FROM service_staff WHERE location_id = ? AND service_id = ? ORDER BY staff_id',
      )
      .all(locationId, serviceId);
    const breakKnown = s.technical_break_known === 1;
    return {
      fields: {
        title: s.title,
        categoryId: s.category_id,
        priceMin: s.price_min,
        priceMax: s.price_max,
        durationMin: Math.round(s.duration / 60),
        staff: staff.map((m) => ({ staffId: m.staff_id, durationMin: Math.round(m.duration / 60) })),
        bookableOnline: s.active === 1,
        breakMin: breakKnown && s.technical_break !== null ? Math.round(s.technical_break / 60) : null,
        comment: s.comment ?? '',
      },
      breakKnown,
    };
  }

  return {
    /** Altegio's copy for the form (its `base`); offline, the catalogue's, said so. */
    async open(locationId: number, serviceId: number): Promise<OpenedService> {
      try {
        const copy = await (await ctx.altegio()).serviceCopy(locationId, serviceId);
        return { fields: fieldsOf(copy), source: 'altegio', breakKnown: true };
      } catch (e) {
        if (!isAppError(e) || !RETRYABLE.has(e.code)) throw e;
        const cached = fromCache(locationId, serviceId);
        if (!cached) throw new AppError('NOT_FOUND', 'This service is not in the catalogue.');
        return { ...cached, source: 'cache' };
      }
    },

    /** The form's rules for the fields changed; nothing changed is refused (nothing to queue). */
    check(base: ServiceFields, mine: ServiceFields): void {
      const changed = changedFields(base, mine);
      if (changed.length === 0) throw new AppError('INVALID_INPUT', 'Nothing was changed.', { issues: [] });
      const issues = checkServiceEdit(base, mine);
      if (issues.length)
        throw new AppError('INVALID_INPUT', 'Some fields need a correction before this can be sent.', { issues });
    },

    async send(api: AltegioApi, work: CatalogWork): Promise<number | EditOutcome> {
      const target = work.targetId!;
      if (work.kind === 'retire-service') {
        if (work.unconfirmed) {
          try {
            await api.serviceCopy(work.locationId, target);
          } catch (e) {
            if (!isGone(e)) throw e;
            ctx.log.info({ outboxId: work.id }, 'queued service removal had already arrived on Altegio');
            return target;
          }
          repo.markConfirmedUndelivered(work.id);
        }
        try {
          await api.deleteService(work.locationId, target);
        } catch (e) {
          // Gone already (removed on Altegio meanwhile): what was asked for is true.
          if (!isGone(e)) throw e;
        }
        return target;
      }
      // A lost answer needs no look-up of its own: the fresh read below shows whether the change arrived.
      const copy = await api.serviceCopy(work.locationId, target).catch((e: unknown) => {
        throw isGone(e) ? new AppError('NOT_FOUND', 'This service is no longer on Altegio.') : e;
      });
      const theirs = fieldsOf(copy);
      const r = rebase(work.base!, work.body as ServiceFields, theirs);
      if (r.conflicts.length) return { conflict: theirs, fields: r.conflicts };
      if (r.toSend.length) await api.updateService(work.locationId, target, updateBody(copy, r.merged, r.toSend));
      repo.markConfirmedUndelivered(work.id);
      return target;
    },

    /** For the audit list: each changed field, before → after. */
    whatChanged(work: CatalogWork): string {
      const base = work.base!;
      const mine = work.body as ServiceFields;
      const parts = changedFields(base, mine).map((f) => {
        const name = staffIdOf(f) === null ? f : `team member ${staffIdOf(f)}`;
        return `${name}: ${String(valueOf(base, f))} → ${String(valueOf(mine, f))}`;
      });
      return ` (${parts.join('; ')})`;
    },
  };
}
