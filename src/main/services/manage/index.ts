import { singleFlight } from '../../core/single-flight';
import { randomUUID } from 'node:crypto';
import { checkNewCategory, checkNewService, type ManageIssue, type ManageRights } from '../../../shared/domain/manage';
import { KIND_RIGHT, type ManageItem } from '../../../shared/domain/manage-item';
import { AppError, isAppError } from '../../../shared/errors';
import type { AltegioApi } from '../../altegio/types';
import { CatalogOutboxRepo, type CatalogWork } from '../../store/outbox/catalog-outbox-repo';
import type { OutboxOwner } from '../../store/outbox/outbox-repo';
import { rightsOf } from '../catalog/location-rights';
import type { AppContext, Domain } from '../context';
import { apply, type ServiceFields } from '../../../shared/domain/service-edit';
import { backoffMs, MAYBE_DELIVERED, RETRYABLE } from '../photos/retry-policy';
import { categoryBody, serviceBody, type StoredCategory, type StoredService } from './bodies';
import { createServiceEdits, type EditOutcome } from './service-edits';
import { allows, decide, knownRights, rememberRights, type ServiceOperation } from './rights';

export type ManageChannel =
  | 'manage.rights'
  | 'manage.list'
  | 'manage.createCategory'
  | 'manage.createService'
  | 'manage.retry'
  | 'manage.cancel'
  | 'manage.openService'
  | 'manage.updateService'
  | 'manage.retireService'
  | 'manage.resolveConflict';

export interface ManageDomain extends Domain<ManageChannel> {
  flush(): Promise<void>;
}

export interface ManageDeps {
  /** The audit list (AuditRepo through DeskService.record): who, and what changed. */
  audit(action: string, detail: string, who: { userId: number; name: string }): void;
  /** Altegio has a new item: re-read the location so the catalogue shows it as Altegio keeps it. */
  resync?(locationId: number): void;
  tickMs?: number;
}

export const NO_RIGHTS_SENTENCE =
  'Your Altegio role does not allow changing services at this location. Ask a manager to do it, or to change your rights.';

/** A new service waits for its new category to reach Altegio first: not a failure, not counted. */
class WaitingForCategory extends Error {}

const KIND_WORDS: Record<ManageItem['kind'], string> = {
  'create-category': 'new category',
  'create-service': 'new service',
  'update-service': 'service edit',
  'retire-service': 'service removal',
};
const OPERATION: Record<ManageItem['kind'], ServiceOperation> = KIND_RIGHT;
export const describe = (kind: ManageItem['kind'], title: string, locationId: number) =>
  `${KIND_WORDS[kind]} “${title.trim()}” · location ${locationId}`;

function invalid(issues: ManageIssue[]): AppError {
  return new AppError('INVALID_INPUT', 'Some fields need a correction before this can be sent.', { issues });
}

