/** A receptionist held on this desk, as the lock screen may show them: a name and a face, nothing else. */
export interface DeskUserView {
  userId: number;
  name: string;
  avatar: string | null;
  /** Can unlock with a PIN; otherwise they sign in with their Altegio password. */
  hasPin: boolean;
  /** Five wrong PINs: only the Altegio password lets them back in. */
  lockedOut: boolean;
  /** Their Altegio session ended (401) or was removed: the password is needed. */
  needsPassword: boolean;
  /** The login to fill in when they must sign in again. */
  login: string | null;
  active: boolean;
}

export interface DeskState {
  locked: boolean;
  users: DeskUserView[];
  /** 0 = never. */
  autoLockMinutes: number;
  /** Where the person who locked the desk was, so unlocking lands there. */
  returnTo: string | null;
}

export interface AuditEntryView {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  detail: string | null;
  /** Repeated wrong PINs are one row: how many (absent when 1). */
  count?: number;
}

export type LockReason = 'manual' | 'idle' | 'os-lock' | 'suspend' | 'start';
