import { describe, expect, it } from 'vitest';
import { clientGroup, MIN_CLIENTS_FOR_PERCENT, returnedShare } from '../../../src/shared/domain/loyalty';

describe('"too few clients to say"', () => {
  it('no percentage under the minimum number of clients, whatever Altegio computed', () => {
    expect(MIN_CLIENTS_FOR_PERCENT).toBeGreaterThan(1);
    expect(returnedShare(MIN_CLIENTS_FOR_PERCENT - 1, 3, 33.33)).toBeNull();
    expect(returnedShare(1, 1, 100)).toBeNull();
    expect(returnedShare(0, 0, 0)).toBeNull();
  });

  it('from the minimum on: Altegio figure when given, else computed, rounded to a tenth', () => {
    expect(returnedShare(MIN_CLIENTS_FOR_PERCENT, 4, null)).toBe(40);
    expect(returnedShare(12, 5, 41.6667)).toBe(41.7);
    expect(returnedShare(12, 5, null)).toBe(41.7);
  });

  it('a custom minimum applies; junk and out-of-range figures never show', () => {
    expect(returnedShare(3, 1, null, 3)).toBe(33.3);
    expect(returnedShare(3, 1, null, 4)).toBeNull();
    expect(returnedShare(20, 5, 140)).toBe(100);
    expect(returnedShare(20, 5, -3)).toBe(0);
    expect(returnedShare(Number.NaN, 5, null)).toBeNull();
    expect(returnedShare(20, 5, Number.NaN)).toBe(25);
  });

  it('counts stay beside a withheld percentage', () => {
    expect(clientGroup({ all: 4, returned: 3, lost: 1, returnedPercent: 75 })).toEqual({
      all: 4,
      returned: 3,
      lost: 1,
      returnedPercent: null,
    });
  });
});
