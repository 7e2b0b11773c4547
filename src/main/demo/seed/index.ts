import { picker } from '../prng';
import type { DemoCategory, DemoDataset, DemoLocation, DemoService, DemoStaffMember } from '../types';
import { DEMO_PARTNER_TOKEN, DEMO_USERS } from '../users';
import { addDays, localDate } from '../zoned';
import { MENU } from './catalog';
import { LOCATIONS, type LocationSeed } from './locations';
import { photoFor, portraitColor } from './photos';
import { SEED_BOOKFORMS } from './bookforms';
import { buildSales } from './sales';

const REPORT_DAYS = 14;
/**
 * Older takings, for the Today screen's 30-day charts and month-on-month figures. A picker of its
 * own, so the two recent weeks (and everything seeded after them) stay exactly as they were.
 */
const HISTORY_DAYS = 62;
/** Six days ago the salons were closed (a holiday): an empty Z-report. */
const EMPTY_DAYS = [6];

const roundTo = (v: number, step: number) => Math.max(step, Math.round(v / step) * step);
const quarterHours = (sec: number) => Math.max(900, Math.round(sec / 900) * 900);

/**
 * The demo chain: three locations (New York, Almaty, Paris) with menus in their own language,
 * teams, licences and two months of takings ending `now` (the last two weeks with one closed day). Deterministic for a given `now`.
 */
export function buildSeedDataset(now: Date = new Date()): DemoDataset {
  const pick = picker(20260401);
  let categoryId = 58_100;
  let serviceId = 912_000;
  let staffId = 3_100;
  let imageGroupId = 72_000;
  let clientId = 1_120_000;
  let tipsId = 152_700;
  const clientBase = new Map<DemoLocation, number>();

  const locations = LOCATIONS.map((seed: LocationSeed): DemoLocation => {
    const staff: DemoStaffMember[] = seed.team.map((t, i) => {
      const id = ++staffId;
      return {
        id,
        name: t.name,
        specialization: t.specialization,
        position: { id: 103_700 + i + (seed.company.id % 100) * 10, title: t.position },
        information: '',
        rating: Math.round((4.3 + pick() * 0.7) * 10) / 10,
        weight: (seed.team.length - i) * 10,
        fired: t.fired ?? false,
        hidden: t.hidden ?? false,
        deleted: false,
        color: portraitColor(id),
        photo: t.photo ? photoFor(id, ++imageGroupId, pick) : null,
      };
    });
    const skilled = (key: string) => staff.filter((m, i) => !m.fired && seed.team[i]!.skills.includes(key));
    const categories: DemoCategory[] = [];
    const services: DemoService[] = [];
    MENU.forEach((cat, ci) => {
      const members = skilled(cat.key);
      const items = cat.items.filter((it) => !seed.skip.includes(it.title.en));
      if (items.length === 0) return;
      const category: DemoCategory = {
        id: ++categoryId,
        title: cat.title[seed.lang],
        weight: (MENU.length - ci) * 10,
        staffIds: members.map((m) => m.id),
      };
      categories.push(category);
      items.forEach((it, si) => {
        const priceMin = roundTo(it.usd[0] * seed.rate, seed.roundTo);
        const priceMax = roundTo(it.usd[1] * seed.rate, seed.roundTo);
        const duration = it.minutes * 60;
        services.push({
          id: ++serviceId,
          categoryId: category.id,
          title: it.title[seed.lang],
          priceMin,
          priceMax,
          duration,
          weight: (items.length - si) * 10,
          active: true,
          comment: '',
          staff: members.map((m) => {
            const pace = seed.team[staff.indexOf(m)]!.pace;
            const price = priceMin === priceMax ? undefined : pace < 1 ? priceMax : pace > 1 ? priceMin : undefined;
            return { id: m.id, seanceLength: quarterHours(duration * pace), ...(price === undefined ? {} : { price }) };
          }),
        });
      });
    });
    const today = localDate(now, seed.company.timezoneName);
    const location: DemoLocation = {
      company: { ...seed.company, phones: [...seed.company.phones] },
      categories,
      services,
      staff,
      license: {
        name: seed.licenseName,
        startDate: addDays(today, seed.licenseDays - 365),
        endDate: addDays(today, seed.licenseDays),
        active: true,
        staffLimit: 0,
        options: [{ id: 3, title: 'Online payment' }],
      },
      accounts: seed.accounts,
      days: {},
      tips: seed.tips
        ? staff
            .filter((m) => !m.fired)
            .map((m, i) => ({ id: ++tipsId, staffId: m.id, status: i % 3 === 0 ? 3 : 4, isEnabled: i % 4 !== 3 }))
        : [],
    };
    const forms = SEED_BOOKFORMS[seed.company.id];
    if (forms) location.bookforms = forms.map((f) => ({ ...f }));
    clientBase.set(location, clientId);
    location.days = buildSales(pick, {
      location,
      lang: seed.lang,
      rate: seed.rate,
      roundTo: seed.roundTo,
      phonePrefix: seed.phonePrefix,
      today,
      days: REPORT_DAYS,
      emptyDays: EMPTY_DAYS,
      nextClientId: () => ++clientId,
    });
    return location;
  });

  const history = picker(20260913);
  locations.forEach((location, i) => {
    const seed = LOCATIONS[i]!;
    const today = localDate(now, seed.company.timezoneName);
    const older = buildSales(history, {
      location,
      lang: seed.lang,
      rate: seed.rate,
      roundTo: seed.roundTo,
      phonePrefix: seed.phonePrefix,
      today: addDays(today, -REPORT_DAYS),
      days: HISTORY_DAYS - REPORT_DAYS,
      emptyDays: [],
      // The same clients come back: the same ids for the same names as in the recent weeks.
      nextClientId: (
        (c) => () =>
          ++c
      )(clientBase.get(location)!),
    });
    Object.assign(location.days, older);
  });

  return { partnerToken: DEMO_PARTNER_TOKEN, users: DEMO_USERS.map((u) => ({ ...u })), locations };
}
