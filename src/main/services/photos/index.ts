import { singleFlight } from '../../core/single-flight';
import type { CropRect, PhotoResult, PhotoSubject } from '../../../shared/domain/photos';
import { AppError, isAppError } from '../../../shared/errors';
import { OutboxRepo, type OutboxOwner, type OutboxWork } from '../../store/outbox/outbox-repo';
import type { AltegioApi } from '../../altegio/types';
import { rightsOf } from '../catalog/location-rights';
import { allows, knownRights } from '../manage/rights';
import type { AppContext, Domain } from '../context';
import { bestRemoteUrl, savePhoto } from './media';
import { processPhoto } from './process';
import { backoffMs, MAYBE_DELIVERED, RETRYABLE } from './retry-policy';
import { serviceSubject, staffSubject, type PhotoHolder, type PhotoStore, type SubjectPort } from './subjects';

export type { PhotoStore, StoredPhoto } from './subjects';

/** The team members' side of the catalogue, as the photo outbox reads and updates it. */
export interface StaffAvatarStore {
  getStaffMember(locationId: number, staffId: number): PhotoHolder | null;
  setStaffAvatar(
    locationId: number,
    staffId: number,
    avatar: { media: string | null; remote: string | null; imageGroupId: number | null },
  ): void;
}

export type PhotosChannel =
  | 'staff.uploadPhoto'
  | 'staff.removePhoto'
  | 'service.uploadPhoto'
  | 'service.removePhoto'
  | 'outbox.list'
  | 'outbox.cancel'
  | 'outbox.retry';

export interface PhotosDomain extends Domain<PhotosChannel> {
  /** Queued changes per member (default) or per service of a location. */
  pendingPhotos(locationId: number, subject?: PhotoSubject): Map<number, 'upload' | 'remove'>;
  /** Sends every due outbox item now; concurrent calls share one run. */
  flush(): Promise<void>;
}

export interface PhotosDeps {
  staff: StaffAvatarStore;
  /** The services' photos in the catalogue; without it the service channels answer NOT_FOUND. */
  services?: PhotoStore;
  /** The audit list, as the person who made the change (service photos are a manager's change). */
  audit?(action: string, detail: string, who: { userId: number; name: string }): void;
  tickMs?: number;
}

const TICK_MS = 5_000;

export const NO_PHOTO_RIGHTS_SENTENCE =
  'Your Altegio role does not allow changing services at this location. Ask a manager to do it, or to change your rights.';

