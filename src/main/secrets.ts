import { AppError } from '../shared/errors';

/** The subset of keytar we use; injectable so the "no keychain" path can be tested. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const INSTALL_HINT: Record<string, string> = {
  linux:
    'Front Desk keeps Altegio tokens in the system keychain, and none is running. Install and unlock one: on Debian or Ubuntu run “sudo apt install gnome-keyring libsecret-1-0” (or use KDE Wallet), then sign out of the desktop and back in.',
  darwin: 'Front Desk could not open the macOS Keychain. Unlock the login keychain in Keychain Access and try again.',
  win32: 'Front Desk could not open Windows Credential Manager. Make sure you are signed in to a normal Windows account.',
};

function keychainMissing(cause: unknown): AppError {
  const hint = INSTALL_HINT[process.platform] ?? INSTALL_HINT['linux']!;
  // The cause may name D-Bus paths; it goes to details for the log, not into the sentence.
  return new AppError('KEYCHAIN_UNAVAILABLE', hint, { cause: String((cause as Error)?.message ?? cause) });
}

async function loadKeytar(): Promise<KeychainBackend> {
  try {
    const mod = (await import('keytar')) as unknown as KeychainBackend & { default?: KeychainBackend };
    return mod.default ?? mod;
  } catch (e) {
    throw keychainMissing(e);
  }
}

const PARTNER_ACCOUNT = 'partner-token';
/** One entry per desk user, so several receptionists can be held at once on a shared PC. */
const userAccount = (environment: string, userId: number) => `user-token:${environment}:${userId}`;
/** Before shared desks there was one entry per environment; read once and moved to the per-user entry. */
const legacyAccount = (environment: string) => `user-token:${environment}`;

export interface StoredUser {
  userId: number;
  name: string;
  avatar: string | null;
  userToken: string;
  /** The phone or e-mail typed at sign-in, so "session ended" can keep it in the form (absent in older entries). */
  login?: string;
  /** The origin that issued the token; it is sent nowhere else. Absent in sessions kept by older versions. */
  origin?: string;
}

/**
 * The only code that touches tokens at rest. Everything goes to the OS keychain via keytar;
 * nothing is written to disk, the database or the logs.
 */
export class Secrets {
  private backendPromise: Promise<KeychainBackend> | null = null;

  constructor(
    private readonly service: string,
    backend?: KeychainBackend,
  ) {
    if (backend) this.backendPromise = Promise.resolve(backend);
  }

  private async call<T>(fn: (k: KeychainBackend) => Promise<T>): Promise<T> {
    this.backendPromise ??= loadKeytar();
    const backend = await this.backendPromise;
    try {
      return await fn(backend);
    } catch (e) {
      throw keychainMissing(e);
    }
  }

  getPartnerToken(): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, PARTNER_ACCOUNT));
  }

  async setPartnerToken(token: string | null): Promise<void> {
    if (token === null) await this.call((k) => k.deletePassword(this.service, PARTNER_ACCOUNT));
    else await this.call((k) => k.setPassword(this.service, PARTNER_ACCOUNT, token));
  }

  /** A desk user of an environment, with the token; the session service keeps the token in main. */
  async getUser(environment: string, userId: number): Promise<StoredUser | null> {
    const raw = await this.call((k) => k.getPassword(this.service, userAccount(environment, userId)));
    return parseUser(raw, userId);
  }

  setUser(environment: string, user: StoredUser): Promise<void> {
    return this.call((k) => k.setPassword(this.service, userAccount(environment, user.userId), JSON.stringify(user)));
  }

  async deleteUser(environment: string, userId: number): Promise<void> {
    await this.call((k) => k.deletePassword(this.service, userAccount(environment, userId)));
  }

  /** The single-user entry of an older version, moved to its per-user entry; null when there is none. */
  async migrateLegacyUser(environment: string): Promise<StoredUser | null> {
    const raw = await this.call((k) => k.getPassword(this.service, legacyAccount(environment)));
    const user = parseUser(raw, null);
    if (raw !== null) {
      if (user) await this.setUser(environment, user);
      await this.call((k) => k.deletePassword(this.service, legacyAccount(environment)));
    }
    return user;
  }
}

function parseUser(raw: string | null, userId: number | null): StoredUser | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as StoredUser;
    const ok = typeof parsed.userToken === 'string' && typeof parsed.userId === 'number';
    return ok && (userId === null || parsed.userId === userId) ? parsed : null;
  } catch {
    return null;
  }
}
