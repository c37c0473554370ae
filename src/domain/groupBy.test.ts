import { describe, expect, it } from 'vitest';
import { groupBy } from './groupBy';

describe('groupBy', () => {
  it('lists each group’s items in item order, with start offsets per group', () => {
    // Items 0..5 owned by groups 2, 0, 2, 1, 0, 2.
    const { start, order } = groupBy(Int32Array.from([2, 0, 2, 1, 0, 2]), 3);
    expect([...start]).toEqual([0, 2, 3, 6]);
    expect([...order]).toEqual([1, 4, 3, 0, 2, 5]);
  });

  it('drops items owned by −1 and leaves empty groups empty', () => {
    const { start, order } = groupBy([-1, 1, -1, 1], 3);
    expect([...start]).toEqual([0, 0, 2, 2]);
    expect([...order]).toEqual([1, 3]);
  });
});
