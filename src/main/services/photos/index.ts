import type { CropRect, PhotoResult } from '../../../shared/domain/photos';
import { AppError, isAppError } from '../../../shared/errors';
import { OutboxRepo, type OutboxWork } from '../../store/outbox/outbox-repo';
import type { AppContext, Domain } from '../context';
import { bestRemoteUrl, saveStaffPhoto } from './media';
import { processPhoto } from './process';
import { backoffMs, RETRYABLE } from './retry-policy';

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
  const changed = () => ctx.events.emit('outbox-changed', { items: outbox.list() });
  outbox.resetSending(now());

  function member(locationId: number, staffId: number) {
    const m = deps.staff.getStaffMember(locationId, staffId);
    if (!m)
      throw new AppError('NOT_FOUND', 'This team member is not in the catalogue on this desk. Sync and try again.');
    return m;
  }

  async function upload(locationId: number, staffId: number, jpeg: Buffer, fileName: string): Promise<string> {
    const img = await (await ctx.altegio()).uploadStaffPhoto({ staffId, jpeg, fileName });
    const media = saveStaffPhoto(ctx.paths.media, locationId, staffId, jpeg);
    deps.staff.setStaffAvatar(locationId, staffId, {
      media,
      remote: bestRemoteUrl(img),
      imageGroupId: img.imageGroupId,
    });
    return media;
  }

  async function remove(locationId: number, staffId: number, imageGroupId: number): Promise<void> {
    try {
      await (await ctx.altegio()).deleteImage({ entity: 'master', imageGroupId });
    } catch (e) {
      // Already gone on Altegio (a replayed removal): the goal is reached.
      if (!(isAppError(e) && e.code === 'NOT_FOUND')) throw e;
    }
    deps.staff.setStaffAvatar(locationId, staffId, { media: null, remote: null, imageGroupId: null });
  }

  async function send(work: OutboxWork): Promise<void> {
    if (work.kind === 'upload-photo') {
      await upload(work.locationId, work.staffId, work.payload ?? Buffer.alloc(0), work.fileName ?? 'photo.jpg');
    } else {
      await remove(work.locationId, work.staffId, work.imageGroupId ?? 0);
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
    for (const work of outbox.claimDue(now())) {
      try {
        await send(work);
        outbox.complete(work.id, work.attempts);
        ctx.log.info({ outboxId: work.id, kind: work.kind }, 'outbox item sent');
      } catch (e) {
        const err = isAppError(e) ? e : new AppError('INTERNAL', 'Something went wrong inside Front Desk.');
        if (!isAppError(e)) ctx.log.error({ err: e, outboxId: work.id }, 'outbox item failed unexpectedly');
        if (RETRYABLE.has(err.code)) outbox.retryLater(work.id, err.toBody(), now() + backoffMs(work.attempts));
        else outbox.fail(work.id, err.toBody());
      }
      changed();
    }
  }

  function queue(
    kind: 'upload-photo' | 'remove-photo',
    locationId: number,
    staff: { id: number; name: string },
    extra: { payload?: Buffer; fileName?: string; imageGroupId?: number | null },
    error: AppError,
  ): PhotoResult {
    const id = outbox.put({
      kind,
      locationId,
      staffId: staff.id,
      staffName: staff.name,
      payload: extra.payload ?? null,
      fileName: extra.fileName ?? null,
      imageGroupId: extra.imageGroupId ?? null,
      now: now() + backoffMs(1),
    });
    ctx.log.info({ outboxId: id, kind, code: error.code }, 'photo work queued for later');
    changed();
    return { status: 'queued', outboxId: id, avatarUrl: null };
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
        const { jpeg } = await processPhoto(bytes, { crop: crop as CropRect | undefined });
        const name = fileName.replace(/\.[^.]*$/, '') + '.jpg';
        try {
          const media = await upload(locationId, staffId, jpeg, name);
          return { status: 'done', outboxId: null, avatarUrl: ctx.mediaUrl(media) };
        } catch (e) {
          if (isAppError(e) && RETRYABLE.has(e.code))
            return queue('upload-photo', locationId, m, { payload: jpeg, fileName: name }, e);
          throw e;
        }
      },
      'staff.removePhoto': async ({ locationId, staffId }) => {
        const m = member(locationId, staffId);
        if (m.imageGroupId === null) {
          throw new AppError('NOT_FOUND', `${m.name} has no photo on Altegio to remove.`);
        }
        try {
          await remove(locationId, staffId, m.imageGroupId);
          return { status: 'done', outboxId: null, avatarUrl: null };
        } catch (e) {
          if (isAppError(e) && RETRYABLE.has(e.code))
            return queue('remove-photo', locationId, m, { imageGroupId: m.imageGroupId }, e);
          throw e;
        }
      },
      'outbox.list': () => outbox.list(),
      'outbox.cancel': ({ id }) => {
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
        if (!outbox.requeue(id, now())) throw new AppError('NOT_FOUND', 'This item is no longer waiting.');
        changed();
        void flush();
        return null;
      },
    },
  };
}
