import type { CropRect } from '../../../shared/domain/photos';
import { AppError, isAppError } from '../../../shared/errors';
import { OutboxRepo, type OutboxOwner, type OutboxWork } from '../../store/outbox/outbox-repo';
import type { AltegioApi } from '../../altegio/types';
import { rightsOf } from '../catalog/location-rights';
import type { AppContext, Domain } from '../context';
import { bestRemoteUrl, saveStaffPhoto } from './media';
import { processPhoto } from './process';
import { backoffMs, MAYBE_DELIVERED, RETRYABLE } from './retry-policy';

export interface StaffAvatarStore {
  getStaffMember(locationId: number, staffId: number): { id: number; name: string; imageGroupId: number | null } | null;
  setStaffAvatar(
    locationId: number,
    staffId: number,
    avatar: { media: string | null; remote: string | null; imageGroupId: number | null },
  ): void;
}

export interface PhotosDomain extends Domain<
  'staff.uploadPhoto' | 'staff.removePhoto' | 'outbox.list' | 'outbox.cancel' | 'outbox.retry'
> {
  pendingPhotos(locationId: number): Map<number, 'upload' | 'remove'>;
  /** Sends every due outbox item now; concurrent calls share one run. */
  flush(): Promise<void>;
}

const TICK_MS = 5_000;

