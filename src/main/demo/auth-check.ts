import type { DemoDataset, DemoUser } from './types';

export interface AuthInfo {
  /** What the header carried, for the request log (never the tokens themselves). */
  kind: 'none' | 'partner' | 'user';
  partnerOk: boolean;
  user: DemoUser | null;
}

/** `Bearer <partner>` or `Bearer <partner>, User <user>` (the comma may or may not be followed by a space). */
const HEADER = /^\s*Bearer\s+([^\s,]+)\s*(?:,\s*User\s+([^\s,]+))?\s*$/i;

export function checkAuth(header: string | undefined, dataset: DemoDataset): AuthInfo {
  const m = header ? HEADER.exec(header) : null;
  if (!m) return { kind: 'none', partnerOk: false, user: null };
  const partnerOk = m[1] === dataset.partnerToken;
  const userToken = m[2];
  const user = userToken ? (dataset.users.find((u) => u.userToken === userToken) ?? null) : null;
  return { kind: userToken ? 'user' : 'partner', partnerOk, user };
}