export function createPhotosDomain(ctx: AppContext, deps: PhotosDeps): PhotosDomain {
  const outbox = new OutboxRepo(ctx.db);
  const now = () => ctx.now().getTime();
  const who = (): OutboxOwner | null => ctx.currentUser();
  const subjects: Record<PhotoSubject, SubjectPort> = {
    staff: staffSubject({
      get: (l, s) => deps.staff.getStaffMember(l, s),
      set: (l, s, p) => deps.staff.setStaffAvatar(l, s, p),
    }),
    service: serviceSubject(
      deps.services ?? {
        get: () => null,
        set: () => undefined,
      },
    ),
  };
  /**
   * The queue as the signed-in person may see it: items at their own locations (whoever queued them, so
   * "waiting for Anna" still shows); a colleague's or another salon's work elsewhere is not theirs to read,
   * cancel or retry.
   */
  const visible = () => {
    const rights = rightsOf(ctx.settings, who()) ?? [];
    return outbox.list(who()).filter((i) => rights.includes(i.locationId));
  };
  const mayTouch = (id: number) => visible().some((i) => i.id === id);
  const changed = () => ctx.events.emit('outbox-changed', { items: visible() });
  // Items left 'sending' by a crash: Altegio is asked whether they arrived before they go again.
  outbox.resetSending(now());

  function holder(port: SubjectPort, locationId: number, id: number): PhotoHolder {
    const h = port.store.get(locationId, id);
    if (!h) throw new AppError('NOT_FOUND', port.notInCatalogue);
    return h;
  }

  function signedIn(): OutboxOwner {
    const u = who();
    if (!u) throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    return u;
  }

  /**
   * A service's photo is a change to the menu: as Altegio last said, the person must be allowed to edit
   * services and their images (manage/rights.ts). Never asked (offline since sign-in): Altegio decides, as for other changes.
   */
  function mayChange(port: SubjectPort, owner: OutboxOwner, locationId: number): void {
    if (port.subject !== 'service') return;
    const r = knownRights(ctx.settings, owner, locationId);
    if (!allows(r, 'servicePhoto')) throw new AppError('FORBIDDEN', NO_PHOTO_RIGHTS_SENTENCE, { reason: 'rights' });
  }

  /** Service photos are a change to the menu: on the audit list as the person who owns the change. */
  function audit(
    port: SubjectPort,
    what: string,
    locationId: number,
    h: { id: number; name: string | null },
    owner: OutboxOwner | null = who(),
  ): void {
    if (port.subject !== 'service' || !deps.audit || !owner) return;
    try {
      deps.audit('catalogue', `service photo “${h.name ?? `#${h.id}`}” · location ${locationId} · ${what}`, owner);
    } catch (e) {
      ctx.log.warn({ err: e, what }, 'service photo change not written to the audit list');
    }
  }

  /**
   * Altegio has the photo: keep a local copy and point the subject at it. Neither step can undo the
   * upload, so neither failing (disk full) makes it a failed upload: the next sync downloads the photo.
   */
  function settle(
    port: SubjectPort,
    locationId: number,
    id: number,
    jpeg: Buffer,
    remote: { url: string | null; imageGroupId: number | null },
  ): string | null {
    let media: string | null = null;
    try {
      media = savePhoto(ctx.paths.media, port.mediaDir, locationId, id, jpeg);
    } catch (e) {
      ctx.log.warn(
        { err: e, locationId, id, subject: port.subject },
        'photo is on Altegio but its local copy was not saved',
      );
    }
    try {
      port.store.set(locationId, id, { media, remote: remote.url, imageGroupId: remote.imageGroupId });
    } catch (e) {
      ctx.log.warn(
        { err: e, locationId, id, subject: port.subject },
        'photo is on Altegio but the catalogue was not updated',
      );
    }
    return media;
  }

  async function upload(api: AltegioApi, port: SubjectPort, work: OutboxWork): Promise<string | null> {
    const jpeg = work.payload ?? Buffer.alloc(0);
    const img = await port.upload(api, work.locationId, work.subjectId, jpeg, work.fileName ?? 'photo.jpg');
    return settle(port, work.locationId, work.subjectId, jpeg, {
      url: bestRemoteUrl(img),
      imageGroupId: img.imageGroupId,
    });
  }

  /**
   * An earlier request may have reached Altegio (lost answer, crash). Altegio has no idempotency key,
   * so ask it: if the subject's image group is no longer the one it had when the item was queued, our
   * upload arrived and must not be sent again.
   */
  async function alreadyDelivered(
    api: AltegioApi,
    port: SubjectPort,
    work: OutboxWork,
  ): Promise<{ media: string | null } | null> {
    const now = await port.current(api, work.locationId, work.subjectId);
    if (!now) throw new AppError('NOT_FOUND', port.goneFromAltegio);
    if (now.imageGroupId !== null && now.imageGroupId !== work.beforeImageGroupId) {
      ctx.log.info(
        { outboxId: work.id, imageGroupId: now.imageGroupId },
        'queued photo had already arrived on Altegio',
      );
      const media = settle(port, work.locationId, work.subjectId, work.payload ?? Buffer.alloc(0), now);
      return { media };
    }
    outbox.markConfirmedUndelivered(work.id);
    return null;
  }

  async function remove(
    api: AltegioApi,
    port: SubjectPort,
    locationId: number,
    id: number,
    imageGroupId: number,
  ): Promise<void> {
    try {
      await api.deleteImage({ entity: port.entity, imageGroupId });
    } catch (e) {
      // Already gone on Altegio (a replayed removal): the goal is reached.
      if (!(isAppError(e) && e.code === 'NOT_FOUND')) throw e;
    }
    port.store.set(locationId, id, { media: null, remote: null, imageGroupId: null });
  }

  async function send(api: AltegioApi, work: OutboxWork): Promise<string | null> {
    const port = subjects[work.subject];
    if (work.kind === 'remove-photo') {
      await remove(api, port, work.locationId, work.subjectId, work.imageGroupId ?? 0);
      return null;
    }
    if (work.unconfirmed && work.confirmable) {
      const delivered = await alreadyDelivered(api, port, work);
      if (delivered) return delivered.media;
    }
    return upload(api, port, work);
  }

  type Outcome =
    { ok: true; media: string | null } | { ok: false; error: AppError; final: boolean; needsManager?: boolean };

  /**
   * Altegio refused the change for this person's role (403): kept, never dropped, marked for a manager, whose
   * Retry makes it theirs (outbox.retry). Said with the desk's sentence, not Altegio's.
   */
  function holdForManager(work: OutboxWork, owner: OutboxOwner): AppError {
    const port = subjects[work.subject];
    outbox.stop(work.id, 'needs-manager', { code: 'FORBIDDEN', message: port.needsManager });
    audit(port, 'refused: needs a manager', work.locationId, { id: work.subjectId, name: work.subjectName }, owner);
    ctx.log.info({ outboxId: work.id, subject: work.subject }, 'photo change kept for a manager (403)');
    return new AppError('FORBIDDEN', port.needsManager, { reason: 'needs-manager', outboxId: work.id });
  }

  /** One claimed item, one try; the outbox row records the outcome before anyone is told. */
  async function attempt(api: Promise<AltegioApi>, work: OutboxWork, owner: OutboxOwner): Promise<Outcome> {
    try {
      const media = await send(await api, work);
      outbox.complete(work.id, work.attempts);
      const h = { id: work.subjectId, name: work.subjectName };
      audit(subjects[work.subject], work.kind === 'upload-photo' ? 'sent' : 'removed', work.locationId, h, owner);
      ctx.log.info({ outboxId: work.id, kind: work.kind, subject: work.subject }, 'outbox item sent');
      return { ok: true, media };
    } catch (e) {
      const err = isAppError(e) ? e : new AppError('INTERNAL', 'Something went wrong inside Front Desk.');
      if (!isAppError(e)) ctx.log.error({ err: e, outboxId: work.id }, 'outbox item failed unexpectedly');
      if (RETRYABLE.has(err.code)) {
        outbox.retryLater(work.id, err.toBody(), now() + backoffMs(work.attempts), MAYBE_DELIVERED.has(err.code));
        return { ok: false, error: err, final: false };
      }
      if (err.code === 'FORBIDDEN')
        return { ok: false, error: holdForManager(work, owner), final: true, needsManager: true };
      outbox.stop(work.id, 'failed', err.toBody());
      return { ok: false, error: err, final: true };
    } finally {
      changed();
    }
  }

  // Work that became due while a run was busy (e.g. back online) gets one more pass after it.
  const flush = singleFlight(sendDue);

  async function sendDue(): Promise<void> {
    const user = who();
    // Another user's items are never sent under this session: they wait for their owner.
    if (!user) return;
    // The owner's client is taken with the owner, before anything is claimed or awaited: the whole run
    // goes out with their token even if the desk locks or switches person meanwhile.
    const api = ctx.altegio();
    api.catch(() => undefined); // a failure is reported by each attempt below
    for (const work of outbox.claimDue(now(), user)) await attempt(api, work, user);
  }

  function queue(
    kind: 'upload-photo' | 'remove-photo',
    port: SubjectPort,
    locationId: number,
    h: PhotoHolder,
    extra: { payload?: Buffer; fileName?: string; imageGroupId?: number | null },
    owner: OutboxOwner,
    delayMs = 0,
  ): number {
    return outbox.put({
      kind,
      locationId,
      subject: port.subject,
      subjectId: h.id,
      subjectName: h.name,
      payload: extra.payload ?? null,
      fileName: extra.fileName ?? null,
      imageGroupId: extra.imageGroupId ?? null,
      beforeImageGroupId: h.imageGroupId,
      owner,
      now: now(),
      dueAt: now() + delayMs,
    });
  }

  async function uploadPhoto(
    port: SubjectPort,
    a: { locationId: number; id: number; bytes: Uint8Array; fileName: string; crop?: CropRect | undefined },
  ): Promise<PhotoResult> {
    const h = holder(port, a.locationId, a.id);
    const owner = signedIn();
    mayChange(port, owner, a.locationId);
    const api = ctx.altegio(); // the uploader's client, taken with the uploader
    api.catch(() => undefined); // reported by the attempt
    const { jpeg } = await processPhoto(a.bytes, { crop: a.crop });
    const name = a.fileName.replace(/\.[^.]*$/, '') + '.jpg';
    // Recorded (and marked 'sending') before the request: a lost answer or a crash leaves a
    // row that is confirmed against Altegio, never a second blind upload.
    const id = queue('upload-photo', port, a.locationId, h, { payload: jpeg, fileName: name }, owner);
    audit(port, 'queued', a.locationId, h, owner);
    const [work] = outbox.claimDue(now(), owner, id);
    const r = await attempt(api, work!, owner);
    if (r.ok) {
      return { status: 'done', outboxId: null, avatarUrl: r.media ? ctx.mediaUrl(r.media) : null };
    }
    if (!r.final) {
      ctx.log.info({ outboxId: id, code: r.error.code }, 'photo upload queued for later');
      return { status: 'queued', outboxId: id, avatarUrl: null };
    }
    if (r.needsManager) return { status: 'needs-manager', outboxId: id, avatarUrl: null };
    // Refused for good (a bad picture, a subject gone): the user sees why now; nothing stays queued.
    outbox.discard(id);
    audit(port, `refused (${r.error.code})`, a.locationId, h, owner);
    changed();
    throw r.error;
  }

  async function removePhoto(port: SubjectPort, locationId: number, id: number): Promise<PhotoResult> {
    const h = holder(port, locationId, id);
    if (h.imageGroupId === null) throw new AppError('NOT_FOUND', port.noPhoto(h.name));
    const owner = signedIn();
    mayChange(port, owner, locationId);
    const api = ctx.altegio();
    try {
      await remove(await api, port, locationId, id, h.imageGroupId);
      audit(port, 'removed', locationId, h, owner);
      return { status: 'done', outboxId: null, avatarUrl: null };
    } catch (e) {
      if (isAppError(e) && RETRYABLE.has(e.code)) {
        // A replayed removal is harmless (NOT_FOUND counts as done), so no confirmation is needed.
        const qid = queue('remove-photo', port, locationId, h, { imageGroupId: h.imageGroupId }, owner, backoffMs(1));
        audit(port, 'removal queued', locationId, h, owner);
        ctx.log.info({ outboxId: qid, code: e.code }, 'photo removal queued for later');
        changed();
        return { status: 'queued', outboxId: qid, avatarUrl: null };
      }
      if (isAppError(e) && e.code === 'FORBIDDEN') {
        // Kept like a refused upload: recorded, then held for a manager.
        const qid = queue('remove-photo', port, locationId, h, { imageGroupId: h.imageGroupId }, owner);
        const [work] = outbox.claimDue(now(), owner, qid);
        holdForManager(work!, owner);
        changed();
        return { status: 'needs-manager', outboxId: qid, avatarUrl: null };
      }
      throw e;
    }
  }

  const timer = setInterval(() => void flush(), deps.tickMs ?? TICK_MS);
  timer.unref();
  const offConnectivity = ctx.events.on('connectivity', ({ online }) => {
    if (!online) return;
    outbox.makeAllDue(now());
    void flush();
  });

  return {
    pendingPhotos: (locationId, subject = 'staff') => outbox.pendingFor(locationId, subject),
    flush,
    onSession(active) {
      // Whose items wait for whom has changed.
      changed();
      if (!active) return;
      outbox.makeAllDue(now());
      void flush();
    },
    close() {
      clearInterval(timer);
      offConnectivity();
    },
    handlers: {
      'staff.uploadPhoto': ({ staffId, ...a }) => uploadPhoto(subjects.staff, { ...a, id: staffId }),
      'staff.removePhoto': ({ locationId, staffId }) => removePhoto(subjects.staff, locationId, staffId),
      'service.uploadPhoto': ({ serviceId, ...a }) => uploadPhoto(subjects.service, { ...a, id: serviceId }),
      'service.removePhoto': ({ locationId, serviceId }) => removePhoto(subjects.service, locationId, serviceId),
      'outbox.list': () => visible(),
      'outbox.cancel': ({ id }) => {
        if (!mayTouch(id)) throw new AppError('NOT_FOUND', 'This item is no longer waiting.');
        if (!outbox.remove(id)) {
          throw new AppError(
            outbox.exists(id) ? 'INVALID_INPUT' : 'NOT_FOUND',
            outbox.exists(id) ? 'This item is being sent right now.' : 'This item is no longer waiting.',
          );
        }
        changed();
        return null;
      },
      'outbox.retry': ({ id }) => {
        const item = mayTouch(id) ? outbox.get(id) : null;
        if (!item) throw new AppError('NOT_FOUND', 'This item is no longer waiting.');
        const by = signedIn();
        // Held for a manager: it becomes the retrier's, so they must be allowed to make it (as Altegio last said).
        if (item.state === 'needs-manager') mayChange(subjects[item.subject], by, item.locationId);
        if (!outbox.requeue(id, now(), by)) throw new AppError('NOT_FOUND', 'This item is no longer waiting.');
        if (item.state === 'needs-manager') {
          const h = { id: item.subjectId, name: item.subjectName };
          audit(
            subjects[item.subject],
            `sent again by ${by.name} (was refused for ${item.queuedBy ?? 'its owner'})`,
            item.locationId,
            h,
            by,
          );
        }
        changed();
        void flush();
        return null;
      },
    },
  };
}