export function createPhotosDomain(ctx: AppContext, deps: { staff: StaffAvatarStore; tickMs?: number }): PhotosDomain {
  const outbox = new OutboxRepo(ctx.db);
  const now = () => ctx.now().getTime();
  const who = (): OutboxOwner | null => ctx.currentUser();
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

  function member(locationId: number, staffId: number) {
    const m = deps.staff.getStaffMember(locationId, staffId);
    if (!m)
      throw new AppError('NOT_FOUND', 'This team member is not in the catalogue on this desk. Sync and try again.');
    return m;
  }

  function signedIn(): OutboxOwner {
    const u = who();
    if (!u) throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    return u;
  }

  /**
   * Altegio has the photo: keep a local copy and point the member at it. Neither step can undo the
   * upload, so neither failing (disk full) makes it a failed upload: the next sync downloads the photo.
   */
  function settle(
    locationId: number,
    staffId: number,
    jpeg: Buffer,
    remote: { url: string | null; imageGroupId: number | null },
  ): string | null {
    let media: string | null = null;
    try {
      media = saveStaffPhoto(ctx.paths.media, locationId, staffId, jpeg);
    } catch (e) {
      ctx.log.warn({ err: e, locationId, staffId }, 'photo is on Altegio but its local copy was not saved');
    }
    try {
      deps.staff.setStaffAvatar(locationId, staffId, { media, remote: remote.url, imageGroupId: remote.imageGroupId });
    } catch (e) {
      ctx.log.warn({ err: e, locationId, staffId }, 'photo is on Altegio but the catalogue was not updated');
    }
    return media;
  }

  async function upload(api: AltegioApi, work: OutboxWork): Promise<string | null> {
    const jpeg = work.payload ?? Buffer.alloc(0);
    const img = await api.uploadStaffPhoto({
      staffId: work.staffId,
      jpeg,
      fileName: work.fileName ?? 'photo.jpg',
    });
    return settle(work.locationId, work.staffId, jpeg, { url: bestRemoteUrl(img), imageGroupId: img.imageGroupId });
  }

  /**
   * An earlier request may have reached Altegio (lost answer, crash). Altegio has no idempotency key,
   * so ask it: if the member's photo is no longer the one they had when the item was queued, our
   * upload arrived and must not be sent again.
   */
  async function alreadyDelivered(api: AltegioApi, work: OutboxWork): Promise<{ media: string | null } | null> {
    const m = (await api.staff(work.locationId)).find((x) => x.id === work.staffId);
    if (!m) throw new AppError('NOT_FOUND', 'This team member is no longer on Altegio.');
    if (m.imageGroupId !== null && m.imageGroupId !== work.beforeImageGroupId) {
      ctx.log.info({ outboxId: work.id, imageGroupId: m.imageGroupId }, 'queued photo had already arrived on Altegio');
      const media = settle(work.locationId, work.staffId, work.payload ?? Buffer.alloc(0), {
        url: m.avatarBig ?? m.avatar,
        imageGroupId: m.imageGroupId,
      });
      return { media };
    }
    outbox.markConfirmedUndelivered(work.id);
    return null;
  }

  async function remove(api: AltegioApi, locationId: number, staffId: number, imageGroupId: number): Promise<void> {
    try {
      await api.deleteImage({ entity: 'master', imageGroupId });
    } catch (e) {
      // Already gone on Altegio (a replayed removal): the goal is reached.
      if (!(isAppError(e) && e.code === 'NOT_FOUND')) throw e;
    }
    deps.staff.setStaffAvatar(locationId, staffId, { media: null, remote: null, imageGroupId: null });
  }

  async function send(api: AltegioApi, work: OutboxWork): Promise<string | null> {
    if (work.kind === 'remove-photo') {
      await remove(api, work.locationId, work.staffId, work.imageGroupId ?? 0);
      return null;
    }
    if (work.unconfirmed && work.confirmable) {
      const delivered = await alreadyDelivered(api, work);
      if (delivered) return delivered.media;
    }
    return upload(api, work);
  }

  type Outcome = { ok: true; media: string | null } | { ok: false; error: AppError; final: boolean };

  /** One claimed item, one try; the outbox row records the outcome before anyone is told. */
  async function attempt(api: Promise<AltegioApi>, work: OutboxWork): Promise<Outcome> {
    try {
      const media = await send(await api, work);
      outbox.complete(work.id, work.attempts);
      ctx.log.info({ outboxId: work.id, kind: work.kind }, 'outbox item sent');
      return { ok: true, media };
    } catch (e) {
      const err = isAppError(e) ? e : new AppError('INTERNAL', 'Something went wrong inside Front Desk.');
      if (!isAppError(e)) ctx.log.error({ err: e, outboxId: work.id }, 'outbox item failed unexpectedly');
      if (RETRYABLE.has(err.code)) {
        outbox.retryLater(work.id, err.toBody(), now() + backoffMs(work.attempts), MAYBE_DELIVERED.has(err.code));
        return { ok: false, error: err, final: false };
      }
      outbox.fail(work.id, err.toBody());
      return { ok: false, error: err, final: true };
    } finally {
      changed();
    }
  }

  let running: Promise<void> | null = null;
  let again = false;
  function flush(): Promise<void> {
    if (running) {
      // Work became due while a run was busy (e.g. back online): run once more after it.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await sendDue();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function sendDue(): Promise<void> {
    const user = who();
    // Another user's items are never sent under this session: they wait for their owner.
    if (!user) return;
    // The owner's client is taken with the owner, before anything is claimed or awaited: the whole run
    // goes out with their token even if the desk locks or switches person meanwhile.
    const api = ctx.altegio();
    api.catch(() => undefined); // a failure is reported by each attempt below
    for (const work of outbox.claimDue(now(), user)) await attempt(api, work);
  }

  function queue(
    kind: 'upload-photo' | 'remove-photo',
    locationId: number,
    staff: { id: number; name: string; imageGroupId: number | null },
    extra: { payload?: Buffer; fileName?: string; imageGroupId?: number | null },
    owner: OutboxOwner,
    delayMs = 0,
  ): number {
    return outbox.put({
      kind,
      locationId,
      staffId: staff.id,
      staffName: staff.name,
      payload: extra.payload ?? null,
      fileName: extra.fileName ?? null,
      imageGroupId: extra.imageGroupId ?? null,
      beforeImageGroupId: staff.imageGroupId,
      owner,
      now: now(),
      dueAt: now() + delayMs,
    });
  }

  const timer = setInterval(() => void flush(), deps.tickMs ?? TICK_MS);
  timer.unref();
  const offConnectivity = ctx.events.on('connectivity', ({ online }) => {
    if (!online) return;
    outbox.makeAllDue(now());
    void flush();
  });

  return {
    pendingPhotos: (locationId) => outbox.pendingFor(locationId),
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
      'staff.uploadPhoto': async ({ locationId, staffId, bytes, fileName, crop }) => {
        const m = member(locationId, staffId);
        const owner = signedIn();
        const api = ctx.altegio(); // the uploader's client, taken with the uploader
        api.catch(() => undefined); // reported by the attempt
        const { jpeg } = await processPhoto(bytes, { crop: crop as CropRect | undefined });
        const name = fileName.replace(/\.[^.]*$/, '') + '.jpg';
        // Recorded (and marked 'sending') before the request: a lost answer or a crash leaves a
        // row that is confirmed against Altegio, never a second blind upload.
        const id = queue('upload-photo', locationId, m, { payload: jpeg, fileName: name }, owner);
        const [work] = outbox.claimDue(now(), owner, id);
        const r = await attempt(api, work!);
        if (r.ok) return { status: 'done', outboxId: null, avatarUrl: r.media ? ctx.mediaUrl(r.media) : null };
        if (!r.final) {
          ctx.log.info({ outboxId: id, code: r.error.code }, 'photo upload queued for later');
          return { status: 'queued', outboxId: id, avatarUrl: null };
        }
        // Refused for good (e.g. 403): the user sees why now; nothing stays queued.
        outbox.discard(id);
        changed();
        throw r.error;
      },
      'staff.removePhoto': async ({ locationId, staffId }) => {
        const m = member(locationId, staffId);
        if (m.imageGroupId === null) {
          throw new AppError('NOT_FOUND', `${m.name} has no photo on Altegio to remove.`);
        }
        const owner = signedIn();
        const api = ctx.altegio();
        try {
          await remove(await api, locationId, staffId, m.imageGroupId);
          return { status: 'done', outboxId: null, avatarUrl: null };
        } catch (e) {
          if (isAppError(e) && RETRYABLE.has(e.code)) {
            // A replayed removal is harmless (NOT_FOUND counts as done), so no confirmation is needed.
            const id = queue('remove-photo', locationId, m, { imageGroupId: m.imageGroupId }, owner, backoffMs(1));
            ctx.log.info({ outboxId: id, code: e.code }, 'photo removal queued for later');
            changed();
            return { status: 'queued', outboxId: id, avatarUrl: null };
          }
          throw e;
        }
      },
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
        if (!mayTouch(id) || !outbox.requeue(id, now()))
          throw new AppError('NOT_FOUND', 'This item is no longer waiting.');
        changed();
        void flush();
        return null;
      },
    },
  };
}
