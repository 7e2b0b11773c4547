import { prng } from '../../src/main/demo/prng';
import { CHANNELS, contract } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/errors';
import type { Row } from './table';
import type { TestServices } from '../support/services';

const KEYS = ['locationId', 'id', 'staffId', 'date', 'query', 'limit', 'offset', 'paper', 'printer', 'token', 'customUrl', 'environment', 'login', 'password', 'bytes', 'fileName', 'url', 'echo', '__proto__', 'constructor'];

/** A hostile value: wrong types, edge numbers, impossible dates, huge and deep things, bytes. */
function value(r: () => number, depth = 0): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  switch (Math.floor(r() * 14)) {
    case 0: return pick([0, -1, 1, 2 ** 53, -(2 ** 31), 1.5, NaN, Infinity, 410001, 999_999]);
    case 1: return pick(['', 'x', '2026-02-30', '2026-13-01', '0000-00-00', '../../etc/passwd', 'http://evil.example/', 'a'.repeat(5000), '\u0000', '🙂']);
    case 2: return null;
    case 3: return undefined;
    case 4: return pick([true, false]);
    case 5: return new Uint8Array(Math.floor(r() * 64));
    case 6: return depth > 3 ? 1 : Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
    case 7: {
      let v: unknown = 1;
      for (let i = 0; i < 2000; i++) v = [v];
      return v;
    }
    default: {
      if (depth > 3) return {};
      const o: Record<string, unknown> = {};
      // Own properties, as JSON.parse and structured clone make them ("__proto__" included).
      for (let i = Math.floor(r() * 5); i > 0; i--) {
        Object.defineProperty(o, pick(KEYS), { value: value(r, depth + 1), enumerable: true, configurable: true, writable: true });
      }
      return o;
    }
  }
}

/**
 * Channels whose valid calls would end the probe's own session, change the keychain, or run a whole
 * rate-limited sync (6 s each; the upstream and kill probes cover sync).
 */
const SKIP_VALID = new Set(['session.signOut', 'session.signIn', 'settings.setPartnerToken', 'settings.environment', 'sync.confirmRemoval', 'sync.run']);

function isValid(channel: (typeof CHANNELS)[number], args: unknown): boolean {
  try {
    return contract[channel].args.safeParse(args).success;
  } catch {
    return false; // too deep to check: the router answers INVALID_INPUT
  }
}

/**
 * Every contract channel through the real router with `perChannel` hostile arguments. A call is
 * "typed" when the answer is the envelope with a known code; a crash is a throw, an unknown code
 * or INTERNAL (an unexpected exception inside a handler).
 */
export async function fuzzProbe(t: TestServices, perChannel: number, seed = 1): Promise<{ rows: Row[]; answers: string[] }> {
  const r = prng(seed);
  const rows: Row[] = [];
  const answers: string[] = [];
  let totalCrashes = 0;
  for (const channel of CHANNELS) {
    let tried = 0;
    let typed = 0;
    const crashes: string[] = [];
    for (let i = 0; i < perChannel; i++) {
      const args = value(r);
      if (SKIP_VALID.has(channel) && isValid(channel, args)) continue;
      tried++;
      try {
        const res = await t.call(channel, args);
        answers.push(JSON.stringify(res, (_k, v: unknown) => (v instanceof Uint8Array ? `[${v.length} bytes]` : v)).slice(0, 20_000));
        if (res.ok || ((ERROR_CODES as readonly string[]).includes(res.error.code) && res.error.code !== 'INTERNAL')) typed++;
        else crashes.push(res.error.code);
      } catch (e) {
        crashes.push(`threw ${(e as Error).name}`);
      }
    }
    totalCrashes += crashes.length;
    rows.push({
      probe: 'ipc fuzz',
      case: channel,
      result: `tried ${tried}, typed ${typed}, crashes ${crashes.length}${crashes.length ? ` (${[...new Set(crashes)].join(',')})` : ''}`,
      pass: crashes.length === 0,
    });
  }
  void totalCrashes;
  return { rows, answers };
}
