import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../../src/shared/phone';
import { buildBigDataset, buildSeedDataset, DEMO_USERS } from '../../support/demo';

/**
 * The demo's phones are fictional but must be numbers libphonenumber accepts: a demo user signs in
 * by phone, and the location card checks every phone it shows (issue 22 §4).
 */
describe('demo phones', () => {
  const bad = (phones: string[]) => phones.filter((p) => p !== '').filter((p) => !checkPhone(p, null).valid);

  it('every demo user’s phone is a valid number, so a sign-in by phone is possible', () => {
    expect(bad(DEMO_USERS.map((u) => u.phone))).toEqual([]);
  });

  it('every location’s phone and every client’s phone in the seed and the big dataset is valid', () => {
    const seed = buildSeedDataset(new Date('2026-03-18T15:00:00Z'));
    const big = buildBigDataset({ locations: 120, servicesPerLocation: 2, staffPerLocation: 1 });
    for (const d of [seed, big]) {
      expect(bad(d.locations.flatMap((l) => l.company.phones))).toEqual([]);
      expect(
        bad(d.locations.flatMap((l) => Object.values(l.days).flatMap((vs) => vs.map((v) => v.client.phone)))),
      ).toEqual([]);
    }
  });
});