export function createManageDomain(ctx: AppContext, deps: ManageDeps): ManageDomain {
  const repo = new CatalogOutboxRepo(ctx.db);
  const now = () => ctx.now().getTime();
  const changed = (locationId: number) => ctx.events.emit('manage-changed', { locationId });
  // Items a crash left 'sending' are looked up on Altegio (by api_id) before they go again.
  repo.resetSending(now());

  function signedIn(): OutboxOwner {
    const u = ctx.currentUser();
    if (!u) throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    return u;
  }

  function mayWrite(owner: OutboxOwner, locationId: number, kind: ManageItem['kind']): void {
    if (!allows(knownRights(ctx.settings, owner, locationId), OPERATION[kind]))
      throw new AppError('FORBIDDEN', NO_RIGHTS_SENTENCE, { reason: 'rights', operation: OPERATION[kind] });
  }

  async function lookUp(api: AltegioApi, work: CatalogWork): Promise<number | null> {
    const refs =
      work.kind === 'create-category'
        ? await api.categoryRefs(work.locationId)
        : await api.serviceRefs(work.locationId);
    return refs.find((r) => r.apiId === work.apiId)?.id ?? null;
  }

  function categoryOf(s: StoredService): number {
    if (s.categoryId !== undefined) return s.categoryId;
    const c = repo.remoteIdOf(s.pendingCategoryId ?? 0);
    if (!c) throw new AppError('NOT_FOUND', 'The new category of this service was cancelled. Choose another category.');
    if (c.remoteId === null) throw new WaitingForCategory();
    return c.remoteId;
  }

  async function send(api: AltegioApi, work: CatalogWork): Promise<number | EditOutcome> {
    if (work.kind === 'update-service' || work.kind === 'retire-service') return edits.send(api, work);
    if (work.unconfirmed) {
      const found = await lookUp(api, work);
      if (found !== null) {
        ctx.log.info({ outboxId: work.id }, 'queued catalogue change had already arrived on Altegio');
        return found;
      }
      repo.markConfirmedUndelivered(work.id);
    }
    if (work.kind === 'create-category') {
      return (await api.createCategory(work.locationId, categoryBody(work.body as StoredCategory, work.apiId))).id;
    }
    const s = work.body as StoredService;
    return (await api.createService(work.locationId, serviceBody(s, categoryOf(s), work.apiId))).id;
  }

  async function attempt(api: Promise<AltegioApi>, work: CatalogWork): Promise<void> {
    const title = (work.body as { title: string }).title;
    try {
      const out = await send(await api, work);
      if (typeof out === 'object') {
        repo.conflict(work.id, out.conflict);
        deps.audit(
          'catalogue',
          `${describe(work.kind, title, work.locationId)} · held: changed on Altegio too (${out.fields.join(', ')})`,
          work.owner,
        );
        return;
      }
      repo.sent(work.id, out, now());
      deps.audit(
        'catalogue',
        `${describe(work.kind, title, work.locationId)} · sent${work.kind === 'update-service' ? edits.whatChanged(work) : ''}`,
        work.owner,
      );
      deps.resync?.(work.locationId);
    } catch (e) {
      if (e instanceof WaitingForCategory) {
        repo.retryLater(
          work.id,
          { code: 'NOT_FOUND', message: 'Waiting for its new category.' },
          now() + backoffMs(1),
          false,
        );
        return;
      }
      const err = isAppError(e) ? e : new AppError('INTERNAL', 'Something went wrong inside Front Desk.');
      if (!isAppError(e)) ctx.log.error({ err: e, outboxId: work.id }, 'catalogue change failed unexpectedly');
      if (RETRYABLE.has(err.code)) {
        repo.retryLater(work.id, err.toBody(), now() + backoffMs(work.attempts), MAYBE_DELIVERED.has(err.code));
      } else if (err.code === 'FORBIDDEN') {
        // Kept, never dropped: someone with the rights can send it (manage.retry makes it theirs).
        repo.stop(work.id, 'needs-manager', { code: err.code, message: NO_RIGHTS_SENTENCE });
        deps.audit(
          'catalogue',
          `${describe(work.kind, title, work.locationId)} · refused: needs a manager`,
          work.owner,
        );
      } else {
        repo.stop(work.id, 'failed', err.toBody());
      }
    } finally {
      changed(work.locationId);
    }
  }

  const flush = singleFlight(async () => {
    const user = ctx.currentUser();
    if (!user) return;
    // The owner's client, taken before anything is claimed: the run keeps their token.
    const api = ctx.altegio();
    api.catch(() => undefined);
    for (const work of repo.claimDue(now(), user)) await attempt(api, work);
  });

  /** Records the change (committed) before its request, then tries it once at once. */
  async function queueAndSend(
    kind: ManageItem['kind'],
    locationId: number,
    body: StoredCategory | StoredService | { title: string },
    edit: { targetId: number; base?: ServiceFields } | null = null,
  ): Promise<ManageItem> {
    const owner = signedIn();
    mayWrite(owner, locationId, kind);
    const api = ctx.altegio();
    api.catch(() => undefined);
    const id = repo.put({
      kind,
      locationId,
      apiId: `fd-${randomUUID()}`,
      title: body.title.trim(),
      body,
      owner,
      now: now(),
      ...(edit ?? {}),
    });
    deps.audit('catalogue', `${describe(kind, body.title, locationId)} · queued`, owner);
    const [work] = repo.claimDue(now(), owner, id);
    if (work) await attempt(api, work);
    return repo.get(id)!;
  }

  function ownItem(id: number): ManageItem {
    const item = repo.get(id);
    if (!item && repo.isLocationEdit(id))
      throw new AppError(
        'INVALID_INPUT',
        'This is a change to the location card: cancel or resend it on the location card.',
      );
    // Only a change at one of this person's locations is theirs to see, retry or cancel.
    if (!item || !(rightsOf(ctx.settings, ctx.currentUser()) ?? []).includes(item.locationId))
      throw new AppError('NOT_FOUND', 'This change is no longer waiting.');
    return item;
  }

  const edits = createServiceEdits(ctx, repo);

  const timer = setInterval(() => void flush(), deps.tickMs ?? 5_000);
  timer.unref();
  const offConnectivity = ctx.events.on('connectivity', ({ online }) => {
    if (!online) return;
    repo.makeAllDue(now());
    void flush();
  });
  const offCatalog = ctx.events.on('catalog-updated', ({ locationId }) => {
    const ids = (table: string) =>
      new Set(
        ctx.db
          .prepare<[number], { id: number }>(`SELECT id FROM ${table} WHERE location_id = ?`)
          .all(locationId)
          .map((r) => r.id),
      );
    if (repo.dropSynced({ categories: ids('service_categories'), services: ids('services') }, locationId) > 0)
      changed(locationId);
  });

  return {
    flush,
    onSession(active) {
      if (!active) return;
      repo.makeAllDue(now());
      void flush();
    },
    close() {
      clearInterval(timer);
      offConnectivity();
      offCatalog();
    },
    handlers: {
      'manage.rights': async ({ locationId }): Promise<ManageRights> => {
        const owner = signedIn();
        try {
          const r = await (await ctx.altegio()).catalogRights(locationId);
          rememberRights(ctx.settings, owner, locationId, r, ctx.now());
          ctx.log.info({ locationId, ...decide(r) }, 'catalogue rights checked');
        } catch (e) {
          // Offline or refused: the last answer stands (or "not checked", read-only).
          if (isAppError(e) && e.code === 'FORBIDDEN') {
            rememberRights(
              ctx.settings,
              owner,
              locationId,
              {
                settingsAccess: false,
                servicesAccess: false,
                createServices: false,
                editServices: false,
                categoriesAccess: false,
              },
              ctx.now(),
            );
          } else if (!isAppError(e) || !RETRYABLE.has(e.code)) throw e;
        }
        return knownRights(ctx.settings, owner, locationId);
      },
      'manage.list': ({ locationId }) => repo.list(locationId),
      'manage.createCategory': (input) => {
        const issues = checkNewCategory(input);
        if (issues.length) throw invalid(issues);
        const { locationId, ...body } = input;
        return queueAndSend('create-category', locationId, body);
      },
      'manage.createService': (input) => {
        const issues = checkNewService(input);
        if (issues.length) throw invalid(issues);
        const { locationId, ...body } = input;
        if (body.pendingCategoryId !== undefined) {
          const c = repo.get(body.pendingCategoryId);
          if (!c || c.kind !== 'create-category' || c.locationId !== locationId)
            throw invalid([{ field: 'category', rule: 'required' }]);
          // Already on Altegio: point at its real id.
          if (c.remoteId !== null) {
            delete body.pendingCategoryId;
            body.categoryId = c.remoteId;
          }
        }
        return queueAndSend('create-service', locationId, body);
      },
      'manage.retry': async ({ id }) => {
        const item = ownItem(id);
        const owner = signedIn();
        mayWrite(owner, item.locationId, item.kind);
        if (!repo.requeue(id, owner, now()))
          throw new AppError('INVALID_INPUT', 'This change is being sent right now.');
        if (item.queuedBy !== owner.name || item.state === 'needs-manager')
          deps.audit(
            'catalogue',
            `${describe(item.kind, item.title, item.locationId)} · sent again by ${owner.name}`,
            owner,
          );
        changed(item.locationId);
        await flush();
        return repo.get(id) ?? item;
      },
      'manage.openService': ({ locationId, serviceId }) => {
        signedIn();
        return edits.open(locationId, serviceId);
      },
      'manage.updateService': (input) => {
        const { locationId, serviceId, base, mine } = input;
        edits.check(base, mine);
        return queueAndSend('update-service', locationId, mine, { targetId: serviceId, base });
      },
      'manage.retireService': ({ locationId, serviceId, title }) =>
        queueAndSend('retire-service', locationId, { title }, { targetId: serviceId }),
      'manage.resolveConflict': async ({ id, choice }) => {
        const item = ownItem(id);
        const owner = signedIn();
        if (item.state !== 'conflict')
          throw new AppError('INVALID_INPUT', 'This change is no longer waiting for a choice.');
        if (choice === 'theirs') {
          if (!repo.remove(id)) throw new AppError('INVALID_INPUT', 'This change is no longer waiting for a choice.');
          deps.audit(
            'catalogue',
            `${describe(item.kind, item.title, item.locationId)} · dropped: Altegio’s copy kept by ${owner.name}`,
            owner,
          );
          changed(item.locationId);
          return null;
        }
        mayWrite(owner, item.locationId, item.kind);
        const e = item.edit;
        if (!e?.theirs || !repo.rebaseOnTheirs(id, apply(e.theirs, e.mine, e.fields), owner, now()))
          throw new AppError('INVALID_INPUT', 'This change is no longer waiting for a choice.');
        deps.audit(
          'catalogue',
          `${describe(item.kind, item.title, item.locationId)} · ${owner.name} chose to send this change over Altegio’s newer copy`,
          owner,
        );
        changed(item.locationId);
        await flush();
        return repo.get(id);
      },
      'manage.cancel': ({ id }) => {
        const item = ownItem(id);
        const owner = signedIn();
        if (!repo.remove(id))
          throw new AppError('INVALID_INPUT', 'This change is being sent right now, or is already on Altegio.');
        deps.audit('catalogue', `${describe(item.kind, item.title, item.locationId)} · cancelled`, owner);
        changed(item.locationId);
        return null;
      },
    },
  };
}
