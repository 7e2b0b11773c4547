import { singleFlight } from '../../core/single-flight';
import { randomUUID } from 'node:crypto';
import {
  conflictingFields,
  diffLocation,
  fieldValue,
  withValue,
  type FieldChange,
  type LocationCard,
  type LocationChanges,
  type LocationFields,
  type LocationItem,
  type LocationRightsView,
} from '../../../shared/domain/location';
import { checkLocationChanges, type LocationIssue } from '../../../shared/domain/location-rules';
import { AppError, isAppError } from '../../../shared/errors';
import { checkPhone, locationPhoneCountry } from '../../../shared/phone';
import { locationPutBody, type LocationCopy } from '../../altegio/location-client';
import type { CatalogRights } from '../../altegio/manage-types';
import type { AltegioApi } from '../../altegio/types';
import type { LocationRecord } from '../../store/catalog/types';
import { LocationOutboxRepo, type LocationWork } from '../../store/outbox/location-outbox-repo';
import type { OutboxOwner } from '../../store/outbox/outbox-repo';
import { rightsOf as visibleLocations } from '../catalog/location-rights';
import type { AppContext, Domain } from '../context';
import { rememberRights, storedRights } from '../manage/rights';
import { backoffMs, MAYBE_DELIVERED, RETRYABLE } from '../photos/retry-policy';
import { isSalonLink } from './salon-links';

export type LocationChannel = 'location.card' | 'location.update' | 'location.resolve' | 'phone.validate';

export interface LocationDomain extends Domain<LocationChannel> {
  flush(): Promise<void>;
  /** An https link the salon published in its card on Altegio (app.openExternal may open it). */
  isSalonLink(url: string): boolean;
}

export interface LocationDeps {
  audit(action: string, detail: string, who: { userId: number; name: string }): void;
  /** The cached location (its phones and time zone say which country numbers are typed for). */
  location(locationId: number): LocationRecord | null;
  /** The edit reached Altegio: refresh the cached location. */
  resync?(locationId: number): void;
  tickMs?: number;
}

export const NO_LOCATION_RIGHTS =
  'Your Altegio role does not allow changing the location’s details. Ask a manager to do it, or to change your rights.';
const PHONE_REFUSED = (p: string) => `Altegio says ${p} is not a valid phone number. Correct it and send again.`;

/**
 * Settings → General (settings_basis_access) is where Altegio's own web app edits a location's name,
 * address, phones and links; Settings → Information (settings_information_access) its descriptions.
 * Both sit under the Settings section (settings_access).
 */
export function decideLocation(r: CatalogRights | null): LocationRightsView {
  if (!r) return { edit: false, editDescription: false, readOnlyReason: 'not-checked' };
  const edit = r.settingsAccess && r.basisAccess === true;
  return { edit, editDescription: edit && r.informationAccess === true, readOnlyReason: edit ? null : 'no-rights' };
}

const show = (v: string | string[]) => (Array.isArray(v) ? v.join(', ') : v.replace(/\s+/g, ' ').slice(0, 80)) || '—';
const changeList = (c: FieldChange[]) => c.map((x) => `${x.field}: ${show(x.before)} → ${show(x.after)}`).join('; ');

function invalid(issues: LocationIssue[]): AppError {
  return new AppError('INVALID_INPUT', 'Some fields need a correction before this can be sent.', { issues });
}

const apply = (f: LocationFields, changes: LocationChanges): LocationFields =>
  Object.entries(changes).reduce((acc, [field, v]) => withValue(acc, field as keyof LocationChanges, v), f);

/**
 * The location card (issue 22 §3): read, merge, write through the catalogue outbox. At send time
 * Altegio's copy is read again: a field the manager changed that Altegio changed too since the form
 * opened stops the edit as 'conflict'; otherwise the whole object as just read goes back with only
 * the changed fields altered. PUT is idempotent: after a lost answer the re-read says whether it
 * arrived, and sending it again would do no harm.
 */
