import { prng } from '../../src/main/demo/prng';
import { createRouter } from '../../src/main/ipc/router';
import { DeskUsersRepo } from '../../src/main/store/desk/desk-users-repo';
import { CHANNELS, contract, type Channel, type Handlers } from '../../src/shared/contract';
import { solid } from '../main/photos/images';
import { templates } from './templates';
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
 * rate-limited sync (6 s each; the upstream and kill probes cover sync). Their rows count no reach.
 */
const SKIP_VALID = new Set(['session.signOut', 'session.signIn', 'settings.setPartnerToken', 'settings.environment', 'sync.confirmRemoval', 'sync.run']);

function isValid(channel: (typeof CHANNELS)[number], args: unknown): boolean {
  try {
    return contract[channel].args.safeParse(args).success;
  } catch {
    return false; // too deep to check: the router answers INVALID_INPUT
  }
}

/** One field of a valid template replaced by a hostile value: validation must still answer, typed. */
function mutateOne(r: () => number, template: unknown): unknown {
  if (!template || typeof template !== 'object' || Array.isArray(template)) return value(r);
  const keys = Object.keys(template);
  if (keys.length === 0) return value(r);
  const k = keys[Math.floor(r() * keys.length)]!;
  return { ...(template as Record<string, unknown>), [k]: value(r) };
}

const PIN = '1111';

/**
 * Every contract channel through the real router with `perChannel` calls: a third the channel's valid
 * template (built from its zod schema with the real desk's ids, so it reaches the handler), a third that
 * template with one field made hostile, a third wholly hostile. A call is "typed" when the answer is the
 * envelope with a known code; a crash is a throw, an unknown code or INTERNAL. "reached" counts the calls
 * the handler itself ran; a channel with a template that never reaches its handler is a failed row.
 */
export async function fuzzProbe(t: TestServices, perChannel: number, seed = 1): Promise<{ rows: Row[]; answers: string[] }> {
  const r = prng(seed);
  const rows: Row[] = [];
  const answers: string[] = [];
  const { services } = t;
  const me = services.session.current()!;
  await t.call('desk.setPin', { pin: PIN });
  const locationId = services.ctx.db.prepare('SELECT min(id) FROM locations').pluck().get() as number;
  const staffId = services.ctx.db.prepare('SELECT min(id) FROM staff WHERE location_id = ?').pluck().get(locationId) as number;
  const jpeg = new Uint8Array(await solid(300, 300, 'jpeg', [200, 136, 119]));
  const hints = { locationId, staffId, date: '2026-03-20', from: '2026-03-01', to: '2026-03-20', userId: me.userId, pin: PIN, query: 'balayage', bytes: jpeg, fileName: 'probe.jpg', url: 'https://alteg.io/', minutes: 5, paper: 'a4' };
  const perChannelHints: Partial<Record<Channel, Record<string, unknown>>> = {
    // Never the probe's own user: removing it would end the session the probe runs in.
    'desk.removeUser': { userId: 999_999 },
    'catalog.location': { id: locationId },
    'catalog.service': { id: services.ctx.db.prepare('SELECT min(id) FROM services WHERE location_id = ?').pluck().get(locationId) as number },
  };
  const built = templates(hints, perChannelHints);
  // A cash-up save needs the day's own draft: its version and input, as the screen has them.
  try {
    const day = await services.handlers['cashup.open']({ locationId, date: hints.date });
    built.set('cashup.save', { args: { locationId, date: hints.date, version: day.current.version, input: day.current.input } });
  } catch {
    // No Z report for the day: the row says NO TEMPLATE and fails.
  }

  // Count what reaches each handler: the same handlers behind a router of our own.
  const reached = new Map<string, number>();
  const counted = Object.fromEntries(
    Object.entries(services.handlers).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        reached.set(name, (reached.get(name) ?? 0) + 1);
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Handlers;
  const dispatch = createRouter({ handlers: counted, isTrustedSender: () => true, log: services.log });
  const users = new DeskUsersRepo(services.ctx.db);

  /** Puts the desk back as it was (unlocked, the probe's user active, no wrong PINs) after a call that changed it. */
  async function restore(): Promise<void> {
    if (!services.desk.isLocked && services.session.current()?.userId === me.userId) return;
    users.recordAttempt(me.environment, me.userId, { failures: 0, lastFailureAt: null, lockedOut: false });
    await services.handlers['desk.unlock']({ userId: me.userId, pin: PIN });
  }

  let allTried = 0;
  let allValid = 0;
  for (const channel of CHANNELS) {
    const template = built.get(channel) ?? null;
    let tried = 0;
    let typed = 0;
    let valid = 0;
    const crashes: string[] = [];
    const before = reached.get(channel) ?? 0;
    for (let i = 0; i < perChannel; i++) {
      const kind = i % 3;
      const args = template && kind === 0 ? template.args : template && kind === 1 ? mutateOne(r, template.args) : value(r);
      const ok = isValid(channel, args);
      if (SKIP_VALID.has(channel) && ok) continue;
      tried++;
      if (ok) valid++;
      try {
        const res = await dispatch(channel, args, { senderUrl: 'fuzz' });
        answers.push(JSON.stringify(res, (_k, v: unknown) => (v instanceof Uint8Array ? `[${v.length} bytes]` : v)).slice(0, 20_000));
        if (res.ok || ((ERROR_CODES as readonly string[]).includes(res.error.code) && res.error.code !== 'INTERNAL')) typed++;
        else crashes.push(res.error.code);
      } catch (e) {
        crashes.push(`threw ${(e as Error).name}`);
      }
      await restore();
    }
    const ran = (reached.get(channel) ?? 0) - before;
    allTried += tried;
    allValid += valid;
    const mustReach = !SKIP_VALID.has(channel);
    rows.push({
      probe: 'ipc fuzz',
      case: channel,
      result: `tried ${tried}, valid ${valid}, reached the handler ${ran}, typed ${typed}, crashes ${crashes.length}${crashes.length ? ` (${[...new Set(crashes)].join(',')})` : ''}${template ? '' : ', NO TEMPLATE'}${mustReach ? '' : ' (valid calls skipped on purpose)'}`,
      pass: crashes.length === 0 && (!mustReach || (template !== null && ran > 0)),
    });
  }
  const total = rows.length;
  const reachedChannels = CHANNELS.filter((c) => (reached.get(c) ?? 0) > 0).length;
  rows.push({
    probe: 'ipc fuzz',
    case: 'channels whose handler ran',
    result: `${reachedChannels} of ${total} (${SKIP_VALID.size} skip valid calls on purpose); ${allValid} of ${allTried} calls passed validation, ${[...reached.values()].reduce((a, b) => a + b, 0)} reached a handler`,
    pass: reachedChannels >= total - SKIP_VALID.size,
  });
  return { rows, answers };
}
