import { describe, expect, it } from 'vitest';
import { buildBigDataset, buildSeedDataset } from '../../support/demo';

const NOW = new Date('2026-03-18T15:00:00Z');

describe('seed dataset', () => {
  const d = buildSeedDataset(NOW);
  const services = d.locations.flatMap((l) => l.services);
  const staff = d.locations.flatMap((l) => l.staff);

  it('is a believable chain: three timezones and currencies, ≥ 80 services, ≥ 10 categories, ≥ 15 members', () => {
    expect(d.locations.map((l) => [l.company.city, l.company.timezoneName, l.company.currencyShortTitle])).toEqual([
      ['New York', 'America/New_York', '$'],
      ['Алматы', 'Asia/Almaty', '₸'],
      ['Paris', 'Europe/Paris', '€'],
    ]);
    expect(services.length).toBeGreaterThanOrEqual(80);
    for (const l of d.locations) expect(l.categories.length).toBeGreaterThanOrEqual(10);
    expect(staff.length).toBeGreaterThanOrEqual(15);
    for (const l of d.locations) {
      expect(l.company.address.length).toBeGreaterThan(5);
      expect(l.company.phones.length).toBeGreaterThan(0);
      expect(l.company.schedule.length).toBeGreaterThan(5);
    }
  });

  it('titles are in the location’s language', () => {
    const [ny, almaty, paris] = d.locations;
    expect(almaty!.services.map((s) => s.title)).toContain('Стрижка женская — короткие волосы');
    expect(almaty!.services.every((s) => /[а-яё]/i.test(s.title) || /^[A-Za-z]+$/.test(s.title) === false)).toBe(true);
    expect(paris!.services.map((s) => s.title)).toEqual(
      expect.arrayContaining(['Épilation maillot', 'Maquillage de mariée']),
    );
    expect(ny!.services.map((s) => s.title)).toContain('Balayage');
  });

  it('services carry per-member durations; ids are unique', () => {
    expect(services.every((s) => s.staff.length > 0 && s.staff.every((l) => l.seanceLength % 900 === 0))).toBe(true);
    expect(services.some((s) => s.staff.some((l) => l.seanceLength !== s.duration))).toBe(true);
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    expect(new Set(staff.map((m) => m.id)).size).toBe(staff.length);
  });

  it('two months of sales with one empty day in the last two weeks; one licence ends within 7 days', () => {
    for (const l of d.locations) {
      const days = Object.keys(l.days);
      expect(days).toHaveLength(61);
      expect(days).not.toContain('2026-03-12');
      const payTypes = new Set(
        Object.values(l.days)
          .flat()
          .flatMap((v) =>
            v.masters.flatMap((m) => [...m.services, ...m.goods].flatMap((o) => o.payments.map((p) => p.type))),
          ),
      );
      expect([...payTypes]).toEqual(expect.arrayContaining(['Cash', 'Card']));
    }
    const ends = d.locations.map((l) => (Date.parse(l.license.endDate) - NOW.getTime()) / 86_400_000);
    expect(ends.filter((days) => days > 0 && days <= 7)).toHaveLength(1);
  });

  it('is deterministic', () => {
    expect(buildSeedDataset(NOW)).toEqual(d);
  });
});

describe('big dataset for benchmarks', () => {
  it('has the requested size and multilingual titles', () => {
    const big = buildBigDataset({ locations: 5, servicesPerLocation: 400, staffPerLocation: 30, seed: 3 });
    expect(big.locations).toHaveLength(5);
    for (const l of big.locations) {
      expect(l.services).toHaveLength(400);
      expect(l.staff).toHaveLength(30);
    }
    const titles = big.locations.flatMap((l) => l.services.map((s) => s.title));
    for (const word of ['Балаяж', 'Стрижка', 'Coloration', 'Épilation', 'Maquillage de mariée', 'Corte de pelo']) {
      expect(titles.some((t) => t.includes(word))).toBe(true);
    }
    expect(new Set(big.locations.flatMap((l) => l.services.map((s) => s.id))).size).toBe(2000);
    expect(buildBigDataset({ locations: 5, servicesPerLocation: 400, staffPerLocation: 30, seed: 3 })).toEqual(big);
  });
});
