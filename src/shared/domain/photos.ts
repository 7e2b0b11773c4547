export interface CropRect {
  /** In pixels of the upright (EXIF-rotated) source image. */
  left: number;
  top: number;
  size: number;
}

export type OutboxKind = 'upload-photo' | 'remove-photo';
/** Whose photo an outbox item changes: a team member's (POST /images/master) or a service's (/images/service). */
export type PhotoSubject = 'staff' | 'service';
/** 'needs-manager': Altegio refused it (403); kept until someone with the rights presses Retry, which makes it theirs. */
export type OutboxState = 'pending' | 'sending' | 'failed' | 'needs-manager';

export interface OutboxItem {
  id: number;
  kind: OutboxKind;
  locationId: number;
  subject: PhotoSubject;
  /** The team member's or the service's Altegio id. */
  subjectId: number;
  /** The member's name or the service's title when queued. */
  subjectName: string | null;
  state: OutboxState;
  attempts: number;
  lastError: { code: string; message: string } | null;
  nextAttemptAt: string | null;
  createdAt: string;
  /** Who queued it; it is sent only while that Altegio user is signed in (absent/null: unknown, older data). */
  queuedBy?: string | null;
  /** Set when another user (or nobody) is signed in: the item waits for this person to sign in. */
  waitingFor?: string | null;
}

export interface PhotoResult {
  /** 'needs-manager': Altegio refused it (403); it stays in the outbox for someone with the rights. */
  status: 'done' | 'queued' | 'needs-manager';
  outboxId: number | null;
  avatarUrl: string | null;
}
