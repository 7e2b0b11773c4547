import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs are 4–6 digits, so at most a million of them: the hash must be slow enough that a copied database
 * cannot be brute-forced in seconds, yet one unlock must not keep a receptionist waiting. scrypt (RFC 7914)
 * is in Node's own crypto, so no native dependency is added. N = 2^15, r = 8, p = 1 uses 32 MiB and takes
 * 0.1–0.25 s per verification (`npm run bench`: pin_verify_ms); a million guesses then cost days of one
 * core, and the online path is rate-limited and locks out after 5 tries anyway.
 */
export const PIN_SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

const PIN_PATTERN = /^\d{4,6}$/;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

function derive(
  pin: string,
  salt: Buffer,
  params: { N: number; r: number; p: number; keyLength: number },
): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), salt, params.keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): self-describing, so the parameters can be raised later without a migration. */
export async function hashPin(pin: string, params = PIN_SCRYPT): Promise<string> {
  if (!isValidPin(pin)) throw new Error('a PIN is 4 to 6 digits');
  const salt = randomBytes(params.saltLength);
  const key = await derive(pin, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, 'base64');
  const params = { N: Number(n), r: Number(r), p: Number(p), keyLength: expected.length };
  if (!Number.isInteger(params.N) || params.N < 2 || expected.length < 16) return false;
  // Always derive, even for a malformed PIN, so the time taken says nothing about the input.
  const key = await derive(isValidPin(pin) ? pin : '0000', Buffer.from(saltB64, 'base64'), params);
  return isValidPin(pin) && timingSafeEqual(key, expected);
}

/** True when a hash was made with weaker parameters than today's, so it is re-hashed at the next unlock. */
export function needsRehash(stored: string, params = PIN_SCRYPT): boolean {
  const [, n, r, p] = stored.split('$');
  return Number(n) < params.N || Number(r) < params.r || Number(p) < params.p;
}
