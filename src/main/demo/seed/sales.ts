import type { Pick } from '../prng';
import type { DemoLocation, DemoOperation, DemoPayment, DemoVisit } from '../types';
import { addDays, zonedUnix } from '../zoned';
import { CLIENTS, GOODS, OTHER_OPERATION, type Lang } from './catalog';

export interface SalesSeed {
  location: DemoLocation;
  lang: Lang;
  rate: number;
  roundTo: number;
  phonePrefix: string;
  today: string;
  /** Days back from today; 0 is today. */
  days: number;
  /** Days back that had no sales at all. */
  emptyDays: number[];
  nextClientId: () => number;
}

const money = (v: number) => Math.round(v * 100) / 100;

function payments(pick: Pick, amount: number, accounts: string[]): DemoPayment[] {
  const roll = pick();
  if (roll < 0.08) {
    const loyalty = money(Math.min(amount, Math.max(1, Math.round(amount * 0.2))));
    const rest = money(amount - loyalty);
    const out: DemoPayment[] = [{ type: 'Card: Gold Card', amount: 0, loyalty }];
    if (rest > 0) out.push({ type: 'Card', amount: rest, loyalty: 0 });
    return out;
  }
  if (roll < 0.15) {
    const cash = money(Math.round(amount * 0.4));
    return [
      { type: 'Cash', amount: cash, loyalty: 0 },
      { type: 'Card', amount: money(amount - cash), loyalty: 0 },
    ];
  }
  const extra = accounts.filter((a) => a !== 'Cash' && a !== 'Card');
  if (extra.length > 0 && roll < 0.35) return [{ type: pick.one(extra), amount, loyalty: 0 }];
  return [{ type: roll < 0.6 ? 'Cash' : 'Card', amount, loyalty: 0 }];
}

function operation(
  pick: Pick,
  title: string,
  min: number,
  max: number,
  roundTo: number,
  accounts: string[],
): DemoOperation {
  const steps = Math.max(0, Math.round((max - min) / roundTo));
  const firstCost = min + pick.int(0, steps) * roundTo;
  const discount = pick.chance(0.15) ? money(firstCost * 0.1) : 0;
  const resultCost = money(firstCost - discount);
  return { title, firstCost, discount, resultCost, payments: payments(pick, resultCost, accounts) };
}

/** Believable takings for the last `days` days: a few visits a day, one master or two, goods now and then. */
export function buildSales(pick: Pick, seed: SalesSeed): Record<string, DemoVisit[]> {
  const { location, lang } = seed;
  const working = location.staff.filter((m) => !m.fired && !m.deleted);
  const servicesOf = new Map(
    working.map((m) => [m.id, location.services.filter((s) => s.staff.some((l) => l.id === m.id))]),
  );
  const clients = CLIENTS[lang].map((name, i) => ({
    id: seed.nextClientId(),
    name,
    phone: `${seed.phonePrefix}${String(1000 + i * 37).padStart(4, '0')}`,
    email:
      i % 3 === 0
        ? `${name
            .split(' ')[0]!
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z]/g, '')}@mail.example`
        : '',
  }));
  const out: Record<string, DemoVisit[]> = {};
  for (let back = seed.days - 1; back >= 0; back--) {
    const date = addDays(seed.today, -back);
    if (seed.emptyDays.includes(back)) continue;
    const count = back === 0 ? pick.int(3, 6) : pick.int(5, 11);
    const starts = Array.from({ length: count }, () => 9 * 60 + pick.int(0, 38) * 15).sort((a, b) => a - b);
    const visits: DemoVisit[] = [];
    for (const start of starts) {
      const walkIn = pick.chance(0.12);
      const client = walkIn ? { id: 0, name: '', phone: '', email: '' } : pick.one(clients);
      const masters = pick.some(
        working.filter((m) => (servicesOf.get(m.id) ?? []).length > 0),
        pick.chance(0.15) ? 2 : 1,
      );
      visits.push({
        at: zonedUnix(date, start, location.company.timezoneName),
        client,
        masters: masters.map((m) => {
          const services = pick
            .some(servicesOf.get(m.id)!, pick.chance(0.25) ? 2 : 1)
            .map((s) => operation(pick, s.title, s.priceMin, s.priceMax, seed.roundTo, location.accounts));
          const goods = pick.chance(0.2)
            ? [pick.one(GOODS[lang])].map((g) => {
                const price = Math.max(seed.roundTo, Math.round((g.usd * seed.rate) / seed.roundTo) * seed.roundTo);
                return operation(pick, g.title, price, price, seed.roundTo, location.accounts);
              })
            : [];
          const tip = Math.round((10 * seed.rate) / seed.roundTo) * seed.roundTo || seed.roundTo;
          const others = pick.chance(0.06)
            ? operation(pick, OTHER_OPERATION[lang], tip, tip, seed.roundTo, location.accounts)
            : null;
          return { masterId: m.id, services, goods, others };
        }),
      });
    }
    out[date] = visits;
  }
  return out;
}
