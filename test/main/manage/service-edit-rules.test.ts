import { describe, expect, it } from 'vitest';
import { fieldsOf, updateBody } from '../../../src/main/services/manage/bodies';
import { changedFields, rebase, type ServiceFields } from '../../../src/shared/domain/service-edit';

const base: ServiceFields = {
  title: "Men's haircut",
  categoryId: 83167,
  priceMin: 40,
  priceMax: 40,
  durationMin: 60,
  staff: [
    { staffId: 2940951, durationMin: 60 },
    { staffId: 34006, durationMin: 45 },
  ],
  bookableOnline: true,
  breakMin: null,
  comment: '',
};
const edit = (over: Partial<ServiceFields>, from: ServiceFields = base): ServiceFields => ({
  ...from,
  staff: from.staff.map((m) => ({ ...m })),
  ...over,
});

describe('editing a service: change, conflict and merge rules (issue 22)', () => {
  it('the change is only the fields the form altered, each performer on their own', () => {
    const mine = edit({
      priceMin: 45,
      staff: [
        { staffId: 2940951, durationMin: 60 },
        { staffId: 34006, durationMin: 60 },
      ],
    });
    expect(changedFields(base, mine)).toEqual(['priceMin', 'staff:34006']);
    expect(changedFields(base, edit({ title: `  Men's haircut ` }))).toEqual([]);
  });

  it('their change to another field is not a conflict: it is kept, and mine is laid over it', () => {
    const mine = edit({ priceMin: 45 });
    const theirs = edit({
      comment: 'Wash included',
      staff: [
        { staffId: 2940951, durationMin: 75 },
        { staffId: 34006, durationMin: 45 },
      ],
    });
    const r = rebase(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.toSend).toEqual(['priceMin']);
    expect(r.merged).toEqual(edit({ priceMin: 45 }, theirs));
  });

  it('their change to the same field, to another value, is a conflict and is not merged', () => {
    const mine = edit({ priceMin: 45, priceMax: 50 });
    const theirs = edit({ priceMin: 42 });
    const r = rebase(base, mine, theirs);
    expect(r.conflicts).toEqual(['priceMin']);
    expect(r.merged.priceMin).toBe(42);
  });

  it('the same performer changed on both sides is a conflict; another performer is not', () => {
    const mine = edit({
      staff: [
        { staffId: 2940951, durationMin: 60 },
        { staffId: 34006, durationMin: 60 },
      ],
    });
    const other = edit({
      staff: [
        { staffId: 2940951, durationMin: 90 },
        { staffId: 34006, durationMin: 45 },
      ],
    });
    expect(rebase(base, mine, other).conflicts).toEqual([]);
    const same = edit({
      staff: [
        { staffId: 2940951, durationMin: 60 },
        { staffId: 34006, durationMin: 30 },
      ],
    });
    expect(rebase(base, mine, same).conflicts).toEqual(['staff:34006']);
  });

  it('the same value on both sides is no conflict and nothing is left to send (a lost answer that arrived)', () => {
    const mine = edit({ priceMin: 45 });
    expect(rebase(base, mine, mine)).toMatchObject({ conflicts: [], toSend: [] });
  });

  it('the PUT body is Altegio’s fresh copy with only the changed fields altered, the staff array sent whole', () => {
    const copy = {
      id: 83169,
      title: "Men's haircut",
      category_id: 83167,
      price_min: 40,
      price_max: 40,
      duration: 3600,
      technical_break_duration: 600,
      discount: 10,
      comment: 'Wash included',
      weight: 6,
      active: 1,
      api_id: 'ext-42',
      booking_title: 'Haircut',
      staff: [
        { id: 2940951, seance_length: 3630, price: 50 },
        { id: 34006, seance_length: 2700 },
      ],
    };
    const theirs = fieldsOf(copy);
    const mine = edit(
      {
        priceMin: 45,
        staff: [
          { staffId: 2940951, durationMin: 61 },
          { staffId: 34006, durationMin: 60 },
        ],
      },
      theirs,
    );
    const r = rebase(theirs, mine, theirs);
    // Performer 2940951 reads as 61 min (3630 s) and was not touched: its exact seconds go back.
    const body = updateBody(copy, r.merged, r.toSend);
    expect(body).toEqual({
      title: "Men's haircut",
      category_id: 83167,
      price_min: 45,
      price_max: 40,
      duration: 3600,
      technical_break_duration: 600,
      discount: 10,
      comment: 'Wash included',
      weight: 6,
      active: 1,
      api_id: 'ext-42',
      staff: [
        { id: 2940951, seance_length: 3630 },
        { id: 34006, seance_length: 3600 },
      ],
    });
  });
});