export function createLocationDomain(ctx: AppContext, deps: LocationDeps): LocationDomain {
  const repo = new LocationOutboxRepo(ctx.db);
  const now = () => ctx.now().getTime();
  const copyKey = (locationId: number) => `location.copy:${locationId}`;
  const changed = (locationId: number) => ctx.events.emit('manage-changed', { locationId });
  // An edit a crash left 'sending' goes again; the send reads Altegio's copy first, so it is sent at most once more
  // only if it never arrived.
  repo.resetSending(now());

  function signedIn(): OutboxOwner {
    const u = ctx.currentUser();
    if (!u) throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    return u;
  }
  const rightsOf = (o: OutboxOwner, locationId: number) => decideLocation(storedRights(ctx.settings, o, locationId));
  const countryOf = (locationId: number) => {
    const l = deps.location(locationId);
    return l ? locationPhoneCountry(l) : null;
  };
  function remember(locationId: number, copy: LocationCopy): void {
    ctx.settings.set(copyKey(locationId), { fields: copy.fields, at: ctx.now().toISOString() });
  }

  /** Phones as E.164 (what the PUT sends as digits); anything the local check refuses is an issue. */
  function normalise(locationId: number, changes: LocationChanges, base: LocationFields): LocationChanges {
    const country = countryOf(locationId) ?? locationPhoneCountry({ phones: base.phones });
    const issues = checkLocationChanges(changes, country);
    if (issues.length) throw invalid(issues);
    const out = { ...changes };
    if (out.phones) out.phones = (out.phones as string[]).map((p) => checkPhone(p, country).e164!);
    return out;
  }

  async function send(api: AltegioApi, work: LocationWork): Promise<'sent' | { conflict: LocationFields }> {
    const theirs = await api.locationCopy(work.locationId);
    // Already there (a lost answer that did arrive, or someone made the same change): nothing to send.
    if (diffLocation(theirs.fields, work.changes).length === 0) return 'sent';
    if (conflictingFields(work.base, work.changes, theirs.fields).length > 0) return { conflict: theirs.fields };
    const added = ((work.changes.phones as string[] | undefined) ?? []).filter(
      (p) => !theirs.fields.phones.some((q) => q.replace(/\D/g, '') === p.replace(/\D/g, '')),
    );
    for (const p of added) {
      if (!(await api.validatePhone(p))) throw new PhoneRefused(p);
    }
    await api.updateLocation(work.locationId, locationPutBody(theirs, apply(theirs.fields, work.changes)));
    // §3.3: the answer does not echo phones; Altegio's copy as read again is what the card shows.
    const after = await api.locationCopy(work.locationId);
    remember(work.locationId, after);
    const missing = diffLocation(after.fields, work.changes).map((c) => c.field);
    if (missing.length > 0) throw new NotKept(missing.join(', '));
    return 'sent';
  }

  async function attempt(api: Promise<AltegioApi>, work: LocationWork): Promise<void> {
    const what = changeList(diffLocation(work.base, work.changes));
    const tag = `location ${work.locationId}`;
    try {
      const out = await send(await api, work);
      if (out === 'sent') {
        repo.sent(work.id, now());
        deps.audit('location', `${tag} · sent · ${what}`, work.owner);
        deps.resync?.(work.locationId);
      } else {
        repo.conflict(work.id, out.conflict);
        const fields = conflictingFields(work.base, work.changes, out.conflict).join(', ');
        deps.audit('location', `${tag} · stopped: changed on Altegio too (${fields})`, work.owner);
      }
    } catch (e) {
      if (e instanceof PhoneRefused) {
        repo.stop(
          work.id,
          'failed',
          { code: 'INVALID_INPUT', message: PHONE_REFUSED(e.phone) },
          { phone: e.phone, reason: 'altegio' },
        );
        deps.audit('location', `${tag} · refused: Altegio says ${e.phone} is not a valid phone`, work.owner);
        return;
      }
      if (e instanceof NotKept) {
        repo.stop(work.id, 'failed', {
          code: 'UPSTREAM',
          message: `Altegio accepted the change but does not show it for: ${e.fields}. Check the location in Altegio.`,
        });
        deps.audit('location', `${tag} · sent, but Altegio does not show: ${e.fields}`, work.owner);
        return;
      }
      const err = isAppError(e) ? e : new AppError('INTERNAL', 'Something went wrong inside Front Desk.');
      if (!isAppError(e)) ctx.log.error({ err: e, outboxId: work.id }, 'location edit failed unexpectedly');
      if (RETRYABLE.has(err.code)) {
        repo.retryLater(work.id, err.toBody(), now() + backoffMs(work.attempts), MAYBE_DELIVERED.has(err.code));
      } else if (err.code === 'FORBIDDEN') {
        repo.stop(work.id, 'needs-manager', { code: err.code, message: NO_LOCATION_RIGHTS });
        deps.audit('location', `${tag} · refused: needs a manager · ${what}`, work.owner);
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
    const api = ctx.altegio();
    api.catch(() => undefined);
    for (const work of repo.claimDue(now(), user)) await attempt(api, work);
  });

  async function sendNow(id: number, owner: OutboxOwner): Promise<void> {
    const api = ctx.altegio({ lane: 'urgent' });
    api.catch(() => undefined);
    const [work] = repo.claimDue(now(), owner, id);
    if (work) await attempt(api, work);
  }

  function ownItem(id: number): LocationItem {
    const item = repo.get(id);
    // Only an edit at one of this person's locations is theirs to see or resolve.
    if (!item || !(visibleLocations(ctx.settings, ctx.currentUser()) ?? []).includes(item.locationId))
      throw new AppError('NOT_FOUND', 'This change is no longer waiting.');
    return item;
  }

  const timer = setInterval(() => void flush(), deps.tickMs ?? 5_000);
  timer.unref();
  const offConnectivity = ctx.events.on('connectivity', ({ online }) => {
    if (!online) return;
    repo.makeAllDue(now());
    void flush();
  });

  function isSalonLinkOf(url: string): boolean {
    const ids = visibleLocations(ctx.settings, ctx.currentUser()) ?? [];
    return ids.some((id) => {
      const kept = ctx.settings.get<{ fields: LocationFields } | null>(copyKey(id), null);
      return kept !== null && isSalonLink(url, kept.fields);
    });
  }

  return {
    flush,
    isSalonLink: isSalonLinkOf,
    onSession(active) {
      if (!active) return;
      repo.makeAllDue(now());
      void flush();
    },
    close() {
      clearInterval(timer);
      offConnectivity();
    },
    handlers: {
      'location.card': async ({ locationId }): Promise<LocationCard> => {
        const owner = signedIn();
        let fields: LocationFields | null = null;
        let fromAltegio = false;
        let readAt: string | null = null;
        try {
          const api = await ctx.altegio({ lane: 'urgent' });
          const [copy, rights] = await Promise.all([api.locationCopy(locationId), api.catalogRights(locationId)]);
          rememberRights(ctx.settings, owner, locationId, rights, ctx.now());
          remember(locationId, copy);
          repo.dropSent(locationId);
          fields = copy.fields;
          fromAltegio = true;
          readAt = ctx.now().toISOString();
        } catch (e) {
          if (isAppError(e) && e.code === 'FORBIDDEN') {
            // No right to read the rights: no right to write either.
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
        if (!fields) {
          const kept = ctx.settings.get<{ fields: LocationFields; at: string } | null>(copyKey(locationId), null);
          fields = kept?.fields ?? null;
          readAt = kept?.at ?? null;
        }
        return {
          locationId,
          fields,
          fromAltegio,
          readAt,
          rights: rightsOf(owner, locationId),
          country: countryOf(locationId) ?? (fields ? locationPhoneCountry({ phones: fields.phones }) : null),
          pending: repo.waiting(locationId),
        };
      },
      'location.update': async ({ locationId, base, changes }) => {
        const owner = signedIn();
        const rights = rightsOf(owner, locationId);
        // Never checked (offline since sign-in): Altegio decides, and a 403 keeps the edit for a manager.
        if (rights.readOnlyReason === 'no-rights')
          throw new AppError('FORBIDDEN', NO_LOCATION_RIGHTS, { reason: 'rights' });
        const norm = normalise(locationId, changes as LocationChanges, base);
        const diff = diffLocation(base, norm);
        if (diff.length === 0) throw new AppError('INVALID_INPUT', 'Nothing has changed.');
        if (
          !rights.editDescription &&
          rights.readOnlyReason === null &&
          diff.some((c) => c.field === 'description' || c.field === 'shortDescr')
        )
          throw new AppError('FORBIDDEN', NO_LOCATION_RIGHTS, { reason: 'rights' });
        const only = Object.fromEntries(diff.map((c) => [c.field, c.after])) as LocationChanges;
        const title = fieldValue(base, 'title') as string;
        const id = repo.put({ locationId, apiId: `fd-${randomUUID()}`, title, changes: only, base, owner, now: now() });
        if (id === null)
          throw new AppError(
            'INVALID_INPUT',
            'An earlier change of this card is still waiting: send or cancel it first.',
          );
        deps.audit('location', `location ${locationId} · queued · ${changeList(diff)}`, owner);
        changed(locationId);
        await sendNow(id, owner);
        return repo.get(id)!;
      },
      'location.resolve': async ({ id, keep }) => {
        const item = ownItem(id);
        const owner = signedIn();
        if (keep === 'theirs') {
          if (!repo.remove(id)) throw new AppError('INVALID_INPUT', 'This change is being sent right now.');
          deps.audit('location', `location ${item.locationId} · dropped, Altegio’s copy kept`, owner);
          changed(item.locationId);
          return null;
        }
        if (rightsOf(owner, item.locationId).readOnlyReason === 'no-rights')
          throw new AppError('FORBIDDEN', NO_LOCATION_RIGHTS, { reason: 'rights' });
        if (!repo.requeue(id, owner, now()))
          throw new AppError('INVALID_INPUT', 'This change is being sent right now.');
        deps.audit(
          'location',
          `location ${item.locationId} · ${item.state === 'conflict' ? 'mine sent over Altegio’s' : 'sent again'} by ${owner.name}`,
          owner,
        );
        changed(item.locationId);
        await sendNow(id, owner);
        return repo.get(id);
      },
      'phone.validate': async ({ phone }) => {
        signedIn();
        try {
          return { valid: await (await ctx.altegio({ lane: 'urgent' })).validatePhone(phone) };
        } catch (e) {
          if (isAppError(e) && RETRYABLE.has(e.code)) return { valid: null };
          throw e;
        }
      },
    },
  };
}

class PhoneRefused extends Error {
  constructor(readonly phone: string) {
    super('phone refused by Altegio');
  }
}
class NotKept extends Error {
  constructor(readonly fields: string) {
    super('not kept');
  }
}
